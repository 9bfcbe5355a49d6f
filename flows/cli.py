"""``newsdesk`` command line: run the ETL, query the warehouse, show its status."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from flows.settings import DATA_DIR_ENV, configure_prefect, default_data_dir

if TYPE_CHECKING:
    from warehouse.storage import DataDir

app = typer.Typer(
    help="newsdesk: news articles -> entities, quotes and events in DuckDB.", no_args_is_help=True
)
console = Console()
err_console = Console(stderr=True)

DataDirOption = Annotated[
    str | None,
    typer.Option(
        "--data-dir",
        "-d",
        help=f"Warehouse directory or fsspec URL (file://, s3://...) [default: ./data or ${DATA_DIR_ENV}]",
    ),
]
StateDirOption = Annotated[
    str | None,
    typer.Option(
        "--state-dir",
        help="Local dir for the lock, spool and warehouse.duckdb [default: the data dir if local, "
        "else $NEWSDESK_STATE_DIR or a cache dir per URL]",
    ),
]
EXAMPLE_QUERY = """select speaker_name, count(*) as quotes, any_value(text) as example
from quotes where speaker_name is not null
group by speaker_name order by quotes desc, speaker_name limit 5"""
DEFAULT_SOURCE = Path("seeds")


def _data_dir(value: str | None, state_dir: str | None) -> DataDir:
    from warehouse.storage import open_data_dir

    try:
        return open_data_dir(value if value is not None else default_data_dir(), state_dir)
    except (ImportError, ValueError) as exc:
        # an unknown protocol, or one whose fsspec package (s3fs, gcsfs...) is not installed
        err_console.print(f"[red]data dir {value!r}: {exc}[/red]")
        raise typer.Exit(2) from exc


def _reader(value: str | None, state_dir: str | None) -> DataDir:
    """The data dir for a read command. A remote warehouse can be read from any host: its local
    ``warehouse.duckdb`` (views only, no data) is created or brought up to date here."""
    root = _data_dir(value, state_dir)
    if root.is_local:
        return root
    try:
        if root.exists(root.path("tables")):
            from warehouse.views import refresh_views

            refresh_views(root)
    except OSError as exc:  # unreachable endpoint, missing bucket, refused credentials
        err_console.print(f"[red]data dir {root.url}: {exc}[/red]")
        raise typer.Exit(2) from exc
    return root


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _print_rows(
    columns: list[str], rows: list[tuple[Any, ...]], fmt: str, title: str | None = None
) -> None:
    if fmt == "json":
        sys.stdout.write(
            json.dumps(
                [{c: _jsonable(v) for c, v in zip(columns, row, strict=True)} for row in rows],
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows([[_jsonable(v) for v in row] for row in rows])
        sys.stdout.write(buffer.getvalue())
    else:
        table = Table(*columns, title=title, show_lines=False)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        console.print(table)


@app.command()
def run(
    sources: Annotated[
        list[Path] | None, typer.Argument(help="Files or directories of articles [default: seeds/]")
    ] = None,
    data_dir: DataDirOption = None,
    state_dir: StateDirOption = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per Prefect task")] = 64,
    nlp_batch_size: Annotated[int, typer.Option(min=1, help="spaCy nlp.pipe batch size")] = 32,
    nlp_workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Processes running the model (1: in the main process) [default: CPUs, at most 4]",
        ),
    ] = None,
    reprocess: Annotated[
        bool, typer.Option(help="Rebuild documents processed by an older pipeline version")
    ] = False,
    max_file_mb: Annotated[
        float, typer.Option(min=0.001, help="Files larger than this are rejected")
    ] = 256.0,
    wait: Annotated[
        bool, typer.Option(help="Wait for a concurrent run instead of exiting")
    ] = False,
    example: Annotated[bool, typer.Option(help="Print an example query after the summary")] = True,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's logs")] = False,
    dask_address: Annotated[
        str | None,
        typer.Option(help="Run the NLP batches on this Dask scheduler (tcp://HOST:PORT)"),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Run the NLP batches on a local Dask cluster")
    ] = None,
) -> None:
    """Ingest articles into the warehouse (incremental: unchanged documents are skipped)."""
    root = _data_dir(data_dir, state_dir)
    if dask_address and workers:
        err_console.print("[red]give --dask-address or --workers, not both[/red]")
        raise typer.Exit(2)
    configure_prefect(root, None if verbose else "WARNING")
    from flows.local_server import start_temporary_server

    # before importing the flow: the server comes up while this process imports and the NLP
    # workers load the model (flows/local_server.py); it stops at exit, after Prefect has
    # flushed its logs and events to it
    server = start_temporary_server()
    from flows.nlp_pool import DEFAULT_NLP_WORKERS, start_pool

    # the Dask workers run the model: no local NLP pool beside them; else the pool starts before
    # the heavy imports of the flow, so the workers load the model meanwhile
    pool_workers = 1 if dask_address or workers else nlp_workers or DEFAULT_NLP_WORKERS
    start_pool(pool_workers)
    parameters = {
        "sources": [str(s) for s in (sources or [DEFAULT_SOURCE])],
        "data_dir": root.url,
        "state_dir": str(root.state),
        "batch_size": batch_size,
        "nlp_batch_size": nlp_batch_size,
        "reprocess": reprocess,
        "max_file_bytes": int(max_file_mb * 1024 * 1024),
        "lock_timeout": -1 if wait else 0,
        "nlp_workers": pool_workers,
    }
    summary = _run_flow(parameters, server, _etl_flow(dask_address, workers, verbose))
    _print_summary(summary, root)
    if example:
        _print_example(root)
    if summary.errors or summary.documents_failed or summary.check_failures:
        raise typer.Exit(1)


def _etl_flow(dask_address: str | None, workers: int | None, verbose: bool) -> Any:
    """The ETL flow, on a Dask task runner when one is asked for."""
    from flows.etl import etl
    from flows.runners import dask_task_runner

    runner = dask_task_runner(dask_address, workers)
    if runner is None:
        return etl
    if not verbose:
        import logging

        logging.getLogger("distributed").setLevel(logging.WARNING)
    return etl.with_options(task_runner=runner)


# the flow parameters that decide a run's work (flows/head_start.run_key)
_RUN_KEY_PARAMETERS = (
    "sources",
    "data_dir",
    "state_dir",
    "batch_size",
    "nlp_batch_size",
    "reprocess",
    "max_file_bytes",
)


def _run_flow(parameters: dict[str, Any], server: Any, flow: Any) -> Any:
    """Runs ``flow`` with ``parameters`` (the ``etl`` flow's) behind a progress bar on a
    terminal; while a temporary server comes up, the run's first steps start early. Exits 3
    when another run holds the warehouse."""
    from flows import progress
    from flows.head_start import release_head_start, run_key, start_run_early
    from flows.nlp_pool import current_pool, stop_pool
    from warehouse.writer_lock import WarehouseBusy

    bar = _progress_bar() if sys.stderr.isatty() else None
    try:
        if bar is not None:
            bar[0].start()
            progress.subscribe(bar[1])
        if server is not None and current_pool() is not None:
            # the run's first steps and batches while the server comes up (flows/head_start.py)
            key = run_key(**{name: parameters[name] for name in _RUN_KEY_PARAMETERS})
            start_run_early(key, parameters["lock_timeout"])
        if server is not None:
            server.wait_ready()
        return flow(**parameters)
    except WarehouseBusy as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(3) from exc
    finally:
        stop_pool()  # waits for the workers before an unclaimed head start's lock is freed
        release_head_start()
        if bar is not None:
            progress.unsubscribe(bar[1])
            bar[0].stop()


def _print_example(root: DataDir) -> None:
    from warehouse.query import query

    columns, rows = query(root, EXAMPLE_QUERY)
    console.print(
        f'\n[bold]Example query[/bold] (newsdesk query "..." --data-dir {root.url}):\n{EXAMPLE_QUERY}'
    )
    _print_rows(columns, rows, "table")


def _progress_bar() -> tuple[Any, Any]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    )
    task_id = bar.add_task("documents", total=None)

    def listener(event: str, amount: int) -> None:
        if event == "planned":
            bar.update(task_id, total=amount)
        elif event == "processed":
            bar.advance(task_id, amount)

    return bar, listener


def _print_summary(summary: Any, root: DataDir) -> None:
    from warehouse.query import db_path, query
    from warehouse.views import PUBLIC_VIEWS

    table = Table(title=f"newsdesk run {summary.run_id}", show_header=False)
    table.add_row("documents ingested", str(summary.documents_new))
    table.add_row("documents skipped (unchanged)", str(summary.documents_unchanged))
    table.add_row("documents skipped (duplicate text)", str(summary.documents_duplicate))
    table.add_row("documents failed", str(summary.documents_failed))
    table.add_row("input errors / warnings", f"{summary.errors} / {summary.warnings}")
    for kind, count in sorted(summary.errors_by_kind.items()):
        table.add_row(f"  {kind}", str(count))
    _, counts = query(
        root,
        " union all ".join(f"select '{v}', count(*) from {v}" for v in PUBLIC_VIEWS if v != "runs"),
    )
    for name, count in counts:
        table.add_row(f"rows in {name}", str(count))
    table.add_row("data checks", "all passed" if not summary.check_failures else "FAILED")
    for failure in summary.check_failures:
        table.add_row("  failed", failure)
    table.add_row("elapsed", f"{summary.elapsed_seconds:.1f} s")
    table.add_row("throughput", f"{summary.docs_per_second:.1f} docs/s")
    table.add_row("warehouse", str(db_path(root)))
    if not root.is_local:
        table.add_row("data", root.url)
    console.print(table)


@app.command()
def serve(
    sources: Annotated[
        list[Path] | None, typer.Argument(help="Files or directories of articles [default: seeds/]")
    ] = None,
    data_dir: DataDirOption = None,
    state_dir: StateDirOption = None,
    cron: Annotated[str | None, typer.Option(help="Cron schedule, e.g. '0 * * * *'")] = None,
    interval: Annotated[
        float | None, typer.Option(min=1, help="Run every this many seconds")
    ] = None,
    name: Annotated[str, typer.Option(help="Deployment name")] = "newsdesk-etl",
) -> None:
    """Serve the ETL as a scheduled deployment on the Prefect server in $PREFECT_API_URL (runs
    until interrupted; watch the runs in Prefect's UI)."""
    if (cron is None) == (interval is None):
        err_console.print("[red]give exactly one of --cron EXPR or --interval SECONDS[/red]")
        raise typer.Exit(2)
    root = _data_dir(data_dir, state_dir)
    configure_prefect(root)
    from flows.serve import NoPrefectServer, serve_etl

    try:
        serve_etl(list(sources or [DEFAULT_SOURCE]), root, cron=cron, interval=interval, name=name)
    except NoPrefectServer as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc


@app.command("query")
def query_command(
    sql: Annotated[str, typer.Argument(help="One SQL statement over the views")],
    data_dir: DataDirOption = None,
    state_dir: StateDirOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json")] = "table",
) -> None:
    """Run SQL on a read-only connection to the warehouse."""
    import duckdb

    from warehouse.query import query

    if fmt not in ("table", "csv", "json"):
        err_console.print(f"[red]unknown format {fmt!r}: use table, csv or json[/red]")
        raise typer.Exit(2)
    try:
        columns, rows = query(_reader(data_dir, state_dir), sql)
    except FileNotFoundError as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    except duckdb.Error as exc:
        err_console.print(f"[red]query failed: {exc}[/red]")
        raise typer.Exit(1) from exc
    _print_rows(columns, rows, fmt)


@app.command()
def status(data_dir: DataDirOption = None, state_dir: StateDirOption = None) -> None:
    """Documents, rows per table, last run and size of the warehouse."""
    from warehouse.query import db_path, query
    from warehouse.views import PUBLIC_VIEWS

    root = _reader(data_dir, state_dir)
    try:
        _, counts = query(
            root, " union all ".join(f"select '{v}', count(*) from {v}" for v in PUBLIC_VIEWS)
        )
        _, last = query(
            root,
            "select run_id, finished_at, documents_new, documents_unchanged, documents_failed, errors from runs order by finished_at desc limit 1",
        )
    except FileNotFoundError as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    size = root.size()
    if root.is_local:
        # Prefect's own state under the data dir is not the warehouse's
        prefect_dir = Path(root.root) / "prefect"
        size -= sum(p.stat().st_size for p in prefect_dir.rglob("*") if p.is_file())
    else:
        size += db_path(root).stat().st_size  # the local part of a remote warehouse
    table = Table(title=f"newsdesk warehouse {root.url}", show_header=False)
    for name, count in counts:
        table.add_row(f"rows in {name}", str(count))
    if last:
        run_id, finished, new, unchanged, failed, errors = last[0]
        table.add_row("last run", f"{run_id} finished {finished:%Y-%m-%d %H:%M:%S %Z}")
        table.add_row(
            "last run documents",
            f"{new} new, {unchanged} unchanged, {failed} failed, {errors} errors",
        )
    else:
        table.add_row("last run", "none")
    table.add_row("data size", f"{size / 1e6:.1f} MB")
    console.print(table)


@app.command()
def check(data_dir: DataDirOption = None, state_dir: StateDirOption = None) -> None:
    """Run the data tests (unique keys, not null, references, offsets); exit 1 on a violation."""
    from warehouse.checks import run_checks

    root = _reader(data_dir, state_dir)
    try:
        results = run_checks(root)
    except FileNotFoundError as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    table = Table("check", "violations", "result", title=f"newsdesk checks {root.url}")
    for r in results:
        table.add_row(r.name, str(r.violations), "ok" if not r.violations else "[red]FAIL[/red]")
    console.print(table)
    bad = [r for r in results if r.violations]
    if bad:
        err_console.print(f"[red]{len(bad)} of {len(results)} checks failed[/red]")
        raise typer.Exit(1)
    console.print(f"all {len(results)} checks passed")


@app.command()
def compact(
    data_dir: DataDirOption = None,
    state_dir: StateDirOption = None,
    grace_seconds: Annotated[
        float,
        typer.Option(min=0, help="Delete merged-away files only once hidden this long (readers)"),
    ] = 300.0,
) -> None:
    """Merge the small Parquet files of committed batches into one file per table (exit 3 while
    a run is writing)."""
    from warehouse.compaction import compact_warehouse
    from warehouse.writer_lock import WarehouseBusy

    root = _data_dir(data_dir, state_dir)
    if not root.exists(root.path("tables")):
        err_console.print(f"[red]no warehouse at {root.url}: run `newsdesk run` first[/red]")
        raise typer.Exit(2)
    try:
        report = compact_warehouse(root, grace_seconds=grace_seconds)
    except WarehouseBusy as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(3) from exc
    for table, (merged, removed) in sorted(report.items()):
        console.print(f"{table}: merged {merged} files, removed {removed} superseded files")


if __name__ == "__main__":
    app()
