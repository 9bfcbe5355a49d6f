"""Events: actor -> action -> target clauses, coded with CAMEO from the verb lexicon.

``event_candidates`` walks the dependency parse: every verb (or verb phrase) in the CAMEO lexicon
is a candidate event with its subject as actor and its object as target, with the reason the
rules would drop it, if any.  ``decide_events`` keeps the rules' events, or, when the resources
carry the learned scorer (``transforms/event_scorer.py``), lets it drop, add and complete them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime

from spacy.tokens import Doc, Span, Token

from transforms.dates import ResolvedDate, is_date_expression, resolve_date
from transforms.entities import PLACE_LABELS, EntityExtraction
from transforms.event_scorer import (
    ArgOption,
    EventScorer,
    country_share,
    dep_path,
    option_features,
    path_length,
    predicate_features,
)
from transforms.ids import row_id
from transforms.quotes import find_quote_marks
from transforms.records import EventRecord, QuoteRecord
from transforms.resources import Resources
from transforms.speaker_gender import gender_of
from transforms.text_spans import SentenceIndex, doc_text, head_indices

MODALS = frozenset({"could", "may", "might", "would", "should", "can", "must"})
# "was forced to resign", "were obliged to": with nobody doing the forcing, no coercion event
CIRCUMSTANCE_VERBS = frozenset({"force", "compel", "oblige"})
# verbs whose that-clause is a demand, in the subjunctive: "demanded that Egypt release"
SUBJUNCTIVE_HEADS = frozenset(
    {"demand", "urge", "ask", "insist", "request", "recommend", "suggest", "propose", "require"}
)
HYPOTHETICAL_HEADS = frozenset(
    {
        "threaten",
        "plan",
        "propose",
        "consider",
        "offer",
        "want",
        "seek",
        "hope",
        "vow",
        "promise",
        "intend",
        "agree",
        "pledge",
        "undertake",
        # appeals: what X is urged or asked to do has not happened ("called on Russia to
        # withdraw its troops"); the appeal itself is the event (02x)
        "urge",
        "call",
        "ask",
        "press",
        "request",
        "appeal",
        "encourage",
    }
)
# what is expected, likely or about to happen has not happened ("is likely to attack", "is
# expected to sign", "is going to strike"); an announced meeting is the exception: CAMEO
# codes it as the intent to meet (036), which is the event
PROSPECT_HEADS = frozenset(
    {"likely", "unlikely", "poised", "ready", "willing", "eager", "expect", "set", "due"}
)
STOP_HEADS = frozenset(
    {"stop", "cease", "halt", "suspend", "end", "refuse", "decline", "fail", "deny", "avoid"}
)
# what these fear, hope, expect or predict is not asserted ("fears the economy is heading for
# a recession")
EXPECTATION_HEADS = frozenset({"fear", "hope", "expect", "predict", "anticipate", "worry"})
REPORTING_LEMMAS = frozenset({"say", "tell", "add", "report", "announce", "state", "note"})
# no one did it: "No group has claimed responsibility", "presented no evidence"
NOBODY = frozenset({"nobody", "none", "nothing", "no-one"})
REFUSAL_HEADS = frozenset({"refuse", "decline"})
# Verbs whose infinitive/gerund complement carries the event ("prepared to retake", "stopped
# bombing"): the matrix verb itself is aspect or intent, not a CAMEO action, when it has one.
CONTROL_HEADS = STOP_HEADS | frozenset(
    {
        "prepare",
        "plan",
        "try",
        "attempt",
        "seek",
        "want",
        "begin",
        "start",
        "continue",
        "decide",
        "intend",
        "hope",
        "expect",
        "resume",
        "keep",
        "manage",
        "move",
        "vow",
        "promise",
        "aim",
        "agree",
    }
)
SCHEDULE_HEADS = frozenset({"plan", "schedule", "expect", "agree", "set", "due"})


TARGET_PREPS = ("against", "with", "on", "to", "at", "into", "from")
PHRASE_WINDOW = 6  # words after the verb a lexicon phrase may span


MEASURE_NOUNS = frozenset({"day", "week", "month", "hour", "round", "series", "year", "minute"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nummod", "quantmod", "nmod", "npadvmod"})


def _phrase_lemmas(verb: Token, bare: bool = False) -> list[tuple[str, Token]]:
    """Lemmas of the words after the verb in its own clause (particles, prepositions, objects);
    ``bare`` also drops the modifiers of nouns (``signed a 13 mln dlr contract``, ``fired a
    banned missile``)."""
    out: list[tuple[str, Token]] = []
    skip: set[int] = set()
    if bare:
        # "two days of talks", "several hours of talks": the measure stands for its noun
        for token in verb.doc[verb.i + 1 : verb.i + 1 + PHRASE_WINDOW * 2]:
            if token.lemma_.lower() in MEASURE_NOUNS:
                of = next((c for c in token.children if c.lower_ == "of"), None)
                if of is not None:
                    skip.update((token.i, of.i))
    heads = head_indices(verb.doc)
    for token in verb.doc[verb.i + 1 : verb.i + 1 + PHRASE_WINDOW * 2]:
        if token.i in skip:
            continue
        head = heads[token.i]
        if head != verb.i and heads[head] != verb.i and heads[heads[head]] != verb.i:
            continue
        if token.pos_ in ("DET", "PUNCT", "NUM", "PRON") or token.dep_ == "poss":
            continue
        if token.dep_ == "advmod" and token.lower_.endswith("ly"):
            continue  # a manner adverb: "talking directly with the US", "sharply criticised"
        if token.pos_ == "ADJ" and (bare or token.dep_ != "amod"):
            # an adjective counts only as a noun's modifier in the full pass: "imposed
            # martial law" (1724) against "imposed new sanctions" (the bare pass)
            continue
        if bare and token.dep_ in MODIFIER_DEPS and token.head.i > token.i:
            continue
        out.append((token.lemma_.lower(), token))
        if len(out) >= PHRASE_WINDOW:
            break
    return out


def match_cameo(verb: Token, resources: Resources) -> tuple[str, str, Token | None] | None:
    """(code, matched pattern, last token of the phrase) for the longest lexicon match."""
    lemma = verb.lemma_.lower()
    best: tuple[str, str, Token | None] | None = None
    phrases = lemma in resources.cameo_phrase_heads
    for following in (_phrase_lemmas(verb), _phrase_lemmas(verb, bare=True)) if phrases else ():
        # the longest lexicon phrase that starts with this lemma and goes on with a prefix of
        # the words after it, with or without the nouns' modifiers
        for width in range(min(len(following), PHRASE_WINDOW), 0, -1):
            pattern = " ".join([lemma, *(w for w, _ in following[:width])])
            code = resources.cameo_verbs.get(pattern)
            if code is not None and (best is None or len(pattern) > len(best[1])):
                best = (code, pattern, following[width - 1][1])
    if best is not None:
        return best
    # "sanctions imposed by the US": the modified noun is the verb's object; so is the
    # subject of a passive ("the attack was launched", "sanctions were imposed")
    objects = [verb.head] if verb.dep_ == "acl" and verb.head.i < verb.i else []
    if (
        verb.dep_ == "relcl"
        and verb.head.i < verb.i
        and all(c.lower_ in RELATIVE_PRONOUNS for c in verb.children if c.dep_ == "dobj")
    ):
        # "the treaty that Russia signed", "the accord Venezuela signed": the noun the clause
        # modifies is its object
        objects.append(verb.head)
    objects += [c for c in verb.children if c.dep_ == "nsubjpass"]
    for noun in objects:
        pattern = f"{lemma} {noun.lemma_.lower()}"
        code = resources.cameo_verbs.get(pattern)
        if code is not None:
            return code, pattern, None
    code = resources.cameo_verbs.get(lemma)
    return (code, lemma, None) if code is not None else None


def _np(token: Token) -> Span:
    """The noun phrase of ``token``: its left modifiers, compounds, coordinated nouns and an
    ``of`` complement (``the town of Qaraqosh``, ``the leaders of Turkey and Iraq``)."""
    doc = token.doc
    left = token.left_edge.i
    right = token.i
    for child in token.children:
        if child.i < token.i:
            continue
        if child.dep_ in ("compound", "flat", "appos"):
            right = max(right, child.i)
        elif child.dep_ == "conj" or (
            # "the leaders of Turkey", not "accused the company of perpetrating ..."
            child.dep_ == "prep"
            and child.lower_ == "of"
            and not any(c.dep_ == "pcomp" for c in child.children)
        ):
            right = max(right, child.right_edge.i)
    return doc[left : right + 1]


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """(actor head, passive?) following xcomp/conj chains ("prepared to retake", "met and agreed").

    A passive clause without a ``by`` agent has no actor: its grammatical subject is the target.
    Adverbial clauses (``after IS militants were driven out``) keep their own subject."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return _antecedent(child), False
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj, True
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        # "He returned ... and was arrested": a passive without an agent has no actor, also
        # when it shares its subject with the verb it is coordinated with
        return None, True
    if verb.dep_ == "xcomp":
        # the subject of a passive head does its complement: "Russia is expected to attack",
        # "Iran was urged to stop" -> Russia, Iran
        for child in verb.head.children:
            if child.dep_ == "nsubjpass":
                return _antecedent(child), False
        # object control: "urged Iran to stop", "called on Russia to withdraw" -> Iran, Russia
        for child in verb.head.children:
            if child.dep_ == "dobj" and child.i < verb.i:
                return child, False
            if child.dep_ == "prep" and child.lower_ == "on" and child.i < verb.i:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj, False
    if verb.dep_ == "pcomp" and verb.head.lower_ in ASSERTING_PREPS and verb.head.dep_ == "prep":
        # "he told reporters after meeting with Suharto": the one who told met
        return _subject(verb.head.head)
    if (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBD", "VBZ")
        and verb.tag_ != verb.head.tag_
        and (
            (verb.head.tag_ == "VB" and verb.head.dep_ in ("xcomp", "ccomp"))
            or _demand_clause(verb.head)
        )
        and verb.head.head.i != verb.head.i
    ) or (_demand_clause(verb.head) and verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        # "Al Jazeera has demanded that Egypt release Hussein and condemned ...", "... while
        # condemning ...", "Raab urged the embassy to reconsider and spoke with Pompeo": a
        # finite verb is not coordinated with an infinitive or a subjunctive, and the
        # participle goes with the demand; both share the subject of the clause above
        return _subject(verb.head.head)
    if verb.dep_ in ("xcomp", "conj", "pcomp") and verb.head.i != verb.i:
        return _subject(verb.head)
    if (
        verb.dep_ == "advcl"
        and (
            verb.tag_ == "VBG"
            or (_purpose_clause(verb) and verb.head.lemma_.lower() in JOURNEY_VERBS)
        )
        and verb.head.i != verb.i
    ):
        # "began his tour on Friday, holding talks with ...", "went to Ankara to meet
        # Erdogan": the participle and the infinitive of purpose share the subject
        return _subject(verb.head)
    if (
        verb.dep_ == "acl"
        and verb.head.i < verb.i
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and (
            verb.tag_ == "VBD"
            # "Trump called NATO obsolete" read as "a name called X": a bare name right
            # before a participle with an object (a noun with an article is "a company
            # called Malibu")
            or (
                verb.head.pos_ == "PROPN"
                and verb.i == verb.head.i + 1
                and not any(c.dep_ == "det" for c in verb.head.children)
                and any(c.dep_ == "dobj" for c in verb.children)
            )
            # "The coalition bombed Mosul": a participle right after the root noun with a
            # named object (read as a bare noun phrase), unless it names ("a firm called X")
            or (
                verb.i == verb.head.i + 1
                and verb.lemma_.lower() not in NAMING_VERBS
                and any(
                    c.dep_ == "npadvmod" and c.ent_type_ and c.ent_type_ not in ("DATE", "TIME")
                    for c in verb.children
                )
            )
        )
    ):
        # the parser's misreading of a short clause: "The coalition bombed Mosul" as a noun
        # with a past-tense modifier; the noun is the subject
        return verb.head, False
    return None, False


def _demand_clause(verb: Token) -> bool:
    """What a demand asks for, in the subjunctive: ``(demanded that Egypt) release``."""
    return (
        verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() in SUBJUNCTIVE_HEADS
        and verb.tag_ in ("VB", "VBP")
    )


NAMING_VERBS = frozenset({"call", "name", "know", "dub", "title", "entitle", "label"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
SAYING_HEADS = frozenset(
    {"say", "announce", "state", "add", "tell", "report", "claim", "warn", "insist", "declare"}
)


def _antecedent(subject: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies (``the first figure who
    visited``; with ``X was the figure who``, for X); ``it``/``they`` as subject of a clause
    reported by ``X said`` is X (``North Korea said it agreed``)."""
    clause = subject.head
    lower = subject.lower_
    if lower in RELATIVE_PRONOUNS and clause.dep_ == "relcl":
        noun = clause.head
        if noun.dep_ == "attr":
            named = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            if named is not None:
                return named
        return noun
    if lower in ("it", "they", "he", "she"):
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SAYING_HEADS:
            # "Iran ..., warning that it would retaliate": the participle's subject too;
            # "reports said he discussed": he is a person, not the reports
            speaker, _ = _subject(clause.head)
            if (
                speaker is not None
                and speaker.pos_ != "PRON"
                and (lower not in ("he", "she") or speaker.pos_ == "PROPN" or speaker.ent_type_)
            ):
                return speaker
    return subject


def _prep_target(head: Token, after: int | None = None) -> Token | None:
    """The object of a target preposition after ``head`` (``condolences to Erdogan``)."""
    for prep in head.children:
        if (
            prep.dep_ in ("prep", "dative")
            and prep.lower_ in TARGET_PREPS
            and prep.i > (head.i if after is None else after)
        ):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ not in ("DATE", "TIME"):
                    return pobj
    return None


GROUNDS_NOUNS = frozenset(
    {"suspicion", "charge", "accusation", "allegation", "warrant", "request", "behalf"}
    | {"ground", "basis", "order", "instruction", "condition"}
)


def _aimed_elsewhere(
    verb: Token, target: Token | None, actor_span: Span | None, linker: _Linker
) -> tuple[Token, Span, str] | None:
    """A national actor the act is aimed at when the rules' target has no country: the object
    of a target preposition on the verb or on its object (``offered wheat to China``, ``held
    talks on Sunday with Brazilian President Sarney``), else the object's owner (``rejected
    Japan's proposal``)."""
    named = target is not None and target.ent_type_ and target.ent_type_ not in NAMELESS_LABELS
    if target is not None and (named or target.pos_ in ("PRON", "PROPN")):
        # a named or pronoun target stays the target, country or not: "Baratov was arrested
        # on a US warrant"
        return None
    heads = [verb] if target is None else [verb, target]
    for head in heads:
        for prep in head.children:
            if prep.dep_ not in ("prep", "dative") or prep.lower_ not in TARGET_PREPS:
                continue
            if prep.i < verb.i:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or pobj.ent_type_ in NAMELESS_LABELS:
                    continue
                if pobj.lemma_.lower() in GROUNDS_NOUNS:
                    # "arrested two employees on suspicion of exporting to the Soviet Union":
                    # the grounds of the act name no one it is aimed at
                    continue
                if actor_span is not None and actor_span.start <= pobj.i < actor_span.end:
                    continue
                span = _np(pobj)
                country = linker.country_of(span, pobj)
                if country is not None:
                    return pobj, span, country
    if target is not None:
        owner = next((c for c in target.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "PROPN":
            country = linker.country_of(_np(owner), owner)
            if country is not None:
                return target, _np(target), country
    return None


def _passive_clause(verb: Token) -> bool:
    """A passive verb, or one coordinated with a passive and with no subject of its own (the
    tagger often reads ``and occupied`` as past tense)."""
    if any(c.dep_ in ("nsubj", "dobj") for c in verb.children):
        return False
    return any(c.dep_ in ("auxpass", "agent") for c in verb.children) or any(
        c.dep_ == "nsubjpass" for c in verb.head.children
    )


def _object(verb: Token, phrase_end: Token | None) -> Token | None:
    if phrase_end is not None and phrase_end.dep_ == "prep" and phrase_end.i > verb.i:
        # "hold talks with X": a phrase ending on its preposition names the target
        pobj = next(
            (
                c
                for c in phrase_end.children
                if c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME")
            ),
            None,
        )
        if pobj is not None:
            return pobj
    recipient = next(
        (c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN")), None
    )
    if recipient is not None:
        # "will lend Ecuador crude", "gave Iraq weapons": the one it is done to
        return recipient
    for child in verb.children:
        if child.dep_ == "nsubjpass" and any(
            o.dep_ == "nsubjpass" and child.i < o.i < verb.i for o in verb.children
        ):
            # two passive subjects, a misparse ("Trouble flared after nine French
            # peacekeepers were killed"): the one next to the verb
            continue
        if child.dep_ in ("dobj", "obj", "nsubjpass") or (
            # "bombed Mosul" misread as an adverbial noun
            child.dep_ == "npadvmod"
            and child.i == verb.i + 1
            and child.ent_type_ in ("GPE", "LOC", "ORG", "PERSON", "NORP", "FAC")
        ):
            if phrase_end is not None and child.i == phrase_end.i:
                # "offered condolences to Erdogan": the object is part of the predicate
                aimed = _prep_target(child) or _prep_target(verb, after=child.i)
                if aimed is not None:
                    return aimed
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                # "two German reporters, who were arrested", "the rebels whom Iraqi forces
                # attacked": the noun the clause modifies
                return _antecedent(child)
            return child
    if verb.dep_ == "conj" and verb.head.i < verb.i and _passive_clause(verb):
        # "was invaded by Germany and occupied": the coordinated passive shares the subject
        shared = next((c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if shared is not None:
            return shared
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.i < verb.i
        and (
            any(c.dep_ == "agent" for c in verb.children)
            or verb.lemma_.lower() in KILLING_VERBS | ATTACK_VERBS | {"arrest", "detain"}
        )
    ):
        # "Canada, strongly supported by Australia", "an American commando killed in a
        # Yemen raid": the participle's noun is what it acts on
        return verb.head
    start = phrase_end.i if phrase_end is not None else verb.i
    for child in verb.children:
        if child.dep_ == "prep" and child.lemma_.lower() in TARGET_PREPS and child.i >= start:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ not in ("DATE", "TIME"):
                    return pobj
    if phrase_end is not None and phrase_end.dep_ == "pobj":
        return phrase_end  # "speak by telephone with X": the phrase ends on its target's prep
    for child in verb.subtree:
        if (
            child.dep_ == "pobj"
            and child.head.lemma_.lower() in TARGET_PREPS
            and child.head.head.i in (verb.i, *(t.i for t in verb.children))
            and child.i > start
            and child.ent_type_ not in ("DATE", "TIME")
        ):
            return child
    return None


PERSON_LIKE_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
PRONOUN_GENDERS = {"he": "male", "him": "male", "she": "female", "her": "female"}
# what is named after the city where it was made: "the Paris pact", "the Minsk accords"
NAMED_AFTER_PLACE_NOUNS = frozenset(
    {"pact", "accord", "agreement", "treaty", "protocol", "convention", "declaration"}
    | {"communique", "process", "format", "consensus", "club", "talk", "round"}
)


# "Turkish-backed", "UK-based": a nation that backs or hosts the actor is not its country
# ("US-led" is: a coalition takes its leading country)
BACKER_WORDS = frozenset(
    {"backed", "based", "born", "funded", "sponsored", "supported", "trained", "allied", "owned"}
)
# a proper noun the recogniser missed counts as a city from this size (see _untagged_city)
UNTAGGED_CITY_POPULATION = 100_000
# "Latin American", "North American": a region's people, no one country's
REGION_PREFIXES = frozenset({"latin", "central", "south", "north", "pan", "anglo"})
# addressees that are an audience, not an actor: "told reporters", "a news conference"
AUDIENCE_NOUNS = frozenset(
    {"reporter", "journalist", "conference", "briefing", "press", "media", "audience", "crowd"}
)


def _backer(doc: Doc, end_char: int) -> bool:
    """The words ending at ``end_char`` are followed by ``-backed``, ``-based`` ..."""
    text = doc_text(doc)  # (memoised: Doc.text joins every token again on each call)
    if not text.startswith("-", end_char):
        return False
    word = re.match(r"-([a-z]+)", text[end_char : end_char + 16])
    return word is not None and word.group(1) in BACKER_WORDS


def _nearest_before(
    mentions: list[Span],
    ends: list[int],
    token: Token,
    floor: int,
    accept: Callable[[Span], bool] = lambda _: True,
) -> Span | None:
    """The mention (in document order, ``ends`` their end tokens) ending last at or before
    ``token`` that ``accept`` allows, if it starts at ``floor`` or later."""
    at = bisect.bisect_right(ends, token.i) - 1
    while at >= 0 and mentions[at].start >= floor:
        if accept(mentions[at]):
            return mentions[at]
        at -= 1
    return None


class _Linker:
    def __init__(self, doc: Doc, entities: EntityExtraction, resources: Resources) -> None:
        self.entities = entities
        self.resources = resources
        self.spans = sorted(entities.by_span)
        # mention spans are disjoint (spaCy's entities and the rules' spans, filtered), so the
        # one covering a character is found by bisection, not by a scan of the document's
        # mentions for every phrase (quadratic on a long article)
        self.starts = [start for start, _ in self.spans]
        self.disjoint = all(a[1] <= b[0] for a, b in itertools.pairwise(self.spans))
        # doc.ents and Span.ents rebuild the document's entity list on every access: once here
        self.ents = list(doc.ents)
        self.ent_starts = [e.start for e in self.ents]
        self.nationality = self._nationalities(doc)
        # PERSON mentions in document order, computed once per document: ``he``/``she``
        # stands for the nearest one before it
        # (the small model often tags a person's bare surname as ORG: "Kushner said he")
        self.persons = [
            e
            for e in self.ents
            if e.label_ == "PERSON"
            or (e.label_ == "ORG" and e.root.pos_ == "PROPN" and e.root.dep_ in PERSON_LIKE_DEPS)
        ]
        self.person_ends = [e.end for e in self.persons]
        # ``it`` stands for the nearest organisation, country or group named before it in its
        # sentence (``they`` is too often people: "meet with people and understand why they")
        self.bodies = [e for e in self.ents if e.label_ in ("ORG", "GPE", "NORP")]
        self.body_ends = [e.end for e in self.bodies]

    def body_before(self, pronoun: Token) -> Span | None:
        """The ORG/GPE/NORP mention nearest before an ``it`` in its own sentence (``China
        Everbright Holdings grew fast, and it signed ...``)."""
        return _nearest_before(self.bodies, self.body_ends, pronoun, pronoun.sent.start)

    def person_before(self, pronoun: Token) -> Span | None:
        """The PERSON mention nearest before a ``he``/``she`` (``Kushner said he would appear,
        after it was revealed he met ...``), within the pronoun's or the previous sentence, of
        a gender the pronoun allows (``Trump ... Merkel ... he had praised her``: Trump)."""
        sent = pronoun.sent
        previous = sent.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        wanted = PRONOUN_GENDERS.get(pronoun.lower_)
        return _nearest_before(
            self.persons,
            self.person_ends,
            pronoun,
            previous,
            lambda person: wanted is None or self._gender(person) in (None, wanted),
        )

    def _gender(self, person: Span) -> str | None:
        """The gender a person's name or title shows (its fullest name in the document)."""
        entity_id = self.entity_at(person.root)
        name = self.entities.info[entity_id][1] if entity_id is not None else person.text
        before = person.doc[person.start - 1].text if person.start > 0 else None
        return gender_of(name, before)

    def _covering(self, char: int) -> tuple[int, int] | None:
        """The mention span that covers a character offset, if any."""
        for start, end in self._spans_from(char):
            if start > char:
                break
            if char < end:
                return start, end
        return None

    def ents_in(self, span: Span) -> list[Span]:
        """The named entities inside a span (``span.ents``, without rebuilding them)."""
        lo = bisect.bisect_left(self.ent_starts, span.start)
        hi = bisect.bisect_left(self.ent_starts, span.end)
        return [e for e in self.ents[lo:hi] if e.end <= span.end]

    def ent_at(self, token: Token) -> Span | None:
        """The named entity a token is part of."""
        at = bisect.bisect_right(self.ent_starts, token.i) - 1
        return self.ents[at] if at >= 0 and token.i < self.ents[at].end else None

    def _spans_from(self, char: int) -> Iterator[tuple[int, int]]:
        """The mention spans in order, from the one that may cover ``char`` on."""
        at = max(0, bisect.bisect_right(self.starts, char) - 1) if self.disjoint else 0
        return itertools.islice(self.spans, at, None)

    def entity_at(self, token: Token) -> str | None:
        span = self._covering(token.idx)
        return self.entities.by_span[span] if span is not None else None

    def _nationalities(self, doc: Doc) -> dict[str, str]:
        """Entity -> the nationality stated by a modifier on any of its mentions in the
        document (``Russian President Vladimir Putin`` ... ``Putin`` -> RUS).  A person by the
        entity's type: spaCy's label is keyed by its own span, which a mention may not share
        (``Joe Malanji's``)."""
        out: dict[str, str] = {}
        for (start, end), entity_id in sorted(self.entities.by_span.items()):
            if entity_id in out or self.entities.info[entity_id][0] != "person":
                continue
            mention = doc.char_span(start, end, alignment_mode="expand")
            if mention is None:
                continue
            root = mention.root
            for token in doc[root.left_edge.i : mention.start]:
                code = self._demonym(token, plural=False)
                if code is None and token.ent_type_ in ("GPE",):
                    other = self.entity_at(token)
                    code = self.entities.info[other][2] if other is not None else None
                if code:
                    out[entity_id] = code
                    break
        return out

    def _named_after_city(self, head: Token, name: str) -> bool:
        """An accord, a club or a process named after the city where it was made (``the
        Paris pact``, ``the Louvre accord``, ``the Paris Club``): the city names no party."""
        if head.lemma_.lower() not in NAMED_AFTER_PLACE_NOUNS:
            return False
        places = self.resources.gazetteer.candidates(name)
        return bool(places) and not any(p.feature_kind == "country" for p in places)

    def _demonym(self, token: Token, plural: bool = True) -> str | None:
        """``Iraqi``, and the people: ``the Saudis``, ``the Kuwaitis``.  A two-word demonym
        is read whole (``North Korean`` PRK, ``South African`` ZAF), and a region's names no
        country (``Latin American leaders``)."""
        demonyms = self.resources.demonyms
        word = token.text.casefold()
        if token.i > 0:
            before = token.doc[token.i - 1].text.casefold()
            forms = (word, word[:-1]) if plural and word.endswith("s") else (word,)
            for form in forms:
                code = demonyms.get(f"{before} {form}")
                if code is not None:
                    return code
            if before in REGION_PREFIXES and word in ("american", "americans"):
                return None
        code = demonyms.get(word)
        if code is None and plural and word.endswith("s") and token.text[:1].isupper():
            code = demonyms.get(word[:-1])
        return code

    def _country_name_in(self, span: Span) -> str | None:
        """A country named inside a longer name (``the Office of the US Trade
        Representative``, an organisation entity that hides the ``US`` in it)."""
        for token in span:
            if not token.text[:1].isupper() or token.lower_ == "the":
                # (the gazetteer drops a leading article: "The Arm" would be Armenia's code)
                continue
            if _backer(token.doc, token.idx + len(token.text)):
                continue
            for width in (3, 2, 1):
                words = span.doc[token.i : min(token.i + width, span.end)]
                if len(words.text) <= 3 and not words.text.isupper():
                    continue  # the gazetteer knows ISO codes: "And", "Can" are not countries
                for place in self.resources.gazetteer.candidates(words.text):
                    if place.feature_kind == "country":
                        return place.country_code
        return None

    def _untagged_city(self, head: Token) -> str | None:
        """The country of a large city the recogniser missed ("stopped bombing Aleppo"): a
        proper noun without an entity label that the gazetteer knows as a city of 100,000 or
        more people (smaller ones share their names with surnames and words)."""
        if head.pos_ != "PROPN" or head.ent_type_ or not head.text[:1].isupper():
            return None
        start = min([head.i, *(c.i for c in head.children if c.dep_ == "compound")])
        name = head.doc[start : head.i + 1].text
        places = [
            p
            for p in self.resources.gazetteer.candidates(name)
            if p.feature_kind == "city" and p.population >= UNTAGGED_CITY_POPULATION
        ]
        if len({p.country_code for p in places}) != 1:
            return None  # unknown, or a name that large cities of several countries share
        return places[0].country_code

    def _affiliation(self, head: Token) -> str | None:
        """A person the text names without a nationality (``Shultz said``) whose nationality
        the corpus states elsewhere (``U.S. Secretary of State George Shultz``)."""
        if head.ent_type_ == "PERSON":
            mention = self.ent_at(head)
        elif head.pos_ == "PROPN" and not head.ent_type_:
            # the tagger misses names at the start of a sentence ("Shultz met ...")
            mention = head.doc[
                min([head.i, *(c.i for c in head.children if c.dep_ == "compound")]) : head.i + 1
            ]
        else:
            return None
        if mention is None:
            return None
        words = [
            w
            for w in mention.text.casefold().replace("’s", "").replace("'s", "").split()
            if w not in self.resources.titles
        ]
        table = self.resources.actor_affiliations
        for key in (" ".join(words), " ".join(words[-2:])):
            if key in table:
                return table[key]
        # the curated dictionary's full name before the corpus's bare surname: "Jens
        # Stoltenberg" (NATO) is not the 1987 finance minister Gerhard Stoltenberg
        known = self.resources.known_actor_country(mention.text)
        if known is not None:
            return known
        return table.get(words[-1]) if words else None

    def entity_in(self, span: Span, head: Token) -> str | None:
        """The entity whose mention covers the phrase's head, else the first one in the phrase."""
        first: str | None = None
        for start, end in self._spans_from(span.start_char):
            if start >= span.end_char:
                break
            if end <= span.start_char:
                continue
            entity_id = self.entities.by_span[(start, end)]
            if start <= head.idx < end:
                return entity_id
            first = first or entity_id
        return first

    def country_of(self, span: Span, head: Token) -> str | None:
        """A place is its own country; a person or group takes the nationality the text gives it:
        its own entity's country, an IGO name, a known seat of power (``the Kremlin``), else the
        first country, place or demonym inside its phrase (``US Deputy Secretary ...``)."""
        entity_id = self.entity_at(head)
        if entity_id is not None and self.entities.info[entity_id][2]:
            return self.entities.info[entity_id][2]
        if entity_id is not None and self.nationality.get(entity_id):
            return self.nationality[entity_id]
        known = self._affiliation(head)
        if known is not None:
            return known
        for child in head.children:
            if child.dep_ == "appos" and child.i == head.i + 1 and child.ent_type_ == "GPE":
                # "Norway's North Sea neighbour Britain": the name that renames the noun, not
                # the owner before it
                named = self.entity_at(child)
                if named is not None and self.entities.info[named][2]:
                    return self.entities.info[named][2]
        text = span.text.casefold().replace("’s", "").replace("'s", "")
        text = re.sub(r"^the ", "", text)
        if text in self.resources.igos or head.text.casefold() in self.resources.igos:
            return "IGO"
        igos = self.resources.igos
        if entity_id is not None and self.entities.info[entity_id][1].casefold() in igos:
            return "IGO"
        if any(t.i < head.i and t.text.casefold() in igos for t in span):
            return "IGO"  # "The UN envoy for Syria"
        for of in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            # "Representatives of the Group of Seven"
            member = " ".join(t.text for t in of.subtree if t.dep_ != "det" and t.i > of.i)
            if member.casefold() in igos:
                return "IGO"
        for start, end in self._spans_from(span.start_char):
            if start >= span.end_char:
                break
            if span.start_char <= start and end <= span.end_char:
                _, name, country = self.entities.info[self.entities.by_span[(start, end)]]
                if _backer(span.doc, end):
                    continue  # "The Turkish-backed Syrian rebels" are Syrian
                if end <= head.idx and self._named_after_city(head, name):
                    continue  # "the Paris pact", "the Minsk accords": no French party
                if country:
                    return country
                if name.casefold() in igos:
                    return "IGO"  # "European Community agriculture ministers"
        for token in span:
            code = self._demonym(token)
            if code is not None and not _backer(span.doc, token.idx + len(token.text)):
                return code
        code = self._country_name_in(span)
        if code is not None:
            return code
        code = self._untagged_city(head)
        if code is not None:
            return code
        # the curated actor dictionary comes after what the phrase states: "Indian National
        # Congress" is IND, not the "congress" of the dictionary
        code = self.resources.known_actor_country(span.text)
        if code is not None:
            return code
        if head.lemma_.lower() in self.resources.official_nouns:
            # "a spokesman for Hamas", "officials at the Bundesbank": an official of a body the
            # actor dictionary knows (a place is not read here: "officials in Geneva")
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("for", "at") and prep.i >= span.end - 1:
                    body = head.doc[prep.i + 1 : prep.right_edge.i + 1]
                    code = self.resources.known_actor_country(body.text)
                    if code is not None:
                        return code
        if head.dep_ == "appos" and head.head.i < head.i:
            # "West German president, Richard von Weizsaecker, who arrives": the name in
            # apposition has the nationality of the phrase it renames
            owner = head.head
            code = self.country_of(head.doc[owner.left_edge.i : owner.i + 1], owner)
            if code is not None:
                return code
        whole = head.doc[head.left_edge.i : head.right_edge.i + 1]
        if whole.end_char > span.end_char:
            # appositions and complements: "Erdogan, the president of Turkey", "a proposal
            # from German rival Deutsche Boerse"; not where it is ("delegations in Geneva")
            # nor what it is for ("an agreement to set up a venture in Japan", "the idea of
            # plugging the Taliban into a dialogue")
            for child in head.children:
                if child.i > span.end - 1 and (
                    child.dep_ in ("acl", "relcl", "advcl")
                    or (child.dep_ == "prep" and child.lower_ not in ("of", "from", "with"))
                    or (child.dep_ == "prep" and any(c.dep_ == "pcomp" for c in child.children))
                ):
                    whole = head.doc[whole.start : child.left_edge.i]
                    break
            if whole.end_char > span.end_char:
                return self.country_of(whole, head)
        owner = next(
            (c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None
        )
        if owner is not None and head.lemma_.lower() in self.resources.official_nouns:
            # "Iraq said its forces retook Qaraqosh": the forces of the body named before (not
            # things: "the EU imposed its arms ban on China")
            body = self.body_before(owner)
            if body is not None:
                return self.country_of(body, body.root)
        anaphor = (
            head
            if head.lemma_.lower() in ANAPHORIC_NOUNS
            else next(
                (
                    c
                    for c in head.children
                    if c.dep_ == "poss" and c.lemma_.lower() in ANAPHORIC_NOUNS
                ),
                None,
            )
        )
        if anaphor is not None and any(
            d.dep_ == "det" and d.lower_ == "the" for d in anaphor.children
        ):
            # "urged the country to come up with a plan" after "Brazil's economy", "the
            # country's sports community" after "Russia": the nation named before
            body = self.body_before(anaphor)
            if body is not None:
                code = self.country_of(body, body.root)
                if code not in (None, "IGO"):
                    return code
        return None

    def country_in(
        self, tokens: list[Token], skip: list[Span], exclude: tuple[str | None, ...] = ()
    ) -> str | None:
        """The first country named by a place, country or demonym among ``tokens``, outside
        the ``skip`` phrases and other than the ``exclude`` countries."""
        for token in tokens:
            if any(span.start <= token.i < span.end for span in skip):
                continue
            if _backer(token.doc, token.idx + len(token.text)):
                continue
            code = self._demonym(token, plural=False)
            if code is None and token.ent_type_ in ("GPE", "LOC", "NORP", "FAC"):
                entity_id = self.entity_at(token)
                code = self.entities.info[entity_id][2] if entity_id is not None else None
            if code is None and not token.ent_type_ and token.pos_ == "PROPN":
                # a country name the recogniser missed ("could cost the UK £1 billion")
                code = self._country_name_in(token.doc[token.i : token.i + 1])
            if code and code != "IGO" and code not in exclude:
                return code
        return None

    def place_of(
        self, verb: Token, phrase_end: Token | None, root: str, target: Token | None
    ) -> str | None:
        """Where the act happened, as its sentence says (docs/event_annotation.md, section 7):
        a place phrase of its own clause or of the verbs it shares a clause with (``met in
        Geneva``, ``flew to Paris to meet Macron``, ``at the Paris offices of the IMF``), where
        a journey went (``travelled to the United States``, ``a visit to Bonn``), where the
        speaker spoke (``speaking from Brasilia``), else the place an attack or a visit is done
        to or where that target lies (``retook Qaraqosh``, ``bombed the outskirts of Idlib``).
        Not a place of a thing (``clients in Europe``, ``hit U.K. exports``) or of another
        clause (``said ... in Davos``)."""
        heads = _clause_chain(verb)
        # "speaking from Brasilia, told Reuters", "Brito, speaking from Brasilia, told": where
        # the speaker spoke
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        heads += [
            c
            for t in (verb, *subjects)
            for c in t.children
            if c.dep_ in ("advcl", "acl") and c.lemma_.lower() == "speak"
        ]
        words = verb.doc[verb.i : phrase_end.i + 1] if phrase_end is not None else [verb]
        if phrase_end is not None and phrase_end.i > verb.i:
            heads += [t for t in words if t.pos_ in ("NOUN", "PROPN")]  # "pay a visit to Bonn"
        journey = any(t.lemma_.lower() in JOURNEY_WORDS for t in words)
        for head in heads:
            for prep in head.children:
                if prep.dep_ != "prep":
                    continue
                word = prep.lower_
                if not (
                    word in PLACE_PREPS
                    or (journey and word in ("to", "for", "from"))
                    or (head.lemma_.lower() == "speak" and word == "from")
                ):
                    continue
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        place = self._place_in(pobj)
                        if place is not None:
                            return place
        if target is not None and (root in PLACE_STRUCK_ROOTS or journey):
            return self._struck_place(target)
        return None

    def _struck_place(self, target: Token) -> str | None:
        """The place a target is or lies in, through place nouns only: ``the mountains of
        Wales``, ``one of the group's camps in the region of Juba``; not ``the interests of
        Greece``, ``firms in the United States``, ``U.K. exports``."""
        place = self._place_at(target)
        if place is not None:
            return place
        if target.lemma_.lower() not in TERRITORY_NOUNS and target.pos_ not in ("NUM", "PRON"):
            return None
        for prep in target.children:
            if prep.dep_ == "prep" and (prep.lower_ == "of" or prep.lower_ in PLACE_PREPS):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        place = self._struck_place(pobj)
                        if place is not None:
                            return place
        return None

    def _place_at(self, token: Token) -> str | None:
        """The place entity a token names, if any."""
        span = self._covering(token.idx)
        return self.place_entity(span) if span is not None else None

    def place_entity(self, span: tuple[int, int]) -> str | None:
        """The entity of a mention span if it is a place: by the entity's type, as a mention
        span is the name without its article and spaCy's label is keyed by its own span
        (``the United States``, ``THE HAGUE``)."""
        entity_id = self.entities.by_span[span]
        return entity_id if self.entities.info[entity_id][0] == "place" else None

    def _place_in(self, head: Token) -> str | None:
        """The first place a noun phrase names, itself or by its modifiers and place phrases
        (``the western German city of Bonn``, ``Paris`` in ``the Paris offices``,
        ``the headquarters ... near Moenchengladbach``), not in its clauses (``a festival held
        in Crimea``) or other phrases (``the run-up to an election in the Netherlands``)."""
        place = self._place_at(head)
        if place is not None:
            return place
        for child in head.children:
            if (
                child.dep_ in ("compound", "poss", "amod", "nmod", "appos", "conj")
                or (child.dep_ == "prep" and (child.lower_ == "of" or child.lower_ in PLACE_PREPS))
                or child.dep_ == "pobj"
            ):
                place = self._place_in(child)
                if place is not None:
                    return place
        return None


# a place after these is where the act happened
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
# ... and what these do to a place happens there: coercion, assault, fighting, mass violence
PLACE_STRUCK_ROOTS = frozenset({"17", "18", "19", "20"})


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


def _when_clause(clause: Token) -> bool:
    """``when he visits there next month``, ``as troops attacked Aleppo``: the clause happens
    at the time of its head."""
    return clause.dep_ == "advcl" and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "as", "while") and c.i < clause.i
        for c in clause.children
    )


def _participle_clause(clause: Token) -> bool:
    """``shot down a jet, killing one pilot``: a participle clause with no conjunction tells
    what else happened then."""
    return (
        clause.dep_ == "advcl"
        and clause.tag_ == "VBG"
        and not any(c.dep_ in ("mark", "advmod") and c.i < clause.i for c in clause.children)
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


def _date_of(verb: Token, sent_ents: list[Span]) -> Span | None:
    """The date expression of the verb's own clause; a coordinated, complement or purpose verb,
    a participle clause and a ``when`` clause share their head's date (``_clause_chain``).  Not a date of another clause (a reported one, a
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
    chain = _clause_chain(verb, simultaneous=True)
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
        if _when_clause(governing):
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


# going somewhere to do something: the traveller does it ("went to Ankara to meet Erdogan")
JOURNEY_VERBS = frozenset(
    {"go", "come", "travel", "fly", "stop", "arrive", "head", "return", "leave", "visit"}
)


# ... and the words of a journey in a verb phrase ("pay a visit to Bonn")
JOURNEY_WORDS = JOURNEY_VERBS | {"trip", "journey"}


FUTURE_DATE_RE = re.compile(r"\b(next|coming|tomorrow|later this)\b", re.IGNORECASE)


def _purpose_clause(verb: Token) -> bool:
    """An infinitive of purpose: ``(will stop in Hong Kong) to meet``."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# a gerund after these happened, and its subject is the clause's: "after meeting Suharto"
TEMPORAL_PREPS = frozenset({"after", "since", "upon", "during", "while", "when", "before"})
# ... and so does one after these: "continued his attacks by accusing Merkel", "including
# meeting with Pope Francis", "despite telling Congress"
ASSERTING_PREPS = TEMPORAL_PREPS | {"by", "including", "despite"}


def _clause_chain(verb: Token, simultaneous: bool = False) -> list[Token]:
    """The verb and the verbs it complements, is coordinated with or serves as an infinitive
    of purpose (``prepared to retake``, ``met and agreed``, ``will stop in Hong Kong to
    meet``): what is said of them (a future, a condition) is said of it.  ``simultaneous``:
    also the verbs a participle clause or a ``when`` clause tells the time of (``shot down a
    jet, killing one pilot``; ``criticised Turkey when Erdogan visited``), which share their
    date but not their mood."""
    chain = [verb]
    while True:
        last = chain[-1]
        linked = (
            last.dep_ in ("xcomp", "conj")
            or _purpose_clause(last)
            or (simultaneous and (_participle_clause(last) or _when_clause(last)))
        )
        if not linked or last.head.i == last.i:
            return chain
        chain.append(last.head)


def _is_future(verb: Token) -> bool:
    """Future tense or a scheduled event ("will meet", "plans to visit", "a truce on Thursday")."""
    chain = _clause_chain(verb)
    for token in chain:
        if any(
            c.dep_ == "aux" and (c.lemma_.lower() in ("will", "shall") or c.lower_ == "'ll")
            for c in token.children
        ):
            return True
        if token.i != verb.i and (
            token.lemma_.lower() in SCHEDULE_HEADS or _future_auxiliary(token)
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


def _scheduled(date_span: Span, target: Span | None) -> bool:
    """A date right after an arranged thing names when it is scheduled (``agreed to a truce on
    Thursday``), so a bare weekday is the coming one; the parser often hangs such a date on the
    verb, hence the word-order test."""
    if target is None or target.root.lemma_.lower() not in SCHEDULED_NOUNS:
        return False
    gap = date_span.start - target.end
    return gap == 0 or (gap == 1 and target.doc[target.end].pos_ == "ADP")


def _flags(verb: Token, announced: bool = False) -> tuple[bool, bool]:
    """(negated, hypothetical): a ``not`` on the verb or its matrix verb, or a stop-verb head
    (``stopped bombing``); a modal, an intent/threat head (``threatened to attack``) or a
    prospect (``is likely to attack``, ``is going to strike``), unless the event is the
    ``announced`` intent to meet (036)."""
    chain = _clause_chain(verb)
    negated = any(c.dep_ == "neg" for c in verb.children) or _done_by_no_one(verb)
    hypothetical = any(c.dep_ == "aux" and c.lemma_.lower() in MODALS for c in verb.children)
    # "an agreement for the army to deploy", "plans to attack": an act a noun looks ahead to
    hypothetical = hypothetical or _noun_infinitive(verb)
    hypothetical = hypothetical or (
        verb.dep_ in ("ccomp", "acl")
        and verb.head.lemma_.lower() in EXPECTATION_HEADS
        # (not the reporting verb the parser hangs there: "GM hopes to sell ..., Fry told")
        and verb.lemma_.lower() not in REPORTING_LEMMAS
    )
    # a gerund under a preposition is not asserted; neither is a conditional clause ("if the
    # cabinet approves")
    hypothetical = hypothetical or _unasserted_gerund(verb)
    hypothetical = hypothetical or any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for t in chain for c in t.children
    )
    # "demanded that Egypt release Hussein", "urged that curbs be imposed": what is demanded
    # in the subjunctive has not happened
    hypothetical = hypothetical or (
        verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() in SUBJUNCTIVE_HEADS
        and (
            verb.tag_ == "VB"
            or any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in verb.children)
            # ("that Egypt release": a base form after a singular subject, tagged present)
            or (
                verb.tag_ == "VBP"
                and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children)
            )
        )
        and not any(c.dep_ == "aux" for c in verb.children if c.tag_ == "MD")
    )
    if _shares_head_clause(verb):
        # "threatened to attack and seize", "could attack and seize": a coordinated verb of
        # the same form shares its head's auxiliary and control verb
        head_negated, head_hypothetical = _flags(verb.head, announced)
        negated, hypothetical = negated or head_negated, hypothetical or head_hypothetical
    for link, head in itertools.pairwise(chain):
        if link.dep_ == "advcl" and head.lemma_.lower() in HYPOTHETICAL_HEADS:
            # "called for the African Union to step in": what is appealed for has not happened
            hypothetical = True
            break
        if _purpose_clause(link):
            # "would vote to block the aid": the purpose of an act that may not happen
            hypothetical = hypothetical or _flags(head, announced)[1]
            break
        if link.dep_ != "xcomp":
            break
        negated = negated or any(c.dep_ == "neg" for c in head.children)
        negated = negated or head.lemma_.lower() in STOP_HEADS
        hypothetical = hypothetical or head.lemma_.lower() in HYPOTHETICAL_HEADS
        hypothetical = hypothetical or (not announced and _prospect(head))
        # "accusing NATO of trying to encircle Russia"
        hypothetical = hypothetical or _unasserted_gerund(head)
        hypothetical = hypothetical or any(
            c.dep_ == "aux" and c.lemma_.lower() in MODALS for c in head.children
        )
    return negated, hypothetical


def _done_by_no_one(verb: Token) -> bool:
    """``No group has claimed responsibility``, ``nobody attacked``, ``presented no
    evidence``."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            child.lower_ in NOBODY
            or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)
        ):
            return True
    return False


def _noun_infinitive(verb: Token) -> bool:
    """An infinitive on a noun (``plans to attack``, ``an agreement for the army to
    deploy``), not one that tells who did it first (``the first country to recognise``)."""
    if verb.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    noun = verb.head
    return not any(
        c.lower_ in ("first", "last", "only", "second") or c.tag_ in ("JJS", "RBS")
        for c in noun.children
    )


def _unasserted_gerund(verb: Token) -> bool:
    """``accused Iran of violating``, ``practice for striking``: a gerund under a preposition
    is not asserted (but ``after meeting with Suharto``, ``since taking office`` happened)."""
    return (
        verb.dep_ == "pcomp"
        and (verb.tag_ == "VBG" or any(c.lower_ == "being" for c in verb.children))
        and verb.head.lower_ not in ASSERTING_PREPS
        # "with Syrian jets bombing rebel-held areas": a gerund with its own subject
        and not (verb.head.lower_ == "with" and any(c.dep_ == "nsubj" for c in verb.children))
    )


def _shares_head_clause(verb: Token) -> bool:
    """A verb coordinated with its head in the same form, with no subject or auxiliary of its
    own and not set against it (``but``): what is said of the head is said of it."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and head.i != verb.i
        and head.pos_ in ("VERB", "AUX")
        and verb.tag_ == head.tag_
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in verb.children
        )
        and not any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in head.children)
    )


def _prospect(head: Token) -> bool:
    """A head that puts its complement ahead: ``likely to``, ``expected to``, ``going to``
    (not ``went to``)."""
    return head.lemma_.lower() in PROSPECT_HEADS or _future_auxiliary(head)


def _future_auxiliary(verb: Token) -> bool:
    """``is going to attack``: the going is the future tense of its complement, no act."""
    return (
        verb.lemma_.lower() == "go"
        and verb.tag_ == "VBG"
        and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in verb.children
        )
    )


WEAPON_NOUNS = frozenset(
    {"missile", "rocket", "projectile", "warhead", "shell", "salvo", "munition", "weapon"}
)
AIM_PREPS = frozenset({"at", "on", "into", "against", "toward", "towards", "over"})
# a missile "targeting US troops" or "aimed at" them is fired at them
AIMING_VERBS = frozenset({"target", "aim"})
# where a fired missile goes without hitting anyone ("into the sea"), and "on the eve of"
UNAIMED_NOUNS = frozenset({"sea", "ocean", "water", "eve", "direction", "orbit", "space"})


def _weapon(verb: Token, target: Token | None) -> Token | None:
    """The missile or rocket a verb fires: its target or object, the noun a participle modifies
    (``missiles launched from``), a passive's subject (``the missile was launched``, ``a rocket
    that was fired``)."""
    nouns = [target] if target is not None else []
    nouns += [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ == "acl" and verb.head.i < verb.i:
        nouns.append(verb.head)
    nouns += [_antecedent(c) for c in verb.children if c.dep_ == "nsubjpass"]
    return next((n for n in nouns if n.lemma_.lower() in WEAPON_NOUNS), None)


def _prep_object(head: Token, preposition: str) -> Token | None:
    """The object of ``head``'s ``preposition`` (``launched from`` -> its object)."""
    return next(
        (
            o
            for p in head.children
            if p.dep_ == "prep" and p.lower_ == preposition
            for o in p.children
            if o.dep_ == "pobj"
        ),
        None,
    )


def _weapons_test(verb: Token) -> bool:
    """``test-fired``, ``test-launched``: the tokenizer splits the compound at its hyphen."""
    doc = verb.doc
    return (
        verb.i >= 2
        and doc[verb.i - 1].text == "-"
        and doc[verb.i - 2].lower_ == "test"
        and not doc[verb.i - 2].whitespace_
        and not doc[verb.i - 1].whitespace_
    )


HOSTED_NOUNS = frozenset(
    {"delegation", "delegate", "leader", "counterpart", "president", "minister", "envoy"}
    | {"chancellor", "king", "queen", "premier", "official", "visitor", "guest"}
)


# what is backed: armed forces and their operations, or a project to fund (_refine)
ARMED_NOUNS = frozenset(
    {
        "force",
        "troop",
        "fighter",
        "rebel",
        "militia",
        "army",
        "operation",
        "offensive",
        "soldier",
        "militant",
        "insurgent",
        "guerrilla",
    }
)
PROJECT_NOUNS = frozenset({"project", "programme", "program", "scheme", "reconstruction"})


def _refine(
    verb: Token, code: str, actor: Token | None, target: Token | None, resources: Resources
) -> tuple[str, Token | None]:
    """Context-dependent codes the lexicon cannot express, and the partner of a joint action.

    * ``warned that ...`` is a pessimistic comment (012), ``warned X against/not to`` a
      threat (13x), ``warned against`` with no addressee an appeal (020); with no addressee
      it has no target.
    * ``welcomed`` a person or delegation is hosting a visit (043), not praise.
    * ``the EU and Turkey signed an agreement``: a cooperative act by coordinated actors on a
      thing (not a named party) is coded from the first to the second."""
    lemma = verb.lemma_.lower()
    if lemma in WARNING_HEADS and code.startswith("13"):
        ccomp = next(
            (
                c
                for c in verb.subtree
                if c.i > verb.i
                and (c.dep_ == "ccomp" or any(m.lower_ == "that" for m in c.children))
                and (c.dep_ != "ccomp" or c.head.i == verb.i)
            ),
            None,
        )
        # "... could provoke a confrontation, a union leader has warned": the clause before
        fronted = any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children) or (
            _inverted_speaker(verb) is not None
        )
        threat = any(
            (c.dep_ in ("prep", "xcomp") and c.lower_ in ("against", "not", "to"))
            or (c.dep_ == "prep" and c.lower_ == "of" and _threatened_act(c))
            for c in verb.children
        )
        addressed = any(c.dep_ in ("dobj", "dative") for c in verb.children)
        # "warned of the possibility of casualties", "warned about the dangers of ...": a
        # danger foreseen; "warned of retaliation" stays a threat
        foreseen = not addressed and any(
            c.dep_ == "prep" and c.lower_ in ("of", "about") for c in verb.children
        )
        if (ccomp is not None or fronted or foreseen) and not threat:
            # what the comment is about is a topic, not a target: annotators leave the
            # target of "warned that France ..." empty (46 of the training set's 50 012s)
            code = "012"
        elif not addressed and any(
            c.dep_ == "prep" and c.lower_ == "against" for c in verb.children
        ):
            # "warned against placing too much weight on one month's data": a warning against
            # something addressed to no one is an appeal (020); "warned the coalition against
            # letting fighters escape" stays a threat (docs/event_annotation.md)
            code = "020"
    if (
        lemma == "welcome"
        and code == "051"
        and target is not None
        and (target.ent_type_ in ("PERSON", "NORP") or target.lemma_.lower() in HOSTED_NOUNS)
    ):
        code = "043"
    if lemma in ("support", "back") and code.startswith("05") and target is not None:
        # backing armed forces or an operation is military cooperation, backing a project
        # economic aid: "an operation supported by Russia", "forces backed by US advisers",
        # "the project is supported by the Department of Jobs" (annotators: 062, 071)
        noun = target.lemma_.lower()
        if noun in ARMED_NOUNS:
            code = "062"
        elif noun in PROJECT_NOUNS:
            code = "071"
    weapon = _weapon(verb, target) if lemma not in AIMING_VERBS else None
    if code.startswith("19") and weapon is not None:
        # "fired rockets at Israel" hits Israel; "fired a ballistic missile", "the missile was
        # launched", "missiles launched from North Korea into the sea", a test-fired missile:
        # with nothing aimed at it is a show of force (150), and the weapon is what it acts on
        aimed = next(
            (
                p
                for t in (verb, weapon)
                for c in t.children
                if c.dep_ == "prep" and c.lower_ in AIM_PREPS
                for p in c.children
                if p.dep_ == "pobj"
                and p.ent_type_ not in ("DATE", "TIME")
                and p.lemma_.lower() not in UNAIMED_NOUNS
            ),
            None,
        ) or next(
            (
                o  # "launched missiles targeting US troops", "aimed at US troops"
                for c in weapon.children
                if c.dep_ == "acl" and c.lemma_.lower() in AIMING_VERBS
                for o in (
                    *c.children,
                    *(g for p in c.children if p.lower_ == "at" for g in p.children),
                )
                if o.dep_ in ("dobj", "pobj")
            ),
            None,
        )
        if aimed is not None and not _weapons_test(verb):
            target = aimed
        else:
            code, target = "150", weapon
    if (
        lemma in ("reject", "dismiss", "rebuff")
        and target is not None
        and target.lemma_.lower() in CHARGE_NOUNS
    ):
        # "rejected Ankara's accusations", "rejected criticism of ...": a denial (016)
        code = "016"
    if code.startswith("19") and lemma in VERBAL_ATTACK_VERBS and _in_words(verb, actor, target):
        code = "111"
    if code.startswith("19") and lemma in KILLING_VERBS | ATTACK_VERBS:
        # "killed in a suicide bombing", "a gunman shot dead", "attacked by an individual",
        # "attacked ... using a suicide car bomb": a killing or an attack by unconventional
        # violence is an assault (18x), one by forces or strikes stays 19x
        agents = [actor, _measured(actor)] if actor is not None else []
        agents += [
            t
            for c in verb.children
            if c.dep_ in ("agent", "prep") or (c.dep_ == "advcl" and c.lemma_.lower() == "use")
            for t in c.subtree
        ]
        kinds = {t.lemma_.lower() for t in agents} | {t.lower_ for t in agents}
        if kinds & BOMBING_WORDS:
            code = "183"
        elif kinds & ASSAULT_WORDS:
            code = "180"
    if actor is not None and _crowd(actor, resources):
        # "workers struck", "farmers blocked roads", "supporters protested": a protest
        code = CROWD_ACTS.get((lemma, code[:2]), code)
    elif lemma == "protest" and code == "140" and target is not None:
        # "Indonesia has protested to the EC about its plan": an official complaint
        code = "114"
    if lemma in SEIZING_VERBS and code == "171" and target is not None and _place(target):
        # "ISIL seized Mosul", "seized the key town of Al Bab": taking territory (192)
        code = "192"
    if (
        lemma in STRIKE_CALLS
        and target is not None
        and not any(c.dep_ == "prt" for c in verb.children)  # "called off the strike": 087
        and _labour_strike(target, actor, resources)
    ):
        # "miners called a 72-hour strike", "bankworkers began an indefinite national strike"
        hunger = any(c.lower_ == "hunger" for c in target.children)
        code = "142" if hunger else "143"
    cameo = resources.cameo_codes.get(code)
    if (
        actor is not None
        and cameo is not None
        and cameo.root_code in ("03", "04", "05", "06")
        and _mutual(cameo.root_code, code, verb)
        and (target is None or not (target.ent_type_ or _official(target, resources)))
    ):
        # (not over a partner the clause names: "he and Tillerson met with Mexican officials",
        # "the US, South Korea and Japan tried to negotiate a solution with Pyongyang")
        partner = next((c for c in actor.children if c.dep_ == "conj"), None)
        named = _prep_target(verb) or (_prep_target(target) if target is not None else None)
        if named is not None and (named.ent_type_ or _official(named, resources)):
            partner = None
        if partner is not None:
            target = partner
    return code, target


SEIZING_VERBS = frozenset({"seize", "capture"})
# (also the heads of a target that lies where the place it names is: "the mountains of Wales",
# "one of the group's camps in the region of Juba")
TERRITORY_NOUNS = frozenset(
    {"town", "city", "village", "territory", "province", "region", "district", "area"}
    | {"height", "outskirt", "base", "airport", "airfield", "port", "stronghold", "border"}
    | {"capital", "camp", "mountain", "suburb", "neighbourhood"}
)


def _place(noun: Token) -> bool:
    """A place one can take: a named place or a word for territory."""
    return noun.ent_type_ in ("GPE", "LOC", "FAC") or noun.lemma_.lower() in TERRITORY_NOUNS


# (verb lemma, the lexicon code's root) -> the protest a crowd's act is
CROWD_ACTS = {("strike", "19"): "143", ("block", "17"): "144", ("protest", "14"): "141"}
STRIKE_CALLS = frozenset({"launch", "begin", "call", "start", "stage", "declare", "hold"})
MILITARY_STRIKE_WORDS = frozenset(
    {"air", "airstrike", "drone", "missile", "military", "rocket", "artillery", "nuclear"}
    | {"retaliatory", "preemptive", "pre-emptive", "surgical", "precision", "cruise", "naval"}
)
LABOUR_STRIKE_WORDS = frozenset(
    {"general", "national", "nationwide", "indefinite", "hunger", "token", "wildcat"}
    | {"sympathy", "rolling", "labour", "labor", "union", "protest", "warning"}
)


def _crowd(actor: Token, resources: Resources) -> bool:
    """A crowd or a workforce: ``workers``, ``thousands of supporters``, ``a group of
    activists``."""
    words = resources.crowd_words
    return actor.lemma_.lower() in words or _measured(actor, COUNT_NOUNS).lemma_.lower() in words


COUNT_NOUNS = frozenset(
    {"thousand", "hundred", "million", "dozen", "group", "number", "crowd", "band", "score"}
    | {"most", "many", "some", "all", "hundreds", "thousands", "millions", "dozens"}
)


def _labour_strike(strike: Token, actor: Token | None, resources: Resources) -> bool:
    """``a 72-hour strike`` called by miners, ``an indefinite national strike``: a strike
    that is a stoppage of work, not an attack (``launched air strikes``)."""
    if strike.lemma_.lower() != "strike":
        return False
    words = {t.lower_ for t in strike.subtree if t.i < strike.i}
    if words & MILITARY_STRIKE_WORDS:
        return False
    crowd = actor is not None and _crowd(actor, resources)
    # a duration ("72-hour", "week-long") marks a stoppage too
    timed = any(w.endswith(("hour", "day", "week", "-long")) for w in words)
    return crowd or timed or bool(words & LABOUR_STRIKE_WORDS)


VIOLENT_ROOTS = frozenset({"18", "19", "20"})
VERBAL_ATTACK_VERBS = frozenset({"attack", "assail"})
CHARGE_NOUNS = frozenset(
    {
        "accusation",
        "allegation",
        "charge",
        "claim",
        "criticism",
        "report",
        "information",
        "suggestion",
        "speculation",
        "assertion",
        "rumour",
        "rumor",
        "notion",
        "idea",
    }
)


def _in_words(verb: Token, actor: Token | None, target: Token | None) -> bool:
    """An attack in words (111): "Mbeki attacked British imperialists, saying ...", "Trump
    attacked the media": one person attacking something other than a place, or an attack
    explained by what the attacker said."""
    if any(
        c.dep_ == "advcl" and c.lemma_.lower() in ("say", "call", "accuse") for c in verb.children
    ):
        return True
    return (
        actor is not None
        and actor.ent_type_ == "PERSON"
        and (target is None or target.ent_type_ not in PLACE_LABELS)
    )


REFLEXIVES = frozenset({"themselves", "himself", "herself", "itself"})


SERIES_NOUNS = frozenset({"wave", "series", "string", "spate", "round", "number"})


def _measured(noun: Token, measures: frozenset[str] = SERIES_NOUNS) -> Token:
    """The noun a measure word stands for: ``a wave of bombings`` -> bombings (not the wave
    a tsunami is), with ``COUNT_NOUNS`` ``thousands of supporters`` -> supporters."""
    if noun.lemma_.lower() not in measures:
        return noun
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return pobj if pobj is not None else noun


def _no_perpetrator(
    verb: Token, actor: Token | None, target: Token | None, resources: Resources
) -> bool:
    """A death or blow that nobody dealt: its cause is a disaster, an accident or a disease
    (the subject, a ``by`` agent, or a ``when``/``in`` clause or phrase of the verb:
    "were killed when their group was swept away by an avalanche"), or the victims did it to
    themselves."""
    if target is not None and target.lower_ in REFLEXIVES:
        return True
    causes: list[Token] = [_measured(actor)] if actor is not None else []
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in ("in", "by")):
            # "killed in Indonesia, the country closest to the earthquake"
            causes += [t for t in child.subtree if t.pos_ == "NOUN" or t.dep_ == "pobj"]
    for clause in verb.subtree:
        # "were killed when an earthquake struck", "killed yesterday, when a bomber crashed"
        # (a when-clause the parser hangs elsewhere): the clause's verb and nouns
        if (clause.dep_ == "advcl" and clause.head.i == verb.i) or any(
            c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children
        ):
            causes += [t for t in clause.subtree if t.pos_ in ("NOUN", "VERB")]
    if verb.dep_ == "conj":
        # "it has infected 200 people and killed three": the verb it is coordinated with
        causes.append(verb.head)
    words = resources.disaster_words
    return any(c.lemma_.lower() in words for c in causes)


KILLING_VERBS = frozenset({"kill", "wound", "injure", "murder", "shoot", "stab", "slay"})
ATTACK_VERBS = frozenset({"attack", "assault", "strike", "hit", "raid", "storm"})
BOMBING_WORDS = frozenset(
    {"bomb", "bomber", "bombing", "blast", "explosion", "suicide", "explosive", "ied"}
)
ASSAULT_WORDS = frozenset(
    {
        "gunman",
        "gunmen",
        "individual",
        "knifeman",
        "attacker",
        "assailant",
        "terrorist",
        "terror",
        "jihadist",
        "kidnapper",
        "trafficker",
        "mob",
        "stabbing",
        "shooting",
        "poison",
        "gang",
        "assassin",
        "assassination",
        "hitman",
        "hitmen",
        "killer",
        "murderer",
        "lynch",
        "lynching",
        "riot",
        "nerve",
        "vx",
        "toxic",
    }
)
HOSTED_ROOTS = frozenset({"04"})
JOINT_ROOTS = frozenset({"04", "06"})
# intents and cooperation that are mutual by their verb ("Japan and West Germany agreed to");
# others are each actor's own ("West Germany and Japan had both pledged", "Spain and Portugal
# backed the court's view")
MUTUAL_VERBS = frozenset({"agree", "cooperate", "collaborate", "sign", "reconcile", "ally"})
RECIPROCALS = frozenset({"each other", "one another"})
# "the country", "the nation": the one the sentence named before
ANAPHORIC_NOUNS = frozenset({"country", "nation"})
# codes outside those roots that are as reciprocal: "A and B agreed that ..." (accord)
JOINT_CODES = frozenset({"019", "057"})


def _mutual(root: str, code: str, verb: Token) -> bool:
    """An act its coordinated actors do with each other (``Japan and West Germany agreed
    to``, ``A and B met``), not each on its own (``West Germany and Japan had both
    pledged``, ``Spain and Portugal backed the court's view``)."""
    return (
        root in JOINT_ROOTS
        or code in JOINT_CODES
        or (root in ("03", "05") and verb.lemma_.lower() in MUTUAL_VERBS)
    )


def _official(token: Token, resources: Resources) -> bool:
    """A person, an official/government noun (``the ministry``, ``officials``) or a people
    group acting as a country's sector (``voters``, ``rebels``): official_nouns.txt."""
    if token.ent_type_ == "PERSON":
        return True
    return token.lemma_.lower() in resources.official_nouns and not token.ent_type_


def _idiom(verb: Token, pattern: str, resources: Resources) -> bool:
    """``met all obligations``, ``meet the 2 percent goal``, ``met with scepticism``: a verb
    whose object makes it an idiom, not the lexicon's event (non_event_objects.txt), unless a
    longer phrase matched."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if any(
        f"{lemma} at {o.lemma_.lower()}" in resources.non_event_objects
        for head in (verb, *objects)
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "at"
        for o in prep.children
        if o.dep_ == "pobj"
    ):
        # where it happens, whatever phrase matched: "rejected offers at its tender" is a
        # purchase, not a rebuff
        return True
    if " " in pattern and pattern != f"{lemma} with":
        return False
    if verb.dep_ == "acl" and verb.head.i < verb.i:
        objects.append(verb.head)  # "Finance Ministry figures released this weekend"
    if any(f"{lemma} {c.lemma_.lower()}" in resources.non_event_objects for c in objects):
        return True
    # a passive's cause ("Indonesia was badly hit by last year's slump in oil prices"), and
    # what a plan meets with ("met with a hostile reception")
    if any(
        f"{lemma} {prep.lower_} {c.lemma_.lower()}" in resources.non_event_objects
        for prep in verb.children
        if prep.dep_ == "agent" or (prep.dep_ == "prep" and prep.lower_ == "with")
        for c in prep.children
        if c.dep_ == "pobj"
    ):
        return True
    # ... and the same cause as the subject: "the dollar's weakness has hit exporters"
    return any(
        f"{lemma} by {c.lemma_.lower()}" in resources.non_event_objects
        for c in verb.children
        if c.dep_ == "nsubj"
    )


def _addressed_statement(verb: Token, resources: Resources) -> tuple[str, str, None] | None:
    """``told Reuters``, ``told a government meeting``: a reporting verb with an addressee is
    a public statement to it (statement_verbs.tsv); ``said`` alone is attribution."""
    lemma = verb.lemma_.lower()
    code = resources.statement_verbs.get(lemma)
    if code is None or not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return None
    return code, lemma, None


WARNING_HEADS = frozenset({"warn", "caution"})
INVERTED_DEPS = frozenset({"conj", "dep", "parataxis", "ROOT", "advcl"})
# what a warning "of" threatens to do: "warned of retaliation" is a threat, 13x
THREATENED_ACTS = frozenset(
    {"retaliation", "reprisal", "consequence", "action", "sanction", "response", "measure"}
    | {"force", "war", "attack", "strike", "punishment", "countermeasure"}
)


def _inverted_speaker(verb: Token) -> Token | None:
    """The speaker of ``..., warned the Iranian diplomat.``: a reporting verb after a comma,
    with no subject, whose object ends the sentence or the text (the parser reads the speaker as the
    object of a verb hung on the clause before)."""
    if verb.lemma_.lower() not in SAYING_HEADS | WARNING_HEADS or verb.dep_ not in INVERTED_DEPS:
        return None
    before = verb.i - 1
    while before >= 0 and verb.doc[before].text in QUOTE_MARKS:
        before -= 1  # '"You can't change history," warned Richards.'
    if before < 0 or verb.doc[before].text != ",":
        return None
    if any(
        (c.dep_ == "nsubj" and c.pos_ not in ("VERB", "AUX"))
        or c.dep_ == "nsubjpass"
        or (c.dep_ == "ccomp" and c.i > verb.i)
        for c in verb.children
    ):
        return None  # (a clause the parser made the subject is the warning itself)
    speaker = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if speaker is None or speaker.right_edge.i + 1 >= verb.sent.end:
        return speaker
    following = verb.doc[speaker.right_edge.i + 1]
    # (not a list of acts: "attacked tankers, warned Kuwait, and fired missiles")
    return speaker if following.text in (".", "!", "?", ";") else None


def _threatened_act(prep: Token) -> bool:
    return any(o.dep_ == "pobj" and o.lemma_.lower() in THREATENED_ACTS for o in prep.children)


def _specific_statement(verb: Token, resources: Resources) -> bool:
    """A reporting verb with a that-clause whose lexicon code names a kind of statement
    other than the plain 010 (``denied that`` 016, ``admitted that`` 015; ``warned that``,
    012 after refinement): the verb itself says what the speaker did.  Cues coded as other
    acts (``insisted that`` 100, ``promised that`` 030) stay attribution, as with a quote."""
    lemma = verb.lemma_.lower()
    code = resources.cameo_verbs.get(lemma)
    if code is None or not any(c.dep_ == "ccomp" for c in verb.children):
        return False
    return lemma in WARNING_HEADS or (code.startswith("01") and code != "010")


def _accord(verb: Token) -> tuple[str, str, None] | None:
    """``agreed that the 1979 agreement had worked well``, ``agreed with Trump``: agreeing
    with a view or a person is expressing accord (019), a statement; agreeing to act or on a
    deal stays an intent or cooperation."""
    if verb.lemma_.lower() != "agree" or any(c.dep_ == "xcomp" for c in verb.children):
        return None
    if any(c.dep_ == "ccomp" for c in verb.children):
        return "019", "agree that", None
    for prep in verb.children:
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "with"
            and any(c.dep_ == "pobj" and c.ent_type_ == "PERSON" for c in prep.children)
        ):
            return "019", "agree with", None
    return None


CHARACTERIZING_VERBS = frozenset({"call", "brand", "label", "dub", "term", "describe"})


def _characterization(verb: Token, resources: Resources) -> tuple[str, str, None] | None:
    """``called the order "unconstitutional"``, ``described the move as reckless``: naming
    something with a word of disapproval criticizes it (111); a neutral name ("a company
    called Malibu", "called it a meeting") is no event."""
    lemma = verb.lemma_.lower()
    if lemma not in CHARACTERIZING_VERBS:
        return None
    complements = [
        c
        for c in verb.children
        if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i)
    ]
    named = [t for c in complements for t in c.subtree]
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    # (the parser may hang the "for" of "called for the African Union to step in and stop
    # the "xenophobic attacks"" on the infinitive: the word after the verb decides)
    if after is None or after.lower_ not in APPEAL_PARTICLES:
        # "called it "unconstitutional"", "called that finding the "height of absurdity"":
        # the parser often hangs the quoted name on the object or elsewhere; what the verb's
        # clause quotes after it is the name it gives
        named += _quoted_after(verb)
    words = resources.disapproval_words
    if any(t.lemma_.lower() in words or t.lower_ in words for t in named):
        return "111", lemma, None
    return None


QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})
APPEAL_PARTICLES = frozenset({"on", "for", "off", "in", "up", "upon"})


