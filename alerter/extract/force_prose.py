"""Force and protest words used in a manner of speaking, common in random government prose
(issue 10, round 6; the examples are ours): communities "hit hard" by a downturn, a
figure that "hit a record", workers "fired" from their jobs, a speaker "struck by" what
she saw, lawmakers "marching the country toward a shutdown", a law that "blocked access to
the ballot box".

Called from force_misread.py (`misread`).
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract.clauses import subject_of
from alerter.extract.participants import participants_in, phrase_tokens

# What hits in an attack: weapons, strikes and armed men ("missiles hit a block of flats",
# "was hit by bombs", "hit the port with drones").
ARMS = frozenset({"missile", "rocket", "drone", "uav", "bomb", "shell", "artillery", "airstrike",
                  "strike", "mortar", "grenade", "bullet", "gunfire", "fire", "torpedo",
                  "projectile", "explosive", "ied", "munition", "warplane", "jet", "aircraft",
                  "helicopter", "tank", "sniper", "gunman", "attacker", "force", "troop",
                  "soldier", "army", "military", "militant", "rebel", "insurgent", "terrorist",
                  "fighter", "militia", "barrage", "salvo", "volley", "shelling",
                  "bombardment", "attack", "raid", "shot", "weapon"})
# What hits that is weather or hard times: "Cyclone Winston hits Fiji", "the downturn hit".
WEATHER = frozenset({"cyclone", "hurricane", "typhoon", "storm", "snowfall", "snow", "snowstorm",
                     "earthquake", "quake", "flood", "flooding", "tornado", "wildfire", "fire",
                     "heatwave", "drought", "tsunami", "blizzard", "rain", "wind", "windstorm",
                     "crisis", "recession", "pandemic", "downturn", "shock", "inflation",
                     "derecho", "monsoon", "virus", "outbreak", "epidemic", "disaster"})
# What is hit in an attack when a party is the subject: "Russia hit the city".
TARGETS = frozenset({"target", "position", "base", "city", "town", "village", "hospital",
                     "school", "infrastructure", "grid", "ship", "vessel", "tanker", "convoy",
                     "building", "facility", "plant", "port", "airport", "depot", "camp",
                     "headquarters", "stronghold", "outpost", "station", "bridge", "market",
                     "apartment", "civilian", "troop", "force", "soldier", "embassy", "capital"})
# Verbs said with "fire" of a job: "fired or punished", "fire or retaliate against".
JOB_VERBS = frozenset({"punish", "demote", "discipline", "retaliate", "hire", "suspend",
                       "harass", "promote", "penalize", "penalise", "lay", "furlough",
                       "reprimand", "blacklist", "intimidate"})
JOBS = frozenset({"job", "position", "post", "office", "role", "company", "firm", "employment"})
COURTS = frozenset({"court", "judge", "justice", "congress", "legislature", "voter"})
# What a shot is given with: "a booster shot", "get your flu shot".
VACCINES = frozenset({"booster", "flu", "vaccine", "vaccination", "covid-19", "covid", "dose",
                      "jab", "vaccinate", "immunization", "immunisation"})
# What forces give up in a retreat: ground held, or a treaty ("abandoned their positions",
# "abandoned the town", "abandoned the arms control treaty"); not "abandon its pursuit of a
# nuclear weapon", "abandon communities", "abandon the proposed acquisition".
GROUND = frozenset({"position", "post", "base", "town", "city", "village", "territory", "area",
                    "region", "stronghold", "outpost", "checkpoint", "front", "line", "garrison",
                    "airport", "airfield", "bridge", "hill", "camp", "headquarters", "trench",
                    "province", "district", "capital", "port", "island", "treaty", "pact",
                    "accord", "agreement", "weapon", "equipment", "vehicle", "tank", "mission"})
FIGHTERS = frozenset({"troop", "force", "soldier", "army", "fighter", "militant", "rebel",
                      "militia", "unit", "insurgent", "guerrilla", "military", "garrison",
                      "battalion", "brigade", "division", "regiment", "commander", "crew"})
# What is "closed" that is no place: "close the housing supply shortfall", "close loopholes".
GAPS = frozenset({"gap", "shortfall", "deficit", "loophole", "divide", "chapter", "deal",
                  "account", "case", "sale", "transaction", "round", "year", "quarter",
                  "session", "disparity", "shortage", "hole", "distance", "door"})
# Words of a rate, which make a toll a statistic: "kills 40,000 people annually", "killed
# by a gun every single day", "shootings that happen every day".
RATES = frozenset({"annually", "yearly", "daily"})
PERIODS = frozenset({"day", "year", "week", "month", "hour", "minute"})
# Who and what is deployed that is no force: responders and money ("has responders
# deployed to the operations centres", "$44 million has been deployed into startups").
CIVIL_DEPLOYED = frozenset({"responder", "firefighter", "rescuer", "medic", "nurse", "doctor",
                            "volunteer", "inspector", "engineer", "staff", "expert", "team",
                            "crew", "worker", "lineman",
                            "million", "billion", "dollar", "fund", "capital", "money",
                            "resource", "investment", "$"})
# What is deployed as a force: anything of these makes it a MOBILIZE.
FORCES_DEPLOYED = frozenset({"troop", "soldier", "force", "army", "military", "marine",
                             "warship", "ship", "jet", "aircraft", "missile", "tank", "unit",
                             "battalion", "brigade", "personnel", "guard", "police",
                             "peacekeeper", "drone", "bomber", "submarine", "battery"})
# Programmes and trials called demonstrations: "a healthy foods incentive demonstration",
# "housing demonstrations", "a pilot demonstration project".
PROGRAMMES = frozenset({"incentive", "pilot", "project", "program", "programme", "housing",
                        "technology", "model", "payment", "care", "food", "energy", "hydrogen",
                        "reactor", "plant", "capture", "storage", "vehicle", "fuel", "nutrition",
                        "health", "grant", "research", "scale", "commercial", "proof", "concept",
                        "product", "system", "site", "flight", "test", "ebt", "multifamily"})
# Who shows up in a protest's "of" phrase: "a demonstration of thousands of workers".
CROWD = frozenset({"thousand", "hundred", "dozen", "people", "worker", "student", "supporter",
                   "protester", "citizen", "resident", "farmer", "woman", "man", "member",
                   "activist", "youth", "nurse", "teacher", "doctor", "employee", "union"})
# What "marches" up or down in a manner of speaking: "interest rates marched lower".
MEASURES = frozenset({"rate", "price", "yield", "inflation", "cost", "number", "figure", "index",
                      "market", "economy", "wage", "growth", "unemployment", "share", "stock"})
# Where one is fired upon: "were fired on", "fired at the crowd".
FIRED_AT = frozenset({"at", "on", "upon", "into", "toward", "towards", "across", "over"})
# A march along a way is still a march: "marched the streets of the capital".
WAYS = frozenset({"street", "road", "avenue", "route", "mile", "kilometre", "kilometer",
                  "length", "boulevard", "square", "bridge", "path"})
# What is blocked in politics and finance, not by force: "block the President's agenda",
# "blocked Black voters' access to the ballot box", "blocking access to funding channels".
POLICIES = frozenset({"agenda", "bill", "legislation", "law", "plan", "nomination", "rule",
                      "proposal", "reform", "program", "programme", "effort", "vote", "measure",
                      "progress", "investment", "confirmation", "appointment", "regulation",
                      "cancelation", "cancellation", "relief", "forgiveness", "protection"})
CIVIL_ACCESS = frozenset({"ballot", "box", "vote", "voting", "poll", "care", "healthcare",
                          "abortion", "contraception", "service", "benefit", "credit", "capital",
                          "justice", "education", "housing", "insurance", "opportunity",
                          "treatment", "coverage", "market", "program", "programme", "funding",
                          "fund", "finance", "financing", "channel", "system", "information",
                          "medication", "medicine", "counsel", "court", "loan", "banking"})


def figurative_hit(verb: Token) -> bool:
    """Give whether "hit" is no blow: "hit hard by the downturn", "unemployment hit 10
    percent", "we hit every milestone"; not "missiles hit a tower", "was hit by bombs",
    "hit the port with drones", "Russia hit the city"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "hit":
        return False
    if any(c.dep_ == "advmod" and c.lemma_.lower() in ("hard", "harder", "hardest")
           for c in verb.children):
        return True  # "hit hard by", "hit people of color harder"
    hitters = [c for c in verb.children if c.dep_ in ("nsubj", "agent")
               or (c.dep_ == "prep" and c.lower_ == "with")]
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        hitters.append(verb.head)  # "the missiles that hit the tower"
    words = [t for h in hitters for t in h.subtree]
    if any(t.lemma_.lower() in WEATHER for t in words) and not any(
            (t.lemma_.lower() in ARMS and t.lemma_.lower() != "fire")
            or t.lemma_.lower() in ("gun", "enemy", "hostile", "automatic") for t in words):
        return True  # "Cyclone Winston hits Fiji"; not "hit by enemy fire"
    if any(t.lemma_.lower() in ARMS or t.lower_ in ARMS for t in words):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return True  # "hit Russia with sanctions", "hit us with higher prices"
    hit = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    party = any(c.dep_ == "nsubj" and participants_in(phrase_tokens(c)) for c in verb.children)
    return not (party and any(participants_in(phrase_tokens(h)) or any(
        t.lemma_.lower() in TARGETS for t in h.subtree) for h in hit))


