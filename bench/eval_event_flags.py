"""Evaluate the events' flags (``negated``, ``hypothetical``) on real news sentences.

Usage (from the repository root)::

    .venv/bin/python bench/eval_event_flags.py [--gold PATH] [--split dev|test] [--show N]

``bench/event_flags_gold.jsonl``: events the coder gave corpus sentences with a word that may
deny or doubt an act (``not``, ``never``, ``would``, ``if``, ``threatened`` ...; drawn by
``bench/sample_event_items.py --kind flags``), each judged by two annotators independently
under ``docs/event_annotation.md`` section 8 (``flags_first``, ``flags_second``) and, where they
differed, settled by an adjudicator (``negated``, ``hypothetical``).  The sentence is coded on
its own and the item is scored on the system's event at the same verb.  Printed per split
(``dev`` may be read while writing rules, ``test`` is held out), for each flag: accuracy,
and precision and recall of the flag set; and the share of items whose act the system calls
asserted (neither flag) exactly when the gold does (what an analyst's ``where not negated and
not hypothetical`` keeps).  The annotators' agreement (second against first) is the human
reference.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.eval_events import run  # noqa: E402
from bench.item_scores import item_run  # noqa: E402

DEFAULT_GOLD = ROOT / "bench/event_flags_gold.jsonl"
FLAGS = ("negated", "hypothetical")

Flags = tuple[bool, bool]  # (negated, hypothetical)


def report(pairs: list[tuple[Flags, Flags]]) -> str:
    parts = []
    for i, name in enumerate(FLAGS):
        right = sum(s[i] == g[i] for s, g in pairs)
        given = [g[i] for s, g in pairs if s[i]]
        wanted = [s[i] for s, g in pairs if g[i]]
        precision = sum(given) / len(given) if given else 0.0
        recall = sum(wanted) / len(wanted) if wanted else 0.0
        parts.append(
            f"{name} accuracy {right / len(pairs):.3f} P {precision:.3f} R {recall:.3f}"
            f" ({len(given)} set, {len(wanted)} gold)"
        )
    asserted = sum((not any(s)) == (not any(g)) for s, g in pairs) / len(pairs)
    return "; ".join(parts) + f"; asserted agrees {asserted:.3f}"


def main() -> None:
    items = item_run(__doc__ or "", DEFAULT_GOLD)
    nlp, resources = items.nlp, items.resources
    errors = []
    for split, split_rows in items.splits.items():
        pairs: list[tuple[Flags, Flags]] = []
        human: list[tuple[Flags, Flags]] = []
        unscored = 0
        for row in split_rows:
            gold = (row["negated"], row["hypothetical"])
            first, second = row["flags_first"], row["flags_second"]
            human.append(
                (
                    (second["negated"], second["hypothetical"]),
                    (first["negated"], first["hypothetical"]),
                )
            )
            events, _ = run(nlp, resources, row["text"], row["published"])
            event = next((e for e in events if e.start_char == row["verb_start"]), None)
            if event is None:
                unscored += 1
                continue
            system = (event.negated, event.hypothetical)
            pairs.append((system, gold))
            if split == "dev" and system != gold:
                errors.append((row, system, gold))
        print(f"{split}: {len(pairs)} items scored, {unscored} whose verb is no longer coded")
        print(f"  system                 {report(pairs)}")
        print(f"  annotators (2nd/1st)   {report(human)}")
    for row, system, gold in errors[: items.show]:
        print(f"- {row['id']}: {row['text'][:240]!r}")
        print(f"    verb {row['verb']!r}: system {system}, gold {gold} (negated, hypothetical)")


if __name__ == "__main__":
    main()
