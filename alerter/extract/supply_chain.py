"""Military supply told through parts and materials (issue 10, round 5: Treasury's
designation prose on arms supply chains).

A supply verb whose goods are parts, materials or equipment of no item class is a
military supply when the goods or the ones who get them are tied to weapons in the
sentence itself: "supplying components to companies that produce weapons for Russia",
"shipped chemical precursors used to make ballistic missiles", "exported items with UAV
applications to a Russian firm", "supplies the Russian defense industry with
electronics". Without such a tie it is trade, not aid ("sent aircraft parts to a
Russia-based buyer", "a firm supplying laser sources"); nor is the designation criteria's
"provided ... goods or services to" (goods and services are not among the parts).
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract import roles, supply_wording
from alerter.extract.participants import participants_in, phrase_tokens

Items = list[tuple[Token, list[Token]]]

# Parts and materials that go into weapons: goods of no item class of their own.
PARTS = frozenset({"component", "part", "equipment", "technology", "material", "item",
                   "electronic", "electronics", "microelectronic", "microelectronics",
                   "precursor", "chemical", "tool", "machinery", "bearing", "engine",
                   "servomotor", "device", "chip", "semiconductor", "propellant", "alloy",
                   "fiber", "fibre", "circuit", "commodity", "spare"})
# Words that tie the parts to weapons: what they make, or who makes it.
WEAPON_WORDS = frozenset({"weapon", "missile", "drone", "uav", "munition", "ammunition",
                          "arms", "explosive", "warhead", "artillery", "gunpowder", "ied",
                          "rocket", "military", "military-industrial"})
# "defense" ties only as the maker's trade: "the Russian defense industry", "defense
# companies", "defense-related enterprises" (not "self-defense", "missile defense").
DEFENSE = frozenset({"defense", "defence"})
MAKERS = frozenset({"industry", "industrial", "sector", "company", "enterprise", "firm",
                    "manufacturer", "entity", "plant", "factory", "base", "ministry",
                    "related", "end", "user", "establishment", "production"})


def _weapon_word(token: Token) -> bool:
    word = token.lemma_.lower()
    if word in WEAPON_WORDS or token.lower_ in WEAPON_WORDS:
        return True
    if token.lower_ not in DEFENSE:
        return False
    after = token.doc[token.i + 1: token.i + 3]
    return token.head.lemma_.lower() in MAKERS or any(
        t.lemma_.lower() in MAKERS for t in after if t.lower_ != "-")


def _part(token: Token) -> bool:
    return token.pos_ == "NOUN" and (token.lemma_.lower() in PARTS
                                     or token.lower_.removesuffix("s") in PARTS)


def _recipients(trigger: Token) -> list[Token]:
    """Give who gets the goods: the "to"/"for"/"into" objects of the verb, the dative, and
    an object that is no part ("supplies the Russian military with components")."""
    found = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("to", "for", "into")
             for g in c.children if g.dep_ == "pobj"]
    return found + [c for c in trigger.children if c.dep_ in ("dative", "dobj", "obj")
                    and not _part(c)]


# The giving verbs whose parts may be a military supply ("contribute", "hand" are not).
GIVING = frozenset({"supply", "provide", "deliver", "send", "ship", "transfer", "sell", "export",
                    "distribute", "furnish", "smuggle"})


def weapons_clause(verb: Token) -> bool:
    """Give whether a relative or participle clause tells a supply of weapons or their
    parts: "a firm that has supplied parts for use in Russian military equipment",
    "intermediaries supplying the Russian defense industry with components", "a carrier
    that has shipped ammunition to conflict zones", "efforts to supply weapons to the
    Houthis" (a designation's account of what the firm does, not a description of a kind
    of firm; "dealers who sell weapons" at a gun show are that)."""
    goods = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
             for g in c.children if g.dep_ == "pobj"]
    given = bool(goods) and any(c.dep_ in ("dobj", "obj") for c in verb.children)
    goods = goods or [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return (weapons_parts(verb, [(g, [g]) for g in goods]) and (given or _deed(verb))) or \
        _arms_given(verb, goods)


# Arms a clause may tell as given with no coded side; guns and firearms are mostly a
# domestic trade ("those who supply the firearms used in crime"), explosives a commercial
# one ("sells explosives to mining firms").
ARMS = supply_wording.ARMS | {"weapons", "rocket", "warhead", "artillery"}


def _nouns(goods: Token, compounds: bool = True) -> list[Token]:
    """Give the nouns a goods phrase names as goods: itself, its conjuncts and compounds,
    and what its "of" and "with" take ("tons of ammunition", "both X and Y with artillery
    shells"); not the nouns of a clause on it ("a bill that bans assault weapons")."""
    found, todo = [], [goods]
    while todo:
        token = todo.pop()
        found.append(token)
        todo += [c for c in token.children if c.dep_ == "conj"
                 or (compounds and c.dep_ == "compound")]
        todo += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "with")
                 for g in c.children if g.dep_ == "pobj"]
    return found


