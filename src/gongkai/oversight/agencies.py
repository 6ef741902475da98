"""Linking an imported report to an agency in a region: by name or a known variant of it.

Names are compared after normalisation (full-width forms, spaces, brackets); a name seen for the
first time becomes a new agency in the import's region. Supervisors merge variants by editing an
agency's aliases.
"""

from __future__ import annotations

import re
import unicodedata

from gongkai.oversight.models import CorpusAgency, Region

_NOISE = re.compile(r"[\s\u3000·•（）()【】\[\]「」“”\"']")


def normalise(name: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", name))


class AgencyIndex:
    """The agencies of a region and below by normalised name and alias, loaded once per import
    (a batch of 20,000 reports must not scan the agency table per report)."""

    def __init__(self, region: Region) -> None:
        self.region = region
        self._by_key: dict[str, int] = {}
        for pk, name, aliases in CorpusAgency.objects.filter(
            region__path__startswith=region.path
        ).values_list("pk", "name", "aliases"):
            for variant in [*aliases, name]:  # the name wins over another agency's alias
                self._by_key[normalise(variant)] = pk

    def resolve(self, name: str) -> CorpusAgency:
        """The agency of that name (or alias) in the region or below; created in the region
        itself when the name is new."""
        name = name.strip()[:200] or "（未识别机关）"
        key = normalise(name)
        if key in self._by_key:
            found = CorpusAgency.objects.filter(pk=self._by_key[key]).first()
            if found is not None:
                return found
        agency, _ = CorpusAgency.objects.get_or_create(region=self.region, name=name)
        self._by_key[key] = agency.pk
        return agency
