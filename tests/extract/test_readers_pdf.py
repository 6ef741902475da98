"""PDF files with a text layer: tables by their ruling lines, merged header cells, tables split
across pages; encrypted, corrupt, over-long and image-only files refused with one clear error.

The fixtures are 公文 PDFs written by `gongkai.documents` from the gold values of seed 004, laid
out like the national format (header rows with merged cells, labels in narrow columns that wrap).
"""

from __future__ import annotations

import base64
import io
import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongkai.cli import main
from gongkai.documents import (
    Block,
    Cell,
    Document,
    HeaderCell,
    Heading,
    Paragraph,
    Table,
    document_pdf,
)
from gongkai.errors import InputError
from gongkai.extract import extract, extract_file
from gongkai.extract.readers import Limits, read_document
from gongkai.extract.readers.pdf import _without_page_furniture, join_lines
from gongkai.report import Report, load

from ..conftest import gold
from . import merged

#: Header rows of the national tables: 一 (the first group's title and column labels), 三, 四.
_HEADER_ROWS = (2, 3, 3)
_HEADINGS = ("一、", "二、", "三、", "四、", "五、", "六、")


def _table(grid: merged.Grid, header_rows: int) -> Table:
    placed = merged._placed(grid)
    width = max(c + cell.cols for _, c, cell in placed)
    header: list[list[HeaderCell | str]] = [
        [HeaderCell(cell.text, cols=cell.cols, rows=cell.rows) for r, _, cell in placed if r == i]
        for i in range(header_rows)
    ]
    body: list[list[Cell | str | int | None]] = []
    for i in range(header_rows, len(grid)):
        row: list[Cell | str | int | None] = [Cell("")] * width
        for r, c, cell in placed:
            if r == i:
                row[c] = Cell(cell.text)
        body.append(row)
    return Table.of(header, body)


def _document(report: Report, *, prose_before_requests: int = 0) -> Document:
    title, *rest = merged.blocks(report)
    assert isinstance(title, str)
    blocks: list[Block] = []
    tables = iter(_HEADER_ROWS)
    for block in rest:
        if not isinstance(block, str):
            blocks.append(_table(block, next(tables)))
        elif block.startswith(_HEADINGS):
            blocks.append(Heading(block))
            if block.startswith("三、"):
                paragraph = "本机关依法办理政府信息公开申请，严格按照法定时限答复申请人。" * 3
                blocks.extend(Paragraph(paragraph) for _ in range(prose_before_requests))
        else:
            blocks.append(Paragraph(block))
    return Document(title, tuple(blocks))


@pytest.fixture(scope="module")
def report() -> Report:
    return load(gold("004"))


@pytest.fixture(scope="module")
def pdf(report: Report) -> bytes:
    return document_pdf(_document(report))


@pytest.fixture(scope="module")
def pdf_split(report: Report) -> bytes:
    return document_pdf(_document(report, prose_before_requests=4))


def _pages_with(data: bytes, text: str) -> list[int]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as document:
        pages = [
            (page.page_number, "".join((page.extract_text() or "").split()))
            for page in document.pages
        ]
    return [number for number, content in pages if text in content]


def _check(tmp_path: Path, data: bytes, report: Report) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    extraction = extract_file(path)
    got = extraction.report
    assert extraction.stages.document is not None
    assert extraction.stages.document.kind == "pdf"
    assert dict(got.cells()) == dict(report.cells())
    assert (got.edition, got.agency, got.year) == (report.edition, report.agency, report.year)
    assert got.agency == "栖霞区人民政府办公室" and got.year == 2020


def test_pdf_with_merged_header_cells_gives_the_gold_cells(
    tmp_path: Path, report: Report, pdf: bytes
) -> None:
    _check(tmp_path, pdf, report)


def test_a_table_split_across_pages_still_gives_the_gold_cells(
    tmp_path: Path, report: Report, pdf_split: bytes
) -> None:
    # the requests table starts after the prose and runs over at least one page break
    first = _pages_with(pdf_split, "申请人情况")[0]
    assert _pages_with(pdf_split, "申请人情况")[-1] > first
    assert _pages_with(pdf_split, "严格按照法定时限")[-1] == first
    _check(tmp_path, pdf_split, report)