def dismissed(verb: Token) -> bool:
    """Give whether "fire" tells of a job lost: "protect workers from being fired or
    punished", "fire or retaliate against workers", "fired from his job"; not "shots were
    fired at the crowd", "troops fired on protesters"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "fire":
        return False
    if any(c.lemma_.lower() in JOB_VERBS for c in [*verb.conjuncts]) and not any(
            c.dep_ == "prep" and c.lower_ in FIRED_AT for c in verb.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ in FIRED_AT for c in verb.children) or any(
            c.dep_ == "nsubj" and c.lemma_.lower() in FIGHTERS | ARMS for c in verb.children):
        return False  # "troops fired from a military post at protesters": shots
    return any(g.lemma_.lower() in JOBS for c in verb.children
               if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
               if g.dep_ == "pobj")


def impressed(verb: Token) -> bool:
    """Give whether "struck" tells of a feeling, a bargain or a ruling: "I was struck by
    the energy here", "the deal struck in Geneva", "segregation was struck down by the
    Court"; not "the convoy was struck by a drone"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "strike":
        return False
    if any(c.dep_ == "nsubjpass" and c.lower_ in ("i", "we") for c in verb.children):
        return True
    if any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children) and any(
            g.lemma_.lower() in COURTS for c in verb.children if c.dep_ == "agent"
            for g in c.children if g.dep_ == "pobj"):
        return True
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in (
        "deal", "agreement", "bargain", "balance", "compromise", "accord")


