"""Whether "designate" names a role or a status, not a sanction (prec6a).

Government prose designates much besides sanctions targets: "I hereby designate as
emergency requirements all funding so designated by the Congress", "designated Qatar as
a Major Non-NATO Ally", "designated the site as a national monument", "designated as the
lead agency". When what the designee is designated as is one of these roles or statuses,
the verb is no sanction, whatever sanctions words ("pursuant to section 251") the
sentence holds.
"""

from __future__ import annotations

from spacy.tokens import Token

# What one is designated as, when it is no sanctions list: budget terms, statuses of
# allies and places, posts and duties.
ROLES = frozenset({"requirement", "ally", "monument", "manipulator", "hub", "agency",
                   "acting", "director", "chair", "chairman", "chairperson", "coordinator",
                   "representative", "envoy", "lead", "site", "area", "zone", "park",
                   "landmark", "heritage", "wilderness", "sanctuary", "corridor", "port",
                   "successor", "officer", "official", "member", "delegate"})
# Roles that, "of" a body, tell the designee's place in it, a sanction's usual ground:
# "designated X as an official of the Government of Venezuela", "as a member of Hizballah".
PLACES_IN = frozenset({"official", "officer", "member", "representative", "delegate"})
# What a designating verb takes when it names money, not a party: "designate as emergency
# requirements all funding".
MONEY = frozenset({"funding", "amount", "appropriation", "fund", "account"})


def role_designated(trigger: Token) -> bool:
    """Give whether a "designate" verb designates something as a role or status
    ("as a Major Non-NATO Ally", "as emergency requirements"), or designates money."""
    if trigger.lemma_ != "designate" or trigger.pos_ not in ("VERB", "AUX"):
        return False
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if trigger.dep_ == "acl":
        objects.append(trigger.head)  # "all funding so designated by the Congress"
    roles = [p for h in (trigger, *objects) for c in h.children
             if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    return any(r.lemma_.lower() in ROLES and not (r.lemma_.lower() in PLACES_IN and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in r.children)) for r in roles) or \
        any(o.lemma_.lower() in MONEY for o in objects)
