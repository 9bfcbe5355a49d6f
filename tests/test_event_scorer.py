"""The learned layer over the event rules: its features, its decisions, the committed model
and the trainer (bench/train_event_scorer.py), all on the real spaCy model."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from bench import train_event_scorer as trainer
from flows.resources import RULES_DIR, load_event_scorer, load_resources
from tests.conftest import Process
from transforms.event_scorer import EventScorer, dep_path

# the rules alone: no scorer in the resources
RULES_ONLY = None


@pytest.fixture(scope="module")
def run(process: Process, resources):
    """Process a text with the given scorer in place of the committed one."""

    def go(text: str, scorer: EventScorer | None, published: str = "2017-03-20"):
        return process(text, published, using=replace(resources, event_scorer=scorer))

    return go


def _keys(result) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (e.predicate, e.event_code, e.actor_country_code, e.target_country_code)
        for e in result.events
    ]


@pytest.mark.parametrize(
    ("text", "mention", "verb", "path"),
    [
        ("Russia warned Turkey.", "Russia", "warned", "nsubj|"),
        ("Russia warned Turkey.", "Turkey", "warned", "dobj|"),
        ("Russia warned Turkey.", "warned", "warned", "|"),
        ("Russia imposed sanctions on Turkey.", "Turkey", "imposed", "pobj^prep:on^dobj|"),
        ("The army shelled Aleppo, Syria said.", "Syria", "shelled", "nsubj|ccomp"),
        ("Sanctions were imposed by the US.", "US", "imposed", "pobj^agent:by|"),
    ],
)
def test_dep_path_from_mention_to_verb(nlp, text, mention, verb, path):
    doc = nlp(text)
    token = {t.text: t for t in doc}
    assert dep_path(token[mention], token[verb]) == path


def test_without_a_scorer_the_rules_decide(run):
    # a bare reporting verb is a candidate (gate "speech"), never an event of the rules
    result = run("Iraqi forces attacked Mosul, Iraq said.", RULES_ONLY)
    assert _keys(result) == [("attack", "190", "IRQ", "IRQ")]


def test_keep_model_drops_a_rule_event_but_not_a_flagged_one(run):
    unlikely = EventScorer(keep={"lemma=attack": -10.0}, drop_threshold=0.5)
    assert _keys(run("Syria attacked Turkey.", RULES_ONLY)) == [("attack", "190", "SYR", "TUR")]
    assert _keys(run("Syria attacked Turkey.", unlikely)) == []
    # the annotation never codes what did not happen, so the model has no say on it
    negated = run("Syria did not attack Turkey.", unlikely).events
    assert [(e.predicate, e.negated) for e in negated] == [("attack", True)]


def test_a_learnt_code_makes_an_unlisted_verb_a_candidate(run, resources):
    text = "Germany lambasted the Turkish government."
    assert "lambast" not in resources.cameo_verbs
    assert _keys(run(text, RULES_ONLY)) == []
    learnt = EventScorer(
        codes={"lambast": ("111",)}, keep={"gate=unlisted": 5.0}, add_threshold=0.5
    )
    assert _keys(run(text, learnt)) == [("lambast", "111", "DEU", "TUR")]
    # not likely enough: no event
    doubtful = replace(learnt, keep={"gate=unlisted": -5.0})
    assert _keys(run(text, doubtful)) == []


def test_another_code_of_the_verb_replaces_a_dropped_rule_code(run):
    text = "Russia warned Turkey against sending troops into Syria."
    assert _keys(run(text, RULES_ONLY))[0][:2] == ("warn", "130")
    # the lexicon's 130 is unlikely, the learnt 012 likely: one event, coded 012
    other = EventScorer(
        codes={"warn": ("012",)},
        keep={"lexicon=True": -10.0, "lexicon=False": 10.0},
        drop_threshold=0.5,
        add_threshold=0.5,
    )
    warn = [k for k in _keys(run(text, other)) if k[0] == "warn"]
    assert warn == [("warn", "012", "RUS", "TUR")]


def test_arg_model_fills_an_empty_country_and_keeps_the_rules_ones(run):
    text = "Iraq said the troops occupied the oil fields."
    assert _keys(run(text, RULES_ONLY)) == [("occupy", "192", "IRQ", None)]
    # an option that names a country outscores none: the empty target is filled with the
    # sentence's country, the rules' actor country stays although IRQ scores as well
    fill = EventScorer(arg={"T:option": 5.0, "A:none": 9.0}, arg_margin=0.5)
    occupy = run(text, fill).events[0]
    assert (occupy.actor_country_code, occupy.target_country_code) == ("IRQ", "IRQ")
    # the target is still the rules' phrase, now with a country
    assert occupy.target_text == "the oil fields"
    # with no phrase of its own, the role is the mention that names the country
    bare = run("Iraq said the troops attacked, officials added.", fill).events
    assert [(e.predicate, e.target_country_code, e.target_text) for e in bare] == [
        ("attack", "IRQ", "Iraq")
    ]
    # below the margin the rules' empty target stays
    short = replace(fill, arg_margin=6.0)
    assert _keys(run(text, short)) == [("occupy", "192", "IRQ", None)]


def test_a_target_is_never_read_inside_the_actor_phrase(run):
    text = "The Pakistani Taliban attacked a police station."
    eager = EventScorer(arg={"T:option": 5.0})
    attack = run(text, eager).events[0]
    assert (attack.actor_country_code, attack.target_country_code) == ("PAK", None)


def test_confidence_is_the_keep_probability_times_each_roles(run):
    text = "Syria attacked Turkey."
    # the rules alone give no estimate
    assert [e.confidence for e in run(text, RULES_ONLY).events] == [None]
    sure = EventScorer(keep={"bias": 30.0}, arg={"A:rule=True": 30.0, "T:rule=True": 30.0})
    assert run(text, sure).events[0].confidence == pytest.approx(1.0)
    # an even keep probability halves it
    even = replace(sure, keep={"bias": 0.0})
    assert run(text, even).events[0].confidence == pytest.approx(0.5)
    # the arg model doubts the rules' target: the country stays, the confidence falls
    doubt = replace(sure, arg={"A:rule=True": 30.0, "T:rule=True": -30.0})
    attack = run(text, doubt).events[0]
    assert attack.target_country_code == "TUR" and attack.confidence < 0.001


def test_committed_model_is_confident_of_a_plain_attack_not_of_a_business_meeting(run, resources):
    scorer = resources.event_scorer
    text = "US and British warplanes attacked Islamic State positions in Syria."
    attacks = run(text, scorer).events
    assert [(e.actor_country_code, e.target_country_code) for e in attacks] == [
        ("USA", "SYR"),
        ("GBR", "SYR"),
    ]
    # each nation of the coordinated actor is as likely as the first
    assert attacks[0].confidence == attacks[1].confidence > 0.5
    # a company meeting analysts is coded, but the annotation rarely codes such business
    business = run("Exxon met analysts in London.", scorer).events
    assert [e.predicate for e in business] == ["meet"]
    assert business[0].confidence < 0.3


def test_committed_model_loads_and_codes_what_the_lexicon_knows(resources):
    scorer = resources.event_scorer
    assert scorer is not None and scorer.keep and scorer.arg
    assert 0 < scorer.drop_threshold < scorer.add_threshold <= 1.01
    for lemma, codes in scorer.codes.items():
        assert codes and all(code in resources.cameo_codes for code in codes), lemma
        assert len({code[:2] for code in codes}) == len(codes), lemma  # one code per root


def test_resources_and_their_scorer_are_loaded_once_per_process():
    # every batch asks for the resources: the gazetteer and the model are built once
    assert load_resources() is load_resources()
    assert load_resources().event_scorer == load_event_scorer()


def test_model_file_with_an_unknown_key_is_refused(tmp_path: Path):
    data = json.loads((RULES_DIR / "event_scorer.json").read_text())
    data["keep_treshold"] = 0.5  # a typo must not fall back to a default silently
    path = tmp_path / "event_scorer.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="keep_treshold"):
        load_event_scorer(path)
    assert load_event_scorer(tmp_path / "absent.json") is None


def test_seed_sentence_events_survive_the_committed_model(process: Process):
    # the acceptance events, with the committed scorer in the resources
    result = process(
        "Russia warned the US-led coalition on Friday against letting Islamic State fighters "
        "escape from Mosul into Syria, as Iraqi forces prepared to retake the town of Qaraqosh.",
        "2016-10-21",
    )
    keys = _keys(result)
    assert ("warn", "130", "RUS", "USA") in keys
    assert ("retake", "192", "IRQ", "IRQ") in keys


def test_trainer_learns_an_unlisted_verb_from_annotations(nlp, resources):
    resources = replace(resources, event_scorer=None)
    verb_rows = [
        ("Germany lambasted the Turkish government.", "DEU", "TUR"),
        ("France lambasted the Russian embassy.", "FRA", "RUS"),
        ("Japan lambasted the American negotiators.", "JPN", "USA"),
        ("Spain lambasted the Moroccan authorities.", "ESP", "MAR"),
    ]
    rows = [
        {
            "id": f"t{k}",
            "text": text,
            "published": None,
            "events": [
                {
                    "code": "111",
                    "root": "11",
                    "source_country": a,
                    "target_country": t,
                    "verb": "lambasted",
                }
            ],
        }
        for k, (text, a, t) in enumerate(verb_rows)
    ]
    rows += [
        {"id": f"n{k}", "text": text, "published": None, "events": []}
        for k, text in enumerate(
            [
                "Germany said the Turkish economy grew.",
                "France said the Russian market fell.",
                "Japan said American exports rose.",
            ]
        )
    ]
    parsed = trainer.parse(nlp, resources, rows)
    codes = trainer.learn_codes(parsed, resources)
    assert codes == {"lambast": ("111",)}
    sentences = trainer.candidates_of(parsed, resources, codes)
    assert [sum(s.keep) for s in sentences] == [1, 1, 1, 1, 0, 0, 0]
    scorer = replace(trainer.train(sentences), codes=codes, add_threshold=0.5)
    # it fits its rows: every annotated event and nothing else
    assert trainer.score(sentences, scorer) == (4, 4, 4)
