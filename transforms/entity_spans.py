"""Corrections to spaCy's entity spans before entities are named: pure functions over a ``Doc``.

The small model labels each occurrence on its own, so one article can call ``Lebed`` a person,
an organization and nothing; news conventions (datelines, ``the`` before names) also trip it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from transforms.resources import Resources
from transforms.text_spans import doc_text

# labels whose spans we keep and may correct
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)
_ARTICLES = frozenset({"the"})
_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’"})
# parts of speech and words that end no name (``_dangling``)
_DANGLING_POS = frozenset({"ADP", "CCONJ", "DET", "SCONJ"})
_DANGLING_WORDS = frozenset({"to", "and", "or", "of", "the", "for", "in", "-"})
# a dateline is at most this many upper-case words (``RIO DE JANEIRO``)
_MAX_DATELINE_TOKENS = 4


def _trim(span: Span) -> Span | None:
    """Without a leading ``the``, a trailing possessive or number: the name, as gold standards
    mark it."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in _ARTICLES:
        start += 1
    # a score or age glued to a person or place (``J. Russell 75``) is not part of it; products
    # and events keep theirs (``Boeing 747``, ``Apollo 11``)
    numbers_end_names = span.label_ in ("PERSON", "GPE", "LOC")
    while end > start and (
        span.doc[end - 1].text in _POSSESSIVE_TOKENS
        or (numbers_end_names and span.doc[end - 1].like_num)
        or _dangling(span.doc[end - 1])
    ):
        end -= 1
    if start >= end:
        return None
    if (start, end) == (span.start, span.end):
        return span
    trimmed = Span(span.doc, start, end, label=span.label_)
    trimmed.id_ = span.id_
    return trimmed


def _dangling(token: Token) -> bool:
    """A word no name ends with: the recogniser ran a span on into the next phrase ("accuse
    Tesco of", "the Organisation for Economic Co-operation and", "Steve McGregor - to"). A
    word joined by a hyphen is part of the name ("Moon Jae-in", "Flow-Through"), and so are
    a closing bracket or quote ("(ISIS)") and an abbreviation's full stop ("Alex.")."""
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        return False
    if token.pos_ in _DANGLING_POS or token.lower_ in _DANGLING_WORDS:
        return True
    return token.is_punct and not token.is_right_punct and token.text != "."


_OFFICES = frozenset({"minister", "ministers", "secretary", "secretaries"})
_OFFICE_LINKS = frozenset({"of", "for"})


def _portfolio(span: Span, resources: Resources) -> bool:
    """An organisation that is one word of a title, a portfolio: ``Finance Minister Dilson
    Funaro``, ``Secretary of State Rex Tillerson``, ``the Minister for Energy``."""
    if span.label_ != "ORG" or len(span) != 1 or span.text.casefold() not in resources.portfolios:
        return False
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in _OFFICES:
        return True
    return (
        span.start >= 2
        and doc[span.start - 1].lower_ in _OFFICE_LINKS
        and doc[span.start - 2].lower_ in _OFFICES
    )


def _line_starts(doc: Doc) -> list[Token]:
    """The first token and every token after one whose text or trailing space holds a newline,
    found from the newlines of the text (visiting every token cost more than the rest of the
    dateline search)."""
    if not len(doc):
        return []
    starts = doc.to_array([IDX]).tolist()
    found = {0}
    text = doc_text(doc)
    at = text.find("\n")
    while at != -1:
        # the token whose text and trailing whitespace span the newline
        found.add(bisect_right(starts, at))
        at = text.find("\n", at + 1)
    return [doc[i] for i in sorted(found) if i < len(doc)]


def _dateline_places(doc: Doc, resources: Resources) -> list[Span]:
    """``MOSCOW —`` / ``LONDON 1996-08-30`` at the start of a line: upper-case words that name a
    place. The model misses most all-caps words."""
    found: list[Span] = []
    for token in _line_starts(doc):
        end = token.i
        while (
            end < len(doc)
            and end - token.i < _MAX_DATELINE_TOKENS
            and doc[end].is_upper
            and doc[end].is_alpha
        ):
            end += 1
        for stop in range(end, token.i, -1):
            words = doc[token.i : stop].text
            place = resources.gazetteer.resolve(words)
            if place is not None and len(words) > 2:
                after = doc[stop] if stop < len(doc) else None
                # a headline that starts with a place name is not a dateline
                if after is None or not (after.is_alpha and after.is_upper):
                    found.append(Span(doc, token.i, stop, label="GPE"))
                break
    return found


_NUMBER = re.compile(r"^[-+]?\d[\d.,/:-]*$")
# a team name in a results line: capitalised words, a club suffix in brackets (``Buducnost ( V )``)
_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'&-]*|\(|\)|&|de|of|the)$")
_MAX_TEAM_WORDS = 4
# verbs whose subject and object, when named after a city or region, are sports teams
_MATCH_VERBS = frozenset({"beat", "defeat", "edge", "thrash", "rout", "draw", "tie", "host"})


