"""One spaCy ``Doc`` plus its article metadata -> every record the document yields."""

from __future__ import annotations

import json
from dataclasses import replace

from spacy.tokens import Doc

from transforms.articles import doc_id_for
from transforms.entities import extract_entities
from transforms.events import extract_events
from transforms.quotes import extract_quotes
from transforms.records import (
    Article,
    DocResult,
    DocumentRecord,
    EventRecord,
    MentionRecord,
    QuoteRecord,
)
from transforms.resources import Resources
from transforms.text_spans import doc_text, parser_text


def document_record(article: Article, doc: Doc) -> DocumentRecord:
    return DocumentRecord(
        doc_id=doc_id_for(article.text),
        source_id=article.source_id,
        source_uri=article.source_uri,
        title=article.title,
        url=article.url,
        outlet=article.outlet,
        published_at=article.published_at,
        published_raw=article.published_raw,
        text=article.text,
        n_chars=len(article.text),
        n_tokens=len(doc),
        n_sentences=sum(1 for _ in doc.sents),
        extra_json=json.dumps(article.extra, ensure_ascii=False, sort_keys=True)
        if article.extra
        else None,
    )


def transform_document(doc: Doc, article: Article, resources: Resources) -> DocResult:
    """All rows for one article. ``doc`` must be the pipeline's output for ``article.text``."""
    if doc_text(doc) != parser_text(article.text):
        # (the parser reads parser_text: line wraps as spaces, a quote typed for an
        # apostrophe as one; flows/nlp.py)
        raise ValueError("the Doc was not made from this article's text: offsets would not match")
    document = document_record(article, doc)
    entities = extract_entities(doc, document.doc_id, resources)
    quotes = extract_quotes(doc, document.doc_id, entities, resources)
    events = extract_events(doc, document.doc_id, article.published_at, entities, quotes, resources)
    return DocResult(
        document=document,
        mentions=[_as_written(m, article.text) for m in entities.mentions],
        entities=entities.entities,
        quotes=[_quote_as_written(q, article.text) for q in quotes],
        events=[_event_as_written(e, article.text) for e in events],
    )


def _as_written(mention: MentionRecord, text: str) -> MentionRecord:
    """The mention with the article's own text: the parser read hard wraps as spaces, and a
    span's stored text is ``documents.text[start:end]`` (docs/tables.md, the data checks)."""
    written = text[mention.start_char : mention.end_char]
    return mention if written == mention.text else replace(mention, text=written)


def _written(text: str, start: int | None, end: int | None, parsed: str | None) -> str | None:
    """``text[start:end]``, or the parsed text of a phrase without offsets."""
    return text[start:end] if start is not None and end is not None else parsed


def _quote_as_written(quote: QuoteRecord, text: str) -> QuoteRecord:
    """The quote, its cue and its speaker phrase with the article's own text (as
    ``_as_written``)."""

    quoted = text[quote.start_char : quote.end_char]
    cue = _written(text, quote.cue_start_char, quote.cue_end_char, quote.cue)
    speaker = _written(text, quote.speaker_start_char, quote.speaker_end_char, quote.speaker_text)
    if (quoted, cue, speaker) == (quote.text, quote.cue, quote.speaker_text):
        return quote
    return replace(quote, text=quoted, cue=cue, speaker_text=speaker)


def _event_as_written(event: EventRecord, text: str) -> EventRecord:
    """The event's actor, target and date phrases with the article's own text (as
    ``_as_written``: `date_text` is the date as written, a wire story's line wrap included)."""
    actor = _written(text, event.actor_start_char, event.actor_end_char, event.actor_text)
    target = _written(text, event.target_start_char, event.target_end_char, event.target_text)
    when = _written(text, event.date_start_char, event.date_end_char, event.date_text)
    if (actor, target, when) == (event.actor_text, event.target_text, event.date_text):
        return event
    return replace(event, actor_text=actor, target_text=target, date_text=when)
