"""A 公文-style document as plain data: a title and blocks, written to DOCX or PDF by the writers.

The letters build one of these; so will the annual-report writer. Every text is cleaned on the way
in (`gongkai.documents.text.clean`), so the writers only escape.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal

from gongkai.documents.text import clean


class Align(enum.StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


def _clean_field(obj: object, name: str) -> None:
    object.__setattr__(obj, name, clean(getattr(obj, name)))


@dataclass(frozen=True)
class Paragraph:
    """Body text (仿宋 3号). `indent` is the two-character first-line indent of the body."""

    text: str
    align: Align = Align.JUSTIFY
    indent: bool = True

    def __post_init__(self) -> None:
        _clean_field(self, "text")


@dataclass(frozen=True)
class Heading:
    """A heading of level 1 (「一、」, 黑体) or 2 (「（一）」, 楷体)."""

    text: str
    level: int = 1

    def __post_init__(self) -> None:
        _clean_field(self, "text")
        if self.level not in (1, 2):
            raise ValueError(f"heading level must be 1 or 2, got {self.level}")


@dataclass(frozen=True)
class Signature:
    """The signature block (落款): the agency's name and the date, right-aligned after a gap."""

    lines: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", tuple(clean(line) for line in self.lines))


Value = str | int | Decimal | None


@dataclass(frozen=True)
class Cell:
    """A table cell. A number is written with thousands separators and right-aligned; `None` is a
    blank cell, which is not the same as 0."""

    value: Value = None
    align: Align | None = None  # None: right for numbers, left for text

    def __post_init__(self) -> None:
        if isinstance(self.value, str):
            _clean_field(self, "value")

    @property
    def numeric(self) -> bool:
        return isinstance(self.value, int | Decimal) and not isinstance(self.value, bool)

    @property
    def text(self) -> str:
        if self.value is None:
            return ""
        if self.numeric:
            return f"{self.value:,}"
        return str(self.value)

    @property
    def alignment(self) -> Align:
        if self.align is not None:
            return self.align
        return Align.RIGHT if self.numeric else Align.LEFT


@dataclass(frozen=True)
class HeaderCell:
    """A header cell spanning `rows` × `cols` grid positions, centred."""

    text: str
    cols: int = 1
    rows: int = 1

    def __post_init__(self) -> None:
        _clean_field(self, "text")
        if self.cols < 1 or self.rows < 1:
            raise ValueError(f"a header cell spans at least one row and column: {self!r}")


@dataclass(frozen=True)
class Table:
    """A table: header rows of (possibly merged) cells, then body rows of values or `Cell`s.
    `widths` are relative column widths; by default all columns are equal."""

    header: tuple[tuple[HeaderCell, ...], ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...] = ()
    caption: str = ""

    def __post_init__(self) -> None:
        _clean_field(self, "caption")

    @classmethod
    def of(
        cls,
        header: list[list[HeaderCell | str]],
        rows: list[list[Cell | Value]],
        *,
        widths: tuple[float, ...] = (),
        caption: str = "",
    ) -> Table:
        """Build a table from lists, wrapping plain strings and values in cells."""
        return cls(
            tuple(
                tuple(c if isinstance(c, HeaderCell) else HeaderCell(c) for c in r) for r in header
            ),
            tuple(tuple(c if isinstance(c, Cell) else Cell(c) for c in r) for r in rows),
            widths,
            caption,
        )


Block = Paragraph | Heading | Signature | Table


@dataclass(frozen=True)
class Document:
    """A title (小标宋 2号, centred) and the blocks below it. `number` is the 发文字号 line."""

    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    number: str = ""

    def __post_init__(self) -> None:
        _clean_field(self, "title")
        _clean_field(self, "number")
