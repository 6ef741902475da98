"""Scans read by OCR: the 公文 PDF of seed 004's gold values rasterised at 150 dpi with mild noise
(a slight turn, grain, JPEG softening), as an image-only PDF and as a PNG page.

The criterion is the one that matters: no number is wrong and unflagged. Every cell read equals
the gold value; a gold cell not read is flagged (listed as ambiguous, with a doubt naming it).
The OCR engine is made once per process and each scan is read once per module.
"""

from __future__ import annotations

import io
import struct
import sys
import zlib
from pathlib import Path

import pytest

from gongkai.documents import document_pdf
from gongkai.errors import InputError
from gongkai.extract import Extraction, extract_file, extract_text
from gongkai.extract.readers import Limits
from gongkai.extract.readers.ocr import OCR_DOUBT, Word, cell_text, doubtful, mark, recognise
from gongkai.report import Report, load

from ..conftest import gold
from . import scans
from .test_readers_pdf import _document, no_rules_pdf


@pytest.fixture(scope="module")
def report() -> Report:
    return load(gold("004"))


@pytest.fixture(scope="module")
def scan(report: Report) -> tuple[bytes, list[bytes]]:
    return scans.scan_of(document_pdf(_document(report)))


@pytest.fixture(scope="module")
def scanned(
    tmp_path_factory: pytest.TempPathFactory, scan: tuple[bytes, list[bytes]]
) -> Extraction:
    path = tmp_path_factory.mktemp("scan") / "scan.pdf"
    path.write_bytes(scan[0])
    return extract_file(path)


def _no_wrong_number(extraction: Extraction, report: Report, wanted: set[str]) -> set[str]:
    """Every cell read equals gold; every wanted gold cell is read or flagged. The flagged ones."""
    got, gold_cells = dict(extraction.report.cells()), dict(report.cells())
    wrong = {
        path: (value, gold_cells.get(path))
        for path, value in got.items()
        if value != gold_cells.get(path)
    }
    assert wrong == {}
    unread = {path for path in wanted if path not in got}
    ambiguous = set(extraction.report.ambiguous)
    unflagged = {p for p in unread if p not in ambiguous and p.rsplit(".", 1)[0] not in ambiguous}
    assert unflagged == set()
    return unread


def test_the_image_only_pdf_reads_to_the_gold_cells_or_flags_them(
    scanned: Extraction, report: Report
) -> None:
    document = scanned.stages.document
    assert document is not None and document.kind == "scan"
    assert document.text.count("\n") > 50
    flagged = _no_wrong_number(scanned, report, set(dict(report.cells())))
    assert len(flagged) <= 5  # mild noise: nearly everything is read
    assert (scanned.report.agency, scanned.report.year) == (report.agency, report.year)
    assert scanned.report.edition is report.edition
    allowed = {"ocr_pages", "ocr_low_confidence", "ocr_inconsistent", "label_variant"}
    for doubt in scanned.doubts:
        assert doubt.rule in allowed, doubt.message


def test_the_result_says_which_pages_ocr_read_and_with_what_confidence(scanned: Extraction) -> None:
    document = scanned.stages.document
    assert document is not None
    (note,) = document.notes
    assert note.startswith("第 1、2、3、4、5、6、7、8 页为扫描件，由 OCR 识别（平均置信度 0.9")
    # said in the JSON and among the doubts `gongkai check` lists, not only in --debug
    assert scanned.report.extra["ocr_pages"] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert scanned.report.extra["reader_notes"] == [note]
    assert scanned.doubts[0].rule == "ocr_pages"
    assert scanned.doubts[0].message == f"{note}；OCR 读出的数字请与原件核对。"


def test_a_png_page_reads_its_tables(
    tmp_path: Path, scan: tuple[bytes, list[bytes]], report: Report
) -> None:
    path = tmp_path / "page-2.png"
    path.write_bytes(scan[1][1])  # the page with the start of section 三
    extraction = extract_file(path)
    assert extraction.stages.document is not None
    assert extraction.stages.document.kind == "scan"
    assert extraction.stages.document.notes[0].startswith("第 1 页为扫描件，由 OCR 识别")
    wanted = {p for p, _ in report.cells() if p.startswith("requests.new_received.")}
    _no_wrong_number(extraction, report, wanted)
    assert dict(extraction.report.cells())["proactive.procurement.projects"] == 22


