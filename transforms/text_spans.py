"""Small helpers over spaCy docs shared by the extractors."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import TypeVar, cast

from spacy.tokens import Doc, Span

T = TypeVar("T")

# a line break inside a running sentence: wire copy wraps its lines ("in\nthe Bahia cocoa
# zone", "restored,\nComissaria", "5.93\nmln"); not a paragraph break (another break or an
# indent follows) nor a line of a table or a list ("results:\nPort Vale 2 Oxford 0\nExeter")
_HARD_WRAP = re.compile(r"(?<=[a-z,;])\n(?=\S)|(?<=\S)\n(?=[a-z])")


# a double quote typed for an apostrophe, as some wire copy has it: "China"s Ministry",
# "didn"t"
_QUOTE_APOSTROPHE = re.compile(r'(?<=[A-Za-z])"(?=s\b)|(?<=[a-z]n)"(?=t\b)')


# a curly mark or a dash that a wrong decoding wrote as '"?' before the next word (974 corpus
# articles: `DeVos"?highly`, `choice,"?Sen.`, `happened "?to`): read as written, the marks
# became part of the names beside them (the speaker `it,"?Trump`)
_DECODED_AS_MARK = re.compile(r'"\?(?=[A-Za-z])')


def _decoded_mark(match: re.Match[str]) -> str:
    # after a space it was a dash; after a word or a stop a closing mark or an apostrophe,
    # which the quote pairing reads as a mark that closes (quotes._straight_role)
    start = match.start()
    return "— " if start == 0 or match.string[start - 1].isspace() else '" '


def parser_text(text: str) -> str:
    """``text`` with its hard line wraps as spaces, a double quote typed for an apostrophe as
    one and a mark decoded as '"?' as a mark or a dash and a space, character for character:
    what the parser reads (flows/nlp.py), so every offset into it indexes the article's text
    too."""
    text = _DECODED_AS_MARK.sub(_decoded_mark, _HARD_WRAP.sub(" ", text))
    return _QUOTE_APOSTROPHE.sub("'", text)


def without_edge_space(span: Span) -> Span:
    """``span`` without the whitespace tokens at its edges: a phrase that runs to the end of a
    line of wire copy takes its line break and the next line's indent as a token
    (``Brighton, Colo.\n    ``)."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span if (start, end) == (span.start, span.end) else span.doc[start:end]


def phrase_words(span: Span | None) -> tuple[str | None, int | None, int | None]:
    """A phrase's text and offsets as the rows keep them, whitespace at its edges left out
    (``without_edge_space``); None each without a phrase."""
    if span is None:
        return None, None, None
    span = without_edge_space(span)
    return span.text, span.start_char, span.end_char


def _per_doc(doc: Doc, name: str, compute: Callable[[Doc], T]) -> T:
    """``compute(doc)``, once per Doc: kept in ``user_data`` (a memo, not an annotation); the
    transforms never retokenize, so it cannot go stale."""
    key = ("newsdesk", name)
    if key not in doc.user_data:
        doc.user_data[key] = compute(doc)
    return cast(T, doc.user_data[key])


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc. spaCy joins every token's text on each access, and
    the extractors slice the text thousands of times per article: uncached that was a quarter of
    the transforms' time."""
    return _per_doc(doc, "text", lambda d: d.text)


def head_indices(doc: Doc) -> list[int]:
    """``token.head.i`` of every token, computed once per Doc: walking head chains through Token
    objects was a tenth of the transforms' time."""
    return _per_doc(doc, "heads", lambda d: [token.head.i for token in d])


class SentenceIndex:
    """Maps a character offset to the index of the sentence that contains it."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [sent.start_char for sent in doc.sents]

    def __call__(self, char: int) -> int:
        return max(bisect_right(self.starts, char) - 1, 0)
