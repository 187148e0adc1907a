"""The event as the events component stores it: one plain dict with its arguments,
its framing (attribution, hedging) and its confidence; and the supply event that a
hyphenated participle makes on its own ("Iranian-provided drones").

A part of the events component (alerter/extract/events.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Span, Token

from alerter.extract import framing, lexicon, transfers
from alerter.extract.clauses import charging_verb
from alerter.extract.event_context import Context, trimmed
from alerter.extract.event_items import Items
from alerter.extract.participants import Found
from alerter.extract.triggers import TriggerRule


class Record(Context, Items):
    """An event built as a plain dict."""

    def _modifier_event(self, span: Span, rule: TriggerRule, published: date
                        ) -> dict[str, Any] | None:
        """Give the supply event of a hyphenated participle: "Iranian-provided drones"."""
        participle = span.doc[span.end - 1]
        supplier, goods, user = transfers.modifier_parts(participle)
        if goods is None:
            return None
        items = [(goods, [t for t in goods.lefts if t.i > participle.i] + [goods])]
        subtype = self._subtype(rule, items)
        if subtype is None:
            return None
        span = span.doc[participle.i:participle.i + 1]  # the word, not the hyphen
        return self._built(span, rule, participle, subtype, supplier, user, items, "asserted",
                           False, None, True, published)

    def _built(self, span: Span, rule: TriggerRule, anchor: Token, subtype: str,
               actor: Found, target: Found, items: list[tuple[Token, list[Token]]],
               modality: str, doubted: bool, governor: Token | None, nominal: bool,
               published: date) -> dict[str, Any]:
        """Give the event as a plain dict."""
        sent = span.sent
        cues = self._cues.get(sent.start)
        if cues is None:
            cues = self._cues[sent.start] = framing.cue_tokens(sent)
        attribution = framing.attribution(sent, anchor, cues)
        charging = charging_verb(anchor)
        hedged = doubted or framing.hedged(anchor, cues) or (
            charging is not None and charging.lemma_ in lexicon.ALLEGING_VERBS)
        confidence = self._confidence(rule, nominal, governor, actor, target, hedged)
        sentence = trimmed(sent)
        return {
            "_anchor": anchor.i,
            "type": rule.type,
            "subtype": subtype or None,
            "trigger": {"text": span.text, "start": span.start_char, "end": span.end_char},
            "actor": [{"text": t, "kind": k, "code": c} for t, k, c in actor],
            "target": [{"text": t, "kind": k, "code": c} for t, k, c in target],
            "items": [self._item(tokens) for _, tokens in items],
            "date": self._date(sentence, anchor, published),
            "location": self._location(anchor),
            "modality": modality,
            "hedged": hedged,
            "attribution": attribution,
            "sentence": {"text": sentence.text, "start": sentence.start_char,
                         "end": sentence.end_char},
            "confidence": confidence,
        }