def _arms_given(verb: Token, goods: list[Token]) -> bool:
    """Give whether a clause gives arms as a deed done or aimed at someone: past or perfect
    ("has shipped ammunition"), the work of an effort ("efforts to supply weapons"), or
    with who gets them ("smuggles weapons to the Houthis"); not a habitual trade ("dealers
    who sell weapons")."""
    if verb.lemma_.lower() not in GIVING or not any(
            t.lemma_.lower() in ARMS or t.lower_ in ARMS for g in goods for t in _nouns(g)):
        return False
    return _deed(verb)


def _deed(verb: Token) -> bool:
    """Give whether a clause tells a deed rather than a firm's line of business: past or
    perfect, an effort's work, or with who gets the goods ("that provide chips to the
    defense industry", "supplying equipment for Iran's missile production"; not "an
    institute that provides solutions related to missile systems")."""
    done = verb.tag_ in ("VBD", "VBN") or (verb.dep_ == "acl" and verb.tag_ == "VB")
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return done or any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in (
        "to", "into", "for")) for h in holders for c in h.children)


def weapons_parts(trigger: Token, items: Items) -> bool:
    """Give whether a supply verb's goods are parts or materials tied to weapons by the
    goods' own phrase ("dozens of shipments of items with drone uses") or by who gets
    them (see the module)."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in GIVING:
        return False
    if not any(_part(t) for head, _ in items for t in _nouns(head, compounds=False)):
        # "items with drone uses"; not "solutions for modern equipment", nor "material
        # support" (the designation criteria's)
        return False
    goods = [list(head.subtree) for head, _ in items]
    goods += [list(g.subtree) for head, _ in items for c in head.children if c.dep_ == "prep"
              and c.lower_ in ("to", "for", "into") for g in c.children if g.dep_ == "pobj"]
    phrases = goods + [list(r.subtree) for r in _recipients(trigger)]
    return any(_weapon_word(t) for phrase in phrases for t in phrase)


def military_goods(trigger: Token, items: Items) -> bool:
    """Give whether a supply verb whose items name no class gives weapons after all: parts
    tied to weapons (`weapons_parts`), or arms the parse hides deeper in what it takes
    ("thousands of tons of ammunition", "both the army and the rebels with weapons")."""
    if weapons_parts(trigger, items):
        return True
    goods = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    goods += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"
              for g in c.children if g.dep_ == "pobj"]
    return trigger.pos_ == "VERB" and _arms_given(trigger, goods)


# What a country is given "to defend itself": the war aims a need clause names.
WAR_AIMS = frozenset({"defend", "fight", "win", "prevail", "protect", "resist", "repel",
                      "recapture", "counter", "deter", "defeat", "liberate"})
# Goods that say nothing of their kind but what they are needed for: "the support it needs",
# "what it needs"; a kind word ("the financial support it needs") keeps its own kind.
UNNAMED = frozenset({"what", "support", "assistance", "aid", "help", "equipment", "capability",
                     "resource", "tool", "thing"})
KIND_WORDS = frozenset({"financial", "economic", "budget", "budgetary", "humanitarian",
                        "fiscal", "macroeconomic", "energy", "development", "direct"})


def _need_clause(trigger: Token) -> Token | None:
    """Give the "need" verb that tells what the goods are for: "provide Ukraine with what it
    needs to defend itself", "give Ukraine the support it needs to prevail"."""
    goods = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"
             for g in c.children if g.dep_ in ("pobj", "pcomp")]
    goods += [c for c in trigger.children if c.dep_ in ("dobj", "obj", "pcomp")]
    for good in goods:
        for verb in (good, *good.children):
            if verb.lemma_ in ("need", "require") and verb.pos_ == "VERB":
                return verb
    return None


