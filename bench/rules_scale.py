"""Time per event of the rule engine with 10, 1,000 and 10,000 rules (target: ≤ 2x of 10).

    python bench/rules_scale.py [--events 100000] [--rules 10 1000 10000] [--runs 3]
                                [--seed 11] [--broad-cap 50] [--hits] [--sample 2000]

Events are generated with random.Random(--seed) as real `alerter.models.Event`s on 48
`Document`s published every 7 hours over 14 days (4 sources), in time order; building
them is not timed. Types are skewed (SANCTION, ASSAULT, CONSULT, ACCUSE, AID, THREATEN
make about 70%); AID and SANCTION carry a subtype; modality is asserted 60%, planned,
discussed 12% each, negated, hypothetical 8% each; 1-2 actors and 0-2 targets whose
codes are pycountry alpha_3 codes (half of them from 16 prominent countries) or UN, EU,
NATO (8%); the sentence is "<actors> <verb> <targets> over <topic> on <day> March."
with the trigger on the verb.

Rules are written as YAML (up to 500 per file, `---` between them) into a temporary
folder and loaded with `load_rules`, so validation and compilation are exercised; the
load time (with RuleEngine indexing) is printed on its own. Rule types follow the event
skew, codes the event code distribution. Shapes and their shares:

    broad      type                                   4%
               type + modality [1-2]                  6%
               type + subtype + modality [1-2]        5%   (AID, SANCTION)
               type + text: {any: [1-3 words]}        6%
               type + not: {actor.code: [1-2]}        4%
    watchlist  type + actor.code [1-3]               28%
               type + target.code                    22%
               type + actor.code + target.code       25%

and 20% of them (any shape) add `new: {key: [...], within: 30d}`. Rule ids are unique.

Two mixes (--mix). `nested` (the default) measures what the index is for: each larger
set is the baseline set (the first --rules count, drawn as above) plus rules that watch
one pair of countries for one type (type + actor.code + target.code), the codes drawn
from every country alike, as a long watchlist of pairs would be: almost none of them can
match any one event, so the time per event should stay near the baseline's. `skewed`
draws every set afresh from the shares above, with codes as skewed as the events':
then matches per event grow with the set (17.8 per event at 10,000 rules), and so,
necessarily, does the time.

Broad rules are few in any real set (there are only so many broad questions; a big set
is big because of watchlists), so they keep their share only until a set has
--broad-cap of them (default 50); after that every rule is a watchlist shape, in the
watchlist shares. --broad-cap 10000 keeps the shares above at every size.

For each rule count the engine runs `match(pairs, DictMemory())` over all events (and,
with --hits, `hits(event, document)` for every event: conditions only, no state, no
Match); each configuration runs once on 1,000 events as a warm-up, then --runs rounds in
which the configurations take turns (so a change in the machine's load falls on all
alike); the best run of each counts. "tested/ev" is the mean
len(engine.candidates(event, document)) over --sample events; "+µs/match" is the match
time above the first rule count's, per match above its matches (what one more match
costs); "ratio" is µs per event against the first rule count.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pycountry
import yaml
from timing import best_times  # bench/timing.py

from alerter.gold import SUBTYPES
from alerter.models import Document, Event, Participant, Span, stable_id
from alerter.rules.engine import DictMemory, RuleEngine
from alerter.rules.loader import load_rules

START = datetime(2023, 2, 10, 6, tzinfo=UTC)
DOCUMENTS = 48
DOC_STEP = timedelta(hours=7)
SOURCES = ("reuters", "apnews", "bbc", "gdelt")
RULES_PER_FILE = 500
WARMUP_EVENTS = 1_000

# A few types make most news; the rest share what is left.
TYPE_WEIGHTS: dict[str, float] = {
    "SANCTION": 14, "ASSAULT": 14, "CONSULT": 12, "ACCUSE": 10, "AID": 10, "THREATEN": 9,
    "AGREE": 5, "SUPPORT": 4, "REQUEST": 4, "REJECT": 4, "PROTEST": 3, "COOPERATE": 3,
    "MOBILIZE": 2, "INVESTIGATE": 2, "COERCE": 2, "CONCEDE": 1, "RETREAT": 1,
}
MODALITY_WEIGHTS: dict[str, float] = {
    "asserted": 60, "planned": 12, "discussed": 12, "negated": 8, "hypothetical": 8,
}
VERBS: dict[str, tuple[str, ...]] = {
    "AGREE": ("agreed with", "signed a deal with"), "CONSULT": ("met", "held talks with"),
    "SUPPORT": ("backed", "endorsed"), "CONCEDE": ("conceded to", "eased demands on"),
    "COOPERATE": ("cooperated with", "partnered with"), "AID": ("sent aid to", "supplied"),
    "RETREAT": ("withdrew from", "pulled back from"), "REQUEST": ("asked", "urged"),
    "ACCUSE": ("accused", "blamed"), "REJECT": ("rejected", "refused"),
    "THREATEN": ("threatened", "warned"), "PROTEST": ("protested against", "rallied against"),
    "SANCTION": ("sanctioned", "imposed an export ban on"),
    "MOBILIZE": ("mobilised troops near", "deployed forces near"),
    "COERCE": ("detained officials of", "seized ships of"),
    "ASSAULT": ("attacked", "shelled"), "INVESTIGATE": ("investigated", "probed"),
}
TOPICS = ("oil", "gas", "grain", "drones", "missiles", "tanks", "nuclear talks", "the border",
          "a ceasefire", "cyber attacks", "tariffs", "semiconductors", "shipping", "refugees",
          "elections", "fishing rights", "the pipeline", "human rights", "fertiliser", "banks")
WORDS = ("oil", "gas", "grain", "drone", "missile", "tank", "nuclear", "border", "ceasefire",
         "cyber", "tariff", "semiconductor", "shipping", "refugee", "election", "pipeline",
         "bank", "export ban", "fertiliser", "human rights")
PROMINENT = ("USA", "RUS", "CHN", "UKR", "GBR", "FRA", "DEU", "IRN", "ISR", "IND", "TUR",
             "PRK", "KOR", "JPN", "POL", "BLR")
ORGANISATIONS = {"UN": "the United Nations", "EU": "the European Union", "NATO": "NATO"}
NEW_KEYS = (["type", "actor.code"], ["type", "actor.code", "target.code"],
            ["type", "subtype", "actor.code", "target.code"], ["type", "target.code"])
SHAPES: dict[str, float] = {
    "type": 4, "type+modality": 6, "type+subtype+modality": 5, "type+text": 6,
    "type+not-actor": 4, "type+actor": 28, "type+target": 22, "type+actor+target": 25,
}
BROAD = ("type", "type+modality", "type+subtype+modality", "type+text", "type+not-actor")
WATCHLIST = {s: w for s, w in SHAPES.items() if s not in BROAD}
NEW_SHARE = 0.2

Pair = tuple[Event, Document | None]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Return the parsed command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="events to match")
    parser.add_argument("--rules", type=int, nargs="+", default=[10, 1_000, 10_000],
                        help="rule counts to measure; the first is the baseline")
    parser.add_argument("--runs", type=int, default=3, help="timed rounds")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--broad-cap", type=int, default=50,
                        help="most broad rules in a set; a number >= the rule count keeps "
                             "their share at every size (default: %(default)s)")
    parser.add_argument("--mix", choices=["nested", "skewed"], default="nested",
                        help="nested: the baseline set plus watchlists over every country "
                             "(the index's job); skewed: every set drawn from the news "
                             "distribution (default: %(default)s)")
    parser.add_argument("--hits", action="store_true",
                        help="also time engine.hits alone (conditions, no state or Match)")
    parser.add_argument("--sample", type=int, default=2_000,
                        help="events over which rules tested per event is averaged")
    return parser.parse_args(argv)


class Codes:
    """Participant codes as news has them: a few countries often, every country sometimes."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names = {c.alpha_3: getattr(c, "common_name", c.name) for c in pycountry.countries}
        self.everyone = sorted(self.names)
        self.names.update(ORGANISATIONS)

    def draw(self, uniform: bool = False) -> str:
        if uniform:
            return self.rng.choice(self.everyone)
        roll = self.rng.random()
        if roll < 0.08:
            return self.rng.choice(sorted(ORGANISATIONS))
        if roll < 0.54:
            return self.rng.choice(PROMINENT)
        return self.rng.choice(self.everyone)

    def distinct(self, count: int, avoid: Sequence[str] = ()) -> list[str]:
        chosen: list[str] = []
        while len(chosen) < count:
            code = self.draw()
            if code not in chosen and code not in avoid:
                chosen.append(code)
        return chosen

    def participant(self, code: str) -> Participant:
        kind = "organisation" if code in ORGANISATIONS else "country"
        return Participant(text=self.names[code], kind=kind, code=code)


def pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def build_documents() -> list[Document]:
    """Return the documents the events hang on, oldest first."""
    documents = []
    for i in range(DOCUMENTS):
        published = START + i * DOC_STEP
        text = f"Bench wire {i}"
        documents.append(Document(
            id=stable_id("bench-doc", i), source=SOURCES[i % len(SOURCES)],
            url=f"https://example.org/{i}", title=text, text=text, published=published,
            fetched=published, content_hash=stable_id(text)))
    return documents


def build_events(count: int, documents: list[Document], seed: int) -> list[Pair]:
    """Return `count` (event, document) pairs, spread evenly over the documents in order."""
    rng = random.Random(seed)
    codes = Codes(rng)
    pairs: list[Pair] = []
    for i in range(count):
        document = documents[i * len(documents) // count]
        event_type = pick(rng, TYPE_WEIGHTS)
        actors = codes.distinct(rng.choice((1, 1, 1, 2)))
        targets = codes.distinct(rng.choices((0, 1, 2), weights=(25, 60, 15))[0], actors)
        verb = rng.choice(VERBS[event_type])
        head = " and ".join(codes.names[c] for c in actors)
        tail = " and ".join(codes.names[c] for c in targets) or "its neighbours"
        text = f"{head} {verb} {tail} over {rng.choice(TOPICS)} on {rng.randint(1, 28)} March."
        subtypes = SUBTYPES.get(event_type)
        pairs.append((Event(
            id=stable_id(seed, i), doc_id=document.id, type=event_type,
            subtype=rng.choice(subtypes) if subtypes else None,
            trigger=Span(text=verb, start=len(head) + 1, end=len(head) + 1 + len(verb)),
            actor=tuple(codes.participant(c) for c in actors),
            target=tuple(codes.participant(c) for c in targets),
            modality=pick(rng, MODALITY_WEIGHTS),
            sentence=Span(text=text, start=0, end=len(text)),
            confidence=round(rng.uniform(0.4, 0.95), 2)), document))
    return pairs


def rule_when(shape: str, rng: random.Random, codes: Codes, uniform: bool = False
              ) -> dict[str, Any]:
    """Return the `when` block of a rule of the given shape (watchlist codes drawn from
    every country alike with `uniform`)."""
    event_type = pick(rng, TYPE_WEIGHTS)
    if shape == "type+subtype+modality":
        event_type = rng.choice(sorted(SUBTYPES))
    when: dict[str, Any] = {"type": event_type}
    modalities = rng.sample(sorted(MODALITY_WEIGHTS), rng.choice((1, 2)))
    if shape == "type+modality":
        when["modality"] = modalities
    elif shape == "type+subtype+modality":
        when["subtype"] = rng.choice(SUBTYPES[event_type])
        when["modality"] = modalities
    elif shape == "type+text":
        when["text"] = {"any": rng.sample(WORDS, rng.choice((1, 2, 3)))}
    elif shape == "type+not-actor":
        when["not"] = {"actor.code": codes.distinct(rng.choice((1, 2)))}
    elif shape == "type+actor":
        when["actor.code"] = sorted({codes.draw(uniform) for _ in range(rng.choice((1, 2, 3)))})
    elif shape == "type+target":
        when["target.code"] = codes.draw(uniform)
    elif shape == "type+actor+target":
        actor = codes.draw(uniform)
        when["actor.code"] = actor
        when["target.code"] = next(c for c in iter(lambda: codes.draw(uniform), None)
                                   if c != actor)
    return when


def rule_set(count: int, seed: int, broad_cap: int, nested_on: int | None = None
             ) -> list[dict[str, Any]]:
    """Return `count` rules, as the mappings a rule file holds, at most `broad_cap` broad.
    With `nested_on`, the first `nested_on` rules are the same at every count and the
    rest watch pairs of countries (type + actor.code + target.code), drawn from every
    country alike."""
    rng = random.Random(seed * 1_000_003 + (count if nested_on is None else nested_on))
    codes = Codes(rng)
    rules = []
    broad = 0
    for i in range(count):
        extra = nested_on is not None and i >= nested_on
        shape = "type+actor+target" if extra else pick(
            rng, WATCHLIST if broad >= broad_cap else SHAPES)
        broad += shape in BROAD
        rule: dict[str, Any] = {
            "id": f"r{i:05d}-{shape.replace('+', '-')}",
            "name": f"Bench rule {i} ({shape})",
            "severity": rng.choice(("low", "medium", "high")),
            "tags": ["bench", shape],
            "when": rule_when(shape, rng, codes, uniform=extra),
        }
        if rng.random() < NEW_SHARE:
            rule["new"] = {"key": rng.choice(NEW_KEYS), "within": "30d"}
        rules.append(rule)
    return rules


def write_rules(folder: Path, rules: list[dict[str, Any]]) -> None:
    """Write the rules as YAML files of up to RULES_PER_FILE rules each."""
    folder.mkdir(parents=True)
    for start in range(0, len(rules), RULES_PER_FILE):
        text = yaml.safe_dump_all(rules[start:start + RULES_PER_FILE], sort_keys=False,
                                  default_flow_style=None, allow_unicode=True)
        (folder / f"rules{start // RULES_PER_FILE:03d}.yaml").write_text(text, encoding="utf-8")


def match_runner(engine: RuleEngine, pairs: list[Pair]) -> Callable[[int | None], int]:
    """Return a function that matches all events (or the first n) with fresh memory."""
    def run(limit: int | None) -> int:
        return len(engine.match(pairs if limit is None else pairs[:limit], DictMemory()))
    return run


def hits_runner(engine: RuleEngine, pairs: list[Pair]) -> Callable[[int | None], int]:
    """Return a function that counts the hits of all events (or the first n)."""
    def run(limit: int | None) -> int:
        return sum(len(engine.hits(e, d)) for e, d in (pairs if limit is None else
                                                       pairs[:limit]))
    return run


def load_engines(counts: list[int], seed: int, broad_cap: int, sample: list[Pair],
                 mix: str) -> list[tuple[RuleEngine, float, float]]:
    """Return, per rule count, the engine, its load time and the mean rules tested per
    event of the sample."""
    out = []
    with tempfile.TemporaryDirectory(prefix="rules-scale-") as tmp:
        for count in counts:
            folder = Path(tmp) / f"rules{count}"
            rules = rule_set(count, seed, broad_cap,
                             counts[0] if mix == "nested" else None)
            write_rules(folder, rules)
            start = time.perf_counter()
            engine = RuleEngine(load_rules([folder]))
            load_s = time.perf_counter() - start
            tested = sum(len(engine.candidates(e, d)) for e, d in sample) / len(sample)
            broad = sum(r["tags"][1] in BROAD for r in rules)
            print(f"  {count} rules ({broad} broad): loaded and indexed in {load_s:.2f}s, "
                  f"{tested:.2f} tested per event", flush=True)
            out.append((engine, load_s, tested))
    return out


def print_table(counts: list[int], engines: list[tuple[RuleEngine, float, float]],
                results: list[tuple[float, int]], events: int) -> float:
    """Print a row per rule count; return the last count's match time ratio to the first."""
    n = len(counts)
    per_event = [s * 1e6 / events for s, _ in results]
    hits = len(results) > n
    print(f"\n{'rules':>7}  {'load s':>7}  {'tested/ev':>9}  {'match µs/ev':>11}  "
          f"{'matches':>10}  {'+µs/match':>9}  {'ratio':>6}"
          + (f"  {'hits µs/ev':>10}  {'hits':>10}  {'ratio':>6}" if hits else ""))
    for i, count in enumerate(counts):
        (seconds, matches), (base_s, base_matches) = results[i], results[0]
        extra = matches - base_matches
        more = f"{(seconds - base_s) * 1e6 / extra:.1f}" if extra > 0 else "-"
        row = (f"{count:>7,}  {engines[i][1]:>7.2f}  {engines[i][2]:>9.2f}  "
               f"{per_event[i]:>11.2f}  {matches:>10,}  {more:>9}  "
               f"{per_event[i] / per_event[0]:>6.2f}")
        if hits:
            row += (f"  {per_event[n + i]:>10.2f}  {results[n + i][1]:>10,}  "
                    f"{per_event[n + i] / per_event[n]:>6.2f}")
        print(row)
    return per_event[n - 1] / per_event[0]


def main(argv: list[str] | None = None) -> int:
    """Return the exit status after measuring every rule count and printing the table."""
    args = parse_args(argv)
    started = time.perf_counter()
    pairs = build_events(args.events, build_documents(), args.seed)
    print(f"events: {len(pairs)} on {DOCUMENTS} documents (seed {args.seed}), built in "
          f"{time.perf_counter() - started:.1f}s; best of {args.runs} after a warm-up",
          flush=True)
    sample = pairs[:: max(1, len(pairs) // args.sample)][:args.sample]
    print(f"rule mix: {args.mix}", flush=True)
    engines = load_engines(args.rules, args.seed, args.broad_cap, sample, args.mix)
    runners = [match_runner(e, pairs) for e, _, _ in engines]
    names = [f"match {c}" for c in args.rules]
    if args.hits:
        runners += [hits_runner(e, pairs) for e, _, _ in engines]
        names += [f"hits {c}" for c in args.rules]
    times = best_times(runners, args.runs, WARMUP_EVENTS, names)
    ratio = print_table(args.rules, engines, times, len(pairs))
    print(f"\ntarget: {args.rules[-1]:,} rules at most 2x the time per event of "
          f"{args.rules[0]:,}: {'met' if ratio <= 2 else 'not met'} ({ratio:.2f}x); "
          f"total {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
