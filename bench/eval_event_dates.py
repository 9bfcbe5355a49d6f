"""Evaluate the events' dates (``event_date``, ``date_precision``) on real news sentences.

Usage (from the repository root)::

    .venv/bin/python bench/eval_event_dates.py [--gold PATH] [--show N]

``bench/event_dates_gold.jsonl``: events the coder gave sentences of ``../shared/corpus`` that
hold a date expression (drawn by ``bench/sample_event_items.py``), each dated by two
annotators independently under ``docs/event_annotation.md`` section 6 (``dates_first``,
``dates_second``: the date the sentence states for the act, resolved against the publication
date, or null) and, where they differed, settled by an adjudicator (``date``, ``precision``).
The sentence is coded on its own, as ``bench/eval_events.py`` does, and the item is scored on
the system's event at the same verb; an item whose verb the coder no longer codes is counted
apart.  Printed per split (``dev`` may be read while writing rules, ``test`` is held out):

* accuracy: the system's date and precision both equal the gold's (null included);
* precision: of the dates the system gives, the share that are right;
* recall: of the gold's dates, the share the system gives right.

The annotators' agreement (second against first, same measures) is the human reference.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.eval_events import run  # noqa: E402
from flows.nlp import load_nlp  # noqa: E402
from flows.resources import load_resources  # noqa: E402

DEFAULT_GOLD = ROOT / "bench/event_dates_gold.jsonl"

Dated = tuple[str | None, str | None]  # (ISO date or None, precision or None)


def scores(pairs: list[tuple[Dated, Dated]]) -> tuple[float, float, float]:
    """Accuracy, precision and recall of (system, gold) date pairs."""
    right = sum(s == g for s, g in pairs)
    given = [(s, g) for s, g in pairs if s[0] is not None]
    wanted = [(s, g) for s, g in pairs if g[0] is not None]
    return (
        right / len(pairs) if pairs else 0.0,
        sum(s == g for s, g in given) / len(given) if given else 0.0,
        sum(s == g for s, g in wanted) / len(wanted) if wanted else 0.0,
    )


def line(name: str, pairs: list[tuple[Dated, Dated]]) -> str:
    accuracy, precision, recall = scores(pairs)
    given = sum(s[0] is not None for s, _ in pairs)
    wanted = sum(g[0] is not None for _, g in pairs)
    return (
        f"  {name:<22} accuracy {accuracy:.3f}  precision {precision:.3f} ({given} dated)"
        f"  recall {recall:.3f} ({wanted} gold dates)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--show", type=int, default=0, help="list N dev errors")
    parser.add_argument("--split", choices=("dev", "test"), help="score one split only")
    args = parser.parse_args()
    rows = [json.loads(x) for x in args.gold.read_text().splitlines() if x.strip()]
    nlp = load_nlp()
    resources = load_resources()
    errors = []
    for split in (args.split,) if args.split else ("dev", "test"):
        pairs: list[tuple[Dated, Dated]] = []
        human: list[tuple[Dated, Dated]] = []
        unscored = 0
        for row in (r for r in rows if r["split"] == split):
            gold = (row["date"], row["precision"])
            first, second = row["dates_first"], row["dates_second"]
            human.append(
                ((second["date"], second["precision"]), (first["date"], first["precision"]))
            )
            events, _ = run(nlp, resources, row["text"], row["published"])
            event = next((e for e in events if e.start_char == row["verb_start"]), None)
            if event is None:
                unscored += 1
                continue
            system = (
                event.event_date.isoformat() if event.event_date is not None else None,
                event.date_precision if event.event_date is not None else None,
            )
            pairs.append((system, gold))
            if split == "dev" and system != gold:
                errors.append((row, system, gold, event.date_text))
        print(f"{split}: {len(pairs)} items scored, {unscored} whose verb is no longer coded")
        print(line("system", pairs))
        print(line("annotators (2nd/1st)", human))
    for row, system, gold, date_text in errors[: args.show]:
        print(f"- {row['id']} published {row['published_date']}: {row['text'][:240]!r}")
        print(f"    verb {row['verb']!r}; date text {date_text!r}: system {system}, gold {gold}")


if __name__ == "__main__":
    main()
