"""Round 6 precision on random government prose (issue 10): force, protest and threat
words used in a manner of speaking (alerter/extract/force_prose.py, force_none.py,
threats.py). Our own sentences: each false alarm removed beside a true event kept."""

from __future__ import annotations

from .sentences import sentence_tests

# sentence → the type of an event it must hold
MUST: list[tuple[str, tuple[str]]] = [
    # a blow from a weapon, an armed man or a named party at a target
    ("Russian rockets hit a block of flats in Odesa, killing nine people.", ("ASSAULT",)),
    ("The patrol's truck was hit by a roadside bomb outside Kandahar.", ("ASSAULT",)),
    ("An armed drone hit a cargo ship off the coast of Yemen.", ("ASSAULT",)),
    ("Russia hit the power grid of Ukraine with a wave of cruise missiles.", ("ASSAULT",)),
    ("Hamas hit Israel with hundreds of rockets on Saturday.", ("ASSAULT",)),
    # fire at people, not from a job
    ("Riot police fired rubber bullets at the students outside the ministry.", ("ASSAULT",)),
    ("Gunmen fired on a minibus near the border town, wounding six.", ("ASSAULT",)),
    # struck by a weapon, not by a feeling
    ("The aid convoy was struck by an artillery shell north of the city.", ("ASSAULT",)),
    # a march along the streets, not a country led somewhere
    ("Tens of thousands marched the streets of Tbilisi against the new law.", ("PROTEST",)),
    # blocking a port or a road is a blockade
    ("Naval forces blocked access to the port of Hodeidah for a week.", ("COERCE",)),
    # a threat made, not a capability
    ("Beijing threatened Manila with unspecified countermeasures over the shoal.",
     ("THREATEN",)),
    # a shooting spree, not gun violence as a kind of crime
    ("A gunman killed four shoppers at a grocery store in Ohio on Sunday.", ("ASSAULT",)),
]

MUST_NOT: list[tuple[str, str]] = [
    # "hit" of levels, milestones and hardship
    ("Jobless claims hit their lowest level in five decades last month.", "ASSAULT"),
    ("Our agency has hit each of the milestones set out in the plan.", "ASSAULT"),
    ("Rural towns were hit hard by the closure of the mills.", "ASSAULT"),
    ("Rising rents hit working families harder than anyone else.", "ASSAULT"),
    ("The Administration hit the oil traders with a fresh round of penalties.", "ASSAULT"),
    # "fire" of a job
    ("The new rule shields nurses who report abuse from being fired or demoted.", "ASSAULT"),
    ("The inspector was fired from her post after the audit.", "ASSAULT"),
    # "struck" of a feeling or a bargain
    ("I was struck by the resolve of the families I met in the valley.", "ASSAULT"),
    # a country led toward something, no march
    ("These lawmakers are marching the nation toward a default on its debts.", "PROTEST"),
    # blocking a policy or access to a service
    ("Opponents in the Senate keep trying to block the Governor's housing agenda.", "COERCE"),
    ("Literacy tests once blocked many citizens' access to the ballot box.", "COERCE"),
    # a sanction's freeze in the boilerplate, with "is blocked" misparsed
    ("As a result of this action, any property or interests in property of these persons "
     "in the possession or control of U.S. persons or within or transiting the United "
     "States is blocked.", "COERCE"),
    # gun violence as a kind of crime
    ("Doctors gathered to discuss the gun violence public health crisis in their cities.",
     "ASSAULT"),
    # a capability to threaten, no threat made
    ("Such investment lets the regime directly threaten the United States homeland.",
     "THREATEN"),
]


extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(
    MUST, MUST_NOT, ("type",))
