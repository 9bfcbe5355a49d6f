"""Lookup data the transforms need, passed in explicitly (loaded once per process by the flow)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from transforms.event_scorer import EventScorer
from transforms.geo import Gazetteer


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    label: str
    root_code: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True, slots=True)
class Resources:
    gazetteer: Gazetteer = field(default_factory=Gazetteer)
    # lower-cased demonym or nationality ("iraqi") -> ISO alpha-3 country code
    demonyms: dict[str, str] = field(default_factory=dict)
    # a people's irregular plural -> its demonym ("poles" -> "polish"; demonym_plurals.tsv)
    demonym_plurals: dict[str, str] = field(default_factory=dict)
    # lower-cased titles and honorifics stripped from person names ("president", "gen.")
    titles: frozenset[str] = frozenset()
    # reporting verb lemmas ("say", "warn") that introduce quotes
    speech_verbs: frozenset[str] = frozenset()
    # verb lemma or lemma phrase ("speak by telephone with") -> CAMEO code
    cameo_verbs: dict[str, str] = field(default_factory=dict)
    cameo_codes: dict[str, CameoCode] = field(default_factory=dict)
    # organisations that CAMEO codes as IGO (lower-cased names and acronyms)
    igos: frozenset[str] = frozenset()
    # curated actor dictionary (actor_countries.tsv): names implying a nationality
    # (lower-cased "the kremlin" -> "RUS", "petrobras" -> "BRA"), in file order; "-" marks a
    # name ambiguous across countries ("social democrats")
    actor_countries: tuple[tuple[str, str], ...] = ()
    # person name or unambiguous surname (lower-case) -> nationality the corpus states for it
    # ("shevardnadze" -> "RUS"); derived by scripts/derive_actor_affiliations.py
    actor_affiliations: dict[str, str] = field(default_factory=dict)
    # nouns naming an official or a government body ("ministry", "spokesman") that serve the
    # country their sentence names when the text gives them no nationality
    official_nouns: frozenset[str] = frozenset()
    # reporting verbs that make a statement event when they name an addressee ("tell" -> 010)
    statement_verbs: dict[str, str] = field(default_factory=dict)
    # "verb object" lemma pairs that are idioms, not the verb's event ("meet obligation")
    non_event_objects: frozenset[str] = frozenset()
    # words that mark a sentence as sports news, where the annotation codes no events
    sport_words: frozenset[str] = frozenset()
    # words that make calling something ("called the order unconstitutional") a criticism
    disapproval_words: frozenset[str] = frozenset()
    # words that make calling something ("called him a genuine hero") praise
    approval_words: frozenset[str] = frozenset()
    # causes of death that are no actor ("an avalanche killed"): such killings are no events
    disaster_words: frozenset[str] = frozenset()
    # crowds and workforces, whose strikes, blockades and protests are 14x events
    crowd_words: frozenset[str] = frozenset()
    # words of wire tables the model labels as names when alone ("Revs", "cts"): no names
    non_names: frozenset[str] = frozenset()
    # a minister's or secretary's portfolio ("finance"): no organisation inside a title
    portfolios: frozenset[str] = frozenset()
    # a nation's institutions that name no nation alone ("government", "foreign ministry")
    national_bodies: frozenset[str] = frozenset()
    # an organisation's other names (name key: "eu", "u.n.") -> its canonical name
    organization_names: dict[str, str] = field(default_factory=dict)
    # the learned layer over the event rules (event_scorer.json); None: the rules decide alone
    event_scorer: EventScorer | None = None
    # first lemma of every multi-word ``cameo_verbs`` entry (derived): a verb whose lemma is not
    # one of them can only match alone, so the words after it are not read
    cameo_phrase_heads: frozenset[str] = field(init=False, default=frozenset())
    # ``actor_countries`` keyed for the scan (derived): lower-case name -> country, and the
    # names by their first word, longest first, so that where several start the longest wins
    # ("social democrats" before "democrats")
    actor_country_codes: dict[str, str] = field(init=False, default_factory=dict)
    actor_names_by_first_word: dict[str, tuple[str, ...]] = field(init=False, default_factory=dict)
    # the last word of the dictionary's names of two or more words, where every such name that
    # ends with it has the same country (derived): "blair" -> GBR from "tony blair", for "Mr
    # Blair"; a surname names that person only after a title (the linker asks for one)
    actor_surnames: dict[str, str] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        heads = frozenset(p.split(" ", 1)[0] for p in self.cameo_verbs if " " in p)
        object.__setattr__(self, "cameo_phrase_heads", heads)
        codes = {_without_possessive(name).lower(): code for name, code in self.actor_countries}
        object.__setattr__(self, "actor_country_codes", codes)
        by_first: dict[str, list[str]] = {}
        for name in sorted(codes, key=lambda name: (-len(name), name)):
            first = _WORD_RUN.match(name)
            if first is not None:
                by_first.setdefault(first.group(0), []).append(name)
        object.__setattr__(
            self, "actor_names_by_first_word", {k: tuple(v) for k, v in by_first.items()}
        )
        by_last: dict[str, set[str]] = {}
        for name, code in codes.items():
            words = name.split()
            if len(words) > 1 and all(w.isalpha() for w in words):
                by_last.setdefault(words[-1], set()).add(code)
        surnames = {last: c.pop() for last, c in by_last.items() if len(c) == 1 and "-" not in c}
        object.__setattr__(self, "actor_surnames", surnames)

    def nationality(self, name: str, irregular_plurals: bool = True) -> str | None:
        """The country of a nationality or a people: ``Ukrainian``, ``Americans``, ``North
        Koreans``, ``Poles`` (a plural only written as a name: ``telephone poles`` is none;
        the irregular ones only if ``irregular_plurals``)."""
        folded = name.casefold()
        code = self.demonyms.get(folded)
        if code is not None or not name[:1].isupper():
            return code
        singular = self.demonym_plurals.get(folded) if irregular_plurals else None
        if singular is None and folded.endswith("s"):
            singular = folded[:-1]
        return self.demonyms.get(singular) if singular else None

    def known_actor_country(self, text: str) -> str | None:
        """The country of the leftmost (then longest) dictionary name in a phrase; None when
        there is none or it is ambiguous ("-").  Only names written as names count: a match
        with no capital letter is a common noun ("a congress of young communists")."""
        text = _without_possessive(text)
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): rare
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        resume = 0  # a name ends where the next may start, as the matches of a search
        for word in _WORD_RUN.finditer(lowered):
            start = word.start()
            if start < resume:
                continue
            for name in self.actor_names_by_first_word.get(word.group(0), ()):
                end = start + len(name)
                if lowered.startswith(name, start) and not _WORD.match(lowered, end):
                    if any(c.isupper() for c in text[start:end]):
                        code = self.actor_country_codes[name]
                        return None if code == "-" else code
                    resume = end
                    break
        return None


_WORD = re.compile(r"\w")
_WORD_RUN = re.compile(r"\w+")


def _without_possessive(text: str) -> str:
    """``People's Liberation Army`` and ``Putin's`` as the dictionary spells them."""
    return text.replace("\u2019s", "").replace("'s", "")
