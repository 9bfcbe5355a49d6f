"""Remote data dir cost: the same `etl` run into a local directory and into S3 (moto's S3 server on
localhost, through s3fs), then a no-op rerun, the data checks, the ten queries of bench/queries.sql
and `compact` + the queries again.

Usage: .venv/bin/python bench/remote_storage.py [--n 300] [--nlp-workers 2]
       [--corpus ../shared/corpus/news.jsonl.gz]

The S3 server is local (no network latency, no bandwidth limit): the difference to the local run is
the cost of going through fsspec/s3fs and DuckDB's registered Python filesystem, not of a real
bucket. Needs the dev dependencies (moto[server], s3fs). Reads ../shared, so it lives in bench/.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_CORPUS, first_articles, query_latencies  # noqa: E402


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def start_s3() -> Any:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    os.environ.update(
        AWS_ACCESS_KEY_ID="bench",
        AWS_SECRET_ACCESS_KEY="bench",
        AWS_DEFAULT_REGION="us-east-1",
        FSSPEC_S3_ENDPOINT_URL=endpoint,  # read by the spawned NLP workers' fsspec
    )
    import fsspec.config

    fsspec.config.conf["s3"] = {"endpoint_url": endpoint}  # this process imported fsspec already
    return server


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--nlp-workers", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="newsdesk-remote-"))
    os.environ.setdefault("PREFECT_HOME", str(work / "prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    source = work / "articles.jsonl"
    source.write_text(
        "\n".join(json.dumps(a) for a in first_articles(args.corpus, args.n)) + "\n",
        encoding="utf-8",
    )
    server = start_s3()
    import fsspec
    from prefect.testing.utilities import prefect_test_harness

    from flows.etl import etl
    from warehouse.checks import run_checks
    from warehouse.compaction import compact_warehouse
    from warehouse.storage import open_data_dir

    fsspec.filesystem("s3").mkdir("bench")
    targets = {
        "local": open_data_dir(work / "local"),
        "s3": open_data_dir("s3://bench/warehouse", work / "s3-state"),
    }
    figures: dict[str, dict[str, float]] = {name: {} for name in targets}
    with prefect_test_harness(server_startup_timeout=120):
        for name, store in targets.items():

            def run(store: Any = store) -> Any:
                return etl(
                    sources=[str(source)],
                    data_dir=store.url,
                    state_dir=str(store.state),
                    nlp_workers=args.nlp_workers,
                )

            seconds, summary = timed(run)
            assert summary.documents_new == args.n and not summary.check_failures, summary
            figures[name]["run_s"] = seconds
            figures[name]["docs_per_s"] = args.n / seconds
            figures[name]["noop_rerun_s"] = timed(run)[0]
            figures[name]["checks_s"] = timed(lambda store=store: run_checks(store))[0]
            latencies = query_latencies(store)
            figures[name]["query_median_ms"] = statistics.median(t for _, t, _ in latencies) * 1e3
            figures[name]["compact_s"] = timed(
                lambda store=store: compact_warehouse(store, grace_seconds=0)
            )[0]
            latencies = query_latencies(store)
            figures[name]["query_median_after_compact_ms"] = (
                statistics.median(t for _, t, _ in latencies) * 1e3
            )
    server.stop()
    print(f"N = {args.n}, {args.nlp_workers} NLP workers")
    for name, values in figures.items():
        print(name, json.dumps({k: round(v, 2) for k, v in values.items()}))


if __name__ == "__main__":
    main()
