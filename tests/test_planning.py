"""Planning a run (flows/planning.py): which articles become work, which are skipped, and how
the work is spooled into batch files."""

from __future__ import annotations

import json
from pathlib import Path

from flows.planning import make_plan, read_spool
from transforms.articles import doc_id_for
from warehouse.manifest import ManifestEntry, ManifestState

EMPTY = ManifestState({}, {})


def _source(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "in" / "articles.jsonl"
    path.parent.mkdir(exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _plan(tmp_path: Path, source: Path, manifest: ManifestState = EMPTY, **kw):
    options = {"version": "v1", "batch_size": 2, "reprocess": False, "max_file_bytes": 10**6}
    options.update(kw)
    return make_plan([source], tmp_path / "data", "run1", manifest, **options)


def test_new_articles_are_spooled_in_batches_of_the_batch_size(tmp_path: Path):
    rows = [{"id": f"a{i}", "text": f"Story number {i}."} for i in range(5)]
    plan = _plan(tmp_path, _source(tmp_path, rows))
    assert plan.documents_planned == 5
    assert [Path(b).name for b in plan.batches] == [
        "run1-b00000.jsonl",
        "run1-b00001.jsonl",
        "run1-b00002.jsonl",
    ]
    spooled = [a.source_id for b in plan.batches for a in read_spool(Path(b))[0]]
    assert spooled == ["a0", "a1", "a2", "a3", "a4"]
    # the spool is written by replacing temp files: none is left
    assert not list(Path(plan.batches[0]).parent.glob("*.tmp"))


def test_a_text_repeated_under_another_source_is_an_alias_not_work(tmp_path: Path):
    rows = [
        {"id": "a", "text": "Russia warned the coalition."},
        {"id": "b", "text": "Iraqi forces retook Qaraqosh."},
        {"id": "c", "text": "Russia warned the coalition."},
    ]
    plan = _plan(tmp_path, _source(tmp_path, rows), batch_size=10)
    assert (plan.documents_planned, plan.documents_duplicate) == (2, 1)
    articles, aliases = read_spool(Path(plan.batches[0]))
    assert [a.source_id for a in articles] == ["a", "b"]
    assert [(a.source_id, a.doc_id, a.data_batch_id) for a in aliases] == [
        ("c", doc_id_for("Russia warned the coalition."), None)
    ]


def test_a_repeated_source_id_is_a_problem_and_the_first_is_kept(tmp_path: Path):
    rows = [{"id": "a", "text": "First text."}, {"id": "a", "text": "Second text."}]
    seen = []
    plan = _plan(tmp_path, _source(tmp_path, rows), on_problem=seen.append)
    assert plan.documents_planned == 1
    assert [p.kind for p in plan.problems] == [p.kind for p in seen] == ["duplicate_id"]
    assert [a.text for a in read_spool(Path(plan.batches[0]))[0]] == ["First text."]


def test_stored_texts_are_skipped_or_aliased_and_reprocess_redoes_older_versions(tmp_path: Path):
    text, other = "Russia warned the coalition.", "Iraqi forces retook Qaraqosh."
    manifest = ManifestState(
        {
            "a": ManifestEntry("a", doc_id_for(text), "batch0", "v1"),
            "b": ManifestEntry("b", doc_id_for(other), "batch0", "v0"),
        },
        {doc_id_for(text): ("batch0", "v1"), doc_id_for(other): ("batch0", "v0")},
    )
    rows = [{"id": "a", "text": text}, {"id": "b", "text": other}, {"id": "c", "text": text}]
    source = _source(tmp_path, rows)
    plan = _plan(tmp_path, source, manifest)
    # unchanged: a, and b (an older version is redone only when asked); c's text is stored
    assert (plan.documents_unchanged, plan.documents_planned, plan.documents_duplicate) == (2, 0, 1)
    assert [(a.source_id, a.data_batch_id) for a in plan.aliases_stored] == [("c", "batch0")]
    redo = _plan(tmp_path, source, manifest, reprocess=True)
    assert (redo.documents_unchanged, redo.documents_planned) == (1, 1)
    assert [a.source_id for a in read_spool(Path(redo.batches[0]))[0]] == ["b"]
