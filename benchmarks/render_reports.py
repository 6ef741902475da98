"""Writer throughput: reports rendered to DOCX and to PDF, on one core.

    python benchmarks/render_reports.py [--reports 1000] [--seed 1]

Prints reports per second for `gongkai.render.render` to DOCX and to PDF, each beside a baseline
measured in the same run: the same library writing a trivial file (python-docx saving an empty
document; WeasyPrint printing a one-line page), so the ratio says what the report itself costs.
Use `--reports 50` for a quick run.
"""

from __future__ import annotations

import argparse
import io
import random
import time
from collections.abc import Callable, Sequence

import docx
import weasyprint

from gongkai.render import Format, render
from gongkai.report import Edition, Report
from gongkai.report.synthetic import consistent_report


def timed(fn: Callable[[], object], times: int) -> float:
    start = time.perf_counter()
    for _ in range(times):
        fn()
    return time.perf_counter() - start


def empty_docx() -> bytes:
    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def one_line_pdf() -> bytes:
    page = '<html lang="zh-CN"><body><p>政府信息公开工作年度报告</p></body></html>'
    pdf = weasyprint.HTML(string=page).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf


def rendering(fmt: Format, reports: Sequence[Report]) -> Callable[[], object]:
    it = iter(reports * 2)
    return lambda: render(next(it), fmt)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    reports = [
        consistent_report(
            rng, edition=(Edition.E2019, Edition.E2021)[i % 2], blank_zeros=i % 3 == 0
        )
        for i in range(args.reports)
    ]
    render(reports[0], Format.DOCX), render(reports[0], Format.PDF)  # imports and font caches
    print(f"reports: {len(reports)}")
    for fmt, baseline_name, baseline in (
        (Format.DOCX, "python-docx saving an empty document", empty_docx),
        (Format.PDF, "WeasyPrint printing a one-line page", one_line_pdf),
    ):
        base = timed(baseline, len(reports))
        took = timed(rendering(fmt, reports), len(reports))
        rate, base_rate = len(reports) / took, len(reports) / base
        print(
            f"{fmt.value}: {rate:,.1f} reports/s ({took:.1f} s); baseline, {baseline_name}: "
            f"{base_rate:,.1f}/s; ratio {took / base:.1f}× the baseline's time"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
