"""Force, coercion and threats in the wording of government prose outside the annotated
sample (issue 10, round 5; read on fresh documents with bench/fresh_review.py --types
ASSAULT,COERCE,THREATEN,MOBILIZE,RETREAT,PROTEST): attacks told by their doer's verb
("have perpetrated a series of attacks", "led to the killing of"), pinned to a year
("his 2017 attacks"), people "gunned down", "held for ransom" or attacked by "enemy small
arms fire" (gunfire, no blaze), IEDs "deployed"; captivity judged wrong ("citizens
wrongfully held in Iran", "unjustly detained prisoners"), a crackdown someone "led";
"hold them accountable" with the party named before "them"; and the look-alikes: the
ability to carry out attacks, "we must not retreat", a retreat from the world, disasters
that strike, people marched to their deaths, arrests of protesters (no protest), money
mobilised, gun bans, and pilots killed in a crash. Every sentence is our own, written in
the style of the cases seen; none is corpus text.
"""

from __future__ import annotations

from .sentences import sentence_tests

# sentence → an event it must hold: (type, modality)
MUST: list[tuple[str, tuple[str, str]]] = [
    # the doer's verb, told as past
    ("Militias tied to the regime have perpetrated a series of attacks against aid "
     "convoys in the east.", ("ASSAULT", "asserted")),
    ("For years his command of the group led to the killing of hundreds of villagers.",
     ("ASSAULT", "asserted")),
    ("As police chief of the province, Rahimi has led the crackdown on the demonstrations "
     "in the capital.", ("COERCE", "asserted")),
    # a year or a full date pins the attack
    ("She was freed after serving her sentence for her 2015 bombings in Lyon.",
     ("ASSAULT", "asserted")),
    ("Markets closed for four days following the September 11, 2001 attacks.",
     ("ASSAULT", "asserted")),
    # verbs of shooting, kidnapping and bombing
    ("On Sunday a man with a rifle gunned down six worshippers outside the church.",
     ("ASSAULT", "asserted")),
    ("Captured traders are held for ransom by the gang's fighters for weeks.",
     ("ASSAULT", "asserted")),
    ("He deployed IEDs against army patrols along the highway in 2019.",
     ("ASSAULT", "asserted")),
    ("The patrol's truck was attacked by enemy small arms fire near the village.",
     ("ASSAULT", "asserted")),
    # captivity judged wrong happened, even under a purpose or a plan
    ("The minister thanked Qatar for its help in freeing American citizens wrongfully held "
     "in Iran.", ("COERCE", "asserted")),
    ("We remain committed to bringing home our wrongfully held nationals.",
     ("COERCE", "asserted")),
    ("The talks secured the release of 90 unjustly detained political prisoners.",
     ("COERCE", "asserted")),
    # attacks told as going on or as past by their own words
    ("Oil sales keep funding the militia's ongoing attacks on merchant ships in the Gulf.",
     ("ASSAULT", "asserted")),
    ("Police secured the market quickly after the attack and began their search.",
     ("ASSAULT", "asserted")),
    # an arrest that today's action follows happened
    ("Today's designation follows the arrest of the smuggler by Peruvian police in June.",
     ("COERCE", "asserted")),
    ("The indictment comes on the heels of the 2019 arrest in Madrid of the cartel's "
     "accountant.", ("COERCE", "asserted")),
    # pressure aimed at a named party, however many adjectives it takes
    ("We stand ready to keep increasing the political and economic pressure on Minsk if "
     "the crackdown goes on.", ("THREATEN", "asserted")),
    # a warning sent to a named party, even by a measure
    ("These sanctions send an unmistakable warning to Tehran.", ("THREATEN", "asserted")),
    # no hesitation to act against a named party
    ("We will not hesitate to use every tool we have against Hezbollah.",
     ("THREATEN", "asserted")),
    # a named victim, a named place, a day after it: one attack
    ("The minister spoke of her grief over the killing of the journalist Anna Petrova.",
     ("ASSAULT", "asserted")),
    ("Aides briefed the Chancellor on the bomb attack at Vienna International Airport.",
     ("ASSAULT", "asserted")),
    ("I want to speak first about the brazen attack on Jordan last Sunday by the militia.",
     ("ASSAULT", "asserted")),
    # a wrongful incarceration happened
    ("The wrongful incarceration of thousands of farmers split families for years.",
     ("COERCE", "asserted")),
    # deterrence: an attack will be met with a response
    ("Any missile attack on our allies will be met with a swift and decisive response.",
     ("THREATEN", "asserted")),
    ("Any missile attack by North Korea on Japan will be met with a decisive response.",
     ("ASSAULT", "hypothetical")),
    # a party that threatens to act still threatens
    ("The militia commander threatened to burn villages that refused to pay.",
     ("THREATEN", "asserted")),
    # forces and police deployed stay deployments
    ("The junta deployed riot police to the capital before the vote.",
     ("MOBILIZE", "asserted")),
    ("Moscow deployed three warships to the eastern Mediterranean.", ("MOBILIZE", "asserted")),
    # an attack ranked, owned by a nation, with a place and a day, or directed by someone
    ("It was the deadliest attack on the country's Sikh community in its history.",
     ("ASSAULT", "asserted")),
    ("Aid helps Ukrainians defend against Russian drone attacks every night.",
     ("ASSAULT", "asserted")),
    ("We mourn with the nation after the killings of five people in Ohio on May 2nd.",
     ("ASSAULT", "asserted")),
    ("The colonel has directed numerous assaults on reporters and students.",
     ("ASSAULT", "asserted")),
    ("The commander spearheaded deadly attacks on army outposts in 2019.",
     ("ASSAULT", "asserted")),
    # a telephone call blocks nothing
    ("This evening she called the Mayor to offer her condolences after this terrible attack.",
     ("ASSAULT", "asserted")),
    # a road or ships blocked by forces is still coercion
    ("Israeli forces blocked the road to the village for three days.", ("COERCE", "asserted")),
    # a pronoun that stands for the party named before it
    ("Hezbollah is a designated terrorist group, and we will work tirelessly to hold "
     "them accountable.", ("THREATEN", "asserted")),
]

