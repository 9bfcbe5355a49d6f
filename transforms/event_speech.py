"""Acts of speech whose code depends on the clause: statements with an addressee (``told
Reuters``), inverted speakers, warnings, agreeing that or with, calling something by a word
of disapproval, refusals and promises coded from the refused or promised act (``refused to
meet`` 125, ``agreed to meet`` 036), comments withheld.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.event_flags import CONTROL_HEADS, REFUSAL_HEADS
from transforms.event_syntax import SAYING_HEADS, subject_of
from transforms.resources import Resources


def addressed_statement(verb: Token, resources: Resources) -> tuple[str, str, None] | None:
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


def inverted_speaker(verb: Token) -> Token | None:
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


def threatened_act(prep: Token) -> bool:
    return any(o.dep_ == "pobj" and o.lemma_.lower() in THREATENED_ACTS for o in prep.children)


def specific_statement(verb: Token, resources: Resources) -> bool:
    """A reporting verb with a that-clause whose lexicon code names a kind of statement
    other than the plain 010 (``denied that`` 016, ``admitted that`` 015; ``warned that``,
    012 after refinement): the verb itself says what the speaker did.  Cues coded as other
    acts (``insisted that`` 100, ``promised that`` 030) stay attribution, as with a quote."""
    lemma = verb.lemma_.lower()
    code = resources.cameo_verbs.get(lemma)
    if code is None or not any(c.dep_ == "ccomp" for c in verb.children):
        return False
    return lemma in WARNING_HEADS or (code.startswith("01") and code != "010")


def accord_statement(verb: Token) -> tuple[str, str, None] | None:
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


AGREED_PREPS = frozenset({"to", "on", "upon"})


def agreed_terms(verb: Token, resources: Resources) -> tuple[str, str, None] | None:
    """``Malaysia agreed to the oil-for-bridges deal``, ``EU states agreed a 10-point
    program``, ``as Japan had previously agreed``: a nation or its body agreeing to terms the
    lexicon has no phrase for is an intent to cooperate (030; annotators code it 03x), not a
    company's deal nor a view shared (``agree that``, ``agree with`` a person: 019)."""
    if verb.lemma_.lower() != "agree" or any(
        c.dep_ in ("xcomp", "ccomp", "neg") for c in verb.children
    ):
        return None
    if any(
        c.dep_ == "conj" and c.lemma_ == "be" and not any(g.dep_ == "nsubj" for g in c.children)
        for c in verb.children
    ):
        return None  # a view the parser split: "agreed the 1701 Act ... was discriminatory"
    actor, passive = subject_of(verb)
    if actor is None or not _political(actor, resources):
        return None
    if passive:
        return "030", "agree", None  # "a plan ... has been agreed on by EU leaders"
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN"):
            return "030", "agree", None
        if (
            child.dep_ == "prep"
            and child.lower_ in AGREED_PREPS
            and any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in child.children)
        ):
            return "030", f"agree {child.lower_}", None
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return "030", "agree", None
    return None


def offered_help(verb: Token, resources: Resources) -> tuple[str, str, None] | None:
    """``The U.S. offered grain``, ``Chavez has offered China wide-ranging access``: a nation,
    its body or a person offering a thing the lexicon has no phrase for promises it (030;
    annotators code 03x); a company's offer is business, an offer to act is coded from the
    act (``matrix_act``)."""
    if verb.lemma_.lower() != "offer" or any(
        c.dep_ in ("xcomp", "ccomp", "neg") for c in verb.children
    ):
        return None
    actor, passive = subject_of(verb)
    if passive or actor is None:
        return None
    if not (_political(actor, resources) or actor.ent_type_ == "PERSON"):
        return None
    if not any(
        c.dep_ == "dobj"
        and c.pos_ in ("NOUN", "PROPN")
        and not any(d.lower_ == "no" for d in c.children)  # "offered no further information"
        for c in verb.children
    ):
        return None
    return "030", "offer", None


CHARACTERIZING_VERBS = frozenset(
    {"call", "brand", "label", "dub", "term", "describe", "characterize", "characterise"}
    | {"compare", "liken"}
)
# what something is compared or likened to names it: "comparing the Dutch government to Nazis"
LIKENING_VERBS = frozenset({"compare", "liken"})


def characterization(verb: Token, resources: Resources) -> tuple[str, str, None] | None:
    """``called the order "unconstitutional"``, ``described the move as reckless``: naming
    something with a word of disapproval criticizes it (111); with a word of approval
    (``called him a "genuine hero"``) it praises it (051); a neutral name ("a company called
    Malibu", "called it a meeting") is no event."""
    lemma = verb.lemma_.lower()
    if lemma not in CHARACTERIZING_VERBS:
        return None
    if lemma in LIKENING_VERBS:
        # only a thing likened to something: "compared the Dutch government to Nazis", not
        # "even compared with Chinese goods"
        if not any(c.dep_ == "dobj" for c in verb.children):
            return None
        preps = ("to", "with")
    else:
        preps = ("as",)
    complements = [
        c
        for c in verb.children
        if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ in preps and c.i > verb.i)
    ]
    named = [t for c in complements for t in c.subtree]
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    # (the parser may hang the "for" of "called for the African Union to step in and stop
    # the "xenophobic attacks"" on the infinitive: the word after the verb decides)
    if lemma not in LIKENING_VERBS and (after is None or after.lower_ not in APPEAL_PARTICLES):
        # "called it "unconstitutional"", "called that finding the "height of absurdity"":
        # the parser often hangs the quoted name on the object or elsewhere; what the verb's
        # clause quotes after it is the name it gives
        named += _quoted_after(verb)
    words = resources.disapproval_words
    if any(t.lemma_.lower() in words or t.lower_ in words for t in named):
        return "111", lemma, None
    named_thing = verb.dep_ == "acl" and subject_of(verb)[0] is None
    if not named_thing and any(_praises(t, resources.approval_words) for t in named):
        # (not a thing named so: "a group called Good Neighbours")
        return "051", lemma, None
    return None


