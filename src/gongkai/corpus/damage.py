"""Errors put into a report's numbers, and damage done to its file, on purpose.

Errors keep the file readable: the checker must find them (an arithmetic slip: R1–R4; a carry-over
that does not carry: R5, R6 or R7). Damage is what the reader must notice: a file cut short, bytes
that are no document, an empty file, a row label misprinted, two numbers run together.
"""

from __future__ import annotations

import random
import re

from gongkai.corpus.manifest import Injected, Injection
from gongkai.report.document import Report
from gongkai.report.editions import APPLICANT_KEYS, table
from gongkai.report.grid import Edition, Section

_OUTCOME_ROWS = ("granted", "partly_granted", "total_processed")


def arithmetic_error(rng: random.Random, report: Report) -> Injection:
    """One count off by a few: a row's total, an outcome cell, or the appeals total."""
    d = rng.randint(1, 9)
    roll = rng.random()
    if roll < 0.4:
        path = "requests.total_processed.total"
    elif roll < 0.8:
        row = rng.choice([r for r in _OUTCOME_ROWS if r in report.requests])
        path = f"requests.{row}.{rng.choice(APPLICANT_KEYS[:2])}"
    else:
        path = "appeals.reconsideration.total"
    before = report.value(path) or 0
    report.set(path, before + d)
    return Injection(Injected.ARITHMETIC, f"{path} 由 {before} 改为 {before + d}", (path,))


def carry_over_error(rng: random.Random, report: Report, previous: Report) -> Injection:
    """A carry-over that does not match last year's report, the report itself still adding up."""
    d = rng.randint(1, 6)
    proactive = report.edition_of(Section.PROACTIVE)
    same = proactive is previous.edition_of(Section.PROACTIVE)
    roll = rng.random()
    if same and roll < 0.5 and proactive is Edition.E2021:
        path = "proactive.normative_documents.in_force"
    elif same and roll < 0.5:
        path = "proactive.licensing.last_year_items"
    else:
        new = report.value("requests.new_received.natural_person") or 0
        if new < 1:
            return arithmetic_error(rng, report)
        d = min(d, int(new))
        paths = tuple(
            f"requests.carried_over_from_last_year.{k}" for k in ("natural_person", "total")
        )
        for k in ("natural_person", "total"):
            # …and as many fewer new applications, so R1 and R2 still hold within the year.
            _add(report, f"requests.carried_over_from_last_year.{k}", d)
            _add(report, f"requests.new_received.{k}", -d)
        return Injection(Injected.CARRY_OVER, f"上年结转多报 {d} 件（新收相应少报）", paths)
    _add(report, path, d)
    return Injection(Injected.CARRY_OVER, f"{path} 多报 {d}", (path,))


def _add(report: Report, path: str, d: int) -> None:
    report.set(path, (report.value(path) or 0) + d)


def truncate(rng: random.Random, text: str) -> tuple[str, Injection]:
    cut = int(len(text) * rng.uniform(0.45, 0.85))
    return text[:cut], Injection(Injected.TRUNCATED, f"文件在第 {cut} 个字符处截断")


def garbage(rng: random.Random) -> tuple[bytes, Injection]:
    data = bytes(rng.randrange(256) for _ in range(rng.randint(200, 3000)))
    return b"\x00\x01" + data, Injection(Injected.GARBAGE, "随机二进制内容")


#: Labels every edition prints, a misprint of each, and the row.
_MANGLES = (
    ("本年新收政府信息公开申请数量", "本年新收政府信急公开申请数量", "requests.new_received"),
    (
        "上年结转政府信息公开申请数量",
        "上年结转政府信息公开申淸数量",
        "requests.carried_over_from_last_year",
    ),
    ("（一）予以公开", "（一）予以公幵", "requests.granted"),
    ("（七）总计", "（七）总汁", "requests.total_processed"),
)


def mangle_label(rng: random.Random, text: str) -> tuple[str, Injection] | None:
    found = [m for m in _MANGLES if m[0] in text]
    if not found:
        return None
    label, mangled, row = rng.choice(found)
    return text.replace(label, mangled, 1), Injection(
        Injected.LABEL_MANGLED, f"行标签“{label}”印作“{mangled}”", (row,)
    )


_NUMBERS = re.compile(r"(?<=\t)(\d+)\t(\d+)(?=\t|$)", re.MULTILINE)


def merge_digits(rng: random.Random, text: str, edition: Edition) -> tuple[str, Injection] | None:
    """Two adjacent numbers of a tab-separated row printed as one run (a lost cell border)."""
    runs = [m for m in _NUMBERS.finditer(text) if m.group(1) != "0" or m.group(2) != "0"]
    if not runs:
        return None
    m = rng.choice(runs)
    merged = m.group(1) + m.group(2)
    detail = f"相邻两格“{m.group(1)}”“{m.group(2)}”印成“{merged}”"
    line = text[text.rfind("\n", 0, m.start()) + 1 : text.find("\n", m.end())]
    where = _row_of(line.split("\t"), edition)
    return text[: m.start()] + merged + text[m.end() :], Injection(
        Injected.DIGITS_MERGED, detail, (where,)
    )


def _row_of(cells: list[str], edition: Edition) -> str:
    """The row (`section.row`) a printed line holds; the appeals table's one row has no label."""
    for section in (Section.PROACTIVE, Section.REQUESTS):
        for row in table(edition, section).rows:
            if row.label in cells:
                return f"{section.value}.{row.key}"
    return Section.APPEALS.value
