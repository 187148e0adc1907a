"""One cycle of alerter, wired from the stages:

    ingest → extract → match → digest (due subscriptions) → deliver

Each stage runs in one store transaction, so a crash leaves every stage
either done or not started; the next cycle carries on from there.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from alerter import archive, sources
from alerter.clock import Clock
from alerter.config import Config, SubscriptionConfig, parse_duration
from alerter.deliver import Channel, Outgoing
from alerter.deliver.file import FileChannel
from alerter.digest import DigestInput, context, feed_stories, wanted
from alerter.errors import DeliveryError, Problem, RuleError
from alerter.extract import Extractor, extractor_for
from alerter.models import Delivery, stable_id
from alerter.render import SUBJECT_TEMPLATE, TEMPLATE_FOR_FORMAT, environment, render
from alerter.rules.engine import RuleEngine
from alerter.rules.loader import LoadedRule, configured_codes, load_rules
from alerter.schedule import is_due
from alerter.store import Store
from alerter.wording import load_wording

log = logging.getLogger("alerter")
# how far back a digest looks for the earlier mentions an escalation points to
HISTORY = timedelta(days=30)
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


@dataclass
class CycleReport:
    documents: int = 0
    duplicates: int = 0
    events: int = 0
    matches: int = 0
    digests: int = 0
    delivered: int = 0
    problems: list[Problem] = field(default_factory=list)
    skipped: bool = False  # another alerter holds this store's lease

    def counts(self) -> dict[str, int]:
        return {"documents": self.documents, "events": self.events, "matches": self.matches,
                "digests": self.digests, "problems": len(self.problems)}


class Pipeline:
    """The stages of a cycle over one store, with the config and clock they share."""

    def __init__(self, config: Config, store: Store, clock: Clock,
                 extractor: Callable[[], Extractor] | None = None,
                 on_problem: Callable[[Problem], None] | None = None) -> None:
        self.config = config
        self.store = store
        self.clock = clock
        self._make_extractor = extractor or self._default_extractor
        self._extractor: Extractor | None = None
        self._rules: list[LoadedRule] = []
        self._on_problem = on_problem
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._waiting = False
        self.channels: dict[str, Channel] = {"file": FileChannel()}
        if config.smtp is not None:
            from alerter.deliver.email import EmailChannel

            smtp = config.smtp
            if smtp.ca_file:  # relative to the config file, like every other path
                smtp = smtp.model_copy(update={"ca_file": str(config.resolve(smtp.ca_file))})
            self.channels["email"] = EmailChannel(smtp, clock)

    def _default_extractor(self) -> Extractor:
        return extractor_for(self.config)

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = self._make_extractor()
        return self._extractor

    def _problem(self, report: CycleReport, problem: Problem) -> None:
        report.problems.append(problem)
        if self._on_problem is not None:
            self._on_problem(problem)

    # -- stages ------------------------------------------------------------------

    def ingest(self, report: CycleReport) -> None:
        """Read every source; store documents whose content was not seen before."""
        http = self.config.http
        with self.store.transaction():
            for source in self.config.sources:
                location = source.url or str(self.config.resolve(source.path or ""))
                for document in sources.read([location], clock=self.clock,
                                             on_problem=lambda p: self._problem(report, p),
                                             source_name=source.name, timeout=http.timeout,
                                             max_bytes=http.max_bytes):
                    if self.store.has_content(document.content_hash):
                        report.duplicates += 1
                        continue
                    self.store.add_document(document)
                    report.documents += 1

    def extract(self, report: CycleReport) -> None:
        """Extract events from every stored document not yet extracted."""
        pending = list(self.store.unextracted())
        if not pending:
            return
        now = self.clock.now()
        with self.store.transaction():
            for document, events in self.extractor.extract(pending):
                report.events += self.store.add_events(document, events, now)

    def rules(self, report: CycleReport) -> list[LoadedRule]:
        """Give the rules in force: reloaded every cycle; on an invalid edit, the last valid."""
        try:
            self._rules = load_rules((self.config.resolve(p) for p in self.config.rules.paths),
                                     configured_codes(self.config))
        except RuleError as exc:
            for problem in exc.problems:
                self._problem(report, problem)
            if self._rules:
                log.warning("rule files have errors; the last valid rules stay in force")
        return self._rules

    def match(self, report: CycleReport) -> None:
        """Run the rules over events not matched yet."""
        engine = RuleEngine(self.rules(report))
        events = self.store.unmatched_events()
        if not events:
            return
        documents = self.store.documents(e.doc_id for e in events)
        now = self.clock.now()
        with self.store.transaction():
            pairs = [(e, documents.get(e.doc_id)) for e in events]
            # in publication order, so that windows (new, threshold, spike) see time pass
            pairs.sort(key=lambda pair: pair[1].published.timestamp() if pair[1] else 0.0)
            for match in engine.match(pairs, self.store):
                report.matches += self.store.add_match(match, now)
            self.store.mark_matched((e.id for e in events), now)

    def due(self, now: datetime) -> list[SubscriptionConfig]:
        """Give the subscriptions whose schedule says a digest is due now."""
        return [s for s in self.config.subscriptions
                if is_due(s.schedule, s.timezone, self.store.last_run(s.name), now)]

    def digest(self, subscription: SubscriptionConfig, report: CycleReport,
               *, dry_run: bool = False, since: datetime | None = None
               ) -> dict[str, str] | None:
        """Render the subscription's digest of undelivered matches and put it in the outbox;
        give the subject and the bodies by format, or None when there was nothing to send.

        With `dry_run`, change nothing. With `since` (dry runs only), the digest holds
        every match first seen since then, delivered before or not.
        """
        if since is not None and not dry_run:
            raise ValueError("since is for previews (dry_run) only")
        now = self.clock.now()
        rules = {r.rule.id: r.rule for r in (self._rules or self.rules(report))}
        candidates = (self.store.undigested_matches(subscription.name) if since is None
                      else [m for m in self.store.matches() if m.first_seen >= since])
        matches = [m for m in candidates if wanted(m, rules.get(m.rule_id), subscription)]
        if not matches and not subscription.send_empty:
            if not dry_run:
                with self.store.transaction():
                    self.store.set_last_run(subscription.name, now)
            return None
        current = {m.id for m in matches}
        history = [m for m in self.store.digested_matches(subscription.name, now - HISTORY)
                   if m.id not in current and wanted(m, rules.get(m.rule_id), subscription)]
        events = self.store.events(e for m in [*matches, *history] for e in m.event_ids)
        documents = self.store.documents(e.doc_id for e in events.values())
        start = since if since is not None else self.store.last_digest(subscription.name)
        data = DigestInput(subscription, start, now, matches, events, documents, rules, history,
                           sender=self.config.smtp.from_ if self.config.smtp else None)
        user_dir = (self.config.resolve(self.config.templates.path)
                    if self.config.templates.path else None)
        env = environment(user_dir)
        values = context(data, now, load_wording(user_dir))
        bodies: dict[str, str] = {fmt: render(env, TEMPLATE_FOR_FORMAT[fmt], values)
                  for fmt in subscription.formats}
        # one line, whatever the template or the extracted text held (no header injection)
        subject = " ".join(render(env, SUBJECT_TEMPLATE, values).split())
        if dry_run:
            return {"subject": subject, **bodies}
        digest_id = stable_id(subscription.name, now.isoformat())
        targets = self._targets(subscription, now)
        deliveries = [Delivery(digest_id=digest_id, channel=subscription.channel, target=t)
                      for t in targets]
        with self.store.transaction():
            self.store.add_digest(digest_id, subscription.name, (data.period_start, now), now,
                                  values["summary"], bodies, (m.id for m in matches), deliveries,
                                  subject=subject, stories=feed_stories(values["stories"]))
            self.store.set_last_run(subscription.name, now)
        report.digests += 1
        return {"subject": subject, **bodies}

    def publish(self, subscription: SubscriptionConfig, report: CycleReport) -> None:
        """Rewrite the subscription's Atom feed and its archive index from the store."""
        out = self.config.resolve(self.config.output.dir)
        try:
            archive.publish(out, subscription.name, self.store.recent_digests(
                subscription.name, archive.FEED_DIGESTS), self.clock.now())
        except OSError as exc:
            self._problem(report, Problem(str(out), None, "", f"cannot write the feed or "
                                          f"archive index: {exc.strerror}"))

    def _targets(self, subscription: SubscriptionConfig, now: datetime) -> list[str]:
        if subscription.channel == "file":
            local = now.astimezone(ZoneInfo(subscription.timezone))
            folder = self.config.resolve(self.config.output.dir) / "digests" / subscription.name
            target = str(Path(folder) / local.strftime("%Y-%m-%d"))
            if self.store.has_delivery_target(target):
                # a second digest the same day gets its own file, not the first one's
                target = str(Path(folder) / local.strftime("%Y-%m-%d-%H%M"))
            return [target]
        return [a for a in subscription.to if not self.store.opted_out(a, subscription.name)]

    # -- the lease: one alerter sends from a store -------------------------------

    def hold_lease(self) -> bool:
        """Take or renew this pipeline's lease on the store; False while another holds it."""
        ttl = max(LEASE_MIN, 3 * timedelta(seconds=parse_duration(
            self.config.schedule.ingest_every)))
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

    def deliver(self, report: CycleReport) -> None:
        """Send every pending delivery that is due; record each outcome as it happens.
        Each send renews the lease first: a pipeline that lost it sends nothing more."""
        now = self.clock.now()
        subscriptions = {s.name: s for s in self.config.subscriptions}
        max_attempts = self.config.smtp.max_attempts if self.config.smtp else 1
        digests: dict[str, dict[str, Any]] = {}
        for delivery in self.store.pending_deliveries(now):
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
                continue
            with self.store.transaction():
                self.store.mark_sent(delivery, self.clock.now())
            report.delivered += 1

    # -- the cycle ---------------------------------------------------------------

    def run_cycle(self, subscriptions: Iterable[SubscriptionConfig] | None = None) -> CycleReport:
        """Run one whole cycle; digests for `subscriptions`, or for those that are due."""
        report = CycleReport()
        if not self.hold_lease():
            report.skipped = True
            return report
        started = self.clock.now()
        with self.store.transaction():
            cycle_id = self.store.start_cycle(started)
        self.ingest(report)
        self.extract(report)
        self.match(report)
        if not self.hold_lease():  # renewed: ingest and extraction may have been long
            report.skipped = True
            return report
        made = [s for s in (subscriptions if subscriptions is not None else self.due(started))
                if self.digest(s, report) is not None]
        self.deliver(report)
        for subscription in made:
            self.publish(subscription, report)
        with self.store.transaction():
            self.store.finish_cycle(cycle_id, self.clock.now(), report.counts())
        return report
