"""Offline gazetteer lookups for place names (GeoNames data, loaded by the caller)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Place:
    geonames_id: int | None  # None: a region GeoNames' shipped data gives no id for
    name: str
    country_code: str  # ISO 3166-1 alpha-3
    feature_kind: str  # country / region / city
    latitude: float | None
    longitude: float | None
    population: int
    # a nation's capital city: a name the recogniser calls a person or organisation is still the
    # place ("Kiev accused Moscow", "Minsk demanded")
    capital: bool = False


def name_key(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split())


def _lookup_key(name: str) -> str:
    """The key a name is looked up by: a leading article is not part of a place's name
    ("the Philippines" is indexed as "philippines")."""
    key = name_key(name)
    return key[4:] if key.startswith("the ") and len(key) > 4 else key


def _plain(key: str) -> str:
    """A name key without accents (``brasília`` -> ``brasilia``)."""
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


def _named(place: Place, plain: str) -> bool:
    """The place's own name is ``plain`` (a key without accents), not only an alternate."""
    return _plain(_lookup_key(place.name)) == plain


# a national capital or a state is the place its name means unless the other is a fifth its size
CAPITAL_DOMINANCE = 5
# ... and so is a place named so, over one that only lists the name among its alternates
ALTERNATE_DOMINANCE = 5


def _weight(place: Place) -> int:
    """How strongly a place claims a name it shares: its population, a tenth of it for a
    region, so that a city named like its region is the city unless the region has ten times its
    people ("New York", "Aleppo", "Kabul" are cities; "Ontario", with a Californian city of
    170,000, is the province)."""
    return place.population // 10 if place.feature_kind == "region" else place.population


@dataclass(slots=True)
class Gazetteer:
    """Places indexed by every name and alternate name (case-folded)."""

    by_name: dict[str, list[Place]] = field(default_factory=dict)
    # ISO alpha-2 -> alpha-3, for sources that use the short codes
    iso2_to_iso3: dict[str, str] = field(default_factory=dict)

    def add(self, place: Place, names: Iterable[str]) -> None:
        keys = {name_key(n) for n in names if n}
        # "The Netherlands", "The Gambia": the entity recogniser leaves the article out of the
        # name ("accused the Netherlands" -> "Netherlands")
        keys |= {key[4:] for key in keys if key.startswith("the ") and len(key) > 4}
        for name in keys:
            self.by_name.setdefault(name, []).append(place)

    def candidates(self, name: str) -> list[Place]:
        return self.by_name.get(_lookup_key(name), [])

    def country_named(self, words: str) -> str | None:
        """The country ``words`` name, as words inside a longer name or phrase: a name of
        three letters or fewer only in capitals, since the gazetteer knows ISO codes (``And``,
        ``Can`` are no countries; ``US``, ``UAE`` are)."""
        if len(words) <= 3 and not words.isupper():
            return None
        for place in self.candidates(words):
            if place.feature_kind == "country":
                return place.country_code
        return None

    def resolve(
        self,
        name: str,
        context_countries: Mapping[str, int] | None = None,
        *,
        alternate_city_names: bool = True,
    ) -> Place | None:
        """Best place for a name: countries first, then places in countries the article
        mentions (unless a national capital or a state of that name is five times larger, or
        the place only lists the name among its alternates and a place named so is five times
        larger), then places whose own name it is, unless ten times smaller (``Islamabad`` is
        Pakistan's capital, not Chattogram, which GeoNames also lists under that old name),
        then the most populous.
        ``context_countries`` counts country codes seen in the document.
        ``alternate_city_names=False`` takes a city only by its own name (accents aside): for a
        building or an area, whose name GeoNames may list as a city's translation or nickname
        (``the White House`` is Casablanca's, ``North`` North Salt Lake's)."""
        key = _lookup_key(name)
        found = self.by_name.get(key, [])
        plain = _plain(key)
        if not alternate_city_names:
            found = [p for p in found if p.feature_kind != "city" or _named(p, plain)]
        if not found:
            return None
        context = context_countries or {}

        # a place that only lists the name among its alternates still wins when it is ten times
        # larger: "Calcutta" is Kolkata, "St. Petersburg" the Russian city
        largest = max(_weight(p) for p in found)
        # a region's own name is not its claim over a city that has a tenth of its people or
        # more: "New York" (the city is "New York City" in GeoNames) is the city
        largest_city = max((p.population for p in found if p.feature_kind == "city"), default=0)
        # the name's main claimant by office: a national capital or a state
        dominant = max(
            (p.population for p in found if p.capital or p.feature_kind == "region"), default=0
        )

        def named_so(place: Place) -> bool:
            if place.feature_kind == "region" and place.population < 10 * largest_city:
                return False
            return _named(place, plain)

        def own_name(place: Place) -> bool:
            return named_so(place) and _weight(place) * 10 >= largest

        # the largest place whose own name it is: one that only lists the name among its
        # alternates and has less than a fifth of its people is no rival to it
        largest_named = max((_weight(p) for p in found if named_so(p)), default=0)

        def score(place: Place) -> tuple[bool, bool, bool, int, bool, bool, int]:
            in_context = context.get(place.country_code, 0)
            return (
                place.feature_kind == "country",
                # the article's countries do not choose a town five times smaller than a
                # national capital or a state of that name: "Washington" in a story on Britain
                # is not the English town, "Moscow" next to the US not in Idaho, "Ontario" the
                # province, not the Californian city
                place.population * CAPITAL_DOMINANCE >= dominant,
                # nor a place that lists the name only among its alternates and is five times
                # smaller than one whose own name it is: "Sydney" beside the US is not Sidney,
                # Montana, "Milan" not Syracuse
                named_so(place) or _weight(place) * ALTERNATE_DOMINANCE >= largest_named,
                in_context,
                # among the article's countries' places, one named so: "Waterloo" beside the
                # US is Waterloo, Iowa, not Austin
                in_context > 0 and named_so(place),
                own_name(place),
                _weight(place),
            )

        return max(found, key=score)
