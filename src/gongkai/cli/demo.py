"""`gongkai demo`: the main job until the site exists — check the seed reports' gold files."""

from __future__ import annotations

from pathlib import Path

import click

from gongkai.check import check as run_rules
from gongkai.cli.output import findings_text
from gongkai.errors import InputError
from gongkai.report import interchange


def _default_seeds() -> Path | None:
    """shared/seeds/gold beside the project, else the project's own copy in tests/seeds/gold."""
    for base in (Path.cwd(), *Path.cwd().parents):
        for candidate in (
            base.parent / "shared" / "seeds" / "gold",
            base / "tests" / "seeds" / "gold",
        ):
            if candidate.is_dir():
                return candidate
    return None


@click.command()
@click.option(
    "--seeds",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="存放报告 JSON 文件的目录（默认：项目旁的 shared/seeds/gold，或项目中的 tests/seeds/gold）。",
)
def demo(seeds: Path | None) -> None:
    """核对一组报告（默认为随附的五份样本报告）并显示每份报告的核对结果。"""
    folder = seeds or _default_seeds()
    if folder is None:
        raise InputError("找不到样本报告目录 shared/seeds/gold，请用 --seeds 指定")
    files = sorted(folder.glob("*.json"))
    if not files:
        raise InputError(f"目录 {folder} 中没有报告 JSON 文件")
    for path in files:
        report = interchange.load(path)
        click.echo(findings_text(report, run_rules(report), path.name))
        click.echo()
