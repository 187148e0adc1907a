"""Digests: which matches a subscription receives, and the context its
templates are rendered with."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from alerter.config import SEVERITIES, SubscriptionConfig
from alerter.models import Document, Event, Match, Participant
from alerter.rules.model import Rule


def wanted(match: Match, rule: Rule | None, subscription: SubscriptionConfig) -> bool:
    """Give whether a subscription receives a match (by rule id, tags and severity)."""
    if SEVERITIES.index(match.severity) < SEVERITIES.index(subscription.min_severity):
        return False
    if subscription.rules is not None and match.rule_id not in subscription.rules:
        return False
    if subscription.tags is not None:
        return rule is not None and bool(set(rule.tags) & set(subscription.tags))
    return True


def _names(participants: tuple[Participant, ...]) -> str:
    return ", ".join(p.code or p.text for p in participants)


@dataclass(frozen=True)
class DigestInput:
    subscription: SubscriptionConfig
    period_start: datetime | None
    period_end: datetime
    matches: list[Match]
    events: dict[str, Event]
    documents: dict[str, Document]
    rules: dict[str, Rule]


def summary_line(data: DigestInput) -> str:
    """Give the digest's opening sentence: counts by rule and severity."""
    if not data.matches:
        return "No new matches in this period — the pipeline ran and found nothing to report."
    by_rule = Counter(m.rule_id for m in data.matches)
    parts = []
    for rule_id, count in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = data.rules.get(rule_id)
        parts.append(f"{count} × {rule.name if rule else rule_id}")
    severities = Counter(m.severity for m in data.matches)
    worst = max(severities, key=SEVERITIES.index)
    return (f"{len(data.matches)} new match{'es' if len(data.matches) != 1 else ''} "
            f"({', '.join(parts)}); highest severity {worst}.")


def context(data: DigestInput, generated_at: datetime) -> dict[str, Any]:
    """Give the template context for a digest (documented in the README)."""
    zone = ZoneInfo(data.subscription.timezone)
    end_local = data.period_end.astimezone(zone)
    groups: dict[str, dict[str, Any]] = {}
    for match in data.matches:
        rule = data.rules.get(match.rule_id)
        group = groups.setdefault(match.rule_id, {
            "rule": {"id": match.rule_id, "name": rule.name if rule else match.rule_id,
                     "severity": match.severity,
                     "description": rule.description if rule else ""},
            "entries": [],
        })
        for event_id in match.event_ids:
            event = data.events.get(event_id)
            if event is None:
                continue
            group["entries"].append({
                "match": match, "event": event, "document": data.documents[event.doc_id],
                "actors": _names(event.actor), "targets": _names(event.target),
            })
    ordered = sorted(groups.values(), key=lambda g: (-SEVERITIES.index(g["rule"]["severity"]),
                                                    g["rule"]["name"]))
    return {
        "subscription": data.subscription,
        "period": {"start": data.period_start, "end": data.period_end,
                   "label": end_local.strftime("%Y-%m-%d")},
        "summary": summary_line(data),
        "groups": ordered,
        "matches": data.matches,
        "generated_at": generated_at,
        "counts": {"matches": len(data.matches), "documents": len(data.documents),
                   "rules": len(groups)},
    }
