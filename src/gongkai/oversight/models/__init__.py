from gongkai.oversight.models.region import Level, Region, RegionAccess
from gongkai.oversight.models.report import Cell, CorpusAgency, CorpusReport, FindingRow, Status
from gongkai.oversight.models.run import CellCorrection, ImportFailure, ImportRun

__all__ = [
    "Cell",
    "CellCorrection",
    "CorpusAgency",
    "CorpusReport",
    "FindingRow",
    "ImportFailure",
    "ImportRun",
    "Level",
    "Region",
    "RegionAccess",
    "Status",
]
