"""Word and Excel tables read from their grids (issue 13): a cell spanning grid columns
(`gridSpan`, a merged range) is one value, a cell merged down (`vMerge`) is no blank below."""

from __future__ import annotations

import io
from pathlib import Path

from gongkai.extract import extract_file

_TITLE = "某县人民政府2021年政府信息公开工作年度报告"


def _docx(tables: list[tuple[str, list[list[tuple[str, int, int]]]]]) -> bytes:
    """A Word file: each table after its heading; a cell is (text, rows, columns) it covers,
    placed at the first free grid position."""
    from docx import Document

    doc = Document()
    doc.add_paragraph(_TITLE)
    for heading, rows in tables:
        doc.add_paragraph(heading)
        width = sum(cols for _, _, cols in rows[0])
        table = doc.add_table(rows=len(rows), cols=width)
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(rows):
            c = 0
            for text, down, across in row:
                while (r, c) in taken:
                    c += 1
                target = table.cell(r, c)
                if down > 1 or across > 1:
                    target = target.merge(table.cell(r + down - 1, c + across - 1))
                target.text = text
                taken |= {(r + i, c + j) for i in range(down) for j in range(across)}
                c += across
    doc.add_paragraph("五、存在的主要问题及改进情况")
    doc.add_paragraph("公开形式比较单一。")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _one(text: str) -> tuple[str, int, int]:
    return (text, 1, 1)


def _wide(text: str) -> tuple[str, int, int]:
    return (text, 1, 2)


_PROACTIVE = [
    [("第二十条第（一）项", 1, 5)],
    [_one("信息内容"), _wide("本年制发件数"), _one("本年废止件数"), _one("现行有效件数")],
    [_one("规章"), _wide("5"), _one("0"), _one("12")],
    [_one("行政规范性文件"), _wide("7"), _one("2"), _one("30")],
]


def test_a_word_cell_spanning_two_grid_columns_is_one_value(tmp_path: Path) -> None:
    """The header's first column spans two grid columns and so does each value under it: the
    text gives 「5, (blank), 0, 12」 for three columns; the grid gives 5, 0, 12."""
    path = tmp_path / "report.docx"
    path.write_bytes(_docx([("二、主动公开政府信息情况", _PROACTIVE)]))
    report = extract_file(path).report
    assert report.proactive["rules"] == dict(issued=5, repealed=0, in_force=12)
    assert report.proactive["normative_documents"] == dict(issued=7, repealed=2, in_force=30)


