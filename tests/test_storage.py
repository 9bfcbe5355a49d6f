"""``--data-dir`` as an fsspec URL: ``file://`` with a separate state dir, and a real S3 API (moto's
S3 server, through s3fs) end to end: the NLP worker processes write the Parquet files to the
bucket, the views read them through the registered filesystem, a rerun writes nothing new."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.conftest import SEEDS
from warehouse.query import query
from warehouse.storage import STATE_DIR_ENV, open_data_dir

VIEWS = ("documents", "mentions", "entities", "quotes", "events")
# columns that name the run or batch, not the content
RUN_COLUMNS = {"run_id", "batch_id", "ingested_at"}


def content(data_dir: object, view: str) -> list[tuple]:
    columns = query(data_dir, f"select * from {view} limit 0")[0]
    keep = ", ".join(c for c in columns if c not in RUN_COLUMNS)
    return query(data_dir, f"select {keep} from {view} order by all")[1]


def cli_count(data_dir: str, state_dir: str, view: str) -> int:
    result = CliRunner().invoke(
        app,
        ["query", f"select count(*) as n from {view}", "--data-dir", data_dir,
         "--state-dir", state_dir, "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return int(json.loads(result.stdout)[0]["n"])


def test_data_dir_forms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    url = open_data_dir(f"file://{tmp_path}")
    assert url.is_local and url.root == str(tmp_path) and url.state == tmp_path
    plain = open_data_dir("data")
    assert plain.is_local and plain.root == str(Path("data").absolute())
    assert open_data_dir(tmp_path, tmp_path / "s").state == tmp_path / "s"
    pytest.importorskip("s3fs")
    monkeypatch.delenv(STATE_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    remote = open_data_dir("s3://bucket/prefix/")
    assert not remote.is_local
    assert (remote.root, remote.url) == ("bucket/prefix", "s3://bucket/prefix")
    assert remote.uri("tables", "runs") == "s3://bucket/prefix/tables/runs"
    # one state dir per URL, under the cache dir
    assert remote.state.parent == tmp_path / "cache" / "newsdesk"
    assert remote.state != open_data_dir("s3://bucket/other").state
    monkeypatch.setenv(STATE_DIR_ENV, str(tmp_path / "state"))
    assert open_data_dir("s3://bucket/prefix").state == tmp_path / "state"


def test_unknown_protocol_is_refused_clearly(tmp_path: Path):
    result = CliRunner().invoke(app, ["status", "--data-dir", "nosuchfs://bucket/prefix"])
    assert result.exit_code == 2
    assert "nosuchfs" in result.output


@pytest.mark.slow
def test_file_url_with_separate_state_dir(prefect_harness, seeded_warehouse: Path, tmp_path: Path):
    data, state = tmp_path / "data", tmp_path / "state"
    args = ["run", str(SEEDS), "--data-dir", f"file://{data}", "--state-dir", str(state),
            "--nlp-workers", "1", "--no-example"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    # the tables in the data dir, the local state beside them elsewhere
    assert sorted(p.name for p in data.iterdir()) == ["tables"]
    assert (state / "warehouse.duckdb").exists() and (state / ".newsdesk.lock").exists()
    assert not list((state / "spool").iterdir())
    assert len(list((data / "tables" / "manifest").glob("*-b*.parquet"))) == 1
    store = open_data_dir(f"file://{data}", state)
    for view in VIEWS:
        assert content(store, view) == content(seeded_warehouse, view), view
    assert cli_count(f"file://{data}", str(state), "documents") == 5
    before = sorted(p.name for p in (data / "tables").rglob("*.parquet") if "runs" not in p.parts)
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0, again.output
    after = sorted(p.name for p in (data / "tables").rglob("*.parquet") if "runs" not in p.parts)
    assert after == before
    assert cli_count(f"file://{data}", str(state), "runs") == 2


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """moto's S3 server on a local port, and the settings s3fs reads: in this process
    (fsspec's config) and in spawned NLP workers (the environment)."""
    moto_server = pytest.importorskip("moto.server")
    pytest.importorskip("s3fs")
    import fsspec.config

    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    env = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "FSSPEC_S3_ENDPOINT_URL": endpoint,
        "NO_PROXY": "127.0.0.1,localhost",
    }
    saved_env = {k: os.environ.get(k) for k in env}
    saved_conf = fsspec.config.conf.get("s3")
    os.environ.update(env)
    fsspec.config.conf["s3"] = {"endpoint_url": endpoint}
    try:
        yield endpoint
    finally:
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        if saved_conf is None:
            fsspec.config.conf.pop("s3", None)
        else:
            fsspec.config.conf["s3"] = saved_conf
        server.stop()


