"""Draw candidate sentences for hand annotation of ``bench/events_gold.jsonl``.

Usage (from the repository root)::

    .venv/bin/python bench/sample_event_sentences.py --seed 3 --n 90 > /tmp/candidates.jsonl

Sentences are drawn at random from ``../shared/corpus/news.jsonl.gz`` among those that name a
country (a demonym, a country alias or one of a fixed list of country names) and contain a
common action verb.  The coder is never run here: rows are annotated by hand before anyone
looks at the system's output on them.

``--for-training`` draws rows for ``bench/events_train.jsonl``: never from an article of the
gold's test split, never a sentence of the training rows or of the date, place and flag golds.
(Its rows ``train-3290`` on were drawn so with seed 6067 in session 24: 2,400 sentences, of
which the 43 that were also items of those golds were then left out.)
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/corpus/news.jsonl.gz"
GOLD = ROOT / "bench/events_gold.jsonl"
TRAIN = ROOT / "bench/events_train.jsonl"
# the golds of the events' fields, by the kind of item (bench/sample_event_items.py draws them)
ITEM_GOLDS = {
    "date": ROOT / "bench/event_dates_gold.jsonl",
    "place": ROOT / "bench/event_places_gold.jsonl",
    "flags": ROOT / "bench/event_flags_gold.jsonl",
}
RULES = ROOT / "transforms/rules"

COUNTRIES = [
    "Afghanistan",
    "Argentina",
    "Australia",
    "Austria",
    "Belgium",
    "Brazil",
    "Britain",
    "Canada",
    "Chile",
    "China",
    "Colombia",
    "Cuba",
    "Egypt",
    "France",
    "Germany",
    "Greece",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
    "Ireland",
    "Israel",
    "Italy",
    "Japan",
    "Jordan",
    "Kenya",
    "Kuwait",
    "Lebanon",
    "Libya",
    "Mexico",
    "Netherlands",
    "Nigeria",
    "Pakistan",
    "Philippines",
    "Poland",
    "Qatar",
    "Russia",
    "Spain",
    "Sudan",
    "Sweden",
    "Switzerland",
    "Syria",
    "Taiwan",
    "Turkey",
    "Ukraine",
    "Venezuela",
    "Yemen",
    "Vietnam",
    "Zimbabwe",
]
VERBS = [
    "met",
    "meets",
    "meet",
    "visited",
    "visits",
    "visit",
    "attacked",
    "attack",
    "accused",
    "accuses",
    "signed",
    "signs",
    "agreed",
    "agrees",
    "warned",
    "warns",
    "urged",
    "urges",
    "condemned",
    "condemns",
    "imposed",
    "imposes",
    "criticised",
    "criticized",
    "rejected",
    "rejects",
    "supported",
    "supports",
    "threatened",
    "threatens",
    "killed",
    "arrested",
    "protested",
    "talks",
    "negotiate",
    "negotiated",
    "denied",
    "denies",
    "praised",
    "demanded",
    "demands",
    "invaded",
    "bombed",
    "struck",
    "fired",
    "sanctions",
    "called",
    "expelled",
    "seized",
    "accepted",
    "approved",
    "refused",
    "offered",
    "pledged",
    "promised",
    "welcomed",
    "hosted",
    "blamed",
    "opposed",
    "vetoed",
    "backed",
    "appealed",
    "asked",
    "requested",
    "recognised",
    "recognized",
    "cut",
    "raised",
    "blocked",
    "launched",
]


def _words(path: Path) -> list[str]:
    out = []
    for line in path.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t")[0])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--n", type=int, default=90)
    parser.add_argument(
        "--for-training",
        action="store_true",
        help="rows for the training set: no test article, no training or item gold sentence",
    )
    args = parser.parse_args()
    names = COUNTRIES + _words(RULES / "demonyms.tsv") + _words(RULES / "country_aliases.tsv")
    country = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.I)
    verb = re.compile(r"\b(" + "|".join(VERBS) + r")\b")
    gold = [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]
    # (compared with their whitespace normalised: wire copy breaks lines inside sentences)
    seen = {" ".join(row["text"].split()) for row in gold}
    excluded: set[str] = set()
    if args.for_training:
        excluded = {row["source"] for row in gold if row["split"] == "test"}
        for path in (TRAIN, *ITEM_GOLDS.values()):
            rows = (json.loads(line) for line in path.read_text().splitlines())
            seen |= {" ".join(row["text"].split()) for row in rows}
    with gzip.open(CORPUS, "rt") as f:
        articles = [row for line in f if (row := json.loads(line))["id"] not in excluded]
    rng = random.Random(args.seed)
    out = 0
    while out < args.n:
        article = rng.choice(articles)
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", article["text"])
        candidates = [
            s
            for s in sentences
            if 60 < len(s) < 320
            and country.search(s)
            and verb.search(s)
            and " ".join(s.split()) not in seen
        ]
        if not candidates:
            continue
        sentence = rng.choice(candidates)
        seen.add(" ".join(sentence.split()))
        row = {"source": article["id"], "published": article.get("published"), "text": sentence}
        print(json.dumps(row, ensure_ascii=False))
        out += 1


if __name__ == "__main__":
    main()
