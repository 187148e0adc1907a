"""Checks on supply (AID) events that the goods and the sides decide.

- One mention, several kinds of help: "provided money and weapons to the RSF", "vital
  military and economic assistance" are two events (one per subtype), as a reader
  counts them.
- A giving verb with nobody on either side and no recipient is not help to another
  party: "deliver enhanced tax credit payments", "more than 100 million payments have
  been delivered", "terrorists giving money through hawalas" (domestic programmes and
  money flows).
- Troops sent with no foreign country at the other end are a country moving its own
  forces (MOBILIZE), not aid: "Turkey sends troops into a border province".
- A buying verb with nobody named ("acquired a permit", "obtain a contract") is a
  purchase, not a supply; a nuclear weapon acquired with no supplier named ("ensure
  Iran never acquires a nuclear weapon") is one a state would build.
- "Humanitarian assistance and disaster relief" with nobody coded names a field of
  cooperation (HADR), not help given.
- Money or goods that go to the home public, with no country abroad named ("delivered
  $37 billion to all states", "$37 million in federal funds for a project"), are a
  domestic programme (the check is in `home_aid`).
"""

from __future__ import annotations

from collections.abc import Callable, Container

from spacy.tokens import Token

from alerter.extract import assistance, home_aid, lexicon, supply_wording
from alerter.extract.participants import Found, participants_in, phrase_tokens

Items = list[tuple[Token, list[Token]]]
ClassOf = Callable[[list[Token]], "str | None"]

# Adjectives that name a kind of help only beside another kind: "military and economic
# assistance" (on its own, "economic" says nothing: "economic opportunity").
PAIRED_KINDS = {"economic": "economic", "financial": "economic", "budgetary": "economic",
                "development": "economic", "humanitarian": "humanitarian",
                "health": "humanitarian",
                "military": "military", "security": "military", "defense": "military",
                "defence": "military", "lethal": "military"}
# Goods that are a country's own forces: sent at home, they are a deployment.
FORCES = frozenset({"troop", "soldier", "force", "personnel", "unit", "battalion",
                    "brigade", "marine", "paratrooper"})
# Fighting sides that forces are sent to help: "sent troops to support the M23 rebels".
SIDES = frozenset({"rebel", "force", "militia", "regime", "army", "government", "fighter"})
# Nouns whose "in"/"of" + gerund is the act itself: "Iran's involvement in supplying".
SHARE_NOUNS = frozenset({"involvement", "role", "participation", "part", "complicity"})
# Words that make goods a domestic programme's: "student debt relief", "tax credit
# payments", "rental assistance", "mortgage relief".
DOMESTIC = frozenset({"debt", "tax", "mortgage", "rent", "rental", "student", "housing",
                      "unemployment", "pension", "homeowner"})
# Purpose verbs whose object is the one helped: "$8 billion to help Ukraine respond".
HELPING = frozenset({"help", "assist", "support", "enable", "aid", "bolster", "strengthen",
                     "train", "equip", "advise"})
# Buying verbs: a nuclear weapon "acquired" with no supplier named is one a state would
# build, not one it would be given.
BUYING = frozenset({"acquire", "obtain", "buy", "purchase"})
# Where a giving verb or its goods name who gets them.
_RECIPIENT_PREPS = frozenset({"to", "for", "into", "toward", "towards", "with"})


def _kind_word(token: Token) -> str | None:
    """Give the kind of help an adjective names: "security" is military, but not in
    "food security" ("humanitarian and food security assistance")."""
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    if token.lower_ == "security" and before in supply_wording.CIVIL_SECURITY:
        return supply_wording.CIVIL_SECURITY[before]
    return PAIRED_KINDS.get(token.lower_)


def _money(token: Token) -> bool:
    return token.like_num or token.lower_ in lexicon.SCALES or token.ent_type_ == "MONEY" \
        or token.lower_ in lexicon.CURRENCIES


