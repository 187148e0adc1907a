"""`alerter digest SUBSCRIPTION [--dry-run]`."""

from __future__ import annotations

import click

from alerter.commands.common import open_pipeline
from alerter.pipeline import CycleReport


def digest_command(name: str, dry_run: bool, fmt: str | None, config_path: str) -> int:
    pipeline = open_pipeline(config_path)
    subscription = pipeline.config.subscription(name)
    report = CycleReport()
    bodies = pipeline.digest(subscription, report, dry_run=dry_run)
    if dry_run:
        if bodies is None:
            click.echo("nothing to send: no undelivered matches for this subscription", err=True)
            return 0
        chosen = fmt or subscription.formats[0]
        if chosen not in bodies:
            click.echo(f"error: '{name}' renders {', '.join(bodies)}, not {chosen}", err=True)
            return 2
        click.echo(bodies[chosen], nl=False)
        return 0
    pipeline.deliver(report)
    click.echo(f"{report.digests} digest(s) made, {report.delivered} delivered")
    return 0
