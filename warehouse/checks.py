"""Declarative data tests over the views: each rule is data, rendered to one SQL query that
returns the number of violating rows. ``newsdesk check`` runs them all; the flow, after its writes,
runs them with the span checks limited to the documents of its run (the other rules read the
materialised tables and stay cheap), on a DuckDB connection with bounded memory.

Rules (a table of (view, rule) data):
- ``UNIQUE``: (view, key columns): no two rows share the key.
- ``NOT_NULL``: (view, column).
- ``REFERENCES``: (view, column, target view, target column): every non-null value exists there.
- ``SPANS``: (view, start, end, text column or None): 0 <= start <= end <= len(documents.text) of
  the row's document, and ``text[start:end]`` equals the stored span text when given.
- ``RANGES``: (view, column, low, high): every non-null value lies in [low, high].
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from warehouse.query import connect_read_only
from warehouse.storage import DataDirLike
from warehouse.views import WRITER_CONFIG

UNIQUE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("documents", ("doc_id",)),
    ("manifest_current", ("source_id",)),
    ("mentions", ("mention_id",)),
    ("entities", ("entity_id",)),
    ("entity_occurrences", ("entity_id", "doc_id")),
    ("quotes", ("quote_id",)),
    ("events", ("event_id",)),
)
NOT_NULL: tuple[tuple[str, str], ...] = (
    ("documents", "doc_id"),
    ("documents", "source_id"),
    ("documents", "text"),
    ("documents", "run_id"),
    ("documents", "pipeline_version"),
    ("mentions", "doc_id"),
    ("mentions", "entity_id"),
    ("quotes", "doc_id"),
    ("quotes", "text"),
    ("events", "doc_id"),
    ("events", "event_code"),
    ("entities", "name"),
)
REFERENCES: tuple[tuple[str, str, str, str], ...] = (
    # every current source has its document: no missing document
    ("manifest_current", "doc_id", "documents", "doc_id"),
    ("mentions", "doc_id", "documents", "doc_id"),
    ("mentions", "entity_id", "entities", "entity_id"),
    ("entity_occurrences", "doc_id", "documents", "doc_id"),
    ("quotes", "doc_id", "documents", "doc_id"),
    ("quotes", "speaker_entity_id", "entities", "entity_id"),
    ("events", "doc_id", "documents", "doc_id"),
    ("events", "actor_entity_id", "entities", "entity_id"),
    ("events", "target_entity_id", "entities", "entity_id"),
    ("events", "location_entity_id", "entities", "entity_id"),
)
SPANS: tuple[tuple[str, str, str, str | None], ...] = (
    ("mentions", "start_char", "end_char", "text"),
    ("quotes", "start_char", "end_char", "text"),
    ("quotes", "cue_start_char", "cue_end_char", "cue"),
    ("quotes", "speaker_start_char", "speaker_end_char", "speaker_text"),
    ("events", "start_char", "end_char", None),
    ("events", "actor_start_char", "actor_end_char", "actor_text"),
    ("events", "target_start_char", "target_end_char", "target_text"),
    ("events", "date_start_char", "date_end_char", "date_text"),
)
RANGES: tuple[tuple[str, str, float, float], ...] = (
    ("events", "quad_class", 1, 4),
    ("events", "goldstein", -10, 10),
    ("events", "confidence", 0, 1),
)


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    sql: str  # counts violating rows
    # (view, column) the check reads that an older warehouse may lack (a column added since
    # it was built): the check is skipped there until a run rebuilds it
    needs: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    violations: int


def all_checks(run_id: str | None = None) -> list[Check]:
    """Every rule as a query; with ``run_id``, span checks only read that run's documents (their
    cost is the document texts, the one part that grows fast with the warehouse)."""
    checks: list[Check] = []
    # run_id is a generated identifier, quoted anyway
    in_run = " and d.run_id = '" + run_id.replace("'", "''") + "'" if run_id is not None else ""
    for view, keys in UNIQUE:
        cols = ", ".join(keys)
        checks.append(
            Check(
                f"unique {view}({cols})",
                f"select count(*) from (select {cols} from {view} group by all having count(*) > 1)",
            )
        )
    for view, col in NOT_NULL:
        checks.append(
            Check(f"not_null {view}.{col}", f"select count(*) from {view} where {col} is null")
        )
    for view, col, target, target_col in REFERENCES:
        checks.append(
            Check(
                f"references {view}.{col} -> {target}.{target_col}",
                f"select count(*) from {view} as s where s.{col} is not null "
                f"and not exists (select 1 from {target} as t where t.{target_col} = s.{col})",
            )
        )
    for view, start, end, text in SPANS:
        span_ok = (
            f" and substr(d.text, s.{start} + 1, s.{end} - s.{start}) = s.{text}" if text else ""
        )
        checks.append(
            Check(
                f"span {view}.{start}..{end}" + (f" = {text}" if text else ""),
                f"select count(*) from {view} as s join documents as d using (doc_id) "
                f"where s.{start} is not null and not (s.{start} >= 0 and s.{start} <= s.{end} "
                f"and s.{end} <= length(d.text){span_ok}){in_run}",
                needs=(view, start),
            )
        )
    for view, col, low, high in RANGES:
        checks.append(
            Check(
                f"range {view}.{col} in [{low}, {high}]",
                f"select count(*) from {view} where {col} not between {low} and {high}",
                needs=(view, col),
            )
        )
    return checks


def run_checks(data_dir: DataDirLike, run_id: str | None = None) -> list[CheckResult]:
    """Every check's violation count, in one read-only query (memory bounded like the writer's:
    DuckDB spills beyond it). ``run_id``: span checks for that run's documents only. A check of
    a column the warehouse does not have yet (built before the column existed) is left out."""
    # an in-memory DuckDB attaches the file: its spill directory must be given, not the cwd's .tmp
    spill = Path(tempfile.gettempdir()) / f"newsdesk-checks-{os.getpid()}"
    with connect_read_only(data_dir, {**WRITER_CONFIG, "temp_directory": str(spill)}) as con:
        present = set(
            con.execute("select table_name, column_name from information_schema.columns").fetchall()
        )
        checks = [c for c in all_checks(run_id) if c.needs is None or c.needs in present]
        sql = " union all ".join(f"select {i} as i, ({c.sql}) as n" for i, c in enumerate(checks))
        counts = dict(con.execute(sql).fetchall())
    return [CheckResult(c.name, int(counts[i])) for i, c in enumerate(checks)]


def failed(results: list[CheckResult]) -> list[CheckResult]:
    return [r for r in results if r.violations]
