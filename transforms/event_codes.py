"""Codes the lexicon cannot express alone: the context rules that change a verb's CAMEO code
or drop it (missiles and weapons tests, strikes by crowds or workers, attacks in words,
deaths nobody dealt, idiomatic objects, backing armed forces or projects) and the partner
of a joint act.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.entities import PLACE_LABELS
from transforms.event_linker import TERRITORY_NOUNS
from transforms.event_speech import WARNING_HEADS, inverted_speaker, threatened_act
from transforms.event_syntax import ATTACK_VERBS, KILLING_VERBS, antecedent, prep_target
from transforms.resources import Resources

WEAPON_NOUNS = frozenset(
    {"missile", "rocket", "projectile", "warhead", "shell", "salvo", "munition", "weapon"}
)
AIM_PREPS = frozenset({"at", "on", "into", "against", "toward", "towards", "over"})
# a missile "targeting US troops" or "aimed at" them is fired at them
AIMING_VERBS = frozenset({"target", "aim"})
# where a fired missile goes without hitting anyone ("into the sea"), and "on the eve of"
UNAIMED_NOUNS = frozenset({"sea", "ocean", "water", "eve", "direction", "orbit", "space"})


def weapon_of(verb: Token, target: Token | None) -> Token | None:
    """The missile or rocket a verb fires: its target or object, the noun a participle modifies
    (``missiles launched from``), a passive's subject (``the missile was launched``, ``a rocket
    that was fired``)."""
    nouns = [target] if target is not None else []
    nouns += [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ == "acl" and verb.head.i < verb.i:
        nouns.append(verb.head)
    nouns += [antecedent(c) for c in verb.children if c.dep_ == "nsubjpass"]
    return next((n for n in nouns if n.lemma_.lower() in WEAPON_NOUNS), None)


def prep_object(head: Token, preposition: str) -> Token | None:
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


def weapons_test(verb: Token) -> bool:
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


# what is backed: armed forces and their operations, or a project to fund (refine_code)
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


def refine_code(
    verb: Token, code: str, actor: Token | None, target: Token | None, resources: Resources
) -> tuple[str, Token | None]:
    """Context-dependent codes the lexicon cannot express, and the partner of a joint action,
    each rule in its own function, applied in this order:

    * ``warned that ...`` is a pessimistic comment (012), ``warned X against/not to`` a
      threat (13x), ``warned against`` with no addressee an appeal (020); with no addressee
      it has no target (``_warning_code``).
    * ``welcomed`` a person or delegation is hosting a visit (043), not praise; backing
      forces is military cooperation, backing a project aid (``_backing_code``).
    * a weapon fired at nothing is a show of force (``_weapon_code``); rejecting accusations a
      denial; an attack in words a verbal one; a criminal charge legal action (173,
      ``_legal_charge``); a killing by bombs or gunmen an assault
      (``_assault_code``); a crowd's act a protest (``_crowd_code``); seizing a place taking
      territory; calling a strike a labour strike (``_strike_code``).
    * ``the EU and Turkey signed an agreement``: a cooperative act by coordinated actors on a
      thing (not a named party) is coded from the first to the second (``_joint_partner``)."""
    lemma = verb.lemma_.lower()
    if lemma in WARNING_HEADS and code.startswith("13"):
        code = _warning_code(verb, code, resources)
    code = _backing_code(lemma, code, target)
    code, target = _weapon_code(verb, lemma, code, target)
    if (
        lemma in ("reject", "dismiss", "rebuff")
        and target is not None
        and target.lemma_.lower() in CHARGE_NOUNS
    ):
        # "rejected Ankara's accusations", "rejected criticism of ...": a denial (016)
        code = "016"
    if code.startswith("19") and lemma in VERBAL_ATTACK_VERBS and _in_words(verb, actor, target):
        code = "111"
    if lemma == "charge" and code.startswith("112") and _legal_charge(verb):
        code = "173"
    if code.startswith("19") and lemma in KILLING_VERBS | ATTACK_VERBS:
        code = _assault_code(verb, code, actor)
    code = _crowd_code(lemma, code, actor, target, resources)
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
    return code, _joint_partner(verb, code, actor, target, resources)


def _warning_code(verb: Token, code: str, resources: Resources) -> str:
    """A warning (13x in the lexicon) as what its clause makes it: a pessimistic comment
    (012) when it reports a that-clause or a danger foreseen, unless the clause says the
    warner would act against someone; an appeal (020) when it warns against something and
    no one; a threat otherwise."""
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
        inverted_speaker(verb) is not None
    )
    threat = any(
        (c.dep_ in ("prep", "xcomp") and c.lower_ in ("against", "not", "to"))
        or (c.dep_ == "prep" and c.lower_ == "of" and threatened_act(c))
        for c in verb.children
    )
    addressed = any(c.dep_ in ("dobj", "dative") for c in verb.children)
    # "warned of the possibility of casualties", "warned about the dangers of ...": a
    # danger foreseen; "warned of retaliation" stays a threat
    foreseen = not addressed and any(
        c.dep_ == "prep" and c.lower_ in ("of", "about") for c in verb.children
    )
    if ccomp is not None and _own_hostile_act(verb, ccomp, resources):
        # "warned Iran that it was ready to retaliate", "warned the United States it may
        # take retaliatory measures": a threat (annotators: 13x)
        return code
    if (ccomp is not None or fronted or foreseen) and not threat:
        # what the comment is about is a topic, not a target: annotators leave the
        # target of "warned that France ..." empty (46 of the training set's 50 012s)
        return "012"
    if not addressed and any(c.dep_ == "prep" and c.lower_ == "against" for c in verb.children):
        # "warned against placing too much weight on one month's data": a warning against
        # something addressed to no one is an appeal (020); "warned the coalition against
        # letting fighters escape" stays a threat (docs/event_annotation.md)
        return "020"
    return code


HOSTILE_ROOTS = frozenset({"13", "15", "16", "17", "18", "19", "20"})
READINESS_WORDS = frozenset({"ready", "prepared", "willing", "determined"})
SELF_PRONOUNS = frozenset({"it", "we", "they", "he", "she", "i"})
# what a warner may say it would take: "retaliatory measures", "military action", "reprisals"
HOSTILE_MEASURES = frozenset(
    {"retaliatory", "retaliation", "reprisal", "countermeasure", "punitive", "military", "force"}
)


def _own_hostile_act(verb: Token, clause: Token, resources: Resources) -> bool:
    """The warner's own hostile act, to come or conditional, in the warning's clause: its
    subject a pronoun or a name of the warner's phrase, a modal or readiness, and a verb the
    lexicon codes as a threat, sanctions, coercion or force, or an object of retaliation or
    force ("it was ready to retaliate", "it may take retaliatory measures")."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    warner = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or warner is None:
        return False
    own = subject.lower_ in SELF_PRONOUNS or any(
        t.lower_ == subject.lower_ and t.pos_ == "PROPN" for t in warner.subtree
    )
    if not own:
        return False
    chain, frontier = [clause], [clause]
    while frontier:
        token = frontier.pop()
        for c in token.children:
            if c.dep_ in ("xcomp", "acomp", "conj"):
                chain.append(c)
                frontier.append(c)
    to_come = any(
        c.tag_ == "MD" or c.lemma_.lower() in READINESS_WORDS
        for t in chain
        for c in (t, *t.children)
    )
    hostile = any(
        (resources.cameo_verbs.get(t.lemma_.lower()) or "")[:2] in HOSTILE_ROOTS
        for t in chain
        if t.pos_ == "VERB"
    ) or any(
        w.lemma_.lower() in HOSTILE_MEASURES
        for t in chain
        for o in t.children
        if o.dep_ == "dobj"
        for w in o.subtree
    )
    return to_come and hostile


