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

from typing import Any

from spacy.tokens import Doc, Token

from alerter.extract.participants import participants_in
from alerter.extract.supply import HELPING, amount_of

# Prepositions that make an aid noun the means of a helping verb: "support X through aid".
MEANS = frozenset({"through", "via"})
# Nouns of help a giving verb takes: "provide continued support to Ukraine, including
# through economic assistance" (the "to" side is the one helped).
HELP_NOUNS = frozenset({"support", "help", "assistance", "aid"})
# Nouns that carry an aid noun to the verb over them: "announced a surge in security
# assistance", "announced $310 million in support for humanitarian relief".
CARRIERS = frozenset({"surge", "increase", "boost", "expansion", "tranche", "infusion",
                      "support", "funding", "financing"})
# Adjectives that name a kind of aid: "humanitarian and defense assistance for Ukraine",
# "technical assistance for Guatemala" (still only with a coded side).
KIND_WORDS = frozenset({"humanitarian", "development", "economic", "financial", "budgetary",
                        "technical", "reconstruction", "bilateral", "macroeconomic",
                        "defense", "defence", "military", "security"})
# Nouns that measure aid as a stream: "the flow of aid", "access to assistance".
FLOWS = frozenset({"flow", "surge", "access", "entry", "stream", "influx", "movement",
                   # aid5e: "increase deliveries of humanitarian assistance throughout Gaza"
                   "delivery", "distribution"})
_TOWARDS = frozenset({"to", "into"})
# Where aid spreads once in: "deliveries of aid throughout Gaza", "aid reaching those in
# need throughout Gaza" (aid5e).
_ACROSS = frozenset({"throughout", "across"})
# Roles that name their holder as the giver: "the largest provider of humanitarian aid".
GIVING_ROLES = frozenset({"provider", "donor", "contributor", "supplier"})
# Participles that say where aid arrives: "aid reaching people in Gaza".
ARRIVING = frozenset({"reach", "enter", "flow", "arrive", "go"})


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
    if verb.lemma_ in HELPING and verb.pos_ in ("VERB", "AUX"):
        return [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if verb.lemma_.lower() in HELP_NOUNS and verb.pos_ == "NOUN":
        # "enduring support for the Afghan people ... through development aid"
        return [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "to")
                for g in c.children if g.dep_ == "pobj"]
    # "provide continued support to Ukraine, including through ...": the "to" side
    helps = [c for c in verb.children if c.dep_ in ("dobj", "obj")
             and c.lemma_.lower() in HELP_NOUNS]
    return [g for h in [verb, *helps] for c in h.children
            if c.dep_ == "prep" and c.lower_ in _TOWARDS for g in c.children
            if g.dep_ == "pobj"] if helps else []


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
            if c.dep_ == "prep" and c.lower_ in _TOWARDS | _ACROSS and c.i != noun.head.i
            for g in c.children if g.dep_ == "pobj"]


def _where_it_goes(noun: Token) -> list[Token]:
    """Give whom or where an aid noun's participle says it reaches: "humanitarian aid
    reaching people in Gaza", "assistance entering Gaza", "aid flowing into Sudan"."""
    reached = [g for c in noun.children if c.dep_ == "acl" and c.lemma_ in ARRIVING
               for g in [*c.children, *(x for p in c.children if p.dep_ == "prep"
                                        and p.lower_ in _TOWARDS for x in p.children)]
               if g.dep_ in ("dobj", "obj", "pobj")]
    # "reaching people in Gaza": the place of the people reached
    return reached + [x for g in reached for p in g.children if p.dep_ == "prep"
                      and p.lower_ in _ACROSS | {"in"} for x in p.children if x.dep_ == "pobj"]


