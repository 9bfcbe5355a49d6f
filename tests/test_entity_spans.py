"""Span corrections (transforms/entity_spans.py) on texts written for the rules, real model."""

from tests.conftest import Process


def _labels(result):
    return {m.text: m.label for m in result.mentions}


def test_a_dateline_in_capitals_is_a_place(process: Process):
    result = process("LONDON 1996-08-30\nShares fell in early trading on Friday.")
    assert _labels(result)["LONDON"] == "GPE"
    london = [e for e in result.entities if e.name == "London"]
    assert london and london[0].country_code == "GBR"


def test_teams_in_a_results_line_are_organizations(process: Process):
    result = process(
        "English league results on Saturday:\nPort Vale 2 Oxford 0\nExeter 4 1 2 1 4 5 5"
    )
    labels = _labels(result)
    assert labels["Port Vale"] == "ORG"
    assert labels["Oxford"] == "ORG"
    assert labels["Exeter"] == "ORG"


def test_a_country_in_a_results_line_stays_a_place(process: Process):
    result = process("World Cup qualifier result:\nEngland 2 Moldova 0")
    assert _labels(result)["Moldova"] == "GPE"


def test_a_city_that_beats_another_is_a_team(process: Process):
    result = process("At Chesterfield, Derbyshire beat Worcestershire by nine wickets.")
    assert _labels(result).get("Derbyshire") == "ORG"


def test_a_surname_takes_the_full_names_label_everywhere(process: Process):
    text = (
        "Russian security chief Alexander Lebed met rebel leaders on Friday. "
        "Lebed said the talks went well. Officials said Lebed would return."
    )
    result = process(text)
    lebed = [m for m in result.mentions if "Lebed" in m.text]
    assert len(lebed) == 3
    assert {m.label for m in lebed} == {"PERSON"}
    assert len({m.entity_id for m in lebed}) == 1


def test_the_and_possessives_are_not_part_of_the_span(process: Process):
    result = process("The Federal Reserve raised rates. Russia's army moved.")
    texts = {m.text for m in result.mentions}
    assert "Federal Reserve" in texts
    assert "Russia" in texts


def test_a_score_after_a_name_is_not_part_of_it(process: Process):
    text = "At Bristol : Gloucestershire 183 and 249 ( J. Russell 75 ) , Kent 201 ."
    result = process(text)
    assert not any(m.text.endswith("75") for m in result.mentions)


def test_a_span_run_on_into_the_next_phrase_ends_at_the_name(process: Process):
    # the small model runs spans on over a preposition, conjunction or dash: "Tesco of '",
    # "Moody's Investors Service Inc and", "Steve McGregor -"
    texts = {
        m.text
        for text in (
            "TDs accuse Tesco of 'union-busting attitude' over the strike.",
            "Moody's Investors Service Inc and Standard and Poor's Corp downgraded the debt.",
            "Chief executive Steve McGregor - to be replaced next week - resigned.",
        )
        for m in process(text).mentions
    }
    assert {"Tesco", "Moody's Investors Service Inc", "Steve McGregor"} <= texts
    assert not any(t.endswith((" of", " and", " -", "'")) for t in texts)
    # a word joined by a hyphen is part of the name, whatever its part of speech
    assert "CDC Flow-Through" in {
        m.text for m in process("The shares were sold to CDC Flow-Through.").mentions
    }


def test_brexit_is_an_event_not_a_person(process: Process):
    # the small model reads "Brexit" as a person (13 mentions of 619 corpus articles)
    result = process("After the Brexit vote, Theresa May said Brexit means Brexit.")
    brexit = [m for m in result.mentions if m.text == "Brexit"]
    assert len(brexit) == 3 and {m.label for m in brexit} == {"EVENT"}
    assert len({m.entity_id for m in brexit}) == 1
