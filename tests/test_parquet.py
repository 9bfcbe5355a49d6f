from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from tests.conftest import Process
from warehouse.parquet_io import SCHEMA_FILE, ensure_layout, table_dir, to_arrow, write_rows
from warehouse.schemas import TABLES


def test_every_table_gets_an_empty_schema_file(tmp_path: Path):
    ensure_layout(tmp_path)
    for table, schema in TABLES.items():
        stored = pq.read_schema(Path(table_dir(tmp_path, table)) / SCHEMA_FILE)
        assert stored.equals(schema, check_metadata=False), table


def test_records_round_trip_through_parquet(tmp_path: Path, process: Process):
    result = process(
        '"We will win," Vladimir Putin said in Moscow on Friday as troops attacked Aleppo.',
        "2016-10-21",
    )
    batch = {"batch_id": "b1"}
    write_rows(tmp_path, "mentions", "b1", result.mentions, batch)
    write_rows(tmp_path, "quotes", "b1", result.quotes, batch)
    write_rows(tmp_path, "events", "b1", result.events, batch)
    write_rows(tmp_path, "entity_occurrences", "b1", result.entities, batch)
    write_rows(
        tmp_path,
        "documents",
        "b1",
        [result.document],
        {
            **batch,
            "run_id": "r",
            "pipeline_version": "v",
            "ingested_at": datetime(2020, 1, 1, tzinfo=UTC),
        },
    )
    for table, records in (
        ("mentions", result.mentions),
        ("quotes", result.quotes),
        ("events", result.events),
    ):
        back = pq.read_table(Path(table_dir(tmp_path, table)) / "b1.parquet")
        assert back.schema.equals(TABLES[table], check_metadata=False)
        assert back.num_rows == len(records) > 0
    quote = pq.read_table(Path(table_dir(tmp_path, "quotes")) / "b1.parquet").to_pylist()[0]
    assert quote["text"] == result.quotes[0].text
    event = pq.read_table(Path(table_dir(tmp_path, "events")) / "b1.parquet").to_pylist()[0]
    assert isinstance(event["event_date"], date)
    doc = pq.read_table(Path(table_dir(tmp_path, "documents")) / "b1.parquet").to_pylist()[0]
    assert doc["text"] == result.document.text
    assert doc["published_at"] == datetime(2016, 10, 21, tzinfo=UTC)
    entity = pq.read_table(
        Path(table_dir(tmp_path, "entity_occurrences")) / "b1.parquet"
    ).to_pylist()
    assert any(e["aliases"] for e in entity)


def test_schema_rejects_missing_required_values():
    with pytest.raises(ValueError, match=r"mentions\.doc_id must not be null"):
        to_arrow("mentions", [{"mention_id": "m"}])


def test_atomic_write_leaves_no_temp_files_and_duckdb_reads_it(tmp_path: Path):
    rows = [{"run_id": "r1", "started_at": datetime.now(UTC), "finished_at": datetime.now(UTC), "pipeline_version": "v",
             "sources": ["seeds"], "documents_new": 1, "documents_unchanged": 0, "documents_failed": 0, "errors": 0,
             "elapsed_seconds": 1.5}]  # fmt: skip
    path = Path(write_rows(tmp_path, "runs", "r1", rows))
    assert sorted(p.name for p in path.parent.iterdir()) == ["r1.parquet"]
    count = duckdb.sql(f"select count(*) from read_parquet('{path.parent}/*.parquet')").fetchall()[
        0
    ][0]
    assert count == 1
