"""Attacks told without a verb of attacking (issue 10, docs/extraction/force.md): by
their name or date ("the Charlie Hebdo attack", "the October 7 attack"), by pointing back
at them ("these cowardly attacks"), or by a call to stop them while they go on ("must end
its indiscriminate shelling"); and "hostage" said of bills and data, which is none.

Used by alerter/extract/force.py's `owned_act`, by the events component (a call to stop
an attack still tells of it) and by force_misread.py.
"""

from __future__ import annotations

from spacy.tokens import Token

# Nouns for hostages: an event under these verbs or held by someone.
HOSTAGE_NOUNS = frozenset({"hostage", "captive"})
# What is held or taken "hostage" in a manner of speaking: "take our economy hostage".
NOT_CAPTIVES = frozenset({"economy", "legislation", "bill", "process", "nomination", "budget",
                          "funding", "agenda", "talks", "negotiation", "reform", "program",
                          "programme", "government", "country", "nation", "debt", "ceiling",
                          "vote", "treaty", "deal", "agreement", "appropriation", "package",
                          "datum", "data", "file", "system", "network", "computer",
                          "prosperity", "future", "recovery", "growth", "progress",
                          "democracy", "institution", "market"})
# Verbs that say an attack took place: "the attacks that occurred on October 7".
HAPPENED = frozenset({"occur", "happen", "unfold", "take"})
# Words that point at one attack the text has in view: "these attacks", "this shooting".
POINTING = frozenset({"this", "these", "that", "those"})
# Nouns "this" or "the" do not make one attack: "this violence continues" (a scourge),
# "end the violence in Gaza" (nobody named), "this ongoing assault" (on rights, in speeches).
UNPOINTED = frozenset({"violence", "assault"})
# Verbs whose object attack was suffered or fought off: "have endured hate-fueled attacks",
# "repelling an enemy attack".
ENDURING = frozenset({"endure", "suffer", "withstand", "repel", "repulse", "sustain",
                      "weather", "rebuff", "fend", "grieve"})
# Nouns whose "of" attack took place: "the anniversary of the terror attacks".
REMEMBERING = frozenset({"anniversary", "memory", "remembrance", "commemoration"})
# Verbs of dying "in" an attack: "the lives lost in a terrorist attack", "died in the
# bombing" (not "killed in an attack": the killing verb already tells that attack).
DYING = frozenset({"lose", "die", "perish"})
# Words that make an attack one that has not happened: "these future attacks".
UNREAL = frozenset({"future", "potential", "possible", "hypothetical", "would-be"})
# Nouns for wrongs done, whose listed parts happened: "abuses including torture".
ABUSES = frozenset({"abuse", "atrocity", "crime", "violation"})
# Entity labels of a day or an hour.
TIMES = frozenset({"DATE", "TIME"})
# Words that count attacks: "a number of attacks", "a wave of bombings".
COUNTING = frozenset({"number", "series", "wave", "spate", "string", "barrage", "dozen",
                      "hundred", "thousand", "campaign"})
# Verbs that end what is going on: "must stop the bombings that are destroying lives".
CEASING = frozenset({"stop", "end", "halt", "cease"})
# Words that say an attack is going on: "its indiscriminate bombings", "the ongoing attacks".
ONGOING = frozenset({"ongoing", "continued", "continuing", "indiscriminate", "relentless",
                     "unrelenting", "brutal", "horrific", "daily", "repeated", "its", "their",
                     "the", "this", "these"})

def figurative_hostage(noun: Token) -> bool:
    """Give whether "hostage" is said of a bill, an economy or data: "take our economy
    hostage", "is holding hostage a bipartisan package", "held victims' data hostage"."""
    return noun.lemma_ in HOSTAGE_NOUNS and noun.head.lemma_ in ("hold", "take") and any(
        t.i != noun.i and t.lemma_.lower() in NOT_CAPTIVES
        for c in noun.head.children if c.dep_ in ("dobj", "obj", "nsubjpass")
        for t in c.subtree)


