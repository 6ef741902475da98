"""`gongkai extract`: read report documents (text, web pages, Word, Excel, PDF, scans) into the
interchange JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from gongkai.errors import GongkaiError
from gongkai.extract import Extraction, extract_file
from gongkai.report.interchange import to_dict

_EXIT_UNUSABLE = 2


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="把每份报告写成该目录下的 文件名.json，而不输出到标准输出。",
)
@click.option(
    "--debug", is_flag=True, help="在标准错误输出中逐步显示读取过程（行、表格定位、单元格、报告）。"
)
def extract(files: tuple[Path, ...], out_dir: Path | None, debug: bool) -> None:
    """读取年度报告原文，输出 gongkai.annual-report/1 格式的 JSON。

    \b
    可读取：纯文本（含 Markdown）、网页（HTML）、Word（.docx；.doc、.wps 需安装 LibreOffice）、
    Excel（.xlsx）、有文字层的 PDF；扫描件（PNG、JPEG、TIFF 图片及扫描的 PDF）
    需安装 ocr 附加组件（pip install 'gongkai[ocr]'）。

    \b
    一个文件：输出一份带缩进的 JSON；多个文件：每行一份 JSON。
    JSON 的 "doubts" 列出读取中的疑点（无法确定的行、残缺的表格等）；
    无法确定的数字一律略去并列入 "ambiguous"，绝不猜测。

    退出码：0 全部读取；2 有文件无法读取（多个文件时其余文件照常读取）。
    """
    if len(files) == 1:
        _emit(extract_file(files[0]), files[0], out_dir, debug, indent=2)
        return
    failed = False
    written: set[str] = set()
    for path in files:
        try:
            extraction = extract_file(path)
        except GongkaiError as exc:
            click.echo(f"gongkai：{exc}", err=True)
            failed = True
            continue
        _emit(extraction, path, out_dir, debug, indent=None, written=written)
    if failed:
        raise SystemExit(_EXIT_UNUSABLE)


def payload(extraction: Extraction) -> dict[str, Any]:
    """The report's interchange JSON with the extraction doubts added."""
    out = to_dict(extraction.report)
    out["doubts"] = [doubt.as_dict() for doubt in extraction.doubts]
    return out


def _emit(
    extraction: Extraction,
    path: Path,
    out_dir: Path | None,
    debug: bool,
    *,
    indent: int | None,
    written: set[str] | None = None,
) -> None:
    if debug:
        click.echo(extraction.debug_text(), err=True)
    text = json.dumps(payload(extraction), ensure_ascii=False, indent=indent)
    if out_dir is None:
        click.echo(text)
        return
    name = path.stem if written is None or path.stem not in written else path.name
    if written is not None:
        written.add(name)
    target = out_dir / f"{name}.json"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(payload(extraction), ensure_ascii=False, indent=2) + "\n")
    except OSError as exc:
        raise GongkaiError(f"无法写入 {target}：{exc.strerror or exc}") from None
    click.echo(f"{path} → {target}", err=True)
