"""The national annual-report format as code: the grid of both editions, the report object, and
its JSON interchange form."""

from gongkai.report.document import Report, Value
from gongkai.report.grid import Column, Edition, Kind, Row, Section, Table
from gongkai.report.interchange import SCHEMA, dumps, from_dict, load, loads, to_dict

__all__ = [
    "SCHEMA",
    "Column",
    "Edition",
    "Kind",
    "Report",
    "Row",
    "Section",
    "Table",
    "Value",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "to_dict",
]
