"""What a third round of fresh government prose showed the force, protest, coercion and
inquiry rules misreading, in our own words: figures, applications and curtains that
"retreat", are "withdrawn" or "pulled back"; "strikes" by armies read as walkouts and a
union's walkout read as an attack; "rallying behind" a cause and a "demonstration of"
resolve read as protests; jobs "killed" and kilns "fired up"; and attacks told by their
name, by "these", by "from" a party or by a call to stop them, and coercion and inquiries
taken as given, which were missed. Each MUST_NOT sentence must give no event of the type
beside it; each MUST sentence must give one."""

from __future__ import annotations

import pytest

from alerter.extract import Extractor
from alerter.models import Event

from .sentences import assert_none_of, extract_each, shown

MUST_NOT: list[tuple[str, str]] = [
    # withdrawing and retreating with no force or party pulling back
    ("Once the forms are checked, requests that get no funding will be withdrawn.",
     "RETREAT"),
    ("Shop prices hit a peak in June and have retreated a little since then.", "RETREAT"),
    ("Before we pull back the curtain on the new stamp, let me thank the printers.",
     "RETREAT"),
    ("Lenders react to unclear rules by holding back or withdrawing entirely.", "RETREAT"),
    ("Members may now withdraw from their saved payment mandates on the website.",
     "RETREAT"),
    ("The plan includes a mineral withdrawal to keep mines out of the river basin.",
     "RETREAT"),
    # strikes by armies are attacks, a union's walkout is none
    ("Our aircraft carried out precise strikes against depots in Syria used by the militia.",
     "PROTEST"),
    ("Aid groups reported deaths after a strike by the army on a clinic near the camp.",
     "PROTEST"),
    ("Talks collapsed and the union called a targeted strike at two steel plants.",
     "ASSAULT"),
    ("Exports slowed after a strike by port workers in Antwerp.", "ASSAULT"),
    # rallying behind a cause, showing resolve
    ("When the invasion began, the world rallied together behind the sanctions effort.",
     "PROTEST"),
    ("Neighbours opened their homes, rallying around the families who had fled.",
     "PROTEST"),
    ("The treaty would be a clear demonstration of our resolve in the region.", "PROTEST"),
    # jobs, bills and kilns are killed or fired in a manner of speaking; a virus hits
    ("Critics say the levy would kill tens of thousands of jobs in farm states.", "ASSAULT"),
    ("Some argue the new rules have killed it, and want them repealed.", "ASSAULT"),
    ("The smelter will reopen in May and fire up its furnaces.", "ASSAULT"),
    ("The mayor fired the city's inspector general on Tuesday.", "ASSAULT"),
    ("Rural counties were among the hardest-hit by the virus last winter.", "ASSAULT"),
    ("The state is shelling out $2 billion to rebuild its rural clinics.", "ASSAULT"),
    # a scourge to be ended is no event; "this assault" in speeches is one on rights
    ("We urge the state to help end gun violence in our schools.", "ASSAULT"),
    ("A lasting truce is the surest way to end the violence in the region.", "ASSAULT"),
    ("In the face of this ongoing assault, we will keep defending the freedom to vote.",
     "ASSAULT"),
    # an inventory build-up is no show of force
    ("Output rose on an inventory build-up rather than a slower draw down.", "MOBILIZE"),
    # a space probe and a home energy audit are no inquiry
    ("The ministers hailed the launch of the first Kenyan probe to the Moon last year.",
     "INVESTIGATE"),
    ("Owners can claim a credit for a home energy audit done by a licensed inspector.",
     "INVESTIGATE"),
    ("In the field of statutory audit, the two sides reviewed their equivalence rules.",
     "INVESTIGATE"),
    # people and means sent in a disaster or a programme are no forces
    ("Over 900 search and rescue personnel are deployed across three coastal states.",
     "MOBILIZE"),
    ("The state has deployed more than 400 firefighters to fight the blazes.", "MOBILIZE"),
    ("Lenders should deploy more of their resources to build starter homes.", "MOBILIZE"),
    ("The retailer suffered heavy losses in the first quarter.", "ASSAULT"),
    # withdrawing from a role, a body's procedure, a market
    ("Partners fear that the country is retreating from its leading role at the bank.",
     "RETREAT"),
    ("During the review, parties may ask to withdraw and refile their notice.", "RETREAT"),
    # an economy taken hostage, a strike an army took, strength demonstrated
    ("We reject plans to take the economy hostage to win tax cuts for the rich.", "ASSAULT"),
    ("We discussed the strike that U.S. forces carried out last night against the cell.",
     "PROTEST"),
    ("The report shows the resilience the shipping sector demonstrated all year.", "PROTEST"),
    # attacks by politicians, firms leaving a market, troops marching in, bills and data
    # held hostage, tools deployed
    ("The clinics stayed open despite relentless attacks by Republican legislators.",
     "ASSAULT"),
    ("In the face of these unrelenting attacks on women's health, we will keep working.",
     "ASSAULT"),
    ("The grant protects families from attacks on their rights and safety.", "ASSAULT"),
    ("Dozens of banks are among the firms that are suspending or withdrawing from Belarus.",
     "RETREAT"),
    ("Columns of troops marched across the border before dawn.", "PROTEST"),
    ("The committee chair is holding hostage a bipartisan package on chips.", "ASSAULT"),
    ("The malware held the hospital's patient data hostage for a ransom.", "ASSAULT"),
    ("Utilities should be deploying tools and technologies that spot intrusions early.",
     "MOBILIZE"),
    # a retreat that is a gathering, traders withdrawing, an evacuation operation, a
    # programme named "Demonstrations"
    ("The senators flew to the coast to attend the annual leadership retreat.", "RETREAT"),
    ("The minister thanked Fiji for hosting the Pacific Leaders' Retreat in May.", "RETREAT"),
    ("Dealers met the turmoil by widening spreads and at times withdrawing from the market.",
     "RETREAT"),
    ("Our forces conducted an operation to evacuate embassy staff from the capital.",
     "ASSAULT"),
    ("The Rural Meal Demonstrations help families buy food when schools are closed.",
     "PROTEST"),
    # a raid by prosecutors is no attack; moving money, staff leaving, hospitals on alert
    ("Prosecutors raid the offices of the mayor as part of a bribery probe.", "ASSAULT"),
    ("The fund moved $5 billion to state housing programmes last year.", "MOBILIZE"),
    ("Most of the staff leave the building by six in the evening.", "RETREAT"),
    ("The agency dispatched a team of engineers to inspect the dam.", "MOBILIZE"),
    ("Singapore executes two men for drug trafficking offences.", "ASSAULT"),
    ("Gunmen executed four hostages in the desert.", "COERCE"),
    ("Every time the children walk out the door, their parents worry.", "PROTEST"),
    ("The new rules take effect in March, the ministry said.", "PROTEST"),
    ("The governor put hospitals on high alert ahead of the storm.", "MOBILIZE"),
    ("Berlin will send 14 tanks to Kyiv, the chancellor said.", "MOBILIZE"),
    # a clause only alleged by its noun states nothing
    ("The board met the editors over allegations that the paper censors its critics.",
     "COERCE"),
]
MUST: list[tuple[str, str]] = [
    ("Russian troops withdrew from the port town on Sunday.", "RETREAT"),
    ("The rebels pulled out of the valley after a week.", "RETREAT"),
    ("The corporal withdrew under heavy fire, carrying a wounded comrade.", "RETREAT"),
    ("Moscow ordered the units near the border to withdraw and return to their bases.",
     "RETREAT"),
    ("The militia retook the village, which it had withdrawn from in March.", "RETREAT"),
    ("Nurses began a strike against the pay plan on Monday.", "PROTEST"),
    ("Exports slowed after a strike by port workers in Antwerp.", "PROTEST"),
    ("Kyiv sends two army brigades to the eastern front.", "MOBILIZE"),
    ("Opposition supporters rallied in the main square of Yerevan overnight.", "PROTEST"),
    ("Our aircraft carried out precise strikes against depots in Syria used by the militia.",
     "ASSAULT"),
    # attacks named, pointed at, coming from a party, or stopped while they go on
    ("The city was facing relentless shelling from Russia and rocket attacks from Iran.",
     "ASSAULT"),
    ("He took up the post in Nairobi a week before the Kilimani Road attack.", "ASSAULT"),
    ("The agency helped contain the Solar Harbor ransomware attack.", "ASSAULT"),
    ("We cannot stay silent in the face of these cowardly attacks.", "ASSAULT"),
    ("The victims' families still carry the pain of this senseless shooting.", "ASSAULT"),
    ("The envoys pressed the junta to end the brutal violence against its own people.",
     "ASSAULT"),
    ("The militia must stop its indiscriminate shelling of the camps.", "ASSAULT"),
    ("A man with a rifle opened fire at a grocery store, killing two shoppers.", "ASSAULT"),
    ("Sikh families here have endured a troubling number of hate-fueled attacks.",
     "ASSAULT"),
    ("The frontier villages suffered heavy shelling through the night.", "ASSAULT"),
    ("On Friday the mayor will mark the tenth anniversary of the harbour bombings.",
     "ASSAULT"),
    ("We send our sympathy to the people of Norway grieving the attack on the ferry.",
     "ASSAULT"),
    ("They laid wreaths for the lives lost a year ago in a rocket attack.", "ASSAULT"),
    # coercion and inquiry taken as given: a noun's "that" clause, worries about it, its
    # doer, its findings, pointing at it
    ("There is no doubt that Iran is unjustly detaining the two sailors in Evin prison.",
     "COERCE"),
    ("They raised concerns about detentions of students under the curfew.", "COERCE"),
    ("The court is known for the harsh sentencing of bloggers and reporters.", "COERCE"),
    ("The charges follow an investigation led by the customs service in Rotterdam.",
     "INVESTIGATE"),
    ("We will keep pressing for access to the findings of the investigation.",
     "INVESTIGATE"),
    ("The ministry acted after an investigation found that the routers leaked data.",
     "INVESTIGATE"),
    ("The new sanctions hit the units that carried out this crackdown.", "COERCE"),
    # a designation's reasons
    ("Treasury designated a state-owned builder for the seizure of farmland in Laos.",
     "COERCE"),
    ("OFAC sanctioned the colonel for his role in the killing of villagers near Gao.",
     "ASSAULT"),
    ("He will update her on the investigation by the inspector general once it ends.",
     "INVESTIGATE"),
    ("The investigation that led to these sanctions was run jointly with the DEA.",
     "INVESTIGATE"),
    ("Riot police cracked down on the demonstrators outside the parliament in Tbilisi.",
     "COERCE"),
    ("The nation mourned the victims of the bombings that occurred on March 11.", "ASSAULT"),
    # forces surged, troops drawn down
    ("The alliance has surged thousands of troops to its eastern members.", "MOBILIZE"),
    ("We will draw down the rest of our troops from the country by August.", "RETREAT"),
    ("They met for the first time since the departure of U.S. troops from the country.",
     "RETREAT"),
    ("For two years the defenders have held off Russia's vicious onslaught.", "ASSAULT"),
    ("Three people held hostage in a bank in Ohio were freed unharmed.", "ASSAULT"),
    # news-wire phrasings of pull-outs, deployments, protests and expulsions
    ("Ankara pulls its soldiers out of the border town of Tal Abyad.", "RETREAT"),
    ("The last Belgian troops leave the base, closing a six-year mission.", "RETREAT"),
    ("Burundi quits the International Criminal Court.", "RETREAT"),
    ("Pakistan puts its navy on high alert after the naval clash.", "MOBILIZE"),
    ("The alliance moves additional fighter jets to Lithuania.", "MOBILIZE"),
    ("The government sends the army into the northern province.", "MOBILIZE"),
    ("Medical students stage a sit-in outside the health ministry in Nairobi.", "PROTEST"),
    ("Hundreds of demonstrators clash with riot police in Quito.", "PROTEST"),
    ("Azerbaijan expels three foreign reporters.", "COERCE"),
    ("Prosecutors raid the offices of the mayor as part of a bribery probe.", "COERCE"),
    ("Vietnam dispatches patrol vessels to the disputed shoal.", "MOBILIZE"),
    ("Seoul scrambles fighter jets as Chinese bombers near its air zone.", "MOBILIZE"),
    ("The defence ministry orders 2,000 troops to the northern border.", "MOBILIZE"),
    ("Georgia raises the combat readiness of its army.", "MOBILIZE"),
    ("Tens of thousands march in Lisbon against the pension reform.", "PROTEST"),
    ("Workers at the tyre factory walk off the job over unpaid wages.", "PROTEST"),
    ("Opposition supporters take to the streets of Lusaka demanding a recount.", "PROTEST"),
    ("Riot police use tear gas to disperse protesters in Lima.", "PROTEST"),
    ("Riot police use tear gas to disperse protesters in Lima.", "ASSAULT"),
    ("Prosecutors open a criminal case against the former mayor.", "INVESTIGATE"),
    ("The Senate panel subpoenas the chief executive of the bank.", "INVESTIGATE"),
    # a judicial execution is coercion
    ("Singapore executes two men for drug trafficking offences.", "COERCE"),
    ("Three prisoners were executed for murder in the capital's central jail.", "COERCE"),
    ("Gunmen executed four hostages in the desert.", "ASSAULT"),
    # a build-up a party owns
    ("The ministers discussed Russia's military build-up along the Belarusian border.",
     "MOBILIZE"),
]