def named(noun: Token) -> bool:
    """Give whether an attack noun names one attack: by its name or date ("the Charlie
    Hebdo attack", "the October 7 attack", "the Colonial Pipeline ransomware attack"), or
    by saying it took place or was suffered ("the attacks that occurred on October 7",
    "endured a wave of attacks", "repelled an enemy attack", "grieving the attack", "the
    anniversary of the attacks", "the lives lost in an attack"), or by pointing
    back at it ("these unconscionable attacks", "this devastating attack"; not
    "this ongoing assault", in government prose mostly one on rights, nor "this violence")."""
    if noun.pos_ != "NOUN" or noun.lemma_ in HOSTAGE_NOUNS or any(
            c.dep_ == "amod" and c.lower_ in UNREAL for c in noun.children):
        return False  # "protect against these future attacks": none yet
    if any(c.dep_ == "relcl" and c.lemma_ in HAPPENED for c in noun.children):
        return True  # "the horrific attacks that occurred on October 7"
    if noun.dep_ == "pobj" and (
            (noun.head.lower_ == "of" and noun.head.head.lemma_ in REMEMBERING) or
            (noun.head.lower_ == "in" and noun.head.head.lemma_ in DYING)):
        return True  # "the anniversary of the attacks", "the lives lost in an attack"
    phrase = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.lemma_ in COUNTING:
        phrase = noun.head.head  # "endured a disproportionate number of attacks"
    if phrase.dep_ in ("dobj", "obj") and phrase.head.lemma_ in ENDURING:
        return True  # "have endured hate-fueled attacks", "repelling an enemy attack"
    if _dated(noun):
        return True  # "the killings today", "the attack on Sunday", "the strike last night"
    words = [c for c in noun.children if c.dep_ in ("compound", "det", "nmod")]
    words += [g for c in words if c.dep_ == "compound" for g in c.children
              if g.dep_ == "compound"]
    return any(c.dep_ == "det" and c.lower_ in POINTING and noun.lemma_ not in UNPOINTED
               for c in words) or any(
        c.dep_ in ("compound", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in ("DATE", "EVENT"))
        for c in words)


def listed_abuse(noun: Token) -> bool:
    """Give whether an act is listed as one of a party's abuses, which happened: "the
    abuses include torture and detention", "documented abuses including torture and
    killings", "the militia's crimes include the abduction of aid workers"."""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ in ("dobj", "obj") and first.head.lemma_ == "include":
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in ABUSES
                   for c in first.head.children)
    return first.dep_ == "pobj" and first.head.lower_ == "including" and \
        first.head.head.lemma_.lower() in ABUSES


def summoned(verb: Token) -> bool:
    """Give whether "call" brings forces in, not asks for an act: "called in gunships to
    help repel an attack", "called up reservists to defend the border" (the attack and
    the defence are told, not requested)."""
    return verb.lemma_ == "call" and any(c.dep_ in ("prep", "prt") and c.lower_ in ("in", "up")
                                         and c.i == verb.i + 1 for c in verb.children)


def _dated(noun: Token) -> bool:
    """Give whether an attack noun is pinned to a day or an hour: by an "on" phrase ("the
    attack on Sunday") or by a time word right after it that the parser hung on the verb
    ("the killings today represent", "the strike last night hit", "was briefed on the
    attack this morning")."""
    if any(g.ent_type_ in TIMES for c in noun.children if c.dep_ == "prep" and c.lower_ == "on"
           for g in c.children if g.dep_ == "pobj"):
        return True
    if noun.dep_ in ("nsubj", "nsubjpass"):
        heads = [noun.head]
    elif any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        heads = list(noun.ancestors)[:3]  # "was briefed on the attack this morning"
    else:
        return False
    return any(c.dep_ == "npadvmod" and c.ent_type_ in TIMES and c.left_edge.i == noun.i + 1
               for h in heads for c in h.children)


def ceased(noun: Token, type_name: str = "ASSAULT") -> bool:
    """Give whether an attack noun is the object of a verb that stops it while it goes on:
    "must stop its indiscriminate bombings", "to end the horrific violence"; not "to end
    gun violence" (a scourge, no event) nor "end the violence in Gaza" (nobody named)."""
    if type_name != "ASSAULT" or noun.dep_ != "dobj" or noun.head.lemma_ not in CEASING:
        return False
    return any((c.dep_ in ("det", "poss", "amod") and c.lower_ in ONGOING
                and not (c.dep_ == "det" and noun.lemma_ in UNPOINTED))
               or c.dep_ in ("relcl", "acl") for c in noun.children)
