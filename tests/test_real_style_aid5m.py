"""Military aid told through parts and materials (issue 10, round 5; read on fresh
Treasury designation prose with bench/fresh_review.py --types AIDMIL): a supply verb
whose goods are parts, materials or equipment of no item class is a military supply
when the goods' own phrase or the ones who get them are tied to weapons ("components to
firms that build missiles for X", "precursors used to make rockets", "the X defense
industry with microchips"), also in a relative or participle clause; and the look-alikes:
the same parts with no weapons tie (trade), and the designation criteria's "provided
goods or services to". Also a country given "what it needs to defend itself" or "the
support it needs to win" (military aid, not the economic of a bare "assistance"); and
in a sanctions release, a supply whose clause names its own giver is that giver's, never
the United States' (no more "USA: arms shipped" for a designated carrier); a
go-between's "facilitated the transfer of weapons to X" is the supply itself. Every
sentence is our own, written in the style of the cases seen; none is corpus text.
"""

from __future__ import annotations

from .sentences import sentence_tests

# sentence → an event it must hold: (type, subtype, modality, actor, target)
Expected = tuple[str, str | None, str, set[str], set[str]]
MUST: list[tuple[str, Expected]] = [
    # the parts' recipients make weapons
    ("Acme Optics earns its income by supplying lenses and components to plants that "
     "build guided missiles.", ("AID", "military", "asserted", set(), set())),
    # the parts' own phrase names the weapons they go into
    ("Delta Chemicals is a China-based trader that has shipped bulk amounts of chemical "
     "precursors for rocket motors to rebel forces.",
     ("AID", "military", "asserted", {"CHN"}, set())),
    ("Orbit Trading has exported hundreds of items with drone applications to a "
     "firm in Belarus.", ("AID", "military", "asserted", set(), {"BLR"})),
    # the recipient is a defense industry, the parts come "with"
    ("Kestrel LLC has supplied the Russian defense industry with imported microelectronics "
     "since 2022.", ("AID", "military", "asserted", set(), {"RUS"})),
    # told in a relative clause, a side coded only in the weapons phrase
    ("Vostok Instruments is a Crimea-based maker that has supplied spare parts for use in "
     "Russian military aircraft.", ("AID", "military", "asserted", set(), {"RUS"})),
    # told in a participle clause after the firm
    ("Polar Freight is one of several middlemen supplying the Russian defense sector with "
     "foreign-made circuits and materials.", ("AID", "military", "asserted", set(), {"RUS"})),
    # arms given in a clause with no coded side: the work of an effort, a perfect, both
    # sides of a war "with" them, arms measured in tons
    ("The commander led efforts to send rockets and ammunition to the rebel militias.",
     ("AID", "military", "asserted", set(), set())),
    ("Raven Air is a charter airline that has flown and shipped hundreds of tons of "
     "munitions and weapons to conflict zones.", ("AID", "military", "asserted", set(), set())),
    ("Marko Vell is a former colonel who has supplied both the army and the rebels with "
     "rifles and artillery shells.", ("AID", "military", "asserted", set(), set())),
    # in a sanctions release the clause's own firm gives, never the United States
    ("OFAC is also designating Skyline Cargo, an airline that has shipped thousands of tons "
     "of munitions to conflict zones.", ("AID", "military", "asserted", set(), set())),
    # a go-between's verb over a supply noun of arms: the deed happened, by nobody coded
    ("Treasury designated Omar Salah, who facilitated the transfer of cash and rifles and "
     "ammunition to militants in the north.", ("AID", "military", "asserted", set(), set())),
    ("The broker coordinated the shipment of drones to Russia in 2023.",
     ("AID", "military", "asserted", set(), {"RUS"})),
    # "source" is the buyer's side, as "acquire" is
    ("Facing shortages, Moscow has tried to source artillery shells and drones from Tehran.",
     ("AID", "military", "discussed", {"IRN"}, {"RUS"})),
    # "military support" stands alone with a coded side, as "security assistance" does
    ("Air bridges enable Tehran's military support for the Syrian regime.",
     ("AID", "military", "asserted", {"IRN"}, {"SYR"})),
    ("Officials raised the growing military support from Belarus to Russia's war.",
     ("AID", "military", "asserted", {"BLR"}, {"RUS"})),
    # a country given "what it needs" for its war: military, not the economic of a bare
    # "assistance"; a kind word keeps its own kind
    ("Britain will keep giving Kyiv the help it needs to defend itself.",
     ("AID", "military", "planned", {"GBR"}, {"UKR"})),
    ("Canada is determined to provide Ukraine with what it needs to win.",
     ("AID", "military", "planned", {"CAN"}, {"UKR"})),
    ("Norway remains committed to providing Ukraine with the assistance it needs to repel "
     "the invasion.", ("AID", "military", "planned", {"NOR"}, {"UKR"})),
    ("The bank will provide Ukraine with the financial support it needs to defend its "
     "currency.", ("AID", "economic", "planned", set(), {"UKR"})),
]
# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # parts with no weapons tie are trade
    ("Northway Parts has sent aircraft components to buyers in Russia in breach of export "
     "rules.", "AID"),
    ("Lumen LLC is a Moscow-based company supplying laser sources and optical equipment.",
     "AID"),
    # the designation criteria's goods or services
    ("The firm is being designated for having provided financial, material, or "
     "technological support for, or goods or services to or in support of, the Ministry "
     "of Defense.", "AID"),
    # a clause that only names arms inside what is sent, or a habitual trade at home
    ("I again ask lawmakers to send me a bill that bans assault weapons.", "AID"),
    ("Many dealers who sell weapons at fairs skip background checks.", "AID"),
    ("The quarry firm, which sells explosives to mining companies, was fined.", "AID"),
    # conduct a release lists as risky, with nobody giving to anyone named
    ("Examples of conduct that could expose foreign banks to sanctions risk under E.O. 14024 "
     "are keeping accounts, transferring funds, or providing other services for persons "
     "designated under it.", "AID"),
    # a go-between over oil or other goods is left to the other rules
    ("The network facilitated the sale of petroleum products to buyers in Asia.", "AID"),
    # sourcing with no class of goods, or nobody coded, is trade
    ("Ports should use trusted vendors when sourcing cranes and heavy equipment.", "AID"),
    # "military support" for one's own service members is no aid to another party
    ("The base offers a military support network to families of service members.", "AID"),
    # what people need with no war aim, and nobody coded
    ("The grants will give them the support they need to thrive.", "AID"),
    # a firm's line of business, and the criteria's "material support"
    ("Aster Institute, a Russia-based research body that provides solutions related to the "
     "design of modern equipment including artillery mounts.", "AID"),
    ("Kappa Trade was designated in 2021 for providing material support to Iran's missile "
     "program.", "AID"),
    # "missile defense" ties no part to weapons made for someone
    ("The agency will provide equipment to the city for its missile defense museum.", "AID"),
]
FIELDS = ("type", "subtype", "modality", "actor", "target")

extracted, test_event_is_found, test_event_is_not_misread = sentence_tests(MUST, MUST_NOT,
                                                                           FIELDS)