def test_a_word_value_merged_down_is_no_blank_below(tmp_path: Path) -> None:
    appeals = [
        [_one("项目"), *map(_one, ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"))],
        [_one("行政复议"), ("1", 2, 1), *map(_one, ("0", "0", "0", "1"))],
        [_one("未经复议直接起诉"), *map(_one, ("0", "0", "0", "1"))],
        [_one("复议后起诉"), *map(_one, ("0", "0", "0", "0", "0"))],
    ]
    path = tmp_path / "report.docx"
    path.write_bytes(_docx([("四、政府信息公开行政复议、行政诉讼情况", appeals)]))
    extraction = extract_file(path)
    appeals_read = extraction.report.appeals
    assert appeals_read["reconsideration"]["upheld"] == 1
    assert "litigation_direct" not in appeals_read
    assert "appeals.litigation_direct" in extraction.report.ambiguous
    assert appeals_read["litigation_after_reconsideration"]["total"] == 0


def _xlsx(rows: list[list[str]], merges: list[str]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_excel_range_merged_across_columns_is_one_value(tmp_path: Path) -> None:
    """The sheet gives 「5, (empty), 0, 12」 for three columns: the merged range says 5 is one."""
    rows = [
        [_TITLE],
        ["二、主动公开政府信息情况"],
        ["第二十条第（一）项"],
        ["信息内容", "本年制发件数", "", "本年废止件数", "现行有效件数"],
        ["规章", "5", "", "0", "12"],
        ["行政规范性文件", "7", "", "2", "30"],
        ["五、存在的主要问题及改进情况"],
        ["公开形式比较单一。"],
    ]
    path = tmp_path / "report.xlsx"
    path.write_bytes(_xlsx(rows, ["A3:E3", "B4:C4", "B5:C5", "B6:C6"]))
    extraction = extract_file(path)
    assert extraction.report.proactive["rules"] == dict(issued=5, repealed=0, in_force=12)
    assert extraction.report.proactive["normative_documents"] == dict(
        issued=7, repealed=2, in_force=30
    )
    assert "规章 │ 5⟨1×2⟩ │ 0 │ 12" in extraction.debug_text()


def test_a_pdf_printing_section_4_as_three_captioned_ruled_tables(tmp_path: Path) -> None:
    from gongkai.documents import Document, Heading, Paragraph, Table, document_pdf

    head = [["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]]
    blocks = [Heading("一、总体情况"), Paragraph("本年度依法公开政府信息。")]
    blocks.append(Heading("四、政府信息公开行政复议、行政诉讼情况"))
    for caption, values in [
        ("（一）行政复议", [4, 1, 0, 2, 7]),
        ("（二）行政诉讼（未经复议直接起诉）", [1, 0, 0, 0, 1]),
        ("（三）行政诉讼（复议后起诉）", [0, 0, 0, 1, 1]),
    ]:
        blocks.append(Paragraph(caption))
        blocks.append(Table.of(head, [values]))  # type: ignore[arg-type]
    blocks += [Heading("五、存在的主要问题及改进情况"), Paragraph("公开形式比较单一。")]
    path = tmp_path / "report.pdf"
    path.write_bytes(document_pdf(Document(_TITLE, tuple(blocks))))
    appeals = extract_file(path).report.appeals
    assert appeals == {
        "reconsideration": dict(upheld=4, corrected=1, other=0, pending=2, total=7),
        "litigation_direct": dict(upheld=1, corrected=0, other=0, pending=0, total=1),
        "litigation_after_reconsideration": dict(
            upheld=0, corrected=0, other=0, pending=1, total=1
        ),
    }


def test_word_exported_markup_and_a_word_file_are_read_from_their_grids() -> None:
    """The merged-cell layouts of `merged` (a Word-exported page with a run per digit and
    &nbsp; blanks; the same tables as a .docx): every table read from its grid, every cell."""
    from gongkai.extract import extract
    from gongkai.report import load

    from ..conftest import gold
    from . import merged

    report = load(gold("004"))
    for name, data in [
        ("report.html", merged.html(report, word=True).encode()),
        ("report.docx", merged.docx(report)),
    ]:
        extraction = extract(data, name)
        assert dict(extraction.report.cells()) == dict(report.cells())
        mapped = {
            note.split("→ ")[1].split(":")[0]
            for grid in extraction.stages.grids
            for note in grid.notes
            if "» → " in note
        }
        assert len(mapped) == len(report.proactive) + len(report.requests)
        assert any("blocks by header" in n for g in extraction.stages.grids for n in g.notes)


def test_a_hostile_merged_range_gives_no_grid_and_no_blow_up() -> None:
    """A merged range of a million positions (a real report merges some tens): the sheet is read
    as text only, its grid left out."""
    from gongkai.extract.readers.xlsx import _grid

    assert _grid([["规章", "1", "2", "3"]], [(0, 0, 1000, 1000)]) is None
    grid = _grid(
        [["信息内容", "本年制发件数", ""], ["规章", "5", ""]], [(0, 1, 1, 2), (1, 1, 1, 2)]
    )
    assert grid is not None
    assert [(c.text, c.colspan) for c in grid.row_cells(1)] == [("规章", 1), ("5", 2)]


def test_a_table_continued_on_the_next_page_is_read_from_both_grids(tmp_path: Path) -> None:
    from gongkai.documents import document_pdf
    from gongkai.report import load

    from ..conftest import gold
    from .test_readers_pdf import _document

    report = load(gold("004"))
    path = tmp_path / "report.pdf"
    path.write_bytes(document_pdf(_document(report, prose_before_requests=4)))
    extraction = extract_file(path)
    assert dict(extraction.report.cells()) == dict(report.cells())
    requests = [
        grid
        for grid in extraction.stages.grids
        if any("→ requests." in note for note in grid.notes)
    ]
    assert len(requests) >= 2  # the rows of each page's part mapped by their labels
