"""`gongkai render`: write a report file as DOCX, PDF, HTML, Markdown or XLSX."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from gongkai.check import check, has_errors
from gongkai.errors import InputError
from gongkai.render import Format, render
from gongkai.render.prose import read_prose
from gongkai.report import interchange


@click.command(
    "render", short_help="按全国统一格式把报告写成 Word、PDF、网页、Markdown 或 Excel 文件。"
)
@click.argument("report", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--to",
    "fmt",
    type=click.Choice([f.value for f in Format]),
    required=True,
    help="输出格式：docx（Word，公文格式）、pdf、html（网页）、md（Markdown）、xlsx（Excel）。",
)
@click.option(
    "--prose",
    type=click.Path(dir_okay=False, path_type=Path),
    help="第一、五、六部分的文字（PROSE.md，用「## 一」「## 五」「## 六」分节）；替换报告中已有的文字。",
)
@click.option(
    "--previous",
    type=click.Path(dir_okay=False, path_type=Path),
    help="上一年度的报告，用于网页和 PDF 中的“与上年比较”图表。",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="输出文件；默认与报告同目录、同名、换扩展名；“-” 表示输出到标准输出（仅 html、md）。",
)
def render_command(
    report: Path, fmt: str, prose: Path | None, previous: Path | None, output: Path | None
) -> None:
    """把一份 gongkai.annual-report/1 报告（JSON）按全国统一格式写成 Word、PDF、网页、Markdown 或 Excel 文件。

    \b
    六个部分依次排列；表格按全国格式合并表头，空白单元格保持空白，0 写作 0。
    生成的文件可以用 gongkai extract 原样读回。
    例：gongkai render 报告.json --prose 文字.md --to docx

    报告未通过核对时照常生成，并在标准错误输出中提示。退出码：0 已生成；2 文件无法使用。
    """
    target = Format(fmt)
    data = interchange.load(report)
    if prose is not None:
        data.prose = read_prose(prose)
    last = interchange.load(previous) if previous is not None else None
    if output is not None and str(output) == "-" and not target.is_text:
        raise InputError(f"{target.label}是二进制文件，不能输出到标准输出；请用 -o 指定文件名")
    body = render(data, target, previous=last)
    if data.ambiguous:
        click.echo(
            f"gongkai：提醒：报告中有 {len(data.ambiguous)} 处无法确定的单元格或行"
            "（ambiguous），生成的文件中为空白。",
            err=True,
        )
    if has_errors(check(data, previous=last)):
        click.echo(
            "gongkai：提醒：该报告未通过核对（可用 gongkai check 查看），仍按原数字生成。", err=True
        )
    if output is not None and str(output) == "-":
        sys.stdout.buffer.write(body)
        sys.stdout.buffer.flush()
        return
    path = output or report.with_suffix(f".{target.value}")
    if path.resolve() == report.resolve():
        raise InputError(f"输出文件 {path} 与报告文件相同，请用 -o 指定其他文件名")
    try:
        path.write_bytes(body)
    except OSError as error:
        raise InputError(f"无法写入 {path}（{error.strerror}）") from None
    click.echo(f"已生成 {path}", err=True)
