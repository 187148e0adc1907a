"""Force words used of things that are no force, common in government prose (issue 10,
fresh government text): an "attack on reproductive rights" is no ASSAULT, and the
"deployment of EV chargers" or "clean energy deployment" is no MOBILIZE.

Called from alerter/extract/force.py's `misread`.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract.participants import participants_in, phrase_tokens

# What is attacked in a manner of speaking: rights, freedoms, values, care.
ABSTRACT_TARGETS = frozenset({"right", "freedom", "liberty", "value", "care", "healthcare",
                              "access", "choice", "privacy", "dignity", "truth", "science",
                              "integrity", "reputation", "character", "credibility",
                              "health", "safety", "contraception", "abortion", "education",
                              "equality", "autonomy", "wellbeing", "well-being",
                              "constitution", "democracy", "institution", "norm", "election",
                              "vote", "voting", "process", "independence", "problem"})
# Attacks made of words or laws: "these political attacks" (not "verbal and physical
# attacks against Jewish businesses", which are also physical).
WORDY = frozenset({"political", "partisan", "legislative", "verbal", "rhetorical", "personal",
                   "ideological"})
PHYSICAL = frozenset({"physical", "violent", "armed", "terrorist", "deadly", "military"})
# What an attack on a network or trade means in policy prose, not force: "attack criminal
# networks", "attack illicit finance" (a cyberattack names no such kind).
POLICED = frozenset({"criminal", "illicit", "trafficking", "smuggling", "financial",
                     "money", "laundering", "cartel"})
# What a court or a lawmaker "strikes down": "struck down the abortion ban".
STRUCK_DOWN = frozenset({"law", "ban", "rule", "ruling", "decision", "plan", "policy",
                         "regulation", "statute", "order", "provision", "program", "programme",
                         "mandate", "measure", "act", "bill", "precedent", "restriction",
                         "requirement", "protection", "right", "tariff", "map", "it"})
ATTACK_WORDS = frozenset({"attack", "assault"})
# Attackers in politics, whose attacks are words and laws: "relentless attacks by
# Republican lawmakers", "years of attacks from special interests".
POLITICAL = frozenset({"republican", "democrat", "lawmaker", "legislator", "politician", "maga",
                       "congress", "senator", "legislature", "governor", "judge", "court",
                       "interest", "critic", "commentator", "pundit", "official"})
# What is "killed" in a manner of speaking: "would kill hundreds of thousands of jobs",
# "regulation has killed it", "killed the bill".
NOT_KILLED = frozenset({"job", "bill", "deal", "plan", "idea", "proposal", "project",
                        "program", "programme", "competition", "innovation", "growth", "it",
                        "chance", "momentum", "hope", "legislation", "measure", "amendment",
                        "provision", "rule", "industry", "business", "economy", "demand",
                        "recovery", "investment", "dream", "market", "sale", "profit",
                        "productivity", "reform", "effort", "initiative", "talk"})
# Whom one "fires" from a job: "fired the inspector general".
DISMISSED = frozenset({"worker", "employee", "staff", "official", "director", "inspector",
                       "coach", "manager", "ceo", "chief", "secretary", "prosecutor",
                       "commissioner", "executive", "attorney", "general", "head", "people"})
# What may be deployed or mobilised as a show of force.
FORCES = frozenset({"troop", "troops", "force", "forces", "soldier", "personnel", "unit",
                    "army", "military", "navy", "marine", "reservist", "brigade", "battalion",
                    "division", "contingent", "regiment", "warship", "ship", "vessel",
                    "carrier", "submarine", "jet", "aircraft", "bomber", "fighter", "drone",
                    "missile", "weapon", "battery", "launcher", "system", "tank", "artillery",
                    "vehicle", "guard", "police", "reinforcement", "paratrooper", "asset",
                    "mercenary", "equipment"})
WITHDRAW_NOUNS = frozenset({"withdrawal", "retreat", "pullout", "drawdown"})
DEPLOY_NOUNS = frozenset({"deployment", "mobilisation", "mobilization", "buildup",
                          "build-up"})
# What a deployment in government prose is usually of: technology, energy, money.
CIVIL_MODIFIERS = frozenset({"energy", "clean", "wind", "solar", "charger", "broadband",
                             "internet", "technology", "commercial", "ai", "software",
                             "vaccine", "grid", "network", "cloud", "capital", "fund",
                             "ev", "pump", "infrastructure", "resource", "finance",
                             "private", "digital", "transmission", "hydrogen", "battery",
                             # "the first Open RAN deployment", "program deployment"
                             "ran", "5g", "program", "programme", "project"})
# What a withdrawal noun's modifier says is taken back that is no force: "a mineral
# withdrawal" (land closed to mining), "the withdrawal of monetary accommodation".
CIVIL_WITHDRAWALS = frozenset({"mineral", "land", "cash", "monetary", "stimulus", "liquidity",
                               "deposit", "fund", "capital", "policy", "support", "tax",
                               "retirement", "savings", "account", "fiscal", "credit"})
# A retreat that is a gathering: "a weekend retreat", "the annual leadership retreat".
GATHERINGS = frozenset({"annual", "weekend", "leadership", "legislative", "policy", "issue",
                        "member", "staff", "spiritual", "corporate", "summer", "winter",
                        "strategy", "leader", "caucus", "board", "team", "faith", "day"})
GATHERING_VERBS = frozenset({"attend", "host", "hold", "join", "organize", "organise"})
# Who may withdraw or retreat in a fight or from a treaty, when no code names them.
FIGHTERS = frozenset({"rebel", "militant", "fighter", "insurgent", "militia", "separatist",
                      "guerrilla", "jihadist", "enemy", "regime", "government", "country",
                      "nation", "state", "ally", "coalition", "side", "administration",
                      "occupier", "invader", "platoon", "company", "squad", "patrol",
                      "convoy", "corporal", "sergeant", "officer", "commander", "captain",
                      "lieutenant", "colonel", "general", "he", "she", "they", "we", "i"})
RETREAT_VERBS = frozenset({"withdraw", "retreat", "pull", "move"})
# Businesses leaving a country or a market: "companies withdrawing from Russia".
BUSINESSES = frozenset({"company", "firm", "bank", "business", "institution", "provider",
                        "investor", "corporation", "brand", "retailer", "lender", "seller",
                        "insurer", "manufacturer", "buyer", "dealer", "trader", "participant",
                        "shareholder", "depositor", "saver", "user", "customer"})
# What one withdraws or retreats from that is no place, treaty or body: "retreating from
# our leadership role", "withdrawing from correspondent banking relationships".
NOT_LEFT = frozenset({"role", "leadership", "commitment", "responsibility", "obligation",
                      "market", "relationship", "business", "competition", "race", "contest",
                      "debate", "engagement", "stance", "position", "policy", "principle"})
# Who and what is sent in a disaster or a programme: "deployed 600 firefighters", "FEMA
# deployed personnel", "resources are deployed".
CIVIL_SENT = frozenset({"firefighter", "responder", "rescue", "rescuer", "search", "fema",
                        "medic", "nurse", "doctor", "volunteer", "inspector", "resource",
                        "fund", "supply", "staff", "advisor", "adviser", "engineer",
                        "contractor", "firefighting", "corps", "worker", "technology",
                        "tool", "software", "solution", "dollar", "investment", "money"})
MILITARY_SENT = frozenset({"troop", "soldier", "military", "army", "navy", "marine", "warship",
                           "brigade", "battalion", "combat", "missile", "fighter", "tank",
                           "force", "guard", "reservist"})
# Work on a thing, beside which a deployment is the thing's roll-out.
MAKING = frozenset({"development", "research", "production", "adoption", "design",
                    "testing", "manufacturing", "innovation", "procurement", "acquisition"})


def figurative_attack(trigger: Token) -> bool:
    """Give whether an attack word's target is a right or a value, not a party or a
    place: "laws meant to attack voting rights", "the attack on reproductive rights"."""
    if trigger.lemma_.lower() not in ATTACK_WORDS:
        return False
    kinds = {c.lower_ for c in trigger.children if c.dep_ == "amod"}
    kinds |= {k.lower_ for c in trigger.children if c.dep_ == "amod" for k in c.conjuncts}
    if kinds & WORDY and not kinds & PHYSICAL:
        return True  # "these political attacks", "partisan attacks on the agency"
    targets = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    targets += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                for g in c.children if g.dep_ == "pobj"]
    if trigger.dep_ in ("dobj", "obj"):
        # "is examining an assault on our Constitution": the parser hung "on" on the verb
        targets += [g for c in trigger.head.children if c.dep_ == "prep" and
                    c.lower_ in ("on", "against") and c.i == trigger.i + 1
                    for g in c.children if g.dep_ == "pobj"]
    targets += [t for g in targets for t in g.conjuncts]
    if any(m.lower_ in POLICED for t in targets for m in t.children
           if m.dep_ in ("amod", "compound")):
        return True  # "attack criminal networks", "attacks on illicit finance"
    if any(t.lemma_.lower() in POLITICAL for c in trigger.children
           if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")
           for g in c.children if g.dep_ == "pobj" for t in g.subtree):
        return True  # "attacks by Republican lawmakers"
    return bool(targets) and all(t.lemma_.lower() in ABSTRACT_TARGETS for t in targets)


def figurative_kill(verb: Token) -> bool:
    """Give whether "kill" is said of jobs, bills or markets, not of people ("tariffs would
    kill thousands of jobs", "some say regulation has killed it"), "fire" of kilns and
    staff ("fire up the kilns", "fired the inspector general"), "shell out" of money, or
    "strike down" of laws ("the court struck down the ban")."""
    if verb.lemma_.lower() == "shell" and any(c.dep_ == "prt" and c.lower_ == "out"
                                               for c in verb.children):
        return True  # "shelling out $1.5 billion to states"
    if verb.pos_ == "VERB" and verb.lemma_.lower() == "fire":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children) or any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in DISMISSED
            for c in verb.children)  # "fire up the kilns", "fired the inspector general"
    if verb.pos_ == "VERB" and verb.lemma_.lower() == "strike" and any(
            c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        return any(c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() in STRUCK_DOWN
                   for c in verb.children)  # "the court struck down the ban"
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "kill":
        return False
    killed = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    killed += [g for c in killed if c.like_num or c.lemma_.lower() in ("hundred", "thousand",
                                                                        "million")
               for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
               for g in p.children if g.dep_ == "pobj"]
    return any(c.lemma_.lower() in NOT_KILLED for c in killed)


def civil_deployment(trigger: Token) -> bool:
    """Give whether a deployment noun tells of rolling out things that are no forces:
    "the deployment of EV chargers", "clean energy deployment", "development, deployment
    and use of AI"; not "the deployment of 10,000 troops", "troop deployments"."""
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in DEPLOY_NOUNS:
        return False
    modifiers = [c for c in trigger.children if c.dep_ in ("amod", "compound")]
    if any(m.lemma_.lower() in FORCES for m in modifiers):
        return False
    if any(m.lemma_.lower() in CIVIL_MODIFIERS for m in modifiers):
        return True
    if trigger.dep_ == "conj" and trigger.head.lemma_.lower() in MAKING:
        return True
    return _of_no_forces(trigger)


def civil_deploying(verb: Token) -> bool:
    """Give whether a verb of deploying sends people or means that are no forces: "FEMA
    deployed federal personnel", "search and rescue personnel are deployed across Florida",
    "deployed 600 firefighters", "resources are deployed"; not "deployed troops" nor
    "the Army deployed soldiers to help"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("deploy", "mobilize", "mobilise",
                                                           "station", "redeploy"):
        return False
    sent = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj")]
    words = {t.lemma_.lower() for c in sent for t in c.subtree}
    return bool(words & CIVIL_SENT) and not words & MILITARY_SENT


def civil_withdrawal(trigger: Token) -> bool:
    """Give whether a withdrawal noun takes back something that is neither forces nor a
    party: "a retreat of inventory accumulation", "the withdrawal of funds"; not "the
    withdrawal of Eritrean forces", "the pullout of Russia from the treaty"."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.lemma_.lower() == "retreat" and (
            trigger.text == "Retreat" or trigger.head.lemma_.lower() in GATHERING_VERBS or any(
                c.dep_ in ("amod", "compound", "poss") and c.lemma_.lower() in GATHERINGS
                for c in trigger.children)):
        return True  # "a weekend retreat", "the Leaders' Retreat": a gathering
    return trigger.pos_ == "NOUN" and trigger.lemma_.lower() in WITHDRAW_NOUNS and (
        _of_no_forces(trigger) or any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in CIVIL_WITHDRAWALS
            for c in trigger.children))


