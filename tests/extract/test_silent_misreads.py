"""Rows that used to be read as wrong numbers with no doubt, caught only by the checker's sums:
a row one cell short read shifted, a number cut by the end of the file, a row with one cell too
many read by a blank total."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.corpus.generate import generate_corpus
from gongkai.corpus.verify import verify
from gongkai.errors import GongkaiError
from gongkai.extract import extract_file, extract_text
from gongkai.report.editions import APPLICANT_KEYS, table
from gongkai.report.grid import Edition, Section
from tests.extract.fixtures import document

_HEADER = "\t\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计"
_KEYS = (*APPLICANT_KEYS, "total")
_NEW = "一、本年新收政府信息公开申请数量"


def _requests(*rows: str) -> str:
    return "\n".join([_HEADER, *rows])


def _row(label: str, cells: list[str], continuation: int = 2) -> str:
    return "\t".join([label, *[""] * continuation, *cells])


def _rules(extraction: object) -> list[str]:
    return [d.rule for d in extraction.doubts]  # type: ignore[attr-defined]


def test_merged_digits_after_a_merged_label() -> None:
    """ "204" and "16" printed as "20416" after a label's two empty continuation cells."""
    row = f"{_NEW}\t\t\t20416\t134\t317\t84\t45\t800"
    extraction = extract_text(document(requests=_requests(row)))
    assert list(extraction.report.requests["new_received"].values()) == [
        204,
        16,
        134,
        317,
        84,
        45,
        800,
    ]
    assert "requests.new_received" not in extraction.report.ambiguous


def test_merged_digits_no_split_adds_up() -> None:
    row = f"{_NEW}\t\t\t20416\t134\t317\t84\t45\t999"
    extraction = extract_text(document(requests=_requests(row)))
    assert "new_received" not in extraction.report.requests
    assert "requests.new_received" in extraction.report.ambiguous
    doubt = next(d for d in extraction.doubts if d.rule == "ambiguous")
    assert "本年新收" in doubt.message and doubt.cells[0].path == "requests.new_received"


def test_merged_digits_row_exactly_as_long_as_its_columns() -> None:
    """r000325: one continuation cell and one lost border: the row still has 7 cells."""
    row = "\t（七）总计\t\t932\t21\t37\t127\t260225\t1602"
    extraction = extract_text(document(requests=_requests(row)))
    assert list(extraction.report.requests["total_processed"].values()) == [
        932,
        21,
        37,
        127,
        260,
        225,
        1602,
    ]


def test_blank_values_after_a_label_still_read_when_no_border_was_lost() -> None:
    """A row printing only its total: too few digits for any to have run together."""
    row = _row("（七）总计", ["2"], continuation=6)
    extraction = extract_text(document(requests=_requests(row)))
    assert extraction.report.requests["total_processed"] == {**dict.fromkeys(_KEYS), "total": 2}


def test_file_cut_in_its_last_number() -> None:
    """ "144" cut to "14" at the very end of the file, no line break after it."""
    appeals = "行政复议\t\t\t\t\t行政诉讼\n" + "\t".join(["0"] * 14 + ["144"])
    text = document(appeals=appeals, headings=(1, 2, 3, 4))
    text = text[: text.index("\t144") + 3]
    assert text.endswith("\t14")
    extraction = extract_text(text)
    assert "total" not in extraction.report.appeals.get("litigation_after_reconsideration", {})
    assert 14 not in [v for row in extraction.report.appeals.values() for v in row.values()]
    assert "truncated" in _rules(extraction)


def test_file_cut_after_a_tab_loses_the_total() -> None:
    """r000040: the text ends right after the tab before the total: the total is lost, not blank."""
    rows = [_row("（一）予以公开", ["1", "2", "3", "4", "5", "6", "21"], 1)]
    cut = _row("（七）总计", ["222", "174", "102", "157", "232", "27", ""], 1)
    text = document(requests=_requests(*rows, "\t" + cut), headings=(1, 2, 3))
    text = text[: text.index("\t27\t") + 4]
    extraction = extract_text(text)
    assert "total" not in extraction.report.requests.get("total_processed", {})
    assert "requests.total_processed" in extraction.report.ambiguous


