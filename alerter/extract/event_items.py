"""What: the goods, amounts and subtype an event's items name.

A part of the events component (alerter/extract/events.py).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from alerter.extract import (
    lexicon,
)
from alerter.extract.event_state import EventState
from alerter.extract.participants import participants_in, phrase_tokens
from alerter.extract.triggers import TriggerRule


class Items(EventState):
    """An event's items and subtype."""

    def _items(self, trigger: Token, anchor: Token, nominal: bool,
               asking: bool = False) -> list[tuple[Token, list[Token]]]:
        heads: list[Token] = []
        if nominal:
            preps = ("of", "for") if trigger.lemma_ in lexicon.DEAL_NOUNS else ("of",)
            heads += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in preps
                      for g in c.children if g.dep_ == "pobj"]
            heads += [c for c in trigger.children if c.dep_ in ("compound", "amod")
                      and c.pos_ in ("NOUN", "ADJ", "PROPN")]
            if trigger.lemma_ in self.item_classes or trigger.lower_ in self.item_classes:
                heads.append(trigger)  # "lethal aid", "arms embargo"
        else:
            objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
            heads += objects
            # "supply X with drones"; "asked Seoul for air defence systems"
            preps = ("with", "for") if asking else ("with",)
            heads += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in preps
                      for g in c.children if g.dep_ == "pobj"]
            # "provided Moldova with generators", the "with" hung on the object
            heads += [g for o in objects for c in o.children if c.dep_ == "prep"
                      and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
            if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and not objects:
                heads.append(trigger.head)  # "the vaccine doses donated to Nigeria"
            if trigger.dep_ == "relcl" and all(o.tag_ in ("WDT", "WP") for o in objects):
                # "the kinds of drones Iran will be supplying", "the weapons that Iran
                # supplies to Russia"
                heads.append(trigger.head)
        expanded: list[Token] = []
        for head in list(heads):
            if head.like_num or head.lower_ in lexicon.SCALES or head.ent_type_ == "MONEY" \
                    or head.lower_ in lexicon.CURRENCIES:
                # "$4 billion in humanitarian aid", "1 billion euros in military aid"; "in"
                # may hang on the verb: "contributed $74 billion in assistance to Ukraine"
                owners = [head, trigger] if not nominal and head.head.i == trigger.i else [head]
                heads += [g for o in owners for c in o.children if c.dep_ == "prep"
                          and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
        for head in heads:
            if head.lemma_.lower() in lexicon.MEASURES:
                # "hundreds of attack drones", "tonnes of food": the goods are the "of" part
                goods = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"]
                head = goods[0] if goods else head
            expanded.append(head)
            expanded += [c for c in head.conjuncts if c.i > head.i]
        items: list[tuple[Token, list[Token]]] = []
        for head in expanded:
            if participants_in([head]) and head.pos_ == "PROPN" and \
                    self._item_class([head]) is None:
                continue  # a named party, but "F-35s" are goods
            if head.lemma_.lower() in lexicon.FORCE_NOUNS and participants_in(
                    phrase_tokens(head)):
                continue  # "supply the Russian military": the recipient, not the goods
            # the words before the head in its phrase: its left children's subtrees
            tokens = [t for c in head.lefts for t in c.subtree if t.i < head.i
                      and t.dep_ not in ("det", "poss", "case", "punct", "cc", "predet")
                      and not t.is_stop]
            items.append((head, sorted([*tokens, head], key=lambda t: t.i)))
        return items

    def _item_class(self, tokens: list[Token]) -> str | None:
        named = [self._named[t.i] for t in tokens if t.i in self._named]
        if named:
            return named[0]  # "$5 million in security assistance": military
        # "UAVs", "F-35s": plurals the lemmatiser leaves alone
        classes = [self.item_classes.get(t.lemma_.lower()) or self.item_classes.get(t.lower_)
                   or self.item_classes.get(t.lower_.removesuffix("s")) for t in tokens]
        known = [c for c in classes if c]
        return min(known, key=self.class_rank.index) if known else None

    @staticmethod
    def _quantity(tokens: list[Token]) -> float | None:
        numbers = [t for t in tokens if t.like_num or t.lower_ in lexicon.WORD_NUMBERS]
        if not numbers:
            return None
        value: float | None = None
        for token in numbers:
            word = token.lower_.replace(",", "")
            if word in lexicon.SCALES and value is not None:
                value *= lexicon.SCALES[word]
            elif word in lexicon.WORD_NUMBERS:
                value = float(lexicon.WORD_NUMBERS[word])
            else:
                try:
                    value = float(word)
                except ValueError:
                    continue
        return value

    def _item(self, tokens: list[Token]) -> dict[str, Any]:
        words = [t for t in tokens if not (t.like_num or t.lower_ in lexicon.WORD_NUMBERS
                                           or t.lower_ in lexicon.SCALES)]
        doc = tokens[0].doc
        text = doc[words[0].i: words[-1].i + 1].text if words else doc[tokens[0].i].text
        return {"text": text, "quantity": self._quantity(tokens)}

    def _subtype(self, rule: TriggerRule, items: list[tuple[Token, list[Token]]]
                 ) -> str | None:
        """Give the event's subtype ('' for none); None when the items it needs are missing."""
        if not rule.trigger.items:
            return rule.subtype or ""
        known = [c for c in (self._item_class(tokens) for _, tokens in items) if c is not None]
        if known and rule.trigger.subtype:
            return rule.trigger.subtype  # "security assistance": military, not economic
        return min(known, key=self.class_rank.index) if known else None
