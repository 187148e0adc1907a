"""`alerter digest SUBSCRIPTION [--dry-run]`."""

from __future__ import annotations

import click

from alerter.clock import parse_time
from alerter.commands.common import open_pipeline
from alerter.pipeline import CycleReport


def digest_command(name: str, dry_run: bool, fmt: str | None, config_path: str,
                   since: str | None = None) -> int:
    pipeline = open_pipeline(config_path)
    subscription = pipeline.config.subscription(name)
    if fmt is not None and dry_run:
        # a preview in any format, whatever the subscription sends
        subscription = subscription.model_copy(update={"formats": [fmt]})
    report = CycleReport()
    if not dry_run and not pipeline.hold_lease():
        click.echo("error: another alerter is running on this store; try again when it "
                   "stops (alerter status shows it)", err=True)
        return 3
    start = parse_time(since) if since else None
    bodies = pipeline.digest(subscription, report, dry_run=dry_run, since=start)
    if dry_run:
        if bodies is None:
            click.echo("nothing to send: no undelivered matches for this subscription", err=True)
            return 0
        chosen = fmt or subscription.formats[0]
        click.echo(f"Subject: {bodies['subject']}", err=True)
        click.echo(bodies[chosen], nl=False)
        return 0
    try:
        pipeline.deliver(report)
        if bodies is not None:
            pipeline.publish(subscription, report)
    finally:
        pipeline.release()
    click.echo(f"{report.digests} digest(s) made, {report.delivered} delivered")
    return 0
