"""Draw fresh government sentences about material help and show what the extractor finds.

The annotated sample (tests/data/real) is small: 50 AID events on dev. To check that
AID rules generalise, this script draws sentences from corpus documents that are NOT
in the sample (nor in an extra exclusion list), keeps those that mention help
(assistance, aid, weapons, packages, drawdowns, deliveries, loans, grants...), runs
the extractor on each sentence alone and prints it with its events. Given a labels
file (JSON lines: {"text": ..., "events": [{"type", "subtype", "modality"}]}, kept
outside the repository), it scores AID events against it instead.

    .venv/bin/python bench/fresh_aid.py --corpus ../shared/corpus --seed 7 --size 200
    .venv/bin/python bench/fresh_aid.py --corpus ../shared/corpus --seed 99 --size 100 \
        --score /tmp/holdout.jsonl

Sentences are cut as bench/real_sample.py cuts them (bench/real_sentences.py); the
corpus text is printed only, never written into the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from real_sentences import (
    MAX_WORDS,
    MIN_WORDS,
    WRAPPED,
    blocks,
    load_nlp,
    split_blocks,
)

from alerter.corpus import corpus_file, iter_documents, load_sample
from alerter.models import Document
from alerter.sources.documents import RawDocument, to_document

GOV = ("treasury-press-releases", "whitehouse-statements")
HELP = re.compile(
    r"\b(?:assistance|aid|weapons?|arms|security package|drawdown|deliver\w*|provid\w*"
    r"|suppl(?:y|ied|ies|ying)|humanitarian|loans?|grants?|munitions|equipment)\b", re.I)
SAMPLE = Path(__file__).resolve().parents[1] / "tests/data/real/sentences.jsonl"
PER_DOC = 2


def draw(corpus_dir: Path, excluded: set[str], seed: int, size: int
         ) -> list[tuple[str, str, str]]:
    """Give `size` (doc id, date, sentence) drawn in seeded order from fresh documents."""
    pool: list[tuple[str, str | None, str, int, int, str]] = []
    for name in GOV:
        path = corpus_file(corpus_dir, name)
        if path is None:
            raise SystemExit(f"{corpus_dir}/{name}.jsonl.gz: corpus file not found")
        for doc in iter_documents(path):
            if doc.id in excluded:
                continue
            for start, end in blocks(doc.text, name in WRAPPED):
                if HELP.search(doc.text, start, end):
                    pool.append((doc.id, doc.published, name, start, end, doc.text))
    random.Random(seed).shuffle(pool)
    nlp = load_nlp()
    chosen: list[tuple[str, str, str]] = []
    per_doc: dict[str, int] = {}
    seen: set[str] = set()
    for doc_id, published, _name, start, end, text in pool:
        if len(chosen) >= size:
            break
        if per_doc.get(doc_id, 0) >= PER_DOC:
            continue
        sentences = [s for block in split_blocks(nlp, text, [(start, end)]) for s in block
                     if HELP.search(s.text) and MIN_WORDS <= len(s.text.split()) <= MAX_WORDS
                     and s.text.rstrip()[-1:] in ".!?;:" and s.text not in seen]
        if sentences:
            pick = sentences[random.Random(f"{seed}:{doc_id}:{start}").randrange(len(sentences))]
            seen.add(pick.text)
            per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
            chosen.append((doc_id, (published or "2024-01-01")[:10], pick.text))
    return chosen


def documents(drawn: Sequence[tuple[str, str, str]]) -> list[Document]:
    """Give one Document per drawn sentence, published at noon that day."""
    out = []
    for number, (_doc, day, text) in enumerate(drawn):
        published = datetime.fromisoformat(f"{day}T12:00:00+00:00").astimezone(UTC)
        doc = to_document(RawDocument(text=text, origin="fresh", id=f"f{number:04d}",
                                      published=published), published, None)
        if doc is not None:
            out.append(doc)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="file of document ids to leave out (one a line)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--size", type=int, default=200)
    parser.add_argument("--score", type=Path, help="labels (JSON lines) to score AID against")
    args = parser.parse_args(argv)
    excluded = {line.doc for line in load_sample(SAMPLE)}
    for path in args.exclude:
        excluded |= {w.strip() for w in path.read_text().splitlines() if w.strip()}
    drawn = draw(args.corpus, excluded, args.seed, args.size)
    from alerter.commands.common import optional_config
    from alerter.extract import extractor_for

    extractor = extractor_for(optional_config(None))
    results = list(extractor.extract(documents(drawn)))
    if args.score is None:
        for (doc, events), (doc_id, _day, _text) in zip(results, drawn, strict=True):
            print(f"{doc.id} [{doc_id}] {doc.text}")
            for e in events:
                print(f"    {e.type}/{e.subtype or '-'} {e.modality} '{e.trigger.text}'")
        return 0
    gold = {}
    for raw in args.score.read_text().splitlines():
        if raw.strip():
            obj = json.loads(raw)
            gold[obj["text"]] = [e for e in obj["events"] if e["type"] == "AID"]
    tp = fp = fn = sub = mod = 0
    for doc, events in results:
        if doc.text not in gold:
            continue
        want = list(gold[doc.text])
        found = [e for e in events if e.type == "AID"]
        for e in found:
            match = next((g for g in want if g["subtype"] == e.subtype), want[0] if want else None)
            if match is None:
                fp += 1
                print(f"spurious {e.subtype} {e.modality}: {doc.text}")
                continue
            want.remove(match)
            tp += 1
            sub += match["subtype"] == e.subtype
            mod += match["modality"] == e.modality
        fn += len(want)
        for g in want:
            print(f"missed {g['subtype']} {g['modality']}: {doc.text}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"AID P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {tp}, fp {fp}, fn {fn}); "
          f"subtype {sub}/{tp}, modality {mod}/{tp}; {len(gold)} labelled sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
