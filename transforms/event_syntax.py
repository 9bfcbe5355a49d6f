"""The phrases of an act in the dependency parse: a verb's subject and object (through
complements, conjuncts, passives, relative pronouns and ``by`` agents), noun phrases, and
the clauses that share a verb's time (complement, purpose, participle and ``when``
clauses).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# verbs whose that-clause is a demand, in the subjunctive: "demanded that Egypt release"
SUBJUNCTIVE_HEADS = frozenset(
    {"demand", "urge", "ask", "insist", "request", "recommend", "suggest", "propose", "require"}
)


TARGET_PREPS = ("against", "with", "on", "to", "at", "into", "from")
# where one acts, not whom one acts on: "pledged at G-7 meetings to boost", "speaking at a
# press conference"
GATHERING_NOUNS = frozenset(
    {"meeting", "summit", "conference", "session", "forum", "rally", "ceremony", "briefing"}
    | {"gathering", "funeral", "lunch", "dinner", "reception", "convention", "talk"}
)


def noun_phrase(token: Token) -> Span:
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
    while right + 2 < len(doc) and _hyphen_joined(doc[right], doc[right + 1], doc[right + 2]):
        right += 2  # "The co-chair", "Maite Nkoana-Mashabane": one word the tokenizer split
    return doc[left : right + 1]


# prefixes the tokenizer splits from their word ("co-chair", "ex-president")
HYPHEN_PREFIXES = frozenset({"co", "ex", "vice", "non", "anti", "pro", "self", "deputy"})


def _hyphen_joined(left: Token, hyphen: Token, right: Token) -> bool:
    """A word split at its hyphen: a prefix and its noun, or the two parts of a name. Not a
    hyphen typed for a space (``president-has requested``) nor a compound (``China-based``)."""
    if hyphen.text != "-" or left.whitespace_ or hyphen.whitespace_:
        return False
    if left.lower_ in HYPHEN_PREFIXES and right.is_alpha:
        return True
    return left.is_title and right.is_title and left.ent_type_ == right.ent_type_ != ""


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """(actor head, passive?) following xcomp/conj chains ("prepared to retake", "met and agreed").

    A passive clause without a ``by`` agent has no actor: its grammatical subject is the target.
    Adverbial clauses (``after IS militants were driven out``) keep their own subject."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return antecedent(child), False
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj, True
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        # "He returned ... and was arrested": a passive without an agent has no actor, also
        # when it shares its subject with the verb it is coordinated with
        return None, True
    if verb.dep_ == "xcomp":
        controller = _controller(verb)
        if controller is not None:
            return controller, False
    if verb.dep_ == "pcomp" and verb.head.lower_ in ASSERTING_PREPS and verb.head.dep_ == "prep":
        # "he told reporters after meeting with Suharto": the one who told met
        return subject_of(verb.head.head)
    if (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBD", "VBZ")
        and verb.tag_ != verb.head.tag_
        and (
            (verb.head.tag_ == "VB" and verb.head.dep_ in ("xcomp", "ccomp"))
            or demand_clause(verb.head)
        )
        and verb.head.head.i != verb.head.i
    ) or (demand_clause(verb.head) and verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        # "Al Jazeera has demanded that Egypt release Hussein and condemned ...", "... while
        # condemning ...", "Raab urged the embassy to reconsider and spoke with Pompeo": a
        # finite verb is not coordinated with an infinitive or a subjunctive, and the
        # participle goes with the demand; both share the subject of the clause above
        return subject_of(verb.head.head)
    if verb.dep_ in ("xcomp", "conj", "pcomp", "acomp") and verb.head.i != verb.i:
        # "Merkel, who was due to meet Trump": the adjective's infinitive has the subject of
        # the copula the adjective completes
        return subject_of(verb.head)
    if (
        verb.dep_ == "advcl"
        and (
            verb.tag_ == "VBG"
            or (purpose_clause(verb) and verb.head.lemma_.lower() in JOURNEY_VERBS)
        )
        and verb.head.i != verb.i
    ):
        # "began his tour on Friday, holding talks with ...", "went to Ankara to meet
        # Erdogan": the participle and the infinitive of purpose share the subject
        return subject_of(verb.head)
    if _misread_clause(verb):
        # the parser's misreading of a short clause: "The coalition bombed Mosul" as a noun
        # with a past-tense modifier; the noun is the subject
        return verb.head, False
    return None, False


def _controller(verb: Token) -> Token | None:
    """Who does an infinitive complement: the subject of a passive head ("Russia is expected
    to attack", "Iran was urged to stop"), else the object that controls it ("urged Iran to
    stop", "called on Russia to withdraw")."""
    for child in verb.head.children:
        if child.dep_ == "nsubjpass":
            return antecedent(child)
    for child in verb.head.children:
        if child.dep_ == "dobj" and child.i < verb.i:
            return child
        if child.dep_ == "prep" and child.lower_ == "on" and child.i < verb.i:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _misread_clause(verb: Token) -> bool:
    """A short clause the parser read as a noun with a past-tense modifier ("The coalition
    bombed Mosul"), whose noun is then the subject."""
    return (
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
    )


def demand_clause(verb: Token) -> bool:
    """What a demand asks for, in the subjunctive: ``(demanded that Egypt) release``,
    ``(urged that curbs) be imposed``."""
    return (
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


NAMING_VERBS = frozenset({"call", "name", "know", "dub", "title", "entitle", "label"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
SAYING_HEADS = frozenset(
    {"say", "announce", "state", "add", "tell", "report", "claim", "warn", "insist", "declare"}
)


def antecedent(subject: Token) -> Token:
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
            speaker, _ = subject_of(clause.head)
            if (
                speaker is not None
                and speaker.pos_ != "PRON"
                and (lower not in ("he", "she") or speaker.pos_ == "PROPN" or speaker.ent_type_)
            ):
                return speaker
    return subject


def prep_target(head: Token, after: int | None = None) -> Token | None:
    """The object of a target preposition after ``head`` (``condolences to Erdogan``)."""
    for prep in head.children:
        if (
            prep.dep_ in ("prep", "dative")
            and prep.lower_ in TARGET_PREPS
            and prep.i > (head.i if after is None else after)
        ):
            pobj = next((p for p in prep.children if _aimed_at(p)), None)
            if pobj is not None:
                return pobj
    return None


GROUNDS_NOUNS = frozenset(
    {"suspicion", "charge", "accusation", "allegation", "warrant", "request", "behalf"}
    | {"ground", "basis", "order", "instruction", "condition"}
)


def _passive_clause(verb: Token) -> bool:
    """A passive verb, or one coordinated with a passive and with no subject of its own (the
    tagger often reads ``and occupied`` as past tense)."""
    if any(c.dep_ in ("nsubj", "dobj") for c in verb.children):
        return False
    return any(c.dep_ in ("auxpass", "agent") for c in verb.children) or any(
        c.dep_ == "nsubjpass" for c in verb.head.children
    )


def object_of(verb: Token, phrase_end: Token | None) -> Token | None:
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
                aimed = prep_target(child) or prep_target(verb, after=child.i)
                if aimed is not None:
                    return aimed
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                # "two German reporters, who were arrested", "the rebels whom Iraqi forces
                # attacked": the noun the clause modifies
                return antecedent(child)
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
            pobj = next((p for p in child.children if _aimed_at(p)), None)
            if pobj is not None:
                return pobj
    if phrase_end is not None and phrase_end.dep_ == "pobj":
        return phrase_end  # "speak by telephone with X": the phrase ends on its target's prep
    for child in verb.subtree:
        if (
            _aimed_at(child)
            and child.head.lemma_.lower() in TARGET_PREPS
            and child.head.head.i in (verb.i, *(t.i for t in verb.children))
            and child.i > start
        ):
            return child
    return None


def _aimed_at(pobj: Token) -> bool:
    """A target preposition's object that can be the one an act is aimed at: no date or time,
    and no gathering one acts at (``at G-7 meetings``: the place of the act)."""
    return (
        pobj.dep_ == "pobj"
        and pobj.ent_type_ not in ("DATE", "TIME")
        and not (pobj.head.lower_ == "at" and pobj.lemma_.lower() in GATHERING_NOUNS)
    )


def when_clause(clause: Token) -> bool:
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


# going somewhere to do something: the traveller does it ("went to Ankara to meet Erdogan")
JOURNEY_VERBS = frozenset(
    {"go", "come", "travel", "fly", "stop", "arrive", "head", "return", "leave", "visit"}
)


# ... and the words of a journey in a verb phrase ("pay a visit to Bonn")
JOURNEY_WORDS = JOURNEY_VERBS | {"trip", "journey"}


def purpose_clause(verb: Token) -> bool:
    """An infinitive of purpose: ``(will stop in Hong Kong) to meet``."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# a gerund after these happened, and its subject is the clause's: "after meeting Suharto"
TEMPORAL_PREPS = frozenset({"after", "since", "upon", "during", "while", "when", "before"})
# ... and so does one after these: "continued his attacks by accusing Merkel", "including
# meeting with Pope Francis", "despite telling Congress"
ASSERTING_PREPS = TEMPORAL_PREPS | {"by", "including", "despite"}


def clause_chain(verb: Token, simultaneous: bool = False) -> list[Token]:
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
            or purpose_clause(last)
            or (simultaneous and (_participle_clause(last) or when_clause(last)))
        )
        if not linked or last.head.i == last.i:
            return chain
        chain.append(last.head)


KILLING_VERBS = frozenset({"kill", "wound", "injure", "murder", "shoot", "stab", "slay"})
ATTACK_VERBS = frozenset({"attack", "assault", "strike", "hit", "raid", "storm"})