# sentence → a type it must not hold
MUST_NOT: list[tuple[str, str]] = [
    # what someone is able to do is no attack
    ("The new measures will weaken the militia's ability to carry out attacks on shipping.",
     "ASSAULT"),
    ("Cutting its revenue degrades the group's capacity to conduct terrorist attacks.",
     "ASSAULT"),
    # resolve, not a retreat of forces
    ("We will not retreat in this fight for fair wages.", "RETREAT"),
    ("America cannot afford a retreat from the world.", "RETREAT"),
    # disasters, deaths and crashes
    ("Families should make a plan before disaster strikes.", "ASSAULT"),
    ("Families should make a plan before disaster strikes.", "PROTEST"),
    ("Two crew members were killed when their helicopter crashed during a training flight.",
     "ASSAULT"),
    ("Thousands of prisoners were marched to their deaths that winter.", "PROTEST"),
    # protesters arrested are no protest; gun laws are no coercion
    ("The envoy raised the recent arrests of student protesters with the minister.",
     "PROTEST"),
    ("Congress should ban assault weapons and high-capacity magazines.", "COERCE"),
    # money and projects mobilised
    ("The programme has mobilized 30,000 building projects across the country.", "MOBILIZE"),
    # "this ongoing assault" is mostly one on rights; later attacks are none yet
    ("In the face of this ongoing assault, we will keep defending voting rights.", "ASSAULT"),
    ("We must prevent future attacks on our embassies.", "ASSAULT"),
    # land taken in fighting is no seizure of goods
    ("Kyiv has retaken much of the territory that Russian forces seized last spring.",
     "COERCE"),
    # crimes named as a kind, fear struck, laws struck down, seizures as a task
    ("Paid leave lets workers seek safety from sexual assault or domestic violence.",
     "ASSAULT"),
    ("Hate crimes strike fear in whole neighbourhoods.", "ASSAULT"),
    ("The court chose to strike down the city's authority to license handguns.", "ASSAULT"),
    ("The bill will boost the agency's ability to detect and seize illegal drugs.", "COERCE"),
    ("The task force is a joint effort to find, freeze, and seize the assets of oligarchs.",
     "COERCE"),
    ("The plan helps people find housing after incarceration.", "COERCE"),
    ("For four years, voting rights have been under relentless attack.", "ASSAULT"),
    # a law "threatens" what it does; no party threatens
    ("The state's new ban threatens to jail nurses who help patients.", "THREATEN"),
    # a thought that strikes, an attack launched on a freedom, internet deployed
    ("It strikes me that every month is a good month to start a business.", "ASSAULT"),
    ("Extremist officials have launched an all-out attack on reproductive freedom.",
     "ASSAULT"),
    ("Clinics keep their doors open in the face of relentless attacks.", "ASSAULT"),
    ("The new grants are deploying broadband to rural towns without access.", "MOBILIZE"),
    # attacks on a law or on rights, heat and fires, attacks still to come
    ("After ten years of attacks on the Clean Air Act, the rule finally stands.", "ASSAULT"),
    ("Senators met to discuss attacks on voting rights and ways to protect ballots.",
     "ASSAULT"),
    ("Extreme heat kills more people every year than floods do.", "ASSAULT"),
    ("She called the Governor about the fires that have burned thousands of acres, forced "
     "evacuations, and destroyed hundreds of homes.", "ASSAULT"),
    ("We must prevent future Iranian attacks on shipping.", "ASSAULT"),
    # sanctions block property: a freeze, not a seizure
    ("The following Conviasa aircraft are blocked property of the Government of Venezuela.",
     "COERCE"),
    ("All property and interests in property of these persons in the United States are "
     "blocked.", "COERCE"),
    ("If we all get vaccinated, this country can beat COVID.", "ASSAULT"),
    ("Today's designations will strike at the financial core of the smuggling ring.",
     "ASSAULT"),
    # no hesitation aimed at nobody
    ("We will not hesitate to act to protect our citizens.", "THREATEN"),
    ("Treasury will not hesitate to target those who prolong the war in Sudan.", "THREATEN"),
    # "them" standing for nobody named
    ("Those behind the fraud will be found, and we will hold them accountable.", "THREATEN"),
    ("The Treasury will track down the perpetrators and hold them accountable.", "THREATEN"),
]


extracted, test_force_is_found, test_force_is_not_misread = sentence_tests(
    MUST, MUST_NOT, ("type", "modality"))
