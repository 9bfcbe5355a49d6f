"""Derive ``transforms/rules/actor_affiliations.tsv``: people's nationality as the corpus states it.

Usage (from the repository root)::

    .venv/bin/python scripts/derive_actor_affiliations.py [--corpus PATH] [--min-count 1]

News text names an official with nationality and title once (``Soviet Foreign Minister Eduard
Shevardnadze``, ``U.S. Treasury Secretary James Baker``) and later, or in other articles, by
name alone (``Shevardnadze said``).  This script scans the corpus for
``<country or demonym> <title words> <Name Surname>`` and keeps names seen at least
``--min-count`` times (whose first word is not an ordinary lower-case word) with one dominant country (>= 80 % of their mentions).  The surname alone
becomes a key too when the name was stated at least 3 times, the surname (4+ letters) mostly follows
that name's given name when it follows one, is not an ordinary word (rarely written lower-case in the corpus)
and no other kept name shares it.  Only regular expressions run here, no parser.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "transforms/rules"
DEFAULT_CORPUS = ROOT.parent / "shared/corpus/news.jsonl.gz"
OUT = RULES / "actor_affiliations.tsv"

# words that may stand between the nationality and the name ("Deputy Foreign Minister")
TITLE_WORDS = frozenset(
    [
        "President",
        "Vice",
        "Prime",
        "Minister",
        "Ministers",
        "Foreign",
        "Finance",
        "Trade",
        "Defence",
        "Defense",
        "Interior",
        "Energy",
        "Economy",
        "Economic",
        "Agriculture",
        "Agricultural",
        "Deputy",
        "Secretary",
        "of",
        "State",
        "Treasury",
        "Chancellor",
        "Premier",
        "King",
        "Queen",
        "Crown",
        "Prince",
        "Princess",
        "Ambassador",
        "Envoy",
        "Senator",
        "Sen.",
        "Rep.",
        "Leader",
        "Opposition",
        "Governor",
        "Central",
        "Bank",
        "General",
        "Gen.",
        "Army",
        "Chief",
        "Commander",
        "Spokesman",
        "Spokeswoman",
        "Commerce",
        "Industry",
        "Oil",
        "Petroleum",
        "Justice",
        "Attorney",
        "Labour",
        "Labor",
        "Supreme",
        "Head",
        "Chairman",
        "Chairwoman",
        "Foreign-Minister",
        "Prime-Minister",
        "Security",
        "National",
        "Intelligence",
        "Director",
        "Affairs",
        "International",
        "Development",
        "Home",
        "Health",
        "Education",
        "Transport",
        "Culture",
        "Environment",
        "Minister-President",
        "Emir",
        "Sheikh",
        "Sultan",
        "Monarch",
        "Pope",
        "Cardinal",
        "Archbishop",
        "Admiral",
        "Field",
        "Marshal",
        "Lieutenant",
        "Colonel",
        "Major",
        "Presidential",
        "Adviser",
        "Advisor",
        "Special",
        "Representative",
        "Counsellor",
        "Undersecretary",
        "Under",
        "Assistant",
        "Permanent",
        "UN",
        "Defense-Minister",
        "Speaker",
        "Parliament",
        "Parliamentary",
        "House",
        "Senate",
        "Delegate",
        "Negotiator",
        "Chief-Negotiator",
    ]
)


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (RULES / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


def nationality_words() -> dict[str, str]:
    """Demonyms, country aliases and country names as written in text -> alpha-3."""
    from flows.resources import load_resources  # the gazetteer's country names

    words = {row[0]: row[1].strip() for row in _rows("demonyms.tsv")}
    words |= {row[0]: row[1].strip() for row in _rows("country_aliases.tsv")}
    for places in load_resources().gazetteer.by_name.values():
        for place in places:
            if place.feature_kind == "country":
                words[place.name.lower()] = place.country_code
    return words


def _name_after_title(run: list[str]) -> str | None:
    """``['Foreign', 'Minister', 'Eduard', 'Shevardnadze']`` -> ``Eduard Shevardnadze``."""
    cut = 0
    while cut < len(run) and run[cut] in TITLE_WORDS:
        cut += 1
    name = run[cut:]
    if cut == 0 or not 2 <= len(name) <= 3 or any(w in TITLE_WORDS for w in name):
        return None
    if not all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", w) for w in name):
        return None
    return " ".join(name)


def derive(corpus: Path, min_count: int) -> dict[str, str]:
    words = nationality_words()
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # nationality, then a run of capitalised words (and "of"); the run's leading title words
    # are the title, the next two or three words the name
    pattern = re.compile(
        rf"\b((?i:{alternatives}))(?:'s|’s)? ((?:(?:[A-Z][\w.-]*|of) ){{1,5}}[A-Z][\w-]*"
        rf"(?: [A-Z][\w-]*)?)"
    )
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    lower_words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()  # capitalised word pairs ("George", "Shultz")
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            lower_words.update(re.findall(r"\b[a-z]+\b", text))
            pairs.update(re.findall(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b", text))
            for match in pattern.finditer(text):
                nationality, run = match.groups()
                if not nationality[0].isupper():
                    continue  # "us" the pronoun, not "US"
                name = _name_after_title(run.split())
                if name is not None:
                    seen[name][words[nationality.lower()]] += 1
    full: dict[str, str] = {}
    frequent: set[str] = set()  # names stated often enough for their surname to stand alone
    for name, counts in seen.items():
        (code, top), total = counts.most_common(1)[0], sum(counts.values())
        # a given name is rarely an ordinary lower-case word ("Care Crisis", "Auto Show" are not names)
        if lower_words[name.split()[0].lower()] >= 5:
            continue
        if total >= min_count and top / total >= 0.8:
            full[name.lower()] = code
            if top >= 3 and len(name.split()[-1]) >= 4:
                frequent.add(name.lower())
    surnames: dict[str, set[str]] = defaultdict(set)
    for name, code in full.items():
        surnames[name.split()[-1]].add(code if name in frequent else "?")
    # "Smith", "Johnson": a surname that follows many different given names in the corpus
    # belongs to many people; keep it when this name's given name is most of them
    given: dict[str, Counter[str]] = defaultdict(Counter)
    for (first, last), n in pairs.items():
        if last.lower() in surnames and first not in TITLE_WORDS:  # "President Reagan"
            given[last.lower()][first.lower()] += n
    out = dict(full)
    for surname, codes in surnames.items():
        owner = next(n for n in full if n.split()[-1] == surname).split()[-2]
        firsts = given[surname]
        if firsts and firsts[owner] < 0.5 * sum(firsts.values()):
            continue
        if (
            len(codes) == 1
            and "?" not in codes
            and lower_words[surname] < 5
            and surname not in words
        ):
            out.setdefault(surname, next(iter(codes)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--min-count", type=int, default=1)
    args = parser.parse_args()
    import sys

    sys.path.insert(0, str(ROOT))
    table = derive(args.corpus, args.min_count)
    lines = [
        "# person name (lower-case full name or unambiguous surname) -> ISO 3166-1 alpha-3, as",
        "# the corpus states it ('Soviet Foreign Minister Eduard Shevardnadze'); derived by",
        f"# scripts/derive_actor_affiliations.py --min-count {args.min_count}, do not edit by hand",
    ]
    lines += [f"{name}\t{code}" for name, code in sorted(table.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} names -> {OUT}")


if __name__ == "__main__":
    main()