def _results_line_teams(doc: Doc, resources: Resources) -> list[Span]:
    """Names in sports results and standings lines (``Port Vale 2 Oxford 0``,
    ``Exeter 4 1 2 1 4 5 5``): teams, so ORG, unless the name is a country (a national side,
    which news corpora label as the place)."""
    found: list[Span] = []
    offset = 0
    # a full person name stays a person (golf and athletics standings); read once, since
    # ``doc.ents`` rebuilds the list on every access
    people = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
    for line in doc_text(doc).split("\n"):
        words = line.split(" ")
        groups: list[tuple[int, int]] = []  # word index ranges of names
        i = 0
        ok = bool(line.strip())
        while ok and i < len(words):
            start = i
            while i < len(words) and _NAME_WORD.match(words[i]) and i - start < _MAX_TEAM_WORDS:
                i += 1
            numbers = i
            while i < len(words) and _NUMBER.match(words[i]):
                i += 1
            # ``LONDON 1996-08-30`` is a dateline, not a result
            dated = any(_DATE.match(w) for w in words[numbers:i])
            if start == numbers or numbers == i or not words[start][:1].isupper() or dated:
                ok = False
            groups.append((start, numbers))
        if ok and 1 <= len(groups) <= 2:
            for start, stop in groups:
                begin = offset + sum(len(w) + 1 for w in words[:start])
                end = begin + len(" ".join(words[start:stop]))
                name = doc_text(doc)[begin:end]
                place = resources.gazetteer.resolve(name.title() if name.isupper() else name)
                label = "GPE" if place is not None and place.feature_kind == "country" else "ORG"
                span = doc.char_span(begin, end, label=label)
                if span is not None and not any(_overlaps(span, e) for e in people):
                    found.append(span)
        offset += len(line) + 1
    return found


def _match_teams(spans: list[Span], resources: Resources) -> dict[int, str]:
    """``Derbyshire beat Worcestershire``: a non-country place that is the subject or object of a
    match verb is the team named after it. Returns span start token -> new label."""
    relabel: dict[int, str] = {}
    for span in spans:
        if span.label_ not in ("GPE", "LOC", "PERSON"):
            continue
        head = span.root
        verb = head.head
        if head.dep_ in ("nsubj", "dobj") and verb.lemma_ in _MATCH_VERBS:
            place = resources.gazetteer.resolve(span.text)
            if place is None or place.feature_kind != "country":
                relabel[span.start] = "ORG"
    return relabel


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _split_coordinations(spans: list[Span]) -> list[Span]:
    """Two names the model read as one (``Trump and Pence``, ``Otto and Uber``, ``al-Bab and
    Raqqa``) are two, when the article also names each alone (a person by a
    full name ending in it, too): a name that holds an ``and`` of its own (``Belt and Road``,
    ``Immigration and Customs Enforcement``, ``North and South Korea``) is never named so."""
    labels: dict[str, str] = {}
    for span in spans:
        labels.setdefault(span.text, span.label_)
        if span.label_ == "PERSON" and len(span) > 1:
            labels.setdefault(span[-1].text, "PERSON")
    out: list[Span] = []
    for span in spans:
        ands = [t.i for t in span if t.lower_ == "and"]
        if len(ands) == 1 and not span.id_:
            doc, cut = span.doc, ands[0]
            left, right = doc[span.start : cut], doc[cut + 1 : span.end]
            if len(left) and len(right) and left.text in labels and right.text in labels:
                out.append(Span(doc, left.start, left.end, label=labels[left.text]))
                out.append(Span(doc, right.start, right.end, label=labels[right.text]))
                continue
        out.append(span)
    return out


def refine_spans(doc: Doc, resources: Resources) -> list[Span]:
    """The document's name spans after corrections, in text order, never overlapping."""
    spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS:
            trimmed = _trim(ent)
            # (a word of a wire table standing alone names nothing: "Revs 57.3 mln", "36 cts
            # a share"; non_names.txt)
            if (
                trimmed is not None
                and trimmed.text.casefold() not in resources.non_names
                and not _portfolio(trimmed, resources)
            ):
                spans.append(trimmed)

    for extra in [*_dateline_places(doc, resources), *_results_line_teams(doc, resources)]:
        spans = [s for s in spans if not _overlaps(s, extra)]
        spans.append(extra)
    spans.sort(key=lambda s: s.start)
    teams = _match_teams(spans, resources)
    spans = [
        Span(doc, s.start, s.end, label=teams[s.start]) if s.start in teams else s for s in spans
    ]
    spans = _split_coordinations(spans)

    # One name, one label per article: a surname of a full person name is that person, and a
    # string the model labels differently takes its most frequent label (the first on ties).
    surnames: set[str] = set()
    for span in spans:
        if span.label_ == "PERSON" and len(span) > 1 and all(t.is_title for t in span):
            surnames.add(span[-1].text)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for span in spans:
        if not span.id_:
            votes[span.text][span.label_] += 1
    fixed: list[Span] = []
    taken = [False] * len(doc)
    for span in spans:
        label = span.label_
        if not span.id_:
            if len(span) == 1 and span.text in surnames:
                label = "PERSON"
            else:
                label = votes[span.text].most_common(1)[0][0]
        if label != span.label_:
            span = Span(doc, span.start, span.end, label=label)
        fixed.append(span)
        for i in range(span.start, span.end):
            taken[i] = True

    # a surname the model left unlabelled is still the person (``Lebed said``)
    for token in doc:
        if not taken[token.i] and token.text in surnames and token.is_title:
            fixed.append(Span(doc, token.i, token.i + 1, label="PERSON"))
    fixed.sort(key=lambda s: s.start)
    return fixed
