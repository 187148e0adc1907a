"""The operator's commands: status, deliveries, the store, subscribers. `alerter.cli`
adds them to the main group."""

from __future__ import annotations

import sys

import click

from alerter.cli_options import config_option, friendly, text_or_json


@click.command()
@text_or_json
@config_option
@friendly
def status(fmt: str, config_path: str) -> None:
    """Show the last cycle, what is stored, pending and failed deliveries, next digests."""
    from alerter.commands.admin import status_command

    sys.exit(status_command(config_path, fmt))


@click.command()
@click.option("--now", is_flag=True,
              help="Retry every pending delivery at once, whatever its backoff.")
@config_option
@friendly
def deliver(now: bool, config_path: str) -> None:
    """Send pending deliveries that are due (--now: all of them) and write due feeds;
    exit 1 if any failed."""
    from alerter.commands.digest import deliver_command

    sys.exit(deliver_command(config_path, now))


@click.group()
def store() -> None:
    """Check and back up the state store."""


@store.command("check")
@config_option
@friendly
def store_check(config_path: str) -> None:
    """Check every page and index of the store (PostgreSQL: connect and read); exit 4 if it
    is damaged."""
    from alerter.commands.admin import store_check_command

    sys.exit(store_check_command(config_path))


@store.command("backup")
@click.argument("target", type=click.Path(dir_okay=False))
@config_option
@friendly
def store_backup(target: str, config_path: str) -> None:
    """Write a consistent copy of the SQLite store to TARGET (a new file), safe while
    alerter runs (a PostgreSQL store: use pg_dump)."""
    from alerter.commands.admin import store_backup_command

    sys.exit(store_backup_command(config_path, target))


@click.command()
@text_or_json
@config_option
@friendly
def subscriptions(fmt: str, config_path: str) -> None:
    """List subscriptions: recipients, opt-outs, schedules and next runs."""
    from alerter.commands.admin import subscriptions_command

    sys.exit(subscriptions_command(config_path, fmt))


@click.command()
@click.argument("address")
@click.option("--subscription", default=None, metavar="NAME",
              help="Only this subscription (default: all of them).")
@config_option
@friendly
def unsubscribe(address: str, subscription: str | None, config_path: str) -> None:
    """Record that ADDRESS wants no more digests; every later send honours it."""
    from alerter.commands.admin import unsubscribe_command

    sys.exit(unsubscribe_command(config_path, address, subscription))


COMMANDS = (status, deliver, store, subscriptions, unsubscribe)
