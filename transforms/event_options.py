"""The countries each role of a candidate event may take (the options the scorer's arg model
chooses among) and what a sentence names (its country mentions, sport, commerce, firms).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from transforms.event_linker import AUDIENCE_NOUNS, Linker, followed_by_backer
from transforms.event_scorer import (
    ArgOption,
    dep_path,
    option_features,
    path_length,
)
from transforms.event_syntax import noun_phrase
from transforms.event_topics import is_commerce, names_firm, sports_news
from transforms.resources import Resources
from transforms.text_spans import phrase_words


@dataclass(frozen=True, slots=True)
class _Mention:
    """A phrase of the sentence that names a country, a national body or a national."""

    head: Token
    span: Span
    country: str


NAMELESS_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LANGUAGE"}
)


def _country_mentions(sent: Span, linker: Linker) -> list[_Mention]:
    """The sentence's phrases with a country, in order: named entities (``Russia``, ``Putin``
    with his stated nationality), noun phrases the rules give one (``Iraqi forces``, ``the
    Kremlin``) and lone demonyms (``Turkish`` in ``Turkish soldiers`` is found with its
    phrase)."""
    out: dict[int, _Mention] = {}
    for ent in linker.ents_in(sent):
        if ent.label_ in NAMELESS_LABELS or followed_by_backer(ent.doc, ent.end_char):
            # (a backer is neither side: "US-backed Kurdish militia fought IS")
            continue
        country = linker.country_of(ent, ent.root)
        if country is not None:
            out[ent.root.i] = _Mention(ent.root, ent, country)
    for token in sent:
        if token.i in out or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        if token.pos_ == "ADJ":
            code = linker._demonym(token)
            if code is not None and not any(
                m.span.start <= token.i < m.span.end for m in out.values()
            ):
                out[token.i] = _Mention(token, sent.doc[token.i : token.i + 1], code)
            continue
        if token.dep_ in ("compound", "amod") or token.ent_type_:
            continue
        span = noun_phrase(token)
        country = linker.country_of(span, token)
        if country is not None:
            out[token.i] = _Mention(token, span, country)
    return [out[i] for i in sorted(out)]


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What a sentence names, read once for all its verbs."""

    mentions: list[_Mention]  # its countries, one mention each (_country_mentions)
    sport: bool  # it is sports news
    commerce: bool  # it names money, shares or prices
    firms: bool  # it names a company
    quoted: list[tuple[int, int]]  # the document's quotations that reach into it (offsets)


def sentence_facts(
    sent: Span, linker: Linker, resources: Resources, quoted: list[tuple[int, int]]
) -> SentenceFacts:
    """``quoted``: the document's spans between quotation marks (``find_quote_marks``)."""
    return SentenceFacts(
        mentions=_country_mentions(sent, linker),
        sport=sports_news(sent, resources.sport_words),
        commerce=is_commerce(sent),
        firms=names_firm(sent, linker.ents_in(sent)),
        quoted=[(s, e) for s, e in quoted if s < sent.end_char and e > sent.start_char],
    )


def phrase_kind(head: Token | None, resources: Resources) -> str:
    """What the rules' phrase for a role is: its entity label, an official noun, else its
    part of speech ("PRON" for "he", "NOUN" for "the plans"); "none" without one."""
    if head is None:
        return "none"
    if head.ent_type_:
        return head.ent_type_
    return "official" if head.lemma_.lower() in resources.official_nouns else head.pos_


def _attachment(token: Token) -> str:
    """How a mention hangs on its head: its relation, with a preposition's word
    (``pobj:with``), a possessive or a modifier of a noun (``amod``, ``compound``)."""
    if token.dep_ == "pobj":
        return f"pobj:{token.head.lower_}"
    return token.dep_


def role_options(
    role: str,
    root: str,
    verb: Token,
    rule: tuple[Token | None, Span | None, str | None, str | None, str | None],
    phrases: tuple[Span | None, Span | None],
    mentions: list[_Mention],
    linker: Linker,
    rule_head: str,
) -> tuple[ArgOption, ...]:
    """The countries one role may take: the rules' choice first (with its phrase), every other
    country the sentence names (by its mention nearest the verb in the parse), and none."""
    head, span, rule_country, rule_entity, other_rule = rule
    actor_phrase, target_phrase = phrases

    # not a mention inside the other role's phrase: "The Pakistani Taliban attacked a police
    # station" has no Afghan target, "refused to meet" no Iraqi one when Iraq refuses
    def inside(token: Token, phrase: Span | None) -> bool:
        return phrase is not None and phrase.start <= token.i < phrase.end

    other_phrase = target_phrase if role == "A" else actor_phrase
    mentions = [m for m in mentions if not inside(m.head, other_phrase)]
    countries = list(dict.fromkeys(m.country for m in mentions))

    def option(
        country: str | None, mention: Token | None, named: Span | None, entity: str | None
    ) -> ArgOption:
        features = option_features(
            role=role,
            root=root,
            lemma=verb.lemma_.lower(),
            country=country,
            path=dep_path(mention, verb) if mention is not None else "rule",
            before=mention is not None and mention.i < verb.i,
            mention_kind=(mention.ent_type_ or mention.pos_) if mention is not None else None,
            in_actor_phrase=mention is not None and inside(mention, actor_phrase),
            in_target_phrase=mention is not None and inside(mention, target_phrase),
            is_rule=country == rule_country,
            is_other_rule=country is not None and country == other_rule,
            rule_has_phrase=span is not None,
            first_in_sentence=bool(countries) and country == countries[0],
            only_country=len(countries) == 1 and country == countries[0],
            attachment=_attachment(mention) if mention is not None else None,
            rule_head=rule_head,
            distance=abs(mention.i - verb.i) if mention is not None else 0,
        )
        text, start, end = phrase_words(named)
        return ArgOption(country, text, entity, features, start, end)

    def nearest(country: str) -> _Mention:
        of_country = [m for m in mentions if m.country == country]
        return min(of_country, key=lambda m: (path_length(m.head, verb), abs(m.head.i - verb.i)))

    out = []
    if rule_country is not None:
        out.append(option(rule_country, head, span, rule_entity))
    for country in countries:
        if country == rule_country:
            continue
        m = nearest(country)
        if span is not None:
            # the rules' phrase stays the role ("the oil fields" of Iraq); only its country
            # comes from the mention
            out.append(option(country, m.head, span, rule_entity))
        else:
            out.append(option(country, m.head, m.span, linker.entity_in(m.span, m.head)))
    if rule_country is None:
        out.insert(0, option(None, None, span, rule_entity))
        if head is not None and head.lemma_.lower() in AUDIENCE_NOUNS:
            # "told reporters", "a news conference": an audience without a country of its
            # own takes none from the sentence (reporters and journalists are null)
            return (out[0],)
    else:
        out.append(option(None, None, None, None))
    return tuple(out)
