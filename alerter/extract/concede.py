"""CONCEDE readings that are no concession between parties, and one that is.

A release that is only worked for is a goal ("working around the clock to free the
hostages", "it is time to release the hostages"), and restrictions eased at home are
domestic policy ("lift restrictions on eligibility for benefits", "eligibility restrictions
for vaccinations can be lifted"). An instrument's participle is what the instrument does:
"an order terminating the Burma sanctions program".
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract import lexicon
from alerter.extract.participants import phrase_tokens

# Words above a release that make it a goal pursued, not a release made.
_EFFORTS = frozenset({"work", "strive", "fight", "seek", "try", "push", "endeavor", "endeavour",
                      "effort", "time", "aim", "labor", "labour", "commitment", "pressure",
                      # "the urgent need for all hostages to be released"
                      "need", "necessity", "urgency", "importance"})
# Verbs that take a release noun as a goal: "seek the release of political prisoners".
_PURSUING = frozenset({"seek", "pursue"})
# Nouns of asking whose "for" phrase holds a release asked for: "reiterated the call for
# the immediate release of all hostages".
_ASKING = frozenset({"call", "demand", "appeal", "plea", "push"})
# Who the delisting boilerplate is about: "will consider lifting sanctions for persons
# designated under E.O. 13692 who take concrete and meaningful actions".
_DESIGNEES = frozenset({"person", "individual", "entity"})
_SET_FREE = frozenset({"release", "free"})
# Nouns of a measure's end, and the verbs that name it as an outcome: "changes in
# behaviour can result in the lifting of sanctions" (the delisting boilerplate).
_ENDINGS = frozenset({"lifting", "removal", "easing", "delisting", "relief", "termination"})
_OUTCOMES = frozenset({"result", "lead"})
_MAYBE = frozenset({"can", "could", "may", "might"})
# What a licence is amended for when it narrows what it allows: "amending three general
# licenses to exclude remittances".
_NARROWING = frozenset({"exclude", "restrict", "limit", "narrow", "prohibit", "remove",
                        "bar", "curtail", "tighten"})
# Instruments whose scope a release disclaims: "this authorization does not unblock the
# property of any blocked person; nor does it authorize transfers to them".
_GRANTS = lexicon.INSTRUMENTS | {"authorization", "authorisation", "license", "licence", "gl",
                                 "it", "amendment", "waiver"}
# Licences whose scope a sentence describes.
_LICENCES = frozenset({"license", "licence", "licenses", "licences", "gl", "authorization",
                       "authorisation"})
# Rules on who may receive a public service: easing them is domestic policy.
_HOME_RULES = frozenset({"eligibility", "benefit", "vaccination", "copayment"})


def misread(trigger: Token) -> bool:
    """Give whether a CONCEDE word is a release only pursued or a domestic rule eased."""
    return _pursued(trigger) or _domestic(trigger) or _boilerplate(trigger) or \
        _possible_outcome(trigger) or _narrowed(trigger) or _disclaimed(trigger) or \
        _kind_of_deal(trigger) or _own_reopened(trigger) or _licence_described(trigger)


def _pursued(trigger: Token) -> bool:
    """Give whether a release is a goal: "working to free the hostages", "it is time to
    release the hostages", "efforts to free them", "seek the release of", "the call for the
    release of"; but "Iran released five Americans"."""
    if trigger.lemma_ not in _SET_FREE:
        return False
    if trigger.pos_ == "NOUN":
        head = trigger.head
        return (trigger.dep_ == "dobj" and head.lemma_.lower() in _PURSUING) or (
            trigger.dep_ == "pobj" and head.lower_ == "for" and
            head.head.lemma_.lower() in _ASKING and head.head.pos_ == "NOUN")
    if trigger.pos_ != "VERB":
        return False
    verb = trigger
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in ("xcomp", "acl", "advcl", "relcl") and \
        verb.head.lemma_.lower() in _EFFORTS


def _domestic(trigger: Token) -> bool:
    """Give whether what is eased are rules on who may get a public service: "lift
    restrictions on eligibility for food benefits"; but "lifted restrictions on Cuba"."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(g.lemma_.lower() in _HOME_RULES
               for o in (trigger, *objects) for c in o.children
               for g in ((c,) if c.dep_ in ("compound", "amod", "nmod") and o is not trigger
                         else [p for p in c.children if p.dep_ == "pobj"]
                         if c.dep_ == "prep" else ()))


def _boilerplate(trigger: Token) -> bool:
    """Give whether a lifting is the delisting boilerplate: "we will consider lifting
    sanctions for persons designated under E.O. 13692 who take concrete actions"."""
    return trigger.head.lemma_.lower() == "consider" and \
        any(t.lemma_.lower() in _DESIGNEES for t in trigger.subtree)


