"""Parsing in bounded batches: long articles in pieces, joined back with every offset kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from flows.nlp import parse_texts, split_text

PARAGRAPH = (
    "Fighters of the Islamic State attacked Mosul on Monday, Iraqi officials said. "
    "President Vladimir Putin spoke by telephone with the leaders of Turkey and Iraq. "
) * 3


@pytest.mark.parametrize(
    ("text", "max_chars", "lengths"),
    [
        ("short text", 100, [10]),
        # cut after the paragraph break, not inside the paragraph
        ("a" * 60 + "\n\n" + "b" * 60, 100, [62, 60]),
        # no paragraph break: after the last sentence end in the window
        ("One two. " * 20, 50, [45, 45, 45, 45]),
        # one word longer than the window: cut at the window
        ("x" * 250, 100, [100, 100, 50]),
    ],
)
def test_split_text(text: str, max_chars: int, lengths: list[int]) -> None:
    pieces = split_text(text, max_chars)
    assert "".join(pieces) == text
    assert [len(p) for p in pieces] == lengths


def test_long_article_parsed_in_pieces_matches_the_whole(nlp: Language) -> None:
    text = "\n\n".join([PARAGRAPH] * 10)
    assert len(split_text(text, 1200)) > 1
    whole = nlp(text)
    [pieces] = list(
        parse_texts(nlp, [text], batch_size=32, max_batch_chars=2500, max_piece_chars=1200)
    )
    assert pieces.text == text
    assert [(t.idx, t.lemma_, t.tag_) for t in pieces] == [(t.idx, t.lemma_, t.tag_) for t in whole]
    assert [(e.start_char, e.end_char, e.label_, e.ent_id_) for e in pieces.ents] == [
        (e.start_char, e.end_char, e.label_, e.ent_id_) for e in whole.ents
    ]
    assert [s.start_char for s in pieces.sents] == [s.start_char for s in whole.sents]


def test_batches_keep_order_and_count(nlp: Language) -> None:
    texts = [f"Article {i}. " + PARAGRAPH[: 40 * (i % 7 + 1)] for i in range(23)]
    texts.insert(5, "\n\n".join([PARAGRAPH] * 6))  # one long article among short ones
    docs = list(parse_texts(nlp, texts, batch_size=4, max_batch_chars=2000, max_piece_chars=900))
    assert [d.text for d in docs] == texts


# spaCy's attribute ruler patterns at work: tag map, pronoun features, `gonna`, `y'all`, `ain't`,
# `let's`, expletive `there is`, auxiliaries, whitespace tokens, `IS` as a word
RULER_TEXTS = [
    PARAGRAPH,
    "I'm gonna tell y'all: it ain't over. Let's go, c'mon! There is no deal, and we'll "
    "have had enough of 'em.\n\n  Did they? Yes, they did, she said. IS fighters retook it.",
    "He gets what he got.\t\tThat book, which I read, is hers; those are theirs. Y'all?",
    "",
    "\n",
]


def test_array_attribute_ruler_annotates_like_spacys(nlp: Language) -> None:
    import numpy
    import spacy
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    from flows.array_attribute_ruler import ArrayAttributeRuler
    from flows.nlp import MODEL_NAME, load_raw_nlp

    assert isinstance(nlp.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    stock = load_raw_nlp()
    ours = spacy.load(MODEL_NAME)  # the model with only the ruler swapped (no entity rulers)
    from flows.array_attribute_ruler import use_array_attribute_ruler

    assert use_array_attribute_ruler(ours)
    assert ours.pipe_names == stock.pipe_names
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    for expected, got in zip(
        stock.pipe(RULER_TEXTS), ours.pipe(RULER_TEXTS, batch_size=2), strict=True
    ):
        assert numpy.array_equal(expected.to_array(attrs), got.to_array(attrs))
        assert [str(t.morph) for t in expected] == [str(t.morph) for t in got]
    doc = ours("I'm gonna go.")
    assert [t.lemma_ for t in doc] == ["I", "be", "go", "to", "go", "."]


def test_array_attribute_ruler_refuses_patterns_it_cannot_evaluate() -> None:
    import spacy

    from flows.array_attribute_ruler import use_array_attribute_ruler

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "a"})  # type: ignore[attr-defined]
    assert not use_array_attribute_ruler(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_numpy_blas_annotates_like_the_stock_model() -> None:
    import numpy
    import spacy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
    from thinc.api import Model, NumpyOps

    from flows.model_blas import use_numpy_blas
    from flows.nlp import MODEL_NAME, load_raw_nlp

    stock = load_raw_nlp()
    ours = spacy.load(MODEL_NAME)
    assert use_numpy_blas(ours) > 0
    models = [
        pipe.model for _, pipe in ours.pipeline if isinstance(getattr(pipe, "model", None), Model)
    ]
    layers = [layer for model in models for layer in model.walk()]
    assert len(models) == 4  # tok2vec, tagger, parser, ner
    assert all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)
    # real news (the seeds), a long article and the ruler's odd cases
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.iterdir())]
    texts += ["\n\n".join([PARAGRAPH] * 8), *RULER_TEXTS]
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
    for expected, got in zip(stock.pipe(texts), ours.pipe(texts, batch_size=3), strict=True):
        assert len(got) == len(expected)
        assert numpy.array_equal(expected.to_array(attrs), got.to_array(attrs))


@pytest.mark.parametrize(
    ("text", "verb", "lemma"),
    [
        ("Germany fined Volkswagen.", "fined", "fine"),
        ("He hoped to visit Iraq.", "hoped", "hope"),
        ("Rebels are staging attacks.", "staging", "stage"),
        ("Kiev waged war in the east.", "waged", "wage"),
        ("The rabbit hopped away.", "hopped", "hop"),
        ("The president planned a visit.", "planned", "plan"),
        ("The minister opened talks.", "opened", "open"),
    ],
)
def test_verb_lemmas_of_undoubled_inflections(
    nlp: Language, text: str, verb: str, lemma: str
) -> None:
    # the stock lemmatizer gives fin, hop, stag, wag for the first four
    token = next(t for t in nlp(text) if t.text == verb)
    assert token.lemma_ == lemma


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        # wire copy's hard wraps inside a sentence are read as spaces, one for one
        ("in\nthe Bahia cocoa zone", "in the Bahia cocoa zone"),
        ("restored,\nComissaria said", "restored, Comissaria said"),
        ("5.93\nmln bags", "5.93 mln bags"),
        # paragraph breaks, and the lines of a table or a list, stay
        ("said.\n    The dry period", "said.\n    The dry period"),
        ("results:\nPort Vale 2 Oxford 0\nExeter 4", "results:\nPort Vale 2 Oxford 0\nExeter 4"),
        # a double quote typed for an apostrophe is read as one; real quotation marks stay
        ('China"s Ministry of Agriculture', "China's Ministry of Agriculture"),
        ('they didn"t say', "they didn't say"),
        ('he called it "absurd" and left', 'he called it "absurd" and left'),
        # a mark or a dash a wrong decoding wrote as '"?' is no question mark
        ('on DeVos"?highly odd nomination', 'on DeVos" highly odd nomination'),
        ('a worse choice,"?Sen. Warren said', 'a worse choice," Sen. Warren said'),
        ('never happened "?to defend it', "never happened — to defend it"),
        ('"Is it?" he asked', '"Is it?" he asked'),
    ],
)
def test_hard_wraps_are_read_as_spaces(nlp: Language, text: str, parsed: str) -> None:
    doc = nlp(text)
    assert doc.text == parsed
    assert len(doc.text) == len(text)


def test_a_wrapped_phrase_is_parsed_whole(nlp: Language) -> None:
    # "called\nfor": the newline was a token of its own, hung anywhere by the parser
    doc = nlp("Some 36 of Japan's 47 provincial governments have called\nfor the plan to go.")
    assert "\n" not in [t.text for t in doc]
    called = next(t for t in doc if t.text == "called")
    assert any(c.lower_ == "for" for c in called.children)


@pytest.mark.parametrize(
    ("text", "verb", "lemma"),
    [
        ("Iraqi forces retook the town of Qaraqosh on Monday.", "retook", "retake"),
        ("Police retook the square on Monday.", "retook", "retake"),
    ],
)
def test_an_irregular_past_the_tagger_calls_a_present_is_a_past(
    nlp: Language, text: str, verb: str, lemma: str
):
    # the small model tags them VBP and VB: their dated acts were read as ones to come
    token = next(t for t in nlp(text) if t.text == verb)
    assert (token.tag_, token.lemma_, token.morph.get("Tense")) == ("VBD", lemma, ["Past"])


def test_a_present_tense_stays_a_present(nlp: Language):
    doc = nlp("They are here and I am there, and the rebels found a new party.")
    assert [(t.text, t.tag_) for t in doc if t.text in ("are", "am")] == [
        ("are", "VBP"),
        ("am", "VBP"),
    ]
