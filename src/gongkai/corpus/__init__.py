"""The corpus core behind the oversight workspace: many reports of many agencies over the years.

- `regions`, `names`, `matching`: agency names split into province › city › county › township and
  organ, normalised across spellings, and linked to known agencies conservatively.
- `generate`: a generated corpus of report files (text, GBK text, HTML; both editions; errors and
  damage) with a manifest of what each must read as; `verify` holds an extraction against it.
- `compare`, `prose_diff`: one agency's report against last year's — every cell's change, the
  carry-over rules R5–R7, and the paragraphs copied from last year.

No Django here: `gongkai.oversight` (the Django app) calls these.
"""

from gongkai.corpus.matching import AgencyIndex, KnownAgency, Match, candidates, match
from gongkai.corpus.names import AgencyName, normalise, parse_agency

__all__ = [
    "AgencyIndex",
    "AgencyName",
    "KnownAgency",
    "Match",
    "candidates",
    "match",
    "normalise",
    "parse_agency",
]