def test_web_page_cut_inside_a_table_row(tmp_path: Path) -> None:
    """A page cut inside "<td>144": the reader closes the row, but the cell may be cut."""
    rows = "".join(
        f"<tr><td>{label}</td>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>"
        for label, values in [
            (_NEW, ["1", "2", "3", "4", "5", "6", "21"]),
            ("二、上年结转政府信息公开申请数量", ["0", "0", "0", "0", "0", "0", "0"]),
        ]
    )
    page = (
        "<html><body><h1>某局2020年政府信息公开工作年度报告</h1>"
        "<p>三、收到和处理政府信息公开申请情况</p><table>"
        + rows
        + "<tr><td>（一）予以公开</td><td>100</td><td>14"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    extraction = extract_file(path)
    assert extraction.report.requests["granted"] == {"natural_person": 100}
    assert "truncated" in _rules(extraction)
    # The same page as text in hand is read by the same page reader: one reader per format.
    same = extract_text(page)
    assert same.report.requests == extraction.report.requests
    assert [d.message for d in same.doubts] == [d.message for d in extraction.doubts]


def test_extra_cell_chosen_by_a_blank_total() -> None:
    """Dropping either end's empty cell: one reading fails R2, the other has a blank total."""
    row = "\t".join(["（一）予以公开", "", "3", "0", "0", "0", "0", "5", ""])
    extraction = extract_text(document(requests=_requests(row)))
    assert "granted" not in extraction.report.requests
    assert "requests.granted" in extraction.report.ambiguous


def test_extra_cell_chosen_when_the_sums_check_numbers() -> None:
    row = "\t".join(["（一）予以公开", "9", "1", "1", "0", "0", "0", "0", "2"])
    extraction = extract_text(document(requests=_requests(row)))
    assert list(extraction.report.requests["granted"].values()) == [1, 1, 0, 0, 0, 0, 2]
    assert "extra_cell" in _rules(extraction)


_COUNTS = st.lists(st.integers(0, 999), min_size=6, max_size=6)


@settings(max_examples=60, deadline=None)
@given(_COUNTS, st.integers(0, 5), st.integers(0, 3), st.randoms(use_true_random=False))
def test_a_lost_cell_border_never_shifts_a_row(
    parts: list[int], where: int, continuation: int, rng: random.Random
) -> None:
    """Two adjacent cells of a tab-separated row printed as one: the row is read right, or it is
    in doubt; never a wrong number stated."""
    cells = [str(v) for v in [*parts, sum(parts)]]
    if cells[where + 1] == "0" and cells[where] == "0":
        return
    merged = [*cells[:where], cells[where] + cells[where + 1], *cells[where + 2 :]]
    row = _row(_NEW, merged, continuation)
    other = _row("二、上年结转政府信息公开申请数量", ["0"] * 7, continuation)
    lines = [row, other] if rng.random() < 0.5 else [other, row]
    extraction = extract_text(document(requests=_requests(*lines)))
    read = extraction.report.requests.get("new_received")
    if read is not None and "requests.new_received" not in extraction.report.ambiguous:
        assert [read.get(k) for k in _KEYS] == [int(c) for c in cells]


@settings(max_examples=60, deadline=None)
@given(_COUNTS, st.integers(1, 30))
def test_a_file_cut_inside_its_last_row_never_states_a_cut_number(
    parts: list[int], keep: int
) -> None:
    cells = [str(v) for v in [*parts, sum(parts)]]
    row = _row("（七）总计", cells, 1)
    text = document(requests=_requests("\t" + row), headings=(1, 2, 3))
    end = text.index("（七）总计") + len("（七）总计") + 1 + keep
    extraction = extract_text(text[: min(end, text.index(row) + len(row))])
    read = extraction.report.requests.get("total_processed", {})
    grid = table(Edition.E2019, Section.REQUESTS).row("total_processed")
    for column in grid.columns:
        if column.key in read and read[column.key] is not None:
            assert read[column.key] == int(cells[_KEYS.index(column.key)])


def test_generated_files_cut_anywhere_in_their_tables_state_no_wrong_number(
    tmp_path: Path,
) -> None:
    """Generated reports (text and web pages) cut at random points after section 三 begins:
    every number read is right, or an extraction doubt covers it."""
    corpus = tmp_path / "corpus"
    manifest = generate_corpus(corpus, 60, seed=3)
    rng = random.Random(3)
    cut_files = 0
    for entry in manifest.entries:
        if entry.injected or entry.format not in ("txt", "html"):
            continue
        text = (corpus / entry.file).read_bytes().decode(entry.encoding or "utf-8")
        start = text.find("三、收到和处理")
        if start < 0:
            continue
        for n in range(4):
            path = tmp_path / f"{n}{entry.file}"
            encoding = entry.encoding or "utf-8"
            path.write_bytes(text[: rng.randint(start, len(text))].encode(encoding, "replace"))
            try:
                extraction = extract_file(path)
            except GongkaiError:
                continue
            cut_files += 1
            wrong = [
                m
                for m in verify(extraction.report, extraction.doubts, entry.values)
                if m.actual != "（未读出）"
            ]
            assert not wrong, (entry.file, path.stat().st_size, [str(m) for m in wrong])
    assert cut_files > 100
