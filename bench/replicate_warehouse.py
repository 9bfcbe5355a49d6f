"""A large warehouse without hours of NLP: copy a real one and replicate its committed batches
k times under new document, batch and row ids (same texts and entities), to measure the view
rebuild, the data checks and query latency at scale (e.g. 2,000 docs x 12 ~ 25,000).

    python bench/replicate_warehouse.py SRC_DATA_DIR DST_DATA_DIR --times 12

Entities are shared by every copy, so entity counts stay those of SRC while mentions, quotes and
events grow k-fold: a fair load for the per-row work, a light one for entity resolution.
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

import duckdb

# table -> columns that identify a document, batch or row and must differ per copy
RENAMED: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "source_id", "batch_id"),
    "mentions": ("mention_id", "doc_id", "batch_id"),
    "entity_occurrences": ("doc_id", "batch_id"),
    "quotes": ("quote_id", "doc_id", "batch_id"),
    "events": ("event_id", "doc_id", "batch_id", "quote_id"),
    "manifest": ("source_id", "doc_id", "batch_id", "data_batch_id"),
}


def replicate(src: Path, dst: Path, times: int) -> int:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(
        src, dst, ignore=shutil.ignore_patterns("prefect", ".newsdesk.lock", "*.duckdb*")
    )
    con = duckdb.connect()
    written = 0
    for table, columns in RENAMED.items():
        directory = dst / "tables" / table
        originals = [p for p in sorted(directory.glob("*.parquet")) if p.name != "0-schema.parquet"]
        for k in range(1, times):
            replace = ", ".join(f"{c} || '~{k}' as {c}" for c in columns)
            for path in originals:
                out = directory / f"{path.stem}~{k}.parquet"
                con.execute(
                    f"copy (select * replace ({replace}) from read_parquet('{path}')) "
                    f"to '{out}' (format parquet, compression zstd)"
                )
                written += 1
    con.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("src", type=Path)
    parser.add_argument("dst", type=Path)
    parser.add_argument("--times", type=int, default=12)
    args = parser.parse_args()
    start = time.perf_counter()
    files = replicate(args.src, args.dst, args.times)
    print(f"{files} files written to {args.dst} in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
