import pytest

from flows.resources import load_resources
from tests.conftest import Process
from transforms.ids import entity_id_for


def _entities(result):
    return {e.name: e for e in result.entities}


def test_short_names_join_the_full_name(process: Process):
    result = process(
        "Russian President Vladimir Putin met aides. Putin said little. Later Mr. Putin left."
    )
    people = [e for e in result.entities if e.type == "person"]
    assert [p.name for p in people] == ["Vladimir Putin"]
    assert people[0].mention_count == 3
    ids = {m.entity_id for m in result.mentions if m.label == "PERSON"}
    assert ids == {people[0].entity_id}


def test_titles_are_stripped_from_person_names(process: Process):
    result = process("Gen. Valery Gerasimov spoke in Moscow on Friday.")
    assert "Valery Gerasimov" in _entities(result)


def test_places_are_geocoded_with_country_and_coordinates(process: Process):
    result = process("Fighting continued in Mosul, Iraq, while aid reached Damascus in Syria.")
    places = _entities(result)
    assert places["Mosul"].country_code == "IRQ"
    assert places["Mosul"].latitude is not None and 35 < places["Mosul"].latitude < 37
    assert places["Damascus"].country_code == "SYR"
    assert places["Iraq"].feature_kind == "country"
    assert places["Syria"].country_code == "SYR"


def test_country_aliases_resolve_to_one_country(process: Process):
    result = process(
        "The US and the United States are the same country, officials in Washington said."
    )
    usa = [e for e in result.entities if e.country_code == "USA" and e.feature_kind == "country"]
    assert len(usa) == 1
    assert set(usa[0].aliases) >= {"US", "United States"}


def test_headline_short_forms_of_the_koreas_and_china_are_countries(process: Process):
    result = process("N Korea accuses US and S Korea of murder. The DPRK condemned the PRC.")
    countries = {e.name: e.country_code for e in result.entities if e.feature_kind == "country"}
    assert countries == {
        "North Korea": "PRK",
        "United States": "USA",
        "South Korea": "KOR",
        "China": "CHN",
    }


def test_names_with_an_article_and_continents_resolve_as_people_write_them(process: Process):
    result = process(
        "Turkey and the Netherlands argued. Gambia and Yugoslavia sent aid to Africa and Asia."
    )
    countries = {alias: e.country_code for e in result.entities for alias in e.aliases}
    assert countries["Netherlands"] == "NLD"
    assert countries["Gambia"] == "GMB"
    assert countries["Yugoslavia"] == "SRB"  # successor state, as CAMEO codes it
    # GeoNames lists "Africa" as another name of a Tunisian town and "Asia" as a Philippine one
    assert countries["Africa"] is None and countries["Asia"] is None


def test_demonyms_carry_their_country_without_becoming_it(process: Process):
    result = process("Iraqi forces advanced as Russian jets flew overhead.")
    norp = {m.text: m for m in result.mentions if m.label == "NORP"}
    assert norp["Iraqi"].country_code == "IRQ"
    assert norp["Russian"].country_code == "RUS"
    assert all(e.type == "group" for e in result.entities if e.name in ("Iraqi", "Russian"))


def test_a_people_in_the_plural_carries_its_country(process: Process):
    result = process(
        "Americans and Poles marched as West German officials and North Koreans watched."
    )
    norp = {m.text: m.country_code for m in result.mentions if m.label == "NORP"}
    people = ("Americans", "Poles", "West German", "North Koreans")
    assert [norp.get(name) for name in people] == ["USA", "POL", "DEU", "PRK"]
    assert len(norp) == len(people)
    # a people named inside a place's name is none
    result = process("Turks voted while the Turks and Caicos Islands stayed calm.")
    countries = {m.text: (m.label, m.country_code) for m in result.mentions}
    assert countries == {"Turks": ("NORP", "TUR"), "Turks and Caicos Islands": ("GPE", "TCA")}
    # a plural is read only as a name: poles and swedes in lower case are no people
    resources = load_resources()
    assert [resources.nationality(w) for w in ("Swedes", "Israelis", "poles", "Saabs")] == [
        "SWE",
        "ISR",
        None,
        None,
    ]


