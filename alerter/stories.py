"""Stories: the matched events of a digest grouped by the happening they describe.

Four outlets retelling one sanctions announcement are one story with four
sources. Two events tell the same happening when they have the same type,
their subtypes agree, their actors and targets overlap (a side with no codes
agrees with anything), their dates lie within `DAYS_APART` of each other, and
they share items or enough sentence words (aid with other goods is another
story). A story only takes an event whose actors, targets and subtype agree
with every event of its type already in it, so that "sanctions on Belarus",
a sanction with no target named, and "sanctions on Iran" do not chain into one.
The events of one sentence (a CONSULT and an AID read from "they discussed
supplying arms") are one story, so a sentence is cited once.

A story whose events moved on — arms discussed earlier, planned or delivered
now — is an escalation and points to the earlier mention, which may come from
an earlier digest.

Each story gets a summary of one or two of its own sentences: its leading
mention's (the one its headline and date come from), then, for a story with
more sources, the most central other sentence (word overlap; deterministic)
that says something else. Every sentence carries its citation. Nothing here
writes text of its own beyond joining extracted fields.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import get_args

from alerter.models import Document, Event, Match, Severity, stable_id

DAYS_APART = 3
SIMILAR_WORDS = 0.2  # Jaccard overlap of content words that makes two sentences one story
SECOND_SENTENCE_BELOW = 0.35  # a second summary sentence must differ this much from the first
# How far an event has gone: an escalation moves up this order.
STAGE = {"discussed": 1, "planned": 2, "asserted": 3}
SEVERITY_ORDER: tuple[str, ...] = get_args(Severity)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "had", "has",
    "have", "he", "her", "his", "in", "into", "is", "it", "its", "new", "of", "on", "or",
    "said", "says", "that", "the", "their", "them", "they", "this", "to", "was", "were",
    "which", "who", "will", "with", "would", "also", "after", "before", "over", "than", "then",
    "there", "these", "those", "not", "but", "its", "it's", "more", "most", "other", "our",
    "out", "up",
))


@dataclass(frozen=True)
class Mention:
    """One matched event in one document."""

    match: Match
    event: Event
    document: Document
    earlier: bool = False  # from before this digest's period (history, not news)

    @property
    def day(self) -> date:
        """Give the event's day: its date, the middle of its month when only another
        month is known ("last month"), else the publication day."""
        when, published = self.event.date, self.document.published.date()
        if when and len(when) == 10:
            return date.fromisoformat(when)
        if when and len(when) == 7 and when != published.strftime("%Y-%m"):
            return date.fromisoformat(f"{when}-15")
        return published

    @property
    def when(self) -> datetime:
        return self.document.published


@dataclass
class Story:
    """Mentions of one happening, earliest first."""

    mentions: list[Mention] = field(default_factory=list)

    @property
    def current(self) -> list[Mention]:
        return [m for m in self.mentions if not m.earlier]

    @property
    def id(self) -> str:
        first = self.mentions[0]
        return stable_id("story", first.event.id)

    def escalation(self) -> tuple[Mention, Mention] | None:
        """Give (earlier mention, the mention that moved on) if the story escalated."""
        staged = [m for m in self.mentions if m.event.modality in STAGE]
        if not staged:
            return None
        latest = max((m for m in staged if not m.earlier),
                     key=lambda m: (STAGE[m.event.modality], m.when), default=None)
        if latest is None:
            return None
        before = [m for m in staged if m.when < latest.when
                  and STAGE[m.event.modality] < STAGE[latest.event.modality]]
        return (before[0], latest) if before else None


def words(text: str) -> frozenset[str]:
    """Give the content words of a sentence, lower-cased, crudely singular."""
    out = set()
    for word in _WORD.findall(text.lower()):
        if word in _STOP or len(word) < 3:
            continue
        out.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return frozenset(out)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _codes(event: Event, side: str) -> set[str]:
    return {p.code for p in getattr(event, side) if p.code}


def _overlap(a: set[str], b: set[str]) -> bool:
    return not a or not b or bool(a & b)


def compatible(a: Event, b: Event) -> bool:
    """Give whether two events of one type can be one happening: subtypes, actors and
    targets agree (an unknown side agrees with anything)."""
    if a.type != b.type:
        return False
    if a.subtype and b.subtype and a.subtype != b.subtype:
        return False
    return (_overlap(_codes(a, "actor"), _codes(b, "actor"))
            and _overlap(_codes(a, "target"), _codes(b, "target")))


def same_story(a: Mention, b: Mention) -> bool:
    """Give whether two mentions describe the same happening."""
    ea, eb = a.event, b.event
    if not compatible(ea, eb):
        return False
    actors_a, actors_b = _codes(ea, "actor"), _codes(eb, "actor")
    targets_a, targets_b = _codes(ea, "target"), _codes(eb, "target")
    if abs((a.day - b.day).days) > DAYS_APART:
        return False
    shared_codes = (actors_a & actors_b) or (targets_a & targets_b)
    items_a = {w for i in ea.items for w in words(i.text)}
    items_b = {w for i in eb.items for w in words(i.text)}
    if items_a & items_b and shared_codes:
        return True
    if ea.type == "AID" and items_a and items_b:
        return False  # other goods: another delivery
    similar = jaccard(words(ea.sentence.text), words(eb.sentence.text))
    return similar >= SIMILAR_WORDS or (bool(shared_codes) and similar >= SIMILAR_WORDS / 2)


def _fits(story: Story, mention: Mention) -> bool:
    """Give whether a mention can join a story: it tells the same happening as one of
    the story's mentions, its subtype agrees with every mention of its type, and its
    actors and targets overlap those the story has named so far (a side with no codes
    agrees with anything)."""
    if not any(same_story(mention, m) for m in story.mentions):
        return False
    event = mention.event
    kin = [m.event for m in story.mentions if m.event.type == event.type]
    if event.subtype and any(e.subtype and e.subtype != event.subtype for e in kin):
        return False
    return all(_overlap(_codes(event, side), set().union(*(_codes(e, side) for e in kin)))
               for side in ("actor", "target"))


def _sentence(mention: Mention) -> tuple[str, int]:
    return mention.document.id, mention.event.sentence.start


def group(mentions: list[Mention]) -> list[Story]:
    """Give the stories the mentions make, in order of their first mention.

    The mentions of one sentence go together; they join the first story one of them
    fits (`_fits`), else start a story."""
    ordered = sorted(mentions, key=lambda m: (m.when, m.document.id, m.event.sentence.start,
                                              m.match.rule_id))
    sentences: dict[tuple[str, int], list[Mention]] = {}
    for mention in ordered:
        sentences.setdefault(_sentence(mention), []).append(mention)
    stories: list[Story] = []
    for together in sentences.values():
        home = next((s for s in stories if any(_fits(s, m) for m in together)), None)
        if home is None:
            stories.append(Story(list(together)))
        else:
            home.mentions.extend(together)
    return [s for s in stories if s.current]


def central_sentences(sentences: list[str]) -> list[int]:
    """Give the indexes of the sentences, most central first: each is scored by its
    summed cosine word overlap with the others (ties: the earlier sentence)."""
    bags = [Counter(w for w in _WORD.findall(s.lower()) if w not in _STOP) for s in sentences]

    def cosine(a: Counter[str], b: Counter[str]) -> float:
        dot = sum(a[w] * b[w] for w in a.keys() & b.keys())
        norm = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
        return dot / norm if norm else 0.0

    scores = [sum(cosine(bags[i], bags[j]) for j in range(len(bags)) if j != i)
              for i in range(len(bags))]
    return sorted(range(len(sentences)), key=lambda i: (-scores[i], i))


def lead(story: Story) -> Mention:
    """Give the story as it stands now: among the mentions of the story's main type (the
    type most of its events have: a pledge that came with an arms delivery does not
    lead the arms story), the one its rule rates most severe, the most advanced, then the
    first; of one sentence's events, the one told first ("imposed sanctions on Iran for
    supplying drones" is a sanctions story, not one of drones supplied)."""
    current = story.current
    # by events, not matches: an event two rules matched counts once
    types = Counter(event.type for event in {m.event.id: m.event for m in current}.values())
    sentences = [_sentence(m) for m in current]
    return max(current, key=lambda m: (types[m.event.type],
                                       SEVERITY_ORDER.index(m.match.severity),
                                       STAGE.get(m.event.modality, 0),
                                       -sentences.index(_sentence(m)),
                                       -m.event.trigger.start, -current.index(m)))


def _text(mention: Mention) -> str:
    return " ".join(mention.event.sentence.text.split())


def summary_mentions(story: Story) -> list[Mention]:
    """Give the one or two mentions whose sentences summarise the story: the leading
    mention's, and for a story of more than two mentions the most central other sentence
    that differs enough from it. Each sentence once."""
    unique: dict[str, Mention] = {}
    for mention in story.current:
        unique.setdefault(_text(mention), mention)
    if not unique:
        return []
    first = _text(lead(story))
    chosen = [unique[first]]
    sentences = list(unique)
    if len(story.current) > 2:
        for index in central_sentences(sentences):
            other = sentences[index]
            if other != first and jaccard(words(other), words(first)) < SECOND_SENTENCE_BELOW:
                chosen.append(unique[other])
                break
    return sorted(chosen, key=lambda m: m.when)
