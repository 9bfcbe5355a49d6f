"""Draw events with a date expression (``--kind date``), a place name (``--kind place``) or
a word that may deny or doubt them (``--kind flags``: not, never, would, if, threatened ...)
in their sentence, for hand annotation of ``bench/event_dates_gold.jsonl``,
``bench/event_places_gold.jsonl`` or ``bench/event_flags_gold.jsonl`` (see
``bench/eval_event_dates.py``, ``bench/eval_event_places.py``, ``bench/eval_event_flags.py``).

Usage (from the repository root)::

    .venv/bin/python bench/sample_event_items.py --seed 11 --n 200 --first-id 261 > items.jsonl
    .venv/bin/python bench/sample_event_items.py --kind place --seed 13 --n 240 > items.jsonl

Articles with a publication date are drawn at random from ``../shared/corpus/news.jsonl.gz``;
each sentence that holds a DATE entity (a GPE, LOC or FAC one) is coded on its own (as ``bench/eval_events.py`` does)
and every event the coder gives it becomes an item: the sentence, the publication date and
the words of the event's verb with their offsets.  The coder's dates are not written out:
annotators give each item its date without seeing the system's.  Articles already in
``bench/event_dates_gold.jsonl`` are not drawn again.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

from spacy.tokens import Span

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.eval_events import run  # noqa: E402
from bench.sample_event_sentences import CORPUS, GOLD, TRAIN  # noqa: E402
from bench.sample_event_sentences import ITEM_GOLDS as GOLDS  # noqa: E402
from flows.nlp import load_nlp  # noqa: E402
from flows.resources import load_resources  # noqa: E402
from transforms.articles import parse_published  # noqa: E402

LABELS = {"date": {"DATE"}, "place": {"GPE", "LOC", "FAC"}}
# a sentence with one of these may deny or doubt what it tells: the flags' hard cases
CUE_RE = re.compile(
    r"\b(not|n't|never|no|without|stop(ped)?|fail(ed)?|refuse[sd]?|would|could|may|might|"
    r"should|must|if|unless|threaten(ed)?|plan(s|ned)?|wants?|wanted|hopes?|hoped|seeks?|"
    r"sought|expects?|expected|likely)\b",
    re.IGNORECASE,
)


def _wanted(sent: Span, kind: str) -> bool:
    if kind == "flags":
        return CUE_RE.search(sent.text) is not None
    return any(e.label_ in LABELS[kind] for e in sent.ents)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kind", choices=("date", "place", "flags"), default="date")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--n", type=int, default=240, help="items to draw")
    parser.add_argument("--per-article", type=int, default=2, help="at most this many items")
    parser.add_argument("--first-id", type=int, default=1, help="number of the first item")
    args = parser.parse_args()

    # sentences already in the event gold or training rows are left out
    seen = set()
    for path in (GOLD, TRAIN):
        for line in path.read_text().splitlines():
            seen.add(" ".join(json.loads(line)["text"].split()))
    # ... and so are the articles already drawn for this gold
    drawn = set()
    if GOLDS[args.kind].exists():
        lines = GOLDS[args.kind].read_text().splitlines()
        drawn = {json.loads(line)["article_id"] for line in lines}
    with gzip.open(CORPUS, "rt") as f:
        articles = [
            row
            for line in f
            if (row := json.loads(line)).get("published") and row["id"] not in drawn
        ]
    rng = random.Random(args.seed)
    rng.shuffle(articles)
    nlp = load_nlp()
    resources = load_resources()
    n = 0
    for article in articles:
        published = parse_published(article["published"])
        if published is None:
            continue
        doc = nlp(article["text"])
        items = []
        for sent in doc.sents:
            text = sent.text.strip()
            if " ".join(text.split()) in seen or not _wanted(sent, args.kind):
                continue
            events, _ = run(nlp, resources, text, article["published"])
            # one item per verb (a coordinated actor's nations share it)
            for event in {e.start_char: e for e in events}.values():
                items.append(
                    {
                        "article_id": article["id"],
                        "corpus": article["corpus"],
                        "published": article["published"],
                        "published_date": published.date().isoformat(),
                        "published_weekday": published.strftime("%A"),
                        "text": text,
                        "verb": event.predicate,
                        "verb_start": event.start_char,
                        "verb_end": event.end_char,
                    }
                )
        for item in rng.sample(items, min(args.per_article, len(items))):
            item_id = f"{args.kind}-{args.first_id + n}"
            print(json.dumps({"id": item_id, **item}, ensure_ascii=False))
            n += 1
            if n == args.n:
                return


if __name__ == "__main__":
    main()
