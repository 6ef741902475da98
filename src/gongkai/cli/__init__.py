"""The `gongkai` command. Each subcommand lives in its own module and only parses arguments,
calls the core and prints; the work is done in the core packages."""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

import click

from gongkai import __version__
from gongkai.errors import GongkaiError

#: Libraries that log, in English, what they tolerate in a damaged file (「MediaBox missing from
#: /Page」): gongkai says in Chinese what matters (a refused file, a doubt), so their words are noise.
_PARSER_LOGS = ("pdfminer", "pdfplumber")

#: Exit statuses shared by every subcommand.
EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE, EXIT_BUG = 0, 1, 2, 70


class _Group(click.Group):
    """Turns a GongkaiError into one clear Chinese line and exit status 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        if not os.environ.get("GONGKAI_TRACEBACK"):
            for name in _PARSER_LOGS:
                logging.getLogger(name).setLevel(logging.CRITICAL)
        try:
            return super().invoke(ctx)
        except GongkaiError as exc:
            click.echo(f"gongkai：{exc}", err=True)
            ctx.exit(EXIT_UNUSABLE)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("gongkai：已中断", err=True)
            ctx.exit(130)
        except Exception as exc:
            if os.environ.get("GONGKAI_TRACEBACK"):
                raise
            click.echo(
                f"gongkai：内部错误（这是 gongkai 的缺陷，请报告）：{type(exc).__name__}: {exc}",
                err=True,
            )
            ctx.exit(EXIT_BUG)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="gongkai")
def main() -> None:
    """gongkai（公开）：政府信息公开工作年度报告的格式、读取与核对。

    \b
    常用命令：
      gongkai check 报告.json          按全国统一格式的勾稽关系核对一份报告
      gongkai demo                     核对随附的五份样本报告并显示结果

    出错时退出码为 2，并给出一行中文说明；设置 GONGKAI_TRACEBACK=1 可查看内部错误的详细信息。
    """


def _register() -> None:
    from gongkai.cli import check, corpus, demo, extract, remind, render, serve

    main.add_command(check.check)
    main.add_command(demo.demo)
    main.add_command(extract.extract)
    main.add_command(serve.serve)
    main.add_command(remind.remind)
    main.add_command(corpus.corpus)
    main.add_command(render.render_command)


_register()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
