"""Who did what to whom, where the events component needs more than a phrase's own
participants: a verb's own doer (so a reporter is not taken for it), the party a
warning's condition is on, where targets are (a place, "including", an object
shared by two verbs), and a date's apposition. Read from the
dependency parse; see "Who: actor and target" in docs/extraction.md.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract import lexicon
from alerter.extract.clauses import subject_of
from alerter.extract.participants import Found, all_participants, participants_in, phrase_tokens


def own_doer(verb: Token) -> bool:
    """Give whether a verb names who does it, so that a reporter is not its actor:
    "investigators say the jet was downed by a missile", "the military detains and
    returns citizens, said the Secretary" (but "Russia said it would send")."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ == "be":
        return False
    subject = subject_of(verb)
    return subject is not None and subject.pos_ != "PRON"


def warned_party(verb: Token) -> Found:
    """Give the party warned or urged when a pronoun does the act of the condition:
    "warned China of consequences if it arms Moscow" (it: China)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PRON" or verb.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in lexicon.CONDITIONAL_MARKS for c in verb.children):
        return []
    head = verb.head  # "warned Iran that it would respond if it attacked shipping"
    while not any(c.dep_ in ("dobj", "dative") for c in head.children) and \
            head.dep_ in ("ccomp", "xcomp", "conj") and head.head.i != head.i:
        head = head.head
    return all_participants(phrase_tokens(c) for c in head.children
                            if c.dep_ in ("dobj", "dative") and c.pos_ != "PRON")


def possessed_by_object(verb: Token) -> Found:
    """Give the party a possessive pronoun points to when a clause's object names one:
    in "warned Poland over its plan to send tanks", "its" is Poland's, not Russia's (the
    one who warns). Nothing when the pronoun's clause has no coded object."""
    if verb.dep_ != "acl" or not any(c.dep_ == "poss" and c.pos_ == "PRON"
                                     for c in verb.head.children):
        return []
    clause = verb.head
    while clause.dep_ not in ("ROOT", "ccomp", "advcl", "xcomp", "relcl") and \
            clause.head.i != clause.i:
        clause = clause.head
    return all_participants(phrase_tokens(c) for c in clause.children
                            if c.dep_ in ("dobj", "dative") and c.pos_ != "PRON" and c.i < verb.i)


# Verbs of bargaining: "negotiating with a Chinese firm for the delivery of drones".
BARGAINING = frozenset({"negotiate", "bargain", "haggle", "talk", "deal", "contract"})


def bargained_supply(noun: Token) -> tuple[Found, Found] | None:
    """Give (supplier, recipient) of a supply noun that one side bargains for with another:
    in "Russia is negotiating with a Chinese drone maker for the delivery of drones" the
    maker (China) supplies Russia. None when the noun is not bargained for so."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    above = noun.head.head
    if above.pos_ != "VERB" and above.dep_ == "pobj" and above.head.lower_ == "with":
        above = above.head.head  # "for" hangs from the partner: "with a maker for ..."
    if above.pos_ != "VERB" or above.lemma_ not in BARGAINING:
        return None
    partners = [g for c in above.children if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children if g.dep_ == "pobj"]
    supplier = all_participants(phrase_tokens(partner) for partner in partners)
    subject = subject_of(above)
    recipient = participants_in(phrase_tokens(subject)) if subject is not None else []
    return (supplier, recipient) if supplier else None


def placed(target: Token) -> list[list[Token]]:
    """Give a target's phrase and where it is: "sanctions on 83 entities in Russia and
    third countries" hit Russia, where the entities are."""
    found = [phrase_tokens(target)]
    for noun in (target, *target.conjuncts):
        found += [phrase_tokens(g) for c in noun.children if c.dep_ == "prep"
                  and c.lower_ in ("in", "inside", "including") for g in c.children
                  if g.dep_ == "pobj"]
    return found


def after_date(noun: Token) -> bool:
    """Give whether a noun phrase follows a date after a comma, as its apposition: "on
    Friday, the anniversary of the invasion of Ukraine" (a second object to the parser)."""
    start = noun.left_edge.i
    doc = noun.doc
    return start >= 2 and doc[start - 1].text == "," and \
        doc[start - 2].ent_type_ in ("DATE", "TIME")


def included(noun: Token) -> list[list[Token]]:
    """Give the phrases an object names with "including": "sanctioned 92 people,
    including four Russian banks"."""
    return [phrase_tokens(g) for n in (noun, *noun.conjuncts) for c in n.children
            if c.dep_ == "prep" and c.lower_ == "including"
            for g in c.children if g.dep_ == "pobj"]


def shared_object(verb: Token) -> list[list[Token]]:
    """Give the object a verb with none of its own shares with the verb joined to it:
    "detains and forcibly returns North Korean citizens"."""
    if any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return []
    return [phrase_tokens(g) for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
            for g in c.children if g.dep_ == "dobj"]
