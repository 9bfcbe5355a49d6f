"""A learned layer over the rule coder: which candidate events to keep, and which of the
sentence's countries are their actor and target.

The rules in ``transforms/events.py`` propose candidates (every lexicon verb, with the
rules' own actor and target, and the reason the rules alone would drop it).  Two logistic
models, trained by ``bench/train_event_scorer.py`` on annotated news sentences and stored as
feature weights in ``transforms/rules/event_scorer.json``, then decide:

* ``keep``: is the candidate an event the annotation guidelines code (with this root)?
* ``arg``: scored once per (role, country option); it fills in a role the rules leave
  without a country (``transforms/event_decisions.py``, ``decide_events``).

Features are plain strings so that scoring is a dictionary lookup: nothing here needs numpy.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

PATH_LIMIT = 5  # dependency edges between a mention and its verb; longer paths are "far"


@dataclass(frozen=True, slots=True)
class EventScorer:
    """The two models' weights (feature -> weight) and how far they may overrule the rules
    (thresholds and margins chosen by out-of-fold F1 in training)."""

    keep: Mapping[str, float] = field(default_factory=dict)
    arg: Mapping[str, float] = field(default_factory=dict)
    # a rule event whose keep probability is below this is dropped
    drop_threshold: float = 0.0
    # a candidate the rules drop, or another code of the verb, is taken from this probability
    add_threshold: float = 1.0
    # ... and replaces the rule event's code when it is this much more likely than it
    variant_margin: float = 1.0
    # a role the rules leave without a country takes the best country option when it
    # outscores having none by this (log-odds)
    arg_margin: float = 99.0
    # verb lemma -> the codes annotators gave it, one per root, most frequent first
    codes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def keep_probability(self, features: Iterable[str]) -> float:
        return _sigmoid(_dot(self.keep, features))

    def arg_score(self, features: Iterable[str]) -> float:
        return _dot(self.arg, features)


@dataclass(frozen=True, slots=True)
class ArgOption:
    """One country a role may take, with the text (and its offsets) and entity that name it
    there."""

    country: str | None
    text: str | None
    entity_id: str | None
    features: tuple[str, ...]
    start_char: int | None = None
    end_char: int | None = None


def country_share(
    scores: Sequence[float], options: Sequence[ArgOption], country: str | None
) -> float:
    """The arg model's probability that a role's country is ``country``: a softmax over the
    role's option ``scores``, as it was trained (several options may name one country)."""
    top = max(scores, default=0.0)
    weights = [math.exp(s - top) for s in scores]
    total = sum(weights)
    mass = sum(w for w, o in zip(weights, options, strict=True) if o.country == country)
    return mass / total if total else 0.0


def _dot(weights: Mapping[str, float], features: Iterable[str]) -> float:
    return weights.get("bias", 0.0) + sum(weights.get(f, 0.0) for f in features)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -60 else 0.0


def _label(token: Token) -> str:
    """A dependency edge's label; a preposition or agent keeps its word (``prep:against``)."""
    if token.dep_ in ("prep", "agent", "mark"):
        return f"{token.dep_}:{token.lower_}"
    return token.dep_


def _path(mention: Token, verb: Token) -> tuple[list[Token], list[Token]] | None:
    """The tokens from a mention up to (not including) the lowest common ancestor, and from
    the verb up to it; None across sentences."""
    up = [mention, *mention.ancestors]
    down = [verb, *verb.ancestors]
    at = {t.i: k for k, t in enumerate(down)}
    for k, token in enumerate(up):
        if token.i in at:
            return up[:k], down[: at[token.i]]
    return None


def path_length(mention: Token, verb: Token) -> int:
    """Dependency edges between a mention's head and a verb (a large number across sentences)."""
    path = _path(mention, verb)
    return 99 if path is None else len(path[0]) + len(path[1])


def dep_path(mention: Token, verb: Token) -> str:
    """The dependency path from a mention's head up to the lowest common ancestor and down to
    the verb: ``nsubj|`` (the verb's subject), ``pobj^prep:on^dobj|`` (inside its object),
    ``nsubj|ccomp`` (the subject of the clause the verb is the complement of)."""
    path = _path(mention, verb)
    if path is None or len(path[0]) + len(path[1]) > PATH_LIMIT:
        return "far"
    rising, falling = path
    return "^".join(_label(t) for t in rising) + "|" + "v".join(_label(t) for t in falling)


