"""Humanitarian and development help (AID) in government prose: whom an aid phrase reaches
when the parse hangs the recipient away from it.

- Aid as the means of helping: "will continue to support the Afghan people, including
  through development and humanitarian assistance", "backs Ukraine through economic
  assistance": the one helped is the recipient (as `supply.recipients_nearby` reads
  "support Ukraine with security assistance").
- Aid measured by a flow: "facilitate increased flows of humanitarian aid into Gaza",
  "sustain access to humanitarian assistance into Gaza": the "into"/"to" phrase the parse
  hangs on the flow noun or on the verb that takes it names where the aid goes.

`event_checks.Checks._stands_alone` asks here; an aid phrase still needs a coded side.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract.supply import HELPING

# Prepositions that make an aid noun the means of a helping verb: "support X through aid".
MEANS = frozenset({"through", "via"})
# Nouns that measure aid as a stream: "the flow of aid", "access to assistance".
FLOWS = frozenset({"flow", "surge", "access", "entry", "stream", "influx", "movement"})
_TOWARDS = frozenset({"to", "into"})


def _first_conjunct(noun: Token) -> Token:
    """Give the first of a list the noun ends ("development, humanitarian, and security
    assistance" hung as conjuncts): the one that holds the list's place in the clause."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun


def _helped_by_means(noun: Token) -> list[Token]:
    """Give the objects of the helping verb an aid noun is the means of ("support the
    Afghan people, including through ... assistance": the Afghan people)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in MEANS:
        return []
    verb = noun.head.head
    while verb.dep_ == "prep" and verb.head.i != verb.i:  # "including through"
        verb = verb.head
    if verb.lemma_ not in HELPING:
        return []
    return [c for c in verb.children if c.dep_ in ("dobj", "obj")]


def _where_it_flows(noun: Token) -> list[Token]:
    """Give the "to"/"into" objects beside the flow noun that measures an aid noun ("the
    flow of aid into Gaza", "access to assistance into Gaza"), on the noun or on its verb."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("of", "to", "in"):
        return []
    flow = noun.head.head
    if flow.lemma_.lower() not in FLOWS:
        return []
    holders = [flow] + ([flow.head] if flow.dep_ in ("dobj", "obj") else [])
    return [g for h in holders for c in h.children
            if c.dep_ == "prep" and c.lower_ in _TOWARDS and c.i != noun.head.i
            for g in c.children if g.dep_ == "pobj"]


def recipients_beside(noun: Token) -> list[Token]:
    """Give the phrases that name whom an aid noun reaches though the parse hangs them
    elsewhere (see the module): the one a helping verb helps by it, or where its flow
    goes."""
    first = _first_conjunct(noun)
    return _helped_by_means(first) + _where_it_flows(first)


def framed_by_clause(noun: Token, type_: str) -> bool:
    """Give whether an aid noun that stands alone takes its clause's modality, as one
    read through `recipients_beside` does: "discussed efforts to increase the flow of
    aid into Gaza" (discussed), "will continue to support X through aid" (planned)."""
    return type_ == "AID" and noun.pos_ in ("NOUN", "PROPN") and bool(recipients_beside(noun))
