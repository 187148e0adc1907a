"""Force, coercion and threats as a fifth round of fresh government prose tells them
(issue 10; the examples are ours):

- acts told by the verb of their doer, past: "have perpetrated a series of attacks",
  "has led the crackdown on protests", "led to the killing of villagers";
- attacks pinned to a year ("his 2017 attacks", "the September 11, 2001 attacks") or
  told as going on or past ("their ongoing attacks", "after the attack"), and arrests
  that today's action "follows" or comes "on the heels of";
- captivity judged wrong: "citizens wrongfully held in Iran", "unjustly detained
  political prisoners", "forcibly deported children" (the act happened);
- "hold them accountable" where "them" stands for a party named before it, a warning
  sent "to Moscow" (by a measure too), "will not hesitate to use our tools against
  Hamas" (not "to act", nor "to target those who ...");
- and force words that are none: "the ability to carry out attacks" (a capacity, no
  attack), "we must not retreat", "a retreat from the world", "before disaster strikes",
  "marched to their deaths", "mobilized investment".

Called from force.py (`owned_act`), force_misread.py (`misread`), event_checks.py
(`_misread`, `_clause_of_its_own`).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from alerter.extract.participants import participants_in, phrase_tokens

# Verbs of doing whose object act happened when told as past: "perpetrated attacks",
# "led the crackdown", "led to the killing of".
DOING = frozenset({"perpetrate", "commit", "lead"})
DEED_TYPES = frozenset({"ASSAULT", "COERCE"})
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
# A capacity, not an act: "the ability to carry out attacks".
CAPACITY = frozenset({"ability", "capacity", "capability", "means", "wherewithal"})
# What one retreats from in a manner of speaking: "a retreat from the world".
ABSTRACT_LEFT = frozenset({"world", "globalization", "globalisation", "engagement", "stage",
                           "leadership", "commitment", "role", "responsibility", "value",
                           "principle", "multilateralism", "trade", "market", "fight",
                           "effort", "promise", "progress", "democracy", "diplomacy"})
WAGING = frozenset({"carry", "conduct", "launch", "mount", "stage", "perpetrate", "commit",
                    "wage", "execute", "plan", "coordinate", "plot"})
SPEAKERS = frozenset({"we", "i", "us"})
HAPPENINGS = frozenset({"disaster", "tragedy", "crisis", "emergency", "catastrophe",
                        "calamity", "recession", "pandemic", "hurricane", "storm", "disease"})
# What forces are: anything else mobilized is money or people for a cause.
FORCE_WORDS = frozenset({"troop", "force", "forces", "soldier", "reservist", "army", "unit",
                         "military", "militia", "reserve", "conscript", "brigade", "battalion",
                         "division", "fighter", "navy", "guard", "personnel", "man", "men"})
# Gun laws ban things, not people: "ban assault weapons and high-capacity magazines".
GUN_WORDS = frozenset({"weapon", "firearm", "gun", "rifle", "magazine", "pistol", "handgun",
                       "ammunition", "bump", "stock"})
# What happens to protesters, who are then no protest: "arrests of student protesters".
DONE_TO = frozenset({"arrest", "detention", "killing", "release", "jailing", "imprisonment",
                     "sentencing", "shooting", "beating", "torture", "death", "trial"})
ACCIDENTS = frozenset({"crash", "collide", "capsize", "sink", "derail"})
ONGOING = frozenset({"ongoing", "recent", "repeated", "continued", "continuing", "persistent",
                     "relentless", "latest", "renewed"})
# Land taken in fighting is no seizure of goods: "the territory that Russia seized".
TERRAIN = frozenset({"territory", "land", "town", "city", "village", "area", "region",
                     "province", "district", "ground", "base", "airport", "port"})
# What a government "will not hesitate" to do against a named party is a threat.
UNHESITATING = frozenset({"use", "act", "take", "impose", "respond", "target", "strike",
                          "hold", "employ", "deploy"})
WARNING_GOVERNORS = frozenset({"send", "issue", "deliver", "give", "serve"})
HELD_PRONOUNS = frozenset({"them", "him", "her", "it"})
NAMED_KINDS = frozenset({"ORG", "PERSON", "NORP", "GPE"})


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
    if noun.lemma_ not in ATTACK_NOUNS or noun.pos_ != "NOUN":
        return False
    if noun.lemma_ != "assault" and any(  # "this ongoing assault": mostly one on rights
            c.dep_ == "amod" and c.lower_ in ONGOING for c in noun.children):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in ("after", "following", "since") and \
        any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def asserted_anyway(trigger: Token, type_name: str) -> bool:
    """Give whether an event is asserted whatever frames it: a captivity judged wrong (it
    happened), and "will not hesitate to" (a threat made now, not a negation)."""
    return judged_captivity(trigger, type_name) or (
        type_name == "THREATEN" and trigger.lemma_ == "hesitate")


def judged_captivity(verb: Token, type_name: str) -> bool:
    """Give whether a coercion participle describing people is a detention judged wrong,
    which happened: "unjustly detained political prisoners", "citizens wrongfully held
    in Iran", "forcibly deported children"."""
    return type_name == "COERCE" and verb.lemma_ in CAPTIVE_VERBS and any(
        c.dep_ == "advmod" and c.lower_ in JUDGING for c in verb.children) and not (
        verb.dep_ == "amod" and any(t.lemma_ == verb.lemma_ and t.dep_ != "amod" and t.i != verb.i
                                    for t in verb.sent))  # "ten detained ..., six wrongfully
    # detained": one detention told twice


