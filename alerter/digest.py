"""Digests: which matches a subscription receives, and the context its
templates are rendered with."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from alerter.config import SEVERITIES, SubscriptionConfig
from alerter.models import Document, Event, Item, Match
from alerter.render import summary_template
from alerter.rules.model import Rule
from alerter.stories import Mention, Story, group, lead, summary_mentions
from alerter.wording import Wording, counted, load_wording

HIGHLIGHTS = 3  # leading stories named in the digest's opening


def wanted(match: Match, rule: Rule | None, subscription: SubscriptionConfig) -> bool:
    """Give whether a subscription receives a match (by rule id, tags and severity)."""
    if SEVERITIES.index(match.severity) < SEVERITIES.index(subscription.min_severity):
        return False
    if subscription.rules is not None and match.rule_id not in subscription.rules:
        return False
    if subscription.tags is not None:
        return rule is not None and bool(set(rule.tags) & set(subscription.tags))
    return True


log = logging.getLogger("alerter")


def summary_of(rule: Rule | None, entry: dict[str, Any]) -> str | None:
    """Give the rule's one-line summary of a digest entry, or None without one. A summary
    that fails (an unknown attribute) is logged and left out; the digest goes on."""
    if rule is None or rule.summary is None:
        return None
    try:
        return " ".join(str(summary_template(rule.summary).render(**entry)).split())
    except Exception as exc:  # any error in a user's template
        log.warning("rule %s: summary template failed: %s", rule.id, exc)
        return None


def _item(item: Item) -> str:
    """Give an item with its quantity where the text does not already say it:
    "36 anti-aircraft guns"."""
    if item.quantity is None:
        return item.text
    number = f"{item.quantity:,.0f}" if float(item.quantity).is_integer() else \
        f"{item.quantity:,}"
    return item.text if number.replace(",", "") in item.text.replace(",", "") else \
        f"{number} {item.text}"


@dataclass(frozen=True)
class DigestInput:
    subscription: SubscriptionConfig
    period_start: datetime | None
    period_end: datetime
    matches: list[Match]
    events: dict[str, Event]
    documents: dict[str, Document]
    rules: dict[str, Rule]
    # matches from earlier digests, that escalations point back to
    history: list[Match] = field(default_factory=list)
    # the sender's address (smtp.from), for the visible unsubscribe line of email digests
    sender: str | None = None
    # a web page to unsubscribe ({subscription} is filled in), when one exists
    unsubscribe_url: str | None = None


def _rule_info(rule_id: str, rule: Rule | None, severity: str) -> dict[str, Any]:
    return {"id": rule_id, "name": rule.name if rule else rule_id, "severity": severity,
            "description": rule.description if rule else ""}


def citation(mention: Mention) -> dict[str, Any]:
    """Give what a template needs to cite a mention's source."""
    document, event = mention.document, mention.event
    return {"title": document.title or document.source or document.id,
            "source": document.source, "url": document.url, "published": document.published,
            "sentence": event.sentence.text, "attribution": event.attribution,
            "modality": event.modality, "hedged": event.hedged, "earlier": mention.earlier,
            "document": document, "event": event}


def _mentions(matches: list[Match], data: DigestInput, earlier: bool) -> list[Mention]:
    found = []
    for match in matches:
        for event_id in match.event_ids:
            event = data.events.get(event_id)
            document = data.documents.get(event.doc_id) if event else None
            if event is not None and document is not None:
                found.append(Mention(match, event, document, earlier))
    return found


def story_rule(story: Story) -> Mention:
    """Give the mention whose rule a story is filed under: of the rules its leading event
    matched, the most severe, then the one that matched most of the story."""
    leading = lead(story).event.id
    counts = Counter(m.match.rule_id for m in story.current)
    return max((m for m in story.current if m.event.id == leading),
               key=lambda m: (SEVERITIES.index(m.match.severity), counts[m.match.rule_id],
                              -story.current.index(m)))


def _story(story: Story, number: int, data: DigestInput, words: Wording) -> dict[str, Any]:
    current = story.current
    leading = lead(story)
    severest = story_rule(story)
    rule = data.rules.get(severest.match.rule_id)
    event = leading.event
    entry = {"match": leading.match, "event": event, "document": leading.document,
             "actors": words.participants(event.actor),
             "targets": words.participants(event.target),
             "items": ", ".join(_item(i) for i in event.items)}
    sources: list[dict[str, Any]] = []
    seen: set[str] = set()
    for mention in current:
        if mention.document.id not in seen:
            seen.add(mention.document.id)
            sources.append(citation(mention))
    moved = story.escalation()
    line = summary_of(rule, entry)
    return {
        "match": leading.match, "event": event, "document": leading.document,
        "actors": entry["actors"], "targets": entry["targets"], "item_text": entry["items"],
        "actor_codes": sorted({p.code for p in event.actor if p.code}),
        "target_codes": sorted({p.code for p in event.target if p.code}),
        "id": story.id, "number": number, "anchor": f"story-{number}",
        "rule": _rule_info(severest.match.rule_id, rule, severest.match.severity),
        "rules": sorted({m.match.rule_id for m in current}),
        "type": event.type, "subtype": event.subtype, "modality": event.modality,
        "what": words.happening(event.type, event.subtype, event.modality),
        "hedged": all(m.event.hedged for m in current), "date": event.date,
        "mode": words.mode(event.modality, all(m.event.hedged for m in current)),
        "line": line,
        "headline": line or words.headline(event),
        "summary": [{"text": m.event.sentence.text, "citation": citation(m)}
                    for m in summary_mentions(story)],
        "sources": sources,
        "escalation": None if moved is None else {
            "from": moved[0].event.modality, "to": moved[1].event.modality,
            "from_words": words.mode(moved[0].event.modality),
            "to_words": words.mode(moved[1].event.modality),
            "earlier": citation(moved[0]), "now": citation(moved[1])},
        "explanation": severest.match.explanation,
        "mentions": [citation(m) for m in current],
    }


