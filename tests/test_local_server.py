"""The temporary Prefect server ``newsdesk run`` starts before importing the flow."""

from __future__ import annotations

import os
import urllib.request
from pathlib import Path

import pytest

from flows.local_server import API_URL_ENV, start_temporary_server


def test_no_server_when_the_environment_names_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(API_URL_ENV, "http://127.0.0.1:4200/api")
    assert start_temporary_server() is None


def test_no_server_when_the_active_profile_names_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(API_URL_ENV, raising=False)
    monkeypatch.delenv("PREFECT_PROFILE", raising=False)
    monkeypatch.delenv("PREFECT_PROFILES_PATH", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    (tmp_path / "profiles.toml").write_text(
        'active = "team"\n[profiles.team]\nPREFECT_API_URL = "http://10.0.0.5:4200/api"\n',
        encoding="utf-8",
    )
    assert start_temporary_server() is None


def test_server_answers_then_stops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(API_URL_ENV, raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    server = start_temporary_server()
    assert server is not None
    try:
        assert os.environ[API_URL_ENV] == server.api_url
        server.wait_ready()
        with urllib.request.urlopen(f"{server.api_url}/health", timeout=5) as response:
            assert response.status == 200
        process = server.process
        assert process is not None
    finally:
        server.stop()
    assert process.poll() is not None
    assert API_URL_ENV not in os.environ


def test_a_new_home_starts_from_the_first_migrated_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json
    import sqlite3

    from flows.prefect_db_template import TEMPLATE_DIR_ENV, template_path

    monkeypatch.delenv(API_URL_ENV, raising=False)
    monkeypatch.setenv(TEMPLATE_DIR_ENV, str(tmp_path / "templates"))
    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    template = template_path()
    assert template is not None and not template.exists()
    for home in (tmp_path / "first", tmp_path / "second"):
        monkeypatch.setenv("PREFECT_HOME", str(home))
        server = start_temporary_server()
        assert server is not None
        try:
            # the second home has its database before its server runs: a copy of the template
            assert (home / "prefect.db").exists() == (home.name == "second")
            server.wait_ready()
            request = urllib.request.Request(
                f"{server.api_url}/flow_runs/filter",
                data=json.dumps({}).encode(),
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                assert json.load(response) == []
        finally:
            server.stop()
        assert template.is_file()  # written by the first server once it answered
    # the template is migrated and holds no runs
    with sqlite3.connect(template) as db:
        assert db.execute("select count(*) from alembic_version").fetchone() == (1,)
        assert db.execute("select count(*) from flow_run").fetchone() == (0,)


def test_no_template_for_a_database_the_user_chose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.prefect_db_template import save_template, seed_home, template_path

    monkeypatch.setenv("PREFECT_API_DATABASE_CONNECTION_URL", "postgresql+asyncpg://db/prefect")
    assert template_path() is None
    assert not seed_home(tmp_path) and not save_template(tmp_path)
    assert not (tmp_path / "prefect.db").exists()
