"""Quotations: direct ("..." he said), indirect (X said that ...) and mixed, with their speakers.

Two stages, as in spaCy's rule components: ``find_quote_marks`` computes quoted spans from the raw
text (robust to odd or unbalanced marks), ``extract_quotes`` attributes them and adds indirect
speech found in the dependency parse.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from transforms.entities import EntityExtraction
from transforms.ids import row_id
from transforms.records import QuoteRecord
from transforms.resources import Resources
from transforms.speaker_gender import gender_of
from transforms.text_spans import SentenceIndex, doc_text

OPENERS = {'"': '"', "“": "”", "«": "»", "„": "“", "‘": "’", "'": "'"}
MIXED_DOUBLE = ('"', "”")  # either closes an opening '"' or '“'
CLOSE_NEXT = frozenset(".,;:!?)]}—–")  # what follows a closing mark in place of a space
OPEN_AFTER = frozenset("([{—–")  # what precedes an opening mark in place of a space
SINGLE = frozenset("‘'")  # single marks double as apostrophes: they open only at a word start
PRONOUNS = {"he": "male", "she": "female", "it": None, "they": None, "i": None, "we": None}
# "the company said", like "it said": the organization that spoke last before them
BODY_WORDS = frozenset({"company", "firm", "bank", "group", "corporation"})
MIN_QUOTE_WORDS = 3  # shorter quoted strings are titles or scare quotes, not speech
# reporting verbs whose direct object is the person addressed, never the content
ADDRESSEE_VERBS = frozenset(
    {"tell", "warn", "urge", "ask", "inform", "remind", "assure", "caution", "advise", "brief"}
)
# reporting verbs whose noun object is made or kept rather than said ("wrote a book", "added a
# stop", "maintains a lead", "counter threats"): only their clauses are reports
MAKING_VERBS = frozenset({"write", "add", "maintain", "counter"})
# verbs that label what they judge: 'called X "Y"', 'described X as "Y"' take X with "Y"
NAMING_VERBS = frozenset(
    {"call", "label", "brand", "dub", "deem", "describe", "praise", "characterize", "portray"}
)
LABEL_GLUE = frozenset({"", "a", "an", "the", "as", "as a", "as an", "as the"})
QUESTION_VERBS = frozenset({"ask", "wonder", "question", "inquire"})  # take 'if'/'whether'
FALLBACK_SENTENCES = 3  # an unattributed quote inherits the last speaker this close


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # first character of the content, after the opening mark
    end: int  # one past the last character of the content
    closed: bool
    # a split quote ('"A," he said. "B"') is one quote; this is the attribution between the parts
    gap: tuple[int, int] | None = None


MAX_GAP_WORDS = 12  # '," the former minister told reporters at the border. "' at most


def join_split_quotes(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Join ``"A," he said. "B"`` into one span: annotators (and analysts) read it as one
    quotation whose attribution sits inside it. The first part must end with a comma (or ?/!)
    and the two parts must share a paragraph."""
    out: list[QuoteSpan] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and not prev.closed:
            # a paragraph left open and a next paragraph that opens again: one quote continued
            between = text[prev.end : span.start - 1]
            if "\n" in between and not between.strip():
                out[-1] = QuoteSpan(prev.start, span.end, span.closed, prev.gap)
                continue
        if prev is not None and prev.closed:
            gap = text[prev.end + 1 : span.start - 1].strip("'")  # ''doubled'' marks
            ends = text[prev.end - 1 : prev.end]
            # '"B," he added' after the gap: the second part has an attribution of its own
            own = span.closed and text[span.end - 1 : span.end] == ","
            if (
                ends in ",?!"
                and not own
                and "\n" not in gap
                and 0 < len(gap.split()) <= MAX_GAP_WORDS
                and not any(ch in OPENERS or ch in "”»’" for ch in gap)
                and not _two_sentences(gap)
            ):
                out[-1] = QuoteSpan(prev.start, span.end, span.closed, (prev.end, span.start))
                continue
        out.append(span)
    return out


def _two_sentences(gap: str) -> bool:
    """'," Trump said. He added, "': a second sentence in the gap attributes the next part on its
    own. A period after a lower-case word ends a sentence ("Mr." and "Sen." do not)."""
    words = gap.split()
    return any(w.endswith(".") and w[:-1].islower() for w in words[:-1])


def find_quote_marks(text: str) -> list[QuoteSpan]:
    """Quoted spans in ``text``. Straight quotes pair in order, but a mark's sides say what it
    can be: one that ends a word (``court," the``) opens nothing, one that starts a word after
    a space (`` "supplying``) closes nothing, so a stray mark spoils one span, not every pair
    after it (``_straight_role``). Curly quotes and guillemets pair by kind. A quote left open
    at the end of a paragraph closes there (news style continues a quote in the next paragraph
    by opening it again), and so does one left open at a sentence's end when a mark opens the
    next (paragraphs run together). Apostrophes are never openers: ``‘`` only opens before a
    letter at a word start."""
    spans: list[QuoteSpan] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        closer = OPENERS.get(ch)
        if (
            closer is None
            or (ch in SINGLE and not _opens_single(text, i))
            or (ch == '"' and _straight_role(text, i) == "close")
        ):
            i += 1
            continue
        start = i + 1
        para_end = text.find("\n\n", start)
        para_end = n if para_end == -1 else para_end
        if text.startswith("''", i):
            # ''doubled apostrophes'' (NYT style) are double quotes
            start = i + 2
            j = text.find("''", start, para_end)
            closed = j != -1
            end = j if closed else _rstrip_index(text, start, para_end)
            spans.append(QuoteSpan(start, end, closed=closed))
            i = j + 2 if closed else para_end
            continue
        if ch in ('"', "“"):
            # a straight mark may close a curly one and the other way round ("…”, “…")
            j = _double_close(text, start, para_end)
            if j != -1 and text[j] == '"' and _straight_role(text, j) == "open":
                span, i = _interrupted(text, start, j, para_end)
                if span is not None:
                    spans.append(span)
                continue
        elif ch not in SINGLE:
            j = text.find(closer, start, para_end)
        else:
            j = _find_single_close(text, start, para_end, closer)
        if ch == "'" and (
            j == -1 or not text[start].isalpha() or not any(c.isspace() for c in text[start:j])
        ):
            # straight apostrophes ("'90s", "rock 'n' roll") open nothing: a straight single
            # quote needs a letter after it, a closer in the paragraph and words in between
            i += 1
            continue
        if j == -1:
            spans.append(QuoteSpan(start, _rstrip_index(text, start, para_end), closed=False))
            i = para_end
        else:
            spans.append(QuoteSpan(start, j, closed=True))
            i = j + 1
    return [s for s in spans if s.end > s.start]


