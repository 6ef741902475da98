"""What each format must hold beyond its cells: numeric Excel cells, the Word file's 公文 fonts
and page-number footer, an accessible web page, and the PDF of seed 004 (kept as PNG pages)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

from gongkai.render import Format, RenderError, filename, render
from gongkai.report import Report, load
from gongkai.report.grid import Edition

from ..conftest import gold
from .roundtrip import synthetic

ARTEFACTS = Path(__file__).parent / "artefacts"


@pytest.fixture(scope="module")
def seed_004() -> Report:
    return load(gold("004"))


def test_xlsx_numbers_are_numeric_cells_and_blanks_are_empty() -> None:
    report = synthetic(3, Edition.E2021, blank_zeros=True)
    report.proactive["fees"]["amount_10k_yuan"] = Decimal("12.35")
    book = load_workbook(io.BytesIO(render(report, Format.XLSX)))
    assert book.sheetnames == [
        "一、总体情况",
        "二、主动公开",
        "三、申请处理",
        "四、复议诉讼",
        "五、六",
    ]
    requests = book["三、申请处理"]
    rows = [r for r in requests.iter_rows(values_only=True) if r[0] or r[1] or r[2]]
    new = next(r for r in rows if r[0] == "一、本年新收政府信息公开申请数量")
    values = list(new[3:10])
    expected = [report.requests["new_received"][k] for k in report.requests["new_received"]]
    assert values == expected  # numbers as int, blanks as None (an empty cell), 0 as 0
    assert all(v is None or isinstance(v, int) for v in values)
    numeric = [c for row in requests.iter_rows() for c in row if isinstance(c.value, int)]
    assert numeric and all(c.data_type == "n" for c in numeric)
    assert any(v is None for r in rows for v in r[3:10])  # blank_zeros left some blank
    fees = [c for row in book["二、主动公开"].iter_rows() for c in row if c.value == 12.35]
    assert len(fees) == 1 and fees[0].data_type == "n"
    merged = {str(m) for m in requests.merged_cells.ranges}
    assert "A3:C5" in merged  # the corner: the 勾稽关系 note over three header rows
    assert "D3:J3" in merged  # 申请人情况 over the seven applicant columns
    assert requests.freeze_panes == "D6"  # headers and labels stay in view


def test_docx_has_the_page_number_footer_and_the_official_fonts(seed_004: Report) -> None:
    data = render(seed_004, Format.DOCX)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {n: archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml")}
    footers = [text for name, text in parts.items() if re.match(r"word/footer\d+\.xml", name)]
    assert footers and all("PAGE" in f and "— " in f and " —" in f for f in footers)
    styles = parts["word/styles.xml"]
    assert "方正小标宋简体" in styles and "仿宋_GB2312" in styles and "黑体" in styles
    assert "Noto Serif CJK SC" in parts["word/fontTable.xml"]  # the fallback a Linux box has
    document = parts["word/document.xml"]
    assert 'w:val="公文标题"' in document or "公文标题" in styles
    assert "<w:vMerge" in document and "<w:gridSpan" in document  # merged body and header cells


class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.tables = 0
        self.captions = 0
        self.headers: list[dict[str, str | None]] = []
        self.spans = 0
        self.svgs = 0
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang") or ""
        self.tables += tag == "table"
        self.captions += tag == "caption"
        self.svgs += tag == "svg"
        self.scripts += tag == "script"
        if tag == "th":
            self.headers.append(values)
        if tag in ("th", "td") and ("rowspan" in values or "colspan" in values):
            self.spans += 1


def test_html_is_a_standalone_accessible_page(seed_004: Report) -> None:
    previous = load(gold("003"))
    page = render(seed_004, Format.HTML, previous=previous).decode()
    structure = _Structure()
    structure.feed(page)
    assert structure.lang == "zh-CN"
    assert structure.tables == 7 == structure.captions  # 二: five 第二十条 items; 三; 四
    assert structure.headers and all(h.get("scope") for h in structure.headers)
    assert structure.spans > 10
    assert structure.svgs == 3 and structure.scripts == 0  # three charts, no JavaScript
    assert "@media print" in page and "@page" in page
    # 2019 edition: 20 outcome rows under 三、本年度办理结果, （三）不予公开 over its 8 items
    assert page.count('<th scope="rowgroup" rowspan="20">三、本年度办理结果</th>') == 1
    assert page.count('<th scope="rowgroup" rowspan="8">（三）不予公开</th>') == 1
    without = render(seed_004, Format.HTML).decode()
    assert without.count("<svg") == 2  # no year on year without last year's report


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} (poppler-utils) is needed: scripts/system-packages.sh installs it"
    return path


def test_pdf_of_seed_004_prints_the_national_layout(seed_004: Report) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    pdf = ARTEFACTS / "004.pdf"
    pdf.write_bytes(render(seed_004, Format.PDF))
    for old in ARTEFACTS.glob("004-page-*.png"):
        old.unlink()
    subprocess.run(
        [_tool("pdftoppm"), "-r", "60", "-png", str(pdf), str(ARTEFACTS / "004-page")], check=True
    )
    pngs = sorted(ARTEFACTS.glob("004-page-*.png"))
    info = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]
    assert 3 <= pages <= 8 and len(pngs) == pages
    fonts = subprocess.run(
        [_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True
    )
    assert "CJK" in fonts.stdout and " yes " in fonts.stdout  # the CJK font embedded
    assert "CJK-JP" not in fonts.stdout  # the charts too are drawn in the Chinese faces
    text = subprocess.run(
        [_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", "", text)
    for words in (
        "栖霞区人民政府办公室",
        "2020年政府信息公开工作年度报告",
        "一、总体情况",
        "二、主动公开政府信息情况",
        "第二十条第（九）项",
        "三、收到和处理政府信息公开申请情况",
        "申请人情况",
        "法人或其他组织",
        "本列数据的勾稽关系为：第一项加第二项之",  # the note in table 三's corner, wrapped
        "和，等于第三项加第四项之和",
        "四、政府信息公开行政复议、行政诉讼情况",
        "未经复议直接起诉",
        "复议后起诉",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
        "—1—",
        "本年度办理结果",  # the outcome chart
    ):
        assert words in flat, words
    assert flat.index("一、总体情况") < flat.index("三、收到和处理") < flat.index("六、其他需要")


def test_a_pre_2019_report_has_no_national_layout() -> None:
    with pytest.raises(RenderError, match="2019年以前"):
        render(Report(agency="某局", year=2017, edition=Edition.LEGACY), Format.MD)


def test_download_file_names_are_the_title_without_path_characters() -> None:
    report = Report(agency="某市/某局:办公室*", year=2024, edition=Edition.E2021)
    assert filename(report, Format.XLSX) == "某市某局办公室2024年政府信息公开工作年度报告.xlsx"
    assert Format.DOCX.media_type.startswith("application/vnd.openxmlformats")
