"""Coding a verb with the CAMEO lexicon (``transforms/rules/cameo_verbs.tsv``): the longest
lexicon phrase the verb's own words make (``call on``, ``speak by telephone with``, past
noun modifiers, ``N days of`` and ``N dlrs of``), else its lemma alone.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.event_syntax import RELATIVE_PRONOUNS
from transforms.resources import Resources
from transforms.text_spans import head_indices

PHRASE_WINDOW = 6  # words after the verb a lexicon phrase may span


MEASURE_NOUNS = frozenset({"day", "week", "month", "hour", "round", "series", "year", "minute"})
# "approved 15 mln dlrs of loans", "bought 20 pct of the shares": the amount stands for its noun
AMOUNT_NOUNS = frozenset(
    {"dlr", "dlrs", "dollar", "yen", "mark", "pound", "euro", "franc", "rouble", "ruble", "yuan"}
    | {"rupee", "tonne", "ton", "barrel", "pct", "percent", "million", "billion", "sum", "amount"}
)
# "signed one of the most comprehensive free trade agreements": a part stands for the whole
PART_WORDS = frozenset({"one", "some", "several", "both", "all", "each", "many", "most", "part"})
# (joined once: read for every word after a verb)
STAND_IN_NOUNS = MEASURE_NOUNS | AMOUNT_NOUNS | PART_WORDS
MODIFIER_DEPS = frozenset({"amod", "compound", "nummod", "quantmod", "nmod", "npadvmod"})


def _phrase_lemmas(verb: Token, bare: bool = False) -> list[tuple[str, Token]]:
    """Lemmas of the words after the verb in its own clause (particles, prepositions, objects);
    ``bare`` also drops the modifiers of nouns (``signed a 13 mln dlr contract``, ``fired a
    banned missile``)."""
    out: list[tuple[str, Token]] = []
    skip: set[int] = set()
    if bare:
        # "two days of talks", "several hours of talks", "one of the agreements": the measure
        # or the part stands for its noun
        for token in verb.doc[verb.i + 1 : verb.i + 1 + PHRASE_WINDOW * 2]:
            if token.lemma_.lower() in STAND_IN_NOUNS:
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
