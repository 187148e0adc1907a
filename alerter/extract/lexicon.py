"""Small closed word lists the parse-based analysis relies on (not taxonomy data:
these are English grammar, not event vocabulary)."""

import re

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
CONTAINERS = frozenset({"package", "measure", "round", "list", "set", "wave", "step",
                        "action", "tranche", "batch"})
# Subject verbs that report an effect rather than an announcement unless the noun is
# marked as new: "new sanctions hit Russian banks", not "sanctions hit the car industry".
EFFECT_GOVERNORS = frozenset({"hit", "affect"})
NOVELTY = frozenset({"new", "fresh", "latest", "further", "additional", "more", "tougher",
                     "broader", "wider", "sweeping", "first", "next", "tenth", "ninth"})
# Nouns that measure goods rather than name them: "hundreds of drones", "a batch of tanks".
MEASURES = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens",
                      "million", "millions", "tonne", "tonnes", "ton", "tons", "batch",
                      "shipment", "consignment", "number", "lot", "pair", "set", "load",
                      "cargo", "delivery", "package", "quantity", "supply", "stock", "kind",
                      "type", "sort", "variety", "range", "array", "arsenal", "assortment",
                      "round"})
# "may have sent": a past event reported with doubt (asserted, hedged), not a hypothesis
HEDGED_MODALS = frozenset({"may", "might", "could"})
# Nouns through which a clause comments on an event rather than framing it: "would be
# the first instance of Iran supplying missiles" does not make the supply hypothetical.
SIGNIFICANCE_NOUNS = frozenset({"instance", "example", "case", "sign", "evidence", "proof"})
# Verbs whose subject gets what the governed supply noun names: "shipments were
# received by Russia", "Iran obtained deliveries of ...".
RECEIVING = frozenset({"receive", "obtain", "acquire", "get", "accept", "procure", "buy",
                       "purchase", "import"})
# Nouns of a deal that name their goods with "for": "a deal for armed drones".
DEAL_NOUNS = frozenset({"deal", "contract", "order", "purchase", "agreement", "request",
                        "tender"})
# Nouns for a state's forces or government: a supply verb's object that names one of
# these is the recipient ("supply the Russian military"), not the goods.
FORCE_NOUNS = frozenset({"military", "army", "force", "forces", "troops", "navy",
                         "government", "regime", "ministry", "authorities", "side", "ally",
                         "allies", "country", "state", "industry", "sector"})
# United States legal authorities: an action "pursuant to E.O. 14024" is the US government's.
US_AUTHORITY = re.compile(r"\b(?:E\.\s?O\.|Executive Order)\s*\d{4,5}")
# "firms based in China": where a target is based gives its country
BASED = frozenset({"base", "locate", "headquarter", "register", "incorporate"})
# "was previously designated": an earlier event recalled
BACKGROUND_ADVERBS = frozenset({"previously", "formerly", "earlier", "originally", "already",
                                "once", "recently", "currently"})
# Verbs that name an act as the reason for a measure or a charge: "designated for
# supplying weapons" (the supply happened), "accused of shipping drones" (it is alleged).
CHARGING_VERBS = frozenset({"designate", "sanction", "blacklist", "target", "penalize",
                            "penalise", "punish", "arrest", "detain", "accuse", "charge",
                            "indict", "suspect", "convict", "sentence", "fine"})
# What a government imposes on someone for what they did: "imposed sanctions on X over
# drone deliveries" designates as "sanctioned X for" does.
PENALTY_NOUNS = frozenset({"sanction", "sanctions", "penalty", "penalties", "restriction",
                           "restrictions", "measure", "measures", "ban", "bans", "embargo"})
ALLEGING_VERBS = frozenset({"accuse", "charge", "indict", "suspect", "allege"})
CURRENCIES = frozenset({"dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "$",
                        "€", "£"})
