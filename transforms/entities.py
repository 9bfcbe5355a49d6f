"""Entity mentions from spaCy NER, grouped into per-document entities with canonical names.

``extract_entities`` is the entry point: it returns the mention rows, the per-document entity rows
and a lookup from mention span to entity id that the quote and event extractors use.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from transforms.entity_spans import refine_spans
from transforms.geo import Place, name_key
from transforms.ids import entity_id_for, row_id
from transforms.organization_countries import home_country, organization_country
from transforms.records import EntityRecord, MentionRecord
from transforms.resources import Resources
from transforms.text_spans import SentenceIndex, doc_text

# spaCy label -> our entity type. Numeric and temporal labels are not entities.
ENTITY_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
    "PRODUCT": "product",
    "LAW": "law",
    "WORK_OF_ART": "work",
}
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,7}$")
# words before a name that make it a place when the model says PERSON ("in Qaraqosh")
_LOCATIVE = frozenset({"in", "at", "from", "near", "to", "into", "outside", "around", "toward"})
# shorter names are too ambiguous to relabel (``IS``, ``Ur``, ``Bo``)
_MIN_RELABEL_CHARS = 4
# smaller capitals share their names with people (``Victoria``, ``Hamilton``, ``Douglas``)
CAPITAL_RELABEL_POPULATION = 500_000


@dataclass(slots=True)
class _Cluster:
    entity_type: str
    key: str
    names: Counter[str] = field(default_factory=Counter)
    first_label: str = ""
    # the rule's canonical name (``ISIS`` -> ``Islamic State``), which beats the longest name
    fixed_name: str | None = None
    place: Place | None = None
    country_code: str | None = None
    mention_count: int = 0
    # an organisation's country (``organization_country``): the rows' only, since the event rules
    # read an organisation's country from its phrase with rules of their own
    organization_country: str | None = None
    # an institution of the article's country (``national_bodies.txt``): its id is per country
    national: bool = False

    @property
    def row_country(self) -> str | None:
        return self.country_code or self.organization_country

    @property
    def canonical(self) -> str:
        if self.place is not None:
            return self.place.name
        if self.fixed_name:
            return self.fixed_name
        # the longest name wins (full names beat surnames); the most frequent breaks ties
        return max(self.names, key=lambda n: (len(n.split()), self.names[n], -len(n)))


@dataclass(frozen=True, slots=True)
class EntityExtraction:
    mentions: list[MentionRecord]
    entities: list[EntityRecord]
    # (start_char, end_char) of every mention -> entity_id
    by_span: dict[tuple[int, int], str]
    # entity_id -> (type, canonical name, country code): the country a place or nationality
    # is; an organisation's (its rows') is not here, the event rules read one from its phrase
    info: dict[str, tuple[str, str, str | None]]


def clean_name(text: str, label: str, titles: frozenset[str]) -> str:
    """Surface form -> name: no leading article, possessive, or (for people) titles."""
    name = " ".join(text.split())
    name = _LEADING_THE.sub("", name)
    name = _POSSESSIVE.sub("", name).strip()
    if label == "PERSON":
        words = name.split()
        while len(words) > 1 and words[0].casefold() in titles:
            words.pop(0)
        name = " ".join(words)
    return name


def _acronym_definitions(text: str) -> dict[str, str]:
    """``the United Nations (UN)`` -> {"UN": "United Nations"}: the acronym must spell the name."""
    found: dict[str, str] = {}
    for match in re.finditer(
        r"((?:[A-Z][\w'’-]*\s+)(?:(?:of|for|and|the|on)\s+|[A-Z][\w'’-]*\s+){0,7})\(([A-Z]{2,8})\)",
        text,
    ):
        words = match.group(1).split()
        acronym = match.group(2)
        initials = [w for w in words if w[0].isupper()]
        # take the shortest tail of capitalised words whose initials spell the acronym
        for size in range(len(initials), 0, -1):
            tail = initials[-size:]
            if "".join(w[0] for w in tail) == acronym:
                start = len(words) - 1 - words[::-1].index(tail[0])
                found[acronym] = " ".join(words[start:])
                break
    return found


def place_label_for(
    span: Span,
    name: str,
    resources: Resources,
    context: Mapping[str, int],
    person_words: frozenset[str],
) -> str | None:
    """``GPE`` when a PERSON, NORP or ORG span is really a place, else None.

    Guarded because many places share names with people, words and firms: the name must be at
    least four letters, not a demonym, not an acronym, not a word of a full person name in the
    same article (``Jordan`` beside ``Michael Jordan``), not a person of the actor dictionary
    (``Obama``), not after a title; a city must either be a large capital (``Kiev accused
    Moscow``), lie in a country the article names or follow a locative preposition (``in
    Qaraqosh``); and an organisation must be named exactly as a country or a large capital
    (``Minsk demanded``; ``Sapporo``, a brewery, stays a firm)."""
    if span.label_ not in ("PERSON", "NORP", "ORG") or span.ent_id_:
        return None
    folded = name.casefold()
    if len(name) < _MIN_RELABEL_CHARS or name.isupper() or resources.nationality(name):
        return None
    if span.label_ == "PERSON" and (
        folded in person_words
        # a person the actor dictionary knows: "Xi met Obama and criticized Japan" names no
        # town of Obama, Japan
        or folded in resources.actor_affiliations
        or (span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in resources.titles)
    ):
        return None
    place = resources.gazetteer.resolve(name, context)
    if place is None:
        return None
    if place.feature_kind == "country":
        return "GPE"
    if place.capital and place.population >= CAPITAL_RELABEL_POPULATION:
        return "GPE"
    if span.label_ == "ORG":
        return None
    after_locative = span.start > 0 and span.doc[span.start - 1].lower_ in _LOCATIVE
    if context.get(place.country_code, 0) > 0 or after_locative:
        return "GPE"
    return None


def _group_label_for(span: Span, name: str, resources: Resources) -> str | None:
    """``NORP`` when the model calls a nationality a place (``Ukrainian President Petro
    Poroshenko``: GPE): it names the people, and carries their country; a country's own name
    used as one stays the place (``a New Zealand firm``)."""
    if span.label_ not in PLACE_LABELS or resources.nationality(name) is None:
        return None
    place = resources.gazetteer.resolve(name)
    if place is not None and place.feature_kind == "country":
        return None
    return "NORP"


def extract_entities(doc: Doc, doc_id: str, resources: Resources) -> EntityExtraction:
    """The document's entity mentions, clustered into one entity per thing named: places by
    the gazetteer entry they resolve to, people's surnames to the full name used before,
    acronyms to the name they are defined for, rule-named entities to their rule's name."""
    named = _named_spans(doc, resources)
    context = _country_context(named, resources)
    # words of multi-word person names: a lone one of them is that person, not a place
    person_words = frozenset(
        w.casefold()
        for span, name in named
        if span.label_ == "PERSON" and len(name.split()) > 1
        for w in name.split()
    )
    # (span, cleaned name, label after the gazetteer relabel)
    spans: list[tuple[Span, str, str]] = [
        (
            span,
            name,
            place_label_for(span, name, resources, context, person_words)
            or _group_label_for(span, name, resources)
            or span.label_,
        )
        for span, name in named
    ]
    clusters, assigned = _clusters(doc, spans, context, resources)
    home = home_country(c.country_code for _span, _label, c in assigned if c.country_code)
    for cluster in clusters.values():
        if cluster.entity_type == "organization":
            country, national = organization_country(cluster.canonical, home, resources)
            cluster.organization_country, cluster.national = country, national
    return _extraction(doc, doc_id, clusters, assigned)


