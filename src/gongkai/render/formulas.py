"""Text that a spreadsheet must show, never run.

A report's title 「=1+1」 becomes an agency's name; written as it is, Excel and LibreOffice take a
cell starting with =, +, -, @ (or a tab or carriage return before one) for a formula — a
「CSV injection」 that can compute, fetch URLs or run DDE commands when the export is opened.
In CSV such a cell gets a leading apostrophe (the usual defence: spreadsheets show the text, and
hide the apostrophe); in XLSX every text cell is written with the string type, which no
spreadsheet evaluates, so the text stays exactly as it was.
"""

from __future__ import annotations

from typing import Any

#: What makes a spreadsheet read a cell as a formula.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: str) -> str:
    """`value` as a CSV cell that no spreadsheet evaluates."""
    return "'" + value if value.startswith(FORMULA_LEADS) else value


def csv_cell(value: Any) -> Any:
    """A CSV cell: text made inert, numbers and the rest as they are, None blank."""
    if value is None:
        return ""
    return csv_text(value) if isinstance(value, str) else value


def as_text(cell: Any) -> Any:
    """An openpyxl cell holding a str: typed as a string, so 「=1+1」 is text, not a formula
    (openpyxl otherwise stores any str starting with = as a formula)."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell
