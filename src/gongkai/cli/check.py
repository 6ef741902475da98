"""`gongkai check`: check one report against the rules R1–R14."""

from __future__ import annotations

from pathlib import Path

import click

from gongkai.check import check as run_rules
from gongkai.check import has_errors
from gongkai.check.finding import Finding
from gongkai.cli.output import dump_json, findings_json, findings_text
from gongkai.report import interchange
from gongkai.report.document import Report


@click.command()
@click.argument("report", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--previous",
    type=click.Path(dir_okay=False, path_type=Path),
    help="同一机关上一年度的报告，用于跨年度核对（R5–R7）。",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text 供人阅读，json 供程序处理。",
)
def check(report: Path, previous: Path | None, fmt: str) -> None:
    """按全国统一格式的勾稽关系（R1–R14）核对一份年度报告。

    REPORT 可以是 gongkai.annual-report/1 格式的 JSON 文件，也可以是报告原文（文本、Markdown、网页、Word、PDF），
    原文会先被读取，读取中的疑点与核对结果一并列出。

    退出码：0 未发现错误；1 有错误级别的问题；2 文件无法使用。
    """
    this, doubts = _read(report)
    last = _read(previous)[0] if previous else None
    findings = [*doubts, *run_rules(this, previous=last)]
    if fmt == "json":
        click.echo(dump_json(findings_json(this, findings, str(report))))
    else:
        click.echo(findings_text(this, findings, str(report)))
    raise SystemExit(1 if has_errors(findings) else 0)


def _read(path: Path) -> tuple[Report, list[Finding]]:
    """A report file as-is, or a document extracted first (its doubts come along)."""
    if path.suffix.lower() == ".json":
        return interchange.load(path), []
    from gongkai.extract import extract_file

    extraction = extract_file(path)
    return extraction.report, list(extraction.doubts)
