"""`alerter run`: one cycle, or the scheduler until SIGTERM or Ctrl-C."""

from __future__ import annotations

import logging
from collections.abc import Callable

from alerter.commands.common import delivery_failures, open_pipeline
from alerter.config import parse_duration
from alerter.errors import AlerterError
from alerter.pipeline import CycleReport, Pipeline
from alerter.wording import counted

log = logging.getLogger("alerter")


def describe(report: CycleReport) -> str:
    """Give a one-line account of a cycle."""
    work = (f"cycle: {counted(report.documents, 'new document')} ({report.duplicates} seen "
            f"before), {counted(report.events, 'event')}, "
            f"{counted(report.matches, 'match', 'matches')}")
    if report.skipped and not (report.documents or report.extracted or report.matches):
        return "cycle skipped: another alerter holds this store"
    if report.skipped:  # a store shared with other alerters: one of them sends
        return (f"{work}, {counted(report.extracted, 'document')} extracted here; digests "
                "are sent by the alerter holding the store's lease")
    return (f"{work}, {counted(report.digests, 'digest')}, {report.delivered} delivered, "
            f"{counted(len(report.problems), 'problem')}; "
            f"{counted(report.extracted, 'document')} extracted here")


def run_command(config_path: str, *, once: bool, serve: tuple[str, int] | None = None) -> int:
    pipeline = open_pipeline(config_path)
    web = start_web(config_path, *serve) if serve else None
    try:
        if once:
            report = pipeline.run_cycle()
            log.info(describe(report))
            if report.rules_invalid:
                log.error("error: rule files have errors (above): the other files' rules "
                          "ran; the events wait for the skipped rules until they load")
                return 1
            return 3 if report.skipped else delivery_failures(report)
        run_scheduled(pipeline)
        return 0
    finally:
        pipeline.release()
        pipeline.close_engine()
        if web is not None:
            web()


def start_web(config_path: str, host: str, port: int) -> Callable[[], None]:
    """Start `alerter serve` in a thread, with its own store connection (the scheduler's
    is used by its job thread); give the function that stops it."""
    from alerter.commands.serve import open_site
    from alerter.web.app import start_in_thread, stop

    _, store, app = open_site(config_path, host)
    running, thread = start_in_thread(app, host, port)
    log.info(f"web server on http://{host}:{port}/")

    def stopped() -> None:
        stop(running, thread)
        store.close()

    return stopped


def run_scheduled(pipeline: Pipeline) -> None:
    """Keep running: cycles at the ingest interval, digests at their schedules."""
    from alerter.schedule import run_forever

    config = pipeline.config

    def cycle() -> None:
        # Due digests (immediate ones, and any missed while alerter was not running)
        # go out at the end of the cycle; the others at their own schedule below.
        try:
            log.info(describe(pipeline.run_cycle()))
        except AlerterError as exc:  # a config or model problem: say it, try next time
            for line in str(exc).splitlines():
                log.error(f"error: {line}")

    def digest_job(name: str) -> object:
        def job() -> None:
            try:
                send(name)
            except AlerterError as exc:  # a store or template problem: say it, go on
                for line in str(exc).splitlines():
                    log.error(f"error: digest {name}: {line}")

        def send(name: str) -> None:
            if not pipeline.hold_lease():
                return
            subscription = config.subscription(name)
            report = CycleReport()
            pipeline.digest_or_report(subscription, report)
            pipeline.deliver(report)
            pipeline.publish(report)
            log.info(f"digest {name}: {report.digests} digests, {report.delivered} delivered")

        return job

    jobs = {s.name: (s.schedule, s.timezone, digest_job(s.name)) for s in config.subscriptions}
    log.info(f"alerter running: {len(jobs)} subscriptions; Ctrl-C or SIGTERM stops it")
    run_forever(cycle, parse_duration(config.schedule.ingest_every), jobs)  # type: ignore[arg-type]
    log.info("alerter stopped")