def _quoted_after(verb: Token) -> list[Token]:
    """The words inside quotation marks after ``verb`` in its clause."""
    quoted: list[Token] = []
    inside = False
    for token in verb.doc[verb.i + 1 : verb.right_edge.i + 1]:
        if token.text in QUOTE_MARKS and not (token.text == "'" and token.dep_ == "case"):
            inside = not inside
        elif inside:
            quoted.append(token)
    return quoted


def _addressee(verb: Token) -> Token | None:
    """Whom a reporting verb is aimed at: ``warned the coalition``, ``told him``, ``called
    on Russia``."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            return child
        if child.dep_ == "prep" and child.lower_ == "on":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


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


def _commerce(sent: Span) -> bool:
    """A sentence about money: an amount or a percentage, shares, stakes, prices."""
    return any(
        t.ent_type_ in ("MONEY", "PERCENT") or t.lemma_.lower() in COMMERCE_WORDS for t in sent
    )


# a word of running text, hyphenated compounds whole ("semi-final", "tie-break")
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _sports_news(sent: Span, sport_words: frozenset[str]) -> bool:
    """A sentence with a word of sport (sport_words.txt). The tokenizer splits "semi-final"
    and "tie-break", so words are read off the text, each compound whole and in its parts
    ("rugby-mad")."""
    return any(
        word in sport_words or any(part in sport_words for part in word.split("-"))
        for word in WORD_RE.findall(sent.text.casefold())
    )


def _names_firm(sent: Span) -> bool:
    """A sentence that names a company: a ticker, a name with a legal form, or a firm noun
    (``AW Computer Systems Inc said it signed an agreement``)."""
    if TICKER.search(sent.text):
        return True
    if any(ent.label_ == "ORG" and COMPANY_NAME.search(ent.text) for ent in sent.ents):
        return True
    return any(t.lemma_.lower() in FIRM_NOUNS for t in sent)


def _terms(verb: Token, actor: Token | None) -> bool:
    """The verb says what a document provides: its subject is one (``that pact calls on
    Japan``), or it is a participle on one (``a budget calling for spending``)."""
    if actor is not None and actor.lemma_.lower() in TERMS_NOUNS:
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in TERMS_NOUNS


def _company(span: Span, head: Token) -> bool:
    """A company by its legal form or its noun (``Neste Oy``, ``the company``)."""
    if head.lemma_.lower() in COMPANY_NOUNS:
        return True
    return head.ent_type_ == "ORG" and COMPANY_NAME.search(span.text) is not None


# verbs of saying: refusing one is declining comment (011), not a rejection
COMMENT_VERBS = frozenset(
    {
        "say",
        "comment",
        "disclose",
        "reveal",
        "elaborate",
        "specify",
        "confirm",
        "identify",
        "name",
        "speculate",
        "discuss",
        "draw",
        "answer",
        "detail",
        "explain",
    }
)
# "refused to release details of his itinerary", "declined to give figures": no comment
INFORMATION_NOUNS = frozenset(
    {"detail", "information", "figure", "name", "comment", "breakdown", "reason", "specific"}
)
# CAMEO 12x by the root of the refused act: meetings and talks 125, material cooperation
# 121, aid 122, yielding 124; anything else is a plain rejection (120)
REFUSAL_CODES = {"03": "125", "04": "125", "06": "121", "07": "122", "08": "124"}


def _complement(verb: Token) -> Token | None:
    """The verb of an infinitive complement (``refused to meet`` -> meet)."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)


