"""Where force was used or left, as its target (issue 10, docs/extraction/force.md): the
coded places around an ASSAULT's words, looked for a little further than the event's own
phrase (split from alerter/extract/force.py), and the place a withdrawal leaves."""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract import lexicon
from alerter.extract.participants import (
    Found,
    all_participants,
    participants_in,
    phrase_tokens,
)

PLACE_PREPS = frozenset({"in", "near", "outside", "at", "inside", "across"})


def place(trigger: Token, anchor: Token) -> list[tuple[str, str, str | None]]:
    """Give the coded places where an attack happened, looked for a little further than
    the event's own words: the clause it hangs from ("goes on a shooting spree in Maine,
    killing two"), its subject ("a car bomb outside the governor's office in Adana
    kills"), and places inside places ("at a prison in Monterrey, Mexico")."""
    heads = [trigger, anchor]
    if trigger.dep_ in ("advcl", "conj", "xcomp") and trigger.head.pos_ == "VERB":
        heads.append(trigger.head)
    heads += [c for h in list(heads) for c in h.children if c.dep_ in ("nsubj", "nsubjpass")
              and c.pos_ == "NOUN"]
    found: list[tuple[str, str, str | None]] = []
    frontier = heads
    for _ in range(3):
        places = [g for h in frontier for c in h.children
                  if c.dep_ == "prep" and c.lower_ in PLACE_PREPS | {"of", "on"}
                  for g in c.children if g.dep_ == "pobj"]
        found += [p for g in places if g.head.lower_ in PLACE_PREPS
                  for p in participants_in(phrase_tokens(g)) if p[2]]
        if found:
            return found
        frontier = places
    return _sole_place(trigger)


def _sole_place(trigger: Token) -> list[tuple[str, str, str | None]]:
    """Give the one country a sentence places things in when the parse hangs the place
    elsewhere ("a gunman shoots and kills 3 people and wounds 4 others in Jonesboro,
    Arkansas, U.S."): every coded place after "in", "at"... in the sentence, when they
    are all one country and no one reports from there."""
    sent = trigger.sent
    if any(t.lemma_ in lexicon.REPORT_VERBS and t.pos_ == "VERB" for t in sent):
        return []  # "said in Washington": where it was said, not where it happened
    codes: dict[str | None, tuple[str, str, str | None]] = {}
    for token in sent:
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS:
            for head in [token, *token.conjuncts]:
                for p in participants_in(phrase_tokens(head)):
                    if p[2] and p[1] in ("country", "gpe"):
                        codes.setdefault(p[2], p)
    return list(codes.values()) if len(codes) == 1 else []


def withdrawn(noun: Token) -> tuple[Found, Found] | None:
    """Give the actor and target of a withdrawal noun that names both who leaves and what
    is left: "the withdrawal of U.S. troops from Afghanistan" (USA leaves Afghanistan; not
    an attack "from" a party, nor troops that are the target)."""
    leaving = [phrase_tokens(g) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    left = [phrase_tokens(g) for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children if g.dep_ == "pobj"]
    actor, target = all_participants(leaving), all_participants(left)
    return (actor, target) if any(p[2] for p in actor) and any(p[2] for p in target) else None
