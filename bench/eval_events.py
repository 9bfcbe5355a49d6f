"""Evaluate the event coder (transforms/events.py).

Usage (from the repository root)::

    .venv/bin/python bench/eval_events.py [--petrarch PATH] [--gold PATH] [--show N]

Two measurements:

* PETRARCH unit-test records (``../shared/gold/cameo/petr_unit_test_records.jsonl``): their
  actors are fictional (Arnor, Gondor), so only the CAMEO root of the sentence's main event is
  scored.  The system's main event is the one whose verb sits highest in the dependency tree
  (ties: the earliest); records that expect no event are scored as correct when the system
  codes nothing.
* ``bench/events_gold.jsonl``: real news sentences from ``../shared/corpus`` (drawn by
  ``bench/sample_event_sentences.py`` among sentences naming a country and a common action
  verb), each coded by two annotators independently by ``docs/event_annotation.md``
  (``events_first``, ``events_second``) and, where they disagreed, settled by an adjudicator
  who did not see the coder's output (``events``, the gold).  A system event matches a gold
  event when the CAMEO root and both countries (null included) agree; each gold event matches
  at most once.  Negated and hypothetical system events are not counted (they did not happen).
  ``"split": "dev"`` rows (337) may be used while writing rules; ``"test"`` rows (220, drawn
  and annotated in session 5; only their totals are ever printed) are the held-out measure.
  The annotators' agreement (second against first, same matching) is printed next to each
  score as the human reference.  With the learned scorer (``transforms/rules/event_scorer.json``)
  the rules alone are scored first; the scorer is trained on ``bench/events_train.jsonl`` and
  the dev rows, so only its test score is a held-out measure.  ``--show N`` lists errors of the dev rows only, unless
  ``--errors-of`` says otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.nlp import load_nlp  # noqa: E402
from flows.resources import load_resources  # noqa: E402
from transforms.articles import parse_published  # noqa: E402
from transforms.document import transform_document  # noqa: E402
from transforms.records import Article, EventRecord  # noqa: E402

DEFAULT_PETRARCH = ROOT.parent / "shared/gold/cameo/petr_unit_test_records.jsonl"
DEFAULT_GOLD = ROOT / "bench/events_gold.jsonl"


def bench_article(text: str, published: str | None) -> Article:
    """An annotated sentence as an article, dated by its row's publication date if it has one."""
    return Article(
        source_id="bench",
        source_uri="bench://",
        text=text,
        published_raw=published,
        published_at=parse_published(published) if published else None,
    )


def run(nlp, resources, text: str, published: str | None) -> tuple[list[EventRecord], dict]:
    article = bench_article(text, published)
    doc = nlp(text)
    depth: dict[int, int] = {}
    for token in doc:
        d, t = 0, token
        while t.head.i != t.i:
            d, t = d + 1, t.head
        depth[token.idx] = d
    return transform_document(doc, article, resources).events, depth


def eval_petrarch(nlp, resources, path: Path, show: int) -> float:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    correct = 0
    confusion = Counter[tuple[str, str]]()
    for row in rows:
        events, depth = run(nlp, resources, row["text"], row.get("date"))
        events = [e for e in events if not e.negated]
        expected = [e["event"][:2] for e in row.get("expected_events") or [] if e.get("event")]
        if not expected:
            ok = not events
            got = events[0].event_root_code if events else "--"
            want = "--"
        else:
            main = min(
                events, key=lambda e: (depth.get(e.start_char, 99), e.start_char), default=None
            )
            got = main.event_root_code if main is not None else "--"
            want = expected[0]
            ok = got in expected
        correct += ok
        if not ok:
            confusion[(want, got)] += 1
    acc = correct / len(rows)
    print(f"PETRARCH unit tests: main-event root accuracy {correct}/{len(rows)} = {acc:.3f}")
    for (want, got), n in confusion.most_common(show):
        print(f"  expected {want} got {got}: {n}")
    return acc


def _keys(events: list[dict]) -> Counter[tuple[str, str | None, str | None]]:
    return Counter((e["root"], e["source_country"], e["target_country"]) for e in events)