def kinds(items: Items, class_of: ClassOf) -> list[str]:
    """Give the kinds of help the items name, in the taxonomy's order of item classes
    as `class_of` ranks them; one kind per item, or one per conjoined adjective
    ("military and economic assistance"). An amount ("$5 million in aid") counts only
    when it is all there is."""
    goods = [(head, tokens) for head, tokens in items if not _money(head)] or items
    found: list[str] = []
    for head, tokens in goods:
        if head.lower_ in PAIRED_KINDS and head.conjuncts:
            # "$6 billion in development, economic, health, and security assistance": the
            # parse makes each kind a conjoined head of its own
            found += [k for k in [PAIRED_KINDS[head.lower_]] if k not in found]
            continue
        paired = [t for t in tokens if t.i < head.i and t.dep_ in ("amod", "compound", "conj")
                  and (t.conjuncts or t.dep_ == "conj")]
        named = [k for t in paired if (k := _kind_word(t))]
        if len(set(named)) > 1:
            found += [k for k in named if k not in found]
            continue
        kind = class_of(tokens)
        if kind is not None and kind not in found:
            found.append(kind)
    return found


def paired_kinds(noun: Token) -> list[str]:
    """Give the kinds of help the conjoined adjectives before an aid noun name, when they
    name more than one ("security, economic, and humanitarian assistance"); [] else."""
    words = [t for c in noun.children if c.i < noun.i and c.dep_ in ("amod", "compound")
             for t in (c, *c.conjuncts)]
    # a parse that hangs the noun on the adjectives: "security, economic, and [humanitarian
    # assistance]" as three conjuncts
    words += [t for t in noun.conjuncts if t.i < noun.i]
    named = [k for t in words if (k := _kind_word(t))]
    return list(dict.fromkeys(named)) if len(set(named)) > 1 else []


def goods_compound(noun: Token, class_of: ClassOf) -> bool:
    """Give whether a supply noun names its goods in a compound before it ("arms
    shipments", "weapons deliveries", "aid convoys")."""
    return any(c.dep_ == "compound" and c.i < noun.i and class_of([c]) is not None
               for c in noun.children)


def _coded(found: Found) -> bool:
    return any(p[2] for p in found)


def _has_recipient(verb: Token, items: Items) -> bool:
    """Give whether the verb or its goods say who gets them ("to X", "X with drones",
    "give Kyiv tanks")."""
    holders = [verb] + [head for head, _ in items]
    return any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in _RECIPIENT_PREPS
                                      and any(g.dep_ == "pobj" for g in c.children))
               for h in holders for c in h.children)


def helped(verb: Token) -> list[list[Token]]:
    """Give the phrases naming whom a supply is meant to help: "provide $8 billion to help
    the Government of Ukraine respond" (the Government of Ukraine), "send funds to
    support Haiti" (Haiti), "send 400 troops to train Syrian rebels" (Syrian rebels)."""
    phrases: list[list[Token]] = []
    for clause in verb.children:
        if clause.dep_ not in ("advcl", "xcomp") or clause.lemma_ not in HELPING or \
                not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        for child in clause.children:
            if child.dep_ in ("dobj", "obj"):
                phrases.append(phrase_tokens(child))
            elif child.dep_ in ("ccomp", "xcomp"):
                phrases += [phrase_tokens(g) for g in child.children if g.dep_ == "nsubj"]
    return phrases


def _relief_domain(noun: Token) -> bool:
    """Give whether an aid noun is one of a pair "humanitarian assistance and disaster
    relief" (or response): the name of a field of cooperation (HADR), not help given."""
    words = {t.lower_ for x in (noun, *noun.conjuncts) for t in x.subtree}
    return bool(noun.conjuncts) and {"humanitarian", "disaster"} <= words


def _going_ahead(verb: Token) -> bool:
    """Give whether a verb says one goes ahead with what its "with" takes ("move forward
    with a loan guarantee", "proceed with the transfer"): the act itself, no means."""
    return verb.lemma_ == "proceed" or any(c.dep_ in ("advmod", "prt") and c.lower_ in
                                           ("forward", "ahead") for c in verb.children)


