"""Demo data for the oversight workspace: a small generated corpus, imported the way a
supervisor imports one, and the demo supervisor given the regions it falls in."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from django.contrib.auth.models import User

from gongkai.corpus.generate import generate_corpus
from gongkai.oversight.actions import region_path
from gongkai.oversight.importing import run_import
from gongkai.oversight.models import CorpusReport, RegionAccess


def create_oversight_demo(*, supervisor: User, count: int = 90, seed: int = 2025) -> int:
    """Generate `count` reports (with their errors and damaged files), import them province by
    province, and let `supervisor` oversee those provinces. Returns the reports stored."""
    with tempfile.TemporaryDirectory(prefix="gongkai-demo-") as tmp:
        corpus = Path(tmp) / "corpus"
        generate_corpus(corpus, count, seed=seed)
        manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
        by_province: dict[str, Path] = {}
        for entry in manifest["entries"]:
            province = entry["region"][0]
            folder = by_province.setdefault(province, Path(tmp) / "by-province" / province)
            folder.mkdir(parents=True, exist_ok=True)
            shutil.move(corpus / entry["file"], folder / entry["file"])
        for province, folder in by_province.items():
            region = region_path([province])
            run_import(
                folder, region=region, by=supervisor, workers=1, label=f"示例语料：{province}"
            )
            RegionAccess.objects.get_or_create(user=supervisor, region=region)
    return CorpusReport.objects.count()
