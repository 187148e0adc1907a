"""The real-text sample (tests/data/real/): the resolver, the sampler and the label check.

Tests marked by `require_shared()` need ../shared/corpus/; they skip with the reason
shown, or fail when ALERTER_REQUIRE_SHARED=1 (so CI with the corpus cannot skip them).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from alerter.annotations import check_labels
from alerter.corpus import (
    SAMPLE_KEYS,
    SampleLine,
    load_sample,
    normalise,
    resolve,
    sha1,
)
from alerter.errors import CorpusError

from .conftest import ROOT, missing

CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = ROOT / "tests" / "data" / "real" / "sentences.jsonl"

# A document in the White House layout, written for this test: wrapped lines, a bullet
# with an indented continuation, a word joiner and a non-breaking space.
WRAPPED = (
    "Leaders of two\nneighbouring states met on\nTuesday to talk about grain.\n\n"
    "- The first state will send\n  ten ships of wheat.\n"
    "- Port fees fall by half from\n  next month.\n\nCOVID-\u206019 rules\u00a0ended.\n"
)


def require_shared() -> Path:
    """Return the shared corpus folder, or skip (fail under ALERTER_REQUIRE_SHARED=1)."""
    if not (CORPUS / "treasury-press-releases.jsonl.gz").is_file():
        missing(f"no {CORPUS}: the real-text corpus lives beside the repository",
                "ALERTER_REQUIRE_SHARED")
    return CORPUS


def _bench() -> ModuleType:
    if "real_sample" in sys.modules:
        return sys.modules["real_sample"]
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("real_sample", ROOT / "bench" /
                                                  "real_sample.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["real_sample"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def nlp() -> Any:
    return _bench().load_nlp()


def _corpus(tmp_path: Path, docs: list[dict[str, Any]], name: str = "notes") -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    with (folder / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc) + "\n")
    return folder


def _line(text: str, start: int, end: int, **extra: Any) -> SampleLine:
    fields: dict[str, Any] = dict(id="r0001", corpus="notes", doc="d1", start=start, end=end,
                                  sha1=sha1(text[start:end]), split="dev", stratum="x",
                                  chunk="a", file="sample.jsonl", line=1)
    fields.update(extra)
    return SampleLine(**fields)


# ------------------------------------------------------------------ resolver


def test_resolve_joins_wrapped_lines_and_gives_the_document_date(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, [{"id": "d1", "title": "Grain", "published": "2024-05-02",
                                 "text": WRAPPED}])
    end = WRAPPED.index("grain.") + len("grain.")
    resolved = resolve([_line(WRAPPED, 0, end)], folder)
    assert resolved["r0001"].text == ("Leaders of two neighbouring states met on Tuesday "
                                      "to talk about grain.")
    assert resolved["r0001"].published == "2024-05-02"
    assert resolved["r0001"].title == "Grain"
    assert normalise("COVID-\u206019 rules\u00a0ended.\n") == "COVID-19 rules ended."


def test_resolve_names_the_sample_line_of_a_sha1_mismatch_and_a_missing_doc(
        tmp_path: Path) -> None:
    folder = _corpus(tmp_path, [{"id": "d1", "text": WRAPPED}])
    changed = _line(WRAPPED, 0, 10, sha1="0" * 40, line=7)
    missing = _line(WRAPPED, 0, 10, id="r0002", doc="gone", line=9)
    with pytest.raises(CorpusError) as caught:
        resolve([changed, missing], folder)
    message = str(caught.value)
    assert "sample.jsonl:7: r0001: sha1 mismatch" in message
    assert "sample.jsonl:9: r0002: document 'gone' not in corpus 'notes'" in message


def test_resolve_names_a_missing_corpus_file(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, [{"id": "d1", "text": WRAPPED}])
    with pytest.raises(CorpusError, match=r"elsewhere\.jsonl\.gz: corpus file not found"):
        resolve([_line(WRAPPED, 0, 10, corpus="elsewhere")], folder)


def test_resolve_with_on_problem_reports_each_bad_line_and_resolves_the_rest(
        tmp_path: Path) -> None:
    folder = _corpus(tmp_path, [{"id": "d1", "text": WRAPPED}])
    good = _line(WRAPPED, 0, 14, id="r0001")
    changed = _line(WRAPPED, 0, 10, id="r0002", sha1="0" * 40, line=2)
    gone = _line(WRAPPED, 0, 10, id="r0003", doc="gone", line=3)
    elsewhere = _line(WRAPPED, 0, 10, id="r0004", corpus="elsewhere", line=4)
    reported: list[str] = []
    resolved = resolve([good, changed, gone, elsewhere], folder,
                       on_problem=lambda p: reported.append(str(p)))
    assert resolved.keys() == {"r0001"}
    assert resolved["r0001"].text == "Leaders of two"
    assert reported == [
        f"{folder / 'elsewhere.jsonl.gz'}: corpus file not found; 1 sentence(s) left out",
        "sample.jsonl:2: r0002: sha1 mismatch at 0:10 of notes/d1 (the corpus changed?)",
        "sample.jsonl:3: r0003: document 'gone' not in corpus 'notes'",
    ]


def test_load_sample_reports_every_bad_line(tmp_path: Path) -> None:
    good = _line(WRAPPED, 0, 10).to_json()
    path = tmp_path / "sample.jsonl"
    path.write_text("\n".join([json.dumps(good), json.dumps({**good, "id": "r0002",
                                                              "split": "train"}),
                               json.dumps({**good, "id": "r0003", "text": "copied"}),
                               json.dumps(good)]) + "\n")
    with pytest.raises(CorpusError) as caught:
        load_sample(path)
    lines = str(caught.value).splitlines()
    assert lines[0].startswith(f"{path}:2: split must be one of")
    assert lines[1].startswith(f"{path}:3: expected keys")
    assert lines[2] == f"{path}:4: id: duplicate id 'r0001'"


# ------------------------------------------------------------------ sampler


def test_blocks_join_wrapped_lines_and_keep_bullets_apart(nlp: Any) -> None:
    bench = _bench()
    spans = bench.blocks(WRAPPED, wrapped=True)
    sentences = [s for block in bench.split_blocks(nlp, WRAPPED, spans) for s in block]
    texts = [s.text for s in sentences]
    assert texts[:3] == ["Leaders of two neighbouring states met on Tuesday to talk about grain.",
                         "The first state will send ten ships of wheat.",
                         "Port fees fall by half from next month."]
    for s in sentences:   # offsets point into the original text
        assert normalise(WRAPPED[s.start:s.end]) == s.text
    assert [s.keep for s in sentences[:3]] == [True, True, True]
    # unwrapped corpora: a single newline ends a block
    assert len(bench.blocks("One line here.\nAnother line here.", wrapped=False)) == 2


def test_committed_sample_has_the_promised_shape() -> None:
    everything = load_sample(SAMPLE)
    raw = [json.loads(x) for x in SAMPLE.read_text().splitlines()]
    assert all(list(obj) == list(SAMPLE_KEYS) for obj in raw)
    assert [x.id for x in everything] == [f"r{i:04d}" for i in range(1, 2101)]
    lines = everything[:1500]
    assert Counter(x.split for x in lines) == {"dev": 1000, "test": 500}
    assert Counter(x.chunk for x in lines) == {"a": 500, "b": 500, "c": 500}
    per_stratum = Counter(x.stratum for x in lines)
    tests = Counter(x.stratum for x in lines if x.split == "test")
    assert all(abs(tests[s] - n / 3) <= 1 for s, n in per_stratum.items())
    assert sum(1 for x in lines if x.corpus == "wikipedia-current-events") == 300
    per_doc = Counter((x.corpus, x.doc) for x in lines)
    assert max(per_doc.values()) <= 3


def test_growing_left_the_dev_and_test_lines_byte_for_byte() -> None:
    first = b"".join(SAMPLE.read_bytes().splitlines(keepends=True)[:1500])
    # sha1 of sentences.jsonl as `make` wrote it (commit da2898e), before `grow`
    assert hashlib.sha1(first).hexdigest() == "d8a88fa8bfb4c481f9d64576c2c1480872c27aa3"


def test_committed_val_split_is_held_apart_from_dev_and_test() -> None:
    everything = load_sample(SAMPLE)
    lines, val = everything[:1500], everything[1500:]
    assert {x.split for x in val} == {"val"}
    assert Counter(x.chunk for x in val) == {"d": 200, "e": 200, "f": 200}
    # no document of dev or test gives a val sentence
    assert not {(x.corpus, x.doc) for x in val} & {(x.corpus, x.doc) for x in lines}
    # the plan scaled to 600 (2/5 of each stratum); the Wikipedia strata ran dry (few
    # unused days), and their shortfall went to wiki_random, then to gov_random
    bench = _bench()
    drawn = Counter(x.stratum for x in val)
    for stratum in bench.scaled(bench.PLAN, 600):
        if stratum.group == "gov" and stratum.patterns:
            assert drawn[stratum.name] == stratum.size, stratum.name
    wiki = sum(n for s, n in drawn.items() if s.startswith("wiki"))
    assert (drawn["gov_random"], wiki) == (132, 40)
    assert max(Counter((x.corpus, x.doc) for x in val).values()) <= 3


def test_committed_sample_resolves_against_the_corpus() -> None:
    corpus = require_shared()
    lines = load_sample(SAMPLE)
    resolved = resolve(lines, corpus)
    assert len(resolved) == 2100
    texts = [resolved[x.id].text for x in lines]
    assert len(set(texts)) == len(texts)   # no sentence twice, within or across splits
    # at least 6 words as spaCy counts them: "It's part of our DNA." (r1696) has 6
    assert all("\n" not in s.text and len(s.text.split()) >= 5 for s in resolved.values())


def test_drawing_is_seeded_and_splits_a_third(nlp: Any) -> None:
    corpus = require_shared()
    bench = _bench()
    plan = (bench.Stratum("sanction", 6, "gov", bench.PLAN[0].patterns),
            bench.Stratum("gov_random", 3, "gov"),
            bench.Stratum("wiki_random", 3, "wiki"))
    first = bench.draw(corpus, seed=7, plan=plan, max_docs=60, nlp=nlp)
    again = bench.draw(corpus, seed=7, plan=plan, max_docs=60, nlp=nlp)
    other = bench.draw(corpus, seed=8, plan=plan, max_docs=60, nlp=nlp)
    assert first == again
    assert first != other
    assert len(first) == 12
    assert Counter(x.split for x in first)["test"] == 4
    assert Counter(x.chunk for x in first) == {"a": 4, "b": 4, "c": 4}
    assert resolve(first, corpus).keys() == {x.id for x in first}


def test_scaled_plan_keeps_the_proportions_and_sums_to_the_size() -> None:
    bench = _bench()
    scaled = bench.scaled(bench.PLAN, 600)
    assert [s.name for s in scaled] == [s.name for s in bench.PLAN]
    assert [s.size for s in scaled] == [s.size * 2 // 5 for s in bench.PLAN]
    assert [s.patterns for s in scaled] == [s.patterns for s in bench.PLAN]
    odd = bench.scaled(bench.PLAN, 101)
    assert sum(s.size for s in odd) == 101
    assert all(abs(s.size - p.size * 101 / 1500) < 1 for s, p in zip(odd, bench.PLAN,
                                                                      strict=True))


def test_grow_appends_a_val_split_from_unused_documents(tmp_path: Path, nlp: Any) -> None:
    corpus = require_shared()
    bench = _bench()
    plan = (bench.Stratum("sanction", 6, "gov", bench.PLAN[0].patterns),
            bench.Stratum("gov_random", 3, "gov"),
            bench.Stratum("wiki_random", 3, "wiki"))
    sample = tmp_path / "sentences.jsonl"
    bench.write(bench.draw(corpus, seed=7, plan=plan, max_docs=60, nlp=nlp), sample)
    before = sample.read_bytes()
    grown = bench.grow(sample, corpus, 6, seed=8, plan=plan, max_docs=60, nlp=nlp,
                       chunk_size=2)
    assert sample.read_bytes()[:len(before)] == before   # existing lines untouched
    lines = load_sample(sample)
    old, new = lines[:12], lines[12:]
    assert new == [x for x in lines if x.split == "val"]
    assert [x.id for x in new] == [f"r{i:04d}" for i in range(13, 19)]
    assert [x.id for x in new] == [x.id for x in grown]
    assert Counter(x.chunk for x in new) == {"d": 2, "e": 2, "f": 2}
    assert Counter(x.stratum for x in new) == {"sanction": 3, "gov_random": 2,
                                               "wiki_random": 1}
    assert not {(x.corpus, x.doc) for x in new} & {(x.corpus, x.doc) for x in old}
    texts = resolve(lines, corpus)
    assert not ({texts[x.id].text for x in new} & {texts[x.id].text for x in old})
    shown = list(bench.show(sample, corpus, "d", 1, 2, context=False))
    assert [block.split()[2] for block in shown] == [x.id for x in new if x.chunk == "d"]
    with pytest.raises(SystemExit, match="split 'val' already drawn"):
        bench.grow(sample, corpus, 6, seed=9, plan=plan, max_docs=60, nlp=nlp)
    assert sample.read_bytes()[:len(before)] == before


def test_a_random_stratum_that_runs_dry_passes_its_share_to_the_other_group(
        nlp: Any) -> None:
    corpus = require_shared()
    bench = _bench()
    plan = (bench.Stratum("gov_random", 3, "gov"), bench.Stratum("wiki_random", 3, "wiki"))
    wiki = bench.read_corpora(corpus, 60)["wikipedia-current-events"]
    every_day = bench.Exclude(docs=frozenset(("wikipedia-current-events", d.id) for d in wiki))
    lines = bench.draw(corpus, seed=7, plan=plan, max_docs=60, nlp=nlp, exclude=every_day)
    assert Counter(x.stratum for x in lines) == {"gov_random": 6}


# ------------------------------------------------------------------ label check


def test_check_labels_names_a_chunk_the_sample_lacks(tmp_path: Path) -> None:
    path = tmp_path / "labels-f.jsonl"
    path.write_text(json.dumps({"id": "r2100", "events": [], "unsure": False}) + "\n")
    assert [str(p) for p in check_labels(path, [_line(WRAPPED, 0, 10)])] == [
        f"{path}: no sentence of chunk 'f' in sample.jsonl"]



def test_check_labels_reports_bad_codes_types_and_missing_ids(tmp_path: Path) -> None:
    sample = load_sample(SAMPLE)
    ids = [x.id for x in sample if x.chunk == "b"]
    event = {"type": "SANCTION", "subtype": "economic", "actor": ["USA"], "target": ["IRN"],
             "modality": "asserted", "hedged": False}
    rows = [{"id": i, "events": [], "unsure": False} for i in ids]
    rows[0]["events"] = [event]
    path = tmp_path / "labels-b.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert check_labels(path, sample) == []
    rows[1]["events"] = [{**event, "type": "AID", "subtype": "embargo", "actor": ["XYZ"]}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows[:-1]))
    problems = [str(p) for p in check_labels(path, sample)]
    assert problems[0].startswith(f"{path}:2: events[0]: subtype 'embargo' is not one of")
    assert problems[1].startswith(f"{path}:2: events[0]: actor must be a list")
    assert problems[2] == f"{path}: 1 ids of the chunk not labelled yet, first {ids[-1]}"
