"""A story is one happening: through the real pipeline, articles about different
targets stay apart, and one sentence matched by two rules is one story, cited once.

The articles are our own words, written for these tests.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from alerter.clock import FixedClock
from alerter.extract import Extractor

from .conftest import cycle

DAY = "2023-03-09"
NOW = datetime(2023, 3, 9, 8, 0, tzinfo=UTC)

BELARUS = """\
---
title: EU widens sanctions on Belarus
source: Harbour Post
url: https://harbourpost.example.net/2023/03/06/eu-belarus
published: 2023-03-06T09:00:00Z
---
The European Union imposed new sanctions on Belarus on Monday over its role in the war.
"""
IRAN = """\
---
title: EU targets Iranian drone makers
source: Lantern Press Agency
url: https://lantern.example.com/2023/03/07/eu-iran
published: 2023-03-07T11:00:00Z
---
The European Union imposed sanctions on Iran on Tuesday for supplying drones to Moscow.
The European Union also imposed sanctions on eight officials on Tuesday.
"""
SYRIA = """\
---
title: EU prepares sanctions on Syria
source: Northgate Wire
url: https://news.example.org/2023/03/08/eu-syria
published: 2023-03-08T08:30:00Z
---
The European Union will impose sanctions on Syria next month, EU diplomats said on Wednesday.
"""
TALKS = """\
---
title: Spain and Morocco talk missiles
source: Pinecrest Times
url: https://pinecrest.example.net/2023/03/08/spain-morocco
published: 2023-03-08T10:00:00Z
---
Spanish and Moroccan ministers negotiated the supply of missiles to Morocco.
"""


def digest_of(project: Path, extractor: Extractor, articles: dict[str, str]) -> str:
    """Give the markdown digest of one cycle over a project whose corpus is `articles`."""
    shutil.rmtree(project / "examples")
    (project / "examples").mkdir()
    for name, text in articles.items():
        (project / "examples" / name).write_text(text)
    report, store = cycle(project, FixedClock(NOW), extractor)
    store.close()
    assert report.problems == []
    return (project / "out" / "digests" / "daily-summary" / f"{DAY}.md").read_text()


def digest_rules(project: Path) -> set[str]:
    """Give the rules that matched in the project's store."""
    from alerter.store import Store

    store = Store.open(project / "out" / "alerter.db")
    try:
        return {m.rule_id for m in store.matches()}
    finally:
        store.close()


def stories(digest: str) -> dict[str, str]:
    """Give each story of a markdown digest by its headline."""
    parts = digest.split("\n### ")[1:]
    return {part.split("\n", 1)[0]: part.split("\n---\n")[0] for part in parts}


def test_sanctions_on_three_countries_are_three_stories(project: Path,
                                                        extractor: Extractor) -> None:
    digest = digest_of(project, extractor, {"belarus.txt": BELARUS, "iran.txt": IRAN,
                                            "syria.txt": SYRIA})
    found = stories(digest)
    print(digest)
    heads = {next(country for country in ("Belarus", "Iran", "Syria") if country in head): head
             for head in found}
    assert set(heads) == {"Belarus", "Iran", "Syria"}, list(found)
    assert "The EU → Belarus: sanctions announced" in heads["Belarus"]
    assert "The EU → Syria: sanctions planned" in heads["Syria"]
    # a sanction's reason (drones supplied) is told in the sanction's sentence, after it:
    # the story is the sanction's
    assert "The EU → Iran: sanctions announced" in heads["Iran"]
    for country, dated, sentence in (
            ("Belarus", "2023-03-06", "sanctions on Belarus on Monday"),
            ("Iran", "2023-03-07", "sanctions on Iran on Tuesday"),
            ("Syria", "", "sanctions on Syria next month")):
        body = found[heads[country]]
        # each story is dated by its own article and quotes its own sentence, no other's
        assert dated in body.split("\n\n")[1]
        quoted = [line for line in body.splitlines() if line.startswith("> ")]
        assert any(sentence in line for line in quoted), body
        others = {"Belarus", "Iran", "Syria"} - {country}
        assert not any(f"sanctions on {other}" in line for line in quoted
                       for other in others), body
    # the sanction with no target named joins one story, not a bridge between two
    assert digest.count("sanctions on eight officials") <= 1


# a user's rule beside the defaults: talks of any kind (the default rules take talks
# only when they are about weapons, and then as the same event as the aid)
TALKS_RULE = """\
id: talks-held
name: Talks held
severity: medium
when: {type: CONSULT}
"""


def test_one_sentence_matched_by_two_rules_is_one_story(project: Path,
                                                        extractor: Extractor) -> None:
    (project / "rules" / "talks.yaml").write_text(TALKS_RULE)
    digest = digest_of(project, extractor, {"talks.txt": TALKS})
    # a CONSULT event (talks-held) and an AID event (lethal-aid-discussed, first-arms-contact)
    assert "talks-held" in digest_rules(project)
    sentence = "Spanish and Moroccan ministers negotiated the supply of missiles to Morocco."
    assert len(stories(digest)) == 1, list(stories(digest))
    assert digest.count(sentence) == 1  # quoted once
    assert "1 story from 1 document" in digest
    highlights = [line for line in digest.splitlines() if line.startswith("- ")
                  and "\\[1\\]" in line]
    assert len(highlights) == 1
    (head,) = stories(digest)
    assert head.startswith("[1] Spain → Morocco: ")


FIRST_REPORT = """\
---
title: Norway freezes assets of Iranian shipping firms
source: Northgate Wire
url: https://news.example.org/2023/03/06/norway-iran
published: 2023-03-06T09:40:00Z
---
Norway imposed sanctions on three Iranian shipping firms on Monday over the oil trade.
"""
RETELLING = """\
---
title: Oslo sanctions Iranian shippers
source: Harbour Post
url: https://harbourpost.example.net/2023/03/06/oslo-iran-shippers
published: 2023-03-06T15:10:00Z
---
On Monday Norway imposed sanctions on three Iranian shipping firms over the oil trade.
"""


def test_a_retelling_in_a_later_cycle_is_one_more_source_of_the_waiting_story(
        project: Path, extractor: Extractor) -> None:
    from alerter.store import Store

    shutil.rmtree(project / "examples")
    (project / "examples").mkdir()
    days = project / "out" / "digests" / "daily-summary"
    # a first, empty cycle: the daily digest has run, the next one is due tomorrow 07:00
    cycle(project, FixedClock(datetime(2023, 3, 6, 7, 30, tzinfo=UTC)), extractor)[1].close()
    for name, text, hour in (("first.txt", FIRST_REPORT, 10), ("retold.txt", RETELLING, 16)):
        (project / "examples" / name).write_text(text)
        report, store = cycle(project, FixedClock(datetime(2023, 3, 6, hour, tzinfo=UTC)),
                              extractor)
        store.close()
        assert report.problems == [] and not days.exists()
    cycle(project, FixedClock(datetime(2023, 3, 7, 7, 30, tzinfo=UTC)), extractor)[1].close()
    digest = (days / "2023-03-07.md").read_text()
    [story] = [part for head, part in stories(digest).items() if "Norway → Iran" in head]
    assert "Sources (2):" in story and "Harbour Post" in story, story
    store = Store.open(project / "out" / "alerter.db")
    try:
        [match] = [m for m in store.matches() if m.rule_id == "new-sanctions-announced"]
        assert len(match.event_ids) == 2  # one alert, two sources
    finally:
        store.close()
