"""What the item evaluations of the events table's fields share (``bench/eval_event_dates.py``,
``bench/eval_event_places.py``, ``bench/eval_event_flags.py``): their command line and
loading, and the scores of a field against hand-annotated items."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

S = TypeVar("S")
G = TypeVar("G")


def item_scores(
    pairs: Sequence[tuple[S | None, G | None]],
    same: Callable[[S | None, G | None], bool],
    what: str,
) -> str:
    """Accuracy over all (system, gold) pairs, null against null included; precision over
    the values the system gives; recall over the gold's values (``what``: "date", "place")."""
    right = sum(same(s, g) for s, g in pairs)
    given = [(s, g) for s, g in pairs if s is not None]
    wanted = [(s, g) for s, g in pairs if g is not None]
    precision = sum(same(s, g) for s, g in given) / len(given) if given else 0.0
    recall = sum(same(s, g) for s, g in wanted) / len(wanted) if wanted else 0.0
    accuracy = right / len(pairs) if pairs else 0.0
    return (
        f"accuracy {accuracy:.3f}  precision {precision:.3f} ({len(given)} with a {what})"
        f"  recall {recall:.3f} ({len(wanted)} gold {what}s)"
    )


@dataclass(frozen=True)
class ItemRun:
    """What an item evaluation reads: its options, its gold rows by split, the pipeline."""

    show: int  # list this many dev errors
    splits: dict[str, list[dict]]  # split -> its rows, in the order to print them
    nlp: Any
    resources: Any


def item_run(description: str, default_gold: Path) -> ItemRun:
    """Parse the evaluation's command line (``--gold``, ``--split``, ``--show``) and load its
    gold rows, the spaCy model and the rules."""
    from flows.nlp import load_nlp
    from flows.resources import load_resources

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--gold", type=Path, default=default_gold)
    parser.add_argument("--split", choices=("dev", "test"), help="score one split only")
    parser.add_argument("--show", type=int, default=0, help="list N dev errors")
    args = parser.parse_args()
    rows = [json.loads(x) for x in args.gold.read_text().splitlines() if x.strip()]
    splits = {s: [r for r in rows if r["split"] == s] for s in ("dev", "test")}
    if args.split:
        splits = {args.split: splits[args.split]}
    return ItemRun(args.show, splits, load_nlp(), load_resources())
