"""`alerter eval` on a tiny real-text-style set: a corpus, sentence references and labels
written here (our own words), through the real spaCy pipeline."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import alerter.extract
from alerter.annotations import check_labels
from alerter.cli import main
from alerter.corpus import load_sample
from alerter.extract import Extractor
from alerter.goldreal import load_annotated

from .conftest import ROOT

DOCS = {
    "wire-1": ("2024-03-05T09:00:00Z",
               "Norway imposed sanctions on three Iranian shipping firms on Monday.\n"
               "Officials in Oslo described the weather as  mild.\n"
               "Canada will send 20 armoured vehicles to Ukraine."),
    "wire-2": ("2024-03-06T09:00:00Z",
               "Spain delivered artillery shells to Ukraine last week. "
               "Portugal is weighing the supply of tanks to Ukraine."),
}
# id → (doc, sentence, split, label)
SENTENCES: dict[str, tuple[str, str, str, dict[str, Any]]] = {
    "r1": ("wire-1", "Norway imposed sanctions on three Iranian shipping firms on Monday.",
           "dev", {"events": [{"type": "SANCTION", "subtype": "economic", "actor": ["NOR"],
                               "target": ["IRN"], "modality": "asserted", "hedged": False}],
                   "unsure": False}),
    "r2": ("wire-1", "Officials in Oslo described the weather as  mild.", "dev",
           {"events": [], "unsure": False}),
    "r3": ("wire-1", "Canada will send 20 armoured vehicles to Ukraine.", "dev",
           # labelled wrongly on purpose, and flagged unsure: it counts only with unsure rows
           {"events": [{"type": "AID", "subtype": "military", "actor": ["CAN"],
                        "target": ["UKR"], "modality": "discussed", "hedged": False}],
            "unsure": True, "note": "pledge or plan?"}),
    "r4": ("wire-2", "Spain delivered artillery shells to Ukraine last week.", "test",
           {"events": [{"type": "AID", "subtype": "military", "actor": ["ESP"],
                        "target": ["UKR"], "modality": "asserted", "hedged": False}],
            "unsure": False}),
    "r5": ("wire-2", "Portugal is weighing the supply of tanks to Ukraine.", "test",
           {"events": [{"type": "AID", "subtype": "military", "actor": ["PRT"],
                        "target": ["UKR"], "modality": "discussed", "hedged": False}],
            "unsure": False}),
}


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


Invoke = Callable[..., Result]
RealSet = tuple[Path, Path]


@pytest.fixture
def real_set(tmp_path: Path) -> tuple[Path, Path]:
    """Give (annotated set folder, corpus folder)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with gzip.open(corpus / "wire.jsonl.gz", "wt", encoding="utf-8") as out:
        for doc_id, (published, text) in DOCS.items():
            out.write(json.dumps({"id": doc_id, "title": doc_id, "url": None,
                                  "published": published, "source": "Wire",
                                  "text": text}) + "\n")
    folder = tmp_path / "real"
    folder.mkdir()
    refs = []
    for sid, (doc_id, sentence, split, _) in SENTENCES.items():
        start = DOCS[doc_id][1].index(sentence)
        refs.append({"id": sid, "corpus": "wire", "doc": doc_id, "start": start,
                     "end": start + len(sentence), "split": split, "stratum": "x", "chunk": "a",
                     "sha1": hashlib.sha1(sentence.encode()).hexdigest()})
    write_jsonl(folder / "sentences.jsonl", refs)
    write_jsonl(folder / "labels-a.jsonl",
                [{"id": sid, **label} for sid, (*_, label) in SENTENCES.items()])
    return folder, corpus


@pytest.fixture
def run(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    # the session's pipeline, not a second load of the same model
    monkeypatch.setattr(alerter.extract, "extractor_for", lambda config: extractor)

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, ["eval", *args])

    return invoke


