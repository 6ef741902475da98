"""Linking an imported report to an agency in a region: by name, by a known variant of it, or by
the same organ in the same place with upper regions left out (`gongkai.corpus.matching`, which
is conservative: an ambiguous name makes a new agency rather than a wrong link).

A name seen for the first time becomes a new agency, placed below the import's region along the
regions its own name gives (「湛河区荆山街道办事处」 imported into 河南省/平顶山市 goes to
河南省 › 平顶山市 › 湛河区 › 荆山街道). Supervisors merge the rest by editing aliases.
"""

from __future__ import annotations

from gongkai.corpus import AgencyIndex as _Index
from gongkai.corpus import KnownAgency, parse_agency
from gongkai.corpus.regions import Level as NameLevel
from gongkai.oversight.actions.region import region_save
from gongkai.oversight.models import CorpusAgency, Level, Region

_LEVELS = {
    NameLevel.PROVINCE: Level.PROVINCE,
    NameLevel.CITY: Level.CITY,
    NameLevel.COUNTY: Level.COUNTY,
    NameLevel.TOWNSHIP: Level.TOWNSHIP,
}


class AgencyIndex:
    """The agencies of a region and below, loaded once per import (a batch of 20,000 reports
    must not scan the agency table per report)."""

    def __init__(self, region: Region) -> None:
        self.region = region
        self.reload()

    def reload(self) -> None:
        """Read the agencies and regions again (after a rolled-back transaction)."""
        self._names = dict(Region.objects.values_list("pk", "name"))
        self._chain = self._path_names(self.region.path)
        self._regions: dict[tuple[int, str], Region] = {}
        self._agencies: dict[int, CorpusAgency] = {}
        rows = CorpusAgency.objects.filter(region__path__startswith=self.region.path).values_list(
            "pk", "name", "aliases", "region__path"
        )
        self._index = _Index(
            KnownAgency(pk, name, tuple(aliases), self._path_names(path))
            for pk, name, aliases, path in rows
        )

    def _path_names(self, path: str) -> tuple[str, ...]:
        return tuple(self._names.get(int(i), "") for i in path.strip("/").split("/") if i)

    def resolve(self, name: str) -> CorpusAgency:
        """The agency `name` stands for; a new one (saved) when none fits. Call inside the
        transaction that stores the report, so both are rolled back together."""
        name = name.strip()[:200] or "（未识别机关）"
        found = self._index.match(name)
        if found is not None:
            pk = int(found.agency.key)
            agency = self._agencies.get(pk) or CorpusAgency.objects.filter(pk=pk).first()
            if agency is not None:
                self._agencies[pk] = agency
                if name != agency.name and name not in agency.aliases:
                    agency.aliases = [*agency.aliases, name]
                    agency.save(update_fields=["aliases"])
                return agency
        region = self._place(name)
        agency, _ = CorpusAgency.objects.get_or_create(region=region, name=name)
        self._agencies[agency.pk] = agency
        self._index.add(
            KnownAgency(
                agency.pk, agency.name, tuple(agency.aliases), self._path_names(region.path)
            )
        )
        return agency

    def _place(self, name: str) -> Region:
        """The import's region, then the regions the name gives that are not already above."""
        region = self.region
        for part in parse_agency(name).regions:
            if part.name in self._chain or part.name == region.name:
                continue
            key = (region.pk, part.name)
            if key not in self._regions:
                child = Region.objects.filter(parent=region, name=part.name).first()
                self._regions[key] = child or region_save(
                    name=part.name, level=_LEVELS.get(part.level, Level.DEPARTMENT), parent=region
                )
                self._names[self._regions[key].pk] = part.name
            region = self._regions[key]
        return region