def test_two_names_the_model_joined_are_two_when_the_article_names_each(process: Process):
    text = (
        "The World Bank lent more. The IMF agreed. Zambia was persuaded by the World Bank and IMF."
    )
    entities = {e.name: e.mention_count for e in process(text).entities}
    assert entities == {"World Bank": 2, "International Monetary Fund": 2, "Zambia": 1}
    # a name with an "and" of its own stays one
    names = {e.name for e in process("China's Belt and Road Initiative grew.").entities}
    assert names == {"China", "Belt and Road Initiative"}


def test_a_nationality_the_model_calls_a_place_is_the_group(process: Process):
    # the model labels this `Ukrainian` GPE: it names the people, not a place
    result = process("Ukrainian President Petro Poroshenko said Kiev would respond.")
    ukrainian = _entities(result)["Ukrainian"]
    assert (ukrainian.type, ukrainian.country_code, ukrainian.feature_kind) == (
        "group",
        "UKR",
        None,
    )
    # a country's name used as an adjective stays the country
    assert _entities(process("A New Zealand firm said so."))["New Zealand"].type == "place"


def test_mention_offsets_index_into_the_text(process: Process):
    text = "Angela Merkel visited Paris.\n\nMerkel met Emmanuel Macron there."
    result = process(text)
    assert result.mentions
    for m in result.mentions:
        assert text[m.start_char : m.end_char] == m.text
    sentences = {m.text: m.sentence_index for m in result.mentions}
    assert sentences["Angela Merkel"] == 0
    assert sentences["Emmanuel Macron"] == 1


def test_entity_ids_are_deterministic_across_documents(process: Process):
    a = process("Vladimir Putin spoke in Moscow.")
    b = process("In a later speech, Vladimir Putin praised the army.")
    id_a = _entities(a)["Vladimir Putin"].entity_id
    assert id_a == _entities(b)["Vladimir Putin"].entity_id


def test_islamic_state_is_one_organization_under_every_name(process: Process):
    result = process(
        "Islamic State fighters fled west. The fight against IS goes on, and ISIS, also called "
        "ISIL or Daesh, lost ground after IS militants were driven out."
    )
    groups = [e for e in result.entities if e.name == "Islamic State"]
    assert len(groups) == 1
    assert groups[0].type == "organization"
    assert set(groups[0].aliases) >= {"Islamic State", "IS", "ISIS", "ISIL", "Daesh"}
    assert not any(e.name == "Islamic" for e in result.entities)


def test_is_as_a_verb_is_not_an_entity(process: Process):
    result = process("What IS the plan? SOCCER - ENGLAND IS BEATEN .")
    assert not any(m.text == "IS" for m in result.mentions)


def test_general_staff_is_one_organization(process: Process):
    result = process("The chief of Russia's General Staff, Valery Gerasimov, spoke.")
    assert _entities(result)["General Staff"].type == "organization"


def test_a_place_the_model_calls_a_person_is_relabelled(process: Process):
    result = process(
        "Iraqi forces prepared to retake Qaraqosh, once the largest Christian town in Iraq."
    )
    places = [e for e in result.entities if "Qaraqosh" in e.aliases]
    assert len(places) == 1
    assert places[0].type == "place" and places[0].country_code == "IRQ"
    assert places[0].latitude is not None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the model says PERSON: a large capital needs no country named beside it
        ("Kiev accused Moscow of aggression.", "Kyiv", "UKR"),
        # the model says ORG: a name that is exactly a capital or a country is the place
        ("Minsk demanded that Russia switch to equal netback pricing.", "Minsk", "BLR"),
        ("Maldives asked India for help.", "Maldives", "MDV"),
    ],
)
def test_a_capital_or_country_the_model_mislabels_is_the_place(
    process: Process, text: str, name: str, country: str
):
    place = _entities(process(text))[name]
    assert place.type == "place" and place.country_code == country


def test_a_firm_named_like_a_city_that_is_no_capital_stays_a_firm(process: Process):
    result = process("Sapporo raised its beer prices, Kirin said.")
    assert not any(e.type == "place" for e in result.entities)


