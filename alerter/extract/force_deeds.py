"""Force and coercion that happened, as a fifth round of fresh government prose tells
them (issue 10; the examples are ours):

- acts told by the verb of their doer, past: "have perpetrated a series of attacks",
  "has led the crackdown on protests", "led to the killing of villagers";
- attacks pinned to a year ("his 2017 attacks", "the September 11, 2001 attacks"), told
  as going on or past ("their ongoing attacks", "after the attack"), with a named victim
  ("the killing of Prime Minister Abe") or place ("the rocket attack at Kabul airport"),
  and arrests that today's action "follows" or comes "on the heels of";
- captivity judged wrong: "citizens wrongfully held in Iran", "unjustly detained
  political prisoners", "forcibly deported children" (the act happened).

Force words that are none are in force_none.py, threats aimed at a named party in
threats_aimed.py. Called from force.py (`owned_act`, `owned_coercion`), event_checks.py
(`_misread`) and events.py (the modality).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from alerter.extract.participants import phrase_tokens

# Verbs of doing whose object act happened when told as past: "perpetrated attacks",
# "led the crackdown", "led to the killing of".
DOING = frozenset({"perpetrate", "commit", "lead", "direct", "orchestrate", "mastermind",
                   "oversee", "spearhead"})
ATTACK_NOUNS = frozenset({"attack", "bombing", "shooting", "killing", "massacre", "strike",
                          "airstrike", "assault", "kidnapping", "abduction", "assassination",
                          "murder", "hijacking"})
YEAR = re.compile(r"(?:19|20)\d\d$")
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december"})
# Adverbs that judge a detention: it happened ("unjustly detained prisoners").
JUDGING = frozenset({"wrongfully", "unjustly", "arbitrarily", "unlawfully", "illegally",
                     "forcibly", "forcefully", "illegitimately"})
CAPTIVE_VERBS = frozenset({"detain", "imprison", "jail", "deport", "hold", "abduct", "kidnap"})
ONGOING = frozenset({"ongoing", "recent", "repeated", "continued", "continuing", "latest",
                     "renewed"})
# Attacks ranked among others happened: "the deadliest attack on the community".
WORST = frozenset({"deadliest", "worst", "bloodiest", "largest", "biggest"})
UNREAL = frozenset({"future", "potential", "possible", "hypothetical", "would-be", "further"})
PLACES = frozenset({"FAC", "GPE", "LOC"})
TIMES = frozenset({"DATE", "TIME"})
VICTIM_NOUNS = frozenset({"killing", "murder", "assassination", "kidnapping", "abduction",
                          "shooting", "beheading", "execution"})


def _done(verb: Token) -> bool:
    """Give whether a verb tells of something done: past, not negated, not a rule."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ in ("VBD", "VBN") and not any(c.dep_ == "neg" for c in verb.children) \
        and not auxes & {"will", "would", "could", "might", "may", "must", "should", "shall"}


def done_deed(noun: Token) -> bool:
    """Give whether an attack or coercion noun is the object of a doer's verb told as
    past: "have perpetrated a series of attacks", "has led the crackdown on protests",
    "led to the killing of countless people"; not "will lead the fight", "committed to"."""
    token = noun
    if token.dep_ == "pobj" and token.head.lower_ == "of" and \
            token.head.head.lemma_ in ("series", "number", "wave", "string", "spate"):
        token = token.head.head  # "a series of attacks"
    if (token.dep_ in ("dobj", "obj") and token.head.lemma_ == "follow") or (
            token.dep_ == "pobj" and token.head.lower_ == "of" and
            token.head.head.lower_ in ("heels", "wake", "aftermath")):
        return True  # "today's action follows the arrest of", "on the heels of the arrest"
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lemma_ == "lead":
        verb = token.head.head  # "led to the killing of"
    elif token.dep_ in ("dobj", "obj") and token.head.lemma_ in DOING and \
            token.head.pos_ == "VERB":
        verb = token.head
    else:
        return False
    return _done(verb)