def led_along(verb: Token) -> bool:
    """Give whether "march" takes something led along, no protest: "marching our country
    toward a shutdown"; not "thousands marched the streets"."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() == "march" and any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in WAYS for c in verb.children)


def politics_blocked(verb: Token) -> bool:
    """Give whether "block" stops a policy or someone's access to a service, no blockade
    or seizure: "try to block the President's agenda", "taxes that blocked Black
    Americans' access to the ballot box", "blocking access to new funding channels"; not
    "blocked access to the port", "blocked the road to the border"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "block":
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if any(o.lemma_.lower() in POLICIES for o in objects):
        return True
    reached = [g for o in objects if o.lemma_.lower() == "access" for c in o.children
               if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return any(t.lemma_.lower() in CIVIL_ACCESS for g in reached
               for t in [g, *(c for c in g.children if c.dep_ in ("compound", "amod"))])


def vaccine_shot(trigger: Token) -> bool:
    """Give whether "shot" is a jab: "eligible for a booster shot", "get their flu shot";
    not "three students were shot outside the school"."""
    return trigger.lower_ in ("shot", "shots") and (
        trigger.head.lemma_.lower() in VACCINES or any(
            t.lemma_.lower() in VACCINES for t in trigger.doc[max(trigger.i - 2, 0):trigger.i]))


def given_up(verb: Token) -> bool:
    """Give whether "abandon" gives up something that is no ground, treaty or arms, and
    no fighters do it: "abandon its pursuit of a nuclear weapon", "abandon communities hit
    by disasters", "abandoned buildings"; not "the rebels abandoned the town", "Russian
    troops abandoned their positions", "abandoned the arms control treaty"."""
    if verb.lemma_.lower() != "abandon":
        return False
    if verb.dep_ == "amod" or verb.pos_ != "VERB":
        return True  # "abandoned buildings", "abandoned mine land"
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in POLICIES | {"budget", "cr", "resolution"}
           for c in verb.children):
        return True  # "the stopgap bill would abandon towns struck by floods"
    left = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if any(t.lemma_.lower() in GROUND or t.ent_type_ in ("GPE", "LOC", "FAC")
           for c in left for t in [c, *c.conjuncts]):
        return False
    head = verb
    while head.dep_ in ("conj", "xcomp") and head.head.i != head.i and not any(
            c.dep_ == "nsubj" for c in head.children):
        head = head.head  # "troops were forced to abandon", "retreated and abandoned"
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(t.lemma_.lower() in FIGHTERS for s in subjects for t in s.subtree)