def _named_spans(doc: Doc, resources: Resources) -> list[tuple[Span, str]]:
    """The recogniser's spans of the types we keep, with their cleaned names (titles off)."""
    named: list[tuple[Span, str]] = []
    for span in refine_spans(doc, resources):
        if span.label_ not in ENTITY_TYPES:
            continue
        name = clean_name(span.text, span.label_, resources.titles)
        if name and any(ch.isalpha() for ch in name):
            named.append((span, name))
    return named


def _country_context(named: list[tuple[Span, str]], resources: Resources) -> Counter[str]:
    """Countries named in the article (as countries or demonyms), which steer place
    disambiguation ("Moscow" with "Russia")."""
    context = Counter[str]()
    for span, name in named:
        if span.label_ in PLACE_LABELS:
            place = resources.gazetteer.resolve(name)
            if place is not None and place.feature_kind == "country":
                context[place.country_code] += 1
        elif span.label_ == "NORP" and (nationality := resources.nationality(name)):
            context[nationality] += 1
    return context


def _clusters(
    doc: Doc,
    spans: list[tuple[Span, str, str]],
    context: Counter[str],
    resources: Resources,
) -> tuple[dict[tuple[str, str], _Cluster], list[tuple[Span, str, _Cluster]]]:
    """The entities of the mentions, by type and key, and each mention's (span, label,
    entity), in document order."""
    acronyms = _acronym_definitions(doc_text(doc))
    full_person_names = [
        name for _span, name, label in spans if label == "PERSON" and len(name.split()) > 1
    ]
    clusters: dict[tuple[str, str], _Cluster] = {}
    assigned: list[tuple[Span, str, _Cluster]] = []
    recent_people: list[_Cluster] = []  # most recent last
    for span, name, label in spans:
        entity_type = ENTITY_TYPES[label]
        key = name_key(name)
        place: Place | None = None
        country: str | None = None
        # a rule named the entity (every surface form of ISIS, Daesh, IS keys to that name), or
        # the organisation is one known by several names (`EU`, `the European Union`)
        fixed_name = span.ent_id_ or (
            resources.organization_names.get(key) if label == "ORG" else None
        )
        if fixed_name:
            key = name_key(fixed_name)
        elif label in PLACE_LABELS:
            # a building or an area (FAC, LOC) named like a city's translation is no city:
            # "the White House" is not Casablanca, "the North" not North Salt Lake
            place = resources.gazetteer.resolve(name, context, alternate_city_names=label == "GPE")
            if place is not None:
                key = (
                    f"geonames:{place.geonames_id}"
                    if place.geonames_id is not None
                    else f"region:{place.country_code}:{name_key(place.name)}"
                )
                country = place.country_code
        elif label == "NORP":
            country = resources.nationality(name)
        elif label == "PERSON" and len(name.split()) == 1:
            key = _person_key_for_short_name(name, recent_people, full_person_names)
        elif name in acronyms:
            key = name_key(acronyms[name])

        cluster = clusters.get((entity_type, key))
        if cluster is None:
            cluster = _Cluster(
                entity_type,
                key,
                first_label=label,
                fixed_name=fixed_name or None,
                place=place,
                country_code=country,
            )
            clusters[(entity_type, key)] = cluster
        cluster.names[name] += 1
        cluster.mention_count += 1
        if entity_type == "person":
            if cluster in recent_people:
                recent_people.remove(cluster)
            recent_people.append(cluster)
        assigned.append((span, label, cluster))
    return clusters, assigned