def match_events(
    events: list[EventRecord], gold: list[dict]
) -> tuple[int, list[EventRecord], Counter[tuple[str, str | None, str | None]]]:
    """(matched, system events without a gold counterpart, gold keys left unmatched): a system
    event matches a gold event with its CAMEO root and both countries (null included), each
    gold event at most once. Negated and hypothetical events are not counted: they did not
    happen, and the annotation codes only what did."""
    left = _keys(gold)
    matched = 0
    unmatched = []
    for e in events:
        if e.negated or e.hypothetical:
            continue
        key = (e.event_root_code, e.actor_country_code, e.target_country_code)
        if left[key] > 0:
            left[key] -= 1
            matched += 1
        else:
            unmatched.append(e)
    return matched, unmatched, left


def _prf(tp: int, n_sys: int, n_gold: int) -> str:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return f"P {p:.3f} R {r:.3f}"


def eval_gold(
    nlp, resources, path: Path, show: int, errors_of: str = "dev", label: str = ""
) -> None:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    for name in ("dev", "test", "all"):
        part = [r for r in rows if name in ("all", r["split"])]
        tp = n_sys = n_gold = 0
        # the human reference: each annotator against the other (first as gold)
        agree = n_first = n_second = 0
        misses: list[str] = []
        coded: list[tuple[list[EventRecord], list[dict]]] = []
        for row in part:
            events, _ = run(nlp, resources, row["text"], row.get("published"))
            coded.append((events, row["events"]))
            matched, unmatched, left = match_events(events, row["events"])
            tp += matched
            n_sys += matched + len(unmatched)
            n_gold += len(row["events"])
            if name == errors_of:
                misses += [
                    f"  FP {row['id']} {e.predicate} "
                    f"{(e.event_root_code, e.actor_country_code, e.target_country_code)}"
                    for e in unmatched
                ]
                misses += [f"  FN {row['id']} {k}" for k, v in left.items() for _ in range(v)]
            first, second = _keys(row["events_first"]), _keys(row["events_second"])
            agree += sum((first & second).values())
            n_first += sum(first.values())
            n_second += sum(second.values())
        print(
            f"own gold [{name}]{label} ({len(part)} sentences): {_prf(tp, n_sys, n_gold)} "
            f"(tp {tp}, system {n_sys}, gold {n_gold}); "
            f"annotators' agreement {_prf(agree, n_second, n_first)}"
        )
        if resources.event_scorer is not None:
            print(f"  by confidence: {_by_confidence(coded)}")
        if name == errors_of:
            print("\n".join(misses[:show]))


CONFIDENCE_CUTS = (0.3, 0.5, 0.7)


def _by_confidence(coded: list[tuple[list[EventRecord], list[dict]]]) -> str:
    """Precision and recall of the events whose confidence reaches each cut (the trade an
    analyst makes with ``where confidence >= x``)."""
    out = []
    for cut in CONFIDENCE_CUTS:
        tp = n_sys = n_gold = 0
        for events, gold in coded:
            kept = [e for e in events if e.confidence is not None and e.confidence >= cut]
            matched, unmatched, _ = match_events(kept, gold)
            tp += matched
            n_sys += matched + len(unmatched)
            n_gold += len(gold)
        out.append(f">= {cut}: {_prf(tp, n_sys, n_gold)} ({n_sys} events)")
    return "; ".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--petrarch", type=Path, default=DEFAULT_PETRARCH)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--show", type=int, default=0, help="print N errors of each kind")
    parser.add_argument(
        "--errors-of",
        choices=("dev", "test", "all"),
        default="dev",
        help="which gold split --show lists errors for (dev: the rows rules may be tuned on)",
    )
    args = parser.parse_args()
    nlp = load_nlp()
    resources = load_resources()
    if args.petrarch.exists():
        eval_petrarch(nlp, resources, args.petrarch, args.show)
    if resources.event_scorer is not None:
        # the rules alone first, for comparison (the scorer's dev rows are in its training data)
        rules = replace(resources, event_scorer=None)
        eval_gold(nlp, rules, args.gold, 0, args.errors_of, " rules alone")
        print()
    eval_gold(nlp, resources, args.gold, args.show, args.errors_of)


if __name__ == "__main__":
    main()