def _straight_role(text: str, i: int) -> str:
    """What the straight mark at ``i`` can be by its sides: "close" after a word or a stop and
    before a space or a stop (``court," the``, ``said." Then``), "open" after a space or
    a bracket and before a word (`` "supplying``), "" when its sides do not tell (in order).
    (A mark or dash a wrong decoding wrote as ``"?`` is read by ``text_spans.parser_text``, the
    text this gets.)"""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (
        not before.isspace()
        and before not in OPEN_AFTER
        and (after.isspace() or after in CLOSE_NEXT)
    ):
        return "close"
    if (before.isspace() or before in OPEN_AFTER) and (after.isalnum() or after in "'‘(["):
        return "open"
    return ""


def _interrupted(text: str, start: int, j: int, para_end: int) -> tuple[QuoteSpan | None, int]:
    """A double quote opened before ``start`` meets, at ``j``, a mark that opens: after a
    sentence's end the quote was left open there (paragraphs run together); a quote inside it
    (``shouted "Allah hu Akbar!" as he ..."``) when a mark after the inner one closes; else the
    first mark was stray. The span to keep, if any, and where the scan goes on."""
    end = _rstrip_index(text, start, j)
    if text[start:end].rstrip("'’)").endswith((".", "?", "!")):
        return QuoteSpan(start, end, closed=False), j
    inner = _double_close(text, j + 1, para_end)
    if inner != -1 and (text[inner] != '"' or _straight_role(text, inner) != "open"):
        outer = _double_close(text, inner + 1, para_end)
        if outer != -1 and (text[outer] != '"' or _straight_role(text, outer) == "close"):
            return QuoteSpan(start, outer, closed=True), outer + 1
    return None, j


def _double_close(text: str, start: int, end: int) -> int:
    """The first mark in ``text[start:end]`` that can close a double quote, -1 if none."""
    return min((k for k in (text.find(c, start, end) for c in MIXED_DOUBLE) if k != -1), default=-1)


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and after.isalnum()


def _find_single_close(text: str, start: int, end: int, closer: str = "’") -> int:
    # ’ inside a word (it’s, Iraq’s) is an apostrophe; the closer is followed by a non-letter
    k = start
    while True:
        k = text.find(closer, k, end)
        if k == -1:
            return -1
        after = text[k + 1] if k + 1 < len(text) else " "
        before = text[k - 1]
        if not after.isalpha() and not (
            before == "s" and after == " " and _more_close(text, k + 1, end, closer)
        ):
            return k
        k += 1


def _more_close(text: str, start: int, end: int, closer: str) -> bool:
    return text.find(closer, start, end) != -1


