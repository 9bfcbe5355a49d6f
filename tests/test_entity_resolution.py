"""Cross-document entity resolution in the DuckDB view layer (entity_resolution, entities)."""

from __future__ import annotations

import duckdb

from tests.conftest import Process
from warehouse.views import _sql_text


def _warehouse(results) -> duckdb.DuckDBPyConnection:
    """The entity views over an in-memory entity_occurrences table built from DocResults."""
    con = duckdb.connect()
    con.execute(
        "create table entity_occurrences (entity_id varchar, doc_id varchar, name varchar,"
        " type varchar, aliases varchar[], country_code varchar, latitude double,"
        " longitude double, geonames_id bigint, feature_kind varchar, mention_count integer)"
    )
    for result in results:
        for e in result.entities:
            con.execute(
                "insert into entity_occurrences values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    e.entity_id,
                    e.doc_id,
                    e.name,
                    e.type,
                    list(e.aliases),
                    e.country_code,
                    e.latitude,
                    e.longitude,
                    e.geonames_id,
                    e.feature_kind,
                    e.mention_count,
                ],
            )
    con.execute(_sql_text("entity_resolution"))
    con.execute(_sql_text("entities"))
    return con


def _names(results, entity_type: str) -> set[str]:
    """The names of the entities of a type across the documents, after resolution."""
    con = _warehouse(results)
    rows = con.execute("select name from entities where type = ?", [entity_type]).fetchall()
    return {name for (name,) in rows}


def test_a_bare_surname_in_a_later_document_joins_the_full_name(process: Process):
    first = process("Russian President Vladimir Putin spoke in Moscow on Monday.")
    later = process("Putin said on Tuesday that talks would go on.")
    assert [e.name for e in later.entities if e.type == "person"] == ["Putin"]
    con = _warehouse([first, later])
    rows = con.execute(
        "select name, aliases, mention_count, document_count from entities where type = 'person'"
    ).fetchall()
    assert rows == [("Vladimir Putin", ["Putin", "Vladimir Putin"], 2, 2)]
    # the id is the full name's stored id: deterministic, whatever the order of ingestion
    full_id = next(e.entity_id for e in first.entities if e.name == "Vladimir Putin")
    assert con.execute("select entity_id from entities where type = 'person'").fetchall() == [
        (full_id,)
    ]
    assert _warehouse([later, first]).execute(
        "select entity_id from entities where type = 'person'"
    ).fetchall() == [(full_id,)]


def test_an_ambiguous_bare_surname_stays_its_own_entity(process: Process):
    docs = [
        process("Bill Clinton spoke in Little Rock."),
        process("Hillary Clinton spoke in New York."),
        process("Clinton said the vote would be close."),
    ]
    assert _names(docs, "person") == {"Bill Clinton", "Hillary Clinton", "Clinton"}


def test_one_row_per_entity_on_the_seed(process: Process):
    from tests.conftest import SEEDS

    text = (SEEDS / "2016-10-21-russia-warns-coalition-mosul.md").read_text().split("---\n", 2)[2]
    con = _warehouse([process(text)])
    by_name = {
        r[0]: r[1:]
        for r in con.execute(
            "select name, type, country_code, latitude, longitude, document_count from entities"
        ).fetchall()
    }
    for name in ("Valery Gerasimov", "Vladimir Putin", "Islamic State"):
        assert con.execute("select count(*) from entities where name = ?", [name]).fetchone() == (
            1,
        )
    assert by_name["Mosul"][1] == "IRQ" and by_name["Mosul"][2] is not None
    assert by_name["Aleppo"][1] == "SYR" and by_name["Aleppo"][2] is not None
    assert by_name["Moscow"][1] == "RUS" and by_name["Moscow"][2] is not None
    qaraqosh = con.execute(
        "select country_code, latitude from entities where list_contains(aliases, 'Qaraqosh')"
    ).fetchall()
    assert len(qaraqosh) == 1 and qaraqosh[0][0] == "IRQ" and qaraqosh[0][1] is not None


def test_an_acronym_joins_the_organization_another_document_defined_it_for(process: Process):
    defined = process(
        "The Commodity Credit Corporation (CCC) accepted bids for wheat. The CCC said the"
        " sales would go ahead."
    )
    bare = process("The CCC extended the export credits on Tuesday.")
    assert [e.name for e in bare.entities if e.type == "organization"] == ["CCC"]
    con = _warehouse([bare, defined])
    rows = con.execute(
        "select name, aliases, mention_count, document_count from entities"
        " where type = 'organization'"
    ).fetchall()
    assert rows == [("Commodity Credit Corporation", ["CCC", "Commodity Credit Corporation"], 4, 2)]


def test_an_acronym_defined_for_two_organizations_stays_its_own_entity(process: Process):
    docs = [
        process("The European Community (EC) agreed new farm prices in Brussels."),
        process("The European Commission (EC) fined the company on Monday."),
        process("The EC said talks would resume next week."),
    ]
    assert _names(docs, "organization") == {"European Community", "European Commission", "EC"}
