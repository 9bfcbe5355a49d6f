"""Linking an act's phrases to the document's entities: ``Linker`` gives a phrase its entity
and its country (a place's own, a stated nationality, an IGO, a seat of power, the actor
dictionaries), a pronoun its antecedent, and an act its place.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from transforms.entities import EntityExtraction
from transforms.event_syntax import JOURNEY_WORDS, clause_chain, noun_phrase
from transforms.resources import Resources
from transforms.speaker_gender import gender_of
from transforms.text_spans import doc_text

PERSON_LIKE_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
PRONOUN_GENDERS = {"he": "male", "him": "male", "she": "female", "her": "female"}
# what is named after the city where it was made: "the Paris pact", "the Minsk accords"
NAMED_AFTER_PLACE_NOUNS = frozenset(
    {"pact", "accord", "agreement", "treaty", "protocol", "convention", "declaration"}
    | {"communique", "process", "format", "consensus", "club", "talk", "round"}
)


# a place after these is where the act happened
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
# ... and what these do to a place happens there: coercion, assault, fighting, mass violence
PLACE_STRUCK_ROOTS = frozenset({"17", "18", "19", "20"})
# (also the heads of a target that lies where the place it names is: "the mountains of Wales",
# "one of the group's camps in the region of Juba")
TERRITORY_NOUNS = frozenset(
    {"town", "city", "village", "territory", "province", "region", "district", "area"}
    | {"height", "outskirt", "base", "airport", "airfield", "port", "stronghold", "border"}
    | {"capital", "camp", "mountain", "suburb", "neighbourhood"}
)
# "the country", "the nation": the one the sentence named before
ANAPHORIC_NOUNS = frozenset({"country", "nation"})
# ad-hoc groups of nations whose country is the nation leading them (docs/event_annotation.md)
LED_GROUPS = frozenset({"coalition", "alliance"})
# people who act for the body their "of" names: "members of the EC Commission" act for an IGO
IGO_AGENT_NOUNS = frozenset(
    {"member", "official", "representative", "delegate", "envoy", "commissioner", "president"}
    | {"head", "chief", "spokesman", "spokeswoman", "spokesperson", "secretary", "director"}
)
# "Turkish-backed", "UK-based": a nation that backs or hosts the actor is not its country
# ("US-led" is: a coalition takes its leading country); nor one that made it ("a
# Russian-made helicopter") or whose manner it has ("a Soviet-style investigation")
BACKER_WORDS = frozenset(
    {"backed", "based", "born", "funded", "sponsored", "supported", "trained", "allied", "owned"}
    | {"made", "built", "supplied", "style", "type", "inspired"}
)
# a proper noun the recogniser missed counts as a city from this size (see _untagged_city)
UNTAGGED_CITY_POPULATION = 100_000
# "Latin American", "North American": a region's people, no one country's
REGION_PREFIXES = frozenset({"latin", "central", "south", "north", "pan", "anglo"})
# addressees that are an audience, not an actor: "told reporters", "a news conference"
AUDIENCE_NOUNS = frozenset(
    {"reporter", "journalist", "conference", "briefing", "press", "media", "audience", "crowd"}
)


def followed_by_backer(doc: Doc, end_char: int) -> bool:
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


class Linker:
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
        # country_of per (phrase start, end, head): the sentence's mentions and every verb's
        # sides ask for the same phrases again (a third of the events' time went to them)
        self._countries: dict[tuple[int, int, int], str | None] = {}
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
        if not plural:
            return demonyms.get(word)
        # (an irregular plural inside a place's name is no people: "Turks and Caicos")
        return self.resources.nationality(token.text, token.ent_type_ in ("", "NORP"))

    def _country_name_in(self, span: Span) -> str | None:
        """A country named inside a longer name (``the Office of the US Trade
        Representative``, an organisation entity that hides the ``US`` in it)."""
        for token in span:
            if not token.text[:1].isupper() or token.lower_ == "the":
                # (the gazetteer drops a leading article: "The Arm" would be Armenia's code)
                continue
            if token.ent_id_:
                # a name the entity rules know stands for its canonical entity, whose country
                # is its own: "the Islamic State of Iraq and the Levant" is no Iraqi group
                continue
            if followed_by_backer(token.doc, token.idx + len(token.text)):
                continue
            for width in (3, 2, 1):
                words = span.doc[token.i : min(token.i + width, span.end)]
                code = self.resources.gazetteer.country_named(words.text)
                if code is not None:
                    return code
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
        written = mention.text.casefold().replace("’s", "").replace("'s", "").split()
        words = [w for w in written if w not in self.resources.titles]
        table = self.resources.actor_affiliations
        for key in (" ".join(words), " ".join(words[-2:])):
            if key in table:
                return table[key]
        # the curated dictionary's full name before the corpus's bare surname: "Jens
        # Stoltenberg" (NATO) is not the 1987 finance minister Gerhard Stoltenberg
        known = self.resources.known_actor_country(mention.text)
        if known is not None:
            return known
        if not words:
            return None
        if (
            len(words) == 1
            and len(written) > 1
            and head.ent_type_ == "PERSON"
            and words[0] not in table
        ):
            # "Mr Blair", "President Assad": a title and the surname of one the dictionary
            # names in full ("tony blair"); a bare surname may be anyone's first name
            return self.resources.actor_surnames.get(words[0])
        return table.get(words[-1])

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
        first country, place or demonym inside its phrase (``US Deputy Secretary ...``), the
        actor dictionary, then what the words around the phrase say of it (an apposition, a
        complement, the body its ``its`` or ``the country`` refers to)."""
        key = (span.start, span.end, head.i)
        if key not in self._countries:
            self._countries[key] = self._country_of(span, head)
        return self._countries[key]

    def _country_of(self, span: Span, head: Token) -> str | None:
        for find in (
            self._own_country,
            self._igo_named,
            self._leading_country,
            self._named_inside,
            self._stated_inside,
            self._official_of_known_body,
            self._renamed_country,
        ):
            code = find(span, head)
            if code is not None:
                return code
        wider = self._wider_phrase(span, head)
        if wider is not None:
            return self.country_of(wider, head)
        return self._country_referred(head)

    def _own_country(self, span: Span, head: Token) -> str | None:
        """The country of the head's own entity, its stated nationality, a known affiliation,
        or that of the place name in apposition right after it."""
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
        return None

    def _igo_named(self, span: Span, head: Token) -> str | None:
        """IGO for an intergovernmental body, its officials and its members ("The UN envoy for
        Syria", "Representatives of the Group of Seven")."""
        igos = self.resources.igos
        text = span.text.casefold().replace("’s", "").replace("'s", "")
        text = re.sub(r"^the ", "", text)
        if text in igos or head.text.casefold() in igos:
            return "IGO"
        entity_id = self.entity_at(head)
        if entity_id is not None and self.entities.info[entity_id][1].casefold() in igos:
            return "IGO"
        if any(t.i < head.i and t.text.casefold() in igos for t in span):
            return "IGO"
        for of in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            member = " ".join(t.text for t in of.subtree if t.dep_ != "det" and t.i > of.i)
            if member.casefold() in igos:
                return "IGO"
        if self._acts_for_igo(head) or any(self._acts_for_igo(n) for n in _of_objects(head)):
            # people acting for an international body, whatever their nationality ("the two
            # West German members of the EC's Commission": docs/event_annotation.md), and
            # what is theirs ("effigies of the two West German members of the EC's Commission")
            return "IGO"
        return None

    def _acts_for_igo(self, noun: Token) -> bool:
        """A member, official or head of an intergovernmental body its ``of`` names."""
        igos = self.resources.igos
        return noun.lemma_.lower() in IGO_AGENT_NOUNS and any(
            t.text.casefold() in igos
            for body in _of_objects(noun)
            for t in noun.doc[body.left_edge.i : body.i + 1]
        )

    def _leading_country(self, span: Span, head: Token) -> str | None:
        """An ad-hoc coalition takes the nation said to lead it ("a coalition led by the United
        States"; "the US-led coalition" has it inside its phrase): docs/event_annotation.md."""
        if head.lemma_.lower() not in LED_GROUPS:
            return None
        for led in head.children:
            if led.dep_ != "acl" or led.lemma_.lower() != "lead":
                continue
            for agent in (c for c in led.children if c.dep_ == "agent"):
                for leader in (c for c in agent.children if c.dep_ == "pobj"):
                    code = self.country_of(noun_phrase(leader), leader)
                    if code not in (None, "IGO"):
                        return code
        return None

    def _named_inside(self, span: Span, head: Token) -> str | None:
        """The country of the first entity inside the phrase that has one (or IGO)."""
        for start, end in self._spans_from(span.start_char):
            if start >= span.end_char:
                break
            if span.start_char <= start and end <= span.end_char:
                _, name, country = self.entities.info[self.entities.by_span[(start, end)]]
                if followed_by_backer(span.doc, end):
                    continue  # "The Turkish-backed Syrian rebels" are Syrian
                if end <= head.idx and self._named_after_city(head, name):
                    continue  # "the Paris pact", "the Minsk accords": no French party
                if country:
                    return country
                if name.casefold() in self.resources.igos:
                    return "IGO"  # "European Community agriculture ministers"
        return None

    def _stated_inside(self, span: Span, head: Token) -> str | None:
        """A demonym, a country name or a large city the recogniser missed inside the phrase,
        else the curated actor dictionary: it comes after what the phrase states ("Indian
        National Congress" is IND, not the "congress" of the dictionary)."""
        for token in span:
            code = self._demonym(token)
            if code is not None and not followed_by_backer(span.doc, token.idx + len(token.text)):
                return code
        return (
            self._country_name_in(span)
            or self._untagged_city(head)
            or self.resources.known_actor_country(span.text)
        )

    def _official_of_known_body(self, span: Span, head: Token) -> str | None:
        """ "a spokesman for Hamas", "officials at the Bundesbank": an official of a body the
        actor dictionary knows (a place is not read here: "officials in Geneva")."""
        if head.lemma_.lower() not in self.resources.official_nouns:
            return None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "at") and prep.i >= span.end - 1:
                body = head.doc[prep.i + 1 : prep.right_edge.i + 1]
                code = self.resources.known_actor_country(body.text)
                if code is not None:
                    return code
        return None

    def _renamed_country(self, span: Span, head: Token) -> str | None:
        """ "West German president, Richard von Weizsaecker, who arrives": the name in
        apposition has the nationality of the phrase it renames."""
        if head.dep_ == "appos" and head.head.i < head.i:
            owner = head.head
            return self.country_of(head.doc[owner.left_edge.i : owner.i + 1], owner)
        return None

    def _wider_phrase(self, span: Span, head: Token) -> Span | None:
        """The head's phrase with its appositions and complements where they reach past
        ``span`` ("Erdogan, the president of Turkey", "a proposal from German rival Deutsche
        Boerse"); not where it is ("delegations in Geneva") nor what it is for ("an agreement
        to set up a venture in Japan", "the idea of plugging the Taliban into a dialogue")."""
        whole = head.doc[head.left_edge.i : head.right_edge.i + 1]
        if whole.end_char <= span.end_char:
            return None
        for child in head.children:
            if child.i > span.end - 1 and (
                child.dep_ in ("acl", "relcl", "advcl")
                or (child.dep_ == "prep" and child.lower_ not in ("of", "from", "with"))
                or (child.dep_ == "prep" and any(c.dep_ == "pcomp" for c in child.children))
            ):
                whole = head.doc[whole.start : child.left_edge.i]
                break
        return whole if whole.end_char > span.end_char else None

    def _country_referred(self, head: Token) -> str | None:
        """The country of the body an ``its`` official or ``the country`` refers to."""
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
            if followed_by_backer(token.doc, token.idx + len(token.text)):
                continue
            code = self._demonym(token, plural=False)
            placed = token.ent_type_ in ("GPE", "LOC", "NORP", "FAC")
            if code is None and (placed or token.pos_ == "PROPN"):
                # (also a place the entity linker found where the recogniser saw none or
                # another kind: "arrived in Antananarivo", tagged ORG)
                entity_id = self.entity_at(token)
                info = self.entities.info[entity_id] if entity_id is not None else None
                if info is not None and (placed or info[0] == "place"):
                    code = info[2]
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
        heads = clause_chain(verb)
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


def _of_objects(noun: Token) -> list[Token]:
    """The objects of the noun's ``of`` complements ("members of *the EC's Commission*")."""
    return [
        pobj
        for of in noun.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for pobj in of.children
        if pobj.dep_ == "pobj"
    ]