def war_needs(trigger: Token, items: Items) -> bool:
    """Give whether a giving verb gives a named country what it needs for its war, with no
    other kind named: "will provide Ukraine with what it needs to defend itself", "is
    determined to give Ukraine the support it needs to win" (military, not the
    economic of a bare "assistance"; not "the financial support it needs", nor "give them
    the support they need to thrive")."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in GIVING | {"give", "get"}:
        return False
    need = _need_clause(trigger)
    if need is None or not any(c.dep_ in ("xcomp", "advcl") and c.lemma_ in WAR_AIMS
                               for c in need.children):
        return False
    if any(head.lemma_.lower() not in UNNAMED or any(t.lower_ in KIND_WORDS for t in tokens)
           for head, tokens in items):
        return False
    sides = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "dative")]
    return any(p[2] and p[2] != "USA" for s in sides for p in participants_in(phrase_tokens(s)))


def firm_supplies(trigger: Token, anchor: Token) -> bool:
    """Give whether a supply verb in a sanctions release names its own giver, uncoded: "OFAC
    designated X, a carrier that has shipped arms to Libya" (the carrier's, not the
    United States' deed), or one who arranged it ("X, who facilitated the transfer of
    weapons to the militants")."""
    if trigger.pos_ != "VERB":
        return trigger.head.lemma_ in ARRANGING and roles.own_doer(trigger.head)
    return anchor.i == trigger.i and roles.own_doer(trigger)


# Verbs by which a go-between arranges a supply: "facilitated the transfer of weapons to X".
ARRANGING = frozenset({"facilitate", "arrange", "coordinate", "organize", "organise",
                       "broker", "oversee", "finance"})
# Supply nouns a go-between arranges.
SUPPLY_NOUNS = frozenset({"transfer", "shipment", "sale", "delivery", "supply", "provision",
                          "export", "consignment"})
# Goods that are arms whatever the sentence says of them.
ARMED_GOODS = ARMS | {"uav", "uavs", "materiel", "ammunition", "munitions", "missiles",
                      "drones", "explosive"}


def arranged(trigger: Token, governor: Token | None, type_name: str) -> bool:
    """Give whether a supply noun of arms is the object of a go-between's verb: "facilitated
    the transfer of money and weapons to the fighters", "coordinated the shipment of
    drones to Russia" (a designation's account of the deed: it happened). Money, fuel or
    oil so arranged are left to the other rules."""
    if type_name != "AID" or governor is None or governor.lemma_ not in ARRANGING or \
            trigger.lemma_.lower() not in SUPPLY_NOUNS or governor.pos_ != "VERB":
        return False
    if trigger.head.i != governor.i and not (trigger.dep_ == "conj"
                                             and trigger.head.head.i == governor.i):
        return False  # "facilitated the sale and shipment of engines"
    goods = [g for x in (trigger, *trigger.conjuncts) for c in x.children
             if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(t.lemma_.lower() in ARMED_GOODS or t.lower_ in ARMED_GOODS
               for g in goods for t in _nouns(g))
