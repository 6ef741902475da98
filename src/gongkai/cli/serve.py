"""`gongkai serve`: the agency's ledger site, on the embedded SQLite database by default."""

from __future__ import annotations

import random

import click

from gongkai.errors import GongkaiError


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址。")
@click.option("--port", default=8000, show_default=True, help="监听端口。")
@click.option(
    "--demo/--no-demo",
    default=True,
    show_default=True,
    help="数据库为空时创建示例机关、人员和一年的示例申请。",
)
@click.option(
    "--check-only", is_flag=True, help="只准备数据库和示例数据，不启动网站（用于检查安装）。"
)
def serve(host: str, port: int, demo: bool, check_only: bool) -> None:
    """启动政府信息公开台账网站（默认使用内置的 SQLite 数据库）。

    数据（数据库、密钥、上传的文件）保存在数据目录：环境变量 GONGKAI_HOME，
    默认为 ~/.local/share/gongkai；启动时显示。

    使用 PostgreSQL：设置环境变量 GONGKAI_DATABASE_URL=postgres://用户@主机/数据库。
    """
    from gongkai.site.home import setup_django

    home = setup_django()
    from django.core.management import call_command

    click.echo(f"数据目录：{home}（可用环境变量 GONGKAI_HOME 指定）")
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)

    from django.contrib.auth.models import User

    from gongkai.ledger.demo import create_demo
    from gongkai.ledger.models import Agency
    from gongkai.oversight.demo import create_oversight_demo
    from gongkai.site.clock import current_date

    if demo and not Agency.objects.exists():
        click.echo("正在创建示例数据……")
        made = create_demo(today=current_date(), rng=random.Random(2025))
        click.echo(f"示例机关：{made.agency.name}；示例年度：{made.year}")
        supervisor = User.objects.get(username="supervisor")
        stored = create_oversight_demo(supervisor=supervisor)
        click.echo(f"监督分析示例：已导入 {stored} 份生成的年度报告（/oversight/）")
        click.echo("示例账号（密码只显示这一次）：")
        for username, password in made.passwords.items():
            click.echo(f"  {username:<12} {password}")
    from gongkai.clock import provisional_note
    from gongkai.ledger.deadlines import entered_calendar

    for year in entered_calendar().missing_ahead(current_date()):
        click.echo(
            f"注意：{provisional_note(year)}。请用系统管理员账号在“节假日安排”页面（/schedules/）录入。"
        )
    if check_only:
        return
    from gongkai.oversight.workers import start_worker

    start_worker()  # uploads queued before a restart are read now
    from waitress import serve as waitress_serve

    from gongkai.site.wsgi import application

    click.echo(f"网站已启动：http://{host}:{port}/  （按 Ctrl+C 停止）")
    try:
        waitress_serve(application, host=host, port=port, threads=8)
    except OSError as exc:  # the port is taken, or the address is not this machine's
        raise GongkaiError(
            f"无法在 {host}:{port} 上启动网站（{exc.strerror}），请用 --port 换一个端口"
        ) from None
