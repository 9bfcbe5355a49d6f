"""``newsdesk serve``: the ``etl`` flow as a scheduled Prefect deployment, served by this process.

Scheduling needs a real Prefect server (``prefect server start``) named by ``PREFECT_API_URL``:
the temporary server a plain ``newsdesk run`` starts has no scheduler.
"""

from __future__ import annotations

from pathlib import Path

from warehouse.storage import DataDir

DEPLOYMENT_NAME = "newsdesk-etl"


class NoPrefectServer(RuntimeError):
    """``PREFECT_API_URL`` is not set: nothing would ever schedule a run."""


def api_url() -> str | None:
    """The API URL from the environment or the active Prefect profile."""
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value() or None


def serve_etl(
    sources: list[Path],
    data_dir: DataDir,
    cron: str | None = None,
    interval: float | None = None,
    name: str = DEPLOYMENT_NAME,
) -> None:
    """Register the deployment with its schedule and run its scheduled runs until interrupted.

    Runs never overlap: the deployment's concurrency limit is 1 (a due run waits for the running
    one; a failed or crashed run releases its slot), this process runs one flow run at a time,
    and the flow's writer lock stops any other writer (a manual ``newsdesk run``: that scheduled
    run fails as busy and the next one proceeds)."""
    if (cron is None) == (interval is None):
        raise ValueError("give exactly one of cron or interval")
    if not api_url():
        raise NoPrefectServer(
            "PREFECT_API_URL is not set: scheduling needs a Prefect server. Start one with "
            "`prefect server start`, then `export PREFECT_API_URL=http://127.0.0.1:4200/api` "
            "and run `newsdesk serve` again."
        )
    from prefect import serve
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.types.entrypoint import EntrypointType

    from flows.etl import etl

    deployment = etl.to_deployment(
        name=name,
        cron=cron,
        interval=interval,
        parameters={
            "sources": [str(s.resolve()) for s in sources],
            "data_dir": data_dir.url,
            "state_dir": str(data_dir.state),
        },
        concurrency_limit=ConcurrencyLimitConfig(
            limit=1, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE
        ),
        # the flow is imported as a module, not from a file path relative to this directory
        entrypoint_type=EntrypointType.MODULE_PATH,
        description="newsdesk ETL: articles -> entities, quotes and events",
        tags=["newsdesk"],
    )
    serve(deployment, limit=1)
