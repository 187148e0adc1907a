"""Wordings of military supply that the goods and sides alone do not settle.

- A participle that says what someone carries is no supply: "a gunman armed with a
  rifle", "the attackers were armed with knives", "Armed with weapons, rioters..." (but
  "militias armed by Iran", "Iran armed the rebels" are); nor is giving something up
  ("give up arms", "hand back").
- "Security assistance" after "food", "health" or "energy" is help of that kind, not
  weapons: "$40 million in food security assistance" is humanitarian.
- A relative clause tells a supply when a side is coded: "Iran, which supplies them with
  missile parts", "a firm that has shipped rifles to Syria" (not "lenders that provide
  loans to small farms": nobody coded, a domestic programme's wording); so does the
  to-infinitive of an effort ("efforts to provide Ukraine with ammunition") and the clause
  a noun reports ("concern over reports that China may supply weapons to Russia").
- An aid noun told by a participle or relative clause of a governing verb is that
  verb's: "the sixth security assistance package announced by the United States", "the
  $1.1 billion in security assistance the United States announced this week"; so is
  one the verb gives "in addition to" its goods ("provided grants to Ukraine in addition
  to military aid").
- A supply word that a ban or restriction stops is no supply: "banned the export of
  drones", "restrictions on the sale of arms".
- A supply noun a future clause waits for is planned: "should be in place prior to the
  delivery of F-35s".
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Span, Token

from alerter.extract import home_aid
from alerter.extract.clauses import np_head
from alerter.extract.participants import participants_in, phrase_tokens


def no_giving(trigger: Token) -> bool:
    """Give whether a supply verb gives nothing: "give up arms", "hand back", or a
    participle that says what someone carries ("a gunman armed with a rifle", "were
    armed with knives"; not "militias armed by Iran", "Iran armed the rebels")."""
    if any(c.dep_ == "prt" and c.lower_ in ("up", "back") for c in trigger.children):
        return True
    if trigger.lemma_ != "arm" or any(c.dep_ == "agent" for c in trigger.children):
        return False
    # nobody armed: "armed with a rifle", "Armed with weapons, rioters stormed..."
    return not any(c.dep_ in ("dobj", "obj") for c in trigger.children) and \
        any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children)


# Words before "security assistance" that make it another kind of help: "food security
# assistance" feeds people, "energy security assistance" pays for power.
CIVIL_SECURITY = {"food": "humanitarian", "health": "humanitarian",
                  "nutrition": "humanitarian", "energy": "economic", "economic": "economic"}


def qualified_kind(span: Span, kind: str) -> str:
    """Give the kind of help an aid phrase names once the word before it is read: "food
    security assistance" is humanitarian, not military."""
    if kind == "military" and span.start > 0 and span[0].lower_ == "security":
        return CIVIL_SECURITY.get(span.doc[span.start - 1].lower_, kind)
    return kind


def relative_supply(verb: Token) -> bool:
    """Give whether a relative clause tells a supply with a coded side: "Iran, which
    supplies them with missile parts", "a firm that has shipped weapons to Syria" (not
    "programmes that provide loans to small firms": nobody coded), or one to countries
    abroad ("the initiative, which provided $3 billion to support 30 countries")."""
    return verb.dep_ == "relcl" and (_coded_side(verb, [verb.head])
                                     or home_aid.for_countries(verb))


# Nouns whose to-infinitive is the work itself going on: "efforts to provide Ukraine
# with ammunition", "the steps we take to send air defence to Kyiv".
EFFORTS = frozenset({"effort", "step", "work", "push", "drive", "bid"})


def effort_to_give(verb: Token) -> bool:
    """Give whether a supply verb is the to-infinitive of an effort with a coded side
    ("reviewed their efforts to provide Ukraine with weapons", "Germany's efforts to send
    tanks"; not "efforts to provide loans to small firms": nobody coded), or the clause
    a noun reports ("reports that China may provide weapons to Russia")."""
    if verb.dep_ != "acl":
        return False
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) and \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return _coded_side(verb, [c for c in verb.children if c.dep_ == "nsubj"])
    if verb.tag_ != "VB" or verb.head.lemma_.lower() not in EFFORTS:
        return False
    owners = [c for c in verb.head.children if c.dep_ in ("poss", "compound", "amod")]
    return _coded_side(verb, owners)


def _coded_side(verb: Token, more: list[Token]) -> bool:
    """Give whether the verb's object, its "to" phrase or one of `more` names a coded party."""
    sides = more + [c for c in verb.children if c.dep_ in ("dative", "dobj", "obj")]
    sides += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into")
              for g in c.children if g.dep_ == "pobj"]
    return any(p[2] for t in sides for p in participants_in(phrase_tokens(t)))