def not_a_supply(trigger: Token, items: Items, class_of: ClassOf, actor: Found,
                 target: Found, recipient_verb: bool, asking: bool) -> bool:
    """Give whether a verb's supply event is no help to another party (see the module),
    or an aid noun only says by what means something was done ("carried out with the
    assistance of partners")."""
    if supply_wording.banned(trigger) or \
            assistance.needs_abroad(trigger, items, class_of, actor, target):
        return True  # "the package bans the export of"; "gave families $3,000" (at home)
    coded = _coded(actor) or _coded(target)
    goods = [tokens for head, tokens in items if class_of(tokens) is not None]
    if not coded and goods and all(any(t.lower_ in DOMESTIC for t in tokens)
                                   for tokens in goods) and not home_aid.for_countries(trigger):
        return True  # "deliver student debt relief to borrowers"
    if goods and all(tokens[-1].lemma_.lower() in supply_wording.NO_GOODS for tokens in goods):
        # "providing veterans and military families access to care"; "sells lethal
        # narcotics" (drugs are trafficked, not given as help)
        return True
    # the giver's own public: a coded giver's, else the US government's ("Japan will transfer
    # missiles to the United States" is no domestic programme)
    home = {p[2] for p in actor if p[2]} or {"USA"}
    if not recipient_verb and not any(p[2] and p[2] not in home for p in target) and \
            home_aid.for_home_public(trigger) and not home_aid.abroad_in(trigger, home):
        return True  # "delivered $37 billion to all states", "vaccine supply for Americans"
    if trigger.pos_ not in ("VERB", "AUX") and not any(p[2] for p in target) and any(
            t.lower_ in DOMESTIC - {"debt"} for t in phrase_tokens(trigger)):
        return True  # "the student debt relief announced by the President"
    if trigger.pos_ not in ("VERB", "AUX") and not coded and trigger.lemma_ in BUYING:
        return True  # "receipts from foreign governments for weapons purchases": trade
    if trigger.pos_ not in ("VERB", "AUX") and not coded and _relief_domain(trigger):
        return True  # "cooperation on humanitarian assistance and disaster relief"
    if trigger.pos_ not in ("VERB", "AUX"):
        # but "support Ukraine with security assistance": the help is the means of helping
        return trigger.dep_ == "pobj" and trigger.head.lower_ in ("with", "without") and \
            trigger.head.head.pos_ in ("VERB", "AUX") and not recipient_verb and \
            trigger.head.head.lemma_ not in HELPING and not _going_ahead(trigger.head.head)
    if recipient_verb:
        if trigger.lemma_ in BUYING and not _coded(actor) and any(
                t.lower_ == "nuclear" for _, tokens in items for t in tokens):
            return True  # "ensure Iran never acquires a nuclear weapon": it would build it
        # "acquired a timber permit"; "the broker sought drones for the cartel" (a request
        # is for a coded party: "Kyiv asked for air defence")
        return not coded
    if not coded and not _has_recipient(trigger, items) and not assistance.by_agency(trigger) \
            and not (trigger.tag_ not in ("VBP", "VBZ") and home_aid.for_countries(trigger)):
        return True  # "deliver tax credit payments" (not "provided $3 billion to support 30
        # countries")
    # the goods that make it a supply: "troops and aircraft" are sent for the troops
    heads = [head.lemma_.lower() for head, _ in items
             if not _money(head) and class_of([head]) is not None]
    actors = {p[2] for p in actor if p[2]}
    abroad = any(p[2] and p[2] not in actors for p in target)
    # "sent troops to support the M23 rebels": forces sent to fight for a named side
    for_a_side = any(participants_in(p) or (p[0].lemma_.lower() in SIDES and any(
        t.pos_ == "PROPN" for t in p)) for p in helped(trigger))
    return bool(heads) and all(h in FORCES for h in heads) and not abroad and not for_a_side




