"""Force words that tell of something else: a disaster or an accident, a game, a
spaceflight, a business or a storm closing things, a war nobody is named as waging, a
withdrawal of something other than forces (docs/extraction/force.md).

The ASSAULT, MOBILIZE and RETREAT readings themselves are alerter/extract/force.py.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from alerter.extract import enforcement, force_figurative, force_none, force_prose, protest
from alerter.extract.force import unowned_war
from alerter.extract.force_told import figurative_hostage

# Natural disasters and accidents: what they kill or strike was not attacked.
DISASTERS = frozenset({
    "fire", "blaze", "wildfire", "bushfire", "flood", "flooding", "floodwater", "earthquake",
    "quake", "tremor", "storm", "hurricane", "typhoon", "cyclone", "tornado", "landslide",
    "mudslide", "avalanche", "tsunami", "eruption", "volcano", "crash", "collision",
    "accident", "derailment", "collapse", "stampede", "heatwave", "drought", "epidemic",
    "outbreak", "disease", "pandemic", "lightning", "rain", "rainfall", "snowstorm",
    "blizzard", "sinking", "capsize", "shipwreck", "famine", "virus", "coronavirus",
    "snowfall", "snow", "windstorm", "derecho", "monsoon",
    "covid-19", "covid",
    # "extreme heat kills more Americans than ..."
    "heat", "cold",
})
# Businesses: what they close or block is their own ("carmakers closed their plants").
BUSINESSES = frozenset({"company", "firm", "carmaker", "automaker", "maker", "manufacturer",
                        "retailer", "brand", "chain", "operator", "airline", "business",
                        "corporation", "producer", "supplier", "owner", "investor", "insurer",
                        "shop", "store", "restaurant", "factory"})
# What one strikes or hits in games and in talk, not in an attack: "struck a powerful shot",
# "hit the ball", "struck a balance".
NOT_STRUCK = frozenset({"shot", "ball", "goal", "balance", "chord", "note", "pose", "tone",
                        "bargain", "compromise", "deal", "agreement", "match", "penalty",
                        "record", "high", "low", "nerve", "jackpot", "milestone", "blow"})
# Words of spaceflight: a rocket launched with these is no attack.
SPACEFLIGHT = frozenset({"satellite", "orbit", "spaceport", "payload", "spacecraft", "astronaut",
                         "cosmodrome", "probe", "telescope", "launchpad"})
# A score: "beat Harbour City 3-1" is a game.
SCORE = re.compile(r"(?<![\d-])\d{1,2} ?[-–] ?\d{1,2}(?![\d-])")
# What troops may be sent to do that is no show of force: "to support vaccinations".
CIVIL_DUTIES = frozenset({"vaccination", "vaccine", "vaccinate", "covid-19", "relief",
                          "rescue", "firefighting", "evacuation", "cleanup", "testing",
                          "evacuate"})
# Words that make an explosion or a fire an attack: "a bomb explosion", "arson fire".
WEAPON_WORDS = frozenset({"bomb", "car", "suicide", "arson", "grenade", "rocket", "missile",
                          "mortar", "artillery", "terrorist", "ied", "gunfire",
                          # "attacked by enemy small arms fire", "sniper fire"
                          "enemy", "arm", "arms", "sniper", "gun", "machine", "tank"})
# What a withdrawal may take back without a retreat: recognition and envoys (a
# diplomatic sanction), offers, bids, candidacies, complaints and orders.
NOT_WITHDRAWN = frozenset({"recognition", "ambassador", "envoy", "nomination", "candidacy",
                           "bid", "application", "complaint", "order", "offer", "proposal",
                           "license", "licence", "permit", "visa", "charge", "lawsuit", "suit",
                           "funding", "name", "statement", "remark", "accreditation"})
# Operations that are no attack: "launched an asset seizure operation".
CIVIL_OPERATIONS = frozenset({"seizure", "rescue", "relief", "humanitarian", "evacuation",
                              "search", "recovery", "cleanup", "sting", "undercover",
                              "peacekeeping", "salvage", "repatriation", "vaccination",
                              "fundraising", "business", "commercial", "financial",
                              "banking", "shipping", "mining", "logging", "trading",
                              "influence", "disinformation", "procurement", "smuggling"})
# Exercises held with partners: cooperation, not a MOBILIZE.
JOINT = frozenset({"joint", "combined", "bilateral", "trilateral", "multilateral",
                   "multinational", "cyber", "tabletop"})


def misread(trigger: Token, type_name: str) -> bool:
    """Give whether a trigger of ours is not the event its word suggests: a war nobody is
    named as waging, a withdrawal of something other than forces, or a disaster."""
    if type_name == "ASSAULT" and (unowned_war(trigger) or figurative_hostage(trigger)):
        return True  # "the war in Ukraine", "take our economy hostage"
    if type_name == "ASSAULT" and any(
            m.lemma_.lower() in CIVIL_OPERATIONS for c in trigger.children
            if c.dep_ == "dobj" and c.lemma_ == "operation" for m in c.children):
        return True  # "launched an asset seizure operation", "a rescue operation"
    if type_name == "ASSAULT" and any(
            m.lemma_.lower() in CIVIL_DUTIES for c in trigger.children
            if c.dep_ == "dobj" and c.lemma_ == "operation" for m in c.children
            if m.dep_ in ("acl", "relcl")):
        return True  # "conducted an operation to evacuate U.S. personnel"
    if type_name == "RETREAT" and trigger.pos_ == "NOUN" and any(
            g.lemma_.lower() in NOT_WITHDRAWN for c in trigger.children
            if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"):
        return True  # "the withdrawal of its recognition": a diplomatic sanction
    if type_name == "ASSAULT" and (force_figurative.figurative_attack(trigger)
                                   or force_figurative.figurative_kill(trigger)):
        return True  # "the attack on reproductive rights", "would kill jobs"
    if type_name == "RETREAT" and (force_figurative.civil_withdrawal(trigger)
                                   or force_figurative.civil_retreat(trigger)):
        return True  # "a retreat of inventory accumulation", "confidence retreated"
    if type_name == "INVESTIGATE" and enforcement.not_inquiry(trigger):
        return True  # "the Hope Probe", "a home energy audit"
    if type_name == "PROTEST" and protest.not_protest(trigger):
        return True  # "rallied behind Ukraine", "a demonstration of leadership"
    if type_name == "MOBILIZE" and (force_figurative.civil_deployment(trigger)
                                    or force_figurative.civil_deploying(trigger)):
        return True  # "the deployment of EV chargers", "deployed 600 firefighters"
    if type_name == "MOBILIZE" and any(c.lower_ in JOINT for c in trigger.children
                                       if c.dep_ in ("amod", "compound")):
        return True  # "joint military exercises": cooperation, not one side's show of force
    if type_name == "ASSAULT" and trigger.lemma_ == "launch" and any(
            t.lemma_.lower() in SPACEFLIGHT for t in trigger.sent):
        return True  # "launched a rocket with 20 satellites": a spaceflight
    if type_name == "ASSAULT" and trigger.pos_ == "VERB" and game(trigger):
        return True  # "United beat City 3-1", "he struck a powerful shot"
    if type_name == "COERCE" and trigger.lemma_ in ("close", "block") and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in BUSINESSES | DISASTERS | {"wind"}
            for c in trigger.children):
        return True  # "carmakers closed their plants", "storms closed roads"
    if type_name == "COERCE" and trigger.lemma_ == "seize" and not any(
            c.dep_ in ("dobj", "obj", "nsubjpass") for c in trigger.children) and any(
            (c.dep_ == "prt" and c.lower_ == "up")
            or (c.dep_ == "prep" and c.lower_ in ("on", "upon")) for c in trigger.children):
        return True  # "credit markets seized up", "critics seized on the remarks"
    if type_name == "ASSAULT" and (force_prose.figurative_hit(trigger) or
                                   force_prose.dismissed(trigger) or
                                   force_prose.impressed(trigger) or
                                   force_prose.vaccine_shot(trigger) or
                                   force_prose.statistic(trigger)):
        return True  # "hit hard by the downturn", "fired from his job", "struck by"
    if type_name == "MOBILIZE" and force_prose.civil_deployed(trigger):
        return True  # "has responders deployed to", "$44 million deployed into startups"
    if type_name == "RETREAT" and force_prose.given_up(trigger):
        return True  # "abandon its pursuit of a weapon", "abandoned buildings"
    if (type_name == "PROTEST" and (force_prose.led_along(trigger) or
                                    force_prose.shown(trigger))) or (
            type_name == "COERCE" and (force_prose.politics_blocked(trigger) or
                                       force_prose.gap_closed(trigger))):
        return True  # "marching the country toward a shutdown", "block the agenda"
    return natural(trigger, type_name) or force_none.misread(trigger, type_name)


def game(verb: Token) -> bool:
    """Give whether a verb of force tells of a game or a manner of speaking: a score
    beside it ("beat City 3-1"), or something struck that is no target ("struck a shot")."""
    if verb.lemma_ in ("beat", "defeat", "thrash", "crush", "rout", "edge") and \
            SCORE.search(verb.sent.text):
        return True
    return verb.lemma_ in ("strike", "hit") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in NOT_STRUCK for c in verb.children)


def natural(trigger: Token, type_name: str) -> bool:
    """Give whether a force verb tells of a disaster or an accident, not an attack or a
    deployment: "a fire kills 12", "an earthquake strikes", "killed in a landslide",
    "troops deployed to help with rising floodwaters"."""
    if type_name == "ASSAULT":
        causes = [c for c in trigger.children if c.dep_ == "nsubj"]
        causes += [g for c in trigger.children
                   if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "in", "after", "from")
                   for g in c.children if g.dep_ == "pobj"]
        causes += [g for v in trigger.conjuncts for c in v.children
                   if c.dep_ == "prep" and c.lower_ == "in"
                   for g in c.children if g.dep_ == "pobj"]  # "killed or injured in a fire"
        token = trigger
        for _ in range(3):
            # "a fire breaks out, killing 12", "flooding continues, with 176 killed"
            if token.dep_ not in ("advcl", "conj", "acl", "pcomp", "prep", "relcl", "xcomp") or \
                    token.head.i == token.i:
                break
            token = token.head
            if token.pos_ in ("NOUN", "PROPN"):
                causes.append(token)
                break
            causes += [c for c in token.children if c.dep_ == "nsubj"]
        # "the wildfires that burned ..., and destroyed hundreds of homes", the verb
        # misread as the main clause's
        return any(_disaster(c) for c in causes) or (trigger.lemma_ == "destroy" and any(
            t.lemma_.lower() in DISASTERS and t.pos_ == "NOUN" for t in trigger.sent))
    if type_name == "MOBILIZE":
        return any(t.lemma_.lower() in DISASTERS | CIVIL_DUTIES for c in trigger.children
                   if c.dep_ in ("advcl", "xcomp", "prep", "acl") for t in c.subtree)
    return False


def _disaster(noun: Token) -> bool:
    head = noun
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    words = [t.lemma_.lower() for t in head.subtree if t.i <= head.i]
    return head.lemma_.lower() in DISASTERS and not any(w in WEAPON_WORDS for w in words)
