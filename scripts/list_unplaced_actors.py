"""List the people and organisations the corpus names often whom no rule file gives a country.

Usage (from the repository root)::

    .venv/bin/python scripts/list_unplaced_actors.py [--label PERSON|ORG] [--corpus PATH]
        [--min-articles N] > names.txt

The recogniser (``ner`` of the English model alone, about 15 minutes on 2 cores) reads every
corpus article but those of the held-out event gold's test split (``bench/events_gold.jsonl``),
and the script prints, most frequent first, the names seen in at least ``--min-articles``
articles that the actor dictionary (``actor_countries.tsv``) does not place and that hold no
demonym: with ``--label PERSON`` (default ``--min-articles 4``) full names of two words or
more, titles dropped, that the corpus's stated affiliations (``actor_affiliations.tsv``) do not
place either; with ``--label ORG`` (default 6) organisation names as written, leading ``the``
dropped, that are no intergovernmental body (``igos.txt``), other name of an organisation
(``organization_names.tsv``) or place.  Such lists are where the people and organisation
sections of ``actor_countries.tsv`` came from: each name was then coded by hand from general
knowledge, or left out (no person; a company; several notable bearers or bodies of that name;
not known for sure).
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
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.nlp import MODEL_NAME  # noqa: E402
from flows.resources import load_resources  # noqa: E402
from transforms.resources import Resources  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared/corpus/news.jsonl.gz"
GOLD = ROOT / "bench/events_gold.jsonl"
NAME_WORD = re.compile(r"[a-z][a-z.'-]*")
POSSESSIVE = re.compile(r"(’s|'s)$")


def _articles(corpus: Path, excluded: set[str]) -> Iterator[tuple[str, str]]:
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if article["id"] not in excluded:
                yield f"{article.get('title') or ''}\n{article['text'][:20000]}", article["id"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--label", choices=("PERSON", "ORG"), default="PERSON")
    parser.add_argument("--min-articles", type=int, default=None, help="PERSON 4, ORG 6")
    args = parser.parse_args()
    minimum = args.min_articles or (4 if args.label == "PERSON" else 6)
    gold = [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]
    excluded = {row["source"] for row in gold if row["split"] == "test"}
    resources = load_resources()
    nlp = spacy.load(MODEL_NAME, disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    articles: Counter[str] = Counter()
    for doc, _ in nlp.pipe(
        _articles(args.corpus, excluded), as_tuples=True, batch_size=32, n_process=2
    ):
        found = _person_names(doc, resources) if args.label == "PERSON" else _org_names(doc)
        articles.update(found)
    placed = _placed_person if args.label == "PERSON" else _placed_org
    for name, count in articles.most_common():
        if count < minimum:
            break
        if not placed(name, resources):
            print(name)


def _person_names(doc: Doc, resources: Resources) -> set[str]:
    names = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        text = POSSESSIVE.sub("", " ".join(ent.text.split()))
        words = [w for w in text.lower().split() if w not in resources.titles]
        if len(words) > 1 and all(NAME_WORD.fullmatch(w) for w in words):
            names.add(" ".join(words))
    return names


def _org_names(doc: Doc) -> set[str]:
    names = set()
    for ent in doc.ents:
        if ent.label_ == "ORG":
            text = POSSESSIVE.sub("", " ".join(ent.text.split()))
            text = re.sub(r"^[Tt]he ", "", text)
            if len(text) > 2 and re.search(r"[A-Za-z]{2}", text):
                names.add(text)
    return names


def _placed_person(name: str, resources: Resources) -> bool:
    words = name.split()
    written = " ".join(w[:1].upper() + w[1:] for w in words)
    return (
        any(resources.nationality(w.capitalize()) for w in words)
        or name in resources.actor_affiliations
        or " ".join(words[-2:]) in resources.actor_affiliations
        or resources.known_actor_country(written) is not None
    )


def _placed_org(name: str, resources: Resources) -> bool:
    folded = name.casefold()
    return (
        folded in resources.igos
        or folded in resources.organization_names
        or resources.known_actor_country(name) is not None
        or any(resources.nationality(w) for w in re.findall(r"[A-Za-z]+", name))
        or bool(resources.gazetteer.candidates(name))
    )


if __name__ == "__main__":
    main()
