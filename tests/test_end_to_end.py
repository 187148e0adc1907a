"""The default configuration on examples/, with a fixed clock, end to end.

Regenerate the golden file after a reviewed change with `make golden`
(ALERTER_UPDATE_GOLDEN=1 pytest tests/test_end_to_end.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alerter.clock import FixedClock
from alerter.config import load_config
from alerter.extract import Extractor
from alerter.pipeline import Pipeline
from alerter.store import Store

from .conftest import GOLDEN, cycle

DIGEST = Path("out/digests/daily-summary/2023-02-27.md")


def test_examples_give_the_golden_digest(project: Path, clock: FixedClock,
                                         extractor: Extractor) -> None:
    report, store = cycle(project, clock, extractor)
    assert report.problems == []
    assert report.duplicates == 1
    digest = (project / DIGEST).read_text()
    golden = GOLDEN / "daily-summary.md"
    if os.environ.get("ALERTER_UPDATE_GOLDEN"):
        golden.write_text(digest)
    assert digest == golden.read_text()
    assert "## New sanctions announced" in digest and "## Lethal aid discussed" in digest
    # the UK/US sanctions, retold by four outlets, are one story with four sources
    heads = {part.split("\n")[0]: part for part in digest.split("### ")}
    story = next(part for head, part in heads.items()
                 if "The UK and the US →" in head and "sanctions announced" in head)
    assert "Sources (4):" in story
    assert [d.status for d in store.deliveries()] == ["sent"]


def test_a_second_run_extracts_and_writes_nothing(project: Path, clock: FixedClock,
                                                  extractor: Extractor) -> None:
    first, store = cycle(project, clock, extractor)
    store.close()
    written = (project / DIGEST).stat().st_mtime_ns
    before = Store.open(project / "out" / "alerter.db").counts()

    def no_extractor() -> Extractor:
        raise AssertionError("nothing new: the pipeline must not be needed")

    clock.advance(clock.now() - clock.now())  # same moment: an immediate re-run
    config = load_config(project / "config.yaml")
    store = Store.open(config.resolve(config.store.path))
    second = Pipeline(config, store, clock, extractor=no_extractor).run_cycle()
    assert not second.skipped  # it ran, and found nothing to do
    assert (second.documents, second.events, second.matches, second.digests,
            second.delivered) == (0, 0, 0, 0, 0)
    after = store.counts()
    assert {k: v for k, v in after.items() if k != "cycles"} == \
        {k: v for k, v in before.items() if k != "cycles"}
    assert (project / DIGEST).stat().st_mtime_ns == written
    assert first.matches > 0


def test_cli_run_once_on_a_fresh_project(project: Path) -> None:
    env = {**os.environ, "ALERTER_NOW": "2023-02-27T08:00:00Z"}
    run = [sys.executable, "-m", "alerter", "run", "--once"]
    first = subprocess.run(run, cwd=project, env=env, capture_output=True, text=True, check=True)
    assert "1 digests, 1 delivered" in first.stderr
    assert (project / DIGEST).read_text() == (GOLDEN / "daily-summary.md").read_text()
    second = subprocess.run(run, cwd=project, env=env, capture_output=True, text=True,
                            check=True)
    assert "cycle: 0 new documents (41 seen before), 0 events, 0 matches, 0 digests" \
        in second.stderr


def test_init_makes_a_project_folder_with_valid_rules(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from alerter.cli import main

    target = tmp_path / "newsroom"
    made = CliRunner().invoke(main, ["init", str(target)])
    assert made.exit_code == 0, made.output
    assert {p.name for p in target.iterdir()} == {"config.yaml", "rules", "templates",
                                                 "examples"}
    checked = CliRunner().invoke(main, ["rules", "check", "--config",
                                        str(target / "config.yaml")])
    assert checked.exit_code == 0 and checked.output.startswith("ok: ")
    again = CliRunner().invoke(main, ["init", str(target)])
    assert again.exit_code == 1 and "already has config.yaml" in again.output