def test_rows_are_tab_separated_with_labels_joined_and_page_numbers_dropped(pdf: bytes) -> None:
    text = read_document(pdf, "report.pdf").text
    assert "\t\t\t申请人情况\t\t\t\t\t\t\n" in text
    assert "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n" in text
    assert "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n" in text
    assert "三、本年度办理结果\t（一）予以公开\t\t12\t1\t0\t0\t0\t0\t13\n" in text
    assert "\n\t\t5.属于三类内部事务信息\t2\t0\t0\t0\t0\t0\t2\n" in text
    assert "\n2\t0\t0\t1\t3\t1\t0\t0\t0\t1\t3\t0\t0\t0\t3\n" in text
    assert "— 1 —" not in text and "— 2 —" not in text
    assert text.index("二、主动公开政府信息情况") < text.index("规章\t0\t0\t0")
    assert text.index("规章\t0\t0\t0") < text.index("三、收到和处理政府信息公开申请情况")


def test_cell_lines_join_without_a_space_between_chinese() -> None:
    assert join_lines("社会公\n益组织") == "社会公益组织"
    assert join_lines("（四）无\n法提供") == "（四）无法提供"
    assert join_lines("（一\n）予\n以公\n开") == "（一）予以公开"
    assert join_lines("1.属于\n国家\n秘密") == "1.属于国家秘密"
    assert join_lines("Open\nGovernment") == "Open Government"
    assert join_lines(" 12 \n") == "12"


def test_cli_prints_the_report_json(tmp_path: Path, report: Report, pdf: bytes) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "gongkai.annual-report/1"
    assert data["agency"] == report.agency and data["year"] == report.year
    assert data["appeals"]["reconsideration"]["total"] == 3


def _refused(tmp_path: Path, data: bytes, match: str, limits: Limits | None = None) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    started = time.process_time()
    with pytest.raises(InputError, match=match):
        extract_file(path, limits=limits)
    # Bounded, not timed: a hostile file must not run unbounded. CPU seconds, not wall time: a busy
    # CI machine loading the OCR models once took 11 s of wall time here; the bound of issue 15 is
    # 30 s a file.
    assert time.process_time() - started < 30


def test_an_encrypted_pdf_is_refused(tmp_path: Path, pdf: bytes) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    _refused(tmp_path, out.getvalue(), "bad.pdf 已加密，无法读取")


@pytest.mark.parametrize("keep", [0.5, 0.05, 200])
def test_a_truncated_pdf_is_refused(tmp_path: Path, pdf: bytes, keep: float) -> None:
    end = int(len(pdf) * keep) if keep < 1 else int(keep)
    _refused(tmp_path, pdf[:end], "bad.pdf 已损坏或不是有效的 PDF")


def test_a_file_that_only_starts_like_a_pdf_is_refused(tmp_path: Path) -> None:
    _refused(tmp_path, b"%PDF-1.7\n" + "不是 PDF".encode() * 50, "已损坏或不是有效的 PDF")


def test_more_pages_than_the_limit_are_refused(tmp_path: Path) -> None:
    blocks = tuple(Paragraph(f"第{i}段。" * 200) for i in range(12))
    data = document_pdf(Document("五页的文件", blocks))
    assert len(_pages_with(data, "")) >= 5
    _refused(tmp_path, data, r"页数过多（\d+ 页，上限 2 页）", Limits(max_pages=2))


def test_the_time_limit_is_checked_between_pages(tmp_path: Path, pdf: bytes) -> None:
    _refused(tmp_path, pdf, "读取超时", Limits(max_seconds=0))


def test_a_pdf_without_a_text_layer_and_no_text_in_its_images_is_refused(tmp_path: Path) -> None:
    _refused(tmp_path, _image_page(), "没有文字层（可能是扫描件），OCR 也未识别出文字")


def test_page_numbers_and_running_headers_are_dropped_and_nothing_else() -> None:
    def page(number: int, *body: str) -> list[tuple[str, bool]]:
        return [
            ("栖霞区人民政府办公室文件", False),
            *((line, "\t" in line) for line in body),
            (f"第 {number} 页 共 3 页" if number < 3 else f"- {number} -", False),
            (str(number), False),
        ]

    pages = [
        page(1, "二、主动公开政府信息情况", "规章\t0\t0\t0"),
        page(2, "行政许可\t0\t0\t0", "3", "栖霞区人民政府办公室文件"),
        page(3, "— 3 —", "行政处罚\t1\t2\t3", "2"),
    ]
    assert _without_page_furniture(pages) == [
        "二、主动公开政府信息情况",
        "规章\t0\t0\t0",
        "行政许可\t0\t0\t0",
        "3",  # a bare number inside the page is a value, not a page number
        "栖霞区人民政府办公室文件",  # said inside the page, not at its edge
        "行政处罚\t1\t2\t3",
        "2",
    ]


