"""One file of the generated corpus: an agency's report for a year, its prose, the errors put
into its numbers, the page it is printed on, and the damage done to the file.

`make_report_file` returns the report as generated (next year's carry-over follows it) and the
manifest entry; `duplicate_file` copies a file under another name.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path

from gongkai.check import check
from gongkai.check.continuity import check_continuity
from gongkai.check.finding import Finding
from gongkai.check.structure import check_rule_authority, may_make_rules
from gongkai.corpus import damage
from gongkai.corpus.manifest import Entry, ExpectedFinding, Injected, Injection, Outcome
from gongkai.corpus.tree import Agency, printed_name
from gongkai.corpus.wording import Choice, Habit, Prose, write_prose
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
    """The agency's report for `year` (following on from `last`, its report of the year before,
    when that is the year before), written to `directory` as file number `index`."""
    before = last if last is not None and last.report.year == year - 1 else None
    made, prose, injected = _numbers(rng, agency, year, habit, last, before, forced)
    found = _findings(made.printed, before.printed if before else None, bool(injected))
    fmt, encoding, data, outcome, published = _page(rng, made.printed, prose, forced, injected)
    made.file = f"r{index:06d}.{fmt}"
    (directory / made.file).write_bytes(data)
    entry = Entry(
        file=made.file,
        agency=agency.name,
        printed_agency=made.printed.agency or "",
        region=agency.region,
        year=year,
        edition=made.report.edition.value,
        format=fmt,
        encoding=encoding,
        values=to_dict(made.printed),
        outcome=outcome,
        injected=injected,
        findings=[ExpectedFinding(f.rule, tuple(c.path for c in f.cells)) for f in found],
        previous=before.file if before else None,
        copied=prose.copied,
        near_copied=prose.near_copied,
        published=published,
    )
    return made, entry


def _numbers(
    rng: random.Random,
    agency: Agency,
    year: int,
    habit: Habit,
    last: Made | None,
    before: Made | None,
    forced: list[Injected],
) -> tuple[Made, Prose, list[Injection]]:
    """The report as generated, its prose, and the report as printed with any error put in."""
    previous = before.report if before else None
    report = consistent_report(rng, edition=Edition.for_year(year), year=year, previous=previous)
    if not may_make_rules(agency.name):
        # only governments of provinces and cities make 规章 (R10)
        report.proactive["rules"] = dict.fromkeys(report.proactive["rules"], 0)
    report.agency = printed_name(rng, agency)
    prose = write_prose(rng, report, habit, last.choice if last else None)
    report.prose = {n: "\n".join(p) for n, p in prose.paragraphs.items()}
    printed = _copy(report)
    injected: list[Injection] = []
    if _roll(rng, forced, Injected.ARITHMETIC):
        injected.append(damage.arithmetic_error(rng, printed))
    elif before is not None and _roll(rng, forced, Injected.CARRY_OVER):
        injected.append(damage.carry_over_error(rng, printed, before.printed))
    return Made(report, printed, prose.choice, ""), prose, injected


def _findings(printed: Report, before: Report | None, injected: bool) -> list[Finding]:
    """What the checker finds on the report as printed, against last year's as printed.

    A clean report keeps every rule within the year by construction (`consistent_report`, and
    prose that quotes its own count): only R10 and the cross-year rules can speak there. The
    tests hold this against the full checker."""
    if injected:
        return check(printed, previous=before)
    found = [*check_rule_authority(printed)]  # a 规章 count under a short name (杭州市政府)
    if before is not None:
        found.extend(check_continuity(printed, before))
    return sorted(found, key=lambda f: int(f.rule[1:]))


def _page(
    rng: random.Random,
    printed: Report,
    prose: Prose,
    forced: list[Injected],
    injected: list[Injection],
) -> tuple[str, str, bytes, Outcome, str]:
    """The file: its format, encoding, bytes (damaged or not), what reading it must give, and
    the publication date it prints."""
    fmt = "html" if rng.random() < 0.4 else "txt"
    style = rng.choice(("tsv", "tsv", "pipes"))
    kind = _damage_kind(rng, forced)
    if kind is Injected.DIGITS_MERGED:
        fmt, style = "txt", "tsv"
    year, name = printed.year, printed.agency or ""
    # most agencies publish by 31 January, as 条例第五十条 asks; some later
    month = 1 if rng.random() < 0.85 else rng.randint(2, 4)
    published = f"{(year or 0) + 1}-{month:02d}-{rng.randint(1, 31 if month == 1 else 28):02d}"
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
    if kind is Injected.GARBAGE:
        data, injection = damage.garbage(rng)
        injected.append(injection)
        return fmt, encoding, data, Outcome.FAILS, published
    if kind is Injected.EMPTY:
        injected.append(Injection(Injected.EMPTY, "空文件"))
        return fmt, encoding, b"", Outcome.FAILS, published
    hurt = None
    if kind is Injected.TRUNCATED:
        hurt = damage.truncate(rng, text)
    elif kind is Injected.LABEL_MANGLED:
        hurt = damage.mangle_label(rng, text)
    elif kind is Injected.DIGITS_MERGED:
        hurt = damage.merge_digits(rng, text, printed.edition)
    outcome = Outcome.EXACT
    if hurt is not None:
        text, injection = hurt
        injected.append(injection)
        outcome = Outcome.FLAGGED
    return fmt, encoding, text.encode(encoding), outcome, published


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
    """`original`'s bytes again as file number `index`."""
    file = f"r{index:06d}.{original.format}"
    (directory / file).write_bytes((directory / original.file).read_bytes())
    copy = Injection(Injected.DUPLICATE, f"与 {original.file} 内容相同")
    return replace(
        original, file=file, injected=[*original.injected, copy], duplicate_of=original.file
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
