"""Decide what a run must do: read every source once, skip unchanged documents, spool the rest
into batch files (the batch tasks get paths, never texts)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from flows.sources import Problem, SourceFile, discover, read_articles
from transforms.articles import doc_id_for
from transforms.records import Article
from warehouse.manifest import ManifestState
from warehouse.storage import DataDirLike, open_data_dir

SPOOL_DIR = "spool"


@dataclass(slots=True)
class Alias:
    """A source whose text is already stored (or planned) under another source: no new NLP."""

    source_id: str
    doc_id: str
    source_uri: str
    data_batch_id: str | None  # None: the text is planned in this run's batch of that doc


@dataclass(slots=True)
class Plan:
    batches: list[str] = field(default_factory=list)  # spool file paths
    documents_planned: int = 0
    documents_unchanged: int = 0
    documents_duplicate: int = 0
    problems: list[Problem] = field(default_factory=list)
    aliases_stored: list[Alias] = field(default_factory=list)


def spool_dir(data_dir: DataDirLike) -> Path:
    """Local, in the state dir: the batch files are scratch space, never on an object store."""
    return open_data_dir(data_dir).state / SPOOL_DIR


def article_to_json(article: Article) -> str:
    values = asdict(article)
    values["published_at"] = article.published_at.isoformat() if article.published_at else None
    return json.dumps(values, ensure_ascii=False)


def article_from_json(line: str) -> Article:
    values = json.loads(line)
    if values.get("published_at"):
        values["published_at"] = datetime.fromisoformat(values["published_at"])
    return Article(**values)


def make_plan(
    sources: list[Path],
    data_dir: DataDirLike,
    run_id: str,
    manifest: ManifestState,
    version: str,
    batch_size: int,
    reprocess: bool,
    max_file_bytes: int,
    on_problem: Callable[[Problem], None] | None = None,
) -> Plan:
    planner = _Planner(spool_dir(data_dir), run_id, manifest, version, batch_size, reprocess)
    for item in discover(sources):
        if isinstance(item, Problem):
            planner.problem(item, on_problem)
            continue
        source: SourceFile = item
        for article in read_articles(source, max_file_bytes):
            if isinstance(article, Problem):
                planner.problem(article, on_problem)
            else:
                planner.add(article, on_problem)
    return planner.finish()


@dataclass(slots=True)
class _Planner:
    """Sorts a run's articles (``add``) into work and skips, spooling the work into batch
    files of ``batch_size`` articles."""

    directory: Path
    run_id: str
    manifest: ManifestState
    version: str
    batch_size: int
    reprocess: bool
    plan: Plan = field(default_factory=Plan)
    seen_sources: set[str] = field(default_factory=set)
    planned_docs: dict[str, str] = field(default_factory=dict)  # doc_id -> its batch's name
    batch_lines: list[str] = field(default_factory=list)
    batch_aliases: dict[str, list[Alias]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)

    def problem(self, problem: Problem, on_problem: Callable[[Problem], None] | None) -> None:
        self.plan.problems.append(problem)
        if on_problem:
            on_problem(problem)

    def add(self, article: Article, on_problem: Callable[[Problem], None] | None) -> None:
        """Skips an article seen earlier in the run, or stored unchanged, or whose text is
        stored or planned under another source (an alias); else plans it."""
        plan = self.plan
        if article.source_id in self.seen_sources:
            message = (
                f"source id {article.source_id!r} appeared earlier in this run; the first is kept"
            )
            self.problem(
                Problem(article.source_uri, article.line, "duplicate_id", message), on_problem
            )
            return
        self.seen_sources.add(article.source_id)
        doc_id = doc_id_for(article.text)
        current = self.manifest.by_source.get(article.source_id)
        if (
            current is not None
            and current.doc_id == doc_id
            and (not self.reprocess or current.pipeline_version == self.version)
        ):
            plan.documents_unchanged += 1
            return
        stored = self.manifest.by_doc.get(doc_id)
        if stored is not None and stored[1] == self.version:
            plan.aliases_stored.append(
                Alias(article.source_id, doc_id, article.source_uri, stored[0])
            )
            plan.documents_duplicate += 1
            return
        if doc_id in self.planned_docs:
            alias = Alias(article.source_id, doc_id, article.source_uri, None)
            self.batch_aliases.setdefault(self.planned_docs[doc_id], []).append(alias)
            plan.documents_duplicate += 1
            return
        self.planned_docs[doc_id] = self._batch_name()
        self.batch_lines.append(article_to_json(article))
        plan.documents_planned += 1
        if len(self.batch_lines) >= self.batch_size:
            self._flush()

    def finish(self) -> Plan:
        """The plan, with the last batch and the aliases of planned texts written."""
        self._flush()
        for name, aliases in self.batch_aliases.items():
            path = self.directory / f"{name}.aliases.json"
            path.write_text(json.dumps([asdict(a) for a in aliases]), encoding="utf-8")
        return self.plan

    def _batch_name(self) -> str:
        return f"{self.run_id}-b{len(self.plan.batches):05d}"

    def _flush(self) -> None:
        if not self.batch_lines:
            return
        path = self.directory / f"{self._batch_name()}.jsonl"
        tmp = path.with_suffix(".tmp")
        tmp.write_text("\n".join(self.batch_lines) + "\n", encoding="utf-8")
        tmp.replace(path)
        self.plan.batches.append(str(path))
        self.batch_lines.clear()


def read_spool(path: Path) -> tuple[list[Article], list[Alias]]:
    articles = [
        article_from_json(line) for line in path.read_text(encoding="utf-8").splitlines() if line
    ]
    alias_path = path.with_name(path.name.removesuffix(".jsonl") + ".aliases.json")
    aliases = (
        [Alias(**a) for a in json.loads(alias_path.read_text(encoding="utf-8"))]
        if alias_path.exists()
        else []
    )
    return articles, aliases


def remove_spool(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.with_name(path.name.removesuffix(".jsonl") + ".aliases.json").unlink(missing_ok=True)


def clear_spool(data_dir: DataDirLike) -> None:
    """Spool files of a killed run: its plan is redone from the sources."""
    directory = spool_dir(data_dir)
    if directory.exists():
        for path in directory.iterdir():
            path.unlink(missing_ok=True)
