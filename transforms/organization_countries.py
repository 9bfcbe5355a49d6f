"""The country of an organisation named in an article: pure functions over names and the
lookup data, for the entity rows (``transforms/entities.py``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from transforms.geo import name_key
from transforms.resources import Resources

# the article's own country has at least this many of its mentions with a country, and ...
HOME_MIN_MENTIONS = 2
# ... at least this share of them: in 619 corpus articles, with half, 12 of the 47 institutions
# placed so were another country's (US politics news on Russia: `the House`), with two thirds
# 5 of 33
HOME_MIN_SHARE = 2 / 3
# a country's name in an organisation's is at most this many words (``United Arab Emirates``)
MAX_COUNTRY_WORDS = 3


def home_country(mention_countries: Iterable[str]) -> str | None:
    """The country most of the article's places and nationalities lie in (one code per
    mention; cities and regions count for theirs: `Dublin`, `Irish`, `Cork`), when one has two
    thirds of them or more."""
    counts = Counter(mention_countries)
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    if n < HOME_MIN_MENTIONS or n < HOME_MIN_SHARE * sum(counts.values()):
        return None
    return country


def organization_country(
    name: str, home: str | None, resources: Resources
) -> tuple[str | None, bool]:
    """An organisation's country, and whether it is a nation's institution (whose entity is
    one per country). An institution that names no nation (`the Government`, `the Foreign
    Ministry`: ``national_bodies.txt``) is the one the curated actor dictionary gives it
    (`Congress`, `the Senate`: the US ones), else the article's own country's; another
    organisation takes a country its name states (`Russian Foreign Ministry`, `Bank of
    England`, `Statistics Canada`), else the dictionary's (`Reuters`, `Bundesbank`, `the
    Kremlin`)."""
    if name_key(name) in resources.national_bodies:
        country = resources.known_actor_country(name) or home
        return country, country is not None
    return country_named_in(name, resources) or resources.known_actor_country(name), False


def country_named_in(name: str, resources: Resources) -> str | None:
    """The first country or nationality named in a name (as ``event_linker`` reads one in a
    phrase: capitalised words, ``Gazetteer.country_named``; a word joined to ``-based`` or
    ``-backed`` is one word here and names none)."""
    words = name.split()
    for i, word in enumerate(words):
        if not word[:1].isupper() or word.casefold() == "the":
            continue
        for width in range(MAX_COUNTRY_WORDS, 0, -1):
            text = " ".join(words[i : i + width])
            code = resources.demonyms.get(text.casefold()) or resources.gazetteer.country_named(
                text
            )
            if code is not None:
                return code
    return None
