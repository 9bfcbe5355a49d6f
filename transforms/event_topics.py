"""What a sentence is about, for the rules' gates and the scorer's features: money and
companies (business news), sport, and documents that say what they provide (``That pact
calls on Japan``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

COMPANY_NAME = re.compile(
    r"\b(?:Corp|Corporation|Inc|Ltd|Co|Company|plc|PLC|AG|SA|NV|Holdings|Oy|GmbH|SpA|Bhd)\b"
)
COMPANY_NOUNS = frozenset({"company", "firm", "maker", "manufacturer", "producer", "venture"})
# nouns that only a business sentence uses ("maker" and "producer" are left out: "policy
# makers", "oil producers" are often nations)
FIRM_NOUNS = frozenset(
    {"company", "firm", "subsidiary", "consortium", "affiliate", "conglomerate", "manufacturer"}
)
# a stock ticker as news wires print it: "<TCK>", "<NIPN.T>"
TICKER = re.compile(r"<[A-Z]{1,5}(?:\.[A-Z]{1,2})?>")
# documents and terms: "that pact calls on Japan to stop", "a deficit budget calling for
# spending", "the contract provides for": what they say is their terms, no one's act
TERMS_NOUNS = frozenset(
    {
        "agreement",
        "accord",
        "pact",
        "treaty",
        "deal",
        "contract",
        "proposal",
        "plan",
        "budget",
        "bill",
        "tender",
        "lawsuit",
        "package",
        "program",
        "programme",
        "legislation",
        "amendment",
        "decree",
        "regulation",
        "memorandum",
    }
)


COMMERCE_WORDS = frozenset(
    {"share", "stake", "pct", "dlrs", "price", "profit", "earnings", "revenue", "dividend"}
)


def is_commerce(sent: Span) -> bool:
    """A sentence about money: an amount or a percentage, shares, stakes, prices."""
    return any(
        t.ent_type_ in ("MONEY", "PERCENT") or t.lemma_.lower() in COMMERCE_WORDS for t in sent
    )


# a word of running text, hyphenated compounds whole ("semi-final", "tie-break")
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def sports_news(sent: Span, sport_words: frozenset[str]) -> bool:
    """A sentence with a word of sport (sport_words.txt). The tokenizer splits "semi-final"
    and "tie-break", so words are read off the text, each compound whole and in its parts
    ("rugby-mad")."""
    return any(
        word in sport_words or any(part in sport_words for part in word.split("-"))
        for word in WORD_RE.findall(sent.text.casefold())
    )


def names_firm(sent: Span, ents: Iterable[Span]) -> bool:
    """A sentence that names a company: a ticker, a name with a legal form, or a firm noun
    (``AW Computer Systems Inc said it signed an agreement``). ``ents``: the sentence's named
    entities (``sent.ents`` rebuilds the document's list on every access)."""
    if TICKER.search(sent.text):
        return True
    if any(ent.label_ == "ORG" and COMPANY_NAME.search(ent.text) for ent in ents):
        return True
    return any(t.lemma_.lower() in FIRM_NOUNS for t in sent)


def provides_terms(verb: Token, actor: Token | None) -> bool:
    """The verb says what a document provides: its subject is one (``that pact calls on
    Japan``), or it is a participle on one (``a budget calling for spending``)."""
    if actor is not None and actor.lemma_.lower() in TERMS_NOUNS:
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in TERMS_NOUNS


def is_company(span: Span, head: Token) -> bool:
    """A company by its legal form or its noun (``Neste Oy``, ``the company``)."""
    if head.lemma_.lower() in COMPANY_NOUNS:
        return True
    return head.ent_type_ == "ORG" and COMPANY_NAME.search(span.text) is not None
