"""Whether an act is negated (``did not attack``, ``stopped bombing``, ``No group has
claimed``) or hypothetical (``could``, ``threatened to``, ``if``, ``plans to``), as its
clause tells it.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from transforms.event_dates import future_auxiliary
from transforms.event_syntax import ASSERTING_PREPS, clause_chain, demand_clause, purpose_clause

MODALS = frozenset({"could", "may", "might", "would", "should", "can", "must"})
# "was forced to resign", "were obliged to": with nobody doing the forcing, no coercion event
CIRCUMSTANCE_VERBS = frozenset({"force", "compel", "oblige"})
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


def act_flags(verb: Token, announced: bool = False) -> tuple[bool, bool]:
    """(negated, hypothetical): a ``not`` on the verb or its matrix verb, or a stop-verb head
    (``stopped bombing``); a modal, an intent/threat head (``threatened to attack``) or a
    prospect (``is likely to attack``, ``is going to strike``), unless the event is the
    ``announced`` intent to meet (036)."""
    chain = clause_chain(verb)
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
    hypothetical = hypothetical or demand_clause(verb)
    if _shares_head_clause(verb):
        # "threatened to attack and seize", "could attack and seize": a coordinated verb of
        # the same form shares its head's auxiliary and control verb
        head_negated, head_hypothetical = act_flags(verb.head, announced)
        negated, hypothetical = negated or head_negated, hypothetical or head_hypothetical
    for link, head in itertools.pairwise(chain):
        if link.dep_ == "advcl" and head.lemma_.lower() in HYPOTHETICAL_HEADS:
            # "called for the African Union to step in": what is appealed for has not happened
            hypothetical = True
            break
        if purpose_clause(link):
            # "would vote to block the aid": the purpose of an act that may not happen
            hypothetical = hypothetical or act_flags(head, announced)[1]
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
    return head.lemma_.lower() in PROSPECT_HEADS or future_auxiliary(head)