@pytest.fixture(scope="module")
def found(extractor: Extractor) -> dict[str, list[Event]]:
    return extract_each(extractor, [s for s, _ in MUST_NOT + MUST])


@pytest.mark.parametrize(("sentence", "type_"), MUST_NOT)
def test_no_event_of_the_type(found: dict[str, list[Event]], sentence: str,
                              type_: str) -> None:
    assert_none_of(found[sentence], type_)


@pytest.mark.parametrize(("sentence", "type_"), MUST)
def test_event_of_the_type(found: dict[str, list[Event]], sentence: str, type_: str) -> None:
    assert any(e.type == type_ for e in found[sentence]), [shown(e) for e in found[sentence]]


ONCE: list[tuple[str, str]] = [
    # one act told twice is one event
    ("The gunman shot and killed a guard in an unprovoked attack at the depot.", "ASSAULT"),
    ("The last Dutch troops leave Iraq, ending a ten-year mission.", "RETREAT"),
    ("While we wait for answers about this attack, we know how badly this attack has hurt "
     "the town.", "ASSAULT"),
    ("The envoy condemned the violence in Darfur and urged both armies to end the violence.",
     "ASSAULT"),
]


@pytest.mark.parametrize(("sentence", "type_"), ONCE)
def test_one_act_told_twice_is_one_event(extractor: Extractor, sentence: str,
                                         type_: str) -> None:
    events = extract_each(extractor, [sentence])[sentence]
    assert [e.type for e in events].count(type_) == 1, [shown(e) for e in events]


def test_two_attacks_of_one_kind_stay_two(extractor: Extractor) -> None:
    sentence = ("The fact that this shooting took place the night before the anniversary of "
                "the deadly shooting at a school in Ohio should move us all.")
    events = extract_each(extractor, [sentence])[sentence]
    assert [e.type for e in events].count("ASSAULT") == 2, [shown(e) for e in events]


def test_a_designations_conduct_is_not_the_designators(extractor: Extractor) -> None:
    sentence = "OFAC sanctioned the colonel for his role in the killing of villagers near Gao."
    events = extract_each(extractor, [sentence])[sentence]
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks and all("USA" not in {p.code for p in e.actor} for e in attacks), \
        [shown(e) for e in events]
