"""One cycle of alerter, wired from the stages:

    ingest → extract → match → digest (due subscriptions) → deliver → publish

Each stage writes in short transactions, a batch at a time (documents as they
are read, events per extraction batch, matches per batch of events), and never
holds the store's write lock while it reads the network or runs spaCy: a crash
leaves every batch either done or not started, the next cycle carries on from
there, and `alerter status` or another process waits at most one batch.
Publishing a subscription's feed and index is an outbox entry like a delivery:
written with the digest, removed once the files are written.

The stages live in three modules by responsibility: intake.py (ingest, extract),
this one (match, digest, the cycle) and sending.py (deliver, publish, the lease).
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from alerter.clock import Clock
from alerter.compute import Engine
from alerter.config import Config, SubscriptionConfig
from alerter.crashpoints import crash_point
from alerter.deliver import Channel
from alerter.deliver.file import FileChannel
from alerter.digest import DigestInput, context, feed_stories, wanted
from alerter.errors import Problem, TemplateError
from alerter.intake import Intake
from alerter.matching import Engines, load_valid_rules
from alerter.models import Delivery, Event, Match, stable_id
from alerter.render import SUBJECT_TEMPLATE, TEMPLATE_FOR_FORMAT, environment, render
from alerter.retellings import join_retellings
from alerter.rules.engine import Miss
from alerter.rules.loader import LoadedRule, configured_codes
from alerter.schedule import is_due
from alerter.sending import LEASE, RETRY_BASE, Sending, backoff
from alerter.store import Store
from alerter.web.links import UnsubscribeLinks
from alerter.wording import load_wording

__all__ = ["LEASE", "RETRY_BASE", "CycleReport", "Pipeline", "backoff"]

log = logging.getLogger("alerter")
# how far back a digest looks for the earlier mentions an escalation points to
HISTORY = timedelta(days=30)
MATCH_BATCH = 500  # events matched per transaction


@dataclass
class CycleReport:
    documents: int = 0
    duplicates: int = 0
    extracted: int = 0  # documents this alerter extracted (claimed, on a shared store)
    events: int = 0
    matches: int = 0
    digests: int = 0
    delivered: int = 0
    failed: int = 0  # delivery attempts that failed (retried later, or given up)
    problems: list[Problem] = field(default_factory=list)
    skipped: bool = False  # another alerter holds this store's lease
    rules_invalid: bool = False  # a rule file had errors: events wait for its rules

    def counts(self) -> dict[str, int]:
        return {"documents": self.documents, "events": self.events, "matches": self.matches,
                "digests": self.digests, "problems": len(self.problems)}


class Pipeline(Intake, Sending):
    """The stages of a cycle over one store, with the config and clock they share."""

    def __init__(self, config: Config, store: Store, clock: Clock,
                 extractor: Callable[[], Engine] | None = None,
                 on_problem: Callable[[Problem], None] | None = None) -> None:
        self.config = config
        self.store = store
        self.clock = clock
        self._make_extractor = extractor or self._default_extractor
        self._extractor: Engine | None = None
        self._rules: list[LoadedRule] = []
        self._on_problem = on_problem
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._waiting = False
        self.quiet = False  # documents stored are old news (a backfill's): no digest
        self.channels: dict[str, Channel] = {"file": FileChannel()}
        self.links = UnsubscribeLinks(config.web) if config.web is not None else None
        if config.smtp is not None:
            from alerter.deliver.email import email_channel

            mail = email_channel(config, clock, self.links)
            if mail is not None:
                self.channels["email"] = mail

    def _problem(self, report: CycleReport, problem: Problem) -> None:
        report.problems.append(problem)
        if self._on_problem is not None:
            self._on_problem(problem)

    # -- stages ------------------------------------------------------------------

    def rules(self, report: CycleReport) -> list[LoadedRule]:
        """Give the rules in force, reloaded every cycle: those of every rule file without
        errors. A file with errors is reported (one line per error), skipped, and marks
        the report `rules_invalid`: events then wait for its rules (alerter.matching)."""
        self._rules, problems = load_valid_rules(
            (self.config.resolve(p) for p in self.config.rules.paths),
            configured_codes(self.config))
        for problem in problems:
            self._problem(report, problem)
        report.rules_invalid = bool(problems)
        return self._rules

    def match(self, report: CycleReport) -> None:
        """Run the rules over events not matched yet, in publication order, committing the
        matches and the rules' memory a batch of events at a time. While a rule file has
        errors, its events are matched by the other files' rules and wait for its own."""
        with self.store.exclusive("match"):  # one alerter at a time: rule state is shared
            self._match(report)

    def _match(self, report: CycleReport) -> None:
        engines = Engines(self.rules(report))
        complete = not report.rules_invalid
        if not complete:
            log.error("rule files have errors: their rules are skipped, and this cycle's "
                      "events wait for them until they load (`alerter rules check`)")
        for ids in _batches(self.store.unmatched_event_ids(), MATCH_BATCH):
            events = self.store.events(ids)
            applied = self.store.applied_rules(ids)
            now = self.clock.now()
            with self.store.transaction():
                for engine, members in engines.for_events(ids, applied):
                    ordered = [events[i] for i in members if i in events]
                    documents = self.store.documents(e.doc_id for e in ordered)
                    pairs = [(e, documents.get(e.doc_id)) for e in ordered]
                    old = self.store.quiet_documents(documents)
                    held: dict[str, list[Miss]] = {}
                    for match in engine.match(pairs, self.store, held):
                        report.matches += self.store.add_match(
                            match, now, quiet=_old_news(match, events, old))
                    crash_point("mid-match")  # matches made, retellings not joined
                    join_retellings(self.store, held, documents)
                if complete:
                    self.store.mark_matched(ids, now)
                else:
                    self.store.mark_applied(ids, (r.rule.id for r in engines.rules))
            crash_point("after-match-commit")

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
        # each recipient's own web link replaces the stand-in as the email is sent
        # (web/links.py); templates see it as `unsubscribe.url`
        stand_in = (self.links.stand_in if self.links is not None
                    and subscription.channel == "email" else None)
        data = DigestInput(subscription, start, now, matches, events, documents, rules, history,
                           sender=self.config.smtp.from_ if self.config.smtp else None,
                           unsubscribe_url=stand_in)
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
        crash_point("after-digest-commit")
        report.digests += 1
        return {"subject": subject, **bodies}

    def digest_or_report(self, subscription: SubscriptionConfig, report: CycleReport
                         ) -> dict[str, str] | None:
        """Give `digest(subscription)`; a broken template is reported and that digest
        alone waits (it is made on a later cycle, once the template is fixed)."""
        try:
            return self.digest(subscription, report)
        except TemplateError as exc:
            self._problem(report, Problem(f"subscription {subscription.name}", None, "",
                                          f"digest not made: {exc}"))
            return None

    def _targets(self, subscription: SubscriptionConfig, now: datetime) -> list[str]:
        if subscription.channel == "file":
            local = now.astimezone(ZoneInfo(subscription.timezone))
            folder = self.config.resolve(self.config.output.dir) / "digests" / subscription.name
            target = str(Path(folder) / local.strftime("%Y-%m-%d"))
            if self.store.has_delivery_target(target):
                # a second digest the same day gets its own file, not the first one's
                target = str(Path(folder) / local.strftime("%Y-%m-%d-%H%M"))
            return [target]
        # the config's addresses and the confirmed sign-ups, each address once
        addresses: dict[str, str] = {}
        for address in [*subscription.to, *self.store.subscribers(subscription.name)]:
            addresses.setdefault(address.strip().lower(), address)
        return [a for a in addresses.values() if not self.store.opted_out(a, subscription.name)]

    # -- the cycle ---------------------------------------------------------------

    def run_cycle(self, subscriptions: Iterable[SubscriptionConfig] | None = None) -> CycleReport:
        """Run one whole cycle; digests for `subscriptions`, or for those that are due."""
        report = CycleReport()
        if not self.hold_lease() and not self.store.shared:
            report.skipped = True
            return report
        # On a shared store (PostgreSQL) every alerter ingests, extracts and matches;
        # only the lease holder makes digests and sends them.
        started = self.clock.now()
        with self.store.transaction():
            cycle_id = self.store.start_cycle(started)
        self.ingest(report)
        self.extract(report)
        self.match(report)
        if not self.hold_lease():  # renewed: ingest and extraction may have been long
            report.skipped = True
            with self.store.transaction():
                self.store.finish_cycle(cycle_id, self.clock.now(), report.counts())
            return report
        for subscription in (subscriptions if subscriptions is not None
                             else self.due(started)):
            self.digest_or_report(subscription, report)
        self.deliver(report)
        self.publish(report)
        with self.store.transaction():
            self.store.finish_cycle(cycle_id, self.clock.now(), report.counts())
        return report


def _old_news(match: Match, events: dict[str, Event], old: set[str]) -> bool:
    """Give whether every event of this batch that made the match is old news."""
    docs = [events[i].doc_id for i in match.event_ids if i in events]
    return bool(old) and bool(docs) and all(d in old for d in docs)


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
