"""`newsdesk check`: declarative data tests pass on a good warehouse and catch violations."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from flows.cli import app
from warehouse.checks import all_checks, failed, run_checks
from warehouse.parquet_io import write_rows
from warehouse.query import query
from warehouse.views import refresh_views

pytestmark = pytest.mark.slow


def copy_warehouse(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("prefect", ".newsdesk.lock"))
    refresh_views(dst)  # the views hold absolute paths
    return dst


def test_checks_pass_on_the_seeded_warehouse(seeded_warehouse: Path):
    results = run_checks(seeded_warehouse)
    assert len(results) == len(all_checks()) >= 30
    assert not failed(results), failed(results)
    result = CliRunner().invoke(app, ["check", "--data-dir", str(seeded_warehouse)])
    assert result.exit_code == 0, result.output
    assert "checks passed" in result.output


def test_check_exits_1_on_bad_offsets_and_dangling_ids(seeded_warehouse: Path, tmp_path: Path):
    data = copy_warehouse(seeded_warehouse, tmp_path / "wh")
    doc_id, batch_id = query(data, "select doc_id, batch_id from documents limit 1")[1][0]
    # a committed batch gains a mention whose span is wrong and whose entity does not exist
    write_rows(
        data,
        "mentions",
        "injected",
        [
            {
                "mention_id": "bad-mention",
                "doc_id": doc_id,
                "entity_id": "no-such-entity",
                "text": "Nowhere",
                "label": "GPE",
                "start_char": 0,
                "end_char": 7,
                "sentence_index": 0,
                "country_code": None,
                "batch_id": batch_id,
            }
        ],
    )
    # ... and an event whose confidence is no probability
    event = query(data, "select * exclude (actor_name, target_name, location_name) from events")
    columns, row = event[0], event[1][0]
    write_rows(
        data,
        "events",
        "injected",
        [{**dict(zip(columns, row, strict=True)), "event_id": "bad-event", "confidence": 1.5}],
    )
    names = {r.name for r in failed(run_checks(data))}
    assert "references mentions.entity_id -> entities.entity_id" in names
    assert "span mentions.start_char..end_char = text" in names
    assert "range events.confidence in [0, 1]" in names
    assert "range events.goldstein in [-10, 10]" not in names
    result = CliRunner().invoke(app, ["check", "--data-dir", str(data)])
    assert result.exit_code == 1
    assert "FAIL" in result.output


def test_a_warehouse_built_before_a_column_existed_is_checked_without_it(
    seeded_warehouse: Path, tmp_path: Path
):
    data = copy_warehouse(seeded_warehouse, tmp_path / "wh")
    # what an older version wrote: events files without the confidence column and the
    # phrases' offsets (a data file is replaced under a new name, as writers do)
    offsets = [
        f"{role}_{end}_char" for role in ("actor", "target", "date") for end in ("start", "end")
    ]
    for path in (data / "tables" / "events").glob("*.parquet"):
        table = pq.read_table(path).drop(["confidence", *offsets])
        target = path if path.name == "0-schema.parquet" else path.with_name("old-" + path.name)
        pq.write_table(table, tmp_path / "rewrite")
        os.replace(tmp_path / "rewrite", target)
        if target != path:
            path.unlink()
    refresh_views(data)
    results = run_checks(data)
    names = {r.name for r in results}
    assert "range events.confidence in [0, 1]" not in names
    assert "span events.actor_start_char..actor_end_char = actor_text" not in names
    assert "range events.goldstein in [-10, 10]" in names
    assert "span events.start_char..end_char" in names
    assert not failed(results), failed(results)


def test_checks_pass_on_wire_copy_with_hard_wraps(prefect_harness: None, tmp_path: Path):
    # the parser reads hard wraps as spaces; the stored spans keep the article's own text
    from flows.etl import etl

    source = tmp_path / "in"
    source.mkdir()
    (source / "wire.txt").write_text(
        "BRASILIA, March 3 - The Brazilian Finance\nMinistry said on Monday that the\n"
        'plan was "a good plan that\nwill work," Finance Minister Dilson\nFunaro told '
        "reporters.\n",
        encoding="utf-8",
    )
    data = tmp_path / "wh"
    summary = etl(sources=[str(source)], data_dir=str(data))
    assert summary.documents_new == 1 and summary.errors == 0, summary
    assert not failed(run_checks(data)), failed(run_checks(data))
    mentions = {text for (text,) in query(data, "select text from mentions")[1]}
    assert "Dilson\nFunaro" in mentions
    (quote,) = query(data, "select text from quotes")[1]
    assert "a good plan that\nwill work," in quote[0]