def test_a_surname_that_is_also_a_place_stays_a_person(process: Process):
    result = process("Michael Jordan scored 30 points. Jordan said he was tired.")
    assert not any(e.type == "place" for e in result.entities)


def test_a_known_person_named_like_a_town_of_a_named_country_stays_a_person(process: Process):
    # Obama is also a town in Japan; the actor dictionary knows the name as a person
    result = process("Xi met Obama there and criticized Japan.")
    assert _entities(result)["Obama"].type == "person"


def test_words_of_a_wire_table_are_no_names(process: Process):
    result = process(
        "Qtly div 11 cts vs 11 cts prior.\n"
        "    Shr 36 cts vs 20 cts\n    Revs 57.3 mln vs 17.6 mln\n    Avg shrs 5,970,000"
    )
    assert not {m.text.casefold() for m in result.mentions} & {"cts", "revs", "avg", "shr"}


def test_countries_carry_coordinates(process: Process):
    result = process("Russia and Syria signed a deal.")
    russia = _entities(result)["Russia"]
    assert russia.feature_kind == "country" and russia.latitude is not None


def test_people_sharing_a_surname_never_merge(process: Process):
    result = process(
        "Bill Clinton spoke first. Hillary Clinton answered questions. Clinton then left."
    )
    people = {e.name: e for e in result.entities if e.type == "person"}
    assert set(people) == {"Bill Clinton", "Hillary Clinton"}
    # the ambiguous surname goes to the most recently mentioned Clinton
    assert people["Hillary Clinton"].mention_count == 2
    assert people["Bill Clinton"].mention_count == 1


def test_acronyms_defined_in_the_text_merge(process: Process):
    result = process("The United Nations (UN) called for a ceasefire. The UN said aid was blocked.")
    orgs = [e for e in result.entities if e.type == "organization"]
    assert [o.name for o in orgs] == ["United Nations"]
    assert set(orgs[0].aliases) >= {"UN", "United Nations"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The EU imposed new tariffs on steel on Monday.", "European Union"),
        ("The European Union imposed new tariffs on steel on Monday.", "European Union"),
        ("The U.N. called for a ceasefire in Aleppo.", "United Nations"),
        ("The Fed raised interest rates on Wednesday.", "Federal Reserve"),
        ("The North Atlantic Treaty Organization sent more troops to Estonia.", "NATO"),
        # a firm whose name ends in a possessive keeps it
        ("Moody's cut the bank's rating on Monday.", "Moody's"),
    ],
)
def test_an_organization_known_by_several_names_is_one_entity_in_every_article(
    process: Process, text: str, name: str
):
    # each article alone: the names key to one entity id, without a definition in the text
    orgs = [e for e in process(text).entities if e.type == "organization"]
    assert [o.name for o in orgs] == [name]
    assert orgs[0].entity_id == entity_id_for("organization", name.casefold())


def test_a_known_acronym_inside_a_longer_name_stays_that_name(process: Process):
    result = process("The UN Security Council met in New York on Friday.")
    assert "UN Security Council" in {e.name for e in result.entities}
    assert "United Nations" not in {e.name for e in result.entities}


@pytest.mark.parametrize(
    "text",
    [
        "Finance Minister Dilson Funaro said Brazil would resume payments.",
        "US Secretary of State Rex Tillerson is in China this week.",
        "Interior minister Thomas de Maiziere said police made arrests.",
    ],
)
def test_a_portfolio_in_a_title_is_no_organization(process: Process, text: str):
    result = process(text)
    assert [e.name for e in result.entities if e.type == "organization"] == []
    assert [e.type for e in result.entities].count("person") == 1


def test_a_department_named_in_a_title_stays_an_organization(process: Process):
    result = process("Treasury Secretary James Baker met the State Department's staff.")
    orgs = {e.name for e in result.entities if e.type == "organization"}
    assert orgs == {"Treasury", "State Department"}


