"""Small closed word lists the parse-based analysis relies on (not taxonomy data:
these are English grammar, not event vocabulary)."""

HEDGES = frozenset({"reportedly", "allegedly", "purportedly", "apparently", "supposedly",
                    "rumoured", "rumored", "ostensibly", "seemingly"})
# "X is believed to", "is said to", "is reported to"
HEDGE_PASSIVES = frozenset({"believe", "say", "report", "understand", "think", "rumour",
                            "rumor", "allege", "suspect"})
HEDGE_SOURCES = frozenset({"source", "insider"})
REPORT_VERBS = frozenset({"report", "say", "state", "tell", "claim", "assess", "allege", "write",
                          "note", "confirm", "add", "reveal", "disclose", "suggest", "indicate",
                          "believe", "learn", "warn", "announce", "publish", "cite", "quote"})
PLANNED_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "can", "should", "must", "'d",
                              "ca"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
TARGET_PREPS = frozenset({"on", "against", "to", "toward", "towards", "upon", "for", "at",
                          "into"})
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12,
                "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Nouns that hold measures: "a sanctions package", "export-control measures".
CONTAINERS = frozenset({"package", "measure", "regime", "round", "list", "set", "wave", "step",
                        "action", "programme", "program", "tranche", "batch"})
# Subject verbs that report an effect rather than an announcement unless the noun is
# marked as new: "new sanctions hit Russian banks", not "sanctions hit the car industry".
EFFECT_GOVERNORS = frozenset({"hit", "affect"})
NOVELTY = frozenset({"new", "fresh", "latest", "further", "additional", "more", "tougher",
                     "broader", "wider", "sweeping", "first", "next", "tenth", "ninth"})
# Nouns that measure goods rather than name them: "hundreds of drones", "a batch of tanks".
MEASURES = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens",
                      "million", "millions", "tonne", "tonnes", "ton", "tons", "batch",
                      "shipment", "consignment", "number", "lot", "pair", "set", "load",
                      "cargo", "delivery", "package", "quantity", "supply", "stock"})
