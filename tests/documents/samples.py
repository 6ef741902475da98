"""Documents used by the tests: a short one with every kind of block, and a long one."""

from __future__ import annotations

from decimal import Decimal

from gongkai.documents import Align, Document, HeaderCell, Heading, Paragraph, Signature, Table

HOSTILE = "<script>alert('x')</script> & <b>粗体</b>\x00\x07\x1b[31m\u202e反转"


def report_table() -> Table:
    """Section 二's shape: a label column, then a two-level header with merged cells."""
    return Table.of(
        [
            [HeaderCell("信息内容", rows=2), HeaderCell("本年制发件数", cols=2), "现行有效件数"],
            ["新制作", "废止", HeaderCell("件")],
        ],
        [["规章", 12, 3, 15], ["规范性文件", 1234, None, Decimal("1234.5")]],
        widths=(3, 1, 1, 1),
        caption="表一 主动公开政府信息情况",
    )


def sample(body: str = "本机关于2025年3月3日收到您提出的政府信息公开申请。") -> Document:
    return Document(
        "某某市交通运输局政府信息公开申请答复告知书",
        (
            Paragraph("张三：", align=Align.LEFT, indent=False),
            Paragraph(body),
            Heading("一、总体情况"),
            Heading("（一）主动公开", level=2),
            report_table(),
            Signature(("某某市交通运输局", "2025年3月20日")),
        ),
        number="某交信告〔2025〕12号",
    )


def long_document(pages: int = 3) -> Document:
    text = "政府信息公开工作年度报告正文。" * 40
    return Document("长文档", tuple(Paragraph(text) for _ in range(pages * 4)))
