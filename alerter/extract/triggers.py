"""The triggers component: finds the words that signal an event, from the
taxonomy's lemmas, phrases and token patterns (spaCy Matcher) and verb + object
pairs (DependencyMatcher). Writes `doc.spans["triggers"]`, each labelled with
the index of the trigger rule that found it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span

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


def _dependency_patterns(trigger: Trigger) -> list[list[dict[str, Any]]]:
    verb: dict[str, Any] = {"RIGHT_ID": "verb",
                            "RIGHT_ATTRS": {"LEMMA": {"IN": trigger.lemmas or []}}}
    if trigger.pos:
        verb["RIGHT_ATTRS"]["POS"] = {"IN": trigger.pos}
    objects = {"IN": trigger.objects or []}
    direct = [verb, {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object",
                     "RIGHT_ATTRS": {"DEP": {"IN": _OBJECT_DEPS}, "LEMMA": objects}}]
    # "imposed a package of sanctions", "froze billions in assets"
    through = [verb,
               {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "head",
                "RIGHT_ATTRS": {"DEP": {"IN": _OBJECT_DEPS}}},
               {"LEFT_ID": "head", "REL_OP": ">", "RIGHT_ID": "prep",
                "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["of", "in", "on"]}}},
               {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "object",
                "RIGHT_ATTRS": {"DEP": "pobj", "LEMMA": objects}}]
    # "new sanctions-related measures": the object's compound modifier
    compound = [verb,
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "head",
                 "RIGHT_ATTRS": {"DEP": {"IN": _OBJECT_DEPS}}},
                {"LEFT_ID": "head", "REL_OP": ">", "RIGHT_ID": "object",
                 "RIGHT_ATTRS": {"DEP": {"IN": ["compound", "conj"]}, "LEMMA": objects}}]
    return [direct, through, compound]


@Language.factory("alerter_triggers", default_config={"taxonomy": None})
def make_triggers(nlp: Language, name: str, taxonomy: str | None) -> TriggerFinder:
    return TriggerFinder(nlp, load_taxonomy(taxonomy))


class TriggerFinder:
    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.rules = compile_rules(taxonomy)
        self.matcher = Matcher(nlp.vocab)
        self.dep_matcher = DependencyMatcher(nlp.vocab)
        for rule in self.rules:
            key = str(rule.index)
            if rule.trigger.objects:
                self.dep_matcher.add(key, _dependency_patterns(rule.trigger))
            else:
                self.matcher.add(key, [_token_pattern(rule.trigger)])

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        seen: set[tuple[int, int, str]] = set()
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id]
            if (start, end, label) not in seen:
                seen.add((start, end, label))
                spans.append(Span(doc, start, end, label=label))
        for match_id, token_ids in self.dep_matcher(doc):
            label = doc.vocab.strings[match_id]
            verb = token_ids[0]
            if (verb, verb + 1, label) not in seen:
                seen.add((verb, verb + 1, label))
                spans.append(Span(doc, verb, verb + 1, label=label))
        spans.sort(key=lambda s: (s.start, s.end, int(s.label_)))
        doc.spans[SPAN_KEY] = spans
        return doc
