"""A saved web page → text whose tables are tab-separated rows, merged cells expanded.

The page is parsed with the standard library's `html.parser` into a small tree; `rowspan` and
`colspan` are laid out on a full grid (the merged cell's text in its first position, the positions
it covers left empty), and each grid row becomes one line. Word-exported markup (nested
`<span>`/`<font>` runs, a digit per run, `&nbsp;`) reads as the text it shows; scripts and styles
are dropped; block elements outside tables become lines. A table that holds other tables is page
layout, not data: its cells are read as blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from gongkai.errors import InputError
from gongkai.extract.decode import decode
from gongkai.extract.grids import Grid, GridCell
from gongkai.extract.readers import READERS, Clock, Limits, ReadDocument

#: Never read: code, metadata, drawings, and asides (a portal page's side bars, a report's charts).
_HIDDEN = frozenset({"script", "style", "title", "template", "noscript", "xml", "svg", "aside"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
_BLOCK = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd"}
    | {"section", "article", "header", "footer", "nav", "main", "blockquote", "pre"}
    | {"address", "center", "form", "fieldset", "figure", "figcaption", "hr", "body", "html"}
    | {"table", "tr", "caption", "thead", "tbody", "tfoot"}
)
_CELLS = frozenset({"td", "th"})
_SPACE = re.compile(r"[ \t\r\n\f\v\xa0\u3000]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_HEAD_MARKS = ("<html", "<table", "<!doctype html")
#: Bounds on what one merged cell may cover, so a hostile span cannot blow up the grid.
_MAX_COLSPAN = 64
_CHUNK = 1 << 20  # characters fed to the parser between checks of the time limit
_MAX_ROWSPAN = 1000
#: A cell longer than this, or with more blocks, is page layout rather than a data cell.
_MAX_CELL_TEXT = 200
_MAX_CELL_BLOCKS = 6
#: Elements nested deeper than this are read as part of their ancestor (no recursion limit hit).
_MAX_DEPTH = 200
#: Real report pages hold tens of thousands of elements; more is refused to bound memory.
MAX_ELEMENTS = 500_000


@dataclass(slots=True)
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)
    parent: _Node | None = None


class _TooLarge(Exception):
    pass


class _TreeBuilder(HTMLParser):
    """Forgiving tree building: unclosed `<p>`, `<td>`, `<tr>` close where the next one starts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root")
        self.stack: list[_Node] = [self.root]
        self.hidden = 0
        self.elements = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if self.hidden:
            if tag in _HIDDEN:
                self.hidden += 1
            return
        if tag in _HIDDEN:
            self.hidden = 1
            return
        if tag in _CELLS:
            self._close_within_table(("td", "th"))
        elif tag == "tr":
            self._close_within_table(("tr",))
        elif tag == "p" and self.stack[-1].tag == "p":
            self.stack.pop()
        if len(self.stack) > _MAX_DEPTH:
            if tag == "br":
                self.stack[-1].children.append(" ")
            return
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise _TooLarge
        node = _Node(tag, {k.lower(): v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag.lower() not in _VOID and not self.hidden and self.stack[-1].tag == tag.lower():
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if self.hidden:
            if tag in _HIDDEN:
                self.hidden -= 1
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return
            if self.stack[depth].tag == "table" and tag != "table":
                return  # an end tag that belongs outside this table: ignore it

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.stack[-1].children.append(data)

    def _close_within_table(self, tags: tuple[str, ...]) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[depth].tag
            if tag == "table":
                return
            if tag in tags:
                del self.stack[depth:]
                return


def looks_like_html(data: bytes, name: str = "") -> bool:
    head = data[:1024]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", "ignore")
    else:
        text = head.decode("latin-1")
    text = text.lower()
    return any(mark in text for mark in _HEAD_MARKS)


def read_html(data: bytes, name: str, limits: Limits) -> ReadDocument:
    if len(data) > limits.max_bytes:
        raise InputError(f"{name} 过大（{len(data)} 字节，上限 {limits.max_bytes} 字节）")
    clock = Clock(name, limits)
    text, encoding = _decode(data, name)
    clock.check("解码后")
    page, grids = read_page(text, name, clock)
    return ReadDocument(page, "html", encoding, grids=grids)


def page_text(page: str, name: str = "网页", clock: Clock | None = None) -> str:
    """The text of an HTML page: blocks as lines, each table row one tab-separated line."""
    return read_page(page, name, clock)[0]


def read_page(page: str, name: str = "网页", clock: Clock | None = None) -> tuple[str, list[Grid]]:
    """The text of an HTML page (see `page_text`) and its data tables as grids."""
    builder = _TreeBuilder()
    try:
        for start in range(0, len(page), _CHUNK):  # fed in chunks so the time limit is seen
            builder.feed(page[start : start + _CHUNK])
            if clock:
                clock.check("解析网页时")
        builder.close()
    except _TooLarge:
        raise InputError(f"{name} 的网页元素超过 {MAX_ELEMENTS} 个，过大，无法读取") from None
    lines: list[str] = []
    grids: list[Grid] = []
    _blocks(builder.root, lines, [], grids)
    if clock:
        clock.check("整理网页文字后")
    out = [line for line in lines if line.strip()]
    return "\n".join(out) + "\n", grids


def _decode(data: bytes, name: str) -> tuple[str, str]:
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        encoding = declared.group(1).decode("ascii").lower()
        if encoding in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936"):
            encoding = "gb18030"  # the superset: pages labelled GB2312 often hold GBK characters
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: detect as for any text
    decoded = decode(data, name=name)
    return decoded.text, decoded.encoding


def _blocks(node: _Node, lines: list[str], run: list[str], grids: list[Grid]) -> None:
    """Append `node`'s text to `lines`, its data tables to `grids`: inline text gathers in `run`
    until a block ends it."""
    for child in node.children:
        if isinstance(child, str):
            run.append(child)
            continue
        if child.tag == "br":
            _flush(lines, run)
        elif child.tag == "table":
            _flush(lines, run)
            if _is_layout(child):
                _layout_table(child, lines, grids)
            else:
                grid = _grid(child)
                grids.append(grid)
                lines.extend(_table_lines(grid))
        elif child.tag == "pre":
            _flush(lines, run)
            lines.extend(_raw_text(child).splitlines())
        elif child.tag in _BLOCK or child.tag in _CELLS:
            _flush(lines, run)
            _blocks(child, lines, run, grids)
            _flush(lines, run)
        else:
            _blocks(child, lines, run, grids)


def _raw_text(node: _Node) -> str:
    return "".join(c if isinstance(c, str) else _raw_text(c) for c in node.children)


def _flush(lines: list[str], run: list[str]) -> None:
    text = _SPACE.sub(" ", "".join(run)).strip()
    if text:
        lines.append(text)
    run.clear()


def _is_layout(table: _Node) -> bool:
    """A table that holds other tables or whole passages of text lays out the page."""
    if _contains_table(table):
        return True
    return any(
        len(_cell_text(cell)) > _MAX_CELL_TEXT or _count_blocks(cell) > _MAX_CELL_BLOCKS
        for row in _rows(table)
        for cell in row
    )


def _count_blocks(node: _Node) -> int:
    return sum(
        (c.tag in _BLOCK or c.tag == "br") + _count_blocks(c)
        for c in node.children
        if isinstance(c, _Node)
    )


def _contains_table(node: _Node) -> bool:
    return any(
        isinstance(c, _Node) and (c.tag == "table" or _contains_table(c)) for c in node.children
    )


def _layout_table(table: _Node, lines: list[str], grids: list[Grid]) -> None:
    """A table used for page layout: each cell's content as blocks, in reading order."""
    for row in _rows(table):
        for cell in row:
            run: list[str] = []
            _blocks(cell, lines, run, grids)
            _flush(lines, run)


def _rows(table: _Node) -> list[list[_Node]]:
    """The table's rows (in `thead`/`tbody`/`tfoot` or directly), each its cells."""
    rows: list[list[_Node]] = []
    caption: list[_Node] = []

    def visit(node: _Node) -> None:
        for child in node.children:
            if not isinstance(child, _Node):
                continue
            if child.tag == "tr":
                rows.append([c for c in child.children if isinstance(c, _Node) and c.tag in _CELLS])
            elif child.tag in ("thead", "tbody", "tfoot"):
                visit(child)
            elif child.tag == "caption":
                caption.append(child)

    visit(table)
    return [[c] for c in caption] + rows


def _cell_text(node: _Node) -> str:
    parts: list[str] = []

    def visit(n: _Node) -> None:
        for child in n.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br" or child.tag in _BLOCK or child.tag in _CELLS:
                parts.append(" ")
                visit(child)
                parts.append(" ")
            else:
                visit(child)

    visit(node)
    return _SPACE.sub(" ", "".join(parts)).strip()


def _span(cell: _Node, name: str, most: int) -> int:
    found = re.match(r"\s*(\d{1,6})", cell.attrs.get(name, ""))  # more: past `most` anyway
    return max(1, min(int(found.group(1)), most)) if found else 1


def _grid(table: _Node) -> Grid:
    """The table as its markup lays it out: each cell at its first free position, covering
    `rowspan` × `colspan` positions."""
    rows = _rows(table)
    taken: list[set[int]] = [set() for _ in rows]
    cells: list[GridCell] = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while c in taken[r]:
                c += 1
            rowspan = _span(cell, "rowspan", min(_MAX_ROWSPAN, len(rows) - r))
            colspan = _span(cell, "colspan", _MAX_COLSPAN)
            for dr in range(rowspan):
                taken[r + dr].update(range(c, c + colspan))
            cells.append(GridCell(_cell_text(cell).replace("\t", " "), r, c, rowspan, colspan))
            c += colspan
    return Grid(cells, "html")


def _table_lines(grid: Grid) -> list[str]:
    """Each row of the grid as one tab-separated line, one field per cell the markup gives: a
    cell spanning columns (colspan) is one value, never padded with blanks that would read as
    cells of their own; a cell spanning rows (rowspan) leaves one empty field in each row below,
    where its position is."""
    lines = []
    for r in range(grid.height):
        fields = [c.text if c.row == r else "" for c in grid.row_cells(r)]
        if any(fields):
            lines.append("\t".join(fields))
    return lines


READERS.append((looks_like_html, read_html))
