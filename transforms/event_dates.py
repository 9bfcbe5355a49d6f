"""The date of an act: the date expression of the verb's own clause or of a verb sharing its
time, never a thing's date, a bound or a duration; and whether the act lies ahead (future
tense, under a modal, scheduled), which decides how a weekday or a month resolves.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from transforms.dates import is_date_expression
from transforms.event_syntax import clause_chain, when_clause

SCHEDULE_HEADS = frozenset({"plan", "schedule", "expect", "agree", "set", "due"})


# a date after these bounds or spans the act, it does not date it ("until July 1", "by
# Friday", "since 2011", "between June and July")
BOUND_WORDS = frozenset({"until", "till", "through", "by", "since", "between", "for"})


def _bound(date_span: Span) -> bool:
    before = date_span.doc[date_span.start - 1] if date_span.start > 0 else None
    if date_span[0].lower_ in BOUND_WORDS or (before is not None and before.lower_ in BOUND_WORDS):
        return True
    # ... or further up its phrase: "until the end of March", "between midnight on Friday
    # and 1am on Saturday" ("by" and "for" only right before it: "attacked by militants on
    # Monday" is dated)
    token = date_span.root
    while token.dep_ in ("pobj", "prep", "conj", "cc", "compound", "npadvmod", "nummod"):
        token = token.head
        if token.dep_ == "prep" and token.lower_ in BOUND_WORDS - {"by", "for"}:
            return True
    return False


def _of_noun(date_span: Span) -> bool:
    """The date names a thing, not when the act happened: ``a 1986 pact``, ``1987's results``,
    ``the May 11 elections`` (but ``at today's hearing`` is when)."""
    root = date_span.root
    return (
        root.dep_ in ("compound", "nmod", "amod", "poss", "nummod")
        and root.head.pos_ in ("NOUN", "PROPN")
        and not _at_dated_occasion(date_span)
    )


def _at_dated_occasion(date_span: Span) -> bool:
    """``told the panel at today's hearing``, ``during last week's visit``."""
    root = date_span.root
    noun = root.head
    return (
        root.dep_ == "poss"
        and noun.dep_ == "pobj"
        and noun.head.lower_ in ("at", "during")
        and noun.head.dep_ == "prep"
    )


def _attached(date_span: Span, clause: Token) -> bool:
    """The date hangs on the clause's verb, itself or by a preposition (``on Thursday``,
    ``at today's hearing``)."""
    root = date_span.root
    if _at_dated_occasion(date_span):
        root = root.head
    return root.head.i == clause.i or (root.head.dep_ == "prep" and root.head.head.i == clause.i)


def _governing_verb(date_span: Span) -> Token | None:
    """The first verb above the date: the clause it dates, wherever the parser hung it
    (``warned the coalition on Thursday`` on ``coalition``; ``the May 11 elections`` is the
    clause's that holds ``elections``)."""
    token = date_span.root
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def date_of(verb: Token, sent_ents: list[Span]) -> Span | None:
    """The date expression of the verb's own clause; a coordinated, complement or purpose verb,
    a participle clause and a ``when`` clause share their head's date (``clause_chain``).  Not a date of another clause (a reported one, a
    relative clause, the reporting verb's), of a noun (``the May 11 elections``), a bound
    (``until July 1``) or what is no date (``three years``, ``annual``): the guidelines'
    reading of an event's date (docs/event_annotation.md, section 6)."""
    ents = [
        e
        for e in sent_ents
        if e.label_ in ("DATE", "TIME")
        and not _bound(e)
        and not _of_noun(e)
        and is_date_expression(e.text)
    ]
    chain = clause_chain(verb, simultaneous=True)
    for clause in chain:
        for e in ents:
            if _attached(e, clause):
                return e
    # a verb coordinated after it shares its date ("did not endorse the tax but raised it
    # yesterday")
    conjuncts = (
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ in ("VERB", "AUX")
        and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
    )
    for conjunct in conjuncts:
        for e in ents:
            if _attached(e, conjunct):
                return e
    in_chain = {t.i for t in chain}
    for e in ents:
        governing = _governing_verb(e)
        if governing is None or _relative_to_another(e, governing):
            continue
        if when_clause(governing):
            governing = governing.head
        elif governing.dep_ == "ccomp" and _before_subject(e, governing):
            # "told reporters Tuesday the arrest highlighted ...": the parser hangs a bare
            # date on the reported clause it precedes
            governing = governing.head
        if governing.i in in_chain:
            return e
    return None


def _before_subject(date_span: Span, clause: Token) -> bool:
    """The date comes before the clause's subject and its ``that``."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    mark = next((c for c in clause.children if c.dep_ == "mark"), None)
    start = subject.left_edge.i if mark is None else min(mark.i, subject.left_edge.i)
    return date_span.end <= start


# a date of a noun after these dates another happening the act is timed against
RELATIVE_TIME_WORDS = frozenset(
    {"ahead", "before", "after", "since", "until", "following", "prior", "pending"}
)


def _relative_to_another(date_span: Span, governing: Token) -> bool:
    """Between the date and its verb sits a word that times the act against something else:
    the date is that thing's (``told reporters ahead of his departure on Sunday``)."""
    token = date_span.root.head
    while token.i != governing.i:
        if token.lower_ in RELATIVE_TIME_WORDS:
            return True
        token = token.head
    return False


FUTURE_DATE_RE = re.compile(r"\b(next|coming|tomorrow|later this)\b", re.IGNORECASE)


def is_future(verb: Token) -> bool:
    """Future tense or a scheduled event ("will meet", "plans to visit", "a truce on Thursday")."""
    chain = clause_chain(verb)
    for token in chain:
        if any(
            c.dep_ == "aux" and (c.lemma_.lower() in ("will", "shall") or c.lower_ == "'ll")
            for c in token.children
        ):
            return True
        if token.i != verb.i and (
            token.lemma_.lower() in SCHEDULE_HEADS or future_auxiliary(token)
        ):
            return True
        if any(c.lower_ in ("to", "going") and c.dep_ == "aux" for c in token.children) and (
            token.head.lemma_.lower() in ("be",) or token.head.lower_ in ("due", "set")
        ):
            return True
    return False


SCHEDULED_NOUNS = frozenset(
    {"truce", "ceasefire", "meeting", "talk", "summit", "vote", "election", "visit", "deadline"}
    | {"referendum", "conference", "negotiation", "pause", "exchange", "withdrawal"}
)


def is_scheduled(date_span: Span, target: Span | None) -> bool:
    """A date right after an arranged thing names when it is scheduled (``agreed to a truce on
    Thursday``), so a bare weekday is the coming one; the parser often hangs such a date on the
    verb, hence the word-order test."""
    if target is None or target.root.lemma_.lower() not in SCHEDULED_NOUNS:
        return False
    gap = date_span.start - target.end
    return gap == 0 or (gap == 1 and target.doc[target.end].pos_ == "ADP")


def future_auxiliary(verb: Token) -> bool:
    """``is going to attack``: the going is the future tense of its complement, no act."""
    return (
        verb.lemma_.lower() == "go"
        and verb.tag_ == "VBG"
        and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in verb.children
        )
    )
