"""`alerter status`, `alerter subscriptions`, `alerter unsubscribe` and `alerter store`:
what alerter is doing, who gets what, opting out, checking and backing up the store.
None of them loads spaCy or needs the SMTP password."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.utils import parseaddr
from typing import Any

import click

from alerter.clock import default_clock
from alerter.config import Config, SubscriptionConfig, load_config
from alerter.config.delivery import EMAIL_ADDRESS
from alerter.schedule import IMMEDIATE, next_run, parse_schedule
from alerter.store import ALL, Store
from alerter.store.base import RESTORE
from alerter.wording import counted


def _open(config_path: str, *, check: bool = True) -> tuple[Config, Store]:
    config = load_config(config_path)
    return config, Store.open(config.store_location(), check=check)


def _next_digest(store: Store, subscription: SubscriptionConfig, now: datetime) -> str:
    """Give when the subscription's next digest is due, as text."""
    if parse_schedule(subscription.schedule, subscription.timezone) == IMMEDIATE:
        return "at the end of each cycle with new matches"
    last = store.last_run(subscription.name)
    if last is None:
        return "due now (never sent)"
    fire = next_run(subscription.schedule, subscription.timezone, last)
    if fire is None:
        return "unknown"
    return "due now" if fire <= now else fire.isoformat()


def _when(value: str | None) -> str:
    """Give a stored time for people: in UTC, and saying so."""
    if not value:
        return "-"
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def status_data(config: Config, store: Store, now: datetime) -> dict[str, Any]:
    """Give everything `alerter status` shows, as plain data."""
    keep = ("digest_id", "subscription", "channel", "target", "attempts", "last_error",
            "next_attempt", "sent_at")
    return {
        "store": str(store.path),
        "now": now.isoformat(),
        "last_cycle": store.last_cycle(),
        "counts": store.counts(),
        "deliveries": {
            "pending": [{k: r[k] for k in keep} for r in store.delivery_rows("pending")],
            "failed": [{k: r[k] for k in keep} for r in store.delivery_rows("failed")],
        },
        "next_digests": [{"subscription": s.name, "channel": s.channel,
                          "next": _next_digest(store, s, now)} for s in config.subscriptions],
        "lease": store.lease("run"),
        # left by a cycle: events waiting for rules (a rule file had errors, or the cycle
        # is running), feeds and indexes not written yet (they are at the next cycle)
        "waiting": {"events": len(store.unmatched_event_ids()),
                    "publications": store.due_publications()},
    }


def status_command(config_path: str, fmt: str) -> int:
    config, store = _open(config_path)
    data = status_data(config, store, default_clock().now())
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    cycle = data["last_cycle"]
    click.echo(f"store: {data['store']}")
    if cycle:
        click.echo(f"last cycle: started {_when(cycle['started'])}, finished "
                   f"{_when(cycle['finished'])}: {counted(cycle['documents'], 'document')}, "
                   f"{counted(cycle['events'], 'event')}, "
                   f"{counted(cycle['matches'], 'match', 'matches')}, "
                   f"{counted(cycle['digests'], 'digest')}, "
                   f"{counted(cycle['problems'], 'problem')}")
    else:
        click.echo("last cycle: none yet (run `alerter run --once`)")
    counts = data["counts"]
    click.echo("stored: " + ", ".join(f"{counts[k]} {k}" for k in counts))
    for kind in ("pending", "failed"):
        rows = data["deliveries"][kind]
        click.echo(f"{kind} deliveries: {len(rows)}")
        for row in rows:
            retry = f", next try {_when(row['next_attempt'])}" if kind == "pending" else ""
            click.echo(f"  {row['subscription']} → {row['target']}: {row['attempts']} attempts"
                       f"{retry}; last error: {row['last_error'] or '-'}")
    waiting = data["waiting"]
    if waiting["events"] or waiting["publications"]:
        click.echo(f"waiting: {waiting['events']} events not matched yet (see `alerter rules "
                   "check` if a rule file has errors); feeds to write: "
                   f"{', '.join(waiting['publications']) or '-'}")
    click.echo("next digests:")
    for entry in data["next_digests"]:
        click.echo(f"  {entry['subscription']} ({entry['channel']}): {entry['next']}")
    lease = data["lease"]
    if lease:
        click.echo(f"running: {lease['holder']} (lease until {_when(lease['expires'])})")
    return 0


