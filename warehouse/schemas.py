"""Explicit pyarrow schemas for every stored table (the data contract; see docs/tables.md).

Content tables carry ``batch_id``: a row is visible only when the manifest has committed its batch.
"""

from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")

DOCUMENTS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source_id", pa.string(), nullable=False),
        pa.field("source_uri", pa.string(), nullable=False),
        pa.field("title", pa.string()),
        pa.field("url", pa.string()),
        pa.field("outlet", pa.string()),
        pa.field("published_at", TS),
        pa.field("published_raw", pa.string()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("n_chars", pa.int32(), nullable=False),
        pa.field("n_tokens", pa.int32(), nullable=False),
        pa.field("n_sentences", pa.int32(), nullable=False),
        pa.field("extra_json", pa.string()),
        pa.field("ingested_at", TS, nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("pipeline_version", pa.string(), nullable=False),
        pa.field("batch_id", pa.string(), nullable=False),
    ]
)

MENTIONS = pa.schema(
    [
        pa.field("mention_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("entity_id", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("label", pa.string(), nullable=False),
        pa.field("start_char", pa.int32(), nullable=False),
        pa.field("end_char", pa.int32(), nullable=False),
        pa.field("sentence_index", pa.int32(), nullable=False),
        pa.field("country_code", pa.string()),
        pa.field("batch_id", pa.string(), nullable=False),
    ]
)

# One row per (entity, document): the `entities` view aggregates these across documents.
ENTITY_OCCURRENCES = pa.schema(
    [
        pa.field("entity_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("name", pa.string(), nullable=False),
        pa.field("type", pa.string(), nullable=False),
        pa.field("aliases", pa.list_(pa.string()), nullable=False),
        pa.field("country_code", pa.string()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("geonames_id", pa.int64()),
        pa.field("feature_kind", pa.string()),
        pa.field("mention_count", pa.int32(), nullable=False),
        pa.field("batch_id", pa.string(), nullable=False),
    ]
)

QUOTES = pa.schema(
    [
        pa.field("quote_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("start_char", pa.int32(), nullable=False),
        pa.field("end_char", pa.int32(), nullable=False),
        pa.field("quote_type", pa.string(), nullable=False),
        pa.field("cue", pa.string()),
        pa.field("cue_start_char", pa.int32()),
        pa.field("cue_end_char", pa.int32()),
        pa.field("speaker_text", pa.string()),
        pa.field("speaker_start_char", pa.int32()),
        pa.field("speaker_end_char", pa.int32()),
        pa.field("speaker_entity_id", pa.string()),
        pa.field("speaker_kind", pa.string(), nullable=False),
        pa.field("sentence_index", pa.int32(), nullable=False),
        pa.field("batch_id", pa.string(), nullable=False),
    ]
)

EVENTS = pa.schema(
    [
        pa.field("event_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("sentence_index", pa.int32(), nullable=False),
        pa.field("start_char", pa.int32(), nullable=False),
        pa.field("end_char", pa.int32(), nullable=False),
        pa.field("predicate", pa.string(), nullable=False),
        pa.field("event_code", pa.string(), nullable=False),
        pa.field("event_root_code", pa.string(), nullable=False),
        pa.field("event_label", pa.string(), nullable=False),
        pa.field("quad_class", pa.int8(), nullable=False),
        pa.field("goldstein", pa.float32(), nullable=False),
        pa.field("actor_text", pa.string()),
        pa.field("actor_start_char", pa.int32()),
        pa.field("actor_end_char", pa.int32()),
        pa.field("actor_entity_id", pa.string()),
        pa.field("actor_country_code", pa.string()),
        pa.field("target_text", pa.string()),
        pa.field("target_start_char", pa.int32()),
        pa.field("target_end_char", pa.int32()),
        pa.field("target_entity_id", pa.string()),
        pa.field("target_country_code", pa.string()),
        pa.field("location_entity_id", pa.string()),
        pa.field("event_date", pa.date32()),
        pa.field("date_text", pa.string()),
        pa.field("date_start_char", pa.int32()),
        pa.field("date_end_char", pa.int32()),
        pa.field("date_precision", pa.string()),
        pa.field("negated", pa.bool_(), nullable=False),
        pa.field("hypothetical", pa.bool_(), nullable=False),
        pa.field("in_quote", pa.bool_(), nullable=False),
        pa.field("quote_id", pa.string()),
        pa.field("confidence", pa.float32()),
        pa.field("batch_id", pa.string(), nullable=False),
    ]
)

# The commit log: a batch's rows become visible when its manifest file exists (written last).
MANIFEST = pa.schema(
    [
        pa.field("source_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source_uri", pa.string(), nullable=False),
        pa.field("batch_id", pa.string(), nullable=False),
        # the batch holding this document's rows (differs from batch_id for a duplicate text)
        pa.field("data_batch_id", pa.string(), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("pipeline_version", pa.string(), nullable=False),
        pa.field("committed_at", TS, nullable=False),
    ]
)

INGEST_ERRORS = pa.schema(
    [
        pa.field("source_uri", pa.string(), nullable=False),
        pa.field("line", pa.int32()),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("message", pa.string(), nullable=False),
        pa.field("severity", pa.string(), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("recorded_at", TS, nullable=False),
    ]
)

RUNS = pa.schema(
    [
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("started_at", TS, nullable=False),
        pa.field("finished_at", TS, nullable=False),
        pa.field("pipeline_version", pa.string(), nullable=False),
        pa.field("sources", pa.list_(pa.string()), nullable=False),
        pa.field("documents_new", pa.int32(), nullable=False),
        pa.field("documents_unchanged", pa.int32(), nullable=False),
        pa.field("documents_failed", pa.int32(), nullable=False),
        pa.field("errors", pa.int32(), nullable=False),
        pa.field("elapsed_seconds", pa.float64(), nullable=False),
    ]
)

# Compaction log: a compaction's merged file ("output") becomes visible, and the files it merged
# ("superseded") invisible, together when its record file is renamed into place.
COMPACTIONS = pa.schema(
    [
        pa.field("compaction_id", pa.string(), nullable=False),
        pa.field("table_name", pa.string(), nullable=False),
        pa.field("file", pa.string(), nullable=False),
        pa.field("role", pa.string(), nullable=False),  # output | superseded
        pa.field("committed_at", TS, nullable=False),
    ]
)

# stored table name -> schema; each lives in <data-dir>/tables/<name>/*.parquet
TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "mentions": MENTIONS,
    "entity_occurrences": ENTITY_OCCURRENCES,
    "quotes": QUOTES,
    "events": EVENTS,
    "manifest": MANIFEST,
    "ingest_errors": INGEST_ERRORS,
    "runs": RUNS,
    "compactions": COMPACTIONS,
}

# tables written once per batch of documents, gated by the manifest
BATCH_TABLES = ("documents", "mentions", "entity_occurrences", "quotes", "events")
