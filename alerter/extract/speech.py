"""Statements, charges and threats (ACCUSE, REJECT, THREATEN) in the clauses the general
reading sets aside as descriptions: a threat made through a noun of resolve ("efforts to
hold Iran accountable", "the commitment to hold its rulers responsible"), a charge told
in a relative or participle clause ("four men who face charges", "an indictment charging
a hacker with extortion"). Read from the dependency parse; used by the events component.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract import lexicon
from alerter.extract.clauses import subject_of

# Nouns of resolve whose infinitive states what the speaker means to do: "our efforts to
# hold Russia accountable" is the threat itself, not a description of something else.
RESOLVE_NOUNS = frozenset({"effort", "commitment", "determination", "resolve", "work",
                           "readiness", "pledge", "vow", "promise", "push", "campaign"})
# Legal verbs that state a charge even in a relative clause: "a man who was convicted of
# fraud", "four men who face charges".
LEGAL_VERBS = frozenset({"charge", "indict", "convict", "prosecute", "sue", "face", "plead",
                         "find", "acquit", "stand"})
# Court papers whose participle clause states the charge: "an indictment charging X with".
LEGAL_PAPERS = frozenset({"indictment", "complaint", "lawsuit", "suit", "information",
                          "affidavit", "warrant", "filing"})

# What a government does or decides, as the subject of "threatens": "this ruling threatens
# the rights of millions" charges its makers (ACCUSE, in the taxonomy), it threatens no one.
POLICIES = frozenset({"ruling", "policy", "program", "programme", "conduct", "behavior",
                      "behaviour", "activity", "practice", "agenda", "move", "aggression"})


def own_clause(verb: Token, type_name: str, speech_act: bool) -> bool:
    """Give whether a verb trigger in a describing clause still states its event."""
    if verb.dep_ == "acl" and verb.tag_ == "VB" and speech_act:
        return verb.head.lemma_ in RESOLVE_NOUNS
    if type_name != "ACCUSE":
        return False
    if verb.dep_ == "relcl":
        return verb.lemma_ in LEGAL_VERBS
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_ in LEGAL_PAPERS


def effect_of_measure(trigger: Token) -> bool:
    """Give whether a threat's subject is a measure or a policy, not a party: "the order
    signed today escalates pressure on X" (what it does), "this ruling threatens our
    rights" (a charge against it): no threat."""
    subject = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.lemma_.lower() in lexicon.INSTRUMENTS
                                    or subject.lemma_.lower() in POLICIES)


def nobody_refuses(trigger: Token, type_name: str) -> bool:
    """Give whether a refusal verb has no one who refuses: a condition in a list ("persons
    who take steps to restore order, refuse to take part in abuses, ..."), not a refusal
    that happened."""
    return type_name == "REJECT" and trigger.pos_ == "VERB" and subject_of(trigger) is None
