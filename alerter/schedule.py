"""Schedules: the one module that knows APScheduler.

A subscription's `schedule` is a cron expression with weekday names
(`0 7 * * mon-fri`), a shorthand (`hourly`, `daily 07:00`, `weekdays 07:00`,
`weekly mon 07:00`) or `immediate` (at the end of every cycle that found
something). Times are in the subscription's IANA time zone.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

IMMEDIATE = "immediate"
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HHMM = r"([01]?\d|2[0-3]):([0-5]\d)"


def parse_schedule(text: str, timezone: str) -> Any:
    """Give an APScheduler trigger for a schedule, or IMMEDIATE; ValueError if invalid."""
    from apscheduler.triggers.cron import CronTrigger

    spec = " ".join(str(text).lower().split())
    zone = ZoneInfo(timezone)
    if spec == IMMEDIATE:
        return IMMEDIATE
    if spec == "hourly":
        return CronTrigger(minute=0, timezone=zone)
    if match := re.fullmatch(rf"daily {_HHMM}", spec):
        return CronTrigger(hour=int(match[1]), minute=int(match[2]), timezone=zone)
    if match := re.fullmatch(rf"weekdays {_HHMM}", spec):
        return CronTrigger(day_of_week="mon-fri", hour=int(match[1]), minute=int(match[2]),
                           timezone=zone)
    if match := re.fullmatch(rf"weekly ({'|'.join(_DAYS)}) {_HHMM}", spec):
        return CronTrigger(day_of_week=match[1], hour=int(match[2]), minute=int(match[3]),
                           timezone=zone)
    fields = spec.split(" ")
    if len(fields) == 5:
        if re.search(r"\d", fields[4]):
            # APScheduler counts weekdays from Monday = 0, cron from Sunday = 0: names only.
            raise ValueError(f"'{text}': write weekdays by name (mon-fri), not number")
        try:
            return CronTrigger.from_crontab(spec, timezone=zone)
        except ValueError as exc:
            raise ValueError(f"'{text}' is not a valid cron expression: {exc}") from None
    raise ValueError(f"'{text}' is not a schedule: use 'immediate', 'hourly', 'daily HH:MM', "
                     "'weekdays HH:MM', 'weekly mon HH:MM' or a cron expression such as "
                     "'0 7 * * mon-fri'")


def next_run(schedule: str, timezone: str, after: datetime) -> datetime | None:
    """Give the first time the schedule fires strictly after `after` (None for immediate)."""
    trigger = parse_schedule(schedule, timezone)
    if trigger == IMMEDIATE:
        return None
    fire: datetime | None = trigger.get_next_fire_time(None, after + timedelta(microseconds=1))
    return fire


def is_due(schedule: str, timezone: str, last: datetime | None, now: datetime) -> bool:
    """Give whether a digest is due: never sent yet, or a fire time passed since the last."""
    if last is None or parse_schedule(schedule, timezone) == IMMEDIATE:
        return True
    fire = next_run(schedule, timezone, last)
    return fire is not None and fire <= now


def run_forever(cycle: Callable[[], object], ingest_seconds: float,
                digest_jobs: dict[str, tuple[str, str, Callable[[], object]]]) -> None:
    """Run `cycle` every `ingest_seconds` and each digest job on its schedule until a
    signal: SIGTERM or Ctrl-C let the job in flight finish, then stop."""
    from apscheduler.executors.pool import ThreadPoolExecutor
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.triggers.interval import IntervalTrigger

    # One worker: jobs share one store and must not overlap.
    scheduler = BackgroundScheduler(executors={"default": ThreadPoolExecutor(1)},
                                    job_defaults={"coalesce": True, "max_instances": 1,
                                                  "misfire_grace_time": None})
    scheduler.add_job(cycle, IntervalTrigger(seconds=ingest_seconds), id="cycle",
                      next_run_time=datetime.now(ZoneInfo("UTC")))
    for name, (schedule, timezone, job) in digest_jobs.items():
        trigger = parse_schedule(schedule, timezone)
        if trigger != IMMEDIATE:
            scheduler.add_job(job, trigger, id=f"digest:{name}")
    stop = threading.Event()

    def request_stop(signum: int, frame: object) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    scheduler.start()
    try:
        stop.wait()
    finally:
        scheduler.shutdown(wait=True)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
