"""Year on year: cell changes, the carry-over rules from the checker, copied prose."""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

from gongkai.corpus.compare import Change, compare, prose_diff
from gongkai.corpus.generate import generate_corpus
from gongkai.corpus.prose_diff import Status, fold
from gongkai.report.document import Report
from gongkai.report.grid import Edition
from gongkai.report.interchange import from_dict
from gongkai.report.synthetic import consistent_report

AGENCY = "杭州市西湖区教育局"


def _pair(seed: int, year: int) -> tuple[Report, Report]:
    rng = random.Random(seed)
    previous = consistent_report(rng, edition=Edition.for_year(year - 1), year=year - 1)
    previous.agency = AGENCY
    current = consistent_report(rng, previous=previous)
    return current, previous


def test_every_cell_has_its_change() -> None:
    current, previous = _pair(1, 2022)
    current.set("requests.granted.natural_person", 30)
    previous.set("requests.granted.natural_person", 20)
    current.set("appeals.reconsideration.total", None)
    previous.set("appeals.reconsideration.total", 0)
    comparison = compare(current, previous)
    assert len(comparison.changes) == len(list(current.cells()))
    granted = comparison.change("requests.granted.natural_person")
    assert granted is not None
    assert (granted.previous, granted.current, granted.delta) == (20, 30, 10)
    assert granted.percent == 50.0 and granted.change is Change.CHANGED
    assert "予以公开" in granted.label
    blank = comparison.change("appeals.reconsideration.total")
    assert blank is not None and blank.change is Change.SAME and blank.percent is None
    assert comparison.year == 2022 and comparison.previous_year == 2021
    assert not comparison.findings, "a consistent pair keeps R5–R7"
    json.dumps(comparison.to_dict(), ensure_ascii=False)


def test_money_changes_stay_exact() -> None:
    current, previous = _pair(2, 2022)
    previous.set("proactive.fees.amount_10k_yuan", Decimal("1.10"))
    current.set("proactive.fees.amount_10k_yuan", Decimal("1.30"))
    fees = compare(current, previous).change("proactive.fees.amount_10k_yuan")
    assert fees is not None and fees.delta == Decimal("0.20")
    assert fees.to_dict()["delta"] == 0.2


def test_between_editions_only_shared_cells_line_up() -> None:
    current, previous = _pair(3, 2021)  # 2020 (edition 2019) → 2021 (edition 2021)
    comparison = compare(current, previous)
    kinds = {c.change for c in comparison.changes}
    assert {Change.ONLY_CURRENT, Change.ONLY_PREVIOUS} <= kinds
    only_now = {c.path for c in comparison.changes if c.change is Change.ONLY_CURRENT}
    assert "proactive.rules.in_force" in only_now
    shared = comparison.change("requests.new_received.total")
    assert shared is not None and shared.change in (Change.SAME, Change.CHANGED)


def test_two_spellings_of_one_agency_are_not_a_finding() -> None:
    current, previous = _pair(6, 2022)
    previous.agency, current.agency = "杭州市西湖区人民政府办公室", "西湖区政府办"
    assert not compare(current, previous).findings
    current.agency = "上城区人民政府办公室"
    assert [f.rule for f in compare(current, previous).findings] == ["R5"]


def test_doubtful_cells_are_marked() -> None:
    current, previous = _pair(7, 2022)
    current.ambiguous.append("requests.granted")
    comparison = compare(current, previous)
    granted = comparison.change("requests.granted.total")
    assert granted is not None and granted.doubtful
    other = comparison.change("requests.new_received.total")
    assert other is not None and not other.doubtful


def test_carry_over_rules_come_from_the_checker() -> None:
    current, previous = _pair(4, 2022)
    current.set(
        "requests.carried_over_from_last_year.natural_person",
        (current.value("requests.carried_over_from_last_year.natural_person") or 0) + 3,
    )
    current.set(
        "proactive.normative_documents.in_force",
        (current.value("proactive.normative_documents.in_force") or 0) + 1,
    )
    rules = {f.rule for f in compare(current, previous).findings}
    assert rules == {"R5", "R6"}

    current, previous = _pair(5, 2020)  # edition 2019 on both sides: R7
    current.set(
        "proactive.licensing.last_year_items",
        (current.value("proactive.licensing.last_year_items") or 0) + 2,
    )
    assert [f.rule for f in compare(current, previous).findings] == ["R7"]