def held_pronoun(trigger: Token) -> bool:
    """Give whether "hold ... accountable" holds a pronoun standing for a party named
    before it in the sentence: "the FARC is a terrorist group, and we will hold them
    accountable"; not "those responsible ... hold them accountable" (nobody named), nor
    the speaker's own government."""
    if trigger.lemma_ != "hold":
        return False
    held = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    held += [g for c in trigger.children if c.dep_ in ("ccomp", "oprd", "xcomp")
             for g in c.children if g.dep_ in ("nsubj", "dobj")]
    pronouns = [h for h in held if h.lower_ in HELD_PRONOUNS]
    if not pronouns:
        return False
    before = [t for t in trigger.sent if t.i < pronouns[0].i and t.i < trigger.i
              and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos")]
    for token in before:
        found = participants_in(phrase_tokens(token))
        if any(code not in (None, "USA") for _, _, code in found):
            return True
        if token.ent_type_ in NAMED_KINDS and not any(
                code == "USA" for _, _, code in found):
            return True
    return False


def misread(trigger: Token, type_name: str) -> bool:
    """Give whether a force word is no force where it stands (see the module's list)."""
    if type_name == "ASSAULT" and _capacity(trigger):
        return True
    if type_name in ("ASSAULT", "PROTEST") and trigger.lemma_ == "strike" and (
            trigger.dep_ == "compound" or any(
                c.dep_ in ("nsubj", "compound") and c.lemma_.lower() in HAPPENINGS
                for c in trigger.children)):
        return True  # "before disaster strikes"
    if type_name == "RETREAT" and trigger.lemma_ == "retreat":
        if trigger.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lower_ in SPEAKERS
                                          for c in trigger.children) and not any(
                c.dep_ == "prep" and c.lower_ == "from" for c in trigger.children):
            return True  # "we will not retreat", "we must not retreat in this effort"
        if any(g.lemma_.lower() in ABSTRACT_LEFT for c in trigger.children
               if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
               if g.dep_ == "pobj"):
            return True  # "a retreat from the world"
    if type_name == "PROTEST" and trigger.lemma_ == "march" and any(
            g.lemma_.lower() in ("death", "execution") for c in trigger.children
            if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"):
        return True  # "marched to their deaths"
    if type_name == "COERCE" and trigger.lemma_ == "ban" and any(
            t.lemma_.lower() in GUN_WORDS for c in trigger.children
            if c.dep_ in ("dobj", "obj", "nsubjpass") for t in c.subtree):
        return True  # "ban assault weapons": a gun law
    if type_name == "PROTEST" and trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and \
            trigger.head.head.lemma_.lower() in DONE_TO:
        return True  # "arrests of student protesters": they are arrested, not protesting
    if type_name == "ASSAULT" and trigger.lemma_ == "kill" and any(
            c.dep_ == "advcl" and c.lemma_ in ACCIDENTS for c in trigger.children):
        return True  # "were killed when their aircraft crashed"
    if type_name == "COERCE" and trigger.lemma_ == "seize" and trigger.dep_ == "relcl" and \
            trigger.head.lemma_.lower() in TERRAIN:
        return True  # "the territory that Russia seized": fighting, not a seizure of goods
    if type_name == "THREATEN" and trigger.lemma_ == "hesitate" and not _aimed(trigger):
        return True  # "will not hesitate to act", "to target those who": aimed at nobody
    if type_name == "MOBILIZE" and trigger.lemma_ in ("mobilize", "mobilise") and \
            trigger.pos_ == "VERB":
        moved = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
        return bool(moved) and not any(
            t.lemma_.lower() in FORCE_WORDS or t.lower_ in FORCE_WORDS
            for m in moved for t in m.subtree)  # "mobilized 47,000 projects"
    return False


def _capacity(trigger: Token) -> bool:
    """Give whether the attack is only what someone is able to do: "degrade the
    regime's ability to carry out attacks", "their capacity to conduct attacks"."""
    token = trigger
    for _ in range(4):
        if token.head.i == token.i:
            return False
        if token.dep_ in ("acl", "xcomp") and token.head.lemma_.lower() in CAPACITY and \
                token.head.pos_ == "NOUN":
            return True
        if token.dep_ not in ("dobj", "obj", "conj", "xcomp", "acl") or (
                token.dep_ in ("dobj", "obj") and token.head.lemma_ not in WAGING):
            return False  # "our ability to address Russia's invasion": that one happened
        token = token.head
    return False


def _aimed(verb: Token) -> bool:
    """Give whether "will not hesitate to X" is aimed at a party named in an "against",
    "on" or object phrase: "will not hesitate to use our tools against Hamas"."""
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    acts = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ in UNHESITATING]
    phrases = [o for a in acts for o in a.children if o.dep_ in ("dobj", "obj")]
    phrases += [g for a in acts for c in _phrase_walk(a)  # "use all of our tools against X"
                if c.dep_ == "prep" and c.lower_ in ("against", "on")
                for g in c.children if g.dep_ == "pobj"]
    return any(code != "USA" and (code or kind in ("organisation", "person"))
               for p in phrases for _, kind, code in participants_in(phrase_tokens(p)))


def _phrase_walk(verb: Token) -> list[Token]:
    """Give the words under a verb outside its clauses: not "those who ... in South
    Sudan", nor a verb joined to it ("and will apply pressure on ...")."""
    out: list[Token] = []
    stack = [c for c in verb.children if c.dep_ not in _CLAUSES]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in _CLAUSES)
    return out


_CLAUSES = frozenset({"relcl", "acl", "conj", "advcl", "ccomp", "xcomp", "cc"})


def warning_to_party(trigger: Token) -> bool:
    """Give whether a warning noun is sent to a named party ("the designations send a
    clear warning to Moscow"): a threat, whoever or whatever sends it."""
    if trigger.lemma_ != "warning" or trigger.dep_ not in ("dobj", "obj") or \
            trigger.head.lemma_ not in WARNING_GOVERNORS:
        return False
    return any(code not in (None, "USA") for c in trigger.children
               if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
               if g.dep_ == "pobj" for _, _, code in participants_in(phrase_tokens(g)))
