"""Print fresh real sentences with the events the extractor finds, for error review.

    python bench/fresh_review.py --seed 1 --per-type 200 --random 40 [--types SANCTION,THREATEN]
        [--exclude FILE] [--corpus DIR] [--avoid FILE ...] [--jsonl FILE]
    python bench/fresh_review.py --sentences FILE    # re-run over an earlier --jsonl file

Draws sentences from government documents (Treasury press releases, White House
statements) that are NOT in the annotated sample (every document with a line in
tests/data/real/sentences.jsonl, or the ids listed one a line in an --exclude file), so
tuning on them cannot fit the annotated splits. For each type
a keyword pool (our own lists, below) is drawn in seeded random order, one sentence a
block, at most 2 a document; `--random` adds plain random sentences. Sentences are
found as bench/real_sample.py finds them (bench/real_sentences.py) and run through the
extractor with the same reading step `alerter eval` uses (alerter.evaluate's
gold_document). Prints each sentence with the events found; `--jsonl` writes the same
to a scratch file (outside the repository: it holds corpus text). With `--avoid` the
documents of an earlier draw are left out, so two draws share no document (a held-out
sample and a development one); it may be given more than once, and a line without its
`doc` (a hand-labelled file) leaves out its sentence by text.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from real_sentences import WRAPPED, blocks, load_nlp, split_blocks  # noqa: E402

from alerter.corpus import CorpusDocument, corpus_file, iter_documents  # noqa: E402
from alerter.evaluate import gold_document  # noqa: E402
from alerter.gold import GoldSentence  # noqa: E402

GOV = ("treasury-press-releases", "whitehouse-statements")
POOLS = {
    "SANCTION": re.compile(r"sanction|designat|export control|embargo|visa restriction"
                           r"|asset freeze|block(?:ed|ing)", re.I),
    "THREATEN": re.compile(r"\bwarn|\bthreat(?:en)|consequences|accountab"
                           r"|(?:impose|imposing|raise|raising)\b[\w\s]{0,20}\bcosts?\b|costs? on\b"
                           r"|will not hesitate|prepared to|ultimatum", re.I),
    "ACCUSE": re.compile(r"\bcondemn|\baccus|\bblam|criticiz|denounc|\bindict|\bcharged\b"
                         r"|lawsuit|\bsued\b|convicted|pleaded guilty", re.I),
    "REJECT": re.compile(r"\breject|\brefus|\bveto|\bdeclin(?:ed|es|ing) to|\bdenied\b"
                         r"|\bwill not (?:accept|recognize)|\bboycott", re.I),
    "SUPPORT": re.compile(r"\bwelcom|\bpraise|\bapplaud|\bcommend|\bendors|solidarity"
                          r"|stands? (?:with|by)|\bsupport(?:s|ed)? the\b|congratulat", re.I),
    "COOPERATE": re.compile(r"\bjoint(?:ly)?\b|in coordination with|coordinat|\bcooperat"
                            r"|collaborat|together with|in partnership with|alongside", re.I),
    "AGREE": re.compile(r"\bagree|\bsign(?:ed|s|ing)?\b|pledg|\bcommit|\baccord\b|treaty"
                        r"|memorandum|\bdeal\b", re.I),
    "CONCEDE": re.compile(r"\blift|\beas(?:e|ed|es|ing)\b|delist|removed? from|general licen"
                          r"|waiver|relief|releas|unblock", re.I),
    "REQUEST": re.compile(r"\bcall(?:s|ed|ing)? (?:on|upon|for)\b|\burg(?:e|es|ed|ing)\b"
                          r"|\bask|\brequest|\bdemand|\bappeal", re.I),
    "CONSULT": re.compile(r"\bmet\b|\bmeet|\btalks\b|\bvisit|summit|negotiat|spoke with"
                          r"|\bcall with|discuss|consult|dialogue", re.I),
    "ASSAULT": re.compile(r"\battack|\bstrikes?\b|\bbomb|\bkill|shell(?:ed|ing)|\braid"
                          r"|assault|missile|drone", re.I),
    "COERCE": re.compile(r"\bdetain|detention|\barrest|imprison|hostage|wrongful"
                         r"|\bseiz|expel|deport|blockade|crack(?:ed|s)? ?down", re.I),
    "PROTEST": re.compile(r"protest|demonstrat|rall(?:y|ies)|\bmarch(?:ed|es)?\b"
                          r"|dissent|boycott", re.I),
    "INVESTIGATE": re.compile(r"investigat|\bprobe|inquiry|indict|\bcharged\b|prosecut"
                              r"|audit|review of", re.I),
    "MOBILIZE": re.compile(r"\bdeploy|troops|mobiliz|military exercise|build-?up"
                           r"|send(?:s|ing)? forces|reinforce", re.I),
    "RETREAT": re.compile(r"withdr[ae]w|pull(?:ed|ing|s)? (?:out|back)|retreat|ceasefire"
                          r"|cease-fire|evacuat|draw(?:ing)? down|drawdown", re.I),
    "AID": re.compile(r"assistance|\baid\b|humanitarian|weapons|\barms\b|munitions|drawdown"
                      r"|\bdeliver|\bdonat|\bloans?\b|\bgrants?\b|\bsuppl(?:y|ied|ies)\b", re.I),
    "AIDMIL": re.compile(r"\bweapons?\b|\barms\b(?! (?:of|with|to|around))|munitions|ammunition"
                         r"|\bmissiles?\b|\bdrones?\b|\bUAVs?\b|security assistance|dual-use"
                         r"|military (?:aid|assistance|equipment|goods)"
                         r"|defen[cs]e (?:articles|goods)"
                         r"|\bprocur(?:e|es|ed|ing)\b|\bsuppl(?:ied|ying|ier)\b", re.I),
}
MAX_PER_DOC = 2


def _sampled_documents() -> set[str]:
    """Return the ids of the documents that have a line in the annotated real-text sample."""
    lines = (ROOT / "tests" / "data" / "real" / "sentences.jsonl").read_text().splitlines()
    return {json.loads(line)["doc"] for line in lines if line.strip()}


def _docs(corpus_dir: Path, excluded: set[str]) -> list[tuple[str, CorpusDocument]]:
    out: list[tuple[str, CorpusDocument]] = []
    for name in GOV:
        path = corpus_file(corpus_dir, name)
        if path is None:
            raise SystemExit(f"{corpus_dir}/{name}.jsonl.gz: corpus file not found")
        out += [(name, d) for d in iter_documents(path) if d.id not in excluded]
    return out


def draw(docs: list[tuple[str, CorpusDocument]], seed: int, per_type: int, n_random: int,
         types: list[str], nlp: Any, avoid_docs: set[str]) -> list[dict[str, Any]]:
    """Return the drawn sentences: type pool, corpus, document, title, date, text."""
    rng = random.Random(seed)
    block_list = []
    for name, d in docs:
        if d.id in avoid_docs:
            continue
        for span in blocks(d.text, name in WRAPPED):
            block_list.append((name, d, span))
    rng.shuffle(block_list)
    used: dict[str, int] = {}
    seen: set[str] = set()
    drawn: list[dict[str, Any]] = []
    wants: list[tuple[str, int, re.Pattern[str] | None]] = [
        (t, per_type, POOLS[t]) for t in types]
    wants.append(("random", n_random, None))
    for pool, size, pattern in wants:
        taken = 0
        for name, d, (a, b) in block_list:
            if taken >= size:
                break
            if used.get(d.id, 0) >= MAX_PER_DOC:
                continue
            if pattern is not None and not pattern.search(d.text, a, b):
                continue
            sentences = [s for s in split_blocks(nlp, d.text, [(a, b)])[0]
                         if s.keep and s.text not in seen
                         and (pattern is None or pattern.search(s.text))]
            if not sentences:
                continue
            s = rng.choice(sentences)
            seen.add(s.text)
            used[d.id] = used.get(d.id, 0) + 1
            taken += 1
            drawn.append({"pool": pool, "corpus": name, "doc": d.id, "title": d.title,
                          "published": (d.published or "2020-01-01")[:10], "text": s.text})
    return drawn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--avoid", type=Path, action="append", default=[],
                        help="leave out the documents of this earlier --jsonl file")
    parser.add_argument("--per-type", type=int, default=200)
    parser.add_argument("--random", type=int, default=40)
    parser.add_argument("--types", default="SANCTION,THREATEN")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--exclude", type=Path, default=None,
                        help="document ids to leave out, one a line (default: the annotated "
                             "sample's documents)")
    parser.add_argument("--jsonl", type=Path, default=None)
    parser.add_argument("--sentences", type=Path, default=None,
                        help="re-run the extractor over a --jsonl file instead of drawing")
    args = parser.parse_args(argv)
    from alerter.commands.common import optional_config
    from alerter.extract import extractor_for

    if args.sentences is not None:
        drawn = [json.loads(line) for line in args.sentences.read_text().splitlines() if line]
    else:
        excluded = (set(args.exclude.read_text().split()) if args.exclude is not None
                    else _sampled_documents())
        docs = _docs(args.corpus, excluded)
        nlp = load_nlp()
        types = args.types.split(",")
        earlier = [json.loads(line) for path in args.avoid
                   for line in path.read_text().splitlines() if line.strip()]
        avoid = {e["doc"] for e in earlier if "doc" in e}
        seen = {e["text"] for e in earlier if "doc" not in e}
        drawn = [d for d in draw(docs, args.seed, args.per_type, args.random, types, nlp, avoid)
                 if d["text"] not in seen]
    gold = [GoldSentence(id=f"f{i:04d}", split="dev", published=date.fromisoformat(d["published"]),
                         text=d["text"], events=()) for i, d in enumerate(drawn, start=1)]
    extractor = extractor_for(optional_config(None))
    found = {doc.id: events for doc, events in extractor.extract(map(gold_document, gold))}
    out = []
    for g, d in zip(gold, drawn, strict=True):
        events = [f"{e.type}/{e.subtype or '-'} '{e.trigger.text}' {e.modality}"
                  for e in found.get(g.id, [])]
        print(f"{g.id} [{d['pool']}] {d['published']} {d['title'][:70]}\n  {d['text']}\n"
              f"  => {'; '.join(events) or '-'}\n")
        out.append({**d, "id": g.id, "found": events})
    if args.jsonl is not None:
        args.jsonl.write_text("".join(json.dumps(o) + "\n" for o in out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