def feed_stories(stories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give the stories as plain data for the Atom feed (kept with the digest)."""
    return [{
        "id": s["id"], "title": s["headline"], "rule": s["rule"]["name"],
        "severity": s["rule"]["severity"], "modality": s["modality"],
        "escalation": None if s["escalation"] is None else
        f"{s['escalation']['from_words']} before, {s['escalation']['to_words']} now",
        "summary": [p["text"] for p in s["summary"]],
        "sources": [{"title": c["title"], "source": c["source"], "url": c["url"],
                     "published": c["published"].isoformat()} for c in s["sources"]],
    } for s in stories]


def _highlight(story: dict[str, Any]) -> str:
    """Give a leading story in one line: "Arms delivered: Poland → Ukraine: arms
    supplied (under discussion before); 3 sources [1]"."""
    text = f"{story['rule']['name']}: {story['headline']}"
    if story["escalation"]:
        text += f" ({story['escalation']['from_words']} before)"
    outlets = len(story["sources"])
    if outlets > 1:
        text += f"; {counted(outlets, 'source')}"
    return f"{text} [{story['number']}]"


def _ranked(stories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give the stories most important first: severity, escalation, sources, order."""
    return sorted(stories, key=lambda s: (-SEVERITIES.index(s["rule"]["severity"]),
                                          -bool(s["escalation"]), -len(s["sources"]),
                                          s["number"]))


def summary_text(stories: list[dict[str, Any]], documents: int
                 ) -> tuple[str, list[dict[str, Any]]]:
    """Give the digest's opening (stories and documents, stories by rule, the highest
    severity) and its highlights: one line per leading story, cited by number."""
    if not stories:
        return ("No new stories in this period — the pipeline ran and found nothing to "
                "report.", [])
    by_rule = Counter(s["rule"]["name"] for s in stories)
    parts = [f"{name}: {count}" for name, count in
             sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))]
    worst = max((s["rule"]["severity"] for s in stories), key=SEVERITIES.index)
    escalations = sum(1 for s in stories if s["escalation"])
    opening = (f"{counted(len(stories), 'story', 'stories')} from "
               f"{counted(documents, 'document')} ({'; '.join(parts)}). "
               f"Highest severity: {worst}"
               + (f"; {counted(escalations, 'escalation')}" if escalations else "") + ".")
    leading = _ranked(stories)[:HIGHLIGHTS]
    return opening, [{"text": _highlight(s), "number": s["number"], "anchor": s["anchor"]}
                     for s in sorted(leading, key=lambda s: s["number"])]


def _group_order(stories: list[Story], data: DigestInput) -> tuple[int, str]:
    match = story_rule(stories[0]).match  # every story of the group is filed under it
    rule = data.rules.get(match.rule_id)
    return -SEVERITIES.index(match.severity), rule.name if rule else match.rule_id


def unsubscribe(data: DigestInput) -> dict[str, Any] | None:
    """Give how a reader stops an email digest (`address`, `subject`, `mailto`, and the
    web page `url` where there is one), or None for digests not sent by email."""
    if data.subscription.channel != "email" or not data.sender:
        return None
    from email.utils import parseaddr

    from alerter.deliver.message import unsubscribe_mailto

    try:
        mailto = unsubscribe_mailto(data.sender, data.subscription.name)
    except ValueError:  # the config check refuses such an address; say nothing wrong
        return None
    url = data.unsubscribe_url
    return {"address": parseaddr(data.sender)[1], "mailto": mailto,
            "subject": f"unsubscribe {data.subscription.name}",
            "url": url.replace("{subscription}", data.subscription.name) if url else None}


def context(data: DigestInput, generated_at: datetime, wording: Wording | None = None
            ) -> dict[str, Any]:
    """Give the template context for a digest (documented in docs/templates.md)."""
    words = wording or load_wording()
    zone = ZoneInfo(data.subscription.timezone)
    end_local = data.period_end.astimezone(zone)
    found = group(_mentions(data.matches, data, False) + _mentions(data.history, data, True))
    # grouped under their most severe rule; the most severe rules first, then by name;
    # in a group, stories in order of first mention; numbered in that order
    by_rule: dict[str, list[Story]] = {}
    for story in found:
        by_rule.setdefault(story_rule(story).match.rule_id, []).append(story)
    stories: list[dict[str, Any]] = []
    groups: list[dict[str, Any]] = []
    for members in sorted(by_rule.values(), key=lambda ss: _group_order(ss, data)):
        made = [_story(story, len(stories) + n, data, words)
                for n, story in enumerate(members, 1)]
        stories += made
        groups.append({"rule": made[0]["rule"], "stories": made})
    documents = {c["document"].id for s in stories for c in s["mentions"]}
    opening, highlights = summary_text(stories, len(documents))
    return {
        "subscription": data.subscription,
        "period": {"start": data.period_start, "end": data.period_end,
                   "label": end_local.strftime("%Y-%m-%d"),
                   "time": end_local.strftime("%H:%M"),
                   "day": end_local.strftime("%a %d %b %Y")},
        "summary": opening,
        "highlights": highlights,
        "lead": _ranked(stories)[0] if stories else None,
        "groups": groups,
        "stories": stories,
        "matches": data.matches,
        "generated_at": generated_at,
        "counts": {"matches": len(data.matches), "stories": len(stories),
                   "documents": len(documents), "rules": len(groups),
                   "escalations": sum(1 for s in stories if s["escalation"])},
        "unsubscribe": unsubscribe(data),
    }