def _backing_code(lemma: str, code: str, target: Token | None) -> str:
    """Welcoming a visitor is hosting (043); backing forces is military cooperation (062),
    backing a project economic aid (071)."""
    if target is None:
        return code
    if (
        lemma == "welcome"
        and code == "051"
        and (target.ent_type_ in ("PERSON", "NORP") or target.lemma_.lower() in HOSTED_NOUNS)
    ):
        return "043"
    if lemma in ("support", "back") and code.startswith("05"):
        # "an operation supported by Russia", "forces backed by US advisers", "the project is
        # supported by the Department of Jobs" (annotators: 062, 071)
        noun = target.lemma_.lower()
        if noun in ARMED_NOUNS:
            return "062"
        if noun in PROJECT_NOUNS:
            return "071"
    return code


def _weapon_code(
    verb: Token, lemma: str, code: str, target: Token | None
) -> tuple[str, Token | None]:
    """A weapon fired at something hits it ("fired rockets at Israel"); fired at nothing
    ("fired a ballistic missile", "missiles launched from North Korea into the sea", a
    test-fired missile) it is a show of force (150) acting on the weapon."""
    weapon = weapon_of(verb, target) if lemma not in AIMING_VERBS else None
    if not code.startswith("19") or weapon is None:
        return code, target
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
    if aimed is not None and not weapons_test(verb):
        return code, aimed
    return "150", weapon


