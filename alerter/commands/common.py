"""What several commands share: loading the config and store, reporting problems."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from alerter.clock import default_clock
from alerter.config import Config, load_config
from alerter.errors import Problem
from alerter.pipeline import CycleReport, Pipeline
from alerter.store import Store


def report_problem(problem: Problem) -> None:
    """Print one located problem as a warning line on stderr."""
    click.echo(f"warning: {problem}", err=True)


def optional_config(path: str | None) -> Config:
    """Give the config at `path`, or ./config.yaml when present, or the defaults."""
    if path is not None:
        return load_config(path)
    if Path("config.yaml").exists():
        return load_config("config.yaml")
    return Config()


LOG_FORMAT = "%(asctime)s %(message)s"
LOG_TIME = "%Y-%m-%dT%H:%M:%SZ"  # UTC, the machine's real time (not ALERTER_NOW)


def delivery_failures(report: CycleReport) -> int:
    """Say how many deliveries failed; give the exit code (1 if any did)."""
    if not report.failed:
        return 0
    click.echo(f"error: {report.failed} delivery(ies) failed (above); they stay pending and "
               "are retried with growing waits (`alerter deliver --now` retries at once, "
               "`alerter status` shows them)", err=True)
    return 1


def setup_logging() -> None:
    """Send log lines to stderr, each with its time: a scheduler runs for days, and its
    log must say when each cycle and digest happened."""
    import time

    handler = logging.StreamHandler()
    formatter = logging.Formatter(LOG_FORMAT, LOG_TIME)
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    logging.basicConfig(level=logging.INFO, handlers=[handler])
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # not every job start
    # not the cluster's own shutdown chatter; a worker lost mid-run is an error it logs
    logging.getLogger("distributed").setLevel(logging.ERROR)


def open_pipeline(config_path: str) -> Pipeline:
    """Give a pipeline over the configured store, reporting problems on stderr."""
    setup_logging()
    config = load_config(config_path)
    store = Store.open(config.store_location())
    return Pipeline(config, store, default_clock(), on_problem=report_problem)
