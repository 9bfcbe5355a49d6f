"""Evaluate the events' places (``location_entity_id``) on real news sentences.

Usage (from the repository root)::

    .venv/bin/python bench/eval_event_places.py [--gold PATH] [--split dev|test] [--show N]

``bench/event_places_gold.jsonl``: events the coder gave sentences of ``../shared/corpus`` that
name a place (drawn by ``bench/sample_event_items.py --kind place``), each placed by two
annotators independently under ``docs/event_annotation.md`` section 7 (``places_first``,
``places_second``: the words of the sentence that name where the act happened, or null)
and, where they differed, settled by an adjudicator (``place``).  The sentence is coded on its
own, so no dateline is in play: this measures the place the coder reads in the sentence.
The system's place matches the gold's when one of the location entity's names in the
document equals the gold's words, or contains them or is contained in them as whole words
(``the Kremlin`` / ``Kremlin``; ``Zimbabwe's capital Harare`` / ``Harare``).  Printed per split
(``dev`` may be read while writing rules, ``test`` is held out): accuracy (null included),
precision over the places the system gives, recall over the gold's places.  The annotators'
agreement (second against first, same measures, words compared the same way) is the human
reference.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.item_scores import item_run, item_scores  # noqa: E402
from transforms.articles import parse_published  # noqa: E402
from transforms.document import transform_document  # noqa: E402
from transforms.records import Article  # noqa: E402

DEFAULT_GOLD = ROOT / "bench/event_places_gold.jsonl"


def _norm(text: str) -> str:
    return re.sub(r"^the ", "", " ".join(text.casefold().split()))


def same_place(names: list[str] | None, gold: str | None) -> bool:
    """The system's place (all its names; None: no place) against the gold's words."""
    if names is None or gold is None:
        return names is None and gold is None
    g = _norm(gold)
    for name in map(_norm, names):
        if (
            name == g
            or re.search(rf"\b{re.escape(name)}\b", g)
            or re.search(rf"\b{re.escape(g)}\b", name)
        ):
            return True
    return False


def main() -> None:
    items = item_run(__doc__ or "", DEFAULT_GOLD)
    nlp, resources = items.nlp, items.resources
    errors = []
    for split, split_rows in items.splits.items():
        pairs: list[tuple[list[str] | None, str | None]] = []
        human: list[tuple[list[str] | None, str | None]] = []
        unscored = 0
        for row in split_rows:
            second = row["places_second"]
            human.append(([second] if second is not None else None, row["places_first"]))
            article = Article(
                source_id="bench",
                source_uri="bench://",
                text=row["text"],
                published_raw=row["published"],
                published_at=parse_published(row["published"]),
            )
            result = transform_document(nlp(row["text"]), article, resources)
            event = next((e for e in result.events if e.start_char == row["verb_start"]), None)
            if event is None:
                unscored += 1
                continue
            names = None
            if event.location_entity_id is not None:
                entity = next(e for e in result.entities if e.entity_id == event.location_entity_id)
                names = [entity.name, *entity.aliases]
            pairs.append((names, row["place"]))
            if split == "dev" and not same_place(names, row["place"]):
                errors.append((row, names))
        print(f"{split}: {len(pairs)} items scored, {unscored} whose verb is no longer coded")
        print(f"  system                 {item_scores(pairs, same_place, 'place')}")
        print(f"  annotators (2nd/1st)   {item_scores(human, same_place, 'place')}")
    for row, names in errors[: items.show]:
        print(f"- {row['id']}: {row['text'][:240]!r}")
        print(f"    verb {row['verb']!r}: system {names}, gold {row['place']!r}")


if __name__ == "__main__":
    main()