def _assault_code(verb: Token, code: str, actor: Token | None) -> str:
    """A killing or an attack by unconventional violence is an assault (18x): "killed in a
    suicide bombing" 183, "a gunman shot dead", "attacked by an individual" 180; one by
    forces or strikes stays 19x."""
    agents = [actor, _measured(actor)] if actor is not None else []
    agents += [
        t
        for c in verb.children
        if c.dep_ in ("agent", "prep") or (c.dep_ == "advcl" and c.lemma_.lower() == "use")
        for t in c.subtree
    ]
    kinds = {t.lemma_.lower() for t in agents} | {t.lower_ for t in agents}
    if kinds & BOMBING_WORDS:
        return "183"
    if kinds & ASSAULT_WORDS:
        return "180"
    return code


def _crowd_code(
    lemma: str, code: str, actor: Token | None, target: Token | None, resources: Resources
) -> str:
    """A crowd's act as a protest ("workers struck", "farmers blocked roads", "supporters
    protested"); a protest lodged with someone as an official complaint (114)."""
    if actor is not None and _crowd(actor, resources):
        return CROWD_ACTS.get((lemma, code[:2]), code)
    if lemma == "protest" and code == "140" and target is not None:
        # "Indonesia has protested to the EC about its plan"
        return "114"
    return code


def _joint_partner(
    verb: Token, code: str, actor: Token | None, target: Token | None, resources: Resources
) -> Token | None:
    """The target of a cooperative act by coordinated actors on a thing: the second actor
    ("the EU and Turkey signed an agreement"); else the target as it was."""
    cameo = resources.cameo_codes.get(code)
    if (
        actor is None
        or cameo is None
        or cameo.root_code not in ("03", "04", "05", "06")
        or not is_mutual(cameo.root_code, code, verb)
        or (target is not None and (target.ent_type_ or is_official(target, resources)))
    ):
        return target
    # (not over a partner the clause names: "he and Tillerson met with Mexican officials",
    # "the US, South Korea and Japan tried to negotiate a solution with Pyongyang")
    partner = next((c for c in actor.children if c.dep_ == "conj"), None)
    if partner is None and target is None:
        partner = _origin_partner(actor)
    named = prep_target(verb) or (prep_target(target) if target is not None else None)
    if named is not None and (named.ent_type_ or is_official(named, resources)):
        return target
    return partner if partner is not None else target