LAST_YEAR = {
    1: "2021年，本局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政府信息公开条例。\n"
    "（一）主动公开。2021年通过门户网站主动公开政府信息1234条，及时公开财政预决算信息。\n"
    "（二）依申请公开。2021年全年共收到政府信息公开申请12件，所有申请均在法定期限内答复。",
    5: "一是部分信息更新不够及时；二是政策解读形式较为单一，图解、视频解读偏少。",
    6: "无。",
}
THIS_YEAR = {
    # copied: only the year and the numbers changed, punctuation and spaces differ
    1: "2022年, 本局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政府信息公开条例。\n"
    # near-copy: one clause added
    "（一）主动公开。2022年通过门户网站主动公开政府信息1502条，及时公开财政预决算信息，"
    "开设专题专栏3个。\n"
    # rewritten on the same topic
    "（二）依申请公开。本年度申请量明显上升，我们建立了疑难申请会商机制，邀请法律顾问参与研判，"
    "答复文书实行法制审核。",
    # a paragraph moved from section 五 to section 六 is still a copy
    6: "一是部分信息更新不够及时；二是政策解读形式较为单一，图解、视频解读偏少。",
}


def test_prose_copied_near_copied_and_rewritten() -> None:
    diff = prose_diff(THIS_YEAR, LAST_YEAR)
    statuses = [(p.section, p.index, p.status) for p in diff.paragraphs]
    assert statuses == [
        (1, 0, Status.COPIED),
        (1, 1, Status.NEAR_COPY),
        (1, 2, Status.NEW),
        (6, 0, Status.COPIED),
    ]
    assert diff.paragraphs[0].previous == (1, 0)
    assert diff.paragraphs[3].previous == (5, 0)
    assert diff.paragraphs[2].similarity < 0.3
    near = diff.paragraphs[1]
    assert near.previous_text.startswith("（一）主动公开。2021年")
    added = "".join(t for kind, t in near.segments() if kind == "added")
    assert "开设专题专栏3个" in added
    assert "segments" in near.to_dict() and "segments" not in diff.paragraphs[0].to_dict()
    section = diff.section(1)
    assert section is not None
    assert 0.2 < section.copied_share < section.reused_share < 0.8
    assert diff.section(6) is not None and diff.section(6).copied_share == 1.0  # type: ignore[union-attr]
    json.dumps(diff.to_dict(), ensure_ascii=False)


def test_short_boilerplate_is_not_called_a_copy() -> None:
    diff = prose_diff({6: "无。"}, {6: "无。"})
    assert [p.status for p in diff.paragraphs] == [Status.NEW]


def test_fold_drops_years_numbers_and_punctuation() -> None:
    assert fold("2021年收到申请 12 件。") == fold("二〇二二年，收到申请3件")


def test_prose_diff_finds_what_the_corpus_copied(tmp_path: Path) -> None:
    manifest = generate_corpus(tmp_path, 80, seed=5)
    by_file = {e.file: e for e in manifest.entries}
    checked = 0
    for entry in manifest.entries:
        if not entry.previous or "prose" not in entry.values:
            continue
        before = by_file[entry.previous].values["prose"]
        now = {int(k): v for k, v in entry.values["prose"].items()}
        diff = prose_diff(now, {int(k): v for k, v in before.items()})
        for p in diff.paragraphs:
            if p.index in entry.copied.get(str(p.section), []):
                want = Status.COPIED
            elif p.index in entry.near_copied.get(str(p.section), []):
                want = Status.NEAR_COPY
            else:
                want = Status.NEW
            assert p.status is want, (entry.file, p.section, p.index, p.similarity)
            checked += 1
        comparison = compare(from_dict(entry.values), from_dict(by_file[entry.previous].values))
        assert comparison.prose.to_dict() == diff.to_dict()
    assert checked > 100
