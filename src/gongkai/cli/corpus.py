"""`gongkai corpus`: many agencies' reports at once — import a directory or ZIP into the
oversight database (in parallel, resumable), and generate a test corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def _django() -> None:
    from gongkai.site.home import setup_django

    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


@click.group()
def corpus() -> None:
    """批量处理多个机关的年度报告：导入、生成测试语料。"""


@corpus.command("import")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--workers", type=click.IntRange(min=1), help="并行的工作进程数（默认为 CPU 核数）。")
@click.option("--scheduler", help="Dask 调度器地址，如 tcp://10.0.0.1:8786；给出时在集群上运行。")
@click.option(
    "--region",
    default="未归类",
    show_default=True,
    help="报告所属地区，从省级写起，用 / 分隔，如 河南省/平顶山市/湛河区。",
)
def import_(source: Path, workers: int | None, scheduler: str | None, region: str) -> None:
    """导入目录（含子目录）或 ZIP 压缩包中的全部年度报告。

    已导入过的文件（按内容哈希）自动跳过，中断后重新运行即可继续；无法读取的文件记入失败清单，
    不影响其他文件。
    """
    _django()
    from gongkai.oversight.actions import region_path
    from gongkai.oversight.importing import run_import, summary

    place = region_path(region.split("/"))
    with click.progressbar(length=0, label="导入", file=sys.stderr) as bar:

        def started(total: int) -> None:
            bar.length = total

        run = run_import(
            source,
            region=place,
            workers=workers,
            scheduler=scheduler,
            progress=lambda n: bar.update(n),
            started=started,
        )
    click.echo(summary(run))
    for failure in run.failures.all()[:20]:
        click.echo(f"  失败：{failure.file}：{failure.reason}")
    if run.failed > 20:
        click.echo(f"  ……另有 {run.failed - 20} 个失败，见网站的导入记录页面")


@corpus.command("work", hidden=True)
@click.option("--run", "run_pk", type=int, help="只导入这一批（由工作进程启动的子进程）。")
def work(run_pk: int | None) -> None:
    """导入网站上传后排队的压缩包（由网站启动，不必手动运行）。"""
    from gongkai.site.home import setup_django

    setup_django()  # started by the site, on its database (GONGKAI_DATABASE_URL), migrated
    from gongkai.oversight import workers

    if run_pk is None:
        workers.work()
    else:
        workers.run_one(run_pk)


@corpus.command("generate")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--count", type=click.IntRange(min=1), default=1000, show_default=True, help="报告份数。"
)
@click.option(
    "--seed", type=int, default=1, show_default=True, help="随机种子：相同种子生成相同语料。"
)
def generate(directory: Path, count: int, seed: int) -> None:
    """生成测试用的年度报告语料（文本和网页，两种格式版本，含错误和损坏），及记录真实数值的
    manifest.json。"""
    from gongkai.corpus.generate import generate_corpus

    manifest = generate_corpus(directory, count, seed=seed)
    click.echo(f"已生成 {len(manifest.entries)} 份报告：{directory}（真实数值见 manifest.json）")