def _praises(token: Token, words: frozenset[str]) -> bool:
    """A word of approval as a common word: capitalised inside a sentence it is part of a
    name ("a charity called Heroes for Kids")."""
    if token.ent_type_ or (token.is_title and not token.is_sent_start):
        return False
    return token.lemma_.lower() in words or token.lower_ in words


QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})
APPEAL_PARTICLES = frozenset({"on", "for", "off", "in", "up", "upon"})


def _quoted_after(verb: Token) -> list[Token]:
    """The words of the first quotation after ``verb`` in its clause, before a verb
    coordinated with it (``called Nunes a "stooge" and said he was "... an honest
    investigation"``: the name given is "stooge")."""
    end = min(
        (c.i for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")),
        default=verb.right_edge.i + 1,
    )
    quoted: list[Token] = []
    inside = False
    for token in verb.doc[verb.i + 1 : end]:
        if token.text in QUOTE_MARKS and not (token.text == "'" and token.dep_ == "case"):
            if inside:
                break
            inside = True
        elif inside:
            quoted.append(token)
    return quoted


def addressee_of(verb: Token) -> Token | None:
    """Whom a reporting verb is aimed at: ``warned the coalition``, ``told him``, ``called
    on Russia``."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            return child
        if child.dep_ == "prep" and child.lower_ == "on":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


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


def infinitive_complement(verb: Token) -> Token | None:
    """The verb of an infinitive complement (``refused to meet`` -> meet)."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)


# CAMEO 03x by the root of the promised or agreed act: meetings and talks 036, diplomatic
# cooperation 032, material cooperation 031, aid 033, yielding 035; a hostile act vowed is a
# threat (130: "vowed to avenge the attack"), one agreed, pledged or promised an intent
# (annotators: "pledged to ban the Quran" 03x, "agreed to condemn apartheid" 030, and no
# such 13x in the training sentences); any other CAMEO act a plain intent (030)
INTENT_CODES = {"03": "036", "04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
INTENT_HEADS = frozenset({"agree", "pledge", "promise", "vow", "offer", "undertake"})
THREAT_VOWS = frozenset({"vow"})
TRADE_ACTS = frozenset({"buy", "purchase", "sell", "resell", "acquire"})
# a person's pledge is a political promise ("Nigel Lawson pledged to continue making defeat of
# inflation a top priority"); a person who agrees to buy or to answer questions is no side
PERSONAL_PLEDGES = frozenset({"pledge", "promise", "vow"})


POLITICAL_NOUNS = frozenset(
    {"side", "party", "country", "nation", "state", "mp", "creditor", "member", "ally"}
    | {"partner", "neighbour", "neighbor", "power", "club", "bloc", "coalition"}
)


def _political(actor: Token, resources: Resources) -> bool:
    """A nation, a body of one or a group of them: ``Japan``, ``the two sides``, ``MPs``,
    ``Paris Club creditors``, ``Opec``; not a company."""
    if actor.ent_type_ in ("GPE", "NORP") or actor.text.casefold() in resources.igos:
        return True  # (an intergovernmental body: "as agreed by Opec last December")
    lemma = actor.lemma_.lower()
    return lemma in resources.official_nouns or lemma in POLITICAL_NOUNS


def matrix_act(verb: Token, resources: Resources) -> tuple[str, str, None] | None:
    """``refused to meet``, ``declined to join``: the refusal is itself a rejection event
    (12x, coded from the refused act), while the act is coded as negated. ``agreed to
    meet``, ``pledged to cooperate``: the promise is an intent event (03x, coded from the act,
    as CAMEO does), while the act, not yet done, is hypothetical."""
    lemma = verb.lemma_.lower()
    act = infinitive_complement(verb) if lemma in INTENT_HEADS | REFUSAL_HEADS else None
    if act is None:
        return None
    act_lemma = act.lemma_.lower()
    act_code = resources.cameo_verbs.get(act_lemma)
    if lemma in INTENT_HEADS and act_lemma in TRADE_ACTS:
        # "Greece has agreed to buy 30,000 tonnes of Spanish corn", "Cairo agreed to purchase
        # 500,000 tonnes of Canadian wheat": trade, which annotators do not code (none of the
        # 10 such promises the rules coded in bench/events_train.jsonl)
        return None
    if lemma in INTENT_HEADS:
        if act_code is None:
            # "agreed to buy 33% of Changyu": no CAMEO act, business; but nations and
            # their bodies promise what the lexicon has no verb for ("the two sides agreed
            # to conduct feasibility studies", "Japan agreed to stimulate its economy")
            actor, _ = subject_of(verb)
            if actor is None or not (
                _political(actor, resources)
                or (lemma in PERSONAL_PLEDGES and actor.ent_type_ == "PERSON")
            ):
                return None
            return "030", f"{lemma} to {act_lemma}", None
        if lemma in THREAT_VOWS and (act_code[:2] >= "14" or act_code[:2] in ("11", "13")):
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


def withheld_comment(verb: Token) -> tuple[str, str, None] | None:
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


def has_event_complement(verb: Token, resources: Resources) -> bool:
    """``prepared to retake``: the xcomp is coded, the control verb is not."""
    return verb.lemma_.lower() in CONTROL_HEADS and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() in resources.cameo_verbs
        for c in verb.children
    )
