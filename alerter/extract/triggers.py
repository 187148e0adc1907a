"""The triggers component: finds the words that signal an event, from the
taxonomy's lemmas, phrases and token patterns (spaCy Matcher) and verb + object
pairs (DependencyMatcher). Writes `doc.spans["triggers"]`, each labelled with
the index of the trigger rule that found it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from alerter.extract.taxonomy import Taxonomy, Trigger, load_taxonomy

SPAN_KEY = "triggers"
_OBJECT_DEPS = ["dobj", "nsubjpass", "obj", "attr", "oprd"]


@dataclass(frozen=True)
class TriggerRule:
    """One taxonomy trigger with the type it belongs to."""

    index: int
    type: str
    subtype: str | None
    trigger: Trigger


def compile_rules(taxonomy: Taxonomy) -> list[TriggerRule]:
    """Give every trigger of the taxonomy, numbered."""
    rules: list[TriggerRule] = []
    for type_name, event_type in taxonomy.types.items():
        for trigger in event_type.triggers:
            rules.append(TriggerRule(len(rules), type_name, trigger.subtype or event_type.subtype,
                                     trigger))
    return rules


def _token_pattern(trigger: Trigger) -> list[dict[str, Any]]:
    pos = {"POS": {"IN": trigger.pos}} if trigger.pos else {}
    if trigger.pattern is not None:
        return trigger.pattern
    if trigger.lemmas is not None:
        return [{"LEMMA": {"IN": trigger.lemmas}, **pos}]
    words = str(trigger.phrase).split()
    # Phrases match on lemmas so that "export bans" matches "export ban"; the last
    # word is the head noun and carries the part-of-speech constraint.
    return [{"LEMMA": w} for w in words[:-1]] + [{"LEMMA": words[-1], **pos}]


def has_object(verb: Token, objects: Collection[str]) -> bool:
    """Give whether the verb's object has one of the lemmas: "imposed sanctions",
    "imposed a package of sanctions", "imposed sanctions-related measures",
    "sanctions were imposed"."""
    for child in verb.children:
        if child.dep_ not in _OBJECT_DEPS:
            continue
        if child.lemma_ in objects:
            return True
        for grand in child.children:
            if grand.dep_ in ("compound", "conj") and grand.lemma_ in objects:
                return True
            if grand.dep_ == "prep" and grand.lower_ in ("of", "in", "on") and any(
                    g.dep_ == "pobj" and g.lemma_ in objects for g in grand.children):
                return True
    return False


@Language.factory("alerter_triggers", default_config={"taxonomy": None})
def make_triggers(nlp: Language, name: str, taxonomy: str | None) -> TriggerFinder:
    return TriggerFinder(nlp, load_taxonomy(taxonomy))


class TriggerFinder:
    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.rules = compile_rules(taxonomy)
        # Verb + object triggers match the verb with the Matcher and check the object
        # in the parse here: the same relations a DependencyMatcher pattern would
        # state, at a fraction of its cost on every document.
        self.matcher = Matcher(nlp.vocab)
        self.objects = {str(r.index): set(r.trigger.objects or ()) for r in self.rules
                        if r.trigger.objects}
        for rule in self.rules:
            self.matcher.add(str(rule.index), [_token_pattern(rule.trigger)])

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        seen: set[tuple[int, int, str]] = set()
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id]
            objects = self.objects.get(label)
            if objects is not None and not has_object(doc[start], objects):
                continue
            if (start, end, label) not in seen:
                seen.add((start, end, label))
                spans.append(Span(doc, start, end, label=label))
        spans.sort(key=lambda s: (s.start, s.end, int(s.label_)))
        doc.spans[SPAN_KEY] = spans
        return doc