# Offices and honours one is "designated as": not a sanctions designation.
OFFICES = frozenset({"commissioner", "director", "secretary", "chair", "chairman", "chairwoman",
                     "member", "delegation", "ambassador", "representative", "envoy",
                     "administrator", "head", "officer", "site", "monument", "area", "zone",
                     "holiday", "day", "week", "month", "office", "facility", "successor",
                     "president", "leader", "chief", "deputy", "coordinator", "park",
                     "agency", "requirement", "lead", "contact", "aide", "comptroller",
                     "beneficiary", "agent"})
# What is designated that is no designee (as the object of "designate"): "will designate
# a recovery coordinator", "designated Opportunity Zones" (not "designated cartel members").
DESIGNATED_THINGS = frozenset({"coordinator", "delegation", "zone", "monument", "site", "area",
                               "park", "landscape", "holiday", "point", "lead", "contact",
                               "beneficiary", "successor", "county", "counties", "communitie",
                               "corridor", "hub"})
# Decrees and measures: "an order that imposes restrictions" states the measure itself,
# where "an entity that has refused" only describes the entity.
INSTRUMENTS = frozenset({"order", "action", "law", "measure", "package", "resolution",
                         "regulation", "rule", "decision", "act", "bill", "directive",
                         "determination", "designation", "sanction", "e.o.", "decree",
                         "proclamation", "memorandum", "step", "paper", "statement", "plan",
                         "proposal", "document", "communique", "declaration", "report",
                         "letter", "text", "draft"})
# Prepositions whose object is taken as a fact by the clause around it: "vowed revenge
# after the killing", "amid the crackdown", "despite the sanctions" (not "over": talks
# over a possible shipment are about it).
# Nouns of time after an event, taking it as given: "in the wake of the attacks",
# "against the backdrop of missile strikes on Kyiv".
PRESUPPOSING_NOUNS = frozenset({"wake", "aftermath", "backdrop", "heels"})
PRESUPPOSING_PREPS = frozenset({"after", "following", "since", "amid", "despite", "during",
                                "because", "due"})
# Adjectives that frame an event noun: (modality, hedged). "a planned offensive", "a
# possible attack", "the alleged transfer" (a hedged report).
MODAL_ADJECTIVES: dict[str, tuple[str, bool]] = {
    "planned": ("planned", False), "upcoming": ("planned", False),
    "scheduled": ("planned", False), "forthcoming": ("planned", False),
    "proposed": ("discussed", False), "possible": ("hypothetical", False),
    "potential": ("hypothetical", False), "threatened": ("hypothetical", False),
    "alleged": ("asserted", True), "suspected": ("asserted", True),
    "reported": ("asserted", True), "purported": ("asserted", True)}
# Verbs that look ahead to an event that has not happened: "warned of an attack".
ANTICIPATING = frozenset({"warn", "fear", "predict", "expect", "anticipate", "prepare",
                          "brace", "forecast", "threaten", "caution", "prevent", "avert",
                          "deter", "plot", "plan", "risk"})
# "existing sanctions", "in previous actions": earlier measures recalled
BACKGROUND_ADJECTIVES = frozenset({"existing", "previous", "prior", "past", "earlier",
                                   "former", "longstanding", "long-standing", "current",
                                   "recent"})
# Passives that state a purpose or a rule, not an act: "sanctions are intended to ..."
PURPOSE_PASSIVES = frozenset({"intend", "design", "mean", "require", "aim", "meant",
                              "calibrate", "tailor"})
# Subordinators whose clause is taken as a fact: "after eight people were arrested".
PRESUPPOSING_MARKS = frozenset({"after", "since", "because", "as", "while", "when", "once",
                                "although", "though"})
# Verbs whose object event is taken as a fact: "condemned the attack on the hospital".
PRESUPPOSING = frozenset({"condemn", "denounce", "deplore", "mourn", "investigate", "blame",
                          "claim", "protest", "decry", "commemorate", "survive", "witness",
                          "document", "recall", "remember", "respond"})
