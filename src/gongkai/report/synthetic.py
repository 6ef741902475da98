"""Consistent reports made up from a random source: for property tests, benchmarks and test corpora.

Every report made here satisfies every rule: R1–R4 and R8–R10, R13–R14 by construction, and
R5–R7 against `previous` when one is given. Randomness comes only from the `random.Random` passed
in, so a seed reproduces a report exactly.
"""

from __future__ import annotations

import random
from decimal import Decimal

from gongkai.report.document import Report, Rows
from gongkai.report.editions import APPLICANT_KEYS, REQUESTS_NOT_OUTCOMES, table
from gongkai.report.grid import Edition, Section

AGENCIES = (
    "栖霞区人民政府办公室",
    "湛河区荆山街道办事处",
    "大洼区田家街道",
    "曲靖市麒麟区珠街街道",
    "某县自然资源局",
    "某市生态环境局",
)
RULE_MAKERS = ("南京市人民政府", "江苏省人民政府办公厅")


def consistent_report(
    rng: random.Random,
    *,
    edition: Edition = Edition.E2021,
    year: int | None = None,
    previous: Report | None = None,
    blank_zeros: bool = False,
) -> Report:
    """A complete report of `edition` on which the checker finds nothing.

    With `blank_zeros`, zero cells of the legal-person columns are left blank, as many real reports
    do; blanks read as 0 keep every rule.
    """
    if previous is not None:
        year = (previous.year or 2020) + 1
        edition = Edition.for_year(year)
    elif year is None:
        year = rng.randint(2021, 2025) if edition is Edition.E2021 else rng.choice((2019, 2020))
    if previous is not None and previous.agency:
        agency = previous.agency
    else:
        agency = rng.choice(RULE_MAKERS if rng.random() < 0.2 else AGENCIES)
    makes_rules = agency in RULE_MAKERS
    report = Report(agency=agency, year=year, edition=edition, sections=frozenset(range(1, 7)))
    report.requests = _requests(rng, edition, previous)
    report.appeals = _appeals(rng)
    report.proactive = _proactive(rng, edition, previous, makes_rules)
    if blank_zeros:
        for row in report.requests.values():
            for key in APPLICANT_KEYS[1:]:
                if row[key] == 0:
                    row[key] = None
    return report


def _small(rng: random.Random, high: int = 30) -> int:
    """Mostly zeros and small counts, now and then a large one, as in real reports."""
    roll = rng.random()
    if roll < 0.55:
        return 0
    if roll < 0.95:
        return rng.randint(1, high)
    return rng.randint(high, high * 40)


def _requests(rng: random.Random, edition: Edition, previous: Report | None) -> Rows:
    grid = table(edition, Section.REQUESTS)
    outcomes = [row.key for row in grid.rows if row.key not in REQUESTS_NOT_OUTCOMES]
    rows: Rows = {row.key: {} for row in grid.rows}
    for key in APPLICANT_KEYS:
        weight = 30 if key == "natural_person" else 6
        carried_in = 0
        if previous is not None:
            value = previous.requests.get("carried_over_to_next_year", {}).get(key)
            carried_in = int(value or 0)
        else:
            carried_in = _small(rng, 3)
        counts = {o: _small(rng, weight) for o in outcomes}
        processed = sum(counts.values())
        carried_out = _small(rng, 4)
        # R1: new + carried in = processed + carried out; new_received may not be negative.
        new = processed + carried_out - carried_in
        if new < 0:
            counts[outcomes[0]] += -new
            processed += -new
            new = 0
        for o, n in counts.items():
            rows[o][key] = n
        rows["new_received"][key] = new
        rows["carried_over_from_last_year"][key] = carried_in
        rows["total_processed"][key] = processed
        rows["carried_over_to_next_year"][key] = carried_out
    for cols in rows.values():
        cols["total"] = sum(int(cols[k] or 0) for k in APPLICANT_KEYS)
    return rows


def _appeals(rng: random.Random) -> Rows:
    rows: Rows = {}
    for row in table(Edition.E2021, Section.APPEALS).rows:
        parts = {k: _small(rng, 3) for k in ("upheld", "corrected", "other", "pending")}
        rows[row.key] = {**parts, "total": sum(parts.values())}
    return rows


def _proactive(
    rng: random.Random, edition: Edition, previous: Report | None, makes_rules: bool
) -> Rows:
    before = previous.proactive if previous else {}
    if edition is Edition.E2021:
        rows: Rows = {}
        for doc in ("rules", "normative_documents"):
            made = doc != "rules" or makes_rules
            issued = _small(rng, 10) if made else 0
            if previous is not None and previous.edition_of(Section.PROACTIVE) is Edition.E2021:
                last = int(before.get(doc, {}).get("in_force") or 0)
            else:
                last = _small(rng, 50) if made else 0
            repealed = rng.randint(0, last) if made and last else 0
            rows[doc] = {
                "issued": issued,
                "repealed": repealed,
                "in_force": last + issued - repealed,
            }
        for key in ("licensing", "penalty", "coercion"):
            rows[key] = {"decisions": _small(rng, 200)}
        rows["fees"] = {"amount_10k_yuan": _money(rng)}
        return rows

    rows = {}
    for doc in ("rules", "normative_documents"):
        made = doc != "rules" or makes_rules
        new_made = _small(rng, 10) if made else 0
        new_published = rng.randint(0, new_made)
        total = new_published + (_small(rng, 60) if made else 0)
        rows[doc] = {"new_made": new_made, "new_published": new_published, "total_published": total}
    for key in ("licensing", "other_services", "penalty", "coercion", "fees"):
        if previous is not None and previous.edition_of(Section.PROACTIVE) is Edition.E2019:
            last_row = before.get(key, {})
            items = int(last_row.get("last_year_items") or 0) + int(last_row.get("change") or 0)
        else:
            items = _small(rng, 40)
        change = rng.randint(-items, 10)
        rows[key] = {"last_year_items": items, "change": change}
        if key != "fees":
            rows[key]["decisions"] = _small(rng, 300)
    rows["procurement"] = {"projects": _small(rng, 30), "amount_10k_yuan": _money(rng)}
    return rows


def _money(rng: random.Random) -> int | Decimal:
    if rng.random() < 0.5:
        return 0
    cents = rng.randint(1, 5_000_000)
    value = Decimal(cents) / 100
    return int(value) if value == value.to_integral_value() else value
