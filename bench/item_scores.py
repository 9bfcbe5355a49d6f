"""Scores of one field of the events table (a date, a place) against hand-annotated items,
shared by ``bench/eval_event_dates.py`` and ``bench/eval_event_places.py``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

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