def awaited(noun: Token) -> bool:
    """Give whether a supply noun is something a future clause waits for: "should be in
    place prior to the delivery of F-35s", "will be trained before the arrival of the
    tanks" (not "were trained before the delivery": that one happened)."""
    prep = noun.head
    if noun.dep_ != "pobj" or not (prep.lower_ in ("before", "until") or (
            prep.lower_ in ("to", "of") and prep.head.lower_ in ("prior", "ahead"))):
        return False
    verb = prep
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "should", "must", "'ll")
               for c in verb.children)


def told_by(trigger: Token, governors: Container[str]) -> Token | None:
    """Give the governing verb of a participle or relative clause on an aid noun's phrase
    ("the package announced by the United States", "the $1.1 billion in security
    assistance the United States announced"), if any."""
    head = np_head(trigger)
    addition = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "to" else head
    if addition.lemma_ == "addition" and addition.dep_ == "pobj" and \
            addition.head.head.lemma_ in governors and addition.head.head.pos_ == "VERB":
        return addition.head.head  # "provided grants to Ukraine in addition to military aid"
    if head.dep_ in ("dobj", "obj") and head.head.lemma_ in INCLUDING:
        return _announcing(head.head, governors)  # "today's announcement includes a drawdown"
    for clause in head.children:
        if clause.lemma_ not in governors or clause.pos_ != "VERB":
            continue
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            return clause  # "the package announced by the United States"
        if clause.dep_ == "relcl" and any(c.dep_ == "nsubj" for c in clause.children) and \
                not any(c.dep_ in ("dobj", "obj") for c in clause.children):
            return clause  # "the assistance the United States announced this week"
    return None


# Verbs whose object is a part of what their subject holds: "the package includes".
INCLUDING = frozenset({"include", "contain", "comprise", "feature"})


def _announcing(including: Token, governors: Container[str]) -> Token | None:
    """Give what announces the whole that an "include" verb's object is part of: the
    subject itself ("today's announcement, which includes a drawdown package") or the
    verb that takes it ("announced a package that includes $500 million in arms")."""
    subjects = [c for c in including.children if c.dep_ in ("nsubj", "nsubjpass")]
    if including.dep_ == "relcl" and all(c.tag_ in ("WDT", "WP") for c in subjects):
        subjects = [including.head]
    for subject in subjects:
        if subject.lemma_.lower() in governors:
            return subject
        if subject.dep_ in ("dobj", "obj") and subject.head.lemma_ in governors:
            return subject.head
    return None


# Verbs and nouns that stop a trade rather than make one: under them a supply word is
# the measure's object ("banned the export of drones", "restrictions on the sale of arms").
BANNING = frozenset({"ban", "prohibit", "restrict", "halt", "stop", "suspend", "block", "curb",
                     "bar", "outlaw", "forbid", "embargo", "restriction", "prohibition",
                     "control", "moratorium", "freeze"})


def banned(trigger: Token) -> bool:
    """Give whether a supply word is what a ban or restriction stops."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        head = trigger.head
        if trigger.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in BANNING:
            return True  # "bans the export of electronics"
        if trigger.dep_ == "pobj" and head.lower_ == "on" and \
                head.head.lemma_.lower() in BANNING:
            return True  # "a ban on the sale of arms"
    # faid4: "banks are prohibited from making loans or providing credit to X"
    first = trigger.head if trigger.dep_ == "conj" else trigger
    return trigger.pos_ == "VERB" and first.dep_ == "pcomp" and \
        first.head.head.lemma_.lower() in BANNING


# People a supply verb may name beside a class word: "providing military families access
# to care" helps the families; they are no goods.
PEOPLE = frozenset({"family", "spouse", "child", "veteran", "member", "retiree", "caregiver",
                    "survivor", "student", "community", "household", "worker"})
# Drugs are trafficked, never given as help: "sells lethal narcotics".
DRUGS = frozenset({"narcotic", "drug", "fentanyl", "opioid", "heroin", "cocaine", "pill",
                   "methamphetamine", "precursor", "poison"})
NO_GOODS = PEOPLE | DRUGS


# Goods whose move between two parties is a supply: "arms transfers between X and Y".
ARMS = frozenset({"arm", "arms", "weapon", "munition", "missile", "drone", "ammunition"})


def arms_between(noun: Token, preps: dict[str, Token]) -> list[Token]:
    """Give the sides of arms moved "between" two parties ("weapons transfers between the
    DPRK and Russia"); not money or data moved between them ("financial transfers between
    ISIS leaders" is a group's own money)."""
    if "between" not in preps or not any(c.dep_ == "compound" and c.lemma_.lower() in ARMS
                                         for c in noun.children):
        return []
    return [g for g in preps["between"].children if g.dep_ == "pobj"]
