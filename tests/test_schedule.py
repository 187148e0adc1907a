from __future__ import annotations

from datetime import UTC, datetime

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