def test_a_nations_institution_is_its_articles_countrys_one_entity_per_country(
    process: Process,
):
    irish = process(
        "Hospital costs in Dublin and Cork rose again. Irish TDs asked how the Government could"
        " stand over the spiralling costs, and the Cabinet will discuss it on Tuesday."
    )
    japanese = process(
        "Farmers in Hokkaido and Osaka protested. Japanese opposition leaders asked how the"
        " Government could stand over the rising costs of rice."
    )
    governments = [
        next(e for e in result.entities if e.name == "Government") for result in (irish, japanese)
    ]
    assert [g.country_code for g in governments] == ["IRL", "JPN"]
    assert governments[0].entity_id != governments[1].entity_id
    assert _entities(irish)["Cabinet"].country_code == "IRL"


def test_an_institution_stays_without_a_country_when_the_article_has_no_clear_one(
    process: Process,
):
    result = process(
        "Ministers from Germany and France met in Brussels. The Cabinet will discuss the plan."
    )
    assert _entities(result)["Cabinet"].country_code is None


def test_congress_is_the_us_one_wherever_the_article_is(process: Process):
    # the curated dictionary knows `Congress` as the US one: a story on Russia does not make it
    # Russia's (the article's country places only the institutions the dictionary does not know)
    us = process("Republicans in Congress hailed the speech. Congress will vote next week.")
    russia = process(
        "Moscow denied the Russian meddling that Congress could investigate, Russian officials"
        " in St Petersburg said."
    )
    assert _entities(us)["Congress"].country_code == "USA"
    assert _entities(russia)["Congress"].country_code == "USA"
    assert _entities(us)["Congress"].entity_id == _entities(russia)["Congress"].entity_id


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "The Russian Foreign Ministry summoned the ambassador.",
            "Russian Foreign Ministry",
            "RUS",
        ),
        ("The Bank of England left rates unchanged.", "Bank of England", "GBR"),
        ("Statistics Canada said prices rose.", "Statistics Canada", "CAN"),
        ("The Bundesbank said inflation would ease.", "Bundesbank", "DEU"),
        ("The Kremlin denied the report.", "Kremlin", "RUS"),
        # an international body has no country
        ("The European Union imposed tariffs on steel.", "European Union", None),
    ],
)
def test_an_organization_takes_the_country_its_name_states_or_the_dictionary_knows(
    process: Process, text: str, name: str, country: str | None
):
    assert _entities(process(text))[name].country_code == country


def test_moscow_in_an_article_about_russia_is_in_russia(process: Process):
    result = process("Russia said on Friday that officials in Moscow had met.")
    assert _entities(result)["Moscow"].country_code == "RUS"


def test_a_capital_or_state_is_not_a_small_namesake_in_the_articles_country(process: Process):
    # the article names the United States and Britain more than Russia or France; still,
    # Moscow is not Moscow, Idaho, Washington not the English town, Paris not Paris, Texas
    result = process(
        "The United States and Britain said the United States would ask Moscow, Washington's "
        "rival, to honour what Britain and the United States agreed in Paris."
    )
    entities = _entities(result)
    assert [entities[name].country_code for name in ("Moscow", "Washington", "Paris")] == [
        "RUS",
        "USA",
        "FRA",
    ]
    # ... nor a state: Ontario is the province, not the Californian city
    ontario = process("Lawmakers from Ontario asked their U.S. counterparts to exempt the U.S.")
    assert _entities(ontario)["Ontario"].country_code == "CAN"
    # ... while a town of the article's country wins over a foreign one of like size
    perth = _entities(process("Scottish police in Perth said Britain would act."))["Perth"]
    assert perth.country_code == "GBR"


def test_countries_take_their_centre_not_their_capital(process: Process):
    result = process("Russia and the United States held talks.")
    russia = _entities(result)["Russia"]
    # Moscow is at 37.6 E; the centre of Russia is far east of it
    assert russia.longitude is not None and russia.longitude > 80


def test_a_city_named_so_wins_over_one_formerly_named_so(process: Process):
    # GeoNames lists "Islamabad" among Chattogram's (Bangladesh) old names, and Chattogram is
    # the larger city
    result = process("Officials in Islamabad said the talks would resume.")
    assert _entities(result)["Islamabad"].country_code == "PAK"


