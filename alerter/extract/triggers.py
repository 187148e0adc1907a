"""The triggers component: finds the words that signal an event, from the
taxonomy's lemmas and phrases (spaCy PhraseMatcher on lemmas), its token
patterns (spaCy Matcher) and verb + object pairs (checked in the parse). Writes
`doc.spans["triggers"]`, each labelled with the index of the trigger rule that
found it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from alerter.extract import lexicon
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


def _lemma_runs(trigger: Trigger) -> list[list[str]]:
    """Give the lemma sequences a lemma or phrase trigger matches. Phrases match on
    lemmas, so that "export bans" matches "export ban"."""
    if trigger.lemmas is not None:
        return [[lemma] for lemma in trigger.lemmas]
    return [str(trigger.phrase).split()]


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
            if grand.dep_ == "conj" and grand.lemma_ in objects:
                return True
            # "a sanctions package", but not "the arms control treaty"
            if grand.dep_ == "compound" and grand.lemma_ in objects and \
                    child.lemma_ in lexicon.CONTAINERS:
                return True
            # but "announced the lifting of sanctions": no sanction announced
            if grand.dep_ == "prep" and grand.lower_ in ("of", "in", "on") and \
                    child.lemma_.lower() not in lexicon.ABOUT_MEASURES and any(
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
        # Lemmas and phrases go to one PhraseMatcher (a hash lookup per token, whatever
        # the number of triggers); only explicit token patterns need the Matcher.
        # The part of speech of a phrase's last word (its head) is checked here, and
        # so is a verb's object: the relations a DependencyMatcher pattern would
        # state, at a fraction of its cost on every document.
        self.phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.matcher = Matcher(nlp.vocab)
        self.objects = {str(r.index): set(r.trigger.objects or ()) for r in self.rules
                        if r.trigger.objects}
        self.pos = {str(r.index): set(r.trigger.pos) for r in self.rules
                    if r.trigger.pos and r.trigger.pattern is None}
        for rule in self.rules:
            if rule.trigger.pattern is not None:
                self.matcher.add(str(rule.index), [rule.trigger.pattern])
            else:
                self.phrases.add(str(rule.index), [Doc(nlp.vocab, words=run, lemmas=run)
                                                   for run in _lemma_runs(rule.trigger)])

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        seen: set[tuple[int, int, str]] = set()
        found = self.phrases(doc)
        if len(self.matcher):
            found += self.matcher(doc)
        for match_id, start, end in found:
            label = doc.vocab.strings[match_id]
            pos = self.pos.get(label)
            if pos is not None and doc[end - 1].pos_ not in pos:
                continue
            objects = self.objects.get(label)
            if objects is not None and not has_object(doc[start], objects):
                continue
            if (start, end, label) not in seen:
                seen.add((start, end, label))
                spans.append(Span(doc, start, end, label=label))
        spans.sort(key=lambda s: (s.start, s.end, int(s.label_)))
        doc.spans[SPAN_KEY] = spans
        return doc
