"""Documents read as they are written (issue 15; issue 11, items 2, 8 and 12).

Through the real spaCy pipeline: hard-wrapped lines, bullets with indented
continuation lines, Markdown, `>` quoted mail, CRLF, lines short on purpose,
invisible characters, control characters in the Atom feed, and documents too
long for one spaCy Doc. Units of alerter/reading at the end.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
import sys
import textwrap
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest

from alerter.clock import FixedClock
from alerter.extract import PASSAGE_CHARS, Extractor, passages
from alerter.models import Document, Event
from alerter.reading import clean_characters, read
from alerter.reading.layout import SEPARATOR
from alerter.sources.documents import RawDocument, to_document

from .conftest import cycle

PUBLISHED = datetime(2023, 2, 24, 12, tzinfo=UTC)


def document(text: str, title: str | None = None, doc_id: str = "doc") -> Document:
    made = to_document(RawDocument(text=text, origin="test", id=doc_id, title=title,
                                   published=PUBLISHED), PUBLISHED, None)
    assert made is not None
    return made


def events_of(extractor: Extractor, text: str) -> tuple[Document, list[Event]]:
    doc = document(text)
    ((_, events),) = list(extractor.extract([doc]))
    return doc, events


def key(event: Event) -> tuple[object, ...]:
    return (event.type, event.modality, sorted(p.code or p.text for p in event.actor),
            sorted(p.code or p.text for p in event.target))


def squeezed(text: str) -> str:
    return "".join(text.split())


def assert_cited_from_document(doc: Document, events: list[Event]) -> None:
    """Each event's sentence and trigger are the document's text at their offsets,
    read as one line (line breaks, indentation and `>` markers left out)."""
    for event in events:
        for span in (event.sentence, event.trigger):
            original = doc.text[span.start:span.end]
            unquoted = "".join(line.lstrip("> ") for line in original.split("\n"))
            assert squeezed(unquoted) == squeezed(span.text), (original, span.text)


# -- hard-wrapped text ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_paragraphs(seed: Path) -> list[str]:
    return seed.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("width", [60, 72, 100])
def test_wrapped_seed_gives_the_events_of_the_unwrapped_seed(
        extractor: Extractor, seed_paragraphs: list[str], width: int) -> None:
    _, plain = events_of(extractor, "\n".join(seed_paragraphs))
    wrapped_text = "\n\n".join(textwrap.fill(p, width) for p in seed_paragraphs)
    wrapped, events = events_of(extractor, wrapped_text)
    assert [key(e) for e in events] == [key(e) for e in plain]
    assert [e.sentence.text for e in events] == [e.sentence.text for e in plain]
    # not equal by being empty, nor by being all "asserted" as wrapped text used to be
    assert len(plain) >= 5 and len({e.modality for e in plain}) >= 3
    assert_cited_from_document(wrapped, events)
    assert "\n" in "".join(wrapped.text[e.sentence.start:e.sentence.end] for e in events)


def test_a_wrapped_negation_stays_negated(extractor: Extractor) -> None:
    sentence = ("Sources said that Chinese officials have not made a final decision on the "
                "provision of lethal aid to Russia.")
    _, events = events_of(extractor, textwrap.fill(sentence, 40))
    _, expected = events_of(extractor, sentence)
    assert [key(e) for e in events] == [key(e) for e in expected]
    assert [e.modality for e in events if e.type == "AID"] == ["negated"]


def test_bullets_with_indented_continuation_lines(extractor: Extractor) -> None:
    items = ["The European Union imposed new sanctions on the largest Russian banks "
             "and froze the assets of two ministers on Monday.",
             "China is discussing the supply of attack drones and ammunition to Russia, "
             "according to officials in Washington.",
             "Japan banned exports of drones to Russia"]
    lead = "The week brought three developments that matter for the sanctions desk:"
    wrapped = lead + "\n\n" + "\n".join(
        textwrap.fill(item, 56, initial_indent="- ", subsequent_indent="  ") for item in items)
    one_line = lead + "\n\n" + "\n".join(f"- {item}" for item in items)
    assert wrapped.count("\n") > one_line.count("\n") + 2
    doc, events = events_of(extractor, wrapped)
    _, expected = events_of(extractor, one_line)
    assert [key(e) for e in events] == [key(e) for e in expected]
    sentences = {e.sentence.text for e in events}
    assert sentences <= set(items)  # one bullet, one sentence; no marker in it
    assert {"AID", "SANCTION"} <= {e.type for e in events}
    assert_cited_from_document(doc, events)


def test_markdown_headings_and_bullets_are_blocks_of_their_own(extractor: Extractor) -> None:
    text = ("# Weekly sanctions update\n\n## Europe\n"
            "The EU imposed sanctions on Russian banks on Monday.\n\n"
            "Asia\n----\n"
            "* Japan banned exports of drones to Russia\n"
            "* Canada froze Russian assets\n")
    doc, events = events_of(extractor, text)
    sentences = {e.sentence.text for e in events}
    assert "Japan banned exports of drones to Russia" in sentences
    assert "Canada froze Russian assets" in sentences
    assert "The EU imposed sanctions on Russian banks on Monday." in sentences
    for event in events:  # no heading runs into a sentence, no marker is cited
        words = set(event.sentence.text.split())
        assert not {"#", "*", "-", "----"} & words
        assert len({"update", "Europe", "EU", "Asia", "Japan"} & words) <= 1
    assert_cited_from_document(doc, events)


def test_quoted_mail_is_read_without_its_markers(extractor: Extractor) -> None:
    quoted = textwrap.fill("On Monday the United States imposed sanctions on three Iranian "
                           "banks and two shipping firms that carry oil for them, the "
                           "Treasury said in a statement.", 66)
    text = ("Thanks, this is worth a look.\n\nOn 3 March, Ana wrote:\n"
            + "\n".join("> " + line for line in quoted.split("\n")))
    doc, events = events_of(extractor, text)
    (sanction,) = [e for e in events if e.type == "SANCTION"]
    assert key(sanction)[2:] == (["USA"], ["IRN"])
    assert ">" not in sanction.sentence.text
    assert sanction.sentence.text.startswith("On Monday the United States")
    assert "\n> " in doc.text[sanction.sentence.start:sanction.sentence.end]
    assert_cited_from_document(doc, events)


def test_crlf_line_endings_read_like_lf(extractor: Extractor) -> None:
    text = textwrap.fill("Poland will deliver four Leopard tanks to Ukraine next month, "
                         "the defence minister told reporters in Warsaw on Tuesday.", 50)
    _, lf = events_of(extractor, text + "\n\nCanada froze Russian assets.\n")
    _, crlf = events_of(extractor, text.replace("\n", "\r\n")
                        + "\r\n\r\nCanada froze Russian assets.\r\n")
    assert [key(e) for e in crlf] == [key(e) for e in lf]
    assert [(e.sentence.start, e.sentence.end) for e in crlf] == \
        [(e.sentence.start, e.sentence.end) for e in lf]
    assert any(e.type == "AID" and e.modality == "planned" for e in lf)


def test_lines_short_on_purpose_are_not_glued(extractor: Extractor) -> None:
    lines = ["Headlines this morning",
             "Russia expels two Japanese diplomats",
             "Japan imposes new sanctions on Russia",
             "Poland sends tanks to Ukraine"]
    _doc, events = events_of(extractor, "\n".join(lines))
    _, apart = events_of(extractor, "\n\n".join(lines))
    assert [key(e) for e in events] == [key(e) for e in apart]
    assert {e.sentence.text for e in events} <= set(lines)
    assert len({e.sentence.text for e in events}) >= 2


def test_a_poem_and_a_table_keep_their_lines() -> None:
    poem = ("The ministers met beneath a winter sky\nAnd no one spoke\nOf what the talks "
            "had cost the towns along the river\nWhile in the hall the interpreters grew "
            "tired\nAnd somewhere north a border post stood empty")
    table = ("| Country | Measure |\n|---|---|\n| Japan | export ban on drones |\n"
             "| Canada | frozen assets of Russian banks |")
    for text in (poem, table):
        reading = read(text)
        assert "\n" not in "".join(reading.text[b.start:b.end] for b in reading.blocks)
    assert len(read(poem).blocks) == 5
    assert [b.kind for b in read(table).blocks] == ["table"] * 3


# -- invisible and control characters (issue 11, items 8 and 12) ------------------------


def test_zero_width_and_bidi_characters_are_removed_at_ingest(extractor: Extractor) -> None:
    clean = "The United States imposed new sanctions on Iran on Monday."
    hostile = ("The United\u200b States im\u2060posed new sanc\u200dtions on "
               "\u202eIran\u202c on Mon\u00adday.\u2066\u2069")
    doc = document(hostile, title="Sanctions \u202egnp.exe\u202c on\u200b Iran\x07")
    assert doc.text == clean
    assert doc.title == "Sanctions gnp.exe on Iran"
    ((_, events),) = list(extractor.extract([doc]))
    _, expected = events_of(extractor, clean)
    assert [key(e) for e in events] == [key(e) for e in expected] != []


def test_every_field_is_cleaned_at_ingest() -> None:
    raw = RawDocument(text="Talks\ud800 resumed\x00 in Geneva.", origin="feed\x01.xml",
                      id="urn:\u202edoc\ud800-1", title="\u2066Talks\u2069 resume",
                      url="https://example.org/\u200btalks", source="Wire\x85Desk")
    doc = to_document(raw, PUBLISHED, None)
    assert doc is not None
    assert (doc.id, doc.text, doc.title, doc.url, doc.source) == (
        "urn:doc-1", "Talks resumed in Geneva.", "Talks resume", "https://example.org/talks",
        "Wire Desk")
    doc.model_dump_json().encode("utf-8")  # nothing left that cannot be stored or sent


def test_the_content_hash_is_the_one_earlier_versions_stored() -> None:
    # A document stored before the clean-up is seen again, not stored a second time.
    import hashlib

    raw = "Officials discussed COVID-\u206019 aid\u00a0for  Ukraine.\r\n\r\n\r\nMore soon.  "
    before = "Officials discussed COVID-\u206019 aid for Ukraine.\n\nMore soon."
    doc = document(raw)
    assert doc.content_hash == hashlib.sha256(before.encode("utf-8")).hexdigest()
    assert doc.text == "Officials discussed COVID-19 aid for Ukraine.\n\nMore soon."


def test_invisible_characters_in_stored_text_are_read_past(extractor: Extractor) -> None:
    # A document stored before ingest removed them: extraction reads past them and
    # gives offsets into the stored text.
    text = "Canada\u200b froze the assets of three Russian\u00a0banks on Friday."
    stored = Document(id="old", source="test", text=text, published=PUBLISHED,
                      fetched=PUBLISHED, content_hash="x")
    ((_, events),) = list(extractor.extract([stored]))
    (event,) = [e for e in events if e.type == "SANCTION"]
    assert event.sentence.text == "Canada froze the assets of three Russian banks on Friday."
    assert (event.sentence.start, event.sentence.end) == (0, len(text))
    assert text[event.trigger.start:event.trigger.end] == event.trigger.text


def test_control_characters_never_reach_the_atom_feed(project: Path, clock: FixedClock,
                                                      extractor: Extractor) -> None:
    record = {"id": "ctl-1", "title": "Japan\u0001 bans \u202edrone\u202c exports\u0008",
              "source": "Wire\u000b Desk", "published": "2023-02-26T09:00:00Z",
              "text": "Japan imposed new sanctions\u0001 on Russia on Sunday, banning "
                      "exports of drones.\u001b"}
    with (project / "examples" / "wire.jsonl").open("a", encoding="utf-8") as out:
        out.write(json.dumps(record) + "\n")
    report, _ = cycle(project, clock, extractor)
    assert report.problems == []
    feed = (project / "out" / "feeds" / "daily-summary.atom").read_text(encoding="utf-8")
    root = ElementTree.fromstring(feed)  # raises on a character XML does not allow
    titles = " ".join(e.text or "" for e in root.iter("{http://www.w3.org/2005/Atom}content"))
    assert "Japan bans drone exports" in titles
    assert not any(unicodedata.category(c) in ("Cc", "Cf") and c not in "\t\n\r" for c in feed)


def test_the_feed_writer_drops_what_xml_does_not_allow() -> None:
    from alerter.archive import feed_xml

    story = {"id": "s1", "rule": "Rule\x01", "title": "Bad\x02 title\ud800", "severity": "high",
             "summary": ["A sentence\x1f with\ufffe controls."],
             "sources": [{"title": "T\x0c", "url": "https://example.org/a\x03",
                          "source": "S\x10", "published": "2023-02-26T09:00:00+00:00"}]}
    feed = feed_xml("daily", [{"created": "2023-02-27T08:00:00+00:00", "stories": [story]}],
                    PUBLISHED)
    root = ElementTree.fromstring(feed)
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert "Rule: Bad title" in titles


def test_clean_characters_removes_every_format_and_control_character() -> None:
    removed = [chr(c) for c in range(sys.maxunicode + 1)
               if unicodedata.category(chr(c)) in ("Cf", "Cs")
               or (unicodedata.category(chr(c)) == "Cc" and chr(c) not in "\t\n\r\x0b\x0c\x85")]
    assert clean_characters("a" + "".join(removed) + "b") == "ab"
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs"]
    assert clean_characters("".join(spaces)) == " " * len(spaces)
    assert clean_characters("a\r\nb\rc\x0bd\x85e\u2028f\u2029g\x0ch") == \
        "a\nb\nc\nd\ne\nf\n\ng\n\nh"
    assert clean_characters("Cafe\u0301 \ufffe\uffff") == "Café "


# -- long documents (issue 11, item 2) -----------------------------------------------------


PARAGRAPH = ("Canada froze the assets of three Russian banks on Friday, the finance "
             "ministry said.\n\nOfficials in Ottawa are discussing further measures "
             "with European partners.\n\n")


def test_a_long_document_is_extracted_in_passages(extractor: Extractor) -> None:
    text = PARAGRAPH * 40
    doc = document(text)
    ((_, whole),) = list(extractor.extract([doc]))
    small = Extractor(extractor.nlp, passage_chars=700)
    pieces = [p for _, p in passages([doc], 700)]
    assert len(pieces) >= 5 and all(len(t) <= 700 for t, _ in passages([doc], 700))
    ((_, split),) = list(small.extract([doc]))
    assert [(e.id, key(e), e.sentence) for e in split] == \
        [(e.id, key(e), e.sentence) for e in whole]
    assert len(whole) >= 40


def test_a_document_longer_than_spacy_allows_does_not_block_the_store(
        project: Path, clock: FixedClock, extractor: Extractor,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # spaCy refuses a Doc over nlp.max_length (E088); here the limit is lowered so that
    # a small document stands for a 1,000,000-character one.
    monkeypatch.setattr(extractor.nlp, "max_length", 5_000)
    (project / "examples" / "zz-long.txt").write_text(PARAGRAPH * 60, encoding="utf-8")
    long_reader = Extractor(extractor.nlp, passage_chars=4_000)
    report, store = cycle(project, clock, long_reader)
    assert report.problems == [] and report.documents > 20
    assert list(store.unextracted()) == []
    with sqlite3.connect(project / "out" / "alerter.db") as db:
        (count,) = db.execute("SELECT count(*) FROM events JOIN documents d ON d.id = doc_id "
                              "WHERE d.text LIKE 'Canada froze%'").fetchone()
    assert count >= 60  # every passage's events, the last ones included


def test_real_default_passages_of_a_document_over_a_million_characters() -> None:
    text = PARAGRAPH * (1_100_000 // len(PARAGRAPH))
    assert len(text) > 1_000_000
    reading = read(document(text).text)
    ranges = reading.passages(PASSAGE_CHARS)
    assert all(end - start <= PASSAGE_CHARS for start, end in ranges)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(reading.text)
    for (_, end), (start, _) in itertools.pairwise(ranges):
        assert reading.text[end:start] == SEPARATOR  # cut between blocks, nothing lost


def test_an_overlong_block_is_cut_at_a_sentence_end() -> None:
    block = "The talks went on. " * 100
    reading = read(block)
    ranges = reading.passages(300)
    assert all(end - start <= 300 for start, end in ranges)
    assert "".join(reading.text[s:e] for s, e in ranges) == reading.text
    assert all(reading.text[s:e].rstrip().endswith(".") for s, e in ranges)


# -- the documentation keeps up ----------------------------------------------------------


def test_the_reading_doc_states_the_limits_in_force() -> None:
    from alerter.reading import layout

    root = Path(__file__).resolve().parent.parent
    doc = (root / "docs" / "reading.md").read_text(encoding="utf-8")
    assert "docs/reading.md" in (root / "README.md").read_text(encoding="utf-8")
    assert f"at most {PASSAGE_CHARS:,} characters" in doc
    assert f"at least {layout.MIN_WRAP_WIDTH} columns" in doc
    assert f"{layout.WRAPPED_SHARE:.0%}, `WRAPPED_SHARE`" in doc
    assert f"*n* − {layout.WRAP_SLACK} and *n* + *k* + {layout.WRAP_SLACK}" in doc
    assert f"at most {layout.TITLE_CHARS} characters" in doc


# -- the reading step on its own -----------------------------------------------------------


_PIECES = ["The", "talks", "ended", "sanc\u200btions", "on", "Russia.", "-", "> ", "# ", "1. ",
           "| a |", "---", "dual-", "use", "\u202e", "\u00a0", "\x01", "  ", "\t", "well,",
           "Café", "e\u0301", "\r\n", "\n", "\n\n", "\u2029", "\x85"]


@pytest.mark.parametrize("seed", range(40))
def test_read_maps_every_character_back_to_where_it_was_written(seed: int) -> None:
    import random

    rng = random.Random(seed)
    source = "".join(rng.choice(_PIECES) + rng.choice(["", " ", "\n"]) for _ in range(300))
    reading = read(source)
    previous_end = 0
    for block in reading.blocks:
        assert previous_end <= block.start < block.end
        assert "\n" not in reading.text[block.start:block.end]
        previous_end = block.end
    last = 0
    for i, char in enumerate(reading.text):
        start, end = reading.source_span(i, i + 1)
        assert last <= start <= end <= len(source)
        last = start
        if not char.isspace():  # a letter and its combining marks are one
            assert unicodedata.normalize("NFC", source[start:end]) == char
    assert reading.source_span(0, len(reading.text))[1] <= len(source)