def _giver_by_role(noun: Token) -> list[Token]:
    """Give the subject that a giving role names as the giver: "the United States is the
    largest provider of humanitarian assistance" (the United States)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return []
    role = noun.head.head
    if role.lemma_.lower() not in GIVING_ROLES or role.dep_ != "attr":
        return []
    return [c for c in role.head.children if c.dep_ == "nsubj"]


def _people_in_place(noun: Token) -> list[Token]:
    """Give the place of the people an aid noun goes to: "humanitarian assistance to
    innocent civilians in Gaza", "aid for families in Sudan" (Gaza, Sudan)."""
    people = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in _TOWARDS | {"for"}
              for g in c.children if g.dep_ == "pobj"]
    return [x for g in people for p in g.children if p.dep_ == "prep" and p.lower_ in
            ("in", "throughout", "across") for x in p.children if x.dep_ == "pobj"]


def recipients_beside(noun: Token) -> list[Token]:
    """Give the phrases that name whom an aid noun reaches though the parse hangs them
    elsewhere (see the module): the one a helping verb helps by it, where its flow
    goes, whom its participle says it reaches, or the giver a giving role names ("X is
    the largest provider of humanitarian aid")."""
    first = _first_conjunct(noun)
    return _helped_by_means(first) + _where_it_flows(first) + _where_it_goes(noun) + \
        _giver_by_role(first) + _people_in_place(noun)


def framed_by_clause(noun: Token, type_: str) -> bool:
    """Give whether an aid noun that stands alone takes its clause's modality: "discussed
    efforts to increase the flow of aid into Gaza" (discussed), "will continue working to
    increase humanitarian assistance into Gaza" (planned), "will continue to support X
    through aid" (planned); a supply noun of no aid type keeps its own words' modality."""
    return type_ == "AID" and noun.pos_ in ("NOUN", "PROPN")


def carrier(noun: Token, type_: str) -> Token | None:
    """Give the noun (or its amount) that carries an aid noun to the verb over it: "a surge"
    in "announced a surge in security assistance", "$310 million" in "announced $310
    million in support for humanitarian relief"; None otherwise."""
    if type_ != "AID" or noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "of", "for"):
        return None
    holder = noun.head.head
    if holder.pos_ not in ("NOUN", "PROPN") or holder.lemma_.lower() not in CARRIERS:
        return None
    return amount_of(holder) or holder


def kind_named(noun: Token) -> bool:
    """Give whether an aid noun names its kind in an adjective before it ("humanitarian and
    defense assistance", "technical assistance"), or whom it goes to ("the flow of
    life-saving assistance to the people of Gaza"): goods named, as in an aid phrase
    (which still needs a coded side to stand alone)."""
    return any(t.dep_ in ("amod", "compound", "conj") and t.i < noun.i
               and t.lower_ in KIND_WORDS
               for c in noun.children if c.i < noun.i for t in (c, *c.conjuncts)) or \
        (noun.lemma_.lower() in HELP_NOUNS and any(
            c.dep_ == "prep" and c.lower_ in ("to", "for", "into") for c in noun.children)) or \
        (noun.lemma_.lower() in HELP_NOUNS | {"funding"} and any(
            c.dep_ == "compound" and c.i < noun.i and any(p[2] for p in participants_in([c]))
            for c in noun.children))  # "U.S. assistance": its giver named


def drop_restated(doc: Doc, best: dict[tuple[str, str, int], dict[str, Any]]) -> None:
    """Keep one event of a supply that a participle restates about an aid noun that is an
    event itself: "the military support provided by the Allies to Ukraine" is one event,
    the one that names more coded sides (the noun's when they tie). "The vaccine doses
    donated to Nigeria" keeps the participle's: doses are no event of their own."""
    def coded(event: dict[str, Any]) -> int:
        return sum(1 for p in event["actor"] + event["target"] if p["code"])

    for key in [k for k in best if k[0] == "AID"]:
        anchor = doc[key[2]]
        if key not in best or anchor.dep_ != "acl" or anchor.tag_ != "VBN":
            continue
        nouns = [k for k, e in best.items() if k[0] == "AID" and k != key
                 and e["trigger"]["start"] <= anchor.head.idx < e["trigger"]["end"]]
        if not nouns:
            continue
        if coded(best[key]) > max(coded(best[k]) for k in nouns):
            for k in nouns:
                del best[k]
        else:
            del best[key]
