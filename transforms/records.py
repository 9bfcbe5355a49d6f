"""Typed records produced by the transforms, one dataclass per warehouse table.

Field names and order match the pyarrow schemas in ``warehouse/schemas.py``; provenance columns
(batch, run, pipeline version) are added by the writer, not here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    """One input article after decoding, before NLP."""

    source_id: str
    source_uri: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published_raw: str | None = None
    published_at: datetime | None = None
    extra: dict[str, Any] | None = None
    # where the article starts inside its source file (line number for JSONL), for error reports
    line: int | None = None


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    doc_id: str
    source_id: str
    source_uri: str
    title: str | None
    url: str | None
    outlet: str | None
    published_at: datetime | None
    published_raw: str | None
    text: str
    n_chars: int
    n_tokens: int
    n_sentences: int
    extra_json: str | None


@dataclass(frozen=True, slots=True)
class MentionRecord:
    mention_id: str
    doc_id: str
    entity_id: str
    text: str
    label: str
    start_char: int
    end_char: int
    sentence_index: int
    country_code: str | None = None


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """One entity as seen in one document; the ``entities`` view aggregates these."""

    entity_id: str
    doc_id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    country_code: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    feature_kind: str | None
    mention_count: int


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    quote_id: str
    doc_id: str
    text: str
    start_char: int
    end_char: int
    quote_type: str
    cue: str | None
    cue_start_char: int | None
    cue_end_char: int | None
    speaker_text: str | None
    speaker_start_char: int | None
    speaker_end_char: int | None
    speaker_entity_id: str | None
    speaker_kind: str
    sentence_index: int


@dataclass(frozen=True, slots=True)
class EventRecord:
    event_id: str
    doc_id: str
    sentence_index: int
    start_char: int
    end_char: int
    predicate: str
    event_code: str
    event_root_code: str
    event_label: str
    quad_class: int
    goldstein: float
    actor_text: str | None
    # offsets of actor_text, target_text and date_text in the article's text
    actor_start_char: int | None
    actor_end_char: int | None
    actor_entity_id: str | None
    actor_country_code: str | None
    target_text: str | None
    target_start_char: int | None
    target_end_char: int | None
    target_entity_id: str | None
    target_country_code: str | None
    location_entity_id: str | None
    event_date: date | None
    date_text: str | None
    date_start_char: int | None
    date_end_char: int | None
    date_precision: str | None
    negated: bool
    hypothetical: bool
    in_quote: bool
    quote_id: str | None = None
    # the event scorer's estimate that the event is right as coded (None: rules alone)
    confidence: float | None = None


@dataclass(slots=True)
class DocResult:
    """Everything one document yields, ready for the writer."""

    document: DocumentRecord
    mentions: list[MentionRecord] = field(default_factory=list)
    entities: list[EntityRecord] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
