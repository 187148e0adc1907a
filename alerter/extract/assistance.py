"""Help that counts as aid only when it goes abroad (AID economic and other in fact
sheets and readouts).

- A sum told by its sign alone ("provide $500,000 to Honduras", "$100,000 in training"):
  fact sheets give many small grants abroad, but the same wording pays tax credits and
  awards at home ("gave families up to $3,000"), so such a sum is aid only with a coded
  recipient other than the giver's home.
- Training given ("providing training to the Haitian police", "Meta will train 250,000
  youth in Guatemala", "upskill Kenyans", "assist low-income countries"): the same words
  tell of workers and officers trained at home, so they are aid only with a coded party
  abroad (or other countries in the plural: "assist low-income countries"), or a giver
  that is a mission abroad ("the U.S. Embassy in Luanda is providing training"). Training
  of forces is left to the military wordings.
- What USAID (or USTDA) supports, funds, invests in, helps or reaches ("USAID is
  investing $85 million to create a health workforce", "USAID has reached 56 million
  Indians with training"):
  the agency's work is abroad; the same verbs of anyone else are no aid here. So money
  it gives needs no recipient named ("USAID plans to provide $50 million to expand access
  to oxygen"; `supply.not_a_supply` asks `by_agency`).

- Humanitarian aid told as moving in a readout, with nobody named ("discussed efforts to
  increase the flow of humanitarian assistance", "ensuring humanitarian assistance reaches
  those in need"): the aid the talks are about; not in sanctions prose, where the flow is
  what a licence lets through ("sanctions must not hamper the delivery of humanitarian
  aid").

`supply.not_a_supply` asks `needs_abroad` about a verb's goods; `events` asks `not_abroad`
about a teaching, assisting or agency verb (taxonomy: AID's `train`/`assist` and
`support`/`invest` triggers); `event_checks` asks `moving` about an aid phrase alone.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from alerter.extract import home_aid, relief
from alerter.extract.clauses import subject_of
from alerter.extract.participants import participants_in, phrase_tokens

Items = list[tuple[Token, list[Token]]]
ClassOf = Callable[[list[Token]], "str | None"]
Found = list[tuple[str, str, str | None]]

# A sum told by its sign: "$500,000" (a scale word or an aid noun makes it aid anywhere).
SIGNS = frozenset({"$", "€", "£"})
# Goods that are help only abroad: training given.
TEACHING_GOODS = frozenset({"training", "upskilling", "reskilling", "mentorship",
                            "scholarship", "fellowship", "curriculum"})
# Verbs of help that give no goods: "train 250,000 youth", "assist the Afghan people".
TEACHING = frozenset({"train", "upskill", "reskill", "assist"})
# A country's posts abroad: what they give goes to the country they are in.
MISSIONS = frozenset({"embassy", "consulate", "mission"})
# Who is trained as a force: left to the military wordings ("train Ukrainian pilots").
FORCES = frozenset({"pilot", "soldier", "troop", "force", "fighter", "militant", "army",
                    "military", "militia", "rebel", "recruit", "marine", "battalion"})
# Names that may give help: a firm or body ("Meta", "the Embassy"), a place, a people; a
# person's help is a part taken ("Gramashov assisted Russia in its policy of").
GIVERS = frozenset({"ORG", "GPE", "NORP", "FAC"})
# What the aid agency does is help abroad: "USAID is investing $85 million to", "USAID
# supported national governments to", "USAID has reached 56 million Indians with".
AGENCY_VERBS = frozenset({"support", "invest", "fund", "help", "award", "reach"})
AGENCIES = frozenset({"usaid", "ustda"})
# Words of an aid phrase for people in need, and of the sanctions prose where aid flows are
# what a licence lets through.
HUMANITARIAN = frozenset({"humanitarian", "lifesaving", "life-saving", "saving"})
SANCTIONS_PROSE = ("sanction", "licen", "ofac", "exempt", "authoriz", "carveout", "carve-out",
                   "treasury")
# Verbs that make aid flow more or go on flowing: "increase humanitarian assistance".
SWELLING = frozenset({"increase", "expand", "sustain", "surge", "ensure", "facilitate",
                      "accelerate", "scale", "boost", "enable", "improve", "speed"})
# "materially assisted": a designation's standard criteria, no help told.
CRITERIA = frozenset({"materially"})


def _abroad_only(tokens: list[Token], class_of: ClassOf) -> bool:
    """Give whether goods are help only when they go abroad: a sum told by its sign alone,
    or training."""
    classed = [t for t in tokens if class_of([t]) is not None]
    return bool(classed) and all(t.lower_ in SIGNS or t.lemma_.lower() in TEACHING_GOODS
                                 or t.lower_.removesuffix("s") in TEACHING_GOODS
                                 for t in classed)


def _abroad(found: Found, home: set[str]) -> bool:
    return any(p[2] and p[2] not in home for p in found)


def needs_abroad(verb: Token, items: Items, class_of: ClassOf, actor: Found,
                 target: Found) -> bool:
    """Give whether a verb's goods include some of the kind that is aid only abroad (see
    the module: "provide training and $5 million to park departments" is a home
    programme) and no coded recipient other than the giver's home is named."""
    goods = [tokens for _, tokens in items if class_of(tokens) is not None]
    if not any(_abroad_only(tokens, class_of) for tokens in goods):
        return False
    home = {p[2] for p in actor if p[2]} or {"USA"}
    return not _abroad(target, home) and not _from_mission(verb, home)