def shown(trigger: Token) -> bool:
    """Give whether a protest word tells of showing or a trial, or figures moving: "the
    unity demonstrated by the UN", "demonstrations of interfaith solidarity", "a
    demonstration that we can build it here", "a healthy foods incentive demonstration",
    "interest rates marched lower"; not "thousands demonstrated against the tax", "a
    demonstration of thousands of nurses"."""
    word = trigger.lemma_.lower()
    if word == "demonstrate" and trigger.pos_ == "VERB" and (any(
            t.lower_ == "that" and t.dep_ == "mark" for t in trigger.subtree) or any(
            c.dep_ == "prep" and c.lower_ == "to" for c in trigger.children) or (
            trigger.i > 1 and trigger.doc[trigger.i - 1].lower_ in (",", "and", "or")
            and trigger.doc[trigger.i - 2].pos_ == "ADJ")):
        return True  # "demonstrates (to the world) that", "tangible, demonstrated changes"
    if word == "demonstrate" and trigger.pos_ == "VERB":
        return trigger.dep_ in ("acl", "amod") or any(
            c.dep_ in ("auxpass", "agent", "ccomp") for c in trigger.children) or (
            trigger.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have"
                                              for c in trigger.children))
        # "the spirit demonstrated throughout the talks", "was demonstrated by"
    if word == "march" and trigger.pos_ == "VERB":
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in MEASURES for c in trigger.children)
    if word != "demonstration" or trigger.pos_ != "NOUN":
        return False
    if any(c.dep_ == "compound" and c.lemma_.lower() in PROGRAMMES for c in trigger.children):
        return True
    if any(c.dep_ in ("relcl", "acl") and any(g.dep_ == "mark" and g.lower_ == "that"
                                               for g in c.children)
           for c in trigger.children):
        return True
    after = trigger.doc[trigger.i + 1] if trigger.i + 1 < len(trigger.doc) else None
    if after is not None and after.lower_ == "that" and after.dep_ not in (
            "nsubj", "nsubjpass", "dobj", "obj"):  # not "demonstrations that turned violent"
        return True  # "a clear demonstration that the plan works"
    if after is None or after.lower_ != "of":
        return False
    # the phrase that follows "of", however the parser hung it
    shown_of = [t for t in after.subtree if t.pos_ in ("NOUN", "PROPN", "NUM")]
    return bool(shown_of) and not any(t.lemma_.lower() in CROWD or t.like_num
                                      for t in shown_of)


def gap_closed(verb: Token) -> bool:
    """Give whether "close" shuts a gap or a deal, no place: "close America's housing
    supply shortfall", "closing loopholes"; not "closed the border crossing"."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() == "close" and any(
        c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() in GAPS
        for c in verb.children)


def statistic(trigger: Token) -> bool:
    """Give whether a toll is told as a rate with no party doing it, a statistic and no
    one attack: "gun violence kills 40,000 people annually", "an average of 120 people are
    killed by a gun every single day"; not "Russia shelled Kharkiv every day"."""
    clause = list(trigger.subtree)
    rate = any(t.lower_ in RATES for t in clause) or any(
        t.lemma_.lower() in PERIODS and any(c.lower_ in ("every", "each", "per", "a")
                                            for c in t.children)
        for t in clause) or any(t.lower_ == "average" for t in clause)
    if not rate:
        return False
    doers = [c for c in trigger.children if c.dep_ in ("nsubj", "agent")]
    shared = subject_of(trigger)  # "the regime's forces continue to kill protesters"
    if shared is not None and shared not in doers:
        doers.append(shared)
    return not any(participants_in(phrase_tokens(t)) for d in doers for t in d.subtree) \
        and not any(d.lemma_.lower() in FIGHTERS or d.lower_ == "regime" for d in doers)


def civil_deployed(verb: Token) -> bool:
    """Give whether "deployed" sends responders or money, no forces: "has responders
    deployed to the operations centres", "$44 million has been deployed into startups";
    not "hundreds of troops were deployed to the border"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("deploy", "redeploy", "station"):
        return False
    sent = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj", "obj")]
    if verb.dep_ == "acl":
        sent.append(verb.head)  # "has responders deployed to ..."
    if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        sent += [c for c in verb.children if c.dep_ == "nsubj"]  # "has crews deployed"
    words = {t.lemma_.lower() for c in sent for t in c.subtree} | {
        t.lower_ for c in sent for t in c.subtree}
    return bool(words & CIVIL_DEPLOYED) and not words & FORCES_DEPLOYED
