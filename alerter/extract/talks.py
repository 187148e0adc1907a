"""Talks told in passing (CONSULT), beyond the taxonomy's triggers: a discussion the
speaker only points back to is no meeting of its own: "as we discussed at the summit",
"as we have discussed before", "an issue we discussed at length last year". (A readout's
"we discussed the crisis in Sudan" still is one.)

Read from the dependency parse; used by the events component through
`diplomacy.misread`.
"""

from __future__ import annotations

from spacy.tokens import Token

# Words of talking a speaker points back to
_TALKING = frozenset({"discuss", "talk", "mention", "say"})


def recalled(trigger: Token) -> bool:
    """Give whether a verb of talking only points back to an earlier discussion: "as we
    discussed", or a relative clause on an issue or topic ("an issue we discussed")."""
    if trigger.lemma_ not in _TALKING or trigger.pos_ != "VERB":
        return False
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in trigger.children):
        return True  # "as we discussed at the G20 summit"
    return trigger.dep_ == "relcl" and trigger.head.lemma_.lower() in (
        "issue", "topic", "subject", "point", "question", "matter", "theme")
