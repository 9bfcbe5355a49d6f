"""List the people the corpus names often whom no rule file gives a country.

Usage (from the repository root)::

    .venv/bin/python scripts/list_unplaced_people.py [--corpus PATH] [--min-articles 4] > names.txt

The recogniser (``ner`` of the English model alone, about 15 minutes on 2 cores) reads every
corpus article but those of the held-out event gold's test split (``bench/events_gold.jsonl``),
and the script prints, most frequent first, the full names (two words or more, titles dropped)
of PERSON entities seen in at least ``--min-articles`` articles that neither the actor
dictionary (``actor_countries.tsv``) nor the corpus's stated affiliations
(``actor_affiliations.tsv``) place and that hold no demonym.  Such a list is where the people
section of ``actor_countries.tsv`` came from: each name was then coded by hand from general
knowledge, or left out (not a person, several notable bearers, not known for sure).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.nlp import MODEL_NAME  # noqa: E402
from flows.resources import load_resources  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared/corpus/news.jsonl.gz"
GOLD = ROOT / "bench/events_gold.jsonl"
NAME_WORD = re.compile(r"[a-z][a-z.'-]*")


def _articles(corpus: Path, excluded: set[str]) -> Iterator[tuple[str, str]]:
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if article["id"] not in excluded:
                yield f"{article.get('title') or ''}\n{article['text'][:20000]}", article["id"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--min-articles", type=int, default=4)
    args = parser.parse_args()
    gold = [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]
    excluded = {row["source"] for row in gold if row["split"] == "test"}
    resources = load_resources()
    nlp = spacy.load(MODEL_NAME, disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    articles: Counter[str] = Counter()
    for doc, _ in nlp.pipe(
        _articles(args.corpus, excluded), as_tuples=True, batch_size=32, n_process=2
    ):
        names = set()
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            text = re.sub(r"(’s|'s)$", "", " ".join(ent.text.split()))
            words = [w for w in text.lower().split() if w not in resources.titles]
            if len(words) > 1 and all(NAME_WORD.fullmatch(w) for w in words):
                names.add(" ".join(words))
        articles.update(names)
    for name, count in articles.most_common():
        if count < args.min_articles:
            break
        words = name.split()
        written = " ".join(w[:1].upper() + w[1:] for w in words)
        if (
            any(resources.nationality(w.capitalize()) for w in words)
            or name in resources.actor_affiliations
            or " ".join(words[-2:]) in resources.actor_affiliations
            or resources.known_actor_country(written) is not None
        ):
            continue
        print(name)


if __name__ == "__main__":
    main()