# CAMEO 03x by the root of the promised or agreed act: meetings and talks 036, diplomatic
# cooperation 032, material cooperation 031, aid 033, yielding 035; a promised hostile act
# is a threat (130); any other CAMEO act a plain intent to cooperate (030)
INTENT_CODES = {"03": "036", "04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
INTENT_HEADS = frozenset({"agree", "pledge", "promise", "vow", "offer", "undertake"})


POLITICAL_NOUNS = frozenset(
    {"side", "party", "country", "nation", "state", "mp", "creditor", "member", "ally"}
    | {"partner", "neighbour", "neighbor", "power", "club", "bloc", "coalition"}
)


def _political(actor: Token, resources: Resources) -> bool:
    """A nation, a body of one or a group of them: ``Japan``, ``the two sides``, ``MPs``,
    ``Paris Club creditors``; not a company."""
    if actor.ent_type_ in ("GPE", "NORP"):
        return True
    lemma = actor.lemma_.lower()
    return lemma in resources.official_nouns or lemma in POLITICAL_NOUNS


def _matrix_act(verb: Token, resources: Resources) -> tuple[str, str, None] | None:
    """``refused to meet``, ``declined to join``: the refusal is itself a rejection event
    (12x, coded from the refused act), while the act is coded as negated. ``agreed to
    meet``, ``pledged to cooperate``: the promise is an intent event (03x, coded from the act,
    as CAMEO does), while the act, not yet done, is hypothetical."""
    lemma = verb.lemma_.lower()
    act = _complement(verb) if lemma in INTENT_HEADS | REFUSAL_HEADS else None
    if act is None:
        return None
    act_lemma = act.lemma_.lower()
    act_code = resources.cameo_verbs.get(act_lemma)
    if lemma in INTENT_HEADS:
        if act_code is None:
            # "agreed to buy 33% of Changyu": no CAMEO act, business; but nations and
            # their bodies promise what the lexicon has no verb for ("the two sides agreed
            # to conduct feasibility studies", "Japan agreed to stimulate its economy")
            actor, _ = _subject(verb)
            if actor is None or not _political(actor, resources):
                return None
            return "030", f"{lemma} to {act_lemma}", None
        if act_code[:2] >= "14" or act_code[:2] in ("11", "13"):
            code = "130"
        else:
            code = INTENT_CODES.get(act_code[:2], "030")
        return code, f"{lemma} to {act_lemma}", None
    if act_lemma in COMMENT_VERBS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in INFORMATION_NOUNS for c in act.children
    ):
        # "refused to say which side was to blame", "declined to be drawn on": no comment (011)
        return "011", f"{lemma} to {act_lemma}", None
    code = resources.cameo_verbs.get(f"{lemma} {act_lemma}")
    if code is None:
        if act_code is None:
            return None
        code = REFUSAL_CODES.get(act_code[:2], "120")
    return code, f"{lemma} to {act_lemma}", None