def test_a_multi_page_tiff_and_a_jpeg_are_read_page_by_page(
    tmp_path: Path, scan: tuple[bytes, list[bytes]]
) -> None:
    from PIL import Image

    page = Image.open(io.BytesIO(scan[1][1])).convert("L")
    top = page.crop((0, int(page.height * 0.10), page.width, int(page.height * 0.33)))
    rows = page.crop((0, int(page.height * 0.36), page.width, int(page.height * 0.70)))
    tiff = tmp_path / "pages.tif"
    top.save(tiff, "TIFF", save_all=True, append_images=[rows], compression="tiff_deflate")
    extraction = extract_file(tiff)
    document = extraction.stages.document
    assert document is not None and document.ocr_pages == [1, 2]
    assert document.notes[0].startswith("第 1、2 页为扫描件，由 OCR 识别")
    cells = dict(extraction.report.cells())
    assert (
        cells["proactive.procurement.projects"],
        cells["proactive.procurement.amount_10k_yuan"],
    ) == (22, 113)
    assert "申请人情况" in document.text
    jpeg = tmp_path / "page.jpg"
    top.save(jpeg, "JPEG", quality=80)
    cells = dict(extract_file(jpeg).report.cells())
    assert (
        cells["proactive.procurement.projects"],
        cells["proactive.procurement.amount_10k_yuan"],
    ) == (22, 113)
    # a page wider than OCR takes (3,723 pixels) is scaled down first, rules and words alike
    large = tmp_path / "large.png"
    top.resize((top.width * 3, top.height * 3), Image.Resampling.BICUBIC).save(large)
    cells = dict(extract_file(large).report.cells())
    assert (
        cells["proactive.procurement.projects"],
        cells["proactive.procurement.amount_10k_yuan"],
    ) == (22, 113)


def test_a_scanned_page_with_a_page_number_in_text_is_still_read_by_ocr(
    tmp_path: Path, scan: tuple[bytes, list[bytes]]
) -> None:
    import base64

    import weasyprint

    image = base64.b64encode(scan[1][1]).decode()
    source = (
        "<style>@page { size: A4; margin: 10mm } img { width: 100% }</style>"
        f'<img src="data:image/png;base64,{image}"><p style="text-align:center">— 2 —</p>'
    )
    data = weasyprint.HTML(string=source).write_pdf()
    assert isinstance(data, bytes)
    path = tmp_path / "stamped.pdf"
    path.write_bytes(data)
    extraction = extract_file(path)
    assert extraction.stages.document is not None
    assert extraction.stages.document.ocr_pages == [1]
    cells = dict(extraction.report.cells())
    assert cells["proactive.procurement.projects"] == 22
    assert cells["requests.new_received.total"] == 52


