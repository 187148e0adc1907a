"""`alerter digest SUBSCRIPTION [--dry-run]` and `alerter deliver [--now]`."""

from __future__ import annotations

import click

from alerter.clock import parse_time
from alerter.commands.common import delivery_failures, open_pipeline
from alerter.pipeline import CycleReport, Pipeline
from alerter.wording import counted

BUSY = ("error: another alerter is running on this store; try again when it stops "
        "(alerter status shows it)")


def digest_command(name: str, dry_run: bool, fmt: str | None, config_path: str,
                   since: str | None = None) -> int:
    pipeline = open_pipeline(config_path)
    subscription = pipeline.config.subscription(name)
    if fmt is not None and dry_run:
        # a preview in any format, whatever the subscription sends
        subscription = subscription.model_copy(update={"formats": [fmt]})
    report = CycleReport()
    if not dry_run and not pipeline.hold_lease():
        click.echo(BUSY, err=True)
        return 3
    start = parse_time(since) if since else None
    bodies = pipeline.digest(subscription, report, dry_run=dry_run, since=start)
    if dry_run:
        if bodies is None:
            if start is not None:
                click.echo(f"nothing to show: {subscription.name} has no matches first seen "
                           f"since {since}", err=True)
            else:
                click.echo(f"nothing to send: {subscription.name} has no matches that are not "
                           "in a digest already (--since DATE previews every match since DATE)",
                           err=True)
            return 0
        chosen = fmt or subscription.formats[0]
        click.echo(f"Subject: {bodies['subject']}", err=True)
        click.echo(bodies[chosen], nl=False)
        return 0
    _send(pipeline, report, now_all=False)
    click.echo(f"{counted(report.digests, 'digest')} made, {report.delivered} delivered")
    return delivery_failures(report)


def deliver_command(config_path: str, now: bool) -> int:
    """Send the pending deliveries that are due (with `now`, all of them at once) and
    write any feed or index still due."""
    pipeline = open_pipeline(config_path)
    report = CycleReport()
    if not pipeline.hold_lease():
        click.echo(BUSY, err=True)
        return 3
    _send(pipeline, report, now_all=now)
    click.echo(f"{report.delivered} delivered, {report.failed} failed")
    return delivery_failures(report)


def _send(pipeline: Pipeline, report: CycleReport, *, now_all: bool) -> None:
    try:
        pipeline.deliver(report, now_all=now_all)
        pipeline.publish(report)
    finally:
        pipeline.release()
