"""Whether a supply is a domestic programme: money or goods for the home public.

Government prose gives much money at home: "delivered $37 billion to all states",
"disbursed $9 billion to keep families in their homes", "$37 million in federal funds
for a project", "vaccine supply for all Americans". With no country abroad in the
clause, such a supply is no aid to another party (`supply.not_a_supply` asks here).
USAID's work is abroad whoever it reaches.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Span, Token

from alerter.extract import lexicon
from alerter.extract.participants import participants_in

# Who gets a domestic programme's money: "to all states", "to keep families in their
# homes", "to veterans"; and the word that marks the money as the home government's
# ("federal funds").
HOME_PUBLIC = frozenset({"state", "community", "family", "household", "american", "veteran",
                         "homeowner", "taxpayer", "borrower", "farmer", "rancher", "senior",
                         "school", "tribe", "county", "municipality", "renter", "tenant",
                         "worker", "consumer", "patient", "resident", "city", "district",
                         "business", "restaurant", "program", "programme", "provider",
                         "hospital", "university", "college",
                         # "financial assistance for community college students"
                         "student", "child", "parent", "nonprofit", "grantee", "applicant",
                         "center", "clinic", "pantry"})
# Words of a domestic programme in what the money is for: "$10 billion for housing
# grants", "aid to struggling homeowners"; and help no other party gets ("first aid").
HOME_PURPOSES = frozenset({"housing", "tax", "mortgage", "rental", "unemployment", "pension",
                           "homeownership"})
# "relief to the American people": the people named as the home public
HOME_PEOPLE = frozenset({"american", "americans"})
# "aid to state and local governments": the home's own levels of government
HOME_LEVELS = frozenset({"state", "local", "tribal", "territorial", "municipal"})
# Aids that are no help given: "first aid", "hearing aids"
DEVICES = frozenset({"first", "hearing", "visual", "teaching", "study"})
# Verbs whose subject gets what their object gives: "Americans received assistance".
RECEIVING = frozenset({"receive", "get", "obtain"})
HOME_MONEY = frozenset({"federal"})
# Federal agencies whose help goes to the home public unless the clause names a country
# abroad: "the FCC provided technical assistance to 911 call centers".
HOME_AGENCIES = frozenset({"fcc", "hhs", "epa", "hud", "usda", "fema", "sba", "irs", "cdc",
                           "nih", "cms", "samhsa", "hrsa", "doj", "dol", "va", "ferc",
                           "americorps", "fhfa", "fdic"})
HOME_DEPARTMENTS = frozenset({"justice", "education", "energy", "labor", "agriculture",
                              "health", "housing", "transportation", "interior",
                              "veterans"})
# Words that spread money over the home: "delivering $225 million statewide".
HOME_WIDE = frozenset({"statewide", "nationwide", "countywide", "citywide"})
# Who gets help abroad though no country is named: "to support 30 countries".
FOREIGN_PUBLIC = frozenset({"country", "nation", "refugee"})
# Where in a giving verb's clause the ones helped are named: its objects, its "to"
# phrases, its purpose clause.
_GIVEN_DEPS = frozenset({"dobj", "obj", "dative", "prep", "advcl", "xcomp"})
# Nations at home: "federally recognized tribal nations".
HOME_NATIONS = frozenset({"tribal", "native", "indian", "sovereign", "indigenous"})
# Words that place a giver's work abroad whoever it reaches ("USAID ... to 321 patients").
ABROAD = frozenset({"usaid", "foreign", "overseas", "abroad"})
# Words that place the ones helped abroad: "to support global health programs",
# "for foreign schools" are no home public.
WORLDWIDE = frozenset({"global", "worldwide", "foreign", "overseas"})


def for_home_public(verb: Token) -> bool:
    """Give whether what a giving verb or supply noun gives is marked as the home
    government's money ("federal funds") or goes to the home public: the objects of its
    "to"/"for" phrases, its dative, or the object of its purpose clause ("to keep
    families in their homes")."""
    said = [t for c in verb.children if c.dep_ in ("dobj", "obj", "dative", "prep")
            for t in c.subtree]
    if any(t.lower_ in HOME_MONEY for t in said):
        return True
    holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
    if any(g.lemma_.lower() in lexicon.SPENDING_INSTRUMENTS for h in holders for c in h.children
           if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"
           for g in (p, *p.conjuncts)):
        # "funding from the Bipartisan Infrastructure Law": money of a home law; also on the
        # object ("allocated $1.4 billion in funding from the Infrastructure Law", aid5e)
        return True
    if any(t.lower_ in HOME_WIDE for t in verb.subtree) and not any(
            p[2] not in (None, "USA") for p in participants_in(list(verb.subtree))):
        return True  # "delivering $225 million statewide" (aid5e)
    if any(_home_agency(c) for c in verb.children if c.dep_ in ("nsubj", "agent", "poss")):
        return True  # "the FCC provided technical assistance to 911 call centers"
    preps = _recipient_preps(verb)
    gets = _gets(verb)
    if any(t.lower_ in HOME_PURPOSES for c in preps for t in c.subtree) or any(
            t.lower_ in DEVICES and t.head.lemma_ == "aid" for t in [*said, *verb.children]):
        return True  # "$10 billion for housing grants", "psychological first aid"
    return any((g.lemma_.lower() in HOME_PUBLIC or g.lower_.removesuffix("s") in HOME_PUBLIC
                or g.lower_ in HOME_PEOPLE
                or any(c.lower_ in HOME_PEOPLE | HOME_LEVELS or (
                    c.dep_ == "compound" and c.lemma_.lower() in HOME_PUBLIC)
                    for c in g.children))
               and not any(c.dep_ == "amod" and c.lower_ in WORLDWIDE for c in g.children)
               for g in gets)


def _home_agency(phrase: Token) -> bool:
    """Give whether a phrase names a federal agency that works at home: "the FCC", "the
    Department of Justice's" (not the Treasury or State: they work abroad too)."""
    words = [t.lower_ for t in phrase.subtree]
    return any(w in HOME_AGENCIES for w in words) or any(
        a == "department" and b == "of" and c in HOME_DEPARTMENTS
        for a, b, c in zip(words, words[1:], words[2:], strict=False))


def _recipient_preps(verb: Token) -> list[Token]:
    """Give the "to"/"for" phrases of a giving verb or supply noun, of its objects, and of
    the verb that takes the noun ("deliver more aid to homeowners")."""
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "obj"):
        holders.append(verb.head)
    return [c for h in holders for c in h.children if c.dep_ in ("prep", "dative")
            and c.lower_ in ("to", "for")]