def _from_mission(verb: Token, home: set[str]) -> bool:
    """Give whether the giver is a mission in another country, so what it gives goes
    there: "the U.S. Embassy in Luanda is providing training valued at $100,000"."""
    subject = subject_of(verb)
    if subject is None:
        return False
    words = list(subject.subtree)
    at = [t.i for t in words if t.lemma_.lower() in MISSIONS]
    if not at:
        return False
    ours = {p[2] for p in participants_in([t for t in words if t.i < at[0]]) if p[2]} or home
    there = {p[2] for p in participants_in([t for t in words if t.i > at[0]]) if p[2]}
    return bool(there - ours)


def by_agency(verb: Token) -> bool:
    """Give whether the doer of a verb is the aid agency: its subject, the subject of the
    verb it continues ("USAID will continue to support"), or a name before it that the
    parser took for an adverb ("USAID will help farmers"), or its "by" agent ("a program
    funded by USAID"); not the doer of a clause the
    verb only describes ("USTDA funded grants designed to help")."""
    verbs = [verb]
    while verbs[-1].dep_ in ("xcomp", "conj") and verbs[-1].head.i != verbs[-1].i:
        verbs.append(verbs[-1].head)  # "USAID will continue to support"
    # the whole subject, "the U.S. Agency for International Development (USAID)", but not
    # a clause that describes it ("this program, funded by USAID, will reach")
    phrases = [_named_in(c) for v in verbs for c in v.children if (c.i < v.i
               and c.dep_ in ("advmod", "npadvmod", "nsubj")) or c.dep_ == "agent"]
    return any(t.lower_ in AGENCIES for tokens in phrases for t in tokens)


def _named_in(phrase: Token) -> list[Token]:
    """Give the words of a phrase outside the clauses that describe it."""
    return [t for t in phrase.subtree if not any(
        a.dep_ in ("acl", "relcl") and a.i != phrase.i and phrase.i in [x.i for x in a.ancestors]
        for a in [t, *t.ancestors])]


def not_abroad(trigger: Token) -> bool:
    """Give whether a teaching or assisting verb helps nobody abroad: no coded party other
    than its subject's (else the US) in what it takes, and no other countries in the
    plural ("assist low-income countries"); or it trains forces, or it is a designation's
    criteria ("materially assisted")."""
    if trigger.pos_ != "VERB":
        return False  # "financial support", "budget support": aid nouns of their own
    if trigger.lemma_ in AGENCY_VERBS:
        return not by_agency(trigger)
    if trigger.lemma_ not in TEACHING:
        return False
    if any(c.lower_ in CRITERIA for c in trigger.children) or \
            any(c.dep_ == "agent" for c in trigger.children):
        return True  # "materially assisted X", "was assisted by": no help told
    doer = subject_of(trigger)
    if doer is not None and doer.pos_ == "PROPN" and doer.ent_type_ not in GIVERS and \
            not any(p[2] for p in participants_in(phrase_tokens(doer))):
        return True  # "Gramashov assisted Russia in its policy of": a part taken, no aid
    taken = [t for c in trigger.children if c.dep_ in ("dobj", "obj", "dative", "prep")
             for t in c.subtree]
    if any(t.lemma_.lower() in FORCES for t in taken):
        return True  # "train Ukrainian pilots": the military wordings' (aid5m)
    subject = [t for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")
               for t in phrase_tokens(c)]
    home = {p[2] for p in participants_in(subject) if p[2]} or {"USA"}
    if _abroad(participants_in(taken), home):
        return False
    return not any(home_aid.other_countries(t) for t in taken)


def moving(noun: Token) -> bool:
    """Give whether a humanitarian aid phrase is told as moving to those in need (see the
    module): measured by a flow or delivery noun ("increase the flow of humanitarian
    assistance"), the object of a verb that makes it flow ("increase humanitarian
    assistance"), or the subject of a verb of arriving ("ensure humanitarian assistance
    reaches those in need"); not in a sentence about sanctions and licences."""
    if noun.lemma_.lower() not in relief.HELP_NOUNS or \
            not any(t.lower_ in HUMANITARIAN for t in noun.subtree if t.i < noun.i) or \
            any(t.lower_.startswith(SANCTIONS_PROSE) for t in noun.sent):
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.lemma_.lower() in relief.FLOWS:
        # "the continued flow of humanitarian assistance"; but "the delivery of humanitarian
        # assistance to Afghans" is the delivery's own event
        flow = noun.head.head
        return not any(c.dep_ == "prep" and c.lower_ in ("to", "into", "for")
                       for c in flow.children) and not (
            flow.lemma_.lower() == "delivery"
            and any(p[2] for p in participants_in(list(flow.subtree))))
    if noun.dep_ in ("dobj", "obj") and noun.head.lemma_ in SWELLING:
        return True  # "efforts to increase humanitarian assistance", "ensuring humanitarian
        # assistance reaches" (the parser's object of "ensure")
    return noun.dep_ == "nsubj" and noun.head.lemma_ in relief.ARRIVING
