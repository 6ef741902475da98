"""Regions: create or edit one (its path and every descendant's path follow), or find a chain."""

from __future__ import annotations

from django.db import transaction

from gongkai.errors import GongkaiError
from gongkai.oversight.models import Level, Region

#: The level of each depth when a region chain is given by names only.
LEVELS = (Level.PROVINCE, Level.CITY, Level.COUNTY, Level.TOWNSHIP)


class InvalidRegion(GongkaiError):
    code = "invalid_region"


@transaction.atomic
def region_save(
    *, name: str, level: str, parent: Region | None, region: Region | None = None
) -> Region:
    """Create a region, or rename or move `region`; descendants' paths are rewritten."""
    name = name.strip()
    if not name:
        raise InvalidRegion("地区名称不能为空")
    if region is not None and parent is not None and f"/{region.pk}/" in parent.path:
        raise InvalidRegion("不能把地区移到它自己的下级之下")
    if region is None:
        region = Region.objects.create(name=name, level=level, parent=parent)
    else:
        region.name, region.level, region.parent = name, level, parent
        region.save()
    old = region.path
    region.path = f"{parent.path if parent else '/'}{region.pk}/"
    region.save(update_fields=["path"])
    if old and old != region.path:
        for child in Region.objects.filter(path__startswith=old).exclude(pk=region.pk):
            child.path = region.path + child.path[len(old) :]
            child.save(update_fields=["path"])
    return region


def region_path(names: list[str]) -> Region:
    """The region at the end of a chain of names (province first), created where missing."""
    parent: Region | None = None
    for depth, name in enumerate(n.strip() for n in names if n.strip()):
        found = Region.objects.filter(parent=parent, name=name).first()
        level = LEVELS[min(depth, len(LEVELS) - 1)]
        parent = found or region_save(name=name, level=level, parent=parent)
    if parent is None:
        raise InvalidRegion("请给出地区名称，例如 河南省/平顶山市/湛河区")
    return parent