def subscriptions_command(config_path: str, fmt: str) -> int:
    config, store = _open(config_path)
    now = default_clock().now()
    opt_outs = store.opt_outs()
    rows: list[dict[str, Any]] = []
    for sub in config.subscriptions:
        out = sorted({o["address"] for o in opt_outs if o["subscription"] in (sub.name, ALL)})
        joined = store.subscribers(sub.name)  # confirmed on the web (alerter serve)
        rows.append({"name": sub.name, "channel": sub.channel, "to": sub.to,
                     "subscribers": joined,
                     "opted_out": [a for a in out if a in {t.lower() for t in [*sub.to, *joined]}],
                     "schedule": sub.schedule, "timezone": sub.timezone,
                     "rules": sub.rules, "tags": sub.tags, "min_severity": sub.min_severity,
                     "next": _next_digest(store, sub, now)})
    if fmt == "json":
        click.echo(json.dumps({"subscriptions": rows, "opt_outs": opt_outs}, indent=2))
        return 0
    for row in rows:
        to = ", ".join([*row["to"], *(f"{a} (web)" for a in row["subscribers"]
                                      if a not in {t.lower() for t in row["to"]})])
        to = to or "(files under output.dir)"
        click.echo(f"{row['name']} [{row['channel']}] {row['schedule']} ({row['timezone']}); "
                   f"next: {row['next']}\n  to: {to}")
        if row["opted_out"]:
            click.echo(f"  unsubscribed: {', '.join(row['opted_out'])}")
    return 0


def unsubscribe_command(config_path: str, address: str, subscription: str | None) -> int:
    config, store = _open(config_path)
    if subscription is not None:
        config.subscription(subscription)  # an unknown name is an error, with a suggestion
    # the same check as a subscription's `to` (and "Ann <ann@example.org>" as mail shows it)
    raw = address.strip()
    _, bare = parseaddr(raw)
    one = raw == bare or raw.endswith(f"<{bare}>")  # not "a@x.org; b@x.org"
    if not (one and EMAIL_ADDRESS.fullmatch(bare)) or any(c in raw for c in "\r\n"):
        click.echo(f"error: '{address}' is not an email address such as ann@example.org",
                   err=True)
        return 2
    store.add_opt_out(bare, subscription, default_clock().now())
    which = f"'{subscription}'" if subscription else "any subscription"
    click.echo(f"{bare.lower()} will get no more digests from {which}")
    return 0


def store_check_command(config_path: str) -> int:
    """Check every page and index of the store (`PRAGMA integrity_check`)."""
    _, store = _open(config_path, check=False)
    problems = store.check()
    if problems:
        for problem in problems:
            click.echo(f"error: {store.path}: {problem}", err=True)
        click.echo(f"error: {store.path}: the store is damaged: {RESTORE}", err=True)
        return 4
    counts = store.counts()
    click.echo(f"{store.path}: ok (schema version {store.version}; "
               + ", ".join(f"{counts[k]} {k}" for k in counts) + ")")
    return 0


def store_backup_command(config_path: str, target: str) -> int:
    """Write a consistent copy of the store to TARGET, and check the copy."""
    _, store = _open(config_path)
    out = store.backup(target)
    copy = Store.open(out)
    problems = copy.check()
    copy.close()
    if problems:
        click.echo(f"error: {out}: the backup failed its check: {problems[0]}", err=True)
        return 4
    click.echo(f"backup of {store.path} written to {out} (checked)")
    return 0
