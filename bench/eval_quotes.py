"""Score quote extraction against PolNeAR attributions (source, cue, content spans).

Definition (fixed, so figures compare across changes):
- gold quotes: attributions whose content contains a quotation mark or whose cue contains a
  speech verb (see SPEECH_CUE);
- a prediction matches a gold attribution when the content spans overlap by at least half of
  each (gold content = the union of its spans);
- precision: a prediction is right if it matches any annotated attribution;
- recall: over gold quotes;
- speaker accuracy: over matched (prediction, gold quote) pairs whose gold has a source, right
  when the predicted speaker span overlaps the gold source span.
Articles annotated by several annotators are scored once, with the first annotator in the file.

Usage: python bench/eval_quotes.py [--split dev|train|PATH] [--limit N] [--cache DIR]
(--cache keeps the parsed documents in DIR as a spaCy DocBin keyed by a hash of the texts, the
model and the pipeline's rule files, so re-scoring a rule change skips the ~2 min parse of train.)
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402

from flows.nlp import CONTEXT_PATTERNS, ENTITY_PATTERNS, MODEL_NAME, load_nlp  # noqa: E402
from flows.resources import load_resources  # noqa: E402
from transforms.entities import extract_entities  # noqa: E402
from transforms.quotes import extract_quotes  # noqa: E402

GOLD_DIR = ROOT.parent / "shared" / "gold" / "polnear"
QUOTE_CHARS = "\"“”«»„‘’'"
SPEECH_CUE = re.compile(
    r"\b(?:say|said|says|saying|tell|told|tells|telling|add|adds|added|adding|write|wrote|"
    r"writes|written|writing|ask|asked|asks|asking|note|noted|notes|noting|report|reported|"
    r"reports|reporting|announce[sd]?|announcing|argue[sd]?|arguing|claim|claimed|claims|"
    r"claiming|state|stated|states|stating|explain|explained|explains|explaining|warn|warned|"
    r"warns|warning|insist|insisted|insists|insisting|declare[sd]?|declaring|acknowledge[sd]?|"
    r"acknowledging|tweet|tweeted|tweets|tweeting|suggest|suggested|suggests|suggesting|"
    r"according|admit|admitted|admits|confirm|confirmed|confirms|deny|denied|denies|"
    r"repl(?:y|ied|ies)|respond(?:ed|s)?|stress(?:ed|es)?|predict(?:ed|s)?|recall(?:ed|s)?|"
    r"urge[sd]?|assert(?:ed|s)?|allege[sd]?|comment(?:ed|s)?|statement)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Gold:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    is_quote: bool


def _spans(parts: list[dict] | None) -> list[tuple[int, int]]:
    return [(s, e) for part in parts or [] for s, e in part["spans"]]


def _text(parts: list[dict] | None) -> str:
    return " ".join(part.get("text", "") for part in parts or [])


def load(path: Path, limit: int | None) -> Iterator[tuple[str, list[Gold]]]:
    opener = gzip.open if path.suffix == ".gz" else open
    seen: set[str] = set()
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["doc_id"] in seen:  # one annotator per article: the first in the file
                continue
            seen.add(row["doc_id"])
            golds = []
            for att in row["attributions"]:
                content = _spans(att.get("content"))
                if not content:
                    continue
                is_quote = any(c in _text(att.get("content")) for c in QUOTE_CHARS) or bool(
                    SPEECH_CUE.search(_text(att.get("cue")))
                )
                golds.append(Gold(content, _spans(att.get("source")), is_quote))
            yield row["text"], golds
            if limit is not None and len(seen) >= limit:
                return


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _length(spans: list[tuple[int, int]]) -> int:
    return sum(e - s for s, e in spans)


def matches(pred: tuple[int, int], gold: Gold) -> bool:
    shared = _overlap([pred], gold.content)
    return shared * 2 >= pred[1] - pred[0] and shared * 2 >= _length(gold.content) and shared > 0


def parse(nlp: Language, texts: list[str], cache: Path | None) -> list[Doc]:
    """Parse ``texts``, through a DocBin in ``cache`` when given (keyed by the texts, the model
    and the rule files that change the pipeline's output)."""
    if cache is None:
        return list(nlp.pipe(texts, batch_size=32))
    key = hashlib.sha256(MODEL_NAME.encode())
    for path in (ENTITY_PATTERNS, CONTEXT_PATTERNS):
        key.update(path.read_bytes())
    for text in texts:
        key.update(text.encode("utf-8"))
        key.update(b"\0")
    path = cache / f"eval-quotes-{key.hexdigest()[:16]}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=32))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=True).to_disk(path)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--verbose", action="store_true", help="print misses and false alarms")
    parser.add_argument("--cache", type=Path, default=None, help="directory for cached parses")
    args = parser.parse_args()
    path = Path(args.split)
    if not path.exists():
        name = "dev.jsonl" if args.split == "dev" else f"{args.split}.jsonl.gz"
        path = GOLD_DIR / name

    started = time.perf_counter()
    nlp = load_nlp()
    resources = load_resources()
    docs = list(load(path, args.limit))
    n_pred = right_pred = n_gold = found_gold = spk_total = spk_right = 0
    parsed = parse(nlp, [t for t, _ in docs], args.cache)
    for i, (doc, (text, golds)) in enumerate(zip(parsed, docs, strict=True)):
        doc_id = f"eval{i}"
        quotes = extract_quotes(doc, doc_id, extract_entities(doc, doc_id, resources), resources)
        preds = [(q.start_char, q.end_char) for q in quotes]
        for q, p in zip(quotes, preds, strict=True):
            n_pred += 1
            hit = [g for g in golds if matches(p, g)]
            if hit:
                right_pred += 1
            elif args.verbose:
                print(f"FP [{q.quote_type}/{q.cue}] {text[p[0] : p[1]][:100]!r}")
            for g in hit:
                if g.is_quote and g.source:
                    spk_total += 1
                    ok = q.speaker_start_char is not None and (
                        _overlap([(q.speaker_start_char, q.speaker_end_char)], g.source) > 0
                    )
                    spk_right += ok
                    if not ok and args.verbose:
                        src = " | ".join(text[s:e] for s, e in g.source)
                        print(f"SPK {q.speaker_text!r} != {src!r}: {q.text[:60]!r}")
        for g in golds:
            if not g.is_quote:
                continue
            n_gold += 1
            if any(matches(p, g) for p in preds):
                found_gold += 1
            elif args.verbose:
                print(f"FN {' … '.join(text[s:e] for s, e in g.content)[:100]!r}")
    p = right_pred / n_pred if n_pred else 0.0
    r = found_gold / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = spk_right / spk_total if spk_total else 0.0
    print(
        f"split={path.name} docs={len(docs)} gold_quotes={n_gold} predicted={n_pred} "
        f"seconds={time.perf_counter() - started:.0f}"
    )
    print(f"P={p:.3f} R={r:.3f} F1={f1:.3f} speaker_acc={acc:.3f} (n={spk_total})")


if __name__ == "__main__":
    main()
