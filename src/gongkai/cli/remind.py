"""`gongkai remind`: write reminders to clerks about requests due soon or overdue (run daily)."""

from __future__ import annotations

from datetime import date, datetime

import click


@click.command()
@click.option(
    "--today", type=click.DateTime(["%Y-%m-%d"]), help="按此日期计算（默认今天），格式 YYYY-MM-DD。"
)
@click.option("--days", default=5, show_default=True, help="提前多少个工作日提醒。")
def remind(today: datetime | None, days: int) -> None:
    """给经办人写提醒：答复期限在 N 个工作日内或已超期的申请（建议每个工作日运行一次）。

    提醒写入通知发件箱；配置了邮件或短信发送方式时同时发出。可在任何目录运行（如 cron），
    数据目录由环境变量 GONGKAI_HOME 指定，与 gongkai serve 相同。
    """
    from gongkai.site.home import setup_django

    setup_django(require_database=True)

    from gongkai.clock import provisional_note
    from gongkai.ledger.deadlines import calendar, entered_calendar
    from gongkai.ledger.notify import remind_clerks
    from gongkai.site.clock import current_date

    day: date = today.date() if today is not None else current_date()
    soon = calendar().add_working_days(day, days)
    written = remind_clerks(today=day, soon=soon)
    click.echo(f"已写入 {written} 条提醒（{day} 起 {days} 个工作日内到期或已超期的申请）。")
    for year in entered_calendar().missing_ahead(day):
        click.echo(
            f"注意：{provisional_note(year)}。请系统管理员在“节假日安排”页面（/schedules/）录入。",
            err=True,
        )
