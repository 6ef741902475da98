"""The 公文 stylesheet for the PDF writer, made from the same `DocumentStyle` as the DOCX.

Pages are A4 with GB/T 9704 margins; the page number 「— 1 —」 (宋体 4号) sits 7 mm below the type
area, on the right of odd pages and the left of even ones, one character in from the edge.
Each font role lists its official name, aliases and the Noto CJK fallback.

JUSTIFY is drawn flush left: WeasyPrint justifies a line only by widening its spaces, which tears
a Chinese line holding one Latin space apart, while a line of Chinese characters is full width
anyway. The DOCX keeps 两端对齐, which Word does character by character.
"""

from __future__ import annotations

from collections.abc import Collection

from gongkai.documents.fonts import FontSpec
from gongkai.documents.style import POINTS_PER_MM, DocumentStyle


def family(spec: FontSpec) -> str:
    """A CSS `font-family` value: every name quoted, the generic family last."""
    names = ", ".join('"' + name.replace("\\", "").replace('"', "") + '"' for name in spec.families)
    return f"{names}, {spec.generic}"


def weight(spec: FontSpec, installed: Collection[str]) -> str:
    """Bold only when the official face (or an alias) is missing and the fallback should be."""
    present = any(name in installed for name in (spec.official, *spec.aliases))
    return "bold" if spec.fallback_bold and not present else "normal"


def stylesheet(style: DocumentStyle, installed: Collection[str] = ()) -> str:
    """The CSS for `style`; `installed` are the families this machine has (for the weights)."""
    page, fonts = style.page, style.fonts
    number_top = page.page_number_gap_mm * POINTS_PER_MM
    number = (
        f'content: "— " counter(page) " —"; font-family: {family(fonts.page_number)}; '
        f"font-size: {style.page_number_pt}pt; vertical-align: top; padding-top: {number_top:.2f}pt;"
    )
    return f"""
@page {{
  size: {page.width_mm}mm {page.height_mm}mm;
  margin: {page.top_mm}mm {page.right_mm}mm {page.bottom_mm}mm {page.left_mm}mm;
}}
@page :right {{ @bottom-right {{ {number} margin-right: 1em; }} }}
@page :left {{ @bottom-left {{ {number} margin-left: 1em; }} }}
html {{ color: #000; }}
body {{
  margin: 0;
  font-family: {family(fonts.body)};
  font-size: {style.body_pt}pt;
  line-height: {style.line_pt}pt;
  text-align: left;
  overflow-wrap: anywhere;
}}
h1.title {{
  font-family: {family(fonts.title)};
  font-weight: {weight(fonts.title, installed)};
  font-size: {style.title_pt}pt;
  line-height: {style.title_line_pt}pt;
  text-align: center;
  margin: 0 0 {style.line_pt}pt 0;
}}
p {{ margin: 0; }}
p.number {{ text-align: right; margin-top: -{style.line_pt / 2:.2f}pt; margin-bottom: {style.line_pt / 2:.2f}pt; }}
p.justify {{ text-align: left; }}  /* flush left: see gongkai.documents.css */
p.indent {{ text-indent: {style.indent_chars}em; }}
p.left {{ text-align: left; }}
p.center {{ text-align: center; }}
p.right {{ text-align: right; }}
h2, h3 {{ font-size: {style.body_pt}pt; font-weight: normal; margin: 0; text-indent: {style.indent_chars}em; }}
h2 {{ font-family: {family(fonts.heading1)}; }}
h3 {{ font-family: {family(fonts.heading2)}; }}
div.signature {{
  margin-top: {style.line_pt * 2}pt;
  margin-right: {style.indent_chars * style.body_pt}pt;
  text-align: right;
  break-inside: avoid;
}}
table {{
  width: 100%;
  border-collapse: collapse;
  font-size: {style.table_pt}pt;
  line-height: {style.table_line_pt}pt;
  margin: {style.line_pt / 2:.2f}pt 0;
}}
caption {{ text-align: center; font-family: {family(fonts.heading1)}; font-size: {style.body_pt}pt; line-height: {style.line_pt}pt; }}
th, td {{ border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; }}
th {{ text-align: center; font-weight: normal; font-family: {family(fonts.heading1)}; }}
td.left {{ text-align: left; }}
td.center {{ text-align: center; }}
td.right {{ text-align: right; font-variant-numeric: tabular-nums; }}
td.justify {{ text-align: left; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; }}
"""
