"""Statements and joint action as fresh government prose words them, in our own words:
"charged" as a task or a price is no charge (ACCUSE); a host's "welcome" to guests is no
endorsement (SUPPORT), and neither is "support" telling what money, goods or a measure
are for; a refusal after "but" with its own subject is not obliged by the clause before
it (REJECT); an act done "in coordination with" a named party is joint action (COOPERATE),
and working with one's own agencies or uncoded stakeholders is not. Each MUST sentence
gives an event of the type beside it, each MUST_NOT sentence none."""

from __future__ import annotations

from .sentences import sentence_tests

MUST: list[tuple[str, str]] = [
    # a charge stays a charge: a crime gerund, a crime noun, a person charged
    ("Prosecutors charged two men with smuggling rifles into Haiti.", "ACCUSE"),
    ("The captain was charged with illegally shipping fuel to North Korea.", "ACCUSE"),
    ("A Brazilian trader was charged with fraud and money laundering.", "ACCUSE"),
    ("Three officers were charged in the killing of a protester.", "ACCUSE"),
    ("A court filed an indictment charging Ivan Petrov with using stolen card data.", "ACCUSE"),
    # joint action with a named party, however the clause hangs it
    ("Treasury, in coordination with Japan, designated four shipping firms today.",
     "COOPERATE"),
    ("The measures were taken in close cooperation with the Government of Canada.",
     "COOPERATE"),
    ("Russia and China have cooperated with each other on satellite navigation.", "COOPERATE"),
    ("The two navies will cooperate with Interpol on piracy cases.", "COOPERATE"),
    ("The new listings were coordinated with allies, who will add their own measures.",
     "COOPERATE"),
    ("Kenya agreed to cooperate with the United Nations on the investigation.", "COOPERATE"),
    # welcoming an act, a decision or a party's accession is endorsement
    ("Leaders welcomed Finland to the Alliance at the summit.", "SUPPORT"),
    ("The Minister welcomed the ceasefire agreed by the two sides.", "SUPPORT"),
    ("We welcome the new opportunities that the peace accord opens for the region.",
     "SUPPORT"),
    # a refusal in a clause of its own after "but", whatever the first clause obliges
    ("The talks should cover trade, but Beijing has refused to discuss tariffs.", "REJECT"),
    # a party's stance stays support
    ("France supports the ceasefire proposal put forward by Egypt.", "SUPPORT"),
    ("Japan will support Ukraine's bid to join the European Union.", "SUPPORT"),
    ("She stressed Canada's commitment to support the transition to civilian rule in Mali.",
     "SUPPORT"),
    ("Norway will use every diplomatic tool to support President Sandu of Moldova.",
     "SUPPORT"),
]

MUST_NOT: list[tuple[str, str]] = [
    # a refusal only urged
    ("We must stand together and reject hatred in every form.", "REJECT"),
    ("Banks must screen their clients and refuse suspicious payments.", "REJECT"),
    # "charged" as a task
    ("The new board is charged with advising the Governor on water policy.", "ACCUSE"),
    ("Each district office is charged to report its spending every quarter.", "ACCUSE"),
    ("The commission, charged with the oversight of port security, met on Monday.", "ACCUSE"),
    ("All regional offices are charged with actively promoting fair lending.", "ACCUSE"),
    # "charged" as a price
    ("The late fees charged by the landlord were illegal.", "ACCUSE"),
    ("Many renters are charged surprise fees when they move out.", "ACCUSE"),
    ("The interest is charged to every borrower at the same rate.", "ACCUSE"),
    # "in partnership with" someone with no code is no joint action of parties
    ("The firm, in partnership with a local charity, opened a clinic.", "COOPERATE"),
    # one government's own agencies working together
    ("The action was taken in coordination with the Department of Commerce.", "COOPERATE"),
    ("OFAC coordinated closely with the Drug Enforcement Administration on this action.",
     "COOPERATE"),
    # working with uncoded stakeholders at home
    ("The agency will collaborate with stakeholders to improve mental health care.",
     "COOPERATE"),
    ("The university will partner with local extension offices across the state.",
     "COOPERATE"),
    # a host's greeting
    ("The Secretary welcomed the visiting students to the Treasury on Friday.", "SUPPORT"),
    ("The Deputy Secretary welcomed the Committee and opened the session.", "SUPPORT"),
    ("We welcome the opportunity to testify before you today.", "SUPPORT"),
    # what money, goods or a measure are for
    ("The new rule supports the Governor's plan to expand rural clinics.", "SUPPORT"),
    ("The request includes funding to support the production of Ukrainian grain.", "SUPPORT"),
    ("Rescue teams are deploying to support Turkish search efforts after the earthquake.",
     "SUPPORT"),
    ("The parts were intended to support Iran's drone program.", "SUPPORT"),
]


# each MUST sentence holds an event of its type; no MUST_NOT sentence holds one of its type
extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(
    [(s, (t,)) for s, t in MUST], MUST_NOT, ("type",))