def civil_retreat(verb: Token) -> bool:
    """Give whether a verb of withdrawing tells of no force or party pulling back: figures
    that "retreated", applications "withdrawn", "pull back the curtain", investors
    "withdrawing completely", users who "withdraw from their authorizations"; not "Russian
    troops withdrew", "rebels pulled out of the town", "the US withdrew from the treaty",
    "he withdrew under fire"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in RETREAT_VERBS:
        return False
    moved = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")
             and c.tag_ not in ("WDT", "WP")]  # "the village, which it left": a place
    if moved:
        return not any(_party_or_force(t) for t in moved)
    if any(g.lemma_.lower() in NOT_LEFT for c in verb.children
           if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"):
        return True  # "the United States is retreating from its leadership role"
    movers = [c for c in verb.children if c.dep_ == "nsubj"]
    head = verb
    while not movers and head.dep_ in ("xcomp", "conj", "ccomp", "advcl", "pcomp", "prep") \
            and head.head.i != head.i:
        head = head.head  # "ordered troops to withdraw", "Russia began to pull back"
        movers = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if head.dep_ == "relcl" and any(m.tag_ in ("WDT", "WP") for m in movers):
        movers = [head.head]  # "hundreds of companies that are withdrawing from Russia"
    if any(t.lemma_.lower() in BUSINESSES for m in movers for t in m.subtree):
        return True  # firms leaving a market are no retreat of forces
    left = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
            for g in c.children if g.dep_ == "pobj"]
    if verb.dep_ == "relcl" and any(t.tag_ in ("WDT", "WP") or (
            t.dep_ == "prep" and t.lower_ == "from") for t in [*left, *verb.children]):
        left.append(verb.head)  # "the town, which it withdrew from in May"
    return not any(_party_or_force(t) for t in movers) and not any(
        _party_or_force(t) or t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC")
        or t.lemma_.lower() in ("treaty", "agreement", "accord", "pact", "town", "city", "village",
                                "area", "region", "territory", "base", "country")
        for t in left)


def _party_or_force(token: Token) -> bool:
    """Give whether a word names forces, fighters or a party ("troops", "the rebels",
    "Russia", "they")."""
    word = token.lemma_.lower()
    return word in FORCES or token.lower_ in FORCES or word in FIGHTERS or \
        token.lower_ in FIGHTERS or bool(participants_in(phrase_tokens(token)))


def _of_no_forces(noun: Token) -> bool:
    """Give whether the noun's "of" phrase names what is moved and it is no force."""
    moved = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj"]
    # "30 gigawatts of offshore wind": the measured thing behind the measure word
    moved += [g for d in moved for c in d.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
    return bool(moved) and not any(
        t.lemma_.lower() in FORCES or t.lower_ in FORCES or participants_in(phrase_tokens(t))
        for t in moved)
