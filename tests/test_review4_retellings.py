"""Retellings (alerter/retellings.py) seen by the subscribers and the rule author: a
story already delivered that gains a source is not sent again, on SQLite and on
PostgreSQL; `alerter rules test` shows a `new` match as its first sighting, with the
sources that retold it. Every article is our own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import yaml
from click.testing import CliRunner

from alerter.clock import FixedClock
from alerter.extract import Extractor

from .conftest import cycle
from .postgres import use_store
from .test_story_grouping import FIRST_REPORT, RETELLING


def at(day: int, hour: int, minute: int = 0) -> FixedClock:
    return FixedClock(datetime(2023, 3, day, hour, minute, tzinfo=UTC))


def test_a_delivered_story_that_gains_a_source_is_not_sent_again(
        project: Path, extractor: Extractor, store_location: str) -> None:
    from alerter.store import Store
    from alerter.store.browse import EventFilter

    use_store(project / "config.yaml", store_location)
    config = yaml.safe_load((project / "config.yaml").read_text())
    config["subscriptions"] = [
        {"name": "now", "channel": "file", "schedule": "immediate", "formats": ["md"]},
        {"name": "daily", "channel": "file", "schedule": "daily 07:00", "timezone": "UTC",
         "formats": ["md"]}]
    (project / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    shutil.rmtree(project / "examples")
    (project / "examples").mkdir()
    digests = project / "out" / "digests"
    cycle(project, at(6, 7, 30), extractor)[1].close()  # the daily digest has run today
    for name, text, hour in (("first.txt", FIRST_REPORT, 10), ("retold.txt", RETELLING, 16)):
        (project / "examples" / name).write_text(text)
        report, store = cycle(project, at(6, hour), extractor)
        store.close()
        assert report.problems == []
    cycle(project, at(7, 7, 30), extractor)[1].close()
    cycle(project, at(7, 9), extractor)[1].close()  # nothing new: nothing more for anyone

    sent_now = [p.read_text() for p in sorted((digests / "now").glob("2023-*.md"))]
    assert len(sent_now) == 1 and "Norway" in sent_now[0], sent_now  # once, at 10:00
    assert "Harbour Post" not in sent_now[0]
    [daily] = [p.read_text() for p in (digests / "daily").glob("2023-*.md")]
    assert "Sources (2):" in daily and "Harbour Post" in daily and "Northgate Wire" in daily
    location = store_location if "://" in store_location else project / "out" / "alerter.db"
    store = Store.open(location)
    try:
        [match] = [m for m in store.matches() if m.rule_id == "new-sanctions-announced"]
        assert len(match.event_ids) == 2
        assert store.undigested_matches("now") == store.undigested_matches("daily") == []
        # the web explorer's rule filter finds the story in both outlets
        found = store.find_events(EventFilter(rule="new-sanctions-announced"), 10)
        assert sorted(info["source"] for _, info in found) == ["Harbour Post", "Northgate Wire"]
        assert all(info["rules"] == ["new-sanctions-announced"] for _, info in found)
    finally:
        store.close()


def test_rules_test_shows_a_new_match_as_its_first_sighting_and_who_retold_it(
        tmp_path: Path) -> None:
    from alerter.cli import main

    root = Path(__file__).resolve().parent.parent
    (tmp_path / "first.txt").write_text(FIRST_REPORT)
    (tmp_path / "retold.txt").write_text(RETELLING)
    result = CliRunner().invoke(main, ["rules", "test", str(root / "rules" / "sanctions.yaml"),
                                       "--input", str(tmp_path)])
    assert result.exit_code == 0, result.output
    [shown] = [part for part in result.output.split("\n\n")[0].split("new-sanctions-announced ")
               if part.strip()]
    head, sentence = shown.splitlines()[:2]
    assert head == "[high] https://news.example.org/2023/03/06/norway-iran"
    assert sentence.strip().startswith("Norway imposed sanctions")
    assert "also told by: https://harbourpost.example.net/2023/03/06/oslo-iran-shippers" \
        in shown
    assert result.output.rstrip().endswith("1 match from 2 events")


def test_a_kill_before_a_retelling_joins_its_story_loses_and_doubles_nothing(
        project: Path) -> None:
    from alerter.store import Store

    config = yaml.safe_load((project / "config.yaml").read_text())
    config["subscriptions"] = [{"name": "daily", "channel": "file", "schedule": "daily 07:00",
                                "timezone": "UTC", "formats": ["md"]}]
    (project / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    shutil.rmtree(project / "examples")
    (project / "examples").mkdir()

    def run(now: str, crash_at: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "ALERTER_CRASH_AT"}
        env["ALERTER_NOW"] = now
        if crash_at is not None:
            env["ALERTER_CRASH_AT"] = crash_at
        return subprocess.run([sys.executable, "-m", "alerter", "run", "--once"],
                              cwd=project, env=env, capture_output=True, text=True,
                              timeout=600)

    assert run("2023-03-06T07:30:00Z").returncode == 0  # today's digest has run
    (project / "examples" / "first.txt").write_text(FIRST_REPORT)
    assert run("2023-03-06T10:00:00Z").returncode == 0
    (project / "examples" / "retold.txt").write_text(RETELLING)
    killed = run("2023-03-06T16:00:00Z", crash_at="mid-match")
    assert killed.returncode == -9, f"the run never reached mid-match: {killed.stderr}"
    for now in ("2023-03-06T16:05:00Z", "2023-03-07T07:30:00Z"):
        rerun = run(now)
        assert rerun.returncode == 0, rerun.stderr

    [daily] = [p.read_text() for p in (project / "out" / "digests" / "daily").glob("2023-*.md")]
    assert "Sources (2):" in daily and daily.count("Harbour Post") >= 1
    store = Store.open(project / "out" / "alerter.db")
    try:
        [match] = [m for m in store.matches() if m.rule_id == "new-sanctions-announced"]
        assert len(match.event_ids) == 2 == len(set(match.event_ids))
    finally:
        store.close()
