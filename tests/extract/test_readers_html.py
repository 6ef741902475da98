"""Saved web pages: rowspan/colspan tables expanded to the grid, in UTF-8, GBK and Word's markup."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongkai.cli import main
from gongkai.errors import InputError
from gongkai.extract import extract_file
from gongkai.extract.readers import Limits, read_document
from gongkai.extract.readers.html import page_text
from gongkai.report import Report, load

from ..conftest import gold
from . import merged


@pytest.fixture(scope="module")
def report() -> Report:
    return load(gold("004"))


def _assert_same(path: Path, want: Report) -> None:
    extraction = extract_file(path)
    got = extraction.report
    assert extraction.stages.document is not None
    assert extraction.stages.document.kind == "html"
    assert dict(got.cells()) == dict(want.cells())
    assert (got.edition, got.agency, got.year) == (want.edition, want.agency, want.year)


def test_utf8_page_with_merged_headers_gives_the_gold_cells(tmp_path: Path, report: Report) -> None:
    path = tmp_path / "report.html"
    path.write_text(merged.html(report), encoding="utf-8")
    _assert_same(path, report)


def test_gbk_page_without_a_charset_gives_the_gold_cells(tmp_path: Path, report: Report) -> None:
    path = tmp_path / "report.htm"
    path.write_bytes(merged.html(report, charset=None).encode("gbk"))
    _assert_same(path, report)
    assert read_document(path.read_bytes(), path.name).encoding == "gb18030"


def test_gbk_page_declaring_gb2312(tmp_path: Path, report: Report) -> None:
    path = tmp_path / "report.html"
    path.write_bytes(merged.html(report, charset="gb2312").encode("gbk"))
    _assert_same(path, report)


def test_word_exported_page_with_a_run_per_digit(tmp_path: Path, report: Report) -> None:
    path = tmp_path / "report.html"
    page = merged.html(report, word=True)
    assert "<font face='Times New Roman'>4</font>" in page
    path.write_text(page, encoding="utf-8")
    _assert_same(path, report)


def test_a_rowspan_leaves_a_blank_below_and_a_colspan_stays_one_cell() -> None:
    page = (
        "<table><tr><td rowspan=2>甲</td><td colspan=2>乙</td></tr>"
        "<tr><td>1</td><td>2<br>3</td></tr><tr><td>丙<td>4<td>5</table>"
    )
    assert page_text(page) == "甲\t乙\n\t1\t2 3\n丙\t4\t5\n"


def test_a_header_spanning_two_columns_over_one_value_each_row() -> None:
    """The real case (a site's section 二): 「本年新公开数量」 spans two grid columns and so does
    each value under it, while the next sub-table's values span other columns: one cell a td."""
    page = (
        "<table><tr><td>信息内容</td><td>本年新制作数量</td><td colspan=2>本年新公开数量</td>"
        "<td>对外公开总数量</td></tr>"
        "<tr><td>规章</td><td>13</td><td colspan=2>13</td><td>524</td></tr>"
        "<tr><td>行政许可</td><td colspan=2>0</td><td>7</td><td>0</td></tr></table>"
    )
    assert page_text(page) == (
        "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t13\t13\t524\n行政许可\t0\t7\t0\n"
    )


def test_scripts_styles_and_entities() -> None:
    page = (
        "<html><head><style>p{}</style><script>x='<p>no</p>'</script></head>"
        "<body><p>一、总体&nbsp;情况</p><div>a &amp; b<br>c</div></body></html>"
    )
    assert page_text(page) == "一、总体 情况\na & b\nc\n"


def test_a_layout_table_is_read_as_blocks() -> None:
    page = "<table><tr><td><p>标题</p><table><tr><td>规章</td><td>1</td></tr></table></td></tr></table>"
    assert page_text(page) == "标题\n规章\t1\n"


def test_hostile_spans_stay_bounded() -> None:
    page = "<table>" + '<tr><td colspan="99999999" rowspan="99999999">x</td></tr>' * 50 + "</table>"
    started = time.process_time()
    lines = page_text(page).splitlines()
    assert time.process_time() - started < 5
    assert len(lines) == 50


def test_a_page_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(b"<html><body>" + b"<p>x</p>" * 20_000 + b"</body></html>")
    with pytest.raises(InputError, match="过大"):
        extract_file(path, limits=Limits(max_bytes=10_000))
    with pytest.raises(InputError, match="过大"):
        read_document(path.read_bytes(), path.name, Limits(max_bytes=10_000))


def test_a_declared_200_mb_page_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as out:
        out.write(b"<html>")
        out.truncate(200_000_000)  # sparse: declared size only
    started = time.process_time()
    with pytest.raises(InputError, match="过大"):
        extract_file(path, limits=Limits(max_bytes=1_000_000))
    assert time.process_time() - started < 2


def test_cli_prints_the_report_json(tmp_path: Path, report: Report) -> None:
    path = tmp_path / "report.html"
    path.write_text(merged.html(report), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["agency"] == report.agency and data["year"] == report.year
    assert data["requests"]["new_received"]["total"] == 52


def test_deep_nesting_does_not_exhaust_the_stack() -> None:
    page = "<html><body>" + "<div><span>" * 50_000 + "正文" + "</span></div>" * 50_000
    started = time.process_time()
    assert page_text(page + "</body></html>").strip() == "正文"
    assert time.process_time() - started < 10


def test_a_wrong_charset_declaration_falls_back_to_detection(
    tmp_path: Path, report: Report
) -> None:
    path = tmp_path / "report.html"
    path.write_bytes(merged.html(report, charset="utf-8").encode("gbk"))
    _assert_same(path, report)


def test_preformatted_text_keeps_its_lines() -> None:
    assert page_text("<html><pre>规章\t1\n规范性文件\t2</pre></html>") == "规章\t1\n规范性文件\t2\n"


def test_a_table_holding_the_whole_article_is_layout() -> None:
    prose = "本机关认真贯彻落实条例，" * 30
    page = f"<html><table><tr><td>导航</td><td><p>一、总体情况</p><p>{prose}</p></td></tr></table>"
    assert page_text(page) == f"导航\n一、总体情况\n{prose}\n"


def test_too_many_elements_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from gongkai.extract.readers import html

    monkeypatch.setattr(html, "MAX_ELEMENTS", 1000)
    with pytest.raises(InputError, match="元素超过 1000 个"):
        read_document(b"<html>" + b"<span>1</span>" * 2000, "many.html")


def test_word_unicode_page_in_utf16(tmp_path: Path, report: Report) -> None:
    path = tmp_path / "report.htm"
    page = merged.html(report, charset="unicode", word=True)
    path.write_bytes(page.encode("utf-16"))  # with its byte-order mark, as Word saves it
    _assert_same(path, report)
