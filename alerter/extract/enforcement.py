"""Sanctions, coercion and investigation on real text (issue 10): the checks the events
component makes for these types beyond the taxonomy's triggers.

- A coercion or investigation noun judged by an evaluative adjective is a real event
  whatever verb governs it: "the unjust detention of X is unacceptable", "end all
  arbitrary detentions", "his brutal crackdown", "the ongoing investigation".
- A relative clause of coercion states the act: "shipments that were seized in Libya",
  "activists who were detained" (where "an entity that has refused" only describes).
- A designation "for operating in the petroleum sector of the Iranian economy" or "in
  Iran's financial sector" targets that country.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from alerter.extract import lexicon
from alerter.extract.participants import participants_in, phrase_tokens

# Types whose nouns an evaluative adjective makes an event, and whose relative clauses
# state an act.
PRESUPPOSING_TYPES = frozenset({"COERCE", "INVESTIGATE"})
# Adjectives that judge or date an act that is taking or took place.
EVALUATIVE = frozenset({"unjust", "arbitrary", "wrongful", "unlawful", "illegal", "illegitimate",
                        "brutal", "ongoing", "continued", "continuing", "blatant",
                        "systematic", "politically-motivated", "outrageous", "baseless",
                        "recent", "latest", "mass", "widespread", "harsh", "repeated",
                        "unwarranted", "indefinite", "prolonged"})
# Prepositions whose object the clause takes as a fact ("over": outrage over the arrest).
_FACT_PREPS = lexicon.PRESUPPOSING_PREPS | {"over"}
# Nouns that place someone inside an act: "as part of a probe", "the subject of an inquiry".
_FACT_FRAMES = frozenset({"part", "subject", "target", "focus", "course", "result", "wake"})
# Types whose target a named sector or economy gives.
SECTOR_TYPES = frozenset({"SANCTION"})
# Sectors and economies a designation names: "the X sector of the Russian Federation
# economy", "Iran's financial sector".
_SECTOR_WORDS = frozenset({"sector", "economy"})


def presupposed(trigger: Token, type_name: str) -> bool:
    """Give whether an event noun is judged or dated as something happening: "unjust
    detention", "arbitrary detentions", "the ongoing investigation"."""
    if type_name not in PRESUPPOSING_TYPES or trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    if trigger.dep_ == "pobj" and trigger.head.lower_ in _FACT_PREPS:
        return True  # "after the arrest", "concern over the detention of"
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and \
            trigger.head.head.lemma_ in _FACT_FRAMES:
        return True  # "as part of a probe into", "the subject of an investigation"
    adjectives = [c for c in trigger.children if c.dep_ == "amod"]
    adjectives += [g for c in adjectives for g in c.children if g.dep_ == "conj"]
    return any(a.lower_ in EVALUATIVE for a in adjectives)


def states_act(verb: Token, type_name: str) -> bool:
    """Give whether a relative clause reports the act itself: "shipments that were seized"."""
    return type_name in PRESUPPOSING_TYPES and verb.dep_ == "relcl"


def sector_target(sentence: Span) -> list[tuple[str, str, str | None]]:
    """Give the countries whose economy or sector the sentence names: "operating in the
    technology sector of the Russian Federation economy" → Russia."""
    found: list[tuple[str, str, str | None]] = []
    for token in sentence:
        if token.lemma_ not in _SECTOR_WORDS or token.pos_ != "NOUN":
            continue
        for owner in (c for c in token.children if c.dep_ in ("poss", "compound", "amod",
                                                              "nmod")):
            found += [p for p in participants_in(phrase_tokens(owner))
                      if p[2] and p not in found]
    return found