def _possible_outcome(trigger: Token) -> bool:
    """Give whether a lifting is only what something may lead to: "positive changes in
    behaviour can result in the lifting of sanctions"; but "the deal resulted in the
    lifting of the embargo"."""
    if trigger.lemma_.lower() not in _ENDINGS or trigger.dep_ != "pobj":
        return False
    verb = trigger.head.head
    return trigger.head.lower_ in ("in", "to") and verb.lemma_.lower() in _OUTCOMES and \
        any(c.dep_ == "aux" and c.lower_ in _MAYBE for c in verb.children)


def _kind_of_deal(trigger: Token) -> bool:
    """Give whether a release names the kind of a deal or talks: "reaching a ceasefire and
    hostage release deal", "prisoner release negotiations" (the deal is the event, if any);
    but "the hostage release was delayed"."""
    return trigger.lemma_ == "release" and trigger.pos_ == "NOUN" and \
        trigger.dep_ in ("compound", "nmod") and trigger.head.pos_ in ("NOUN", "PROPN")


def _licence_described(trigger: Token) -> bool:
    """Give whether "authorize" only tells what a licence covers (a routine licence
    mention, README): "General License D-1 authorizes the export of software", "transactions
    not otherwise authorized by OFAC general licenses"; but "this amendment will authorize
    all transactions prohibited by the regulations", "OFAC will authorize dealings in"."""
    if trigger.lemma_.lower() not in ("authorize", "authorise"):
        return False
    if trigger.dep_ in ("acl", "amod", "relcl"):
        return True  # a participle or clause describing the dealings or the licence
    return any(c.dep_ == "nsubj" and any(t.lower_ in _LICENCES for t in phrase_tokens(c))
               for c in trigger.children)


def _own_reopened(trigger: Token) -> bool:
    """Give whether what is reopened is the speaker's own: "thank the workers for acting to
    reopen our ports" (a strike ended at home); but "Israel reopened the Kerem Shalom
    crossing"."""
    return trigger.lemma_.lower() in ("reopen", "resume") and any(
        c.dep_ in ("dobj", "nsubjpass") and any(p.dep_ == "poss" and p.lower_ in ("our", "my")
                                                 for p in c.children)
        for c in trigger.children)


def _narrowed(trigger: Token) -> bool:
    """Give whether a licence is amended to allow less: "OFAC is amending three general
    licenses to exclude remittances to listed entities"; but "amended general licenses to
    ease the delivery of aid"."""
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    return verb.pos_ == "VERB" and any(c.dep_ in ("xcomp", "advcl") and
                                       c.lemma_.lower() in _NARROWING for c in verb.children)


def _disclaimed(trigger: Token) -> bool:
    """Give whether a release says what its licence does not do: "this authorization does
    not unblock the property of any blocked person", "nor does it authorize transfers";
    but "Iran did not release the prisoners" (a refusal told as a negated release)."""
    if trigger.pos_ != "VERB":
        return False
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    negated = any(c.dep_ == "neg" for c in trigger.children) or (
        trigger.dep_ == "conj" and any(c.lower_ == "nor" for c in trigger.head.children))
    return negated and any(s.lemma_.lower() in _GRANTS for s in subjects)


def ruled_out(*tokens: Token) -> bool:
    """Give whether a measure is taken off the table, not taken: "sanctions were taken off
    the table", "took the embargo off the table"."""
    return any(c.dep_ in ("prep", "prt") and c.lower_ == "off" and
               any(g.lemma_.lower() == "table" for g in c.children)
               for t in tokens for c in t.children)


def measure_targets(noun: Token) -> list[list[Token]]:
    """Give the phrases on whom a lifted measure was laid: "the lifting of sanctions on
    Syria", "the easing of the embargo against Cuba"."""
    return [phrase_tokens(g) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for m in c.children if m.dep_ == "pobj" for p in m.children
            if p.dep_ == "prep" and p.lower_ in ("on", "against")
            for g in p.children if g.dep_ == "pobj"]


def by_instrument(verb: Token, type_name: str) -> bool:
    """Give whether a participle says what an instrument does: "an order terminating the
    sanctions program", "a proclamation lifting the embargo"."""
    return type_name == "CONCEDE" and verb.tag_ == "VBG" and \
        verb.head.lemma_.lower() in lexicon.INSTRUMENTS