def _rstrip_index(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _speech_verb(token: Token, resources: Resources) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in resources.speech_verbs


# reporting verbs whose passive subject is the one addressed, not the speaker: "the court was
# told ...", "reporters were told by officials ..."
ADDRESSEE_VERBS = frozenset(
    {"tell", "inform", "assure", "reassure", "advise", "remind", "brief", "notify", "warn"}
)


def _subject_of(verb: Token) -> Token | None:
    if verb.lemma_.lower() in ADDRESSEE_VERBS and any(c.dep_ == "nsubjpass" for c in verb.children):
        # the speaker is the agent if the clause names one ("was told by officials")
        return next(
            (p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"),
            None,
        )
    for child in verb.children:
        # "85% of Democrats said": "%" counts as punctuation but heads the subject
        if child.dep_ in ("nsubj", "nsubjpass") and (not child.is_punct or child.text == "%"):
            return child
    # "adding that ...": the subject is shared with the verb it hangs from
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head is not verb:
        found = _subject_of(verb.head)
        if found is not None or verb.dep_ != "conj":
            return found
        # "Clark said Brooks had ... - there are two ... - but said the outcome was open": the
        # parser hangs the second "said" on a subjectless clause inside the first one's report;
        # its subject is the nearest reporting clause above it
        for ancestor in verb.ancestors:
            if ancestor.dep_ == "ROOT" or ancestor.lemma_ == verb.lemma_:
                return next(
                    (c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")), None
                )
    # "was quoted as saying": the passive subject of "quoted" is the speaker
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head is not verb.head:
        return _subject_of(verb.head.head)
    return None


def _noun_phrase(token: Token) -> Span:
    """The subject's phrase without appositions or relative clauses ("Hugh Hill, a doctor")."""
    doc = token.doc
    left = token.left_edge.i
    right = token.i
    while left < token.i and (doc[left].is_punct or doc[left].is_space):
        left += 1  # a dash or quote mark the parser hung on the subject
    for child in token.children:
        if (
            child.i > token.i
            and child.dep_ in ("compound", "flat", "nummod")
            and child.i == right + 1
        ):
            right = child.i
    return doc[left : right + 1]


@dataclass(slots=True)
class _Speaker:
    text: str | None
    start: int | None
    end: int | None
    entity_id: str | None
    kind: str


class _SpeakerResolver:
    """Finds entities for speaker phrases and resolves pronouns to the most recent person."""

    def __init__(self, doc: Doc, entities: EntityExtraction, speech_verbs: frozenset[str]) -> None:
        self.entities = entities
        self.doc = doc
        self.speech_verbs = speech_verbs
        # mention spans sorted by start, to find the entity a token belongs to
        self.mention_spans = sorted(entities.by_span)
        # person entity -> "male"/"female" from an honorific before any mention or the first name
        self.gender: dict[str, str] = {}
        for (m_start, _m_end), entity_id in entities.by_span.items():
            entity_type, name, _country = entities.info[entity_id]
            if entity_type != "person" or entity_id in self.gender:
                continue
            before = doc_text(doc)[max(0, m_start - 12) : m_start].split()
            found = gender_of(name, before[-1] if before else None)
            if found is not None:
                self.gender[entity_id] = found

    def entity_at(self, start: int, end: int) -> str | None:
        best: tuple[int, str] | None = None
        for m_start, m_end in self.mention_spans:
            if m_start >= end:
                break
            if m_end > start:
                overlap = min(m_end, end) - max(m_start, start)
                if best is None or overlap > best[0]:
                    best = (overlap, self.entities.by_span[(m_start, m_end)])
        return best[1] if best else None

    def _mentions_before(self, before: int, entity_type: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, entity id) of the mentions of ``entity_type`` that end at or before
        ``before``, latest first."""
        for m_start, m_end in reversed(self.mention_spans):
            if m_end > before:
                continue
            entity_id = self.entities.by_span[(m_start, m_end)]
            if self.entities.info[entity_id][0] == entity_type:
                yield m_start, m_end, entity_id

    def recent_person(self, before: int, gender: str | None) -> str | None:
        """The most recent person mentioned before ``before`` whose gender does not contradict
        the pronoun's (unknown gender is compatible with both)."""
        for _start, _end, entity_id in self._mentions_before(before, "person"):
            known = self.gender.get(entity_id)
            if gender is None or known is None or known == gender:
                return entity_id
        return None

    def recent_organization(self, before: int) -> str | None:
        """The organization that last spoke before ``before``, else the one last named as a
        subject (``Cray Research Inc said Standard Oil Production Co will lease ... it said``:
        Cray Research; ``Harris said it sold Triad shares ... It said``: Harris, not Triad)."""
        subject: str | None = None
        for m_start, m_end, entity_id in self._mentions_before(before, "organization"):
            root = self.doc.char_span(m_start, m_end, alignment_mode="expand").root
            if root.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if root.head.lemma_.lower() in self.speech_verbs:
                return entity_id
            subject = subject or entity_id
        return subject

    def latest_mention(
        self, entity_id: str, start: int, end: int | None, before: int
    ) -> tuple[int, int | None]:
        """The last mention of ``entity_id`` between ``start`` and ``before`` (default: the
        span given)."""
        for m_start, m_end in reversed(self.mention_spans):
            if m_start < start:
                break
            if m_end <= before and self.entities.by_span[(m_start, m_end)] == entity_id:
                return m_start, m_end
        return start, end

    def speaker_for(self, subject: Token) -> _Speaker:
        phrase = _noun_phrase(subject)
        start, end = phrase.start_char, phrase.end_char
        lower = subject.text.lower()
        if subject.pos_ == "PRON" and lower in PRONOUNS:
            # the pronoun itself: the parser may hang words on it ("... for Trump He also
            # called"), and speaker_text must equal the stored span
            start, end = subject.idx, subject.idx + len(subject.text)
            if lower in ("he", "she"):
                entity_id = self.recent_person(start, PRONOUNS[lower])
                return _Speaker(
                    subject.text, start, end, entity_id, "person" if entity_id else "unresolved"
                )
            if lower == "it" and (entity_id := self.recent_organization(start)) is not None:
                # "Memtek Corp said it has sold shares. It said ...": the organization
                return _Speaker(subject.text, start, end, entity_id, "organization")
            return _Speaker(subject.text, start, end, None, "unresolved")
        if (
            subject.lemma_.lower() in BODY_WORDS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
            and len(phrase) == 2
        ):
            # "the company said": the organization, as for "it"; else a role
            entity_id = self.recent_organization(start)
            kind = "organization" if entity_id is not None else "role"
            return _Speaker(phrase.text, start, end, entity_id, kind)
        entity_id = self.entity_at(subject.idx, subject.idx + len(subject.text))
        if entity_id is not None:
            entity_type = self.entities.info[entity_id][0]
            kind = "person" if entity_type == "person" else "organization"
            return _Speaker(phrase.text, start, end, entity_id, kind)
        # "The chief of the General Staff, Valery Gerasimov, said": the role names a person
        # (the parser may hang the apposition on "Staff" rather than on "chief")
        for appos in (t for t in subject.subtree if t.dep_ == "appos"):
            entity_id = self.entity_at(appos.idx, appos.idx + len(appos.text))
            if entity_id is not None and self.entities.info[entity_id][0] == "person":
                doc = subject.doc
                right = appos.right_edge.i
                while right > appos.i and doc[right].is_punct:
                    right -= 1
                span = doc[phrase.start : right + 1]
                return _Speaker(span.text, span.start_char, span.end_char, entity_id, "person")
        kind = "anonymous" if subject.lemma_.lower() in ("source", "witness", "insider") else "role"
        return _Speaker(phrase.text, start, end, None, kind)


@dataclass(frozen=True, slots=True)
class _QuoteContext:
    """What every attribution rule of a document reads."""

    doc: Doc
    doc_id: str
    sentence_of: SentenceIndex
    resolver: _SpeakerResolver
    marks: list[QuoteSpan]  # the quoted strings long enough to be quotes
    resources: Resources

    def quote(
        self,
        start: int,
        end: int,
        quote_type: str,
        cue: tuple[str | None, int | None, int | None],
        speaker: _Speaker,
        sentence_index: int,
    ) -> QuoteRecord:
        """The record of a quote: its span, kind, cue (text, start, end) and speaker."""
        return QuoteRecord(
            quote_id=row_id("quo", self.doc_id, start, end),
            doc_id=self.doc_id,
            text=doc_text(self.doc)[start:end],
            start_char=start,
            end_char=end,
            quote_type=quote_type,
            cue=cue[0],
            cue_start_char=cue[1],
            cue_end_char=cue[2],
            speaker_text=speaker.text,
            speaker_start_char=speaker.start,
            speaker_end_char=speaker.end,
            speaker_entity_id=speaker.entity_id,
            speaker_kind=speaker.kind,
            sentence_index=sentence_index,
        )

    def overlaps_marks(self, span: Span) -> bool:
        return any(q.start < span.end_char and span.start_char < q.end for q in self.marks)


# a found quote: where it starts, the rule that found it ("q" quote marks, "i" indirect
# speech, "a" according to, "h" headline; headlines sort first at a start), the record
_Found = tuple[int, str, QuoteRecord]


def extract_quotes(
    doc: Doc, doc_id: str, entities: EntityExtraction, resources: Resources
) -> list[QuoteRecord]:
    """The document's quotations, direct, mixed and indirect, each attributed to its speaker:
    quote marks with the speech verb of their sentence (else a dash or colon), reported
    speech, ``according to``, ``Name: ...`` headlines; speakers carried on to unattributed
    quotes, titles and scare quotes left out, one quote per span and per cue."""
    text = doc_text(doc)
    context = _QuoteContext(
        doc=doc,
        doc_id=doc_id,
        sentence_of=SentenceIndex(doc),
        resolver=_SpeakerResolver(doc, entities, resources.speech_verbs),
        marks=[
            q
            for q in join_split_quotes(text, find_quote_marks(text))
            if len(text[q.start : q.end].split()) >= MIN_QUOTE_WORDS
            or _short_answer(doc, q, resources)
        ],
        resources=resources,
    )
    found, claimed_verbs = _marked_quotes(context)
    found += _indirect_quotes(context, claimed_verbs)
    found += _according_to_quotes(context)
    headlines = _headline_quotes(context, entities)
    found += headlines
    records = _inherit_speakers(
        [r for _, _, r in sorted(found, key=lambda e: (e[0], e[1] != "h"))],
        context.resolver,
        text,
    )
    return _one_per_cue(
        _one_per_span(_without_titles(records, {r.quote_id for *_, r in headlines}))
    )


def _marked_quotes(context: _QuoteContext) -> tuple[list[_Found], set[int]]:
    """Direct (or mixed) quotes, attributed to a speech verb in the same sentence outside the
    marks, else to a dash or colon; and the speech verbs they claimed."""
    doc = context.doc
    claimed_verbs: set[int] = set()
    found: list[_Found] = []
    for q in context.marks:
        verb = _attribution_verb(doc, q, context.resources)
        sent_idx = context.sentence_of(q.start)
        if verb is not None:
            claimed_verbs.add(verb.i)
            speaker = _speaker_of_verb(verb, context.resolver)
            quote_type = "mixed" if _is_mixed(doc, q, verb) else "direct"
            named = _named_object(doc, q, verb)
            if named is not None:
                # 'called the political system "rotten to the core."': the words name what was
                # judged, so the content is the object with its quoted label
                quote_type = "mixed"
                start, end = named.start_char, q.end + 1 if q.closed else q.end
            elif quote_type == "mixed":
                content = _complement(verb)
                # a complement the quote opens keeps its opening mark
                start = q.start - 1 if content.start_char == q.start else content.start_char
                # the quoted fragment may end the complement: keep its closing mark
                end = max(content.end_char, q.end + 1 if q.closed else q.end)
            else:
                start, end = q.start, q.end
            cue = (verb.text, verb.idx, verb.idx + len(verb.text))
        else:
            start, end, quote_type = q.start, q.end, "direct"
            cue, speaker = _dash_or_colon_attribution(doc, q, context.resolver)
        found.append((start, "q", context.quote(start, end, quote_type, cue, speaker, sent_idx)))
    return found, claimed_verbs


def _indirect_quotes(context: _QuoteContext, claimed_verbs: set[int]) -> list[_Found]:
    """Indirect speech: a speech verb with a clausal complement and no quote of its own."""
    found: list[_Found] = []
    speech_verbs = context.resources.speech_verbs
    for token in context.doc:
        if token.i in claimed_verbs or not _speech_verb(token, context.resources):
            continue
        comp = _complement(token, speech_verbs)
        # (not ``or``: a Span's truth is its length)
        for find in (_embedded_question, _reported_object, _host_clause):
            if comp is None:
                comp = find(token)
        if comp is None or len(comp) < 3:
            continue
        comp = _through_parenthetical(comp, token)
        if context.overlaps_marks(comp):
            continue
        speaker = _speaker_of_verb(token, context.resolver)
        cue = (token.text, token.idx, token.idx + len(token.text))
        record = context.quote(
            comp.start_char,
            comp.end_char,
            "indirect",
            cue,
            speaker,
            context.sentence_of(comp.start_char),
        )
        found.append((comp.start_char, "i", record))
    return found


def _according_to_quotes(context: _QuoteContext) -> list[_Found]:
    """ "..., according to X": X is the source of the rest of its clause."""
    found: list[_Found] = []
    for token in context.doc:
        according = _according_to(token)
        if according is None:
            continue
        content, source = according
        if context.overlaps_marks(content):
            continue
        phrase = token.doc[token.i : token.i + 2]
        cue = (phrase.text, phrase.start_char, phrase.end_char)
        record = context.quote(
            content.start_char,
            content.end_char,
            "indirect",
            cue,
            context.resolver.speaker_for(source),
            context.sentence_of(content.start_char),
        )
        found.append((content.start_char, "a", record))
    return found


def _headline_quotes(context: _QuoteContext, entities: EntityExtraction) -> list[_Found]:
    """Headlines "Name: what they said" ("Gillibrand: 'I Think She Will'"), Title Case by
    nature; when quote marks hold it all ("Trump: 'I'm the Worst Thing ...'"), the headline
    record replaces the marks' own (which has no attribution and looks like a title)."""
    found: list[_Found] = []
    for source_span, content_span in _headline_attributions(context.doc):
        src = context.doc.char_span(*source_span, alignment_mode="expand")
        entity_id = context.resolver.entity_at(*source_span)
        if src is None or entity_id is None:
            continue
        kind = "person" if entities.info[entity_id][0] == "person" else "organization"
        speaker = _Speaker(src.text, src.start_char, src.end_char, entity_id, kind)
        cue = (":", source_span[1], source_span[1] + 1)
        start, end = content_span
        record = context.quote(start, end, "direct", cue, speaker, context.sentence_of(start))
        found.append((start, "h", record))
    return found


def _without_titles(records: list[QuoteRecord], headlines: set[str]) -> list[QuoteRecord]:
    """The records less quoted strings with no speaker at all and no sentence shape, and
    unattributed direct quotes in Title Case: titles and scare quotes (a headline's quote
    stays)."""
    return [
        r
        for r in records
        if (r.speaker_text is not None or not _is_fragment(r.text))
        and not (r.quote_type == "direct" and _is_title(r.text) and r.quote_id not in headlines)
    ]


def _one_per_span(records: list[QuoteRecord]) -> list[QuoteRecord]:
    """One span, one quote: two fragments quoted inside one reported clause both yield that
    clause as a mixed quote, and quote_id (a hash of the span) must stay unique."""
    seen: set[str] = set()
    unique: list[QuoteRecord] = []
    for record in records:
        if record.quote_id not in seen:
            seen.add(record.quote_id)
            unique.append(record)
    return unique


def _one_per_cue(records: list[QuoteRecord]) -> list[QuoteRecord]:
    """One report per reporting verb: of overlapping quotes with the same cue (a stray mark
    inside a quote, ``"Cairo's activities ... the so-called "Cairo platform"? of ...," the
    diplomat stressed``, yields two spans a character apart) the direct one, else the longest,
    stays. Overlapping quotes of different cues are reports within reports and all stay."""
    order = {record.quote_id: i for i, record in enumerate(records)}
    kept: list[QuoteRecord] = []
    for record in sorted(
        records,
        key=lambda r: (r.quote_type != "direct", r.start_char - r.end_char, order[r.quote_id]),
    ):
        if record.cue_start_char is None or not any(
            k.cue_start_char == record.cue_start_char
            and k.start_char < record.end_char
            and record.start_char < k.end_char
            for k in kept
        ):
            kept.append(record)
    return sorted(kept, key=lambda r: order[r.quote_id])


MAX_HEADLINE_SOURCE_WORDS = 5


def _headline_attributions(doc: Doc) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Lines shaped ``Source: words`` with a short source and no sentence end: a headline that
    attributes its words. -> [((source start, end), (content start, end))]"""
    found = []
    text = doc_text(doc)
    offset = 0
    for line in text.split("\n"):
        colon = line.find(": ")
        stripped = line.rstrip()
        if (
            colon > 0
            and len(line[:colon].split()) <= MAX_HEADLINE_SOURCE_WORDS
            and len(stripped.split()) <= 30
            and len(line[colon + 2 :].split()) >= MIN_QUOTE_WORDS
            and line[:1].isupper()
        ):
            start = offset + colon + 2
            end = offset + len(stripped)
            while start < end and text[start] in " '\"‘“":
                start += 1
            while end > start and text[end - 1] in "'\"’”":
                end -= 1
            source_start = offset + len(line) - len(line.lstrip())
            found.append(((source_start, offset + colon), (start, end)))
        offset += len(line) + 1
    return found


def _is_title(text: str) -> bool:
    """'"Meet the Press"', '"Make America Great Again"': short and Title Case, a name even when a
    verb like "called" is near."""
    words = text.split()
    capitalised = sum(1 for w in words if w[0].isupper())
    return 1 < len(words) < 8 and capitalised * 3 >= len(words) * 2


def _is_fragment(text: str) -> bool:
    words = text.split()
    if not words or not words[0][0].isupper():
        return True
    capitalised = sum(1 for w in words if w[0].isupper())
    if len(words) > 1 and capitalised * 3 >= len(words) * 2:  # Title Case: a headline or name
        return True
    return len(words) < 6 and text.rstrip()[-1:] not in ".!?,"


def _according_to(token: Token) -> tuple[Span, Token] | None:
    """``according to X`` -> (the clause it qualifies without the phrase, X)."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc):
        return None
    to = token.doc[token.i + 1]
    if to.lower_ != "to":
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    doc = token.doc
    sent = token.sent
    phrase_start, phrase_end = token.i, token.right_edge.i + 1
    # the larger side of the sentence around the phrase is the reported content
    left = doc[sent.start : phrase_start]
    right = doc[phrase_end : sent.end]
    side = left if len(left) >= len(right) else right
    start, end = side.start, side.end
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start < 3:
        return None
    return doc[start:end], source


def _inherit_speakers(
    records: list[QuoteRecord], resolver: _SpeakerResolver, text: str
) -> list[QuoteRecord]:
    """A quote with no attribution of its own goes to the latest attributed speaker a few
    sentences back (a stand-alone quote paragraph continues the previous speaker). The speaker
    span is that entity's latest mention before the quote: the nearest words naming the speaker."""
    out: list[QuoteRecord] = []
    last: QuoteRecord | None = None
    for record in records:
        if (
            record.cue is None
            and last is not None
            and record.sentence_index - last.sentence_index <= FALLBACK_SENTENCES
        ):
            start, end = last.speaker_start_char, last.speaker_end_char
            if last.speaker_entity_id is not None and start is not None:
                start, end = resolver.latest_mention(
                    last.speaker_entity_id, start, end, record.start_char
                )
            record = replace(
                record,
                speaker_text=text[start:end] if start is not None else last.speaker_text,
                speaker_start_char=start,
                speaker_end_char=end,
                speaker_entity_id=last.speaker_entity_id,
                speaker_kind=last.speaker_kind,
            )
        elif record.cue is not None and (record.speaker_entity_id or record.speaker_text):
            record = _prefer_last_speaker(record, last, resolver)
            last = record
        out.append(record)
    return out


def _prefer_last_speaker(
    record: QuoteRecord, last: QuoteRecord | None, resolver: _SpeakerResolver
) -> QuoteRecord:
    """The most recent speaker wins ties: "he said" goes to the person who spoke last when that
    person fits the pronoun and the person the pronoun resolved to was named since only inside
    what the last speaker said ('Trump said Obama had failed. He added ...': Trump)."""
    pronoun = (record.speaker_text or "").lower()
    if (
        pronoun not in ("he", "she")
        or record.speaker_start_char is None
        or last is None
        or last.speaker_kind != "person"
        or last.speaker_entity_id is None
        or last.speaker_entity_id == record.speaker_entity_id
        or record.sentence_index - last.sentence_index > FALLBACK_SENTENCES
        or resolver.gender.get(last.speaker_entity_id) not in (None, PRONOUNS[pronoun])
    ):
        return record
    since = [
        span
        for span in resolver.mention_spans
        if max(last.start_char, last.speaker_end_char or 0) <= span[0]
        and span[1] <= record.speaker_start_char
        and resolver.entities.by_span[span] == record.speaker_entity_id
    ]
    if not since or any(
        not (last.start_char <= m_start and m_end <= last.end_char) for m_start, m_end in since
    ):
        return record
    return replace(record, speaker_entity_id=last.speaker_entity_id, speaker_kind="person")


def _speaker_of_verb(verb: Token, resolver: _SpeakerResolver) -> _Speaker:
    subject = _subject_of(verb)
    if subject is None:
        return _Speaker(None, None, None, None, "unresolved")
    return resolver.speaker_for(subject)


def _complement(verb: Token, speech_verbs: frozenset[str] = frozenset()) -> Span | None:
    """The clause a reporting verb introduces. A second report coordinated inside it ("they were
    worried, and 4 in 10 said ...") starts a new quote, so the clause stops before it."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and not _across_paragraph(verb, child):
            doc = verb.doc
            left = child.left_edge.i
            right = child.right_edge.i
            for t in doc[child.i + 1 : right + 1]:
                if t.dep_ == "conj" and t.lemma_.lower() in speech_verbs and t.pos_ == "VERB":
                    right = t.left_edge.i - 1
                    while right > left and (doc[right].is_punct or doc[right].dep_ == "cc"):
                        right -= 1
                    break
            right = _without_trailing_aside(doc, left, right)
            # 'predicted wages would fall, but that overtime would offset any loss': a second
            # "that" clause the parser coordinates with the verb is part of the same report
            for extra in verb.children:
                if (
                    extra.dep_ == "conj"
                    and extra.i > right
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in extra.children)
                    and "\n" not in doc_text(doc)[doc[right].idx : extra.idx]
                ):
                    right = extra.right_edge.i
            # drop a leading "that" and trailing punctuation
            while left <= right and (doc[left].dep_ == "mark" or doc[left].is_punct):
                left += 1
            while right >= left and doc[right].is_punct:
                right -= 1
            if right >= left:
                return doc[left : right + 1]
    return None


def _without_trailing_aside(doc: Doc, left: int, right: int) -> int:
    """``said it would be Trump, who has a delegate lead``: a non-restrictive relative clause on
    a name or on people that closes the complement is the reporter's gloss, not what was said
    (a ``, which ...`` clause often continues the report: left in). -> the new last token."""
    for t in doc[left : right + 1]:
        comma = t.left_edge.i - 1
        if (
            t.dep_ == "relcl"
            and (t.head.pos_ == "PROPN" or doc[comma + 1].lower_ in ("who", "whom", "whose"))
            and t.right_edge.i >= right - 1
            and comma > left + 2
            and doc[comma].text == ","
        ):
            return comma - 1
    return right


def _across_paragraph(verb: Token, child: Token) -> bool:
    """A clause the parser hung on a verb from another paragraph (a quote paragraph run into the
    next one's sentence) is not what that verb reports."""
    doc = verb.doc
    # the clause itself may run over the break ('"... impotence."\n\nSimilarly, Bennett said he
    # could not ...': the quote paragraph and "Similarly" make one clause under "said")
    if child.i < verb.i:
        between = doc_text(doc)[child.left_edge.idx : verb.idx]
    else:
        between = doc_text(doc)[verb.idx : child.right_edge.idx]
    return "\n" in between


def _through_parenthetical(comp: Span, verb: Token) -> Span:
    """``The emails, the Times said, were on many topics``: when the attribution interrupts the
    reported clause, the content runs on to the end of the sentence (attribution inside it)."""
    doc = verb.doc
    if comp.end > verb.i:
        return comp
    # the attribution itself: the verb and a subject after it ("..., the Times said, ...")
    subject = _subject_of(verb)
    last = max(verb.i, subject.right_edge.i if subject is not None else verb.i)
    sent_end = verb.sent.end
    if last + 2 >= sent_end or not doc[last + 1].is_punct or doc[last + 1].text != ",":
        return comp
    end = sent_end
    while end > last + 2 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[comp.start : end] if end - last > 3 else comp


def _host_clause(verb: Token) -> Span | None:
    """``The goal, he said, is to forge a truce`` / ``The truce holds, he said``: an attribution
    parsed as an aside (parataxis) of the clause it reports. The content is that clause, with the
    attribution left out when it ends the clause and kept inside when it interrupts it."""
    if verb.dep_ != "parataxis" or verb.head is verb:
        return None
    doc = verb.doc
    host = verb.head
    start, end = host.left_edge.i, host.right_edge.i + 1
    aside_start, aside_end = verb.left_edge.i, verb.right_edge.i + 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if aside_end >= end:  # the attribution closes the clause
        end = aside_start
    elif aside_start <= start:  # the attribution opens it: "He said, the truce holds"
        start = aside_end
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def _embedded_question(verb: Token) -> Span | None:
    """``asked if they planned to attend``: the parser hangs a yes/no question on "ask" as an
    adverbial clause; it is what was asked, "if" included. ``asked about X``: X."""
    if verb.lemma_.lower() not in QUESTION_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "advcl" and child.i > verb.i:
            mark = next((c for c in child.children if c.dep_ == "mark"), None)
            if mark is not None and mark.lower_ in ("if", "whether"):
                doc = verb.doc
                end = child.right_edge.i
                while end > mark.i and doc[end].is_punct:
                    end -= 1
                return doc[child.left_edge.i : end + 1]
    # 'asked about her own vote': the topic asked about is what the answer reports on
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "about" and child.i > verb.i:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                doc = verb.doc
                end = obj.right_edge.i
                while end > obj.i and doc[end].is_punct:
                    end -= 1
                return doc[obj.left_edge.i : end + 1]
    return None


def _reported_object(verb: Token) -> Span | None:
    """``announced his resignation``, ``described the field as very good``: the object of a
    reporting verb is what was reported when no clause follows. People told are not content."""
    doc = verb.doc
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ == "PRON" or obj.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return None
    if verb.lemma_.lower() in ADDRESSEE_VERBS:  # "warned the coalition": whom, not what
        return None
    if verb.lemma_.lower() in MAKING_VERBS:  # "wrote new songs", "added a stop": not a report
        return None
    if obj.lemma_.lower() in ("reporter", "journalist", "audience", "crowd", "supporter"):
        return None
    end = obj.right_edge.i
    for child in verb.children:
        if child.i > end and child.dep_ == "prep" and child.lower_ == "as":
            end = child.right_edge.i
    start = obj.left_edge.i
    while end > start and doc[end].is_punct:
        end -= 1
    return doc[start : end + 1]


def _named_object(doc: Doc, q: QuoteSpan, verb: Token) -> Span | None:
    """``called X "Y"``: the object of a naming verb that the quote directly follows."""
    if verb.lemma_.lower() not in NAMING_VERBS or verb.idx > q.start:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.idx < q.start), None)
    if obj is None:
        return None
    # the object's words before the quote ("Clinton's use of private email servers")
    last = obj.i
    while last + 1 <= obj.right_edge.i and doc[last + 1].idx < q.start - 1:
        last += 1
    span = doc[obj.left_edge.i : last + 1]
    between = doc_text(doc)[span.end_char : q.start - 1].strip()
    # 'described the field as "all very good"', 'called him a "failed candidate"'
    if span.start_char > q.start or between not in LABEL_GLUE:
        return None
    return span


def _is_mixed(doc: Doc, q: QuoteSpan, verb: Token) -> bool:
    comp = _complement(verb)
    if comp is None:
        return False
    # the quote opens inside the complement, after words of the reporter's own (the parser often
    # ends the complement early, so where the quote closes does not matter)
    if comp.start_char < q.start - 1 and q.start <= comp.end_char + 1:
        return True
    # ... or opens it and the reporter's words go on after it ('said "it gets me mad" every time
    # he thinks about ...'): the quoted words are part of a reported clause
    closed_end = q.end + 1 if q.closed else q.end
    return (
        q.gap is None
        and q.start - 1 <= comp.start_char <= q.start
        and sum(w.isalpha() for w in doc_text(doc)[closed_end : comp.end_char].split()) >= 2
    )


def _short_answer(doc: Doc, q: QuoteSpan, resources: Resources) -> bool:
    """A one- or two-word quote is speech only in the '"Denver," he said' shape: it ends with
    punctuation inside the marks and a speech verb follows within three words."""
    if not q.closed or doc_text(doc)[q.end - 1 : q.end] not in (",", ".", "?", "!"):
        return False
    after = doc.char_span(q.end + 1, len(doc_text(doc)), alignment_mode="expand")
    if after is None:
        return False
    return any(_speech_verb(t, resources) for t in after[:3])


def _dash_or_colon_attribution(
    doc: Doc, q: QuoteSpan, resolver: _SpeakerResolver
) -> tuple[tuple[str | None, int | None, int | None], _Speaker]:
    """Attributions without a speech verb: ``"..." — Name`` (the name after a dash) and
    ``The president was blunt: "..."`` (the subject of the clause before the colon)."""
    text = doc_text(doc)
    after = q.end + 1 if q.closed else q.end
    k = after
    while k < len(text) and text[k] in " \t":
        k += 1
    if k < len(text) and text[k] in "—–-":
        name_start = k + 1
        while name_start < len(text) and text[name_start] == " ":
            name_start += 1
        span = doc.char_span(name_start, name_start + 1, alignment_mode="expand")
        if span is not None and span[0].pos_ == "PROPN":
            head = span[0]
            while head.head.i != head.i and head.head.pos_ == "PROPN" and head.head.i > head.i:
                head = head.head
            return (text[k], k, k + 1), resolver.speaker_for(head)
    j = q.start - 2  # the character before the opening mark
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and text[j] == ":":
        colon = doc.char_span(j, j + 1, alignment_mode="expand")
        if colon is not None and colon.start > 0:
            verb = doc[colon.start - 1]
            while verb.head.i != verb.i and verb.head.i < colon.start and verb.dep_ != "ROOT":
                verb = verb.head
            subject = _subject_of(verb) if verb.sent == colon[0].sent else None
            if subject is not None:
                return (verb.text, verb.idx, verb.idx + len(verb.text)), resolver.speaker_for(
                    subject
                )
    return (None, None, None), _Speaker(None, None, None, None, "unresolved")


def _attribution_verb(doc: Doc, q: QuoteSpan, resources: Resources) -> Token | None:
    """The speech verb governing a quote: in the quote's sentence(s) but outside the marks."""
    first = doc.char_span(q.start, q.end, alignment_mode="expand")
    if first is None:
        return None
    # every sentence the quote touches: a split quote's attribution sits in a middle one
    sentences = {
        t.sent.start: t.sent
        for t in doc[first[0].sent.start : first[-1].sent.end]
        if t.is_sent_start
    }
    sentences[first[0].sent.start] = first[0].sent
    after = first[-1].sent.end
    if after < len(doc):
        # '"...," he said.' may be parsed as its own sentence
        nxt = doc[after].sent
        if len(nxt) <= 12:
            sentences[nxt.start] = nxt
    candidates = [
        t
        for sent in sentences.values()
        for t in sent
        if _speech_verb(t, resources)
        and (
            not (q.start - 1 <= t.idx < q.end + 1)
            or (q.gap is not None and q.gap[0] < t.idx < q.gap[1])
        )
        and not _paragraph_between(doc_text(doc), q, t.idx)
    ]
    if not candidates:
        return _verb_after_quote(doc, q)
    if doc_text(doc)[q.start : q.start + 1].islower():
        # a fragment quoted inside a report ('Trump said the deadlock has "kept us safe" before
        # claiming ...', 'said executives were calling "every 15 minutes"'): the outermost
        # reporting verb above the fragment governs it, not the nearest speech-like word
        governing = [t for t in candidates if t.is_ancestor(first[0])]
        # 'praised X and said the senator can "bring change"': a verb reaches the fragment
        # through a coordinated or adverbial verb ("said"), which is the one that reports it
        # ('said X, although he tweeted that he "rejects ...")
        reporting = [
            t
            for t in governing
            if _path_child(t, first[0]).dep_ not in ("conj", "advcl", "parataxis")
        ]
        governing = reporting or governing
        if governing:
            return min(governing, key=lambda t: len(list(t.ancestors)))
    return min(candidates, key=lambda t: min(abs(t.idx - q.start), abs(t.idx - q.end)))


def _path_child(ancestor: Token, token: Token) -> Token:
    """The child of ``ancestor`` on the way down to ``token``."""
    while token.head.i != ancestor.i and token.head.i != token.i:
        token = token.head
    return token


def _paragraph_between(text: str, q: QuoteSpan, at: int) -> bool:
    """A paragraph break between a quote and a verb: the parser may run a quote paragraph into
    the next one's sentence, but news style never attributes across paragraphs."""
    between = text[q.end : at] if at >= q.end else text[at : q.start]
    return "\n" in between


def _verb_after_quote(doc: Doc, q: QuoteSpan) -> Token | None:
    """'"...," he continued.' / '"...?" asked Smith': any verb with a subject right after a quote
    that ends with a comma, question or exclamation mark attributes it (continued, quipped, ...)."""
    if not q.closed or doc_text(doc)[q.end - 1 : q.end] not in (",", "?", "!"):
        return None
    after = doc.char_span(q.end + 1, min(len(doc_text(doc)), q.end + 80), alignment_mode="expand")
    if after is None:
        return None
    for t in after[:4]:
        if t.is_punct and t.text not in ("'", '"', "”", "’"):
            return None
        if "\n" in t.text_with_ws:  # the next paragraph's verb is not this quote's
            return None
        if t.pos_ == "VERB" and t.dep_ != "aux":
            subject = _subject_of(t)
            if subject is not None and q.end < subject.idx and subject.i < t.i + 4:
                return t
            return None
    return None
