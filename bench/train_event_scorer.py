"""Train the event scorer (transforms/event_scorer.py) on annotated news sentences.

Usage (from the repository root)::

    .venv/bin/python bench/train_event_scorer.py \
        [--train bench/events_train.jsonl] [--gold bench/events_gold.jsonl --with-dev] \
        [--eval-dev] [--out transforms/rules/event_scorer.json]

Rows are sentences with the events the annotation guidelines code (``docs/event_annotation.md``;
``bench/events_train.jsonl`` was annotated once each, ``bench/events_gold.jsonl`` twice and
adjudicated).  The rules (``event_candidates``) propose candidates; each gold event is aligned
to the candidate with its root whose verb is the annotated verb (else any candidate with its
root).  Two models are fitted with numpy:

* ``keep``: logistic regression, candidate -> aligned to a gold event or not;
* ``arg``: a softmax over each role's country options, -> the gold country.

The keep threshold is the one with the best F1 of (root, source country, target country)
matches over out-of-fold predictions (5 folds by sentence); the final weights are fitted on all
rows.  ``--eval-dev`` trains without the dev rows and prints the scores on them.  The test rows
of ``bench/events_gold.jsonl`` are never read here.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.eval_events import match_events  # noqa: E402
from flows.nlp import load_nlp  # noqa: E402
from flows.resources import load_resources  # noqa: E402
from transforms.articles import doc_id_for, parse_published  # noqa: E402
from transforms.entities import extract_entities  # noqa: E402
from transforms.event_scorer import EventScorer  # noqa: E402
from transforms.events import EventCandidate, decide_events, event_candidates  # noqa: E402
from transforms.quotes import extract_quotes  # noqa: E402

DEFAULT_TRAIN = ROOT / "bench/events_train.jsonl"
DEFAULT_GOLD = ROOT / "bench/events_gold.jsonl"
DEFAULT_OUT = ROOT / "transforms/rules/event_scorer.json"
L2 = 1.0  # per-weight penalty (sum over the data's loss, not its mean)
MIN_COUNT = 2  # features seen fewer times than this are dropped
MIN_CODE = 3  # a verb's annotated root counts from this many events


@dataclass
class Sentence:
    id: str
    candidates: list[EventCandidate]
    gold: list[dict]
    keep: list[int]  # per candidate: 1 when a gold event is aligned to it
    # per aligned candidate and role: (candidate index, role, index of the gold option)
    args: list[tuple[int, str, int]]


@dataclass
class Parsed:
    row: dict
    doc: object
    doc_id: str
    published: object
    entities: object
    quotes: list


def parse(nlp, resources, rows: list[dict]) -> list[Parsed]:
    out = []
    texts = [r["text"] for r in rows]
    for row, doc in zip(rows, nlp.pipe(texts, batch_size=32), strict=True):
        published = parse_published(row["published"]) if row.get("published") else None
        doc_id = doc_id_for(row["text"])
        entities = extract_entities(doc, doc_id, resources)
        quotes = extract_quotes(doc, doc_id, entities, resources)
        out.append(Parsed(row, doc, doc_id, published, entities, quotes))
    return out


def learn_codes(parsed: list[Parsed], resources) -> dict[str, tuple[str, ...]]:
    """Verb lemma -> the codes annotators gave it: per root seen at least MIN_CODE times, its
    most frequent code; roots by frequency."""
    seen: dict[str, Counter] = {}
    for p in parsed:
        for event in p.row["events"]:
            words = {w.casefold() for w in (event.get("verb") or "").split()}
            token = next((t for t in p.doc if t.pos_ == "VERB" and t.lower_ in words), None)
            if token is None or event["code"] not in resources.cameo_codes:
                continue
            seen.setdefault(token.lemma_.lower(), Counter())[event["code"]] += 1
    table = {}
    for lemma, codes in seen.items():
        roots = Counter()
        for code, n in codes.items():
            roots[code[:2]] += n
        best = [
            max((c for c in codes if c[:2] == root), key=lambda c: (codes[c], c))
            for root, n in roots.most_common()
            if n >= MIN_CODE
        ]
        if best:
            table[lemma] = tuple(best)
    return dict(sorted(table.items()))


def candidates_of(parsed: list[Parsed], resources, codes) -> list[Sentence]:
    resources = replace(resources, event_scorer=EventScorer(codes=codes))
    out = []
    for p in parsed:
        cands = event_candidates(p.doc, p.doc_id, p.published, p.entities, p.quotes, resources)
        out.append(align(p.row, p.doc, cands))
    return out


def align(row: dict, doc, cands: list[EventCandidate]) -> Sentence:
    keep = [0] * len(cands)
    args: list[tuple[int, str, int]] = []
    taken: set[int] = set()
    for event in row["events"]:
        words = {w.casefold() for w in (event.get("verb") or "").split()}
        same_root = [
            i
            for i, c in enumerate(cands)
            if i not in taken and c.record.event_root_code == event["root"]
        ]
        by_verb = [
            i
            for i in same_root
            if doc.text[cands[i].record.start_char : cands[i].record.end_char].split()[0].casefold()
            in words
        ]
        pick = (by_verb or same_root or [None])[0]
        if pick is None:
            continue
        taken.add(pick)
        keep[pick] = 1
        cand = cands[pick]
        for role, options, want in (
            ("A", cand.actor_options, event["source_country"]),
            ("T", cand.target_options, event["target_country"]),
        ):
            hit = next((k for k, o in enumerate(options) if o.country == want), None)
            if hit is not None:
                args.append((pick, role, hit))
    return Sentence(row["id"], cands, row["events"], keep, args)


class Index:
    def __init__(self, rows: list[tuple[str, ...]]) -> None:
        counts = Counter(f for r in rows for f in set(r))
        self.names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
        self.at = {f: k for k, f in enumerate(self.names)}

    def encode(self, features: tuple[str, ...]) -> np.ndarray:
        return np.array(sorted({self.at[f] for f in features if f in self.at}), dtype=np.int64)


def _fit(
    rows: list[np.ndarray], groups: list[int], targets: np.ndarray, n: int, softmax: bool
) -> np.ndarray:
    """Full-batch Adam on L2-penalised log loss.  ``groups[i]`` is row i's group: a softmax
    over each group's rows (the arg model), or independent logistic rows (the keep model,
    with a bias as weight ``n``)."""
    lengths = np.array([len(r) for r in rows])
    flat = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    owner = np.repeat(np.arange(len(rows)), lengths)
    group = np.array(groups)
    w = np.zeros(n + 1)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, 401):
        scores = np.bincount(owner, weights=w[flat], minlength=len(rows))
        if softmax:
            top = np.full(group.max() + 1, -np.inf)
            np.maximum.at(top, group, scores)
            e = np.exp(scores - top[group])
            p = e / np.bincount(group, weights=e)[group]
        else:
            scores = scores + w[n]
            p = 1.0 / (1.0 + np.exp(-scores))
        err = p - targets
        grad = np.bincount(flat, weights=err[owner], minlength=n + 1) + L2 * w
        if not softmax:
            grad[n] = err.sum()
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w


def train(sentences: list[Sentence]) -> EventScorer:
    # negated or hypothetical clauses are never annotated (only what happened is coded), so
    # whether they are events is unknown: they are left out of the keep model's data
    pairs = [
        (c, y)
        for s in sentences
        for c, y in zip(s.candidates, s.keep, strict=True)
        if not c.record.negated and not c.record.hypothetical
    ]
    keep_index = Index([c.features for c, _ in pairs])
    keep_rows = [keep_index.encode(c.features) for c, _ in pairs]
    keep_y = np.array([y for _, y in pairs], dtype=float)
    wk = _fit(keep_rows, list(range(len(keep_rows))), keep_y, len(keep_index.names), False)

    arg_features: list[tuple[str, ...]] = []
    groups: list[int] = []
    arg_y: list[float] = []
    group = 0
    for s in sentences:
        for pick, role, hit in s.args:
            options = (
                s.candidates[pick].actor_options
                if role == "A"
                else s.candidates[pick].target_options
            )
            if len(options) < 2:
                continue
            group += 1
            for k, option in enumerate(options):
                arg_features.append(option.features)
                groups.append(group)
                arg_y.append(1.0 if k == hit else 0.0)
    arg_index = Index(arg_features)
    arg_rows = [arg_index.encode(f) for f in arg_features]
    wa = _fit(arg_rows, groups, np.array(arg_y), len(arg_index.names), True)
    keep = {f: round(float(wk[k]), 4) for k, f in enumerate(keep_index.names) if abs(wk[k]) > 1e-4}
    keep["bias"] = round(float(wk[-1]), 4)
    arg = {f: round(float(wa[k]), 4) for k, f in enumerate(arg_index.names) if abs(wa[k]) > 1e-4}
    return EventScorer(keep=keep, arg=arg)


def per_sentence(
    sentences: list[Sentence], scorer: EventScorer | None
) -> list[tuple[int, int, int]]:
    """(matched, system, gold) events of each sentence, matched as ``bench/eval_events.py``
    scores them."""
    out = []
    for s in sentences:
        matched, unmatched, _ = match_events(decide_events(s.candidates, scorer), s.gold)
        out.append((matched, matched + len(unmatched), len(s.gold)))
    return out


def score(sentences: list[Sentence], scorer: EventScorer | None) -> tuple[int, int, int]:
    rows = per_sentence(sentences, scorer)
    return sum(r[0] for r in rows), sum(r[1] for r in rows), sum(r[2] for r in rows)


def _f1(tp: int, n_sys: int, n_gold: int) -> float:
    return 2 * tp / (n_sys + n_gold) if n_sys + n_gold else 0.0


def bootstrap_se(rows: list[tuple[int, int, int]], draws: int = 200) -> float:
    """The standard error of F1 over sentences (resampled with replacement)."""
    rng = np.random.default_rng(0)
    counts = np.array(rows, dtype=float)
    scores = []
    for _ in range(draws):
        tp, n_sys, n_gold = counts[rng.integers(0, len(rows), len(rows))].sum(axis=0)
        scores.append(_f1(tp, n_sys, n_gold))
    return float(np.std(scores))


def prf(tp: int, n_sys: int, n_gold: int) -> str:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F {f:.3f} (tp {tp}, system {n_sys}, gold {n_gold})"


DROPS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4)
ADDS = (0.3, 0.4, 0.5, 0.6, 0.7, 1.01)
VARIANT_MARGINS = (0.0, 0.2, 0.4, 1.01)
ARG_MARGINS = (0.0, 0.5, 1.0, 2.0, 4.0, 99.0)
Policy = tuple[float, float, float, float]


def _with(scorer: EventScorer, policy: Policy) -> EventScorer:
    drop, add, variant, arg = policy
    return replace(
        scorer, drop_threshold=drop, add_threshold=add, variant_margin=variant, arg_margin=arg
    )


def choose_policy(parsed: list[Parsed], resources, folds: int = 5) -> Policy:
    """How far the models may overrule the rules: the thresholds and margins with the best
    out-of-fold F1 (codes and weights learnt without the held-out fold)."""
    order = parsed[:]
    random.Random(0).shuffle(order)
    held_out: list[tuple[EventScorer, list[Sentence]]] = []
    for k in range(folds):
        held = order[k::folds]
        rest = [s for j, s in enumerate(order) if j % folds != k]
        codes = learn_codes(rest, resources)
        scorer = replace(train(candidates_of(rest, resources, codes)), codes=codes)
        held_out.append((scorer, candidates_of(held, resources, codes)))

    def counts(policy: Policy) -> list[int]:
        total = [0, 0, 0]
        for scorer, sentences in held_out:
            c = score(sentences, _with(scorer, policy))
            total = [a + b for a, b in zip(total, c, strict=True)]
        return total

    def f1(c: list[int]) -> float:
        return _f1(*c)

    grid = [(d, a, v, m) for d in DROPS for a in ADDS for v in VARIANT_MARGINS for m in ARG_MARGINS]
    results = {policy: counts(policy) for policy in grid}
    best = max(grid, key=lambda p: f1(results[p]))
    # the policy that overrules the rules least among those within one standard error of the
    # best F1: the models learn one annotator's reading of a few thousand sentences, the rules
    # hold what the issue asks for (its table tests), so a gain within the noise is not taken
    se = bootstrap_se(
        [r for scorer, sentences in held_out for r in per_sentence(sentences, _with(scorer, best))]
    )
    top = f1(results[best])
    print(f"  out-of-fold, best F1 {top:.3f}, its standard error over sentences {se:.3f}")
    ranked = sorted(grid, key=lambda p: (f1(results[p]) < top - se, p[0], -p[1], -p[2], -p[3]))
    rules = (0.0, 1.01, 1.01, 99.0)
    print(f"  out-of-fold, rules alone: {prf(*results[rules])}")
    for policy in ranked[:3]:
        print(f"  out-of-fold, drop/add/variant/arg {policy}: {prf(*results[policy])}")
    for k, name in enumerate(("drop", "add", "variant", "arg")):
        # how much each knob matters: the best policy with it held at each value
        for value in sorted({p[k] for p in grid}):
            policy = max((p for p in grid if p[k] == value), key=lambda p: f1(results[p]))
            print(f"    best with {name} = {value}: {policy} {prf(*results[policy])}")
    return ranked[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--with-dev", action="store_true", help="also train on the dev rows")
    parser.add_argument("--eval-dev", action="store_true", help="score on the dev rows")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    nlp = load_nlp()
    resources = replace(load_resources(), event_scorer=None)
    rows = [json.loads(line) for line in args.train.read_text().splitlines() if line.strip()]
    gold = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
    dev_rows = [r for r in gold if r["split"] == "dev"]
    if args.with_dev:
        rows += dev_rows
    parsed = parse(nlp, resources, rows)
    codes = learn_codes(parsed, resources)
    sentences = candidates_of(parsed, resources, codes)
    n_cands = sum(len(s.candidates) for s in sentences)
    aligned = sum(sum(s.keep) for s in sentences)
    n_gold = sum(len(s.gold) for s in sentences)
    print(
        f"{len(sentences)} sentences, {len(codes)} learnt verbs, {n_cands} candidates, "
        f"{aligned}/{n_gold} gold events aligned"
    )
    print(f"rules alone on the training rows: {prf(*score(sentences, None))}")
    policy = choose_policy(parsed, resources)
    scorer = _with(replace(train(sentences), codes=codes), policy)
    print(f"policy {policy}; on the training rows: {prf(*score(sentences, scorer))}")
    if args.eval_dev:
        dev = candidates_of(parse(nlp, resources, dev_rows), resources, codes)
        print(f"dev, rules alone: {prf(*score(dev, None))}")
        print(f"dev, scorer:      {prf(*score(dev, scorer))}")
    if args.out is not None:
        payload = {
            "trained_on": [args.train.name] + (["events_gold.jsonl dev"] if args.with_dev else []),
            "sentences": len(sentences),
            "drop_threshold": scorer.drop_threshold,
            "add_threshold": scorer.add_threshold,
            "variant_margin": scorer.variant_margin,
            "arg_margin": scorer.arg_margin,
            "codes": {lemma: list(c) for lemma, c in codes.items()},
            "keep": scorer.keep,
            "arg": scorer.arg,
        }
        args.out.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
