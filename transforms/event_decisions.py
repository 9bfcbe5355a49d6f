"""From candidate events to events: the rules' own gates, or the learned scorer
(``transforms/event_scorer.py``) dropping, adding, recoding and completing candidates.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from transforms.event_scorer import (
    ArgOption,
    EventScorer,
    country_share,
)
from transforms.ids import row_id
from transforms.records import EventRecord

# another nation of a coordinated actor: its entity, its country
Nation = tuple[str | None, str]
# ... of a coordinated target: its entity, its country, the words that name it (text, start
# and end offsets)
TargetNation = tuple[str | None, str, tuple[str, int, int]]


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """One lexicon verb as the rules code it, with what the scorer decides on."""

    record: EventRecord  # the rules' event: their code, actor, target, date, flags
    gate: str | None  # why the rules alone drop it ("speech", "unnamed" ...); None: kept
    features: tuple[str, ...]  # the keep model's view of it
    actor_options: tuple[ArgOption, ...]  # the rules' actor first, then the sentence's others
    target_options: tuple[ArgOption, ...]
    # the other nations of a coordinated actor ("US and British warplanes")
    nations: tuple[Nation, ...]
    # ... and of a coordinated target ("will visit Britain, France and Italy")
    target_nations: tuple[TargetNation, ...] = ()


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
                actor_start_char=actor.start_char,
                actor_end_char=actor.end_char,
                actor_entity_id=actor.entity_id,
                target_country_code=target.country,
                target_text=target.text,
                target_start_char=target.start_char,
                target_end_char=target.end_char,
                target_entity_id=target.entity_id,
                confidence=round(confidence, 4),
            )
        events.append(record)
        # the nations of a coordinated actor or target below keep the record's confidence:
        # the arg model scores one country per role, its softmax would rank the others as
        # alternatives, not as companions
        if record.target_country_code == candidate.record.target_country_code:
            # (the other nations were read off the rules' target phrase)
            for entity_id, country, (text, start, end) in candidate.target_nations:
                events.append(
                    _for_nation(
                        record,
                        ("target", country),
                        target_country_code=country,
                        target_entity_id=entity_id,
                        target_text=text,
                        target_start_char=start,
                        target_end_char=end,
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


def _for_nation(
    record: EventRecord, key: tuple[str, ...], **changes: str | int | None
) -> EventRecord:
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
