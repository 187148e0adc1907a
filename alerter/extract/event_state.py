"""The state the events component keeps: what it reads from the taxonomy once,
and what it finds once per Doc.

A part of the events component (alerter/extract/events.py).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from alerter.extract.taxonomy import Taxonomy
from alerter.extract.triggers import compile_rules


class EventState:
    """What the events component reads from the taxonomy once, and finds once per Doc."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.rules = compile_rules(taxonomy)
        self.governors = taxonomy.governor_modality()
        self.subject_governors = set(taxonomy.subject_governors)
        self.blocking = set(taxonomy.blocking_governors)
        self.requests = set(taxonomy.request_governors)
        self.requestable = set(taxonomy.requestable)
        self.current_only = set(taxonomy.current_only)
        self.standalone = set(taxonomy.standalone)
        self.place_targets = set(taxonomy.place_targets)
        self.once = set(taxonomy.once_per_sentence)
        # which trigger lemmas belong to which type, so a verb never blocks its own type
        self.type_lemmas = {(rule.type, lemma) for rule in self.rules
                            for lemma in rule.trigger.lemmas or []}
        self.item_classes = {word.lower(): name for name, words in taxonomy.item_classes.items()
                             for word in words}
        self.class_rank = list(taxonomy.item_classes)
        self._dates: list[Span] = []
        # per sentence start: the words hedging and attribution look for, found once
        self._cues: dict[int, list[Token]] = {}
        # per Doc: the kind of goods an aid phrase names at its head ("security assistance":
        # military, whatever its words' classes say)
        self._named: dict[int, str] = {}
