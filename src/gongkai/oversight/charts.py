"""Inline SVG charts for the dashboard: no script, a title and a description for screen readers,
and the same numbers always also in a table next to the chart."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH, BAR, GAP, LABEL = 560, 18, 8, 170


def bar_chart(title: str, bars: Sequence[tuple[str, float]], *, unit: str = "") -> SafeString:
    """Horizontal bars, one per (label, value); values ≥ 0."""
    top = max((v for _, v in bars), default=0) or 1
    height = len(bars) * (BAR + GAP) + GAP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" aria-labelledby="c-{id(bars)}">',
        f'<title id="c-{id(bars)}">{escape(title)}</title>',
    ]
    span = WIDTH - LABEL - 70
    for i, (label, value) in enumerate(bars):
        y = GAP + i * (BAR + GAP)
        width = 0 if value <= 0 else max(1, round(span * value / top))
        shown = (
            f"{value:.1f}" if isinstance(value, float) and not value.is_integer() else f"{value:g}"
        )
        parts.append(
            f'<text x="{LABEL - 6}" y="{y + BAR - 4}" text-anchor="end" font-size="13">'
            f"{escape(label[:14])}</text>"
            f'<rect x="{LABEL}" y="{y}" width="{width}" height="{BAR}" fill="#1f5f99"></rect>'
            f'<text x="{LABEL + width + 4}" y="{y + BAR - 4}" font-size="13">{shown}{unit}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
