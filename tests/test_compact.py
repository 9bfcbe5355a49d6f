"""`newsdesk compact`: fewer files, identical views, safe against crashes and concurrent runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from filelock import FileLock
from typer.testing import CliRunner

from flows.cli import app
from tests.conftest import SEEDS
from tests.test_checks import copy_warehouse
from warehouse.checks import failed, run_checks
from warehouse.compaction import _compact, compact_warehouse
from warehouse.parquet_io import write_atomic
from warehouse.query import query
from warehouse.schemas import BATCH_TABLES
from warehouse.writer_lock import LOCK_NAME, WarehouseBusy

pytestmark = pytest.mark.slow

VIEWS = ("documents", "mentions", "entity_occurrences", "entities", "quotes", "events")


@pytest.fixture(scope="module")
def batched(prefect_harness, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, one document per batch: five small files per table."""
    from flows.etl import etl

    data = tmp_path_factory.mktemp("batched")
    assert etl(sources=[str(SEEDS)], data_dir=str(data), batch_size=1).documents_new == 5
    return data


def snapshot(data: Path) -> dict[str, list[tuple]]:
    return {v: sorted(map(repr, query(data, f"select * from {v}")[1])) for v in VIEWS}


def data_files(data: Path, table: str) -> list[Path]:
    return [p for p in (data / "tables" / table).glob("*.parquet") if p.name != "0-schema.parquet"]


def test_compact_merges_files_and_keeps_every_view(batched: Path, tmp_path: Path):
    data = copy_warehouse(batched, tmp_path / "wh")
    before = snapshot(data)
    assert len(data_files(data, "mentions")) == 5
    result = CliRunner().invoke(app, ["compact", "--data-dir", str(data), "--grace-seconds", "0"])
    assert result.exit_code == 0, result.output
    assert snapshot(data) == before
    for table in BATCH_TABLES:
        assert len(data_files(data, table)) == 1, table
    assert not failed(run_checks(data))
    # running it again is harmless
    compact_warehouse(data, grace_seconds=0)
    assert snapshot(data) == before


def test_a_crash_at_any_step_of_compaction_shows_each_row_once(batched: Path, tmp_path: Path):
    data = copy_warehouse(batched, tmp_path / "wh")
    before = snapshot(data)
    # killed after writing merged files, before the commit: an orphan c-file is invisible
    orphan = data / "tables" / "mentions" / "c-orphan.parquet"
    import pyarrow.parquet as pq

    write_atomic(pq.read_table(data_files(data, "mentions")[0]), orphan)
    assert snapshot(data) == before
    # killed after the commit, before deleting the superseded files (grace keeps them here)
    report = compact_warehouse(data, grace_seconds=3600)
    assert orphan.exists()  # younger than the grace period: left for a later compaction
    assert snapshot(data) == before
    assert report["mentions"] == (5, 0)
    assert len(data_files(data, "mentions")) == 5 + 1 + 1  # superseded, merged, orphan
    # a later compaction deletes what is hidden, still without changing the views
    _compact(data, grace_seconds=0)
    assert not orphan.exists()
    assert len(data_files(data, "mentions")) == 1
    assert snapshot(data) == before


def test_compact_exits_while_a_run_holds_the_lock(batched: Path, tmp_path: Path):
    data = copy_warehouse(batched, tmp_path / "wh")
    with FileLock(str(data / LOCK_NAME)):
        with pytest.raises(WarehouseBusy):
            compact_warehouse(data)
        result = CliRunner().invoke(app, ["compact", "--data-dir", str(data)])
        assert result.exit_code == 3