def _withheld_comment(verb: Token) -> tuple[str, str, None] | None:
    """``would not say which side was to blame``, ``would not disclose the price``: declining
    to comment (011), as ``refused to say`` is; a plain ``did not say`` is no event."""
    lemma = verb.lemma_.lower()
    if (
        lemma in COMMENT_VERBS
        and any(c.dep_ == "neg" for c in verb.children)
        and any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children)
    ):
        return "011", f"would not {lemma}", None
    return None


def _has_event_complement(verb: Token, resources: Resources) -> bool:
    """``prepared to retake``: the xcomp is coded, the control verb is not."""
    return verb.lemma_.lower() in CONTROL_HEADS and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() in resources.cameo_verbs
        for c in verb.children
    )


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """One lexicon verb as the rules code it, with what the scorer decides on."""

    record: EventRecord  # the rules' event: their code, actor, target, date, flags
    gate: str | None  # why the rules alone drop it ("speech", "unnamed" ...); None: kept
    features: tuple[str, ...]  # the keep model's view of it
    actor_options: tuple[ArgOption, ...]  # the rules' actor first, then the sentence's others
    target_options: tuple[ArgOption, ...]
    # the other nations of a coordinated actor ("US and British warplanes"): entity, country
    nations: tuple[tuple[str | None, str], ...]
    # ... and of a coordinated target ("will visit Britain, France and Italy"): entity,
    # country, the words that name it
    target_nations: tuple[tuple[str | None, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class _Mention:
    """A phrase of the sentence that names a country, a national body or a national."""

    head: Token
    span: Span
    country: str


NAMELESS_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LANGUAGE"}
)


def _country_mentions(sent: Span, linker: _Linker) -> list[_Mention]:
    """The sentence's phrases with a country, in order: named entities (``Russia``, ``Putin``
    with his stated nationality), noun phrases the rules give one (``Iraqi forces``, ``the
    Kremlin``) and lone demonyms (``Turkish`` in ``Turkish soldiers`` is found with its
    phrase)."""
    out: dict[int, _Mention] = {}
    for ent in linker.ents_in(sent):
        if ent.label_ in NAMELESS_LABELS or _backer(ent.doc, ent.end_char):
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
        span = _np(token)
        country = linker.country_of(span, token)
        if country is not None:
            out[token.i] = _Mention(token, span, country)
    return [out[i] for i in sorted(out)]


@dataclass(frozen=True, slots=True)
class _SentenceFacts:
    """What a sentence names, read once for all its verbs."""

    mentions: list[_Mention]  # its countries, one mention each (_country_mentions)
    sport: bool  # it is sports news
    commerce: bool  # it names money, shares or prices
    firms: bool  # it names a company


def _sentence_facts(sent: Span, linker: _Linker, resources: Resources) -> _SentenceFacts:
    return _SentenceFacts(
        mentions=_country_mentions(sent, linker),
        sport=_sports_news(sent, resources.sport_words),
        commerce=_commerce(sent),
        firms=_names_firm(sent),
    )


def _phrase_kind(head: Token | None, resources: Resources) -> str:
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


def _options(
    role: str,
    root: str,
    verb: Token,
    rule: tuple[Token | None, Span | None, str | None, str | None, str | None],
    phrases: tuple[Span | None, Span | None],
    mentions: list[_Mention],
    linker: _Linker,
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
        country: str | None, mention: Token | None, text: str | None, entity: str | None
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
        return ArgOption(country, text, entity, features)

    def nearest(country: str) -> _Mention:
        of_country = [m for m in mentions if m.country == country]
        return min(of_country, key=lambda m: (path_length(m.head, verb), abs(m.head.i - verb.i)))

    out = []
    if rule_country is not None:
        text = span.text if span is not None else None
        out.append(option(rule_country, head, text, rule_entity))
    for country in countries:
        if country == rule_country:
            continue
        m = nearest(country)
        if span is not None:
            # the rules' phrase stays the role ("the oil fields" of Iraq); only its country
            # comes from the mention
            out.append(option(country, m.head, span.text, rule_entity))
        else:
            out.append(option(country, m.head, m.span.text, linker.entity_in(m.span, m.head)))
    if rule_country is None:
        out.insert(0, option(None, None, span.text if span is not None else None, rule_entity))
        if head is not None and head.lemma_.lower() in AUDIENCE_NOUNS:
            # "told reporters", "a news conference": an audience without a country of its
            # own takes none from the sentence (reporters and journalists are null)
            return (out[0],)
    else:
        out.append(option(None, None, None, None))
    return tuple(out)


# a dateline tells where the day's news was filed: an act dated further from publication
# (background: "In 2010, Bout was extradited") happened elsewhere as often as not
DATELINE_DAYS = 7


def _of_the_day(resolved: ResolvedDate | None, published: datetime | None) -> bool:
    return (
        resolved is None
        or published is None
        or abs((resolved.value - published.date()).days) <= DATELINE_DAYS
    )


def _hyphen_for_space(doc: Doc, i: int) -> bool:
    """A hyphen some web copy has in place of a space: between a verb and a name, an article
    or a number (``accusing-NATO``, ``praised-the Dutch politician``, ``pledged-$75.5
    million``) or after punctuation (``adviser,-accused Iran``), where no compound word has
    one (``built-in``, ``cut-price`` stay compounds)."""
    before, after = doc[i - 1] if i > 0 else None, doc[i + 1] if i + 1 < len(doc) else None
    if before is None or after is None:
        return False
    return (before.pos_ == "PUNCT" and after.pos_ == "VERB") or (
        before.pos_ == "VERB"
        and (after.text[:1].isupper() or after.pos_ in ("DET", "PRON", "NUM", "SYM"))
    )


def extract_events(
    doc: Doc,
    doc_id: str,
    published: datetime | None,
    entities: EntityExtraction,
    quotes: list[QuoteRecord],
    resources: Resources,
) -> list[EventRecord]:
    """The document's events: the rules' candidates, decided by the learned scorer when the
    resources carry one, else by the rules' own gates."""
    candidates = event_candidates(doc, doc_id, published, entities, quotes, resources)
    return decide_events(candidates, resources.event_scorer)


def event_candidates(
    doc: Doc,
    doc_id: str,
    published: datetime | None,
    entities: EntityExtraction,
    quotes: list[QuoteRecord],
    resources: Resources,
) -> list[EventCandidate]:
    """Every lexicon verb of the document as the rules code it, with the reason the rules
    alone would drop it (``gate``) and the features the scorer decides on."""
    sentence_of = SentenceIndex(doc)
    linker = _Linker(doc, entities, resources)
    quoted = [(q.start, q.end) for q in find_quote_marks(doc_text(doc))]
    # a reporting verb that introduces a quote is a statement event linked to that quote
    cue_quote = {q.cue_start_char: q for q in quotes if q.cue_start_char is not None}
    dateline = _dateline_place(doc, linker)
    facts_of: dict[int, _SentenceFacts] = {}  # sentence start -> what it names
    scorer = resources.event_scorer
    candidates: list[EventCandidate] = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.dep_ in ("aux", "auxpass", "amod", "compound"):
            continue
        if "-" in verb.text or (
            verb.i + 1 < len(doc)
            and doc[verb.i + 1].text == "-"
            and not doc[verb.i + 1].whitespace_
            and not _hyphen_for_space(doc, verb.i + 1)
        ):
            continue  # compounds like "US-led", "rebel-held"
        if (
            verb.i > 0
            and doc[verb.i - 1].text == "-"
            and not doc[verb.i - 2].whitespace_
            and not _hyphen_for_space(doc, verb.i - 1)
            and not _weapons_test(verb)
        ):
            continue
        quote = cue_quote.get(verb.idx)
        # a reporting verb without a quote (``warned the coalition against``) is coded like
        # any verb, but only when it has a target; bare ``said`` stays out, and so do
        # reporting verbs whose lexicon code is a plain statement (``announced that``);
        # one that names a kind of statement (``warned that`` 012, ``denied`` 016) is coded
        matrix = _matrix_act(verb, resources)
        withheld = _withheld_comment(verb)
        gate: str | None = None
        if (
            quote is None
            and matrix is None
            and withheld is None
            and verb.lemma_.lower() in resources.speech_verbs
            and not any(c.dep_ in ("dobj", "dative") or _aimed_prep(c) for c in verb.children)
            and not _specific_statement(verb, resources)
        ):
            gate = "speech"
        if matrix is None and (_has_event_complement(verb, resources) or _future_auxiliary(verb)):
            continue
        matched = (
            matrix
            or withheld
            or _characterization(verb, resources)
            or _accord(verb)
            or match_cameo(verb, resources)
        )
        if (
            verb.lemma_.lower() in CIRCUMSTANCE_VERBS
            and any(c.dep_ == "auxpass" for c in verb.children)
            and not any(c.dep_ == "agent" for c in verb.children)
        ):
            continue  # "GM and Ford have been forced to cut production": by circumstance
        if matched is not None and _idiom(verb, matched[1], resources):
            continue
        if matched is None:
            matched = _addressed_statement(verb, resources)
            if matched is not None and _idiom(verb, matched[1], resources):
                continue  # "tells the story of a hunter"
        learned = scorer.codes.get(verb.lemma_.lower(), ()) if scorer is not None else ()
        if matched is None and learned and not _idiom(verb, verb.lemma_.lower(), resources):
            # a verb the lexicon lacks but the annotated sentences code ("signed a memorandum")
            matched = (learned[0], verb.lemma_.lower(), None)
            gate = gate or "unlisted"
        if matched is None:
            continue
        code, pattern, phrase_end = matched
        cameo = resources.cameo_codes.get(code)
        if cameo is None:
            continue
        actor, _passive = _subject(verb)
        target = _object(verb, phrase_end)
        threat = target is None and verb.lemma_.lower() == "threaten"
        if (matrix is not None or threat) and (act := _complement(verb)) is not None:
            # "refused to meet the Kurdish delegation", "agreed to lift sanctions on Iran",
            # "threatened to impose restrictions on Japanese banks": the target of the
            # refused, promised or threatened act
            act_match = match_cameo(act, resources)
            target = _object(act, act_match[2] if act_match else None) or target
        if quote is not None and matrix is None:
            # a statement's target is its addressee ("warned the coalition", "called on
            # Russia"), never a word of the reported content
            addressee = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
            if addressee is not None:
                target = addressee
            elif target is not None and quote.start_char <= target.idx < quote.end_char:
                target = None
        speaker = _inverted_speaker(verb)
        if speaker is not None:
            # "..., warned the Iranian diplomat": the object the parser read is the speaker
            actor, target = speaker, None
        thing = target  # the object, kept for scheduling ("a truce on Thursday")
        code, target = _refine(verb, code, actor, target, resources)
        if actor is None and _weapon(verb, target) is not None:
            # "missiles launched from North Korea", "a rocket fired from Gaza": fired by
            # the place they came from
            actor = _prep_object(verb, "from")
        cameo = resources.cameo_codes.get(code, cameo)
        if (
            quote is not None
            and cameo.root_code != "01"
            and _addressee(verb) is None
            and matrix is None
        ):
            # "'Why ...?', he asked", "X promised the rebate was 'fully justified'": a verb
            # that only introduces a quote is the statement itself, not the act it names (a
            # request, a pledge), unless it is aimed at someone ("urged Iran", "called on");
            # ``warned that``, refined to 012 above, stays a statement; a promise to act
            # (``pledged to cooperate``) is an intent whether or not it reads as a quote
            gate = gate or "quote_act"
        if actor is None and target is None and quote is None:
            gate = gate or "no_args"
        sent = verb.sent
        actor_span = _np(actor) if actor is not None else None
        if actor_span is None and quote is not None and quote.speaker_start_char is not None:
            actor_span = doc.char_span(
                quote.speaker_start_char, quote.speaker_end_char, alignment_mode="expand"
            )
            actor = actor_span.root if actor_span is not None else None
        if actor is not None and actor.lower_ in ("we", "i"):
            # "'We will destroy the terrorists,' Putin told reporters": the speaker
            said = next(
                (
                    q
                    for q in quotes
                    if q.start_char <= verb.idx < q.end_char and q.speaker_start_char is not None
                ),
                None,
            )
            speaker = (
                doc.char_span(said.speaker_start_char, said.speaker_end_char, "expand")
                if said is not None
                else None
            )
            if speaker is not None:
                actor_span, actor = speaker, speaker.root
        if actor is not None and actor.lower_ in ("he", "she"):
            person = linker.person_before(actor)
            if person is not None:
                actor_span, actor = person, person.root
        elif actor is not None and actor.lower_ == "it":
            body = linker.body_before(actor)
            if body is not None:
                actor_span, actor = body, body.root
        if target is not None and target.tag_ == "PRP" and target.lower_ in ("him", "her"):
            # "had previously praised her": the person named before, not the actor
            person = linker.person_before(target)
            if person is not None and (actor is None or not person.start <= actor.i < person.end):
                target = person.root
        target_span = _np(target) if target is not None else None
        actor_country = (
            linker.country_of(actor_span, actor)
            if actor_span is not None and actor is not None
            else None
        )
        target_country = (
            linker.country_of(target_span, target)
            if target_span is not None and target is not None
            else None
        )
        spans = [s for s in (actor_span, target_span) if s is not None]
        if sent.start not in facts_of:
            facts_of[sent.start] = _sentence_facts(sent, linker, resources)
        facts = facts_of[sent.start]
        if (
            actor_country is None
            and actor is not None
            and _official(actor, resources)
            and len({m.country for m in facts.mentions} - {target_country}) == 1
        ):
            # "Ministry spokesman Shen Danyang urged the US ...": an official or government
            # body with no stated nationality serves the one other country the sentence names
            # (not the target's own: "officials accused Japanese makers"); where it names
            # several, the rules leave the choice to the scorer's arg model, which was right
            # more often out of fold (docs/benchmarks.md, events11)
            actor_country = linker.country_in(list(sent), spans, (target_country,))
        if target_country is None and target is not None and _official(target, resources):
            if target.ent_type_ != "PERSON":
                # not a person named without nationality: "Baratov was arrested on a US
                # warrant in Canada", "Flynn ... the Russian ambassador"
                target_country = linker.country_in(list(sent), spans, (actor_country,))
            if target_country is None and actor_country != "IGO":
                # "the SNP government was backed by the Scottish Greens": with no other
                # country in the sentence, an official of the actor's own country
                target_country = actor_country
        shown_force = code == "150" and target is not None and _weapon(verb, target) is target
        if target_country is None and cameo.root_code != "01" and not shown_force:
            # (a statement's target is its addressee alone: "told a press conference at the
            # end of a visit to Mexico" was not told to Mexico; a missile fired at nothing was
            # not fired at the place it came from: "launched from North Korea")
            aimed = _aimed_elsewhere(verb, target, actor_span, linker)
            if aimed is not None:
                target, target_span, target_country = aimed
        # "asked at least four countries, including the United States, Soviet Union, Britain
        # and China", "several countries, including France and Saudi Arabia, pledged": the
        # nations a group is said to include are its members
        if target is not None and target_country is None:
            member = _member(target, linker)
            if member is not None:
                target, target_span, target_country = member
        if actor is not None and actor_country is None:
            member = _member(actor, linker)
            if member is not None:
                actor, actor_span, actor_country = member
        # "the U.S. and Brazil blamed one another": a reciprocal act is coded as a joint one
        reciprocal = (
            target is not None
            and sent.doc[target.left_edge.i : target.right_edge.i + 1].text.casefold()
            in RECIPROCALS
        )
        if reciprocal:
            target, target_span, target_country = None, None, None
        joint_act = _mutual(cameo.root_code, code, verb) or reciprocal
        # "the ministers and governors of the U.S., Japan ... signed an accord": the partner
        # the rules took from the actor's own conjuncts is not a party of its own
        among_actors = (
            joint_act
            and target is not None
            and actor_span is not None
            and actor_span.start <= target.i < actor_span.end
        )
        if among_actors and target_country == actor_country:
            target_country = None
        if target_country is None and actor_span is not None and joint_act:
            # "American and Soviet negotiators will resume talks": a joint act of two
            # nationalities goes from the first to the second
            named = [linker.country_in([t], []) for t in actor_span]
            partners = [c for c in dict.fromkeys(named) if c is not None]
            if len(partners) >= 2 and partners[0] == actor_country:
                target_country = partners[1]
        if target_country is None and cameo.root_code in VIOLENT_ROOTS:
            # "killed in air strikes on the Syrian city of Idlib": an attack without a
            # national target hits the country where it happens
            places = [t for c in verb.children if c.dep_ == "prep" for t in c.subtree]
            target_country = linker.country_in(places, [actor_span] if actor_span else [])
        actor_entity = (
            linker.entity_in(actor_span, actor)
            if actor_span is not None and actor is not None
            else None
        )
        target_entity = (
            linker.entity_in(target_span, target)
            if target_span is not None and target is not None
            else None
        )
        if (
            target_country is None
            and cameo.root_code != "01"
            and actor_span is not None
            and _company(actor_span, actor)
        ):
            # "Trust America Service Corp signed an agreement", "the venture accepted a
            # proposal": a company's dealings with no national counterpart are business
            gate = gate or "company"
        if facts.sport:
            # "Italy ... when they meet Wales on Saturday": sport is no political interaction
            gate = gate or "sport"
        if _terms(verb, actor):
            # "That pact calls on Japan to stop selling cut-price chips": the annotation
            # codes the parties' acts, not what their documents provide
            gate = gate or "terms"
        if cameo.root_code in VIOLENT_ROOTS and _no_perpetrator(verb, actor, target, resources):
            # "An avalanche killed seven students", "killed themselves": nobody acted on them
            gate = gate or "disaster"
        if (
            verb.dep_ == "acl"
            and verb.tag_ == "VBN"
            and not any(c.dep_ == "agent" for c in verb.children)
            and cameo.root_code not in VIOLENT_ROOTS
            # (not a short clause the parser misread: "Trump called NATO ...")
            and actor is None
        ):
            # "the Western sanctions imposed against Syria": a participle with no agent
            # names a thing; the guidelines code no event in it ("US sanctions announced
            # last week")
            gate = gate or "participle"
        if quote is None and not (actor_country or target_country or actor_entity or target_entity):
            # neither side is a named or national actor ("a political crisis threatened a
            # fragile ceasefire", "the report warned"): nothing to code it between, as in
            # PETRARCH, which drops events without coded actors
            gate = gate or "unnamed"
        if (
            target_country is None
            and cameo.root_code in HOSTED_ROOTS
            and actor_country not in (None, "IGO")
        ):
            # "began talks in Bonn": a meeting abroad is held with the host country (a
            # nation's: "EC trade experts will meet in Brussels" is not a meeting with Belgium)
            heads = [t for t in (verb, phrase_end, target) if t is not None]
            places = [
                t
                for h in heads
                for c in h.children
                if c.dep_ == "prep" and c.lower_ in ("in", "at")
                for t in c.subtree
            ]
            target_country = linker.country_in(places, [], (actor_country,))
        date_span = _date_of(verb, linker.ents_in(sent))
        # a meeting or a journey told in the present with its date is on the schedule
        # ("Nakasone leaves for Washington on April 29", "meets Baker on Tuesday")
        present = verb.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children
        )
        future = _is_future(verb) or (
            date_span is not None
            and (
                _scheduled(date_span, _np(thing) if thing is not None else None)
                or (present and cameo.root_code == "04")
            )
        )
        # "would go to Japan on Friday": an act under a modal is still to come when told, and so
        # is a dated act told in the present ("effective April one when he takes over")
        prospective = (
            future
            or present
            or any(
                c.dep_ == "aux" and c.lemma_.lower() in MODALS
                for t in _clause_chain(verb)
                for c in t.children
            )
        )
        resolved = (
            resolve_date(date_span.text, published, prospective) if date_span is not None else None
        )
        ahead = verb.tag_ not in ("VBD", "VBN") and (
            (resolved is not None and published is not None and resolved.value > published.date())
            # ("meets in Davos next week" in an undated article)
            or (date_span is not None and FUTURE_DATE_RE.search(date_span.text) is not None)
        )
        if cameo.root_code == "04" and ((future and _is_future(verb)) or ahead):
            # "will meet next week", "will resume talks", "when he meets Baker next week": CAMEO
            # codes an announced meeting as the intent to meet (036), the meeting itself when
            # it happens
            code = "036"
            cameo = resources.cameo_codes.get(code, cameo)
        end_token = verb if phrase_end is None or phrase_end.i < verb.i else phrase_end
        end_char = end_token.idx + len(end_token.text)
        # "would not say" declined to comment: the refusal happened
        negated, hypothetical = (
            (False, False) if withheld is not None else _flags(verb, announced=code == "036")
        )
        record = EventRecord(
            event_id=row_id("evt", doc_id, verb.idx, end_char, code),
            doc_id=doc_id,
            sentence_index=sentence_of(verb.idx),
            start_char=verb.idx,
            end_char=end_char,
            predicate=pattern,
            event_code=code,
            event_root_code=cameo.root_code,
            event_label=cameo.label,
            quad_class=cameo.quad_class,
            goldstein=cameo.goldstein,
            actor_text=actor_span.text if actor_span is not None else None,
            actor_entity_id=actor_entity,
            actor_country_code=actor_country,
            target_text=target_span.text if target_span is not None else None,
            target_entity_id=target_entity,
            target_country_code=target_country,
            location_entity_id=linker.place_of(verb, phrase_end, cameo.root_code, target)
            or (dateline if _of_the_day(resolved, published) else None),
            event_date=resolved.value if resolved else None,
            date_text=date_span.text if date_span is not None else None,
            date_precision=resolved.precision if resolved else None,
            negated=negated,
            hypothetical=hypothetical,
            in_quote=any(s <= verb.idx < e for s, e in quoted),
            quote_id=quote.quote_id if quote is not None else None,
        )
        nations: list[tuple[str | None, str]] = []
        others = _other_nations(actor_span, actor_country, linker) if actor_span is not None else []
        # a cooperative act between the coordinated nations ("American and Soviet negotiators
        # held talks") is coded from the first to the second above; one on a third nation
        # ("Britain and Australia offered wheat to Bangladesh") is done by each
        joint = joint_act and (
            target_country is None or target_country in {c for _, c in others} or among_actors
        )
        if not joint:
            # "US and British warplanes attacked", "South Korea and Japan denied": each nation
            # of a coordinated actor acts on the target
            nations = [(linker.entity_at(token), country) for token, country in others]
        target_nations: list[tuple[str | None, str, str]] = []
        if target_span is not None and target_country is not None and not among_actors:
            # "will visit Britain, France and Italy", "met the leaders of Turkey and Iraq":
            # the act is done to each nation of a coordinated target (a joint act among the
            # actor's nations is one event, from the first to the second)
            for token, country in _other_nations(target_span, target_country, linker):
                if country == actor_country:
                    continue
                named = linker.ent_at(token)
                text = named.text if named is not None else token.text
                target_nations.append((linker.entity_at(token), country, text))
        mentions = facts.mentions
        # the lexicon's code, then the other codes annotators gave this verb ("warned" 012,
        # 020 or 13x): the keep model weighs each; a phrase the lexicon or the rules code as a
        # whole ("impose sanction", "declined to join") is more specific than the bare verb
        # the learnt codes are for ("declined to comment" 011), so it keeps its code
        bare = pattern == verb.lemma_.lower() and matrix is None
        actor_kind, target_kind = _phrase_kind(actor, resources), _phrase_kind(target, resources)
        companies = "".join(
            str(int(span is not None and head is not None and _company(span, head)))
            for span, head in ((actor_span, actor), (target_span, target))
        )
        roles = (
            ("A", actor, actor_span, actor_country, actor_entity, target_country, actor_kind),
            ("T", target, target_span, target_country, target_entity, actor_country, target_kind),
        )
        for variant in dict.fromkeys((code, *learned) if bare else (code,)):
            cameo = resources.cameo_codes.get(variant)
            if cameo is None:
                continue
            features = predicate_features(
                root=cameo.root_code,
                code=variant,
                lemma=verb.lemma_.lower(),
                pattern=pattern,
                dep=verb.dep_,
                tag=verb.tag_,
                head_lemma=verb.head.lemma_.lower() if verb.head.i != verb.i else None,
                gate=gate,
                lexicon=variant == code,
                quoted=quote is not None,
                in_quote=record.in_quote,
                intent=matrix is not None,
                has_actor=actor_span is not None,
                has_target=target_span is not None,
                actor_country=actor_country is not None,
                target_country=target_country is not None,
                n_countries=len({m.country for m in mentions}),
                actor_kind=actor_kind,
                target_kind=target_kind,
                target_lemma=target.lemma_.lower() if target is not None else None,
                companies=companies,
                commerce=facts.commerce,
                firms=facts.firms,
            )
            actor_options, target_options = (
                _options(
                    role,
                    cameo.root_code,
                    verb,
                    (head, span, country, entity, other),
                    (actor_span, target_span),
                    mentions,
                    linker,
                    kind,
                )
                for role, head, span, country, entity, other, kind in roles
            )
            coded = record
            if variant != code:
                coded = replace(
                    record,
                    event_id=row_id("evt", doc_id, verb.idx, end_char, variant),
                    event_code=variant,
                    event_root_code=cameo.root_code,
                    event_label=cameo.label,
                    quad_class=cameo.quad_class,
                    goldstein=cameo.goldstein,
                )
            candidates.append(
                EventCandidate(
                    coded,
                    gate if variant == code else gate or "variant",
                    features,
                    actor_options,
                    target_options,
                    tuple(nations),
                    tuple(target_nations),
                )
            )
    return candidates


def decide_events(
    candidates: list[EventCandidate], scorer: EventScorer | None
) -> list[EventRecord]:
    """The events among the candidates, at most one per verb.  Without a scorer, the rules
    decide: every candidate no gate dropped, with the rules' actor and target.  With one, the
    learned models correct them where they are confident (see ``EventScorer``): a rule event
    is dropped when unlikely, a candidate the rules drop or another code of the verb is taken
    when likely enough, and a country the rules leave empty is filled in from the sentence."""
    by_verb: dict[int, list[tuple[float, EventCandidate]]] = {}
    for candidate in candidates:
        p = scorer.keep_probability(candidate.features) if scorer is not None else 1.0
        by_verb.setdefault(candidate.record.start_char, []).append((p, candidate))
    events: list[EventRecord] = []
    for group in by_verb.values():
        chosen = _chosen(group, scorer)
        if chosen is None:
            continue
        p, candidate = chosen
        record = candidate.record
        if scorer is not None:
            actor, actor_share = _choose(candidate.actor_options, scorer)
            target, target_share = _choose(candidate.target_options, scorer)
            # how likely the event is right as coded, its root and both countries: out of
            # fold it is close to calibrated (docs/benchmarks.md, events10), so analysts can
            # trade recall for precision with one threshold
            confidence = p * actor_share * target_share
            record = replace(
                record,
                actor_country_code=actor.country,
                actor_text=actor.text,
                actor_entity_id=actor.entity_id,
                target_country_code=target.country,
                target_text=target.text,
                target_entity_id=target.entity_id,
                confidence=round(confidence, 4),
            )
        events.append(record)
        # the nations of a coordinated actor or target below keep the record's confidence:
        # the arg model scores one country per role, its softmax would rank the others as
        # alternatives, not as companions
        if record.target_country_code == candidate.record.target_country_code:
            # (the other nations were read off the rules' target phrase)
            for entity_id, country, text in candidate.target_nations:
                events.append(
                    _for_nation(
                        record,
                        ("target", country),
                        target_country_code=country,
                        target_entity_id=entity_id,
                        target_text=text,
                    )
                )
        if record.actor_country_code != candidate.record.actor_country_code:
            continue  # the other nations were read off the rules' actor phrase
        for entity_id, country in candidate.nations:
            if country == record.target_country_code:
                continue
            events.append(
                _for_nation(
                    record, (country,), actor_country_code=country, actor_entity_id=entity_id
                )
            )
    return events


def _for_nation(record: EventRecord, key: tuple[str, ...], **changes: str | None) -> EventRecord:
    """The event of another nation of a coordinated actor or target: the same record with
    that nation, under an id that names it (``key``)."""
    event_id = row_id(
        "evt", record.doc_id, record.start_char, record.end_char, record.event_code, *key
    )
    return replace(record, event_id=event_id, **changes)


def _chosen(
    group: list[tuple[float, EventCandidate]], scorer: EventScorer | None
) -> tuple[float, EventCandidate] | None:
    """The one candidate of a verb that is an event, if any, with its keep probability
    (``group``: each candidate of the verb with its keep probability)."""
    ruled = next(((p, c) for p, c in group if c.gate is None), None)
    if scorer is None:
        return ruled
    # the annotation codes only what happened, so the keep model never saw a negated or
    # hypothetical clause: the rules' flagged events stay
    keep_rule = ruled is not None and (
        ruled[0] >= scorer.drop_threshold or ruled[1].record.negated or ruled[1].record.hypothetical
    )
    p, best = max(
        ((p, c) for p, c in group if c.gate is not None), key=lambda pc: pc[0], default=(0.0, None)
    )
    if (
        best is not None
        and p >= scorer.add_threshold
        and (ruled is None or not keep_rule or p - ruled[0] >= scorer.variant_margin)
    ):
        return p, best
    return ruled if keep_rule else None


def _choose(options: tuple[ArgOption, ...], scorer: EventScorer) -> tuple[ArgOption, float]:
    """The rules' option (the first) when it has a country; else the best other option when
    it outscores having none by the scorer's margin; with the arg model's probability of the
    chosen country.  Replacing a country the rules read (the subject's, the object's) gained
    nothing out of fold and undid parses the rules get right, so the arg model only fills in
    what they leave empty."""
    scores = [scorer.arg_score(o.features) for o in options]
    chosen = options[0]
    if chosen.country is None:
        top = max(range(len(options)), key=scores.__getitem__)
        if scores[top] - scores[0] >= scorer.arg_margin:
            chosen = options[top]
    return chosen, country_share(scores, options, chosen.country)


def _aimed_prep(token: Token) -> bool:
    """A preposition that can aim a reporting verb at someone (``told to``, ``warned against``),
    not one that dates or places it (``announced on March 7``, ``said in a statement``)."""
    return (
        token.dep_ == "prep"
        and token.lower_ not in ("in", "at", "during", "after", "before", "since", "by")
        and not any(c.ent_type_ in ("DATE", "TIME") for c in token.children)
    )


def _other_nations(
    actor_span: Span, actor_country: str | None, linker: _Linker
) -> list[tuple[Token, str]]:
    """The nations a coordinated actor names besides ``actor_country``: conjoined countries
    or nationalities (``US and British warplanes``, ``Russia and Syria``)."""
    if not any(t.dep_ == "conj" for t in actor_span):
        return []
    out: dict[str, Token] = {}
    for token in actor_span:
        if token.dep_ != "conj" and not any(c.dep_ == "conj" for c in token.children):
            continue
        country = linker.country_in([token], [])
        if country is None and token.dep_ == "conj" and token.pos_ in ("PROPN", "NOUN"):
            # "Babangida of Nigeria and Sassou-Nguesso of Congo", "Italian Prime Minister
            # Silvio Berlusconi and German Chancellor Gerhard Schroeder": the conjunct's own
            # phrase names its nation
            country = linker.country_of(_conjunct(token), token)
        if country is not None and country != actor_country and country not in out:
            out[country] = token
    return [(token, country) for country, token in out.items()]


def _member(head: Token, linker: _Linker) -> tuple[Token, Span, str] | None:
    """The first member a group noun names with ``including`` or ``such as`` (``four
    countries, including the United States``), with its phrase and country, if it has one."""
    for child in head.children:
        if child.dep_ != "prep" or child.i < head.i:
            continue
        if child.lower_ == "including" or (
            child.lower_ == "as" and any(c.lower_ == "such" for c in child.children)
        ):
            member = next((c for c in child.children if c.dep_ == "pobj"), None)
            if member is None:
                return None
            span = _np(member)
            country = linker.country_of(span, member)
            return (member, span, country) if country is not None else None
    return None


def _conjunct(token: Token) -> Span:
    """The words of one conjunct: its left modifiers, compounds and ``of`` complement, not
    the conjuncts after it."""
    right = token.i
    for child in token.children:
        if child.i > token.i and (
            child.dep_ in ("compound", "flat") or (child.dep_ == "prep" and child.lower_ == "of")
        ):
            right = max(right, child.right_edge.i)
    left = min(
        [token.i]
        + [c.left_edge.i for c in token.children if c.i < token.i and c.dep_ not in ("cc", "punct")]
    )
    return token.doc[left : right + 1]


def _dateline_place(doc: Doc, linker: _Linker) -> str | None:
    """``MOSCOW —`` / ``NAIROBI -`` at the start of the article names where it was filed."""
    head = doc_text(doc)[:60]
    for sep in (" — ", " - ", " – ", ", "):
        cut = head.find(sep)
        if cut > 0 and head[:cut].isupper():
            for span in linker.entities.by_span:
                place = linker.place_entity(span) if span[0] < cut else None
                if place is not None:
                    return place
    return None