# Verbs whose subject takes part in the event noun under them: "police seized records in
# an investigation into fraud" (the police investigate).
PARTICIPATING = frozenset({"arrest", "seize", "detain", "raid", "search", "charge", "assist",
                           "join", "coordinate", "oversee", "supervise", "involve"})
# Nouns that speak about measures in general rather than announce one: "the use of
# sanctions", "enforcement of sanctions", "the lifting of sanctions".
ABOUT_MEASURES = frozenset({"use", "threat", "effectiveness", "role", "power", "impact",
                            "effect", "integrity", "enforcement", "evasion", "lifting",
                            "relief", "removal", "violation", "implementation", "scope",
                            "purpose", "goal", "history", "future", "value", "tool",
                            "authority", "program", "programme", "regulation", "guideline",
                            "law", "circumvention", "easing", "cost", "burden", "risk",
                            "compliance", "breach", "administration", "waiver",
                            "rescission", "revocation", "termination"})
# Laws and budgets as the subject of "provides $X": spending, not aid to another party.
SPENDING_INSTRUMENTS = frozenset({"law", "budget", "plan", "program", "programme", "bill",
                                  "act", "rule", "legislation", "initiative", "proposal",
                                  "package", "agenda", "investment", "grant", "fund"})
# Nouns of the act that makes an accord, through which an "of" phrase is framed: "the
# signing of a memorandum" is a memorandum signed, whatever verb takes "the signing";
# so is "the unsealing of an indictment".
ENACTING_NOUNS = frozenset({"signing", "finalization", "finalisation", "ratification",
                            "conclusion", "unsealing",
                            # "previewed his announcement of $800 million in security aid"
                            "announcement"})
# Nouns of making a measure known, through which an "of" phrase is the measure made:
# "welcomed Japan's announcement of export controls" (they were announced).
ANNOUNCING_NOUNS = frozenset({"announcement"})
# Verbs whose "with" phrase is the other side, not the goods: "stands with Ukraine",
# "talked with his Polish counterpart" (but "supply X with drones").
PARTNERING = frozenset({"stand", "side", "meet", "talk", "negotiate", "consult", "confer",
                        "speak", "discuss"})

# What a country has rather than is: "threatens U.S. interests", "support the U.S.
# strategy", "support U.S. firms" name no party the verb acts on.
HOLDINGS = frozenset({"interest", "strategy", "policy", "economy", "firm", "company", "job",
                      "export", "import", "industry", "business", "market", "goal",
                      "objective", "value", "priority", "effort"})
# Nouns an event noun may hang from by "of" and still be what the clause's subject
# does: its parts and stretches ("launched a series of strikes", "a night of strikes"),
# its aspects ("discussing the price and scope of the supply"), its prospect ("weighing
# the possibility of sanctions"). Under any other noun ("announced sanctions on Friday,
# the anniversary of the invasion") the clause's subject is not its owner.
PARTITIVES = frozenset({"series", "spate", "string", "wave", "round", "campaign", "part",
                        "start", "beginning", "resumption", "continuation", "expansion",
                        "extension", "escalation", "intensification", "day", "night", "week",
                        "weekend", "month", "year", "hour", "days", "weeks", "months",
                        "price", "scope", "size", "timing", "term", "detail", "cost",
                        "amount", "extent", "pace", "volume", "level", "scale", "speed",
                        "nature", "condition", "modality", "framework", "parameter",
                        "possibility", "prospect", "idea", "option", "question", "issue",
                        "matter", "topic", "subject", "need", "importance", "necessity",
                        "value", "financing", "funding"})
# Verbs whose object does what their to-infinitive says: "enabled Ukraine to recapture",
# "directed the agency to investigate", "asked Germany to send tanks".
OBJECT_CONTROL = frozenset({"enable", "allow", "permit", "help", "assist", "ask", "urge",
                            "call", "force", "compel", "encourage", "invite", "persuade",
                            "press", "push", "require", "authorize", "authorise", "empower",
                            "order", "direct", "instruct", "tell", "request", "pressure"})
