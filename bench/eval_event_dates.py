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

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.eval_events import run  # noqa: E402
from bench.item_scores import item_run, item_scores  # noqa: E402

DEFAULT_GOLD = ROOT / "bench/event_dates_gold.jsonl"

# (ISO date, precision), or None when there is no date
Dated = tuple[str, str]


def _same(system: Dated | None, gold: Dated | None) -> bool:
    return system == gold


def _dated(annotation: dict) -> Dated | None:
    """An annotation's date and precision (``date``, ``precision``)."""
    return None if annotation["date"] is None else (annotation["date"], annotation["precision"])


def main() -> None:
    items = item_run(__doc__ or "", DEFAULT_GOLD)
    nlp, resources = items.nlp, items.resources
    errors = []
    for split, split_rows in items.splits.items():
        pairs: list[tuple[Dated | None, Dated | None]] = []
        human: list[tuple[Dated | None, Dated | None]] = []
        unscored = 0
        for row in split_rows:
            gold = _dated(row)
            human.append((_dated(row["dates_second"]), _dated(row["dates_first"])))
            events, _ = run(nlp, resources, row["text"], row["published"])
            event = next((e for e in events if e.start_char == row["verb_start"]), None)
            if event is None:
                unscored += 1
                continue
            system = None
            if event.event_date is not None and event.date_precision is not None:
                system = (event.event_date.isoformat(), event.date_precision)
            pairs.append((system, gold))
            if split == "dev" and system != gold:
                errors.append((row, system, gold, event.date_text))
        print(f"{split}: {len(pairs)} items scored, {unscored} whose verb is no longer coded")
        print(f"  system                 {item_scores(pairs, _same, 'date')}")
        print(f"  annotators (2nd/1st)   {item_scores(human, _same, 'date')}")
    for row, system, gold, date_text in errors[: items.show]:
        print(f"- {row['id']} published {row['published_date']}: {row['text'][:240]!r}")
        print(f"    verb {row['verb']!r}; date text {date_text!r}: system {system}, gold {gold}")


if __name__ == "__main__":
    main()
