"""Force words that are no force in government prose (issue 10, round 5; the examples
are ours): "the ability to carry out attacks" (a capacity), "we must not retreat", "a
retreat from the world", "before disaster strikes", "strikes fear", "it strikes me",
"launched a full-on attack on reproductive freedom", "deploying high-speed internet", a
court that strikes down an authority, "marched to their deaths", "arrests of student
protesters" (no protest), "ban assault weapons" (a gun law), "safety from sexual
assault" (a kind of crime), "killed when their aircraft crashed", money or projects
"mobilized", "the ability to detect and seize drugs" (a task), territory "that Russia
seized" (fighting, not a seizure of goods).

Called from force_misread.py (`misread`).
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract import force_figurative, threats_aimed

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
# What is deployed or mobilized as forces: anything else is money, tools or people for a
# cause ("deploying high-speed internet", "mobilized 47,000 projects").
MOVABLE = FORCE_WORDS | frozenset({"warship", "ship", "vessel", "jet", "aircraft", "missile",
                                   "tank", "bomber", "drone", "submarine", "carrier", "battery",
                                   "launcher", "destroyer", "frigate", "helicopter", "artillery",
                                   "weapon", "marine", "paratrooper", "contingent", "mission",
                                   "peacekeeper", "system", "asset", "fleet", "squadron",
                                   "police", "officer", "gendarme", "agent", "guardsman"})
# What sanctions block: property and interests (a freeze), never a seizure.
BLOCKED_HOLDINGS = frozenset({"property", "interest", "asset", "fund", "account", "person"})
# What sanctions "strike at": "will strike at the financial core of this network".
STRUCK_AT = frozenset({"core", "heart", "root", "foundation", "finance", "network", "ability",
                       "business", "revenue"})
LAWS_ATTACKED = frozenset({"act", "law", "program", "programme", "progress", "medicare",
                           "medicaid", "agenda", "policy"})
MOBILIZING = frozenset({"mobilize", "mobilise", "deploy", "redeploy", "station"})
LAUNCHING = frozenset({"launch", "mount", "wage", "unleash", "carry", "conduct"})
# Gun laws ban things, not people: "ban assault weapons and high-capacity magazines".
GUN_WORDS = frozenset({"weapon", "firearm", "gun", "rifle", "magazine", "pistol", "handgun",
                       "ammunition", "bump", "stock"})
# What happens to protesters, who are then no protest: "arrests of student protesters".
DONE_TO = frozenset({"arrest", "detention", "killing", "release", "jailing", "imprisonment",
                     "sentencing", "shooting", "beating", "torture", "death", "trial"})
ACCIDENTS = frozenset({"crash", "collide", "capsize", "sink", "derail"})
# Land taken in fighting is no seizure of goods: "the territory that Russia seized".
TERRAIN = frozenset({"territory", "land", "town", "city", "village", "area", "region",
                     "province", "district", "ground", "base", "airport", "port"})
# Crimes named as a kind, not as one act: "safety from sexual assault", "domestic violence".
CRIME_KINDS = frozenset({"sexual", "domestic", "gender-based", "dating", "gun", "partner",
                         "intimate", "community", "family", "gender"})
# What a court strikes down, and what a crime strikes: no blow.
NOT_STRUCK = frozenset({"fear", "terror", "panic", "dread"})
# Mandates to seize: "the ability to detect and seize drugs", "an effort to freeze and
# seize assets" (a task, no seizure yet).
MANDATES = CAPACITY | frozenset({"authority", "power", "tool", "effort", "mission", "mandate",
                                 "mechanism"})


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
    if type_name == "ASSAULT" and trigger.lemma_ in ("attack", "assault") and \
            _first_target_abstract(trigger):
        return True  # "attacks on reproductive rights and ways to ...", "on the Affordable
        # Care Act" (a law), "on the progress we made"
    if type_name == "ASSAULT" and trigger.lemma_ in ("assault", "violence") and any(
            c.dep_ in ("amod", "compound", "nmod") and c.lower_ in CRIME_KINDS
            for c in trigger.children
    ) and not any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in trigger.children):
        return True  # "safety from sexual assault": a kind of crime, no one act
    if type_name == "ASSAULT" and trigger.lemma_ == "strike" and trigger.pos_ == "VERB" and (
            any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in NOT_STRUCK
                for c in trigger.children) or _struck_down(trigger)):
        return True  # "strikes fear in", "the Court chose to strike down the authority"
    if type_name == "COERCE" and trigger.lemma_ == "block" and (any(
            t.lemma_.lower() in BLOCKED_HOLDINGS for c in trigger.children
            if c.dep_ in ("nsubjpass", "nsubj", "dobj", "obj", "attr", "oprd") for t in c.subtree
    ) or (trigger.dep_ == "relcl" and trigger.head.lemma_.lower() in BLOCKED_HOLDINGS)):
        return True  # "these aircraft are blocked property", "all property ... is blocked":
        # a sanction's freeze, not a seizure
    if type_name == "COERCE" and trigger.lemma_ in ("seize", "confiscate", "forfeit") and \
            _mandate(trigger):
        return True  # "CBP's ability to detect and seize drugs"
    if type_name == "COERCE" and trigger.lemma_ == "incarceration" and not list(trigger.children):
        return True  # "help people reintegrate after incarceration": no one's detention
    if type_name == "COERCE" and trigger.lemma_ == "seize" and trigger.dep_ == "relcl" and \
            trigger.head.lemma_.lower() in TERRAIN:
        return True  # "the territory that Russia seized": fighting, not a seizure of goods
    if type_name == "THREATEN" and ((trigger.lemma_ == "hesitate" and
                                      not threats_aimed.aimed(trigger)) or
                                     threats_aimed.law_threatens(trigger) or
                                     threats_aimed.threat_faced(trigger)):
        return True  # "will not hesitate to act"; "bans that threaten to criminalize";
        # "prepare the Nation for threats"
    if type_name == "ASSAULT" and trigger.pos_ == "VERB" and (
            any((c.dep_ in ("dobj", "obj") and c.lower_ in ("me", "us")) or (
                c.dep_ == "prep" and c.lower_ == "at" and any(
                    g.lemma_.lower() in STRUCK_AT for g in c.children if g.dep_ == "pobj"))
                for c in trigger.children)
            if trigger.lemma_ == "strike" else trigger.lemma_ in LAUNCHING and any(
                force_figurative.figurative_attack(c) for c in trigger.children
                if c.dep_ in ("dobj", "obj"))):
        return True  # "it strikes me that", "will strike at the financial core of the
        # cartel", "launched a full-on attack on reproductive freedom"
    if type_name == "MOBILIZE" and trigger.lemma_ in MOBILIZING and trigger.pos_ == "VERB":
        moved = [c for c in trigger.children if c.dep_ in ("dobj", "obj")
                 and c.pos_ in ("NOUN", "PROPN")]
        return bool(moved) and not any(
            t.lemma_.lower() in MOVABLE or t.lower_ in MOVABLE
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


def _first_target_abstract(trigger: Token) -> bool:
    """Give whether an attack's first "on" or "against" target is a right, a value, a law
    or a programme (the rest of the list may be misread: "attacks on rights and ways")."""
    targets = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
               for g in c.children if g.dep_ == "pobj"]
    return bool(targets) and (targets[0].lemma_.lower() in force_figurative.ABSTRACT_TARGETS
                              or targets[0].lemma_.lower() in LAWS_ATTACKED)


def phoned(verb: Token) -> bool:
    """Give whether "call" is a telephone call, not a request: "called Speaker Pelosi to
    express his support after this attack" (no "on", "upon" or "for")."""
    return verb.lemma_ == "call" and any(c.dep_ in ("dobj", "obj") for c in verb.children) \
        and not any(c.lower_ in ("on", "upon", "for") for c in verb.children
                    if c.dep_ in ("prep", "prt"))


def _struck_down(verb: Token) -> bool:
    """Give whether "strike down" takes a thing, not a person: a law or an authority
    ("struck down New York's authority"); "struck down by a sniper" has no object."""
    if not any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return bool(objects) and not any(o.ent_type_ == "PERSON" or o.lemma_.lower() in (
        "man", "woman", "people", "person", "soldier", "civilian", "protester", "child")
        for o in objects)


def _mandate(verb: Token) -> bool:
    """Give whether a seizure is only what someone is able or tasked to do: "the ability
    to detect and seize drugs", "an effort to identify, freeze, and seize assets"."""
    token = verb
    for _ in range(3):
        if token.dep_ in ("acl", "xcomp") and token.head.lemma_.lower() in MANDATES and \
                token.head.pos_ == "NOUN":
            return True
        if token.dep_ != "conj" or token.head.i == token.i:
            return False
        token = token.head
    return False
