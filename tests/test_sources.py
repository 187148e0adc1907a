from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alerter import sources
from alerter.clock import FixedClock
from alerter.errors import Problem

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2023, 3, 1, tzinfo=UTC)


def read(*paths: Path | str) -> tuple[list[Any], list[Problem]]:
    problems: list[Problem] = []
    docs = list(sources.read([str(p) for p in paths], clock=FixedClock(NOW),
                             on_problem=problems.append))
    return docs, problems


def test_text_with_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: T\nsource: Wire\nurl: https://x.example/a\n"
                    "published: 2023-02-24T09:30:00Z\n---\nJapan banned exports to Russia.\n")
    (doc,), problems = read(path)
    assert problems == []
    assert doc.id == "https://x.example/a" and doc.title == "T" and doc.source == "Wire"
    assert doc.published == datetime(2023, 2, 24, 9, 30, tzinfo=UTC)
    assert doc.text == "Japan banned exports to Russia."
    assert doc.fetched == NOW


def test_plain_text_gets_a_content_id_and_the_read_time(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    path.write_text("Canada froze assets.\n")
    (doc,), _ = read(path)
    assert doc.id.startswith("sha256:") and doc.published == NOW


def test_html_is_reduced_to_its_main_text() -> None:
    docs, problems = read(ROOT / "examples" / "2023-02-24-un-general-assembly-vote.html")
    assert problems == [] and len(docs) == 1
    doc = docs[0]
    assert "General Assembly" in doc.text
    assert "cookie" not in doc.text.lower() and "©" not in doc.text
    assert doc.published.year == 2023 and doc.url and doc.title


def test_rss_feed_entries_become_documents() -> None:
    docs, problems = read(ROOT / "examples" / "feed.rss")
    assert problems == []
    assert len(docs) >= 6
    assert all(d.source == "Baltic Ledger" and d.published.year == 2023 for d in docs)
    assert len({d.id for d in docs}) == len(docs)


def test_jsonl_bad_line_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "w.jsonl"
    good = {"id": "w1", "text": "Britain expelled two diplomats.", "published": "2023-02-20"}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({**good, "id": "w2",
                                                                     "colour": "red"}) + "\n")
    docs, problems = read(path)
    assert [d.id for d in docs] == ["w1", "w2"]
    assert [(p.line, p.path) for p in problems] == [(2, ""), (3, "colour")]
    assert "invalid JSON" in str(problems[0]) and f"{path}:2:" in str(problems[0])


def test_a_pretty_printed_json_object_is_one_document(tmp_path: Path) -> None:
    record = {"id": "p1", "text": "Norway pledged winter fuel for Moldova.",
              "published": "2023-02-21", "source": "Desk"}
    path = tmp_path / "one.json"
    path.write_text("\n" + json.dumps(record, indent=2) + "\n")
    docs, problems = read(path)
    assert problems == []
    assert [(d.id, d.text, d.source) for d in docs] == [("p1", record["text"], "Desk")]


def test_a_broken_pretty_printed_json_object_is_one_located_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "id": "p2",\n  "text": "Chile recalled its envoy."\n  "source": "x"\n}\n')
    docs, problems = read(path)
    assert docs == []
    assert len(problems) == 1 and problems[0].line == 4, problems
    assert f"{path}:4:" in str(problems[0]) and "invalid JSON" in str(problems[0])


def test_jsonl_whose_first_line_is_broken_is_still_read_line_by_line(tmp_path: Path) -> None:
    good = {"id": "w3", "text": "Peru closed its border crossing."}
    path = tmp_path / "lines.jsonl"
    path.write_text('{"id": "w0", "text": \n' + json.dumps(good) + "\n")
    docs, problems = read(path)
    assert [d.id for d in docs] == ["w3"]
    assert [p.line for p in problems] == [1]


def test_binary_and_unknown_files_are_skipped_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02garbage")
    (tmp_path / "ok.txt").write_text("Iran seized a tanker.")
    docs, problems = read(tmp_path)
    assert [d.text for d in docs] == ["Iran seized a tanker."]
    assert len(problems) == 1 and "binary file" in str(problems[0])
    _, problems = read(tmp_path / "photo.png")
    assert "no such file" in str(problems[0])
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    _, problems = read(tmp_path / "photo.png")
    assert "unknown file type" in str(problems[0])


def test_malformed_feed_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.rss"
    path.write_text("<rss><channel><title>x</title><item><title>a</ti")
    docs, problems = read(path)
    assert docs == [] and len(problems) == 1 and str(path) in str(problems[0])


def test_examples_hold_one_exact_duplicate() -> None:
    docs, problems = read(ROOT / "examples")
    assert problems == []
    hashes = [d.content_hash for d in docs]
    assert len(hashes) - len(set(hashes)) == 1
