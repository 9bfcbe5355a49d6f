"""Shared fixtures: the real spaCy model and rule resources, and one real flow run on seeds/."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from spacy.language import Language

from flows.nlp import load_nlp
from flows.resources import load_resources
from transforms.articles import parse_published
from transforms.document import transform_document
from transforms.records import Article, DocResult
from transforms.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def prefect_template_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The migrated Prefect database template (flows/prefect_db_template.py) of the tests' servers
    lives in a temp dir, not in the environment's install prefix; subprocesses inherit it."""
    from flows.prefect_db_template import TEMPLATE_DIR_ENV

    path = tmp_path_factory.mktemp("prefect-template")
    previous = os.environ.get(TEMPLATE_DIR_ENV)
    os.environ[TEMPLATE_DIR_ENV] = str(path)
    yield path
    if previous is None:
        os.environ.pop(TEMPLATE_DIR_ENV, None)
    else:
        os.environ[TEMPLATE_DIR_ENV] = previous


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def resources() -> Resources:
    return load_resources()


Process = Callable[..., DocResult]


@pytest.fixture(scope="session")
def process(nlp: Language, resources: Resources) -> Process:
    """Run the real pipeline over a text written in a test."""

    def run(text: str, published: str | None = None, using: Resources | None = None) -> DocResult:
        """``using``: other resources than the session's (another event scorer, none)."""
        article = Article(
            source_id="test",
            source_uri="test://",
            text=text,
            published_raw=published,
            published_at=parse_published(published),
        )
        return transform_document(nlp(text), article, using or resources)

    return run


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One temporary Prefect server for every flow-level test (it costs ~12 s)."""
    home = tmp_path_factory.mktemp("prefect-home")
    os.environ["PREFECT_HOME"] = str(home)
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def seeded_warehouse(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse built by the real `etl` flow from seeds/."""
    from flows.etl import etl

    data_dir = tmp_path_factory.mktemp("warehouse")
    summary = etl(sources=[str(SEEDS)], data_dir=str(data_dir))
    assert summary.documents_new == 5, summary
    assert summary.errors == 0, summary
    return data_dir


def published(value: str) -> datetime:
    parsed = parse_published(value)
    assert parsed is not None
    return parsed
