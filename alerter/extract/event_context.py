"""When, where and how sure: an event's date, place, background status and
confidence.

A part of the events component (alerter/extract/events.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Span, Token

from alerter.extract import (
    enforcement,
    framing,
    lexicon,
)
from alerter.extract.dates import normalise_date
from alerter.extract.event_state import EventState
from alerter.extract.participants import phrase_tokens
from alerter.extract.triggers import TriggerRule

# "last fall, OFAC designated ...": a season before publication
_SEASONS = frozenset({"fall", "autumn", "summer", "spring", "winter"})
_BY = frozenset(("by", "until", "till", "before"))  # "by Friday": a deadline ahead


class Context(EventState):
    """An event's date, place, background status and confidence."""

    def _date(self, sentence: Span, anchor: Token, published: date) -> str | None:
        # the words from the anchor up its clause, nearest first: of two dates, the one
        # hanging nearest the event is its own ("today, OFAC designated firms that help
        # Acme, an entity designated in January 2020": January for the second)
        frame = [anchor.i]
        token = anchor
        while token.head.i != token.i and token.lemma_ not in lexicon.REPORT_VERBS:
            if token.dep_ in ("ccomp", "parataxis"):
                break
            token = token.head
            if token.lemma_ in lexicon.REPORT_VERBS:
                break
            frame.append(token.i)
        found: list[tuple[int, str]] = []
        for ent in self._dates:
            if ent.start < sentence.start or ent.end > sentence.end:
                continue
            node = ent.root
            for _ in range(4):
                if node.head.i in frame:
                    before = ent.doc[ent.start - 1].lower_ if ent.start else ""
                    if before == "after" and ent.start > 1 and \
                            ent.doc[ent.start - 2].lower_ == "or":
                        break  # "for, on or after May 5, 2018, having ...": a criterion
                    value = normalise_date(ent.text, published, future=before in _BY)
                    if value:
                        found.append((frame.index(node.head.i), value))
                    break
                if node.head.i == node.i:
                    break
                node = node.head
        return min(found, key=lambda f: f[0])[1] if found else None

    @staticmethod
    def _location(anchor: Token) -> str | None:
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "at", "near"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                        return framing.clean(phrase_tokens(pobj))
        return None

    def _confidence(self, rule: TriggerRule, nominal: bool, governor: Token | None,
                    actor: list[Any], target: list[Any], hedged: bool) -> float:
        if rule.trigger.confidence is not None:
            score = rule.trigger.confidence
        elif not nominal:
            score = 0.6
        else:
            score = 0.55 if governor is not None else 0.4
        if any(p[2] for p in actor):
            score += 0.15
        if any(p[2] for p in target):
            score += 0.1
        if hedged:
            score -= 0.1
        return round(min(max(score, 0.05), 0.95), 2)

    def _inner_date(self, anchor: Token, published: date) -> str | None:
        """Give a day named inside the clause of the measure, not in a clause of its own:
        "designated X pursuant to the Kingpin Act on June 26, 2014" (but not "X, who was
        designated on May 5, 2018")."""
        for ent in self._dates:
            node, inside = ent.root, True
            while node.i != anchor.i and node.head.i != node.i:
                if node.dep_ in ("relcl", "acl", "appos", "advcl", "ccomp"):
                    inside = False
                node = node.head
            criterion = ent.start > 1 and ent.doc[ent.start - 1].lower_ == "after" and \
                ent.doc[ent.start - 2].lower_ == "or"  # "for, on or after May 5, 2018, ..."
            if inside and not criterion and node.i == anchor.i and (
                    value := normalise_date(ent.text, published)):
                return value if len(value) == 10 else None
        return None

    def _background(self, span: Span, anchor: Token, published: date) -> bool:
        """Give whether the event is an earlier one recalled: "was previously designated",
        "was sanctioned in 2019" (more than a quarter before publication)."""
        token = anchor
        while token.dep_ in ("xcomp", "conj", "advcl", "ccomp") and token.head.i != token.i:
            token = token.head
            if token.lemma_ in ("continue", "keep"):
                return True  # "we continue to target them for sanctions": resolve, no act
        if enforcement.resolve_told(anchor):
            return True  # "we continue our work to impose sanctions": resolve, no act
        trigger = span.root
        if trigger.dep_ == "pobj" and trigger.head.lower_ in lexicon.PRESUPPOSING_PREPS:
            return True  # "following multiple OFAC designations between 1995 and 2004"
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and \
                trigger.head.head.lemma_.lower() in lexicon.ABOUT_MEASURES:
            return True  # "the use of sanctions", "enforcement of U.S. sanctions"
        verbs = [anchor, anchor.head] if anchor.dep_ == "conj" else [anchor]
        # "In previous actions, OFAC designated a hotel that was designated ...": the
        # clause a relative or subordinate clause hangs from dates it too
        verbs += [a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")
                  and a.dep_ in ("ROOT", "conj")][:1]
        if any(c.dep_ == "advmod" and c.lower_ in lexicon.BACKGROUND_ADVERBS
               for v in verbs for c in v.children):
            return True  # "previously identified and designated"
        if any(c.dep_ in ("npadvmod", "advmod") and (c.lower_ == "ago" or any(
                g.lower_ == "ago" for g in c.children) or (c.lower_ in _SEASONS and any(
                    g.lower_ == "last" for g in c.children))) for v in verbs for c in v.children):
            return True  # "last fall, OFAC designated", "two weeks ago, Treasury sanctioned"
        if any(c.lower_ == "today" for c in anchor.children):
            return False  # "Samad, also designated today, ...", whatever year the clause names
        if any((c.dep_ == "prep" and c.lower_ == "since") or (c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "since" for m in c.children))
               for v in (anchor, *anchor.ancestors) if v.pos_ in ("VERB", "AUX")
               for c in v.children):
            # "since January, Treasury has taken 19 actions, sanctioning ...", "since the
            # order was signed, Treasury has imposed 250 sanctions": a tally
            return True
        for verb in verbs:
            for prep in (c for c in verb.children if c.dep_ == "prep"):
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    # "to date, Treasury has sanctioned", "in previous actions, OFAC ..."
                    if (prep.lower_, pobj.lower_) == ("to", "date") or any(
                            a.lower_ in lexicon.BACKGROUND_ADJECTIVES or (
                                a.lower_ == "other" and pobj.lemma_ == "action")
                            for a in pobj.children):
                        return True  # "in other actions, OFAC has sanctioned ..."
        if any(c.dep_ == "amod" and c.lower_ in lexicon.BACKGROUND_ADJECTIVES
               for c in span.root.children if span.root.pos_ == "NOUN"):
            return True  # "existing sanctions"
        if enforcement.campaign_summary(trigger, anchor):
            return True  # "levying multiple rounds of sanctions": a campaign summed up
        when = self._date(trimmed(span.sent), anchor, published) or self._inner_date(
            anchor, published)
        if when is None:
            return False
        if "W" in when:  # "last week, Treasury imposed sanctions" in a speech: recalled
            return (int(when[:4]), int(when[6:8])) < published.isocalendar()[:2]
        if len(when) == 10:  # a day: "designated on April 27, 2023" in a later release
            return (published - date.fromisoformat(when)).days > 7
        # a month or a year before the one of publication: "we sanctioned X in February"
        # in an April speech, "was sanctioned by the EU in 2019"
        year, month = int(when[:4]), int(when[5:7]) if len(when) >= 7 else 12
        return (published.year - year) * 12 + published.month - month > 0


def trimmed(sentence: Span) -> Span:
    """Give the sentence without the line breaks and spaces at its edges."""
    start, end = sentence.start, sentence.end
    while end > start + 1 and sentence.doc[end - 1].is_space:
        end -= 1
    while start < end - 1 and sentence.doc[start].is_space:
        start += 1
    return sentence.doc[start:end]