def _extraction(
    doc: Doc,
    doc_id: str,
    clusters: dict[tuple[str, str], _Cluster],
    assigned: list[tuple[Span, str, _Cluster]],
) -> EntityExtraction:
    """The mention and entity rows of the clusters, with the lookups the quote and event
    rules use."""
    sentence_of = SentenceIndex(doc)
    # ids depend on the canonical name, known only once every mention is seen
    ids = {id(c): entity_id_for(c.entity_type, _id_key(c)) for c in clusters.values()}
    mentions = [
        MentionRecord(
            mention_id=row_id("men", doc_id, span.start_char, span.end_char),
            doc_id=doc_id,
            entity_id=ids[id(cluster)],
            text=span.text,
            label=label,
            start_char=span.start_char,
            end_char=span.end_char,
            sentence_index=sentence_of(span.start_char),
            country_code=cluster.row_country,
        )
        for span, label, cluster in assigned
    ]
    entities = [
        EntityRecord(
            entity_id=ids[id(c)],
            doc_id=doc_id,
            name=c.canonical,
            type=c.entity_type,
            aliases=tuple(sorted(c.names)),
            country_code=c.row_country,
            latitude=c.place.latitude if c.place else None,
            longitude=c.place.longitude if c.place else None,
            geonames_id=c.place.geonames_id if c.place else None,
            feature_kind=c.place.feature_kind if c.place else None,
            mention_count=c.mention_count,
        )
        for c in clusters.values()
    ]
    by_span = {(m.start_char, m.end_char): m.entity_id for m in mentions}
    info = {ids[id(c)]: (c.entity_type, c.canonical, c.country_code) for c in clusters.values()}
    return EntityExtraction(mentions, entities, by_span, info)


def _id_key(cluster: _Cluster) -> str:
    """What an entity's id hashes: a geocoded place's key, a nation's institution's country and
    name (`IRL:government`), else the canonical name."""
    if cluster.place is not None:
        return cluster.key
    if cluster.national:
        return f"{cluster.organization_country}:{name_key(cluster.canonical)}"
    return name_key(cluster.canonical)


def _person_key_for_short_name(name: str, recent: list[_Cluster], full_names: list[str]) -> str:
    """A lone surname or first name joins the most recent person whose full name contains it;
    with none before it, the first full name later in the text that contains it."""
    folded = name.casefold()
    for cluster in reversed(recent):
        if any(
            folded in (w.casefold() for w in n.split()) for n in cluster.names if len(n.split()) > 1
        ):
            return cluster.key
    for full in full_names:
        if folded in (w.casefold() for w in full.split()):
            return name_key(full)
    return name_key(name)
