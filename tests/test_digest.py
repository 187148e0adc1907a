"""Digests: stories from retellings, escalations, extractive summaries, the Atom feed and
archive index, and previews that change nothing."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner

from alerter.cli import main
from alerter.clock import FixedClock
from alerter.config import load_config
from alerter.extract import Extractor
from alerter.models import Document, Event, Item, Match, Participant, Span
from alerter.pipeline import CycleReport, Pipeline
from alerter.store import Store
from alerter.stories import Mention, central_sentences, group, summary_mentions

from .conftest import cycle

FEED = Path("out/feeds/daily-summary.atom")
INDEX = Path("out/digests/daily-summary/index.md")


def mention(n: int, sentence: str, *, day: int = 24, type_: str = "SANCTION",
            actor: str = "GBR", target: str = "RUS", modality: str = "asserted",
            items: tuple[str, ...] = (), outlet: str = "Wire") -> Mention:
    published = datetime(2023, 2, day, 9, n, tzinfo=UTC)
    document = Document(id=f"d{n}", source=outlet, title=f"Story {n}", text=sentence,
                        published=published, fetched=published, content_hash=f"h{n}")
    event = Event(id=f"e{n}", doc_id=f"d{n}", type=type_, subtype=None,
                  trigger=Span(text="x", start=0, end=1),
                  actor=(Participant(text=actor, kind="country", code=actor),),
                  target=(Participant(text=target, kind="country", code=target),),
                  items=tuple(Item(text=i) for i in items), modality=modality,
                  sentence=Span(text=sentence, start=0, end=len(sentence)))
    match = Match(id=f"m{n}", rule_id="r", event_ids=(f"e{n}",), group_key="k",
                  first_seen=published, severity="high", explanation="why")
    return Mention(match, event, document)


def test_retellings_are_one_story_and_other_actors_are_not() -> None:
    told = [
        mention(1, "Britain imposed sanctions on four Russian banks on Friday.", outlet="A"),
        mention(2, "The UK sanctioned four Russian banks and Rosatom managers.", outlet="B"),
        mention(3, "London announced sanctions against four banks in Russia.", outlet="C"),
        mention(4, "Japan froze the assets of Russian banks.", actor="JPN"),
        mention(5, "Britain imposed sanctions on four Russian banks.", day=10),  # weeks before
    ]
    stories = group(told)
    assert [[m.event.id for m in s.mentions] for s in stories] == [
        ["e5"], ["e1", "e2", "e3"], ["e4"]]


def test_a_story_that_moves_on_is_an_escalation() -> None:
    discussed = mention(1, "Poland is considering sending Leopard tanks to Ukraine.", day=20,
                        type_="AID", actor="POL", target="UKR", modality="discussed",
                        items=("Leopard tanks",))
    delivered = mention(2, "Poland delivered four Leopard tanks to Ukraine.", day=23,
                        type_="AID", actor="POL", target="UKR", items=("Leopard 2 tanks",))
    (story,) = group([discussed, delivered])
    moved = story.escalation()
    assert moved is not None and (moved[0].event.id, moved[1].event.id) == ("e1", "e2")
    # the other way round (delivered, then merely discussed) is no escalation
    later_talk = mention(3, "Poland is considering sending more Leopard tanks to Ukraine.",
                         day=24, type_="AID", actor="POL", target="UKR",
                         modality="discussed", items=("Leopard tanks",))
    (story,) = group([delivered, later_talk])
    assert story.escalation() is None


def test_an_earlier_mention_from_history_counts_for_escalation_only() -> None:
    earlier = mention(1, "Poland is weighing Leopard tank deliveries to Ukraine.", day=20,
                      type_="AID", actor="POL", target="UKR", modality="discussed",
                      items=("Leopard tanks",))
    now = mention(2, "Poland delivered Leopard tanks to Ukraine.", day=23, type_="AID",
                  actor="POL", target="UKR", items=("Leopard tanks",))
    history = Mention(earlier.match, earlier.event, earlier.document, earlier=True)
    (story,) = group([history, now])
    assert [m.event.id for m in story.current] == ["e2"]
    assert story.escalation() is not None
    # a story found only in history is not in this digest
    assert group([history]) == []


def test_summary_sentences_are_central_and_deterministic() -> None:
    sentences = ["Britain imposed sanctions on four Russian banks.",
                 "The sanctions on the four Russian banks took effect at once.",
                 "Officials spoke to reporters in London."]
    assert central_sentences(sentences)[-1] == 2
    assert central_sentences(sentences) == central_sentences(list(sentences))
    told = [mention(n, s, outlet=o) for n, (s, o) in enumerate(
        zip(sentences, "ABC", strict=True), start=1)]
    (story,) = group(told[:2])
    chosen = summary_mentions(story)
    assert len(chosen) == 1 and chosen[0].event.sentence.text in sentences[:2]


def test_feed_and_index_are_written_and_entry_ids_stay(project: Path, clock: FixedClock,
                                                      extractor: Extractor) -> None:
    cycle(project, clock, extractor)[1].close()
    feed = feedparser.parse((project / FEED).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    ids = [e.id for e in feed.entries]
    assert len(ids) == len(set(ids)) >= 10
    assert all(e.title and e.summary and e.updated for e in feed.entries)
    assert "2023-02-27" in (project / INDEX).read_text()
    assert (project / INDEX.with_suffix(".html")).exists()
    # the same corpus in a fresh project, on the same clock: the same feed
    text = (project / FEED).read_text()
    (project / "out").rename(project / "out-first")
    cycle(project, clock, extractor)[1].close()
    assert (project / FEED).read_text() == text
    # a later digest keeps the earlier entries under their ids
    later = FixedClock(datetime(2023, 2, 28, 8, tzinfo=UTC))
    (project / "examples" / "2023-02-27-more.txt").write_text(
        "---\ntitle: Canada adds sanctions\nsource: Wire\npublished: 2023-02-27T10:00:00Z\n---\n"
        "Canada imposed new sanctions on Belarus on Monday.\n")
    cycle(project, later, extractor)[1].close()
    again = feedparser.parse((project / FEED).read_bytes())
    assert set(ids) <= {e.id for e in again.entries}
    assert len(again.entries) > len(ids)


def test_a_second_digest_on_one_day_gets_its_own_file(project: Path, clock: FixedClock,
                                                       extractor: Extractor) -> None:
    """The README's promise: the day's first digest is <day>.md, a later one the same day
    <day>-HHMM.md (local time), and neither replaces the other; the index lists both."""
    cycle(project, clock, extractor)[1].close()
    folder = project / "out" / "digests" / "daily-summary"
    first = (folder / "2023-02-27.md").read_text()
    (project / "examples" / "2023-02-27-more.txt").write_text(
        "---\ntitle: Canada adds sanctions\nsource: Wire\npublished: 2023-02-27T10:00:00Z\n"
        "---\nCanada imposed new sanctions on Belarus on Monday.\n")
    afternoon = FixedClock(datetime(2023, 2, 27, 14, 30, tzinfo=UTC))
    config = load_config(project / "config.yaml")
    store = Store.open(config.resolve(config.store.path))
    pipeline = Pipeline(config, store, afternoon, extractor=lambda: extractor)
    report = pipeline.run_cycle(config.subscriptions)  # made now, whatever the schedule
    pipeline.release()
    store.close()
    assert report.digests == 1 and report.problems == []
    assert (folder / "2023-02-27.md").read_text() == first
    second = (folder / "2023-02-27-1430.md").read_text()  # Europe/London: UTC in February
    assert "Canada → Belarus: sanctions announced" in second
    assert "Canada → Belarus" not in first
    index = (project / INDEX).read_text()
    assert "2023-02-27-1430" in index and "(2023-02-27.md)" in index


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


def test_dry_run_sends_nothing_and_changes_nothing(project: Path, clock: FixedClock,
                                                    extractor: Extractor,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(project / "config.yaml")
    store = Store.open(config.resolve(config.store.path))
    pipeline = Pipeline(config, store, clock, extractor=lambda: extractor)
    report = CycleReport()
    for stage in (pipeline.ingest, pipeline.extract, pipeline.match):
        stage(report)
    store.close()
    assert report.matches > 0  # matches waiting for a digest
    monkeypatch.chdir(project)
    monkeypatch.setenv("ALERTER_NOW", "2023-02-27T08:00:00Z")
    before = dump(project / "out" / "alerter.db")
    files = sorted(p.relative_to(project) for p in (project / "out").rglob("*"))
    runner = CliRunner()
    outputs = {}
    for name, args in (("md", []), ("html", ["--format", "html"]),
                       ("since", ["--since", "2023-02-25"])):
        result = runner.invoke(main, ["digest", "daily-summary", "--dry-run", *args])
        assert result.exit_code == 0, result.output
        outputs[name] = result.output
    assert "## New sanctions announced" in outputs["md"]
    assert "<!DOCTYPE html>" in outputs["html"]
    assert len(outputs["since"]) < len(outputs["md"])  # only what came since the 25th
    assert dump(project / "out" / "alerter.db") == before
    assert sorted(p.relative_to(project) for p in (project / "out").rglob("*")) == files


def test_an_event_of_last_month_is_not_this_weeks_story() -> None:
    approved = mention(1, "Germany approved the transfer of Leopard tanks last month.",
                       type_="AID", actor="DEU", target="UKR", items=("Leopard tanks",))
    approved = Mention(approved.match, approved.event.model_copy(update={"date": "2023-01"}),
                       approved.document)
    sending = mention(2, "Germany will send four more Leopard tanks to Ukraine.", type_="AID",
                      actor="DEU", target="UKR", items=("Leopard tanks",))
    assert len(group([approved, sending])) == 2
    same_month = Mention(approved.match, approved.event.model_copy(update={"date": "2023-02"}),
                         approved.document)
    assert len(group([same_month, sending])) == 1