def test_a_web_page_printed_to_pdf_with_merged_label_cells(tmp_path: Path, report: Report) -> None:
    """Row spans in the body (「三、本年度办理结果」 over 20 rows) and value cells spanning
    columns. One tall page: WeasyPrint drops the text of a row span that a page break cuts."""
    import weasyprint

    style = "<style>@page { size: 300mm 600mm; margin: 1cm } table { border-collapse: collapse } "
    source = merged.html(report).replace("<style>", style, 1)
    data = weasyprint.HTML(string=source).write_pdf()
    assert isinstance(data, bytes)
    assert len(_pages_with(data, "")) == 1
    text = read_document(data, "page.pdf").text
    assert "三、本年度办理结果\t（一）予以公开\t\t12\t1\t0\t0\t0\t0\t13\n" in text
    assert "\n\t（四）无法提供\t1.本机关不掌握相关政府信息\t24\t3\t0\t0\t0\t0\t27\n" in text
    _check(tmp_path, data, report)


def test_check_reads_a_pdf_too(tmp_path: Path, pdf: bytes) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code in (0, 1), result.stderr
    assert "栖霞区人民政府办公室" in result.stdout
    help_text = CliRunner().invoke(main, ["extract", "--help"]).stdout
    assert "PDF" in help_text


def _image_page() -> bytes:
    import weasyprint
    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(image, "PNG")
    source = base64.b64encode(image.getvalue()).decode()
    scan = weasyprint.HTML(string=f'<img src="data:image/png;base64,{source}">').write_pdf()
    assert isinstance(scan, bytes)
    return scan


def test_scanned_pages_among_text_pages_are_noted(pdf: bytes) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.append(PdfReader(io.BytesIO(_image_page())))
    out = io.BytesIO()
    writer.write(out)
    pages = len(writer.pages)
    document = read_document(out.getvalue(), "mixed.pdf")
    assert "三、本年度办理结果\t（一）予以公开" in document.text
    assert document.kind == "pdf"  # not all of it is a scan
    assert document.notes == [f"第 {pages} 页为扫描件，由 OCR 识别（平均置信度 0.00）"]


def test_an_owner_password_alone_does_not_stop_reading(pdf: bytes) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    assert "规章\t0\t0\t0" in read_document(out.getvalue(), "locked.pdf").text


def no_rules_pdf(report: Report) -> bytes:
    """The web page of `report` printed on one tall page with no cell borders at all."""
    import weasyprint

    style = (
        "<style>@page { size: 300mm 600mm; margin: 1cm } "
        "table, td, th { border: none !important } td, th { padding: 2px 8px }</style>"
    )
    source = merged.html(report).replace("<style>", style + "<style>", 1)
    data = weasyprint.HTML(string=source).write_pdf()
    assert isinstance(data, bytes)
    return data


def test_a_table_printed_without_rules_gives_no_wrong_number(report: Report) -> None:
    """A web page printed with no cell borders: the PDF has no ruling lines, so rows are read from
    the text lines alone. Labels that wrap around the values are not rebuilt yet, so some rows are
    missing — but every cell read is the gold value and every missing one is named by a doubt."""
    data = no_rules_pdf(report)
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as document:
        assert not any(page.lines or page.rects for page in document.pages)  # no rules at all
    extraction = extract(data, "no-rules.pdf")
    got, wanted = dict(extraction.report.cells()), dict(report.cells())
    assert {path: value for path, value in got.items() if value != wanted.get(path)} == {}
    assert len(got) > len(wanted) / 2
    named = {ref.path for doubt in extraction.doubts for ref in doubt.cells}
    named |= {str(d.data["section"]) for d in extraction.doubts if d.rule == "table_missing"}
    missing = [path for path in wanted if path not in got]
    assert [p for p in missing if not any(p == n or p.startswith(f"{n}.") for n in named)] == []