def test_states_and_provinces_resolve_to_their_region(process: Process):
    result = process(
        "Farmers in Kansas and Ontario sold wheat, while fighting went on in Helmand and in "
        "Nineveh."
    )
    # an entity is named by its GeoNames name ("Ninawa"); the text's names are its aliases
    places = {alias: e for e in result.entities for alias in e.aliases}
    assert places["Nineveh"].name == "Ninawa"
    expected = {"Kansas": "USA", "Ontario": "CAN", "Helmand": "AFG", "Nineveh": "IRQ"}
    for name, country in expected.items():
        assert places[name].country_code == country, name
        assert places[name].feature_kind == "region", name
    # a region takes the mean position of its towns: Kansas lies between 37 and 40 N
    assert places["Kansas"].latitude is not None and 37 < places["Kansas"].latitude < 40
    assert places["Kansas"].geonames_id == 4273857  # US states keep their GeoNames id
    assert places["Helmand"].geonames_id is None
    # Ontario is the province, not the Californian city of 170,000
    assert places["Ontario"].longitude is not None and places["Ontario"].longitude > -90


def test_a_state_abbreviated_after_a_town_is_the_state(process: Process):
    result = process(
        "SAN JOSE, Calif., March 3 - The company, which also has a plant in Rochester, N.Y.,"
        " said sales rose. Its rival in Tulsa, Okla., said the same."
    )
    places = {alias: e for e in result.entities for alias in e.aliases}
    for alias, state in [("Calif.", "California"), ("N.Y.", "New York"), ("Okla.", "Oklahoma")]:
        assert places[alias].name == state, alias
        assert places[alias].country_code == "USA", alias
        assert places[alias].feature_kind == "region", alias


def test_a_city_named_like_its_region_stays_the_city(process: Process):
    result = process("Officials in New York said the talks would resume in Kabul.")
    places = {alias: e for e in result.entities for alias in e.aliases}
    assert places["New York"].feature_kind == "city"
    assert places["Kabul"].feature_kind == "city"
    assert places["New York"].latitude is not None
    assert abs(places["New York"].latitude - 40.71) < 0.1


def test_a_building_or_area_is_no_city_it_translates(process: Process):
    # GeoNames lists "White House" among Casablanca's names and "North" among North Salt
    # Lake's; the model calls these a facility and a location, which are no such cities
    result = process(
        "Mr Kenny will hold talks with President Trump in the White House tomorrow, and "
        "troops moved to the North."
    )
    places = {alias: e for e in result.entities for alias in e.aliases}
    assert places["White House"].country_code is None
    assert places["White House"].geonames_id is None
    assert places["North"].country_code is None
    # a city the model calls a place is still found by any of its names
    result = process("Officials in Kiev and Cologne said the talks would resume.")
    places = {alias: e for e in result.entities for alias in e.aliases}
    assert (places["Kiev"].country_code, places["Cologne"].country_code) == ("UKR", "DEU")


def test_the_articles_countries_choose_among_places_named_so(process: Process):
    # GeoNames lists "Sydney" among Sidney's (Montana) names, "Milan" among Syracuse's and
    # "Perth" among Perth Amboy's (New Jersey): an article naming the United States does not
    # make them American, as it makes Birmingham the Alabama city
    result = process(
        "The United States sent envoys to Sydney, Milan and Perth, and to Birmingham, Alabama."
    )
    places = {alias: e for e in result.entities for alias in e.aliases}
    assert places["Sydney"].country_code == "AUS"
    assert places["Milan"].country_code == "ITA"
    assert places["Perth"].country_code == "AUS"
    assert places["Birmingham"].country_code == "USA"
    # among the article's countries' places, one named so: not Austin, which also lists it
    result = process("Floods hit Waterloo, a city in the United States, on Monday.")
    places = {alias: e for e in result.entities for alias in e.aliases}
    assert (places["Waterloo"].name, places["Waterloo"].country_code) == ("Waterloo", "USA")