def test_a_number_damaged_on_the_page_is_flagged_not_misread(
    tmp_path: Path, scan: tuple[bytes, list[bytes]], report: Report
) -> None:
    """「48」 with its right half erased reads as a confident 「4」, and a smudged 「4」 as
    nothing: the row's sum no longer holds, so its cells are doubts, not values."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter

    page = Image.open(io.BytesIO(scan[1][1])).convert("L")
    words = recognise(np.asarray(page), "page")
    both = next(w for w in words if w.text == "48")
    four = next(w for w in words if w.text == "4" and abs(w.cy - both.cy) < 10)
    ImageDraw.Draw(page).rectangle((both.cx, both.top - 3, both.x1 + 4, both.bottom + 3), fill=255)
    box = (int(four.x0) - 6, int(four.top) - 6, int(four.x1) + 6, int(four.bottom) + 6)
    page.paste(page.crop(box).filter(ImageFilter.GaussianBlur(4)), box)
    path = tmp_path / "damaged.png"
    page.save(path)
    extraction = extract_file(path)
    wanted = {p for p, _ in report.cells() if p.startswith("requests.new_received.")}
    flagged = _no_wrong_number(extraction, report, wanted)
    assert {"requests.new_received.natural_person", "requests.new_received.total"} <= flagged
    assert "ocr_inconsistent" in {d.rule for d in extraction.doubts}


def test_a_scanned_table_without_rules_gives_no_wrong_number(
    tmp_path: Path, report: Report
) -> None:
    """No ruling lines to cut the cells: words are put into cells at wide gaps. Rows whose labels
    wrap are not rebuilt, but no cell read is wrong and every one not read is named by a doubt."""
    (page,) = scans.rasterise(no_rules_pdf(report))
    path = tmp_path / "no-rules.png"
    path.write_bytes(scans.scanned(page, seed=3))
    extraction = extract_file(path)
    got, wanted = dict(extraction.report.cells()), dict(report.cells())
    assert {p: v for p, v in got.items() if v != wanted.get(p)} == {}
    assert len(got) > len(wanted) / 2
    named = {ref.path for doubt in extraction.doubts for ref in doubt.cells}
    named |= {str(d.data["section"]) for d in extraction.doubts if d.rule == "table_missing"}
    missing = [p for p in wanted if p not in got]
    assert [p for p in missing if not any(p == n or p.startswith(f"{n}.") for n in named)] == []


def test_an_unsure_number_is_a_doubt_on_its_cell_never_a_value() -> None:
    text = (
        "二、主动公开政府信息情况\n"
        "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
        f"规章\t3\t{OCR_DOUBT}8{OCR_DOUBT}0.61\t5\n"
        f"规范性文件\t{OCR_DOUBT}1O{OCR_DOUBT}0.99\t0\t{OCR_DOUBT}?{OCR_DOUBT}0.00\n"
    )
    extraction = extract_text(text)
    cells = dict(extraction.report.cells())
    assert cells["proactive.rules.new_made"] == 3
    assert cells["proactive.rules.total_published"] == 5
    assert "proactive.rules.new_published" not in cells
    assert "proactive.normative_documents.new_made" not in cells
    assert "proactive.normative_documents.total_published" not in cells
    assert cells["proactive.normative_documents.new_published"] == 0
    doubts = [d for d in extraction.doubts if d.rule == "ocr_low_confidence"]
    assert [d.cells[0].path for d in doubts] == [
        "proactive.rules.new_published",
        "proactive.normative_documents.new_made",
        "proactive.normative_documents.total_published",
    ]
    assert "识别为“8”（置信度 0.61），不能确定，已略去" in doubts[0].message
    assert "有字迹但未能识别" in doubts[2].message
    assert set(extraction.report.ambiguous) >= {d.cells[0].path for d in doubts}


def _word(text: str, score: float = 0.999, x: float = 0) -> Word:
    return Word(text, score, x, 0, x + 10 * len(text), 20)


@pytest.mark.parametrize(
    ("text", "score", "unsure"),
    [
        ("37", 0.999, False),
        ("37", 0.80, True),
        ("1O", 0.999, True),  # the letter O
        ("l2", 0.999, True),  # the letter l
        ("〇", 0.999, True),
        ("113万元", 0.999, False),
        ("政府集中采购", 0.50, False),  # a label: not a number, never marked
    ],
)
def test_numbers_ocr_may_have_misread_are_marked(text: str, score: float, unsure: bool) -> None:
    assert doubtful(text, score) is unsure
    written, _ = cell_text([_word(text, score)])
    assert (written == mark(text, score)) is unsure
    assert written.startswith(OCR_DOUBT) is unsure


def test_a_number_across_a_cell_border_is_marked() -> None:
    written, _ = cell_text([_word("00")], crossed=True)
    assert written == f"{OCR_DOUBT}00{OCR_DOUBT}0.00"


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1024)  # far too little data: nothing is decoded anyway
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def test_a_decompression_bomb_image_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_header_only(10_000, 8_000))  # 80 M pixels: 80 MB of grey to decode
    with pytest.raises(InputError, match=r"bomb\.png 图像过大（10000×8000 像素，上限 \d+ 像素）"):
        extract_file(path)
    path.write_bytes(_png_header_only(100_000, 100_000))
    with pytest.raises(InputError, match=r"bomb\.png 图像过大（超过上限 \d+ 像素）"):
        extract_file(path)


def test_the_pixel_limit_is_configurable(tmp_path: Path, scan: tuple[bytes, list[bytes]]) -> None:
    path = tmp_path / "page.png"
    path.write_bytes(scan[1][0])
    with pytest.raises(InputError, match="图像过大"):
        extract_file(path, limits=Limits(max_image_pixels=1_000_000))


def test_a_broken_image_is_refused(tmp_path: Path, scan: tuple[bytes, list[bytes]]) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(scan[1][0][:5000])
    with pytest.raises(InputError, match=r"broken\.png 已损坏或不是有效的图像"):
        extract_file(path)


def test_without_the_ocr_extra_a_scan_says_how_to_install_it(
    tmp_path: Path,
    scan: tuple[bytes, list[bytes]],
    report: Report,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "rapidocr", None)  # `import rapidocr` fails as uninstalled
    png, pdf = tmp_path / "page.png", tmp_path / "scan.pdf"
    png.write_bytes(scan[1][0])
    pdf.write_bytes(scans.image_pdf(scan[1][:1]))
    with pytest.raises(
        InputError, match=r"page.png 是扫描件（图像），读取需要 OCR；.*gongkai\[ocr\]"
    ):
        extract_file(png)
    with pytest.raises(
        InputError, match=r"scan.pdf 没有文字层（扫描件），读取需要 OCR；.*gongkai\[ocr\]"
    ):
        extract_file(pdf)
    # a text PDF with one scanned page: the text is read, the page is said to need OCR
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(document_pdf(_document(report)))))
    writer.append(PdfReader(io.BytesIO(scans.image_pdf(scan[1][:1]))))
    out = io.BytesIO()
    writer.write(out)
    mixed = tmp_path / "mixed.pdf"
    mixed.write_bytes(out.getvalue())
    extraction = extract_file(mixed)
    assert dict(extraction.report.cells()) == dict(report.cells())
    assert extraction.stages.document is not None
    assert extraction.stages.document.ocr_pages == []
    (note,) = extraction.stages.document.notes
    assert note.startswith(
        f"第 {len(writer.pages)} 页没有文字层（可能是扫描件），未读取；读取需要 OCR"
    )
    assert "gongkai[ocr]" in note


def test_an_image_that_is_not_a_page_of_text_is_refused(tmp_path: Path) -> None:
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (300, 200), 255).save(out, "PNG")
    path = tmp_path / "blank.png"
    path.write_bytes(out.getvalue())
    with pytest.raises(InputError, match=r"blank\.png 中未识别出文字"):
        extract_file(path)
