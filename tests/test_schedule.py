from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from alerter.schedule import IMMEDIATE, is_due, next_run, parse_schedule


def test_shorthands_and_cron_parse() -> None:
    assert parse_schedule("immediate", "UTC") == IMMEDIATE
    for spec in ("hourly", "daily 07:00", "weekdays 7:30", "weekly mon 09:00",
                 "0 7 * * mon-fri"):
        assert parse_schedule(spec, "Europe/London") != IMMEDIATE
    with pytest.raises(ValueError, match="not a schedule"):
        parse_schedule("every dya", "UTC")


def test_daily_in_a_timezone_across_daylight_saving() -> None:
    # London moves to BST on 2023-03-26: 07:00 local is 07:00 UTC before, 06:00 UTC after.
    before = next_run("daily 07:00", "Europe/London", datetime(2023, 3, 25, 8, tzinfo=UTC))
    assert before == datetime(2023, 3, 26, 6, tzinfo=UTC)
    winter = next_run("daily 07:00", "Europe/London", datetime(2023, 3, 24, 8, tzinfo=UTC))
    assert winter == datetime(2023, 3, 25, 7, tzinfo=UTC)


def test_due_when_a_fire_time_passed_since_the_last_run() -> None:
    last = datetime(2023, 2, 24, 7, 0, tzinfo=UTC)
    assert not is_due("daily 07:00", "UTC", last, datetime(2023, 2, 25, 6, 59, tzinfo=UTC))
    assert is_due("daily 07:00", "UTC", last, datetime(2023, 2, 25, 7, 0, tzinfo=UTC))
    # three missed days are one due digest, not three
    assert is_due("daily 07:00", "UTC", last, datetime(2023, 2, 28, 9, tzinfo=UTC))
    assert is_due("daily 07:00", "UTC", None, last)
    assert is_due("immediate", "UTC", last, last)


def test_a_week_of_cycles_on_a_moving_clock(tmp_path: Path) -> None:
    """Hourly cycles over days, DST change included, with a fake clock: one digest a day
    at 07:00 London time; after three days switched off, one digest, not three."""
    from alerter.clock import FixedClock
    from alerter.config import load_config
    from alerter.extract import Extractor
    from alerter.pipeline import Pipeline
    from alerter.store import Store

    (tmp_path / "config.yaml").write_text(
        "sources: []\nrules: {paths: []}\nsubscriptions:\n  - name: brief\n"
        "    schedule: daily 07:00\n    timezone: Europe/London\n    send_empty: true\n")
    config = load_config(tmp_path / "config.yaml")
    store = Store.open(config.resolve(config.store.path))
    clock = FixedClock(datetime(2023, 3, 24, 0, 30, tzinfo=UTC))

    def no_model() -> Extractor:
        raise AssertionError("no documents: no model needed")

    pipeline = Pipeline(config, store, clock, extractor=no_model)
    made: list[datetime] = []
    for _ in range(24 * 4):  # 24-27 March; BST starts on the 26th
        if pipeline.run_cycle().digests:
            made.append(clock.now())
        clock.advance(timedelta(hours=1))
    # the first cycle sends at once (never sent before), then 07:00 local each day
    assert made == [datetime(2023, 3, 24, 0, 30, tzinfo=UTC),
                    datetime(2023, 3, 24, 7, 30, tzinfo=UTC),
                    datetime(2023, 3, 25, 7, 30, tzinfo=UTC),
                    datetime(2023, 3, 26, 6, 30, tzinfo=UTC),   # 07:30 BST
                    datetime(2023, 3, 27, 6, 30, tzinfo=UTC)]
    clock.advance(timedelta(days=3))  # the machine was off
    assert pipeline.run_cycle().digests == 1
    assert pipeline.run_cycle().digests == 0
    files = sorted(p.name for p in (tmp_path / "out" / "digests" / "brief").glob("2*.md"))
    # the 24th had two digests: each has its own file
    assert files == ["2023-03-24-0730.md", "2023-03-24.md", "2023-03-25.md", "2023-03-26.md",
                     "2023-03-27.md", "2023-03-31.md"]
    index = (tmp_path / "out" / "digests" / "brief" / "index.md").read_text()
    assert "2023-03-24-0730: [md](2023-03-24-0730.md)" in index


def test_run_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    """`alerter run` (the scheduler) stops on SIGTERM after its job in flight, exit 0,
    and gives its lease back."""
    import os
    import signal
    import subprocess
    import sys

    (tmp_path / "config.yaml").write_text(
        "sources: []\nrules: {paths: []}\nschedule: {ingest_every: 1h}\nsubscriptions:\n"
        "  - name: brief\n    schedule: daily 07:00\n    send_empty: true\n")
    proc = subprocess.Popen([sys.executable, "-m", "alerter", "run"], cwd=tmp_path,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    lines = []
    for line in proc.stderr:  # wait for the first cycle to finish
        lines.append(line)
        if " cycle: " in line:
            break
    os.kill(proc.pid, signal.SIGTERM)
    _, rest = proc.communicate(timeout=20)
    assert proc.returncode == 0, "".join(lines) + rest
    assert "alerter stopped" in rest
    # the scheduler's log says when each thing happened: UTC time first on every line
    logged = [line for line in [*lines, *rest.splitlines()] if line.strip()]
    assert logged and all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ ", line)
                          for line in logged), logged
    from alerter.store import Store

    assert Store.open(tmp_path / "out" / "alerter.db").lease("run") is None
