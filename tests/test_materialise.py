"""The views are served from tables materialised once per change: rebuilt exactly when the data
files or the views' SQL change, repaired after a crash, never blocking readers."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from filelock import FileLock

from tests.test_checks import copy_warehouse
from warehouse.checks import failed, run_checks
from warehouse.parquet_io import write_rows
from warehouse.query import query
from warehouse.views import MATERIALISED, db_path, refresh_views
from warehouse.writer_lock import LOCK_NAME

pytestmark = pytest.mark.slow


def _manifest_files(data: Path) -> list[Path]:
    return [
        p for p in (data / "tables" / "manifest").glob("*.parquet") if p.name != "0-schema.parquet"
    ]


def test_views_read_materialised_tables_and_a_no_op_rebuilds_nothing(
    seeded_warehouse: Path, tmp_path: Path
):
    data = copy_warehouse(seeded_warehouse, tmp_path / "wh")
    with duckdb.connect(str(db_path(data)), read_only=True) as con:
        tables = {
            r[0]
            for r in con.execute(
                "select table_name from duckdb_tables() where schema_name = 'materialised'"
            ).fetchall()
        }
        assert tables == set(MATERIALISED)
        plan = "\n".join(r[1] for r in con.execute("explain select * from events").fetchall())
        assert "PARQUET" not in plan.upper()  # no glob, no resolution at query time
    before = db_path(data).stat().st_ino
    assert refresh_views(data) is False
    # a run's log row is not an input of the materialised views: still nothing to rebuild
    write_rows(data, "runs", "extra-run", [])
    assert refresh_views(data) is False
    assert db_path(data).stat().st_ino == before
    assert query(data, "select count(*) from documents")[1] == [(5,)]


def test_a_commit_the_rebuild_missed_is_repaired_by_the_next_reader(
    seeded_warehouse: Path, tmp_path: Path
):
    data = copy_warehouse(seeded_warehouse, tmp_path / "wh")
    expected = {v: query(data, f"select count(*) from {v}")[1] for v in MATERIALISED}
    # the state before the batch was committed: built without its manifest file
    aside = tmp_path / "aside"
    aside.mkdir()
    moved = [Path(shutil.move(p, aside / p.name)) for p in _manifest_files(data)]
    assert refresh_views(data) is True
    assert query(data, "select count(*) from documents")[1] == [(0,)]
    # the commit lands, then the run is killed before its rebuild
    for p in moved:
        shutil.move(p, data / "tables" / "manifest" / p.name)
    with FileLock(str(data / LOCK_NAME)):
        # a writer is busy: readers see the last build, consistent, and are not blocked
        assert query(data, "select count(*) from documents")[1] == [(0,)]
    assert {v: query(data, f"select count(*) from {v}")[1] for v in MATERIALISED} == expected
    assert refresh_views(data) is False  # the reader's repair was the rebuild
    assert not failed(run_checks(data))


def test_a_rebuild_leaves_open_readers_their_snapshot(seeded_warehouse: Path, tmp_path: Path):
    data = copy_warehouse(seeded_warehouse, tmp_path / "wh")
    reader = duckdb.connect(str(db_path(data)), read_only=True)
    try:
        count = reader.execute("select count(*) from mentions").fetchall()
        doc_id, batch_id = query(data, "select doc_id, batch_id from documents limit 1")[1][0]
        write_rows(data, "mentions", "late", [_mention(doc_id, batch_id, "late-mention")])
        assert refresh_views(data) is True
        assert reader.execute("select count(*) from mentions").fetchall() == count
        assert query(data, "select count(*) from mentions")[1] == [(count[0][0] + 1,)]
    finally:
        reader.close()


def test_the_flow_checks_spans_of_its_own_run_only(seeded_warehouse: Path, tmp_path: Path):
    data = copy_warehouse(seeded_warehouse, tmp_path / "wh")
    doc_id, batch_id, run_id = query(
        data, "select doc_id, batch_id, run_id from documents limit 1"
    )[1][0]
    bad = _mention(doc_id, batch_id, "bad-span") | {"start_char": 0, "end_char": 7}
    write_rows(data, "mentions", "injected", [bad])
    span = "span mentions.start_char..end_char = text"
    everything = {r.name for r in failed(run_checks(data))}
    assert span in everything
    assert span in {r.name for r in failed(run_checks(data, run_id=run_id))}
    other_run = {r.name for r in failed(run_checks(data, run_id="another-run"))}
    assert span not in other_run
    # the global rules still see the whole warehouse
    assert "references mentions.entity_id -> entities.entity_id" in other_run


def _mention(doc_id: str, batch_id: str, mention_id: str) -> dict[str, object]:
    return {
        "mention_id": mention_id,
        "doc_id": doc_id,
        "entity_id": "no-such-entity",
        "text": "Nowhere",
        "label": "GPE",
        "start_char": 0,
        "end_char": 0,
        "sentence_index": 0,
        "country_code": None,
        "batch_id": batch_id,
    }


def test_an_event_location_resolves_like_actors(seeded_warehouse: Path, tmp_path: Path):
    """A place the model tagged as a bare-name person (`Wicklow`) resolves to the unique full
    name, for events.location_entity_id too: no dangling id, and the name is the entity's."""
    data = copy_warehouse(seeded_warehouse, tmp_path / "wh")
    full_id = query(data, "select entity_id from entities where name = 'Valery Gerasimov'")[1][0][0]
    doc_id, batch_id = query(data, "select doc_id, batch_id from documents limit 1")[1][0]
    bare = {"entity_id": "ent-bare-gerasimov", "doc_id": doc_id, "name": "Gerasimov"}
    write_rows(
        data,
        "entity_occurrences",
        "injected",
        [bare | {"type": "person", "aliases": ["Gerasimov"], "mention_count": 1}],
        {"batch_id": batch_id},
    )
    event = {
        "event_id": "evt-injected", "doc_id": doc_id, "sentence_index": 0, "start_char": 0,
        "end_char": 1, "predicate": "x", "event_code": "010", "event_root_code": "01",
        "event_label": "x", "quad_class": 1, "goldstein": 0.0, "negated": False,
        "hypothetical": False, "in_quote": False, "location_entity_id": "ent-bare-gerasimov",
    }  # fmt: skip
    write_rows(data, "events", "injected", [event], {"batch_id": batch_id})
    rows = query(
        data,
        "select location_entity_id, location_name from events where event_id = 'evt-injected'",
    )[1]
    assert rows == [(full_id, "Valery Gerasimov")]
    names = {r.name for r in failed(run_checks(data))}
    assert "references events.location_entity_id -> entities.entity_id" not in names
