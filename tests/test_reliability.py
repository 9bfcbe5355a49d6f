"""Issue 6: incremental, versioned, one-writer runs; bad input is recorded and never sinks a run."""

from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path

import pytest
from filelock import FileLock

from tests.conftest import SEEDS
from warehouse.checks import failed, run_checks
from warehouse.query import query

pytestmark = pytest.mark.slow

DATA_TABLES = ("documents", "mentions", "entity_occurrences", "quotes", "events", "manifest")


def _files(root: Path, tables=(*DATA_TABLES, "ingest_errors")) -> set[str]:
    return {p.relative_to(root).as_posix() for t in tables for p in (root / "tables" / t).glob("*")}


def _messy_inputs(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    (src / "empty.txt").write_bytes(b"")
    (src / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01\x02")
    (src / "cafe.txt").write_bytes("Café owners in Paris said prices rose.".encode("cp1252"))
    lines = [
        json.dumps({"id": "j1", "text": "Officials in Berlin said the talks would resume."}),
        '{"id": "j2", "text": ',
        json.dumps({"id": "j3", "title": "no text"}),
        json.dumps({"id": "j1", "text": "A second record reusing id j1."}),
    ]
    (src / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(src / "feed2.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": "Rain fell in Madrid on Monday."}) + "\n")
    (src / "big.txt").write_text("word " * 400_000, encoding="utf-8")  # ~2 MB
    (src / "page.html").write_text(
        "<html><title>Port reopens</title><p>The port of Hamburg reopened on Friday.</p></html>",
        encoding="utf-8",
    )
    (src / "nav.html").write_text("<html><nav>Menu only</nav></html>", encoding="utf-8")
    os.symlink(src / "missing-target.txt", src / "broken.txt")
    (src / "sub").mkdir()
    os.symlink(src, src / "sub" / "loop")
    return src


def test_bad_inputs_are_recorded_and_rerun_writes_nothing_new(prefect_harness, tmp_path: Path):
    from flows.etl import etl

    src = _messy_inputs(tmp_path)
    data = tmp_path / "wh"
    first = etl(sources=[str(src)], data_dir=str(data), max_file_bytes=1024 * 1024)
    kinds = {k for (k,) in query(data, "select distinct kind from ingest_errors")[1]}
    assert {
        "empty",
        "binary",
        "encoding",
        "malformed_json",
        "missing_text",
        "duplicate_id",
        "too_large",
        "html_no_text",
        "unreadable",
        "symlink_loop",
    } <= kinds
    assert first.errors > 0 and not first.check_failures
    # the good parts still load: seeds, the cp1252 file, the good JSONL lines, the HTML page
    sources = {s for (s,) in query(data, "select source_id from documents")[1]}
    assert {"cafe.txt", "j1", "g1", "page.html"} <= sources
    assert query(data, "select text from documents where source_id = 'j1'")[1] == [
        ("Officials in Berlin said the talks would resume.",)
    ]
    assert query(data, "select count(*) from ingest_errors where run_id is null")[1] == [(0,)]
    before = _files(data)
    n_errors = query(data, "select count(*) from ingest_errors")[1]

    second = etl(sources=[str(src)], data_dir=str(data), max_file_bytes=1024 * 1024)
    assert second.documents_new == 0
    assert second.documents_unchanged == first.documents_new + first.documents_unchanged
    assert second.errors == first.errors  # the run still reports the bad inputs...
    assert _files(data) == before  # ...but writes nothing new to data tables or ingest_errors
    assert query(data, "select count(*) from ingest_errors")[1] == n_errors
    assert query(data, "select count(*) from runs")[1] == [(2,)]  # the run log grows


def test_changed_source_replaces_its_old_version_everywhere(prefect_harness, tmp_path: Path):
    from flows.etl import etl

    src = tmp_path / "in"
    src.mkdir()
    story = src / "story.txt"
    story.write_text("Angela Merkel met Emmanuel Macron in Paris on Monday.", encoding="utf-8")
    (src / "other.txt").write_text("Boris Johnson visited Kyiv.", encoding="utf-8")
    data = tmp_path / "wh"
    etl(sources=[str(src)], data_dir=str(data))
    (old_id,) = query(data, "select doc_id from documents where source_id = 'story.txt'")[1][0]
    story.write_text("Olaf Scholz met Emmanuel Macron in Berlin on Tuesday.", encoding="utf-8")
    summary = etl(sources=[str(src)], data_dir=str(data))
    assert (summary.documents_new, summary.documents_unchanged) == (1, 1)
    rows = query(data, "select doc_id, text from documents where source_id = 'story.txt'")[1]
    assert len(rows) == 1 and rows[0][0] != old_id and "Scholz" in rows[0][1]
    for view in ("documents", "mentions", "quotes", "events", "entity_occurrences"):
        assert query(data, f"select count(*) from {view} where doc_id = ?", [old_id])[1] == [
            (0,)
        ], view
    names = {n for (n,) in query(data, "select name from entities")[1]}
    assert "Olaf Scholz" in names and "Angela Merkel" not in names
    assert not failed(run_checks(data))


def test_reprocess_rebuilds_documents_of_an_older_version(
    prefect_harness, tmp_path: Path, monkeypatch
):
    import flows.head_start
    from flows.etl import etl
    from flows.version import pipeline_version

    data = tmp_path / "wh"
    # a run takes its version when it opens (flows.head_start.open_run)
    monkeypatch.setattr(flows.head_start, "pipeline_version", lambda: "newsdesk-old")
    etl(sources=[str(SEEDS)], data_dir=str(data))
    assert query(data, "select distinct pipeline_version from documents")[1] == [("newsdesk-old",)]
    monkeypatch.setattr(flows.head_start, "pipeline_version", pipeline_version)
    plain = etl(sources=[str(SEEDS)], data_dir=str(data))
    assert plain.documents_new == 0  # without --reprocess old versions are left alone
    rebuilt = etl(sources=[str(SEEDS)], data_dir=str(data), reprocess=True)
    assert rebuilt.documents_new == 5
    rows = query(data, "select distinct pipeline_version, run_id from documents")[1]
    assert rows == [(pipeline_version(), rebuilt.run_id)]
    assert query(data, "select count(*) from documents")[1] == [(5,)]
    assert not failed(run_checks(data))


def test_pipeline_version_changes_with_the_code_that_makes_rows(tmp_path: Path):
    import transforms.events
    from flows.version import ROW_MAKERS, pipeline_version, source_fingerprint

    module = tmp_path / "events.py"
    module.write_text("CODE = 1\n")
    before = source_fingerprint([module])
    module.write_text("CODE = 2\n")
    assert source_fingerprint([module]) != before
    assert Path(transforms.events.__file__) in ROW_MAKERS
    assert pipeline_version().endswith(f"+code-{source_fingerprint(ROW_MAKERS)}")


def test_second_writer_exits_and_readers_keep_reading(seeded_warehouse: Path):
    from flows.etl import etl
    from warehouse.writer_lock import LOCK_NAME, WarehouseBusy

    lock = FileLock(str(seeded_warehouse / LOCK_NAME))
    with lock:
        with pytest.raises(WarehouseBusy, match="another newsdesk run"):
            etl(sources=[str(SEEDS)], data_dir=str(seeded_warehouse), lock_timeout=0)
        assert query(seeded_warehouse, "select count(*) from documents")[1] == [(5,)]


def test_cli_exit_codes_say_what_failed(prefect_harness, tmp_path: Path):
    from typer.testing import CliRunner

    from flows.cli import app
    from warehouse.writer_lock import LOCK_NAME

    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text("Officials in Rome said the bridge reopened.", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    data = tmp_path / "wh"
    args = ["run", str(src), "--data-dir", str(data), "--no-example"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "empty" in result.output and "all passed" in result.output
    with FileLock(str(data / LOCK_NAME)):
        result = CliRunner().invoke(app, args)
    assert result.exit_code == 3
    assert "another newsdesk run is writing" in result.output