def dated(noun: Token) -> bool:
    """Give whether an attack noun is pinned to a year or a full date: "his 2017 attacks
    in Sweden", "the 1993 bombing", "the September 11, 2001 attacks"."""
    if noun.lemma_ not in ATTACK_NOUNS or noun.pos_ != "NOUN":
        return False
    if any(c.dep_ in ("nummod", "compound", "amod") and YEAR.match(c.text)
           for c in noun.children):
        return True
    return noun.dep_ == "appos" and noun.head.lower_ in MONTHS


def taken_as_given(noun: Token) -> bool:
    """Give whether an attack noun is told as going on or as past by its own words:
    "the group's ongoing attacks on shipping", "the recent rocket attacks", "helped the
    victims after the attack"; not "further attacks", "future attacks"."""
    if noun.lemma_ not in ATTACK_NOUNS or noun.pos_ != "NOUN" or any(
            (c.dep_ == "amod" and c.lower_ in UNREAL) or (c.dep_ == "det" and c.lower_ == "any")
            for c in noun.children):
        return False  # "future attacks", "any attack on X"
    ranks = ONGOING | WORST if not any(t.lemma_ == noun.lemma_ for t in noun.doc[
        noun.sent.start:noun.i]) else ONGOING  # "its deadliest attack ..., the fifth-deadliest
    # attack worldwide": one attack said twice
    if noun.lemma_ != "assault" and not (noun.dep_ == "pobj" and noun.head.lower_ == "under") \
            and any(c.dep_ == "amod" and c.lower_ in ranks for c in noun.children):
        return True  # not "this ongoing assault", "under relentless attack": on rights
    if any(c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" and c.i < noun.i
           for c in noun.children):
        return True  # "defend against Russian attacks", "Houthi attacks in the Red Sea"
    if noun.lemma_ in VICTIM_NOUNS and any(
            t.ent_type_ == "PERSON" for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj" for t in phrase_tokens(g)):
        return True  # "sadness over the killing of Prime Minister Abe": a named victim
    pointed = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
    if pointed and any(g.ent_type_ in (PLACES if c.lower_ in ("at", "in") else TIMES)
                       for c in phrase_words(noun)
                       if c.dep_ == "prep" and c.lower_ in ("at", "in", "on")
                       for g in c.children if g.dep_ == "pobj"):
        return True  # "the rocket attack at Kabul airport", "the killings of eight people in
        # Georgia on March 16th"
    if pointed and any(c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME") and
                       0 < c.i - noun.i <= 6 for a in [noun, *list(noun.ancestors)[:3]]
                       for c in a.children):
        return True  # "the attack on Israel this past weekend"
    return noun.dep_ == "pobj" and noun.head.lower_ in ("after", "following", "since") and \
        any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def own_modality(trigger: Token, type_name: str) -> str | None:
    """Give the modality an event has whatever frames it, if any: asserted for a captivity
    judged wrong (it happened) and "will not hesitate to" (a threat made now, not a
    negation); hypothetical for "any attack" ("any attack on X will be met with ...")."""
    if judged_captivity(trigger, type_name) or (
            type_name == "THREATEN" and trigger.lemma_ == "hesitate"):
        return "asserted"
    if type_name == "ASSAULT" and trigger.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ == "any" for c in trigger.children):
        return "hypothetical"
    return None


def judged_captivity(verb: Token, type_name: str) -> bool:
    """Give whether a coercion participle describing people is a detention judged wrong,
    which happened: "unjustly detained political prisoners", "citizens wrongfully held
    in Iran", "forcibly deported children"."""
    return type_name == "COERCE" and verb.lemma_ in CAPTIVE_VERBS and any(
        c.dep_ == "advmod" and c.lower_ in JUDGING for c in verb.children) and not (
        verb.dep_ == "amod" and any(t.lemma_ == verb.lemma_ and t.dep_ != "amod" and t.i != verb.i
                                    for t in verb.sent))  # one detention told twice


def phrase_words(head: Token) -> list[Token]:
    """Give the words under a noun or a verb outside its clauses and lists: not "those
    who ... in South Sudan", nor a verb joined to it ("and will apply pressure on ...")."""
    out: list[Token] = []
    stack = [c for c in head.children if c.dep_ not in _CLAUSES]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in _CLAUSES)
    return out


_CLAUSES = frozenset({"relcl", "acl", "conj", "advcl", "ccomp", "xcomp", "cc", "appos"})