def _origin_partner(actor: Token) -> Token | None:
    """The second of the places a group comes from: "Representatives from Brazil, Colombia,
    Mexico and Nicaragua will meet" is Brazil meeting Colombia, as "Brazil and Colombia
    met" is (docs/event_annotation.md: first to second)."""
    for prep in actor.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "of"):
            for place in prep.children:
                if place.dep_ == "pobj" and place.ent_type_ == "GPE":
                    return next(
                        (c for c in place.children if c.dep_ == "conj" and c.ent_type_ == "GPE"),
                        None,
                    )
    return None


SEIZING_VERBS = frozenset({"seize", "capture"})


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


# what only words can attack: "Republican Representatives attacked the impeachment
# inquiry", "Bankers attacked the controls as ineffective" (annotators: 111)
WORDED_TARGETS = frozenset(
    {"decision", "policy", "inquiry", "investigation", "plan", "proposal", "bill", "law"}
    | {"ruling", "verdict", "control", "media", "press", "remark", "comment", "statement"}
    | {"record", "stance", "handling", "approach", "strategy", "budget", "reform", "idea"}
    | {"deal", "agreement", "report", "measure", "move", "view", "speech", "leadership"}
)


def _in_words(verb: Token, actor: Token | None, target: Token | None) -> bool:
    """An attack in words (111): "Mbeki attacked British imperialists, saying ...", "Trump
    attacked the media": one person attacking something other than a place, an attack on
    what only words can attack, or an attack explained by what the attacker said."""
    if any(
        c.dep_ == "advcl" and c.lemma_.lower() in ("say", "call", "accuse") for c in verb.children
    ):
        return True
    if target is not None and target.lemma_.lower() in WORDED_TARGETS:
        return True
    return (
        actor is not None
        and actor.ent_type_ == "PERSON"
        and (target is None or target.ent_type_ not in PLACE_LABELS)
    )


def _legal_charge(verb: Token) -> bool:
    """A charge brought with legal action (173): "charged two FSB officers with treason",
    "was charged on Friday"; "charged that the government lied" and "was charged with not
    doing enough" stay accusations (112), and so does "was charged down" (a rugby kick)."""
    children = list(verb.children)
    if any(c.dep_ == "prt" for c in children):
        return False
    with_ = next((c for c in children if c.dep_ == "prep" and c.lower_ == "with"), None)
    if with_ is not None:
        # (a failing is no crime: "charged with not doing enough")
        return not any(t.dep_ == "neg" for t in with_.subtree)
    return any(c.dep_ == "auxpass" for c in children) and not any(
        c.dep_ in ("ccomp", "advcl") for c in children
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


def no_perpetrator(
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
    return any(c.lemma_.lower() in words and not _dealt(c) for c in causes)


def _dealt(noun: Token) -> bool:
    """A disaster word that names what people do: ``opened fire``, ``a wave of jet fighter
    bombers`` (the measure of what follows it, ``_measured``)."""
    if noun.lemma_.lower() == "fire" and noun.dep_ == "dobj" and noun.head.lemma_ == "open":
        return True
    return _measured(noun) is not noun


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
# codes outside those roots that are as reciprocal: "A and B agreed that ..." (accord)
JOINT_CODES = frozenset({"019", "057"})


def is_mutual(root: str, code: str, verb: Token) -> bool:
    """An act its coordinated actors do with each other (``Japan and West Germany agreed
    to``, ``A and B met``), not each on its own (``West Germany and Japan had both
    pledged``, ``Spain and Portugal backed the court's view``)."""
    return (
        root in JOINT_ROOTS
        or code in JOINT_CODES
        or (root in ("03", "05") and verb.lemma_.lower() in MUTUAL_VERBS)
    )


def is_official(token: Token, resources: Resources) -> bool:
    """A person, an official/government noun (``the ministry``, ``officials``) or a people
    group acting as a country's sector (``voters``, ``rebels``): official_nouns.txt."""
    if token.ent_type_ == "PERSON":
        return True
    return token.lemma_.lower() in resources.official_nouns and not token.ent_type_


def is_idiom(verb: Token, pattern: str, resources: Resources) -> bool:
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
