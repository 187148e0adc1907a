"""Stories: the matched events of a digest grouped by the happening they describe.

Four outlets retelling one sanctions announcement are one story with four
sources. Two events belong to one story when they have the same type, their
subtypes agree, their actors and targets overlap (a side with no codes agrees
with anything), their dates lie within `DAYS_APART` of each other, and they
share items or enough sentence words (aid with other goods is another story).
A story whose events moved on — arms discussed earlier, planned or delivered
now — is an escalation and points to the earlier mention, which may come from
an earlier digest.

Each story gets a summary of one or two of its own sentences, chosen by how
central each is among the story's sentences (word overlap; deterministic), and
every sentence carries its citation. Nothing here writes text of its own
beyond joining extracted fields.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from alerter.models import Document, Event, Match, stable_id

DAYS_APART = 3
SIMILAR_WORDS = 0.2  # Jaccard overlap of content words that makes two sentences one story
SECOND_SENTENCE_BELOW = 0.35  # a second summary sentence must differ this much from the first
# How far an event has gone: an escalation moves up this order.
STAGE = {"discussed": 1, "planned": 2, "asserted": 3}
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


def same_story(a: Mention, b: Mention) -> bool:
    """Give whether two mentions describe the same happening."""
    ea, eb = a.event, b.event
    if ea.type != eb.type:
        return False
    if ea.subtype and eb.subtype and ea.subtype != eb.subtype:
        return False
    actors_a, actors_b = _codes(ea, "actor"), _codes(eb, "actor")
    targets_a, targets_b = _codes(ea, "target"), _codes(eb, "target")
    if not (_overlap(actors_a, actors_b) and _overlap(targets_a, targets_b)):
        return False
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


def group(mentions: list[Mention]) -> list[Story]:
    """Give the stories the mentions make, in order of their first mention. A mention
    joins the first story holding a mention it agrees with (single link)."""
    ordered = sorted(mentions, key=lambda m: (m.when, m.document.id, m.event.sentence.start,
                                              m.match.rule_id))
    stories: list[Story] = []
    for mention in ordered:
        home = next((s for s in stories if any(same_story(mention, m) for m in s.mentions)),
                    None)
        if home is None:
            stories.append(Story([mention]))
        else:
            home.mentions.append(mention)
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


def summary_mentions(story: Story) -> list[Mention]:
    """Give the one or two mentions whose sentences summarise the story."""
    unique: dict[str, Mention] = {}
    for mention in story.current:
        unique.setdefault(" ".join(mention.event.sentence.text.split()), mention)
    sentences = list(unique)
    if not sentences:
        return []
    ranked = central_sentences(sentences)
    chosen = [ranked[0]]
    for index in ranked[1:]:
        if jaccard(words(sentences[index]), words(sentences[chosen[0]])) < \
                SECOND_SENTENCE_BELOW and len(story.current) > 2:
            chosen.append(index)
            break
    mentions = list(unique.values())
    return sorted((mentions[i] for i in chosen), key=lambda m: m.when)