def predicate_features(
    *,
    root: str,
    code: str,
    lemma: str,
    pattern: str,
    dep: str,
    tag: str,
    head_lemma: str | None,
    gate: str | None,
    lexicon: bool,
    quoted: bool,
    in_quote: bool,
    intent: bool,
    has_actor: bool,
    has_target: bool,
    actor_country: bool,
    target_country: bool,
    n_countries: int,
    actor_kind: str,
    target_kind: str,
    target_lemma: str | None,
    companies: str,
    commerce: bool,
    firms: bool,
) -> tuple[str, ...]:
    """What the keep model sees of a candidate: its code and verb, where the verb sits, and
    what the rules found around it.  Not its negation or modality: the annotation codes only
    what happened, so the model learns whether a clause is an event, and the flags say
    whether it happened (``did not attack`` is kept, flagged negated)."""
    gate_name = gate or "none"
    args = f"{int(actor_country)}{int(target_country)}"
    features = [
        f"gate={gate_name}",
        f"root={root}",
        f"code={code}",
        f"lemma={lemma}",
        f"pattern={pattern}",
        f"lexicon={lexicon}",
        f"lemma={lemma}|root={root}",
        f"lemma={lemma}|root={root}|lexicon={lexicon}",
        f"dep={dep}",
        f"tag={tag}",
        f"quoted={quoted}",
        f"in_quote={in_quote}",
        f"intent={intent}",
        f"spans={int(has_actor)}{int(has_target)}",
        f"countries={args}",
        f"n_countries={min(n_countries, 3)}",
        f"root={root}|gate={gate_name}",
        f"root={root}|dep={dep}",
        f"root={root}|countries={args}",
        f"lemma={lemma}|countries={args}",
    ]
    # who acts on what: "backed Iraq" is an event, "backed the idea" rarely; a company or an
    # unnamed noun as the actor makes business news or commentary more likely
    features += [
        f"actor={actor_kind}",
        f"target={target_kind}",
        f"root={root}|actor={actor_kind}",
        f"root={root}|target={target_kind}",
        f"lemma={lemma}|target={target_kind}",
        f"actor={actor_kind}|target={target_kind}",
    ]
    # the annotation codes no commerce: firms on either side, money and shares in the
    # sentence, or a company it names, make business news more likely
    features += [
        f"companies={companies}",
        f"root={root}|companies={companies}",
        f"commerce={commerce}",
        f"root={root}|commerce={commerce}",
        f"lemma={lemma}|commerce={commerce}",
        f"firms={firms}",
        f"root={root}|firms={firms}",
        f"lemma={lemma}|firms={firms}",
    ]
    if target_lemma is not None:
        features.append(f"lemma={lemma}|object={target_lemma}")
        features.append(f"root={root}|object={target_lemma}")
    if head_lemma is not None:
        features.append(f"head={head_lemma}|dep={dep}")
    return tuple(features)


def option_features(
    *,
    role: str,
    root: str,
    lemma: str,
    country: str | None,
    path: str | None,
    before: bool,
    mention_kind: str | None,
    in_actor_phrase: bool,
    in_target_phrase: bool,
    is_rule: bool,
    is_other_rule: bool,
    rule_has_phrase: bool,
    first_in_sentence: bool,
    only_country: bool,
    attachment: str | None,
    rule_head: str,
    distance: int,
) -> tuple[str, ...]:
    """What the arg model sees of one country option for one role (``A`` actor, ``T``
    target): how its nearest mention is attached to the verb and to its own head
    (``attachment``: ``pobj:with``, ``poss``), how far from the verb it is, whether the rules
    chose it, and what the rules' phrase for the role is (``rule_head``: an entity label, an
    official noun, a pronoun ...): an unnamed ``officials`` takes the sentence's country more
    often than a named person the rules could not place."""
    p = f"{role}:"
    if country is None:
        return (
            f"{p}none",
            f"{p}none|root={root}",
            f"{p}none|phrase={rule_has_phrase}",
            f"{p}none|rule={is_rule}",
            f"{p}none|lemma={lemma}",
            f"{p}none|head={rule_head}",
            f"{p}none|head={rule_head}|root={root}",
            f"{p}none|head={rule_head}|rule={is_rule}",
        )
    features = [
        f"{p}option",
        f"{p}path={path}",
        f"{p}path={path}|root={root}",
        f"{p}path={path}|lemma={lemma}",
        f"{p}path={path}|kind={mention_kind}",
        f"{p}before={before}",
        f"{p}kind={mention_kind}",
        f"{p}in_actor={in_actor_phrase}",
        f"{p}in_target={in_target_phrase}",
        f"{p}rule={is_rule}",
        f"{p}rule={is_rule}|root={root}",
        f"{p}rule={is_rule}|lemma={lemma}",
        f"{p}other_rule={is_other_rule}",
        f"{p}first={first_in_sentence}",
        f"{p}only={only_country}",
    ]
    features += [
        f"{p}at={attachment}",
        f"{p}at={attachment}|root={root}",
        f"{p}at={attachment}|rule={is_rule}",
        f"{p}head={rule_head}|rule={is_rule}",
        f"{p}head={rule_head}|path={path}",
        f"{p}head={rule_head}|kind={mention_kind}",
        f"{p}dist={min(distance, 12) // 3}",
        f"{p}rule={is_rule}|only={only_country}|head={rule_head}",
    ]
    if country == "IGO":
        features.append(f"{p}igo")
    return tuple(features)