def test_dev_split_scores_only_dev_and_reports_without_unsure(run: Invoke,
                                                              real_set: RealSet) -> None:
    folder, corpus = real_set
    result = run(str(folder), "--corpus", str(corpus), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["all"]["split"] == "dev"
    assert data["all"]["sentences"] == 3
    assert data["all"]["per_type"]["SANCTION"]["f1"] == 1.0
    # r3 is predicted planned against an (unsure) gold 'discussed'
    assert data["all"]["accuracy"]["modality"] == {"value": 0.5, "correct": 1, "total": 2}
    assert data["without_unsure"]["sentences"] == 2
    assert data["without_unsure"]["accuracy"]["modality"]["value"] == 1.0
    # real labels carry no date: nothing to score
    assert data["all"]["accuracy"]["date"]["total"] == 0
    assert [e["id"] for e in data["worst_errors"]] == ["r3"]


def test_whitespace_is_collapsed_and_the_text_checked(real_set: RealSet) -> None:
    folder, corpus = real_set
    gold = load_annotated(folder, corpus, "dev")
    assert [s.text for s in gold if s.id == "r2"] == [
        "Officials in Oslo described the weather as mild."]
    assert {s.id: s.published.isoformat() for s in gold}["r1"] == "2024-03-05"


def test_test_sentences_are_scored_but_not_shown_unless_asked(run: Invoke,
                                                              real_set: RealSet) -> None:
    folder, corpus = real_set
    hidden = run(str(folder), "--corpus", str(corpus), "--split", "test")
    assert hidden.exit_code == 0, hidden.output
    assert "split: test  sentences: 2" in hidden.stdout
    assert "Portugal" not in hidden.stdout and "Spain" not in hidden.stdout
    shown = run(str(folder), "--corpus", str(corpus), "--split", "all", "--show-test-errors",
                "--format", "json")
    assert json.loads(shown.stdout)["all"]["sentences"] == 5


def test_val_split_is_scored_held_out_and_may_be_partly_labelled(run: Invoke,
                                                                 real_set: RealSet) -> None:
    folder, corpus = real_set
    sample = folder / "sentences.jsonl"
    refs = [json.loads(line) for line in sample.read_text().splitlines()]
    for ref in refs:
        if ref["split"] == "test":
            ref.update(split="val", chunk="d")
    write_jsonl(sample, refs)
    labels = {sid: label for sid, (*_, label) in SENTENCES.items()}
    write_jsonl(folder / "labels-a.jsonl",
                [{"id": sid, **labels[sid]} for sid in ("r1", "r2", "r3")])
    # annotation of chunk d under way: r5 not labelled yet; r4 labelled with a modality
    # the extractor will not give, so it is a listed error only when asked for
    wrong = {**labels["r4"], "events": [{**labels["r4"]["events"][0], "modality": "planned"}]}
    write_jsonl(folder / "labels-d.jsonl", [{"id": "r4", **wrong}])
    checked = [str(p) for p in check_labels(folder / "labels-d.jsonl", load_sample(sample))]
    assert checked == [f"{folder / 'labels-d.jsonl'}: 1 ids of the chunk not labelled yet, "
                       "first r5"]
    hidden = run(str(folder), "--corpus", str(corpus), "--split", "val")
    assert hidden.exit_code == 0, hidden.output
    assert "split: val  sentences: 1" in hidden.stdout
    assert "Spain" not in hidden.stdout
    shown = run(str(folder), "--corpus", str(corpus), "--split", "val", "--show-test-errors",
                "--format", "json")
    assert [e["id"] for e in json.loads(shown.stdout)["worst_errors"]] == ["r4"]
    dev = run(str(folder), "--corpus", str(corpus), "--split", "all", "--format", "json")
    assert json.loads(dev.stdout)["all"]["sentences"] == 4
    assert [e["id"] for e in json.loads(dev.stdout)["worst_errors"]] == ["r3"]


def test_dev_run_never_reads_test_text(run: Invoke, real_set: RealSet) -> None:
    folder, corpus = real_set
    # point the test sentences at a document that does not exist: a dev run must not care
    lines = (folder / "sentences.jsonl").read_text().replace('"doc": "wire-2"',
                                                             '"doc": "gone"')
    (folder / "sentences.jsonl").write_text(lines)
    result = run(str(folder), "--corpus", str(corpus))
    assert result.exit_code == 0 and "gone" not in result.stderr
    result = run(str(folder), "--corpus", str(corpus), "--split", "test")
    assert "sentences.jsonl:4: r4: document 'gone' not in corpus 'wire'" in result.stderr


def test_a_changed_corpus_is_reported_and_the_rest_scored(run: Invoke, real_set: RealSet) -> None:
    folder, corpus = real_set
    refs = [json.loads(line) for line in (folder / "sentences.jsonl").read_text().splitlines()]
    refs[0]["sha1"] = "0" * 40
    write_jsonl(folder / "sentences.jsonl", refs)
    result = run(str(folder), "--corpus", str(corpus), "--format", "json")
    assert result.exit_code == 0
    assert "sentences.jsonl:1: r1: sha1 mismatch at 0:67 of wire/wire-1" in result.stderr
    assert json.loads(result.stdout)["all"]["sentences"] == 2


def test_a_bad_label_line_names_file_and_line(run: Invoke, real_set: RealSet) -> None:
    folder, corpus = real_set
    with (folder / "labels-a.jsonl").open("a") as out:
        out.write('{"id": "r9", "events": [{"type": "GIFT"}], "unsure": false}\n')
    result = run(str(folder), "--corpus", str(corpus))
    assert result.exit_code == 0
    assert f"{folder / 'labels-a.jsonl'}:6: events[0]" in result.stderr


def test_checker_and_evaluator_refuse_a_bad_label_line_alike(run: Invoke,
                                                            real_set: RealSet) -> None:
    folder, corpus = real_set
    labels = folder / "labels-a.jsonl"
    bad = {"id": "r1", "unsure": "no", "events": [
        {"type": "AID", "subtype": "embargo", "actor": ["XYZ"], "target": ["UKR"],
         "modality": "asserted", "hedged": False}]}
    rows = labels.read_text().splitlines()
    labels.write_text("\n".join([json.dumps(bad), *rows[1:]]) + "\n")
    checked = [str(p) for p in check_labels(labels, load_sample(folder / "sentences.jsonl"))]
    result = run(str(folder), "--corpus", str(corpus), "--format", "json")
    assert result.exit_code == 0, result.output
    warned = [line.removeprefix("warning: ") for line in result.stderr.splitlines()]
    assert checked == [
        f"{labels}:1: unsure: must be true or false",
        f"{labels}:1: events[0]: subtype 'embargo' is not one of "
        "['military', 'humanitarian', 'economic', 'other']",
        f"{labels}:1: events[0]: actor must be a list of alpha-3 or organisation codes, "
        "got ['XYZ']",
    ]
    assert warned == checked
    # the refused sentence is left out, the rest scored
    assert json.loads(result.stdout)["all"]["sentences"] == 2


def test_a_real_set_without_corpus_is_a_clear_error(run: Invoke, real_set: RealSet) -> None:
    folder, _ = real_set
    result = run(str(folder))
    assert result.exit_code != 0
    assert "give the corpus folder with --corpus" in result.stderr


def test_rules_are_scored_per_rule(run: Invoke, real_set: RealSet) -> None:
    folder, corpus = real_set
    result = run(str(folder), "--corpus", str(corpus), "--split", "all", "--rules",
                 str(ROOT / "rules"), "--format", "json")
    assert result.exit_code == 0, result.output
    rules = json.loads(result.stdout)["rules"]
    assert rules["new-sanctions-announced"]["tp"] == 1
    assert rules["arms-delivered"]["tp"] == 1
    # r3: gold says discussed (lethal-aid-discussed owed), and 'will send' is planned,
    # which that rule also takes
    assert rules["lethal-aid-discussed"]["tp"] == 2


def test_own_gold_file_still_scores(run: Invoke) -> None:
    result = run(str(ROOT / "tests" / "data" / "events_gold.jsonl"), "--errors", "0")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("split: dev  sentences: 240")
