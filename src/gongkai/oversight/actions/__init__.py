"""Every change of state in oversight is one named action: atomic, keyword-only."""

from gongkai.oversight.actions.correct import report_correct_cell
from gongkai.oversight.actions.region import region_path, region_save
from gongkai.oversight.actions.store import report_store

__all__ = ["region_path", "region_save", "report_correct_cell", "report_store"]
