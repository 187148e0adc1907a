"""Diplomacy words said in general, not done between parties, read on random government
prose (issue 10, round 6): a promise or a vow a government makes to its own people, with
no other party named ("I promised to lower costs", "has promised Americans that", "the gap
between what we promise and what we deliver"; but "promised to send air defence to
Ukraine", "the rebels vowed to retake the town"), and
cooperation only spoken of as a way or a good ("your views on how we can better cooperate",
"a good example of how we can work together", "bolstering coordination with partners will
help"; but "we discussed how our two countries can cooperate"), and an agreement a body is
only empowered to negotiate ("are authorized to negotiate a covered agreement"), and an
alliance only tended ("strengthen our alliance": a relation, no joint act), and one
government's officials restating their own commitment. Called from
alerter/extract/diplomacy.py's `misread`.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract.clauses import subject_of
from alerter.extract.participants import participants_in, phrase_tokens, sentence_codes

# Speakers of a statement: "I promised", "the President has promised", "they vowed"
_VOICES = frozenset({"i", "we", "he", "she", "they", "president", "administration"})


def said_in_general(trigger: Token, type_name: str) -> bool:
    """Give whether an AGREE or COOPERATE word is said in general, no act between parties."""
    if type_name == "AGREE":
        return promised_at_home(trigger) or power_only(trigger) or restated_at_home(trigger)
    return type_name == "COOPERATE" and (spoken_of(trigger) or relation_tended(trigger))


def promised_at_home(trigger: Token) -> bool:
    """Give whether a promise or a vow of the statement's own voice names no party but the
    United States (above); "the rebels vowed to retake the town" is left alone."""
    if trigger.lemma_ not in ("promise", "vow"):
        return False
    subject = subject_of(trigger)
    if subject is not None and subject.lemma_.lower() not in _VOICES and \
            {p[2] for p in participants_in(phrase_tokens(subject)) if p[2]} != {"USA"}:
        return False
    return not sentence_codes(trigger) - {"USA"}


# Nouns a "how" clause only fills: "views on how", "an example of how"
_MUSINGS = frozenset({"view", "example", "illustration", "idea", "thought", "question",
                      "perspective", "insight", "opinion", "reflection", "lesson", "model",
                      "sense", "understanding"})


def spoken_of(trigger: Token) -> bool:
    """Give whether cooperation is only spoken of as a way or a good (above)."""
    if trigger.pos_ == "VERB" and trigger.dep_ == "pcomp" and any(
            c.dep_ == "advmod" and c.lower_ == "how" for c in trigger.children):
        return trigger.head.head.lemma_.lower() in _MUSINGS
    gerund = trigger.head  # a noun under a gerund subject; not a fact sheet's "Collaborating
    # to ..." heading a bullet
    return trigger.dep_ == "dobj" and gerund.dep_ == "csubj" and gerund.tag_ == "VBG"


# Verbs that give a power, not an act: "is authorized to negotiate"
EMPOWERING = frozenset({"authorize", "authorise", "empower", "allow", "permit", "enable"})


def power_only(trigger: Token) -> bool:
    """Give whether an agreement is only one a body is empowered to negotiate (above)."""
    verb = trigger.head
    return trigger.dep_ == "dobj" and verb.lemma_ in ("negotiate", "conclude") and \
        verb.dep_ == "xcomp" and verb.head.lemma_ in EMPOWERING


# Verbs that tend a standing relation: "strengthen our alliance"
_TENDING = frozenset({"strengthen", "deepen", "reaffirm", "reinforce", "bolster", "celebrate",
                      "modernize", "modernise", "honor", "honour", "renew", "affirm", "enhance",
                      "sustain", "maintain", "underscore", "highlight", "cherish", "value"})


def relation_tended(trigger: Token) -> bool:
    """Give whether an alliance is only a standing relation tended: "further strengthen our
    alliance", "strengthening the steadfast alliance between Denmark and the United
    States"; but "in an alliance with", "the alliance's joint patrols" are left alone."""
    return trigger.lemma_ == "alliance" and trigger.dep_ == "dobj" and \
        trigger.head.lemma_ in _TENDING


# Verbs that restate a commitment: "Administration officials reaffirmed their commitment"
_RESTATING = frozenset({"reaffirm", "reiterate", "underscore", "affirm", "renew", "restate",
                        "reconfirm"})
# One government's own people: "Administration officials", "the team"
_OWN_PEOPLE = frozenset({"official", "administration", "staff", "team", "agency",
                         "department", "officer", "leadership"})


def restated_at_home(trigger: Token) -> bool:
    """Give whether one government's own officials restate their commitment, with no other
    party named: "Administration officials underscored their commitment to enforcing the
    Fair Housing Act"; but "U.S. and Mexican officials reaffirmed their commitment"."""
    if trigger.lemma_ not in _RESTATING:
        return False
    subject = subject_of(trigger)
    return subject is not None and subject.lemma_.lower() in _OWN_PEOPLE and \
        not subject.conjuncts and not any(c.dep_ == "prep" or c.lower_ in ("both", "two")
                                          for c in subject.children) and not (
            sentence_codes(trigger) - {"USA"})
