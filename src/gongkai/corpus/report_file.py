"""One file of the generated corpus: an agency's report for a year, its prose, the errors put
into its numbers, the page it is printed on, and the damage done to the file.

`make_report_file` returns the report as generated (next year's carry-over follows it) and the
manifest entry; `duplicate_file` copies a file under another name.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from gongkai.check import check
from gongkai.check.continuity import check_continuity
from gongkai.check.structure import check_rule_authority, may_make_rules
from gongkai.corpus import damage
from gongkai.corpus.manifest import Entry, ExpectedFinding, Injected, Injection, Outcome
from gongkai.corpus.tree import Agency, printed_name
from gongkai.corpus.wording import Choice, Habit, write_prose
from gongkai.corpus.writers import Page, html_page, text_page
from gongkai.report.document import Report
from gongkai.report.grid import Edition
from gongkai.report.interchange import to_dict
from gongkai.report.synthetic import consistent_report

#: Shares of reports with each error or damage (each kind also appears at least once).
RATES: dict[Injected, float] = {
    Injected.ARITHMETIC: 0.06,
    Injected.CARRY_OVER: 0.05,
    Injected.TRUNCATED: 0.015,
    Injected.GARBAGE: 0.005,
    Injected.EMPTY: 0.005,
    Injected.DUPLICATE: 0.01,
    Injected.LABEL_MANGLED: 0.02,
    Injected.DIGITS_MERGED: 0.02,
}
_FILE_DAMAGE = (Injected.TRUNCATED, Injected.LABEL_MANGLED, Injected.DIGITS_MERGED)


@dataclass
class Made:
    """One agency-year while the corpus is made."""

    report: Report  # clean, as generated (next year's carry-over follows it)
    printed: Report  # as the file prints it: errors included
    choice: Choice
    file: str


def make_report_file(
    rng: random.Random,
    directory: Path,
    index: int,
    agency: Agency,
    year: int,
    habit: Habit,
    last: Made | None,
    forced: list[Injected],
) -> tuple[Made, Entry]:
    previous = last.report if last is not None and last.report.year == year - 1 else None
    report = consistent_report(rng, edition=Edition.for_year(year), year=year, previous=previous)
    if not may_make_rules(agency.name):
        # only governments of provinces and cities make 规章 (R10)
        report.proactive["rules"] = dict.fromkeys(report.proactive["rules"], 0)
    name = printed_name(rng, agency)
    report.agency = name
    prose = write_prose(rng, report, habit, last.choice if last else None)
    report.prose = {n: "\n".join(p) for n, p in prose.paragraphs.items()}
    printed = _copy(report)
    injected: list[Injection] = []
    if _roll(rng, forced, Injected.ARITHMETIC):
        injected.append(damage.arithmetic_error(rng, printed))
    elif previous is not None and _roll(rng, forced, Injected.CARRY_OVER):
        assert last is not None
        injected.append(damage.carry_over_error(rng, printed, last.printed))
    before = last.printed if previous is not None and last is not None else None
    # A clean report keeps every rule within the year by construction (`consistent_report`, and
    # prose that quotes its own count): only the cross-year rules need running there. The tests
    # hold this against the full checker.
    if injected:
        found = check(printed, previous=before)
    else:
        found = [*check_rule_authority(printed)]  # a 规章 count under a short name (杭州市政府)
        if before is not None:
            found.extend(check_continuity(printed, before))
        found.sort(key=lambda f: int(f.rule[1:]))
    findings = [ExpectedFinding(f.rule, tuple(c.path for c in f.cells)) for f in found]

    fmt = "html" if rng.random() < 0.4 else "txt"
    style = rng.choice(("tsv", "tsv", "pipes"))
    kind = _damage_kind(rng, forced)
    if kind is Injected.DIGITS_MERGED:
        fmt, style = "txt", "tsv"
    published = f"{year + 1}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
    title: tuple[str, ...] = (name, f"{year}年政府信息公开工作年度报告")
    if rng.random() < 0.5:
        title = (f"{name}{year}年度政府信息公开工作年度报告",)
    page = Page(title, published, prose.paragraphs)
    # some text files and some portal pages (older sites) in GBK
    encoding = "gbk" if rng.random() < (0.3 if fmt == "txt" else 0.15) else "utf-8"
    if fmt == "html":
        text = html_page(printed, page, "gbk" if encoding == "gbk" else "utf-8")
    else:
        text = text_page(printed, page, style)
    data: bytes | None = None
    outcome = Outcome.EXACT
    if kind is Injected.TRUNCATED:
        text, injection = damage.truncate(rng, text)
        injected.append(injection)
        outcome = Outcome.FLAGGED
    elif kind is Injected.GARBAGE:
        data, injection = damage.garbage(rng)
        injected.append(injection)
        outcome = Outcome.FAILS
    elif kind is Injected.EMPTY:
        data = b""
        injected.append(Injection(Injected.EMPTY, "空文件"))
        outcome = Outcome.FAILS
    elif kind in (Injected.LABEL_MANGLED, Injected.DIGITS_MERGED):
        hurt = (
            damage.mangle_label(rng, text)
            if kind is Injected.LABEL_MANGLED
            else damage.merge_digits(rng, text, report.edition)
        )
        if hurt is not None:
            text, injection = hurt
            injected.append(injection)
            outcome = Outcome.FLAGGED
    if data is None:
        data = text.encode(encoding, errors="strict")
    file = f"r{index:06d}.{fmt}"
    (directory / file).write_bytes(data)
    entry = Entry(
        file=file,
        agency=agency.name,
        printed_agency=name,
        region=agency.region,
        year=year,
        edition=report.edition.value,
        format=fmt,
        encoding=encoding,
        values=to_dict(printed),
        outcome=outcome,
        injected=injected,
        findings=findings,
        previous=last.file if previous is not None and last is not None else None,
        copied=prose.copied,
        near_copied=prose.near_copied,
    )
    return Made(report, printed, prose.choice, file), entry


def _roll(rng: random.Random, forced: list[Injected], kind: Injected) -> bool:
    if kind in forced:
        forced.remove(kind)
        return True
    return rng.random() < RATES[kind]


def _damage_kind(rng: random.Random, forced: list[Injected]) -> Injected | None:
    for kind in (*_FILE_DAMAGE, Injected.GARBAGE, Injected.EMPTY):
        if _roll(rng, forced, kind):
            return kind
    return None


def duplicate_file(directory: Path, index: int, original: Entry) -> Entry:
    file = f"r{index:06d}.{original.format}"
    (directory / file).write_bytes((directory / original.file).read_bytes())
    return Entry(
        file=file,
        agency=original.agency,
        printed_agency=original.printed_agency,
        region=original.region,
        year=original.year,
        edition=original.edition,
        format=original.format,
        encoding=original.encoding,
        values=original.values,
        outcome=original.outcome,
        injected=[
            *original.injected,
            Injection(Injected.DUPLICATE, f"与 {original.file} 内容相同"),
        ],
        findings=original.findings,
        previous=original.previous,
        duplicate_of=original.file,
        copied=original.copied,
        near_copied=original.near_copied,
    )


def _copy(report: Report) -> Report:
    return Report(
        agency=report.agency,
        year=report.year,
        edition=report.edition,
        proactive={k: dict(v) for k, v in report.proactive.items()},
        requests={k: dict(v) for k, v in report.requests.items()},
        appeals={k: dict(v) for k, v in report.appeals.items()},
        sections=report.sections,
        prose=dict(report.prose),
    )
