"""The NLP pool: a run with 2 worker processes stores exactly what an in-process run stores, and
commits its batches in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEEDS
from warehouse.query import query

pytestmark = pytest.mark.slow

# columns that name the run or batch, or a time: they differ between any two runs
VOLATILE = {"batch_id", "run_id", "ingested_at"}
VIEWS = ("documents", "mentions", "entities", "quotes", "events")


def _contents(data_dir: Path) -> dict[str, list[tuple]]:
    out = {}
    for view in VIEWS:
        columns = query(data_dir, f"select * from {view} limit 0")[0]
        kept = ", ".join(f'"{c}"' for c in columns if c not in VOLATILE)
        out[view] = sorted(query(data_dir, f"select {kept} from {view}")[1], key=repr)
    return out


def _run(data_dir: Path, workers: int):
    from flows.etl import etl

    return etl(sources=[str(SEEDS)], data_dir=str(data_dir), batch_size=2, nlp_workers=workers)


def test_two_workers_store_what_one_process_stores(prefect_harness: None, tmp_path: Path):
    one, two = tmp_path / "one", tmp_path / "two"
    s1, s2 = _run(one, 1), _run(two, 2)
    assert s1.documents_new == s2.documents_new == 5
    assert s1.rows == s2.rows
    assert not s1.check_failures and not s2.check_failures
    assert _contents(one) == _contents(two)
    # three batches of at most 2 documents, committed in batch order, spool files removed
    batches = query(
        two, "select batch_id from manifest_current group by batch_id order by min(committed_at)"
    )[1]
    assert [b for (b,) in batches] == sorted(b for (b,) in batches) and len(batches) == 3
    assert not list((two / "spool").iterdir())
    from flows.nlp_pool import current_pool

    assert current_pool() is None  # the flow stopped its workers


def test_workers_run_one_blas_thread_each(monkeypatch: pytest.MonkeyPatch):
    import os

    from flows.nlp_pool import NlpPool

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("MKL_NUM_THREADS", "3")  # a value the user set is kept
    pool = NlpPool(2)
    try:
        seen = pool.executor.submit(os.getenv, "OPENBLAS_NUM_THREADS").result()
        kept = pool.executor.submit(os.getenv, "MKL_NUM_THREADS").result()
    finally:
        pool.shutdown()
    assert (seen, kept) == ("1", "3")


def _key(data_dir: Path):
    from flows.batch import DEFAULT_NLP_BATCH_SIZE
    from flows.head_start import run_key
    from flows.sources import DEFAULT_MAX_FILE_BYTES

    return run_key(
        [str(SEEDS)], str(data_dir), None, 2, DEFAULT_NLP_BATCH_SIZE, False, DEFAULT_MAX_FILE_BYTES
    )


def _lock_is_free(data_dir: Path) -> bool:
    from warehouse.storage import open_data_dir
    from warehouse.writer_lock import WarehouseBusy, acquire_writer_lock

    try:
        acquire_writer_lock(open_data_dir(str(data_dir)), 0, "").release()
    except WarehouseBusy:
        return False
    return True


def test_the_flow_adopts_a_head_start(prefect_harness: None, tmp_path: Path):
    from flows.head_start import start_run_early, take_head_start
    from flows.nlp_pool import current_pool, start_pool

    data_dir = tmp_path / "data"
    start_pool(2)
    head = start_run_early(_key(data_dir), lock_timeout=0)
    # locked and planned before the flow runs; the first workers + 1 batches already submitted
    assert not _lock_is_free(data_dir)
    assert len(head.plan.batches) == 3
    pool = current_pool()
    assert pool is not None and all(pool.is_pending(b) for b in head.plan.batches)
    summary = _run(data_dir, 2)
    assert summary.run_id == head.run.run_id
    assert summary.documents_new == 5 and not summary.check_failures
    assert query(data_dir, "select count(distinct run_id) from documents")[1] == [(1,)]
    assert _lock_is_free(data_dir) and take_head_start(_key(data_dir)) is None
    assert current_pool() is None


def test_an_unclaimed_head_start_frees_its_lock_and_stores_nothing(tmp_path: Path):
    from flows.head_start import release_head_start, start_run_early
    from flows.nlp_pool import start_pool, stop_pool

    data_dir = tmp_path / "data"
    start_pool(2)
    start_run_early(_key(data_dir), lock_timeout=0)
    stop_pool()  # as the CLI does when the server fails to start: the workers first
    release_head_start()
    assert _lock_is_free(data_dir)
    # batch data files without a manifest entry are invisible
    from warehouse.storage import open_data_dir
    from warehouse.views import refresh_views

    refresh_views(open_data_dir(str(data_dir)))
    assert query(data_dir, "select count(*) from documents")[1] == [(0,)]