def framing_noun(verb: Token, governors: Container[str]) -> Token | None:
    """Give the noun a gerund depends on through a preposition when that noun frames the
    act ("its commitment of providing", "talks on sending") or shares in it ("Iran's
    involvement in supplying"), or the framing adjective ("committed to providing");
    None otherwise ("necessary for supporting the war")."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.dep_ != "prep":
        return None
    noun = verb.head.head
    if noun.pos_ in ("ADJ", "VERB") and noun.lower_ in governors and (
            noun.pos_ == "ADJ" or noun.dep_ == "acomp"
            or any(c.dep_ == "auxpass" for c in noun.children)):
        return noun  # "remains committed to providing"
    if noun.pos_ == "VERB" and verb.head.lower_ == "to" and noun.lemma_.lower() in governors:
        return noun  # "the allies committed (recommitted) to providing"
    if noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    return noun if lemma in governors or lemma in SHARE_NOUNS else None


def owner(verb: Token, governors: Container[str]) -> list[list[Token]]:
    """Give the owner of the framing noun, as phrases: "Iran's involvement in supplying"
    (Iran), "the President's commitment of providing" (the President); the subject of a
    framing verb or adjective ("the United States is committed to providing")."""
    noun = framing_noun(verb, governors)
    if noun is None:
        return []
    if noun.pos_ in ("VERB", "ADJ"):  # "the United States committed to providing"
        holder = noun.head if noun.dep_ == "acomp" else noun
        return [phrase_tokens(c) for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [phrase_tokens(c) for c in noun.children if c.dep_ == "poss"]


def framed(noun: Token) -> bool:
    """Give whether a supply noun is marked as planned or proposed ("the planned transfer
    of nine helicopters", "the proposed sale of F-16s"): an event in itself. Not "the
    alleged shipment of grain": a report of trade, unless it says who gets it."""
    return any(c.dep_ == "amod" and lexicon.MODAL_ADJECTIVES.get(c.lower_, ("asserted",))[0]
               != "asserted" for c in noun.children)


def recipients_nearby(noun: Token) -> list[Token]:
    """Give the "to"/"for"/"into" objects a parse hangs beside a supply noun rather than
    on it: on its goods ("the supply of drones and parts to Russia"), on a conjunct of
    the noun, on the verb that takes it ("oversaw the supply of UAVs to Venezuela"), or
    on the noun it measures ("a flow of aid into Gaza"); or the one a helping verb
    helps with it ("support Ukraine with security assistance")."""
    goods = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj"]
    # "a drawdown of $100 million in arms for Ukraine": the goods an amount is counted in
    goods += [g for x in goods if _money(x) for c in x.children if c.dep_ == "prep"
              and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
    holders = goods + [c for g in goods for c in g.conjuncts] + list(noun.conjuncts)
    if noun.dep_ in ("dobj", "obj"):
        holders.append(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        holders.append(noun.head.head)  # "a steady flow of humanitarian aid into Gaza"
    means = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    prep = means.head if means.dep_ == "pobj" else means
    if prep.lower_ in ("with", "through") and prep.head.lower_ == "including":
        prep = prep.head  # "supporting Ukraine, including through the provision of arms"
    if prep.lower_ == "including":
        holders.append(prep.head)  # "help for Ukraine, including deliveries of arms"
    helped_ones = []
    if prep.lower_ in ("with", "through", "including") and prep.head.lemma_ in HELPING:
        # "support Ukraine with (amounts of) security assistance": the one the verb helps
        helped_ones = [c for c in prep.head.children if c.dep_ in ("dobj", "obj")]
    # "the arrival of F-16s in Ukraine": where goods arrive is who gets them
    preps = ("to", "for", "into", "in") if noun.lemma_ == "arrival" else ("to", "for", "into")
    return helped_ones + [g for h in holders for c in h.children if c.dep_ == "prep"
                          and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


def amount_of(noun: Token) -> Token | None:
    """Give the amount an aid noun is counted in ("$300 million in civilian assistance":
    the amount), the phrase a verb takes; None when it has none."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and _money(noun.head.head):
        return noun.head.head
    return None
