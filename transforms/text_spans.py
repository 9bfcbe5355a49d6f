"""Small helpers over spaCy docs shared by the extractors."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

_TEXT_KEY = ("newsdesk", "text")


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc. spaCy joins every token's text on each access, and
    the extractors slice the text thousands of times per article: uncached that was a quarter of
    the transforms' time. Kept in ``user_data`` (a memo, not an annotation); the transforms never
    retokenize, so it cannot go stale."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return str(cached)


_HEADS_KEY = ("newsdesk", "heads")


def head_indices(doc: Doc) -> list[int]:
    """``token.head.i`` of every token, computed once per Doc: walking head chains through Token
    objects was a tenth of the transforms' time."""
    cached: list[int] | None = doc.user_data.get(_HEADS_KEY)
    if cached is None:
        cached = doc.user_data[_HEADS_KEY] = [token.head.i for token in doc]
    return cached


class SentenceIndex:
    """Maps a character offset to the index of the sentence that contains it."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [sent.start_char for sent in doc.sents]

    def __call__(self, char: int) -> int:
        return max(bisect_right(self.starts, char) - 1, 0)
