"""Whether "measures" announced are policy in general, not a sanction (prec6a).

"Announce", "adopt" or "introduce" new measures is a sanction when the measures are
against somebody ("adopted new measures against Belarus", "will announce their own
measures to hold Iran accountable"). In government prose the same words far more often
tell of policy at home ("announce new measures to protect workers from heat", "announced
measures to boost small businesses"): with no coded party in what the measures are,
against or for, there is no sanction.
"""

from __future__ import annotations

from spacy.tokens import Token

from alerter.extract.participants import participants_in

# Verbs that make measures known rather than put them on somebody ("impose measures" is
# a sanction whatever follows).
MAKING_KNOWN = frozenset({"announce", "adopt", "unveil", "introduce", "expand", "extend"})
# The sanction words that are a sanction by themselves ("announced new sanctions").
SANCTION_WORDS = frozenset({"sanction", "embargo", "restriction", "ban", "tariff", "control",
                            # the EU's name for its sanctions: "adopted restrictive measures"
                            "restrictive", "punitive", "retaliatory"})
# Where what the measures are, are against or are for is told.
_TOLD_DEPS = frozenset({"dobj", "obj", "prep", "advcl", "xcomp", "dative"})


def policy_measures(trigger: Token) -> bool:
    """Give whether a verb that makes measures known takes only "measures" (no sanction
    word) and names no coded party in its object, its phrases or its purpose clause."""
    if trigger.lemma_ not in MAKING_KNOWN:
        return False
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    objects += [g for o in objects for g in o.conjuncts]
    if not any(o.lemma_ == "measure" for o in objects) or \
            any(o.lemma_ in SANCTION_WORDS or any(c.lemma_ in SANCTION_WORDS for c in o.children)
                for o in objects):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "against" for h in (trigger, *objects)
           for c in h.children):
        return False  # "new economic measures against the regime": aimed at somebody
    told = [t for c in trigger.children if c.dep_ in _TOLD_DEPS for t in c.subtree]
    return not any(p[2] for p in participants_in(told))
