"""Oversight fixtures: a region tree with supervisors at two counties, and corpora written to disk
from known values (synthetic reports rendered as Markdown or HTML, the seed reports, bad files)."""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from gongkai.oversight.actions import region_path
from gongkai.oversight.models import Region, RegionAccess
from gongkai.render import Format, render
from gongkai.report.document import Value
from gongkai.report.grid import Edition
from gongkai.report.synthetic import consistent_report

from ..conftest import SEEDS


@dataclass
class Regions:
    city: Region
    east: Region  # a county of the city
    west: Region  # another county
    east_supervisor: Any
    west_supervisor: Any
    city_supervisor: Any
    root: Any  # a superuser


@pytest.fixture
def regions(db: None) -> Regions:
    return make_regions()


def make_regions() -> Regions:
    east = region_path(["示例省", "示例市", "东区"])
    west = region_path(["示例省", "示例市", "西区"])
    city = east.parent
    assert city is not None
    User = get_user_model()

    def supervisor(name: str, region: Region) -> Any:
        user = User.objects.create_user(username=name, password="pw-" + name)
        RegionAccess.objects.create(user=user, region=region)
        return user

    return Regions(
        city=city,
        east=east,
        west=west,
        east_supervisor=supervisor("east", east),
        west_supervisor=supervisor("west", west),
        city_supervisor=supervisor("city", city),
        root=User.objects.create_superuser(username="root", password="pw-root"),
    )


@dataclass
class Corpus:
    directory: Path
    #: file name → (agency, year, every cell's value) it was written from
    truth: dict[str, tuple[str, int, dict[str, Value]]] = field(default_factory=dict)
    bad: list[str] = field(default_factory=list)


def write_corpus(directory: Path, count: int, *, seed: int = 7, bad: bool = True) -> Corpus:
    """`count` synthetic reports (Markdown and HTML, both editions) in sub-directories, plus
    two bad files when `bad`."""
    rng = random.Random(seed)
    corpus = Corpus(directory)
    for i in range(count):
        edition = Edition.E2019 if i % 3 == 0 else Edition.E2021
        report = consistent_report(rng, edition=edition)
        report.agency = f"示例县第{i}局"
        fmt = Format.HTML if i % 2 else Format.MD
        name = f"{'md' if fmt is Format.MD else 'html'}/{i:04d}.{fmt.value}"
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(report, fmt))
        assert report.year is not None
        corpus.truth[name] = (report.agency, report.year, dict(report.cells()))
    if bad:
        (directory / "bad").mkdir(exist_ok=True)
        (directory / "bad" / "empty.txt").write_bytes(b"")
        (directory / "bad" / "notes.txt").write_text("会议纪要：本周无事。\n", encoding="utf-8")
        corpus.bad = ["bad/empty.txt", "bad/notes.txt"]
    return corpus


def copy_seeds(directory: Path) -> list[str]:
    names = []
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, directory / path.name)
        names.append(path.name)
    return names


def decimal(value: Value) -> Decimal | None:
    return None if value is None else Decimal(value)


@dataclass
class Imported:
    regions: Regions
    east: Corpus  # imported into the east county
    west: Corpus  # imported into the west county


@pytest.fixture(scope="session")
def corpus_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Corpus]:
    east = write_corpus(tmp_path_factory.mktemp("east"), 8, seed=11)
    west = write_corpus(tmp_path_factory.mktemp("west"), 4, seed=12, bad=False)
    return east, west


@pytest.fixture
def imported(regions: Regions, corpus_files: tuple[Corpus, Corpus]) -> Imported:
    from gongkai.oversight.importing import run_import

    east, west = corpus_files
    run_import(east.directory, region=regions.east, workers=1)
    run_import(west.directory, region=regions.west, workers=1)
    return Imported(regions, east, west)
