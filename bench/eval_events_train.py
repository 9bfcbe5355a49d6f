"""Score the event coder on the annotated training sentences (``bench/events_train.jsonl``).

Usage (from the repository root)::

    .venv/bin/python bench/eval_events_train.py [--rows all|unseen|seen] [--rules-only]
        [--scorer PATH] [--cache DIR] [--show N]

The figures ``docs/benchmarks.md`` gives as "train rules matched (system)" are
``--rules-only`` over all 5,646 rows; "the scorer on the rows it never saw" is ``--rows
unseen``: the rows from ``train-3290`` on, which the installed scorer (trained on the rows
before them and the gold's dev rows) never saw.  Sessions read these rows' errors to write
rules, so their gains are in-sample for the rules; ``bench/eval_events.py``'s test rows are the
held-out measure.  An event matches as there (``match_events``: CAMEO root and both countries;
negated and hypothetical events are not counted).  ``--scorer`` scores another scorer file
(one ``bench/train_event_scorer.py --out`` wrote); ``--cache`` keeps the parses (a first run
parses the 5,646 sentences, about 2 min on 2 cores; later runs take seconds).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.eval_events import bench_article, match_events  # noqa: E402
from bench.eval_quotes import parse  # noqa: E402
from flows.nlp import load_nlp  # noqa: E402
from flows.resources import load_event_scorer, load_resources  # noqa: E402
from transforms.document import transform_document  # noqa: E402

DEFAULT_TRAIN = ROOT / "bench/events_train.jsonl"
# the first row the installed scorer was not trained on (docs/benchmarks.md, events16)
FIRST_UNSEEN = "train-3290"


def chosen_rows(rows: list[dict], which: str) -> list[dict]:
    if which == "unseen":
        return [r for r in rows if r["id"] >= FIRST_UNSEEN]
    if which == "seen":
        return [r for r in rows if r["id"] < FIRST_UNSEEN]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--rows", choices=("all", "unseen", "seen"), default="all")
    parser.add_argument("--rules-only", action="store_true", help="the rules without the scorer")
    parser.add_argument("--scorer", type=Path, default=None, help="another scorer file")
    parser.add_argument("--cache", type=Path, default=None, help="directory for cached parses")
    parser.add_argument("--show", type=int, default=0, help="print N errors of each kind")
    args = parser.parse_args()
    if args.rules_only and args.scorer is not None:
        parser.error("--rules-only and --scorer exclude each other")
    if args.scorer is not None and not args.scorer.is_file():
        parser.error(f"no scorer file {args.scorer}")
    rows = chosen_rows(
        [json.loads(line) for line in args.train.read_text().splitlines() if line.strip()],
        args.rows,
    )
    nlp = load_nlp()
    resources = load_resources()
    if args.rules_only:
        resources = replace(resources, event_scorer=None)
    elif args.scorer is not None:
        resources = replace(resources, event_scorer=load_event_scorer(args.scorer))
    docs = parse(nlp, [r["text"] for r in rows], args.cache)
    tp = n_sys = n_gold = 0
    false_positives: list[str] = []
    misses: list[str] = []
    for row, doc in zip(rows, docs, strict=True):
        article = bench_article(row["text"], row.get("published"))
        events = transform_document(doc, article, resources).events
        matched, unmatched, left = match_events(events, row["events"])
        tp += matched
        n_sys += matched + len(unmatched)
        n_gold += len(row["events"])
        false_positives += [
            f"  FP {row['id']} {e.predicate} "
            f"{(e.event_root_code, e.actor_country_code, e.target_country_code)}"
            for e in unmatched
        ]
        misses += [f"  FN {row['id']} {k}" for k, v in left.items() for _ in range(v)]
    precision = tp / n_sys if n_sys else 0.0
    recall = tp / n_gold if n_gold else 0.0
    coder = "rules alone" if args.rules_only else f"scorer {args.scorer or 'installed'}"
    print(
        f"training rows [{args.rows}] ({len(rows)} sentences), {coder}: matched {tp}, "
        f"system {n_sys}, gold {n_gold} (P {precision:.3f} R {recall:.3f})"
    )
    if args.show:
        print("\n".join(false_positives[: args.show] + misses[: args.show]))


if __name__ == "__main__":
    main()
