"""A scanned page's ruling lines → its tables' cells, and the page straightened first.

Dark runs at least `_RULE_CHARS` text heights long are rules (a Chinese stroke or a dash in a cell is shorter,
or touches no other rule); pdfplumber's own table finder then turns the rules into cells, so a
scan's tables are cut exactly as a text PDF's are. A cell merged over several rows or columns
covers positions that stay `None`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy comes with the `ocr` extra: imported where a scan is read
    import numpy as np
    from numpy.typing import NDArray

    Gray = NDArray[np.uint8]
    Ink = NDArray[np.bool_]

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Grid = list[list[Box | None]]  # a table's rows; None where a merged cell covers the position

_DARK = 150  # grey levels below this are ink
_RULE_DARK = 190  # a rule is thin: its pixels may be only grey
_RULE_CHARS = 1.3  # a rule is longer than this many text heights (a stroke is shorter)
_MAX_SKEW = 1.5  # degrees tried either way when straightening


def straighten(image: Any) -> Any:
    """The page (a PIL image, mode L) rotated so its rules and lines are level."""
    import numpy as np
    from PIL import Image

    small = image.copy()
    small.thumbnail((900, 900))
    ink = Image.fromarray(((np.asarray(small) < _DARK) * 255).astype(np.uint8))
    best, best_angle = -1.0, 0.0
    for tenth in range(int(-_MAX_SKEW * 10), int(_MAX_SKEW * 10) + 1):
        angle = tenth / 10
        rows = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST)).sum(axis=1)
        sharpness = float(np.square(rows.astype(np.float64)).sum())
        if sharpness > best:
            best, best_angle = sharpness, angle
    if best_angle == 0.0:
        return image
    return image.rotate(best_angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def _runs(ink: Ink, min_length: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of the horizontal runs of ink at least `min_length` long."""
    import numpy as np

    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    change = np.diff(padded, axis=1)
    rows_s, starts = np.nonzero(change == 1)
    _, ends = np.nonzero(change == -1)
    keep = ends - starts >= min_length
    return list(zip(rows_s[keep].tolist(), starts[keep].tolist(), ends[keep].tolist(), strict=True))


def _bridged(ink: Ink) -> Ink:
    """Ink thickened by a pixel across and along the rows, so a rule that noise, JPEG or a
    faint scan broke, or that a slight tilt moves from one pixel row to the next, runs on."""
    across = ink.copy()
    across[1:] |= ink[:-1]
    across[:-1] |= ink[1:]
    out = across.copy()
    for shift in (1,):
        out[:, shift:] |= across[:, :-shift]
        out[:, :-shift] |= across[:, shift:]
    return out


def edges(gray: Gray, char: float) -> list[dict[str, Any]]:
    """The page's rules as pdfplumber edges (in pixels); `char` is the height of a line of text."""
    ink = gray < _RULE_DARK
    length = max(int(char * _RULE_CHARS), 8)
    out: list[dict[str, Any]] = []
    for y, x0, x1 in _runs(_bridged(ink), length):
        out.append(_edge("h", x0 + 1, y, x1 - 1, y + 1))
    for x, y0, y1 in _runs(_bridged(ink.T.copy()), length):
        out.append(_edge("v", x, y0 + 1, x + 1, y1 - 1))
    return out


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    return {
        "x0": float(x0),
        "x1": float(x1),
        "top": float(top),
        "bottom": float(bottom),
        "width": float(x1 - x0),
        "height": float(bottom - top),
        "orientation": orientation,
        "object_type": "line",
    }


def tables(gray: Gray, char: float) -> list[Grid]:
    """The tables the page's rules draw, top to bottom, each as rows of cell boxes. Lengths are
    measured in `char`, the height of the page's text, not in the resolution the file claims (a
    TIFF says 72 dpi whatever it holds)."""
    from pdfplumber.table import (
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )

    tolerance = max(char / 12, 2.0)
    found = edges(gray, char)
    if not found:
        return []
    merged = merge_edges(found, tolerance, tolerance, tolerance, tolerance)
    crossings = edges_to_intersections(merged, tolerance, tolerance)
    cells = intersections_to_cells(crossings)
    grids = [_grid(group) for group in cells_to_tables(cells)]
    # one cell alone is a box drawn around text, not a table
    grids = [g for g in grids if len(g) > 1 or len(g[0]) > 1]
    return sorted(grids, key=lambda g: min(c[1] for row in g for c in row if c))


def _grid(cells: list[Box]) -> Grid:
    """Cells → rows by their tops, positions by their left edges (as pdfplumber's Table.rows)."""
    xs = sorted({c[0] for c in cells})
    tops = sorted({c[1] for c in cells})
    at = {(c[0], c[1]): c for c in cells}
    return [[at.get((x, top)) for x in xs] for top in tops]
