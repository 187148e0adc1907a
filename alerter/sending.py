"""The outbox stages of a cycle, and the lease that lets one alerter at a time run them:
deliver pending deliveries (with backoff), and publish due feeds and indexes.
`Pipeline` has these as methods."""

from __future__ import annotations

import logging
import os
import random
import socket
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from alerter import archive
from alerter.clock import Clock
from alerter.config import Config, parse_duration
from alerter.crashpoints import crash_point
from alerter.deliver import Channel, Outgoing
from alerter.errors import DeliveryError, Problem
from alerter.models import Delivery
from alerter.store import Store

if TYPE_CHECKING:
    from alerter.pipeline import CycleReport

log = logging.getLogger("alerter")
RETRY_BASE = timedelta(minutes=1)
LEASE = "run"
LEASE_MIN = timedelta(minutes=10)  # a lease lasts 3 ingest intervals, and at least this


def _gone(holder: str) -> bool:
    """Give whether a lease holder ("host:pid:tag") is a process on this machine that
    no longer exists."""
    host, _, rest = holder.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it exists, owned by someone else
    return False


def backoff(delivery: Delivery) -> timedelta:
    """Give the wait before the next attempt: doubling from RETRY_BASE, capped at about
    17 hours, with up to a quarter more of jitter so that deliveries that failed
    together do not retry together. The jitter is drawn from the delivery and its
    attempt count, so a run can be repeated exactly."""
    wait = RETRY_BASE * (1 << min(delivery.attempts, 10))
    jitter = random.Random(f"{delivery.digest_id}|{delivery.target}|{delivery.attempts}")
    return wait * (1 + jitter.random() / 4)


class Sending:
    """Delivering and publishing from the store's outbox, under the store's lease."""

    config: Config
    store: Store
    clock: Clock
    channels: dict[str, Channel]
    holder: str
    _waiting: bool

    def _problem(self, report: CycleReport, problem: Problem) -> None:
        raise NotImplementedError

    def lease_ttl(self) -> timedelta:
        """Give how long the lease lasts unrenewed: store.lease, or 3 ingest intervals
        and at least LEASE_MIN."""
        if self.config.store.lease is not None:
            return timedelta(seconds=parse_duration(self.config.store.lease))
        return max(LEASE_MIN, 3 * timedelta(seconds=parse_duration(
            self.config.schedule.ingest_every)))

    def hold_lease(self) -> bool:
        """Take or renew this pipeline's lease on the store; False while another holds it."""
        ttl = self.lease_ttl()
        held = self.store.acquire_lease(LEASE, self.holder, self.clock.now(), ttl)
        other = (self.store.lease(LEASE) or {}).get("holder", "") if not held else ""
        if not held and _gone(other):
            # the holder was an alerter on this machine that has died: take over at once
            log.warning("taking over the store from %s, which is no longer running", other)
            self.store.release_lease(LEASE, other)
            held = self.store.acquire_lease(LEASE, self.holder, self.clock.now(), ttl)
        if not held and not self._waiting:
            lease = self.store.lease(LEASE) or {}
            log.warning("another alerter (%s) is running on %s until %s; this one waits",
                        lease.get("holder"), self.store.path, lease.get("expires"))
        self._waiting = not held
        return held

    def release(self) -> None:
        """Give up the lease, so that another alerter can run at once."""
        self.store.release_lease(LEASE, self.holder)

    def deliver(self, report: CycleReport, *, now_all: bool = False) -> None:
        """Send every pending delivery that is due (with `now_all`, every pending one,
        whatever its backoff); record each outcome as it happens. Each send renews the
        lease first: a pipeline that lost it sends nothing more."""
        now = self.clock.now()
        subscriptions = {s.name: s for s in self.config.subscriptions}
        max_attempts = self.config.smtp.max_attempts if self.config.smtp else 1
        digests: dict[str, dict[str, Any]] = {}
        for delivery in self.store.pending_deliveries(None if now_all else now):
            if not self.hold_lease():
                report.skipped = True
                return
            if delivery.digest_id not in digests:  # one read per digest, not per recipient
                digests[delivery.digest_id] = self.store.digest(delivery.digest_id)
            digest = digests[delivery.digest_id]
            if delivery.channel == "email" and self.store.opted_out(delivery.target,
                                                                     digest["subscription"]):
                with self.store.transaction():
                    self.store.cancel_delivery(delivery, "the recipient unsubscribed")
                continue
            subscription = subscriptions.get(digest["subscription"])
            message = Outgoing(delivery.digest_id, digest["subscription"], delivery.target,
                               datetime.fromisoformat(digest["period_end"]), digest["bodies"],
                               subject=digest["subject"] or f"alerter: {digest['subscription']}")
            channel = self.channels.get(delivery.channel)
            try:
                if channel is None or subscription is None:
                    raise DeliveryError(f"no channel '{delivery.channel}' for "
                                        f"'{digest['subscription']}'")
                channel.send(message)
            except DeliveryError as exc:
                # A refusal (5xx) is tried max_attempts times; anything else until it works.
                given_up = exc.permanent and delivery.attempts + 1 >= max_attempts
                retry = now + backoff(delivery)
                with self.store.transaction():
                    self.store.mark_attempt_failed(delivery, str(exc), permanent=given_up,
                                                   retry_at=retry)
                self._problem(report, Problem(delivery.target, None, "", f"delivery failed: "
                                              f"{exc}"))
                report.failed += 1
                continue
            # At least once: a crash here (the server said 250, the store has not heard)
            # sends this message again, with the same Message-ID, on the next cycle.
            crash_point("after-send")
            with self.store.transaction():
                self.store.mark_sent(delivery, self.clock.now())
            report.delivered += 1

    def publish(self, report: CycleReport) -> None:
        """Rewrite the feed and archive index of every subscription whose publishing is
        due (a new digest, a new day's file), from the store; an entry stays due until
        its files are written, so a crash or an unwritable folder is made good later."""
        out = self.config.resolve(self.config.output.dir)
        for name in self.store.due_publications():
            try:
                archive.publish(out, name, self.store.recent_digests(
                    name, archive.FEED_DIGESTS), self.clock.now())
            except OSError as exc:
                self._problem(report, Problem(str(out), None, "", f"cannot write the feed or "
                                              f"archive index of '{name}': {exc.strerror}; "
                                              "tried again next cycle"))
                continue
            with self.store.transaction():
                self.store.mark_published(name)