@pytest.mark.slow
def test_s3_data_dir_end_to_end(
    prefect_harness, seeded_warehouse: Path, s3_endpoint: str, tmp_path: Path
):
    import fsspec

    from flows.etl import etl
    from warehouse.checks import failed, run_checks
    from warehouse.compaction import compact_warehouse

    s3 = fsspec.filesystem("s3")
    s3.mkdir("newsdesk-test")
    url, state = "s3://newsdesk-test/warehouse", tmp_path / "state"
    # 3 batches on 2 spawned NLP worker processes, which write the data files to the bucket
    summary = etl(
        sources=[str(SEEDS)], data_dir=url, state_dir=str(state), batch_size=2, nlp_workers=2
    )
    assert (summary.documents_new, summary.documents_failed, summary.errors) == (5, 0, 0)
    assert summary.check_failures == []

    s3.invalidate_cache()
    keys = s3.find("newsdesk-test/warehouse")
    assert keys and all(k.endswith(".parquet") for k in keys), keys  # no temp names, no DB file
    manifests = [k for k in keys if "/manifest/" in k and "-b" in k.rsplit("/", 1)[-1]]
    assert len(manifests) == 3
    assert len([k for k in keys if "/documents/" in k]) == 1 + 3  # schema file + 3 batches
    # the local part: the database file, the lock, an emptied spool; no table file
    assert (state / "warehouse.duckdb").exists()
    assert not list(state.rglob("*.parquet"))

    # the views read the bucket through the registered filesystem: the same rows as a local run
    store = open_data_dir(url, state)
    for view in VIEWS:
        assert content(store, view) == content(seeded_warehouse, view), view
    assert not failed(run_checks(store))
    assert cli_count(url, str(state), "documents") == 5
    # another host reads the bucket: its fresh state dir gets the views, no data
    reader = tmp_path / "reader"
    assert cli_count(url, str(reader), "documents") == 5
    assert sorted(p.name for p in reader.iterdir()) == ["warehouse.duckdb"]
    check = CliRunner().invoke(app, ["check", "--data-dir", url, "--state-dir", str(state)])
    assert check.exit_code == 0, check.output
    status = CliRunner().invoke(app, ["status", "--data-dir", url, "--state-dir", str(state)])
    assert status.exit_code == 0 and "s3://newsdesk-test/warehouse" in status.output

    # a rerun is a no-op: nothing but its runs row is written
    again = etl(sources=[str(SEEDS)], data_dir=url, state_dir=str(state), nlp_workers=2)
    assert (again.documents_new, again.documents_unchanged) == (0, 5)
    s3.invalidate_cache()
    new_keys = set(s3.find("newsdesk-test/warehouse")) - set(keys)
    assert len(new_keys) == 1 and "/runs/" in new_keys.pop()
    assert cli_count(url, str(state), "runs") == 2

    # compaction on the object store: one file per table, the same views
    before = {v: content(store, v) for v in VIEWS}
    compact_warehouse(store, grace_seconds=0)
    s3.invalidate_cache()
    documents = [k for k in s3.find("newsdesk-test/warehouse/tables/documents")]
    assert len(documents) == 2, documents  # the schema file and the merged file
    assert {v: content(store, v) for v in VIEWS} == before


@pytest.mark.slow
def test_s3_data_dir_on_a_dask_cluster(prefect_harness, s3_endpoint: str, tmp_path: Path):
    """Dask workers (other processes) write the data files and commit each batch on the bucket."""
    import fsspec

    from flows.etl import etl
    from flows.runners import dask_task_runner

    s3 = fsspec.filesystem("s3")
    s3.mkdir("newsdesk-dask")
    url, state = "s3://newsdesk-dask/warehouse", tmp_path / "state"
    summary = etl.with_options(task_runner=dask_task_runner(workers=2))(
        sources=[str(SEEDS)], data_dir=url, state_dir=str(state), batch_size=2
    )
    assert (summary.documents_new, summary.errors, summary.check_failures) == (5, 0, [])
    s3.invalidate_cache()
    manifests = s3.glob("newsdesk-dask/warehouse/tables/manifest/*-b*.parquet")
    assert len(manifests) == 3
    assert query(open_data_dir(url, state), "select count(*) from documents")[1][0][0] == 5
