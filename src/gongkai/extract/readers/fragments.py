"""Text with markup inside it: a crawler's header lines (「标题: …」「发布时间: …」) before a saved
page, or a PDF→Markdown conversion that prints its tables as `<table>` markup between Markdown
lines.

The lines outside any element stay lines, as in any text; each run of lines that markup covers is
read by the web page reader (`html.read_html`), the one reader of markup. Only text whose first
character is not `<` is looked at here: a page that opens with its markup is the web page
reader's alone.
"""

from __future__ import annotations

from html.parser import HTMLParser

from gongkai.errors import InputError
from gongkai.extract.decode import decode
from gongkai.extract.grids import Grid
from gongkai.extract.readers import Limits, ReadDocument

#: Elements with no end tag: they open nothing.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr", "!doctype"}
)
#: The elements that make a run of lines markup; text with none of them is only text.
_BLOCKS = frozenset(
    {"html", "body", "table", "tr", "td", "th", "p", "div", "ul", "ol", "li", "h1", "h2", "h3"}
)
_BOM = b"\xef\xbb\xbf"  # the parts are handed on as UTF-8; a BOM outranks a page's own charset


class _Lines(HTMLParser):
    """Which lines (0-based) markup covers: a tag on them, or an element open across them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.covered: set[int] = set()
        self.opened: list[int] = []  # the line each open element started on
        self.blocks = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0] - 1
        source = self.get_starttag_text() or ""
        self.covered.update(range(line, line + source.count("\n") + 1))
        self.blocks += tag in _BLOCKS
        if tag not in _VOID:
            self.opened.append(line)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0] - 1
        source = self.get_starttag_text() or ""
        self.covered.update(range(line, line + source.count("\n") + 1))

    def handle_endtag(self, tag: str) -> None:
        line = self.getpos()[0] - 1
        self.covered.add(line)
        if self.opened:
            self.covered.update(range(self.opened.pop(), line + 1))

    def handle_comment(self, data: str) -> None:
        line = self.getpos()[0] - 1
        self.covered.update(range(line, line + data.count("\n") + 1))

    def handle_decl(self, decl: str) -> None:
        self.covered.add(self.getpos()[0] - 1)


def read_text_with_markup(data: bytes, name: str, limits: Limits) -> ReadDocument | None:
    """The document when `data` is text with markup inside it; None when it is not (no markup,
    not text, or markup from its first character: a page for the web page reader)."""
    if b"<" not in data or data.startswith(b"%PDF") or b"\x00" in data[:4096]:
        return None  # no markup, or no text (a PDF; zips, images and UTF-16 show a NUL at once)
    try:
        decoded = decode(data, name=name)
    except InputError:
        return None
    if decoded.text.lstrip().startswith("<"):
        return None
    lines = decoded.text.splitlines()
    found = _Lines()
    found.feed(decoded.text)
    found.close()
    if not found.blocks:
        return None
    covered = found.covered
    for start in found.opened:  # elements never closed: markup to the end
        covered.update(range(start, len(lines)))
    from gongkai.extract.readers.html import read_html

    out: list[str] = []
    notes: list[str] = []
    grids: list[Grid] = []  # the markup's tables, placed on their printed lines by the pipeline
    part: list[str] = []
    for number, line in enumerate([*lines, ""]):
        if number in covered and number < len(lines):
            part.append(line)
            continue
        if part:
            page = read_html(_BOM + "\n".join(part).encode("utf-8"), name, limits)
            out.append(page.text.rstrip("\n"))
            notes += page.notes
            grids += page.grids
            part = []
        if number < len(lines):
            out.append(line)
    return ReadDocument("\n".join(out) + "\n", "html", decoded.encoding, notes, grids=grids)