def _gets(verb: Token) -> list[Token]:
    """Give the nouns naming who gets what a giving verb or supply noun gives: its dative,
    the objects of its "to"/"for" phrases, the object of its purpose clause."""
    gets = [c for c in verb.children if c.dep_ == "dative"]
    # "to struggling homeowners": the parser may read the adjective as a verb
    gets += [g for c in _recipient_preps(verb) for g in c.subtree
             if g.dep_ in ("pobj", "dobj") and g.pos_ in ("NOUN", "PROPN")]
    gets += [g for c in verb.children if c.dep_ in ("advcl", "xcomp", "acl")
             for g in c.children if g.dep_ in ("dobj", "obj")]
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "obj") and \
            verb.head.lemma_ in RECEIVING:
        # "millions of Americans received financial assistance": the receiver
        getters = [c for c in verb.head.children if c.dep_ == "nsubj"]
        gets += getters + [g for s in getters for c in s.children if c.dep_ == "prep"
                           and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return gets


def for_countries(verb: Token) -> bool:
    """Give whether a giving verb's money goes to other countries though none is named:
    "the initiative provided $3 billion to support 30 countries", "the budget provides
    $2 billion for refugees abroad" (no domestic spending, see `funded_at_home`)."""
    return any(g.lemma_.lower() in FOREIGN_PUBLIC or any(
        c.dep_ == "amod" and c.lower_ in WORLDWIDE for c in g.children) for g in _gets(verb)) \
        or any(t.lower_ in ABROAD for t in verb.subtree) or any(
            other_countries(t) for c in verb.children if c.dep_ in _GIVEN_DEPS
            for t in c.subtree)


def other_countries(noun: Token) -> bool:
    """Give whether a noun is countries in the plural, anywhere in what a verb gives or
    helps ("$4 billion in loans to developing nations", "to support 30 countries"); not
    the home's own ("tribal nations", "the nation's schools")."""
    return noun.tag_ == "NNS" and noun.lemma_.lower() in FOREIGN_PUBLIC - {"refugee"} and \
        noun.dep_ != "poss" and not any(c.lower_ in HOME_NATIONS for c in noun.children)


def abroad_in(verb: Token, home: set[str]) -> bool:
    """Give whether the verb's clause names a country other than the giver's own or the
    US ("to 14 municipalities in Indonesia"), or a giver that works abroad (USAID)."""
    # not a name that only describes the home public: "to states and Indian tribes"
    tokens = [t for t in verb.subtree if not (
        t.dep_ in ("amod", "compound") and (t.head.lemma_.lower() in HOME_PUBLIC
                                            or t.head.lower_.removesuffix("s") in HOME_PUBLIC))]
    return any(t.lower_ in ABROAD for t in tokens) or \
        any(p[2] and p[2] not in home for p in participants_in(tokens))


def received_at_home(actor: list[tuple[str, str, str | None]],
                     target: list[tuple[str, str, str | None]]) -> bool:
    """Give whether a receiving verb's receiver is the home public and nobody abroad is
    named: "millions of Americans received financial assistance" (the receiver is the
    target, USA; "Ukrainians received aid from the United States" is help abroad)."""
    codes = {p[2] for p in [*actor, *target] if p[2]}
    return codes == {"USA"} and any(p[2] == "USA" for p in target)


# Words that put a sentence's money abroad though no country is coded: "international
# climate finance", "the world's poorest countries", "refugees", "the IDA replenishment".
ABROAD_WORDS = frozenset({"foreign", "abroad", "overseas", "international", "internationally",
                          "global", "globally", "world", "worldwide", "developing", "refugee",
                          "refugees", "migrants", "multilateral", "donor", "donors",
                          "humanitarian", "ally", "allies", "replenishment", "bilateral",
                          "embassy", "embassies", "hostage", "hostages",
                          # givers whose work is abroad: "USAID", "USTDA", "the DFC", "the MCC"
                          "usaid", "ustda", "dfc", "mcc", "covax", "icrc", "unicef", "unhcr",
                          "wfp",
                          # heads and regions no home has: "King Abdullah", "the Pacific"
                          "king", "queen", "prince", "emir", "sultan", "monarch", "africa",
                          "african", "asia", "asian", "pacific", "caribbean", "europe",
                          "european", "latin", "balkans", "sahel", "mideast",
                          # a designation's reasons and armed groups, coded or not: "OFAC
                          # designated the exchange house for sending money to Hamas"
                          "ofac", "designated", "designating", "designation", "sanctioned",
                          "terrorist", "terrorists", "terrorism", "militant", "militants",
                          "militia", "militias", "rebel", "rebels", "insurgents", "fighters",
                          "hamas", "hizballah", "hezbollah", "taliban", "isis", "houthis",
                          "al-shabaab", "regime",
                          # United Nations bodies, which no code names: "funding to the UNFPA"
                          "un", "u.n.", "unfpa", "unrwa", "ifad", "undp", "unesco", "unaids",
                          "ocha", "iom", "gavi"})
# Regions abroad told in two words: "northern Central America", "the Middle East".
REGIONS = frozenset({("central", "america"), ("south", "america"), ("middle", "east"),
                     ("north", "africa"), ("west", "bank"), ("horn", "of"),
                     ("northern", "triangle"), ("united", "nations")})
# Peoples of the home, as spaCy's NORP names them: "Hispanic small business owners",
# "Native American tribes", faiths and parties; any other people named is abroad ("to the
# Rohingya", "to help Kurdish communities rebuild").
HOME_PEOPLES = frozenset({"american", "americans", "hispanic", "hispanics", "latino",
                          "latina", "latinos", "latinx", "black", "native", "indigenous",
                          "tribal", "christian", "christians", "muslim", "muslims", "jewish",
                          "catholic", "protestant", "evangelical", "hindu", "sikh",
                          "buddhist", "democrat", "democrats", "democratic", "republican",
                          "republicans", "u.s.", "us"})
# The kinds of aid a home programme also gives: money and help in general ("send
# payments", "technical assistance to the cohort"); weapons and relief are not at home.
MONEY_KINDS = frozenset({"economic", "other", "humanitarian"})
# Relief told as such is mostly given abroad in government prose ("$40 million in new
# support for disaster relief"); kept as aid whatever else the sentence names.
RELIEF_WORDS = frozenset({"relief", "disaster", "famine", "emergency"})


def home_only(sentence: Span, kind: str, actor: list[tuple[str, str, str | None]],
              target: list[tuple[str, str, str | None]]) -> bool:
    """Give whether money or help is given in a sentence that names nobody and nothing
    abroad: no side coded other than the US in the event or the sentence, no word of
    work abroad, no other countries ("Treasury will distribute rental assistance funds",
    "lenders that provide financial support to small business owners"). Government
    prose gives far more money at home than abroad, so such a supply is a home programme
    (prec6a)."""
    if any(p[2] and p[2] != "USA" for p in [*actor, *target]):
        return False
    tokens = list(sentence)
    words = [t.lower_ for t in tokens]
    # the home's own peoples named by a region abroad: "Asian American and Pacific Islander
    # business owners", "African American farmers" (not abroad)
    words = [w if not (w in ("asian", "african", "pacific") and i + 1 < len(words) and
                       words[i + 1] in ("american", "americans", "islander", "islanders"))
             else "" for i, w in enumerate(words)]
    if kind == "humanitarian" and any(w in RELIEF_WORDS for w in words):
        return False
    # the State Department's money goes abroad: "the Department of State intends to provide"
    state = any(a == "state" and b == "department" for a, b in pairwise(words)) or \
        any(a == "department" and b == "of" and c == "state"
            for a, b, c in zip(words, words[1:], words[2:], strict=False))
    regions = any((a, b) in REGIONS for a, b in pairwise(words))
    peoples = any(e.label_ == "NORP" and not any(t.lower_ in HOME_PEOPLES for t in e)
                  and any(words[t.i - sentence.start] for t in e) for e in sentence.ents)
    return not state and not regions and not peoples and \
        not any(w in ABROAD_WORDS for w in words) and \
        not any(other_countries(t) for t in tokens) and \
        not any(p[2] and p[2] != "USA" for p in participants_in(tokens))
