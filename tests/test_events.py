from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import Process
from transforms.resources import Resources


def _events(result):
    return {(e.predicate, e.event_root_code): e for e in result.events}


def test_svo_event_with_cameo_code_and_countries(process: Process):
    result = process(
        "Iraqi forces attacked Islamic State positions near Mosul on Thursday.", "2016-10-21"
    )
    attack = next(e for e in result.events if e.predicate.startswith("attack"))
    assert attack.event_root_code == "19"
    assert attack.actor_country_code == "IRQ"
    assert attack.event_date == date(2016, 10, 20)
    assert attack.date_precision == "day"
    assert attack.quad_class == 4
    assert attack.goldstein < 0


def test_negated_event(process: Process):
    result = process(
        "Russian and Syrian jets did not attack the convoy, officials said.", "2016-10-21"
    )
    attack = next(e for e in result.events if e.predicate.startswith("attack"))
    assert attack.negated


def test_no_publication_date_keeps_date_text_only(process: Process):
    result = process("Turkish troops attacked the town on Monday.")
    attack = next(e for e in result.events if e.predicate.startswith("attack"))
    assert attack.event_date is None
    assert attack.date_text == "Monday"


def test_unknown_verbs_produce_no_event(process: Process):
    result = process("The committee enjoyed the colour of the new curtains.")
    assert result.events == []


def test_event_offsets_index_into_text(process: Process):
    text = "Kenya and Tanzania signed an agreement on Friday to reopen border markets."
    result = process(text, "2019-07-12")
    assert result.events
    for e in result.events:
        assert 0 <= e.start_char < e.end_char <= len(text)
        assert (
            text[e.start_char : e.end_char]
            .split()[0]
            .lower()
            .startswith(e.predicate.split()[0][:3])
        )


SEED = Path(__file__).resolve().parent.parent / "seeds/2016-10-21-russia-warns-coalition-mosul.md"


def test_seed_events(process: Process):
    text = SEED.read_text().split("---\n", 2)[2]
    result = process(text, "2016-10-21T15:40:00+03:00")
    found = {(e.predicate, e.actor_country_code, e.target_country_code): e for e in result.events}
    warn = found[("warn", "RUS", "USA")]  # "the US-led coalition": its leading nation
    assert warn.event_root_code == "13" and warn.event_date == date(2016, 10, 21)
    retake = [e for e in result.events if e.predicate == "retake"]
    assert {e.target_text for e in retake} >= {"the town of Qaraqosh", "Qaraqosh"}
    assert all(e.actor_country_code == "IRQ" and e.event_root_code == "19" for e in retake)
    assert not any(e.predicate == "prepare" for e in result.events)  # control verb, not event
    phone = found[("speak by telephone with", "RUS", "TUR")]  # Putin: actor_countries.tsv
    assert phone.event_root_code == "04" and phone.event_date == date(2016, 10, 19)
    assert phone.target_text == "the leaders of Turkey and Iraq"
    bomb = next(e for e in result.events if e.predicate == "bomb")
    assert bomb.negated and bomb.actor_country_code == "RUS" and bomb.target_text == "Aleppo"
    # the recogniser misses "Aleppo" here; the gazetteer knows the city
    assert bomb.target_country_code == "SYR"
    statement = next(e for e in result.events if e.quote_id is not None)
    assert statement.quote_id in {q.quote_id for q in result.quotes}
    assert not any(e.predicate.startswith("lead") for e in result.events)  # "US-led"


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        # modal -> hypothetical
        (
            "Syrian rebels could attack the airport, officials said.",
            "attack",
            {"hypothetical": True},
        ),
        # threatened to -> the complement is hypothetical, the threat itself is coded (13)
        (
            "Turkey threatened to invade northern Iraq.",
            "invade",
            {"hypothetical": True, "actor_country_code": "TUR", "target_country_code": "IRQ"},
        ),
        ("Turkey threatened to invade northern Iraq.", "threaten", {"event_root_code": "13"}),
        # passive with a by-agent: the agent acts, the subject is the target; past weekday
        (
            "The town was shelled by Syrian government forces on Tuesday.",
            "shell",
            {
                "actor_country_code": "SYR",
                "target_text": "The town",
                "event_date": date(2016, 10, 18),
            },
        ),
        # coordinated verbs share the subject
        (
            "Russian jets bombed Idlib and killed dozens of civilians.",
            "kill",
            {"actor_country_code": "RUS", "event_root_code": "19"},
        ),
        # scheduled event: the coming Thursday
        (
            "Israel and Hamas agreed to a truce on Thursday.",
            "agree to truce",
            {"event_date": date(2016, 10, 27), "date_precision": "day"},
        ),
        # future tense, week precision
        (
            "The ministers will meet in Geneva next week.",
            "meet",
            {"event_date": date(2016, 10, 24), "date_precision": "week"},
        ),
        # nationality from a title, month precision
        (
            "US Deputy Secretary of Energy Jeffrey Kupfer met Ukrainian officials in Kiev last month.",
            "meet",
            {
                "actor_country_code": "USA",
                "target_country_code": "UKR",
                "event_date": date(2016, 9, 1),
                "date_precision": "month",
            },
        ),
        # the Kremlin -> RUS; the weekend before publication
        (
            "Over the weekend the Kremlin accused Ukraine of shelling Donetsk.",
            "accuse",
            {
                "actor_country_code": "RUS",
                "target_country_code": "UKR",
                "event_root_code": "11",
                "event_date": date(2016, 10, 15),
                "date_precision": "week",
            },
        ),
        (
            "The Pentagon condemned the Iranian missile test.",
            "condemn",
            {"actor_country_code": "USA"},
        ),
        # object control: Russia is the one to withdraw; IGO actor
        (
            "NATO called on Russia to withdraw its troops from Ukraine.",
            "call on",
            {"actor_country_code": "IGO", "target_country_code": "RUS", "event_root_code": "02"},
        ),
        (
            "NATO called on Russia to withdraw its troops from Ukraine.",
            "withdraw troop",
            # what an appeal asks for has not happened
            {"actor_country_code": "RUS", "hypothetical": True},
        ),
        (
            "Iraqi forces prepared to retake Qaraqosh.",
            "retake",
            {"negated": False, "hypothetical": False},
        ),
        # a that-clause makes "warn" a pessimistic comment, whose topic is no target (as the
        # annotators code it); "against" makes it a threat
        (
            "The French finance minister warned that France was facing challenges.",
            "warn",
            {"event_code": "012", "actor_country_code": "FRA", "target_country_code": None},
        ),
        (
            "Russia warned Turkey against sending troops into Syria.",
            "warn",
            {"event_root_code": "13", "target_country_code": "TUR"},
        ),
        # "it" in a reported clause is the speaker; "who" is the antecedent of the relative
        (
            "North Korea said it agreed to a proposal for talks.",
            "agree to proposal",
            {"actor_country_code": "PRK"},
        ),
        (
            "Recep Tayyip Erdogan, the president of Turkey, was the first leader who visited Somalia.",
            "visit",
            {"actor_country_code": "TUR", "target_country_code": "SOM"},
        ),
        # nationality stated on an earlier mention of the same person
        (
            "Brazilian President Michel Temer arrived in Berlin on Monday. Temer later criticised Japan.",
            "criticise",
            {"actor_country_code": "BRA", "target_country_code": "JPN"},
        ),
        # ... also where that mention is possessive (the model's PERSON span keeps the "'s",
        # the mention drops it)
        (
            "Zambian Foreign Minister Joe Malanji's visit ended on Monday. Malanji later accused "
            "Zimbabwe of smuggling.",
            "accuse",
            {"actor_country_code": "ZMB", "target_country_code": "ZWE"},
        ),
        # a joint act by coordinated actors goes from the first to the second
        (
            "The EU and Turkey signed an agreement.",
            "sign agreement",
            {"actor_country_code": "IGO", "target_country_code": "TUR"},
        ),
        # a participle clause shares the subject; the phrase's preposition names the target
        (
            "US Secretary of State Rex Tillerson began his tour on Friday, holding talks with "
            "Japan's foreign minister.",
            "hold talk with",
            {"actor_country_code": "USA", "target_country_code": "JPN"},
        ),
        # not asserted: a gerund under a preposition, a conditional clause
        (
            "Rebels accused the army of shelling the Syrian city of Aleppo.",
            "shell",
            {"hypothetical": True},
        ),
        ("If Iraq attacks Kuwait, the US will respond.", "attack", {"hypothetical": True}),
        # an obligation is not an event; neither is a passive gerund under a preposition
        ("Russian officials must meet with the protesters.", "meet with", {"hypothetical": True}),
        (
            "His fear of being deported to Ghana by the US grew.",
            "deport",
            {"hypothetical": True},
        ),
        # a prospect has not happened: likely, expected, going to
        ("Russia is likely to attack Ukraine.", "attack", {"hypothetical": True}),
        (
            "Russia is expected to attack Ukraine.",
            "attack",
            {"hypothetical": True, "actor_country_code": "RUS", "target_country_code": "UKR"},
        ),
        ("Russia is going to attack Ukraine.", "attack", {"hypothetical": True}),
        # ... but an announced meeting is the intent to meet (036), which is the event
        (
            "Putin is going to meet Erdogan.",
            "meet",
            {"event_code": "036", "hypothetical": False, "target_country_code": "TUR"},
        ),
        # welcoming a visitor is hosting (043), welcoming a decision is praise (051)
        (
            "US President Donald Trump welcomed German Chancellor Angela Merkel to the White House.",
            "welcome",
            {"event_code": "043", "target_country_code": "DEU"},
        ),
        ("Germany welcomed the decision.", "welcome", {"event_code": "051"}),
        # events3: nationality stated elsewhere in the corpus (actor_affiliations.tsv)
        (
            "Shultz met Japanese Foreign Minister Tadashi Kuranari in Tokyo.",
            "meet",
            {"actor_country_code": "USA", "target_country_code": "JPN"},
        ),
        # an official with no stated nationality serves the sentence's (other) country
        (
            "Ministry spokesman Shen Danyang urged the Office of the US Trade Representative "
            "to treat Chinese companies objectively.",
            "urge",
            {"actor_country_code": "CHN", "target_country_code": "USA"},
        ),
        # an attack without a national target hits the country where it happens
        (
            "Dozens of people have been killed in air strikes on the Syrian city of Idlib.",
            "kill",
            {"event_root_code": "19", "actor_country_code": None, "target_country_code": "SYR"},
        ),
        # a reporting verb with an addressee is a statement to it (statement_verbs.tsv)
        (
            "Russian Deputy Prime Minister Vitaly Mutko told reporters that the situation "
            "remains complicated.",
            "tell",
            {"event_code": "010", "actor_country_code": "RUS"},
        ),
        # a missile fired at nothing is a show of force; the nouns' modifiers do not hide
        # the lexicon phrase ("a banned ballistic missile", "a 13 mln dlr contract")
        (
            "North Korea fired a banned ballistic missile on Sunday.",
            "fire missile",
            {"event_code": "150", "actor_country_code": "PRK", "target_country_code": None},
        ),
        (
            "Hamas fired rockets at Israel.",
            "fire rocket",
            {"event_root_code": "19", "target_country_code": "ISR"},
        ),
        (
            "A US company has signed a 13 mln dlr contract with the Iraqi government.",
            "sign contract with",
            {"event_code": "057", "actor_country_code": "USA", "target_country_code": "IRQ"},
        ),
        # "two days of talks" is "begin talk"; talks abroad are held with the host country
        (
            "Soviet deputy prime minister Alexei Antonov begins two days of economic talks in "
            "Bonn.",
            "begin talk",
            {"event_root_code": "04", "actor_country_code": "RUS", "target_country_code": "DEU"},
        ),
        # an announced meeting is the intent to meet (036)
        (
            "French government ministers will meet next Tuesday to discuss the deficit.",
            "meet",
            {"event_code": "036", "actor_country_code": "FRA"},
        ),
        # a participle with a by-agent acts on the noun it modifies
        (
            "Canada, strongly supported by Australia, has championed the cause.",
            "support",
            {"event_root_code": "05", "actor_country_code": "AUS", "target_country_code": "CAN"},
        ),
        # a joint act of two nationalities goes from the first to the second
        (
            "American and Soviet arms negotiators will resume talks on curbing missiles.",
            "resume talk",
            {"event_code": "036", "actor_country_code": "USA", "target_country_code": "RUS"},
        ),
        # members of an intergovernmental body are IGO
        (
            "Representatives of the Group of Seven will meet in Porto Cervo next week.",
            "meet",
            {"event_code": "036", "actor_country_code": "IGO"},
        ),
        # "X said he ...": he is X; a predicate's own object points on to the target
        (
            "Bank of Japan governor Satoshi Sumita said he welcomed the U.S. decision.",
            "welcome",
            {"actor_country_code": "JPN"},
        ),
        (
            "Russian President Vladimir Putin has offered condolences to his Turkish "
            "counterpart Recep Tayyip Erdogan.",
            "offer condolence",
            {"actor_country_code": "RUS", "target_country_code": "TUR"},
        ),
        # a verb coordinated with a passive shares its subject as target
        (
            "The Netherlands was invaded by Nazi Germany in 1940 and occupied until 1945.",
            "occupy",
            {"actor_country_code": "DEU", "target_country_code": "NLD"},
        ),
        # plural demonyms name the people (not a state company's purchase "from the Saudis":
        # commerce, which the annotation leaves uncoded and the scorer learnt to drop)
        (
            "The army arrested the Saudis yesterday.",
            "arrest",
            {"target_country_code": "SAU"},
        ),
        # people groups without a nationality act for the country their sentence names
        (
            "Voters in the Swiss Alps have rejected the government's plan.",
            "reject",
            {"actor_country_code": "CHE"},
        ),
        (
            "He traveled to Nicaragua, where Cuba supported Sandinista rebels.",
            "support",
            {"actor_country_code": "CUB", "target_country_code": "NIC"},
        ),
        # an official target in a sentence naming no other country is the actor's own
        (
            "Leading Japanese businessmen called on the prime minister to show leadership.",
            "call on",
            {"actor_country_code": "JPN", "target_country_code": "JPN"},
        ),
        # a person target named without nationality does not take a country of the sentence
        (
            "McCord said Baratov was arrested this week on a US warrant in Canada.",
            "arrest",
            {"target_text": "Baratov", "target_country_code": None},
        ),
        # a name in apposition takes the nationality of the phrase it renames
        (
            "The government of president Victor Paz Estenssoro, faced\nwith mounting social "
            "unrest against its economic policies, has\nsaid the miners strike was part of a "
            "campaign to discredit it\nduring the visit of West German president, Richard "
            "von\nWeizsaecker, who arrives today for a four-day official visit.",
            "arrive",
            {"actor_country_code": "DEU"},
        ),
        # a passive coordinated with an active verb shares its subject as target, no actor
        (
            "Karim Baratov returned to Germany in 2016 and was arrested at Duesseldorf airport.",
            "arrest",
            {"actor_text": None, "target_text": "Karim Baratov"},
        ),
        # the subject of a passive completes a lexicon phrase as its object would
        (
            "Tehran radio said the attack was launched last night in northern Iraq.",
            "launch attack",
            {"event_root_code": "19", "target_country_code": "IRQ"},
        ),
        # a participle modifying its object noun: "sanctions imposed by" is 163, not 170
        (
            "Sanctions imposed by the US hurt the economy.",
            "impose sanction",
            {"event_code": "163", "actor_country_code": "USA"},
        ),
        # a refusal is a rejection (12x) coded from the refused act, aimed at its target; the
        # refused act itself did not happen
        (
            "Iraq refused to meet the Kurdish delegation.",
            "refuse to meet",
            {"event_code": "125", "actor_country_code": "IRQ", "negated": False},
        ),
        ("Iraq refused to meet the Kurdish delegation.", "meet", {"negated": True}),
        (
            "Japan refused to lift sanctions on Iran.",
            "refuse to lift",
            {"event_code": "124", "target_country_code": "IRN"},
        ),
        (
            "Turkey declined to join the coalition against Iraq.",
            "decline to join",
            {"event_root_code": "12", "actor_country_code": "TUR"},
        ),
        # an agreement or promise to act is an intent (03x) coded from the act, which is
        # itself hypothetical; a promised hostile act is a threat
        (
            "North Korea agreed to meet South Korean officials.",
            "agree to meet",
            {"event_code": "036", "actor_country_code": "PRK", "target_country_code": "KOR"},
        ),
        ("North Korea agreed to meet South Korean officials.", "meet", {"hypothetical": True}),
        (
            "West Germany pledged to cooperate with France.",
            "pledge to cooperate",
            {"event_root_code": "03", "actor_country_code": "DEU", "hypothetical": False},
        ),
        (
            "Canada vowed to fight the U.S. action.",
            "vow to fight",
            {"event_code": "130", "target_country_code": "USA"},
        ),
        # a meeting dated after publication is announced, not held: 036
        (
            "Mikulic visits West Germany next week.",
            "visit",
            {"event_code": "036", "target_country_code": "DEU"},
        ),
        # "its"/"their" stand for the body named before them in the sentence
        (
            "Iraq said its forces retook Qaraqosh.",
            "retake",
            {"actor_country_code": "IRQ", "target_country_code": "IRQ"},
        ),
        # ... but only for actors: a thing the body owns is no target ("its arms ban")
        (
            "The EU imposed its arms ban on China in 1989.",
            "impose ban on",
            {"event_code": "163", "actor_country_code": "IGO", "target_country_code": "CHN"},
        ),
        # "the Netherlands": the recogniser leaves the article out, the gazetteer finds it
        (
            "Turkish President Recep Tayyip Erdogan accused the Netherlands of fascism.",
            "accuse",
            {"actor_country_code": "TUR", "target_country_code": "NLD"},
        ),
        # an object without a country: the act is aimed by its preposition's object
        (
            "The U.S. has offered subsidised wheat to China.",
            "offer",
            {"actor_country_code": "USA", "target_text": "China", "target_country_code": "CHN"},
        ),
        # ... but a statement's target is its addressee alone
        (
            '"We do not want to export a model," Garcia told a press conference at the end '
            "of an official visit to Mexico.",
            "tell",
            {"event_code": "010", "target_text": "a press conference", "target_country_code": None},
        ),
        # ... or at the object's national owner
        (
            "Brazil rejected Argentina's proposal on Tuesday.",
            "reject",
            {"actor_country_code": "BRA", "target_country_code": "ARG"},
        ),
        # a country the recogniser missed still gives an official its country
        (
            "Mr Brown has signed a debt relief deal with Tanzania which could cost the UK £1 billion.",
            "sign deal with",
            {"actor_country_code": "GBR", "target_country_code": "TZA"},
        ),
        # an IGO named inside the actor's phrase makes it IGO, not the sentence's other country
        (
            "European Community agriculture ministers agreed to extend the milk marketing "
            "years, Belgian minister Paul de Keersmaeker said.",
            "agree to extend",
            {"actor_country_code": "IGO"},
        ),
        # a killing by unconventional violence is an assault (18x), by forces a 19x attack
        ("A gunman killed three people in Munich.", "kill", {"event_code": "180"}),
        ("A suicide bomber killed 12 policemen in Kabul.", "kill", {"event_code": "183"}),
        # ... and so is an attack by one
        (
            "Three French soldiers were attacked by an individual at Orly airport.",
            "attack",
            {"event_code": "180", "target_country_code": "FRA"},
        ),
        (
            "Kim Jong-nam was killed by an assassin with a toxic nerve agent at the airport.",
            "kill",
            {"event_code": "180"},
        ),
        (
            "Russian air strikes killed 20 civilians in Idlib.",
            "kill",
            {"event_code": "190", "actor_country_code": "RUS", "target_country_code": "SYR"},
        ),
        # a meeting abroad is with its host, but an IGO's meeting in a city is not
        (
            "European Community trade experts will meet in Brussels tomorrow.",
            "meet",
            {"actor_country_code": "IGO", "target_country_code": None},
        ),
        # a nation that backs or hosts the actor is not its country; one that leads it is
        (
            "The Turkish-backed Syrian rebels have attacked IS in al-Bab.",
            "attack",
            {"actor_country_code": "SYR"},
        ),
        (
            "The UK-based Syrian Observatory for Human Rights accused Russia of bombing.",
            "accuse",
            {"actor_country_code": "SYR", "target_country_code": "RUS"},
        ),
        # ... nor the country of either side where the phrase states none
        (
            "Russian-backed separatists shelled Mariupol.",
            "shell",
            {"actor_country_code": None},
        ),
        # the parser reads "The US-led coalition bombed Mosul" as a noun phrase (the
        # coalition is its leading nation, as in the seed's warning)
        (
            "The US-led coalition bombed Mosul on Tuesday.",
            "bomb",
            {
                "actor_text": "The US-led coalition",
                "actor_country_code": "USA",
                "target_country_code": "IRQ",
            },
        ),
        # coordinated actors meet the partner the clause names, not each other
        (
            "US Secretary of State Rex Tillerson and John Kelly met with Mexican officials "
            "in Mexico City.",
            "meet with",
            {"actor_country_code": "USA", "target_country_code": "MEX"},
        ),
        # naming something with a word of disapproval criticizes it; the parser's reading of
        # "Trump called" as "a name called X" is repaired, so Trump is the actor
        (
            'Trump called NATO "obsolete" and tweeted last week.',
            "call",
            {"event_code": "111", "actor_country_code": "USA", "target_country_code": "IGO"},
        ),
        (
            "The Kremlin described the sanctions as illegal.",
            "describe",
            {"event_code": "111", "actor_country_code": "RUS"},
        ),
        # "bombed" read as a participle of the root noun ("the coalition [that was] bombed")
        # is the clause's verb when a named object follows
        (
            "The US-led coalition bombed Mosul.",
            "bomb",
            {"actor_text": "The US-led coalition", "target_country_code": "IRQ"},
        ),
        # bare "imposed" in the news is a sanction (163) unless its phrase says otherwise
        (
            "Washington imposed new measures on Iranian banks.",
            "impose",
            {"event_code": "163", "actor_country_code": "USA"},
        ),
        ("Iraqi authorities imposed a curfew in Baghdad.", "impose curfew", {"event_code": "1723"}),
        # an attack explained by what the attacker said is an attack in words (111)
        (
            "South African president Thabo Mbeki has attacked British imperialists, saying "
            "they treated Africans like savages.",
            "attack",
            {"event_code": "111", "actor_country_code": "ZAF", "target_country_code": "GBR"},
        ),
        # refusing to say is declining comment (011); refusing an act stays a rejection
        (
            "Iran's foreign minister refused to comment on the talks.",
            "refuse to comment",
            {"event_code": "011", "actor_country_code": "IRN"},
        ),
        ("Iran refused to release the prisoners.", "refuse to release", {"event_code": "124"}),
        # rejecting accusations is denying them (016)
        (
            "Angela Merkel rejected Ankara's accusations of supporting terrorists.",
            "reject",
            {"event_code": "016", "actor_country_code": "DEU", "target_country_code": "TUR"},
        ),
        # agreeing with a view is expressing accord (019); agreeing to act is an intent
        (
            "Gerard Guillonneau of France agreed that the 1979 agreement had worked well.",
            "agree that",
            {"event_code": "019", "actor_country_code": "FRA"},
        ),
        ("Japan agreed to open its rice market.", "agree to open", {"event_root_code": "03"}),
        # punitive duties are sanctions (163), as tariffs are
        (
            "Washington imposed punitive duties on Japanese goods.",
            "impose duty on",
            {"event_code": "163", "actor_country_code": "USA", "target_country_code": "JPN"},
        ),
        # the lemmatizer's "fin" for "fined" is mended, so the lexicon finds "fine"
        (
            "Germany fined Volkswagen for cheating on emissions tests.",
            "fine",
            {"event_root_code": "17", "actor_country_code": "DEU"},
        ),
    ],
)
def test_event_table(process: Process, text: str, predicate: str, expected: dict[str, object]):
    result = process(text, "2016-10-21")
    event = next(e for e in result.events if e.predicate == predicate)
    assert {k: getattr(event, k) for k in expected} == expected


def test_reporting_verb_with_quote_is_statement_event(process: Process):
    result = process(
        "Iran accused the United States of sabotage, warning that it would retaliate.",
        "2016-10-21",
    )
    warn = next(e for e in result.events if e.predicate == "warn")
    assert warn.quote_id is not None and warn.actor_country_code == "IRN"
    assert next(e for e in result.events if e.predicate == "retaliate").hypothetical


@pytest.mark.parametrize(
    ("text", "predicate", "day", "precision"),
    [
        # the reporting verb's date is not the reported act's
        ("Russia told reporters on Monday that Iraqi forces had retaken Qaraqosh.", "tell",
         date(2016, 10, 17), "day"),
        ("Russia told reporters on Monday that Iraqi forces had retaken Qaraqosh.", "retake",
         None, None),
        # a bound, a thing's date
        ("Japan agreed to extend the ban until July 1.", "agree to extend", None, None),
        ("Japan accused China of violating a 1986 pact.", "accuse", None, None),
        ("Iran condemned the March 20-21 talks.", "condemn", None, None),
        # what a modal puts ahead is dated ahead
        ("The minister said he would visit Moscow on Monday.", "visit", date(2016, 10, 24), "day"),
        # a participle clause happens then too; "ago"
        ("Two years ago, Turkey shot down a Russian jet, killing one pilot.", "kill",
         date(2014, 1, 1), "year"),
        # a when-clause dates its head
        ("Putin criticised Turkey when Erdogan visited Moscow last month.", "criticise",
         date(2016, 9, 1), "month"),
        # a dated occasion; a bare date the parser hangs on the reported clause
        ("Rule told the panel at today's hearing that the department opposed the merger.", "tell",
         date(2016, 10, 21), "day"),
        ("Turnbull told reporters Tuesday the arrest showed the threat.", "tell",
         date(2016, 10, 18), "day"),
        ("Police arrested two Iraqi men in Berlin this afternoon.", "arrest",
         date(2016, 10, 21), "day"),
        # a span of days starts on its first
        ("Egypt and Israel will hold talks on March 20-21.", "hold talk", date(2017, 3, 20), "day"),
        # a past the tagger calls a present (VBP) is past: the Monday before, not the next
        ("Iraqi forces retook the town of Qaraqosh on Monday.", "retake", date(2016, 10, 17),
         "day"),
    ],
)  # fmt: skip
def test_event_dates(process: Process, text: str, predicate: str, day, precision):
    """The date the sentence states for the act (docs/event_annotation.md, section 6)."""
    event = next(e for e in process(text, "2016-10-21").events if e.predicate == predicate)
    assert (event.event_date, event.date_precision) == (day, precision), text


@pytest.mark.parametrize(
    ("text", "predicate", "place"),
    [
        # the act's own clause places it; a reported act has its own place
        ("Russia told reporters in Ankara that Syrian forces had bombed Idlib.", "tell", "Ankara"),
        ("Russia told reporters in Ankara that Syrian forces had bombed Idlib.", "bomb", "Idlib"),
        ("The ministers met in Geneva on Monday.", "meet", "Geneva"),
        ("The president met senior advisers at the White House.", "meet", "White House"),
        # a place in the phrase of the clause's place
        ("A car bomb exploded at the Paris offices of the IMF.", "explode", "Paris"),
        # a journey's end, a place struck
        ("Funaro travelled to the United States for talks with creditors.", "travel",
         "United States"),
        ("Iraqi forces retook Qaraqosh.", "retake", "Qaraqosh"),
        ("Russian jets bombed the outskirts of Idlib.", "bomb", "Idlib"),
        ("African Union forces attacked one of the group's camps in the southern region of Juba.",
         "attack", "Juba"),
        # not a thing's place, nor a country acted on in words, nor troops' country
        ("Colombia denied selling coffee to clients in Europe.", "deny", None),
        ("Russia warned Turkey.", "warn", None),
        ("Egypt has agreed to build two new roads in Uganda.", "agree to build", None),
    ],
)  # fmt: skip
def test_event_places(process: Process, text: str, predicate: str, place: str | None):
    """Where the act happened, as its sentence says (docs/event_annotation.md, section 7)."""
    result = process(text, "2016-10-21")
    event = next(e for e in result.events if e.predicate == predicate)
    names = {e.entity_id: {e.name, *e.aliases} for e in result.entities}
    if place is None:
        assert event.location_entity_id is None, text
    else:
        assert place in names[event.location_entity_id], text


@pytest.mark.parametrize(
    ("text", "predicate", "negated", "hypothetical"),
    [
        # done by no one, or to nothing
        ("No group has claimed responsibility for the attack.", "claim responsibility",
         True, False),
        ("Russia presented no evidence of interference.", "present evidence", True, False),
        # avoiding an act is not doing it
        ("Turkey would avoid clashing with Russia.", "clash", True, True),
        # the purpose of an act that may not happen may not happen
        ("The House would vote to block aid to the rebels.", "block", False, True),
        # what is feared is not told as happening
        ("Analysts fear Russia will attack Ukraine.", "attack", False, True),
    ],
)  # fmt: skip
def test_event_flags(process: Process, text: str, predicate: str, negated, hypothetical):
    """Negated and hypothetical acts (docs/event_annotation.md, section 8)."""
    event = next(e for e in process(text, "2016-10-21").events if e.predicate == predicate)
    assert (event.negated, event.hypothetical) == (negated, hypothetical), text


def test_a_dateline_places_the_days_news_only(process: Process):
    """The dateline is where the day's news was filed: background acts dated away from
    publication (``In 2010``, ``last month``) are not placed there."""
    text = (
        "MOSCOW - Russia warned Turkey on Tuesday against closing the straits. "
        "In 2010, Russia accused Georgia of provoking the war. Putin met Erdogan last month."
    )
    result = process(text, "2016-10-21")
    names = {e.entity_id: e.name for e in result.entities}
    placed = {e.predicate: names.get(e.location_entity_id) for e in result.events}
    assert placed == {"warn": "Moscow", "accuse": None, "meet": None}
    # a dateline city spelt with its article is found as well
    result = process("THE HAGUE - The Dutch government criticised Turkey on Tuesday.", "2016-10-21")
    names = {e.entity_id: e.name for e in result.entities}
    assert [names.get(e.location_entity_id) for e in result.events] == ["The Hague"]


def test_going_to_is_the_future_not_a_journey(process: Process):
    result = process("Russia is going to attack Ukraine.", "2016-10-21")
    assert [e.predicate for e in result.events] == ["attack"]
    # (went to meet: the journey is coded as well as the meeting)
    went = process("Putin went to meet Erdogan.", "2016-10-21")
    assert {e.predicate for e in went.events} == {"go to", "meet"}


def test_filing_papers_is_no_lawsuit(process: Process):
    # the annotated sentences code "filed" as a lawsuit (115); a filed report or bankruptcy
    # is none, whether the code comes from the lexicon or was learnt
    assert process("LTV filed Chapter 11 bankruptcy last July 17.").events == []
    assert process("The airline filed its annual report.").events == []
    suit = process("Apple filed a suit against Samsung.").events
    assert [(e.predicate, e.event_code) for e in suit] == [("file suit", "115")]


def test_opinions_and_company_deals_are_not_events(process: Process, resources: Resources):
    # the rules code no accord between unnamed economists; the scorer may add one, as the
    # annotators code "Bank of Japan economists agreed the economy is better placed" (019)
    rules = replace(resources, event_scorer=None)
    text = "Economists agreed that growth would slow."
    assert process(text, "2016-10-21", using=rules).events == []
    assert process("Italy's Illva Saronno has agreed to buy 33% of Changyu.").events == []


def test_deaths_nobody_dealt_are_not_events(process: Process):
    # a disaster, an accident or a disease is no actor (disaster_words.txt); nor is suicide
    assert process("An avalanche has killed seven Japanese high school students.").events == []
    assert (
        process(
            "Four Swiss men were killed when their group was swept away by an avalanche."
        ).events
        == []
    )
    assert process("In 2016, as many as 820 children killed themselves.").events == []
    strikes = process("Russian air strikes killed 20 civilians in Idlib.").events
    assert [e.event_root_code for e in strikes] == ["19"]


@pytest.mark.parametrize(
    "text",
    [
        "Hailstorms and strong winds in south China killed two people.",
        # a when-clause the parser hangs on "yesterday"
        "Seven Americans were killed yesterday, when a bomber crashed at an airport in Connecticut.",
        # the disease is the subject of the verb the killing is coordinated with
        "Chinese officials said the virus has infected 200 people in Wuhan and killed three.",
    ],
)
def test_weather_crashes_and_diseases_kill_nobody(
    process: Process, resources: Resources, text: str
):
    rules = replace(resources, event_scorer=None)
    assert [e for e in process(text, using=rules).events if e.event_root_code == "19"] == []


def test_a_wave_of_bombings_is_no_disaster(process: Process, resources: Resources):
    rules = replace(resources, event_scorer=None)
    text = "A wave of bombings by Islamic State killed 20 Iraqis in Baghdad."
    events = process(text, using=rules).events
    assert [(e.event_code, e.target_country_code) for e in events] == [("183", "IRQ")]


def test_football_qualifiers_are_sport(process: Process):
    text = "The Republic met the Swiss in their final Euro 2004 qualifier, losing 2-0 away."
    assert process(text).events == []


def test_a_neutral_name_is_no_criticism(process: Process):
    assert process("A company called Malibu won the contract.").events == []
    assert process("Economists compared the growth of China with that of Japan.").events == []
    text = 'We found ourselves able to meet competition even compared with Chinese goods," he said.'
    assert [e for e in process(text).events if e.predicate == "compare"] == []
    events = process("The minister called the meeting a success.", "2016-10-21").events
    assert all(e.event_code != "111" for e in events)


def test_company_dealings_without_a_national_counterpart_are_not_events(process: Process):
    # a company (legal form or noun) acting on no country is business; towards a country
    # it is coded
    signed = process("Trust America Service Corp said it has signed an agreement to lend.")
    assert [e for e in signed.events if e.predicate == "sign agreement"] == []
    with_japan = process("China Everbright Holdings Co Ltd signed an accord with Japan.")
    sign = next(e for e in with_japan.events if e.predicate.startswith("sign"))
    assert (sign.actor_country_code, sign.target_country_code) == ("CHN", "JPN")


def test_events_between_unnamed_actors_are_dropped(process: Process):
    # neither side has a country or a named entity: nothing to code the event between
    assert process("A political crisis threatened a fragile ceasefire.", "2016-10-21").events == []


def test_idiomatic_objects_are_not_events(process: Process):
    # "met all obligations" is not a meeting (non_event_objects.txt)
    events = process("Moi said Kenya had met all obligations on its foreign debt.").events
    assert [e for e in events if e.predicate == "meet"] == []
    # a market or an economy hit by a slump, a price hitting a low: no attack
    assert process("Indonesia was badly hit by last year's slump in oil prices.").events == []
    # ... and the same cause as the subject
    assert process("The dollar's weakness has hit German and Japanese exporters.").events == []
    assert process("Canadian potash imports were injuring the U.S. industry.").events == []
    assert (
        process("Dutch voters were hard hit by the government's austerity measures.").events == []
    )
    assert process("The dollar hit a 40-year low against the yen.").events == []
    # publishing figures, a report or a film releases nobody, as a participle too
    for text in (
        "The ministry released new trade figures on Monday.",
        "Payments will fall by 64 pct, according to Finance Ministry figures released today.",
    ):
        assert [e for e in process(text).events if e.predicate == "release"] == []
    # a book telling a story tells nobody
    assert process("Wolf Brother tells the story of Torak, a young hunter.").events == []
    # forced by circumstance, nobody forced anyone
    forced = process("GM and Ford have been forced to cut production.").events
    assert [e for e in forced if e.predicate == "force"] == []
    # a book striking a chord or a nerve strikes nobody
    assert process("The film has struck a chord with many young Chinese.").events == []
    # offers rejected at a tender are a purchase not made, not a rebuff
    tender = process("Brazil rejected all offers at tonight's wheat tender.").events
    assert [e for e in tender if e.predicate.startswith("reject")] == []
    # a currency or a market supported by news is no backing
    supported = process("The pound was supported by an improved British economic outlook.")
    assert supported.events == []
    # a plain "did not say" is no refusal to comment
    assert process("The Russian ministry did not say when the report was written.").events == []
    hit = [e for e in process("Israeli jets hit targets in Gaza.").events if e.predicate == "hit"]
    assert [(e.event_root_code, e.actor_country_code) for e in hit] == [("19", "ISR")]
    # a plan that meets with a reception or resistance meets nobody; a leader meeting with
    # another is a meeting
    assert process("The plan met with resistance from Germany.").events == []
    assert process("Any criticism of Moscow was met with derision.").events == []
    assert process("Oliver Stone's film met with scathing reviews from US critics.").events == []
    assert process("It will be challenging for Latvia to meet the objective.").events == []
    assert process("The row has poisoned relations between Russia and Britain.").events == []
    met = process("Putin met with Erdogan in Ankara.").events
    assert [(e.event_root_code, e.actor_country_code, e.target_country_code) for e in met] == [
        ("04", "RUS", "TUR")
    ]


def test_short_words_are_not_country_codes(process: Process, resources: Resources):
    # "Arm" is Armenia's ISO code in the gazetteer, not a country inside an organisation name;
    # the rules' countries are what is tested (the scorer may drop a company's rejection)
    rules = replace(resources, event_scorer=None)
    text = "The Arm Holdings board rejected the Japanese offer."
    events = process(text, "2016-10-21", using=rules).events
    reject = next(e for e in events if e.predicate == "reject offer")
    assert reject.actor_country_code is None and reject.target_country_code == "JPN"


def test_compounds_produce_no_events(process: Process):
    assert process("US-led forces entered the rebel-held district.", "2016-10-21").events == []


def test_phrase_heads_are_derived_from_the_lexicon():
    from transforms.resources import Resources

    lexicon = {"speak by telephone with": "040", "call on": "020", "attack": "190"}
    assert Resources(cameo_verbs=lexicon).cameo_phrase_heads == {"speak", "call"}


def test_the_lexicon_covers_a_thousand_verbs_with_codebook_codes(resources: Resources):
    # the issue's floor: at least 1,000 verb lemmas, each with a code of its own (a lemma
    # that only heads phrases is not counted), every code one the CAMEO codebook defines
    lexicon = resources.cameo_verbs
    assert len([pattern for pattern in lexicon if " " not in pattern]) >= 1000
    assert {code for code in lexicon.values()} <= resources.cameo_codes.keys()
    assert {"retake", "warn", "attack", "meet", "sanction"} <= lexicon.keys()


def test_phrase_entries_still_match_after_their_head(process: Process):
    # "call" starts a lexicon phrase ("call on"): the words after it are read
    events = process("Germany called on Russia to withdraw its troops.").events
    assert [(e.predicate, e.event_code) for e in events if e.actor_text == "Germany"] == [
        ("call on", "020")
    ]


def test_quote_cues_that_name_other_acts_are_not_events(process: Process):
    # a verb that only introduces a quote is the statement: "he asked" is no request,
    # "promised ... 'fully justified'" no pledge; aimed at someone it is coded as before
    asked = process('"Why do we say it is all a matter of money?", the Irish minister asked.')
    assert [e for e in asked.events if e.predicate == "ask"] == []
    urged = process('"Stop the bombing," Germany urged Russia on Tuesday.', "2016-10-21")
    urge = next(e for e in urged.events if e.predicate == "urge")
    assert (urge.actor_country_code, urge.target_country_code) == ("DEU", "RUS")


def test_warned_that_without_a_quote_is_a_pessimistic_comment(process: Process):
    # "warned that" names the kind of statement (012), even when no quote is found
    text = "French Minister Francois Guillaume warned that France would reject the reforms."
    warn = next(e for e in process(text).events if e.predicate == "warn")
    assert (warn.event_code, warn.actor_country_code, warn.target_country_code) == (
        "012",
        "FRA",
        None,
    )
    # a cue coded as another act stays attribution, as it does with a quote
    insisted = process("French Minister Francois Guillaume insisted that France would win.")
    assert [e for e in insisted.events if e.predicate == "insist"] == []
    cautioned = process("The IMF cautioned that Israel's wage rises could undo the program.")
    assert [e.event_code for e in cautioned.events if e.predicate == "caution"] == ["012"]


def test_he_and_she_stand_for_the_nearest_person_named_before(
    process: Process, resources: Resources
):
    # "reports said he ...": he is a person named before, not the reports; the nearest
    # one may sit in the previous sentence
    text = (
        "Russian Foreign Minister Sergei Lavrov arrived in Ankara. "
        "Reports said he met Turkish President Recep Tayyip Erdogan on Monday."
    )
    meet = next(e for e in process(text, "2016-10-21").events if e.predicate == "meet")
    assert (meet.actor_text, meet.actor_country_code, meet.target_country_code) == (
        "Sergei Lavrov",
        "RUS",
        "TUR",
    )
    # ... of the pronoun's gender, as object too ("praised her")
    text = (
        "Donald Trump's comments about Angela Merkel stood out because he had previously "
        "praised her in 2015."
    )
    rules = process(text, "2017-03-20", using=replace(resources, event_scorer=None))
    praise = next(e for e in rules.events if e.predicate == "praise")
    assert (praise.actor_country_code, praise.target_text, praise.target_country_code) == (
        "USA",
        "Angela Merkel",
        "DEU",
    )


def test_it_stands_for_the_nearest_body_named_before_in_its_sentence(process: Process):
    text = "China Everbright Holdings grew fast in 1986, and it signed an accord with Japan."
    sign = next(e for e in process(text).events if e.predicate == "sign accord")
    assert (sign.actor_text, sign.actor_country_code, sign.target_country_code) == (
        "China Everbright Holdings",
        "CHN",
        "JPN",
    )


@pytest.mark.parametrize(
    ("text", "predicate", "countries"),
    [
        # events5: the curated actor dictionary (actor_countries.tsv) gives people, companies,
        # central banks, parties and armed groups the nationality everybody knows
        ("Gazprom cut gas supplies to Ukraine on Monday.", "cut supply", ("RUS", "UKR")),
        ("Takeshita met Reagan in Washington last week.", "meet", ("JPN", "USA")),
        ("The Bundesbank criticised Paris for its spending plans.", "criticise", ("DEU", "FRA")),
        ("Hezbollah fighters attacked Israeli positions.", "attack", ("LBN", "ISR")),
        ("Hamas accused Fatah of arresting its members.", "accuse", ("PSE", "PSE")),
        ("Pemex signed an agreement with Venezuela.", "sign agreement with", ("MEX", "VEN")),
        ("Kushner met the Saudi crown prince.", "meet", ("USA", "SAU")),
        # the US Congress in news without a country: senators, the Senate, congressmen
        ("Senators criticised Saudi Arabia over the war.", "criticise", ("USA", "SAU")),
        ("An Australian senator criticised China.", "criticise", ("AUS", "CHN")),
        # heads of IGOs; the curated full name before the corpus-derived bare surname
        # (actor_affiliations.tsv has Stoltenberg = the 1987 West German finance minister)
        ("Jens Stoltenberg warned Russia against moving troops.", "warn", ("IGO", "RUS")),
        # people acting for an IGO, whatever their nationality; a people in the plural
        ("A German member of the European Commission visited Paris.", "visit", ("IGO", "FRA")),
        ("Two West German members of the EC Commission met Kohl.", "meet", ("IGO", "DEU")),
        ("Poles protested against Russia's policy.", "protest", ("POL", "RUS")),
        # an official for or at a body the dictionary knows
        ("A spokesman for Hamas condemned the Israeli raid.", "condemn", ("PSE", "ISR")),
        ("Officials at the Bundesbank criticised France.", "criticise", ("DEU", "FRA")),
        # a nationality the phrase states wins over a dictionary name inside it
        ("The Indian National Congress accused Pakistan of lying.", "accuse", ("IND", "PAK")),
        ("Trump's Russian lawyer met Ukrainian officials.", "meet", ("RUS", "UKR")),
        ("Germany's Social Democrats criticised Turkey.", "criticise", ("DEU", "TUR")),
        ("The Russian ambassador to Washington met Turkish officials.", "meet", ("RUS", "TUR")),
        # a name ambiguous across countries ("-") keeps a shorter entry from matching inside it
        ("The Social Democrats criticised Turkey.", "criticise", (None, "TUR")),
        # an armed group named with another country keeps that one
        ("The Pakistani Taliban attacked a police station.", "attack", ("PAK", None)),
        # an ad-hoc coalition is its leading nation, where the sentence names one (the
        # annotation guidelines); not an IGO
        ("The US-led coalition bombed Raqqa.", "bomb", ("USA", "SYR")),
        ("A coalition led by Saudi Arabia attacked Yemen.", "attack", ("SAU", "YEM")),
        ("The international coalition attacked Raqqa.", "attack", (None, "SYR")),
        # a name the entity rules know is its canonical entity: the Islamic State is no
        # Iraqi group, whatever its long name says (a stated nationality still counts)
        ("The Islamic State of Iraq and Syria attacked Iraqi troops.", "attack", (None, "IRQ")),
        ("Iraqi Hezbollah attacked the base.", "attack", ("IRQ", None)),
    ],
)
def test_known_actors_take_their_country(
    process: Process, text: str, predicate: str, countries: tuple[str | None, str | None]
):
    event = next(e for e in process(text, "2016-10-21").events if e.predicate == predicate)
    assert (event.actor_country_code, event.target_country_code) == countries


def test_actor_dictionary_names_leftmost_longest():
    from transforms.resources import Resources

    table = (
        ("social democrats", "-"),
        ("democrats", "USA"),
        ("p.w. botha", "ZAF"),
        ("congress", "USA"),
        ("national people's congress", "CHN"),
    )
    resources = Resources(actor_countries=table)
    assert resources.known_actor_country("Senate Democrats") == "USA"
    assert resources.known_actor_country("the Swedish Social Democrats") is None
    assert resources.known_actor_country("P.W. Botha's government") == "ZAF"
    assert resources.known_actor_country("Democratsia") is None
    # possessives as the phrase spells them; a name written in lower case is a common noun
    assert resources.known_actor_country("the National People’s Congress") == "CHN"
    assert resources.known_actor_country("a congress of young communists") is None
    # a name in lower case is passed over, a later one counts; a name inside a word does not
    assert resources.known_actor_country("young democrats in Congress") == "USA"
    assert resources.known_actor_country("social democrats, Democrats") == "USA"
    assert resources.known_actor_country("CongressDemocrats") is None
    assert resources.known_actor_country("pro-Democrats") == "USA"


def test_each_nation_of_a_coordinated_actor_acts(process: Process):
    result = process("US and British warplanes attacked Islamic State positions in Syria.")
    attacks = [e for e in result.events if e.predicate == "attack"]
    assert sorted(e.actor_country_code for e in attacks) == ["GBR", "USA"]
    assert len({e.event_id for e in attacks}) == 2
    # a joint act between the two stays one event, from the first to the second
    result = process("Saudi Arabia and Russia signed an agreement on oil output.")
    signed = [e for e in result.events if e.event_root_code == "05"]
    assert [(e.actor_country_code, e.target_country_code) for e in signed] == [("SAU", "RUS")]


def test_each_nation_of_a_coordinated_target_is_acted_on(process: Process):
    # "A attacked B and C": one event per target of another country (the annotation guidelines)
    events = process("Turkish jets bombed Syria and Iraq on Sunday.", "2016-10-21").events
    bombed = {e.target_country_code: e for e in events if e.predicate == "bomb"}
    assert set(bombed) == {"SYR", "IRQ"}
    assert bombed["IRQ"].target_text == "Iraq" and bombed["IRQ"].actor_country_code == "TUR"
    assert len({e.event_id for e in bombed.values()}) == 2
    # the leaders of Turkey and Iraq: the seed's telephone call reaches both
    events = process("Putin spoke by telephone with the leaders of Turkey and Iraq.").events
    called = {e.target_country_code for e in events if e.predicate == "speak by telephone with"}
    assert called == {"TUR", "IRQ"}


def test_coordinated_nations_act_each_on_a_third_party(process: Process):
    # a cooperative act on a third nation is done by each ("offered wheat to Bangladesh"),
    # one between the coordinated nations goes from the first to the second
    events = process("Britain and Australia have offered 129,250 tonnes of wheat to Bangladesh.")
    offers = {(e.actor_country_code, e.target_country_code) for e in events.events}
    assert offers == {("GBR", "BGD"), ("AUS", "BGD")}
    talks = process("American and Soviet negotiators held talks in Geneva.").events
    assert {(e.actor_country_code, e.target_country_code) for e in talks} == {("USA", "RUS")}
    # statements too: each nation denies
    denials = process("South Korea and Japan denied they were planning a sell-off.").events
    assert {e.actor_country_code for e in denials if e.predicate == "deny"} == {"KOR", "JPN"}


def test_only_mutual_acts_go_from_one_coordinated_nation_to_the_other(process: Process):
    # support and pledges are each nation's own; agreeing and meeting are done with each other
    backed = process("Diplomats said Spain and Portugal backed the court's view.").events
    pairs = {(e.actor_country_code, e.target_country_code) for e in backed if e.predicate == "back"}
    assert pairs == {("ESP", None), ("PRT", None)}
    pledged = process("West Germany and Japan had both pledged to boost domestic demand.").events
    actors = {e.actor_country_code for e in pledged if e.event_root_code == "03"}
    assert actors == {"DEU", "JPN"}
    agreed = process("Japan and West Germany agreed to take steps to stimulate their economies.")
    pairs = {(e.actor_country_code, e.target_country_code) for e in agreed.events}
    assert pairs == {("JPN", "DEU")}


def test_a_conjunct_with_its_own_nationality_is_acted_on(process: Process):
    text = (
        "Tony Blair has met Italian Prime Minister Silvio Berlusconi and German Chancellor "
        "Gerhard Schroeder."
    )
    met = process(text).events
    assert {(e.actor_country_code, e.target_country_code) for e in met} == {
        ("GBR", "ITA"),
        ("GBR", "DEU"),
    }


def test_regional_and_two_word_demonyms(process: Process):
    text = "Virtually all Latin American leaders backed Brazil's suspension of payments."
    (backed,) = process(text).events
    assert backed.actor_country_code is None and backed.target_country_code == "BRA"
    (attack,) = process("North Korean troops attacked South Korean positions.").events
    assert (attack.actor_country_code, attack.target_country_code) == ("PRK", "KOR")


def test_sports_news_has_no_events(process: Process, resources: Resources):
    # the guidelines code no events in sport; the rules drop them (the scorer may keep one)
    rules = replace(resources, event_scorer=None)
    text = "Italy coach John Kirwan wants his side to beat Wales when they meet on Saturday."
    assert process(text, "2016-10-21", using=rules).events == []
    text = "Former Olympic champion Michael Johnson has accused Britain's top sprinters."
    assert process(text, "2016-10-21", using=rules).events == []
    text = "Henman will meet Spain's Carlos Moya after winning a second-set tie-break."
    assert process(text, "2016-10-21", using=rules).events == []
    text = "Ireland then struck again, Henderson reaching out after a driving maul to score."
    assert process(text, "2016-10-21", using=rules).events == []
    text = "The Chilean will meet sixth seed Juan Ignacio Chela next."
    assert process(text, "2016-10-21", using=rules).events == []
    text = "The American could meet Rusedski in the second round and Henman in the quarter-finals."
    assert process(text, "2016-10-21", using=rules).events == []
    text = "Russian hockey players grabbed the gold medal, defeating Canada."
    assert process(text, "2016-10-21", using=rules).events == []
    # the same clause outside sport is a meeting
    text = "Italian and Welsh ministers will meet on Saturday."
    assert [e.event_code for e in process(text, "2016-10-21", using=rules).events] == ["036"]


def test_an_audience_takes_no_country_from_the_sentence(process: Process):
    # the guidelines: reporters and journalists are null; the scorer may not fill them in
    text = "Wim Duisenberg, president of the Dutch central bank, told reporters in Amsterdam."
    told = [e for e in process(text, "1987-02-26").events if e.predicate == "tell"]
    assert [(e.event_code, e.target_text, e.target_country_code) for e in told] == [
        ("010", "reporters", None)
    ]


def test_lending_and_taking_in_refugees_are_aid_and_asylum(process: Process, resources: Resources):
    # the rules' codes (the scorer may drop a bank's loan as business)
    rules = replace(resources, event_scorer=None)
    loans = process("The ADB in 1986 approved two loans to India.", using=rules).events
    assert [
        (e.predicate, e.event_code, e.actor_country_code, e.target_country_code) for e in loans
    ] == [("approve loan", "071", "IGO", "IND")]
    refugees = process("Scotland accepted its 1,000th refugee.", using=rules).events
    assert [(e.event_code, e.actor_country_code) for e in refugees] == [("075", "GBR")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a workforce's strike is a stoppage (143), not an attack
        ("South African workers struck to protest the refusal of officials.", ("strike", "143")),
        ("Spanish dockers staged a 24-hour strike.", ("stage strike", "143")),
        # protesters block roads (144) and demonstrate (141)
        ("Spanish farmers blocked the road to Madrid.", ("block road", "144")),
        ("Thousands of Romanian students protested in Bucharest.", ("protest", "141")),
        # ... but an air strike stays one, and calling off a strike ends it
        ("The US launched air strikes on Syria.", ("launch air strike", "195")),
        ("The Dutch union FNV has called off the strikes.", ("call off strike", "087")),
        ("Israeli jets struck Gaza.", ("strike", "190")),
    ],
)
def test_crowds_strike_block_and_protest(
    process: Process, resources: Resources, text: str, expected: tuple[str, str]
):
    rules = replace(resources, event_scorer=None)
    events = process(text, using=rules).events
    assert [(e.predicate, e.event_code) for e in events][:1] == [expected]


def test_adjectives_of_lexicon_phrases_are_read(process: Process, resources: Resources):
    rules = replace(resources, event_scorer=None)
    # "impose martial law" (1724) is a lexicon phrase; a bare "imposed" is a sanction (163)
    law = process("The Russian government imposed martial law.", using=rules).events
    assert [(e.predicate, e.event_code) for e in law] == [("impose martial law", "1724")]
    # an adjective the lexicon has no phrase with is skipped: "new sanctions" are sanctions
    sanctions = process("Russia imposed new sanctions on Iran.", using=rules).events
    assert [(e.predicate, e.event_code) for e in sanctions] == [("impose sanction on", "163")]


def test_a_call_for_something_is_no_criticism_whatever_it_quotes(process: Process):
    # the parser hangs "for" on the infinitive here; the quoted "xenophobic" names nothing
    text = (
        "In response to the violence, the Nigerian government called for the African Union to "
        'step in and stop the "xenophobic attacks".'
    )
    codes = {e.predicate: e.event_code for e in process(text).events}
    assert codes.get("call for") == "020" and "call" not in codes


def test_a_hyphen_for_a_space_is_no_compound(process: Process, resources: Resources):
    rules = replace(resources, event_scorer=None)
    text = "Moscow has denied any military ambitions, instead accusing-NATO of encircling Russia."
    (accused,) = [e for e in process(text, using=rules).events if e.predicate == "accuse"]
    assert (accused.actor_country_code, accused.target_country_code) == ("RUS", "IGO")
    text = "Wilders has a fan in King, who praised-the Dutch politician on Sunday."
    assert [e.event_code for e in process(text, using=rules).events] == ["051"]
    # real compounds stay compounds
    assert process("US-led forces and rebel-held towns.", using=rules).events == []


def test_what_one_is_accused_of_trying_is_not_asserted(process: Process, resources: Resources):
    rules = replace(resources, event_scorer=None)
    text = "Moscow accused NATO of trying to encircle Russia."
    (encircle,) = [e for e in process(text, using=rules).events if e.predicate == "encircle"]
    assert encircle.hypothetical


def test_a_participle_without_an_agent_names_a_thing(process: Process, resources: Resources):
    rules = replace(resources, event_scorer=None)
    text = "Hospitals lack medicines because of the Western sanctions imposed against Syria."
    assert process(text, using=rules).events == []
    # with an agent it is the act of the agent; a killing stays a killing
    text = "Many Greeks resent the austerity measures imposed by the IMF."
    (imposed,) = process(text, using=rules).events
    assert (imposed.event_root_code, imposed.actor_country_code) == ("16", "IGO")
    text = "Trump also honoured an American commando killed in a Yemen raid on January 29."
    assert "kill" in [e.predicate for e in process(text, using=rules).events]


def test_a_finite_verb_after_an_infinitive_or_a_demand_shares_the_upper_subject(
    process: Process, resources: Resources
):
    rules = replace(resources, event_scorer=None)
    text = (
        "Al Jazeera has demanded that Egypt unconditionally release Hussein and condemned the "
        "continued renewal of his detention."
    )
    actors = {e.predicate: e.actor_text for e in process(text, using=rules).events}
    assert actors["condemn"] == "Al Jazeera" and actors["release"] == "Egypt"
    text = "Al Jazeera has demanded that Egypt release Hussein while condemning a court order."
    actors = {e.predicate: e.actor_text for e in process(text, using=rules).events}
    assert actors["condemn"] == "Al Jazeera"
    text = (
        "Foreign Secretary Dominic Raab urged the embassy to reconsider and spoke with US "
        "Secretary of State Mike Pompeo about the case."
    )
    (spoke,) = [e for e in process(text, using=rules).events if e.predicate == "speak with"]
    assert spoke.actor_text == "Foreign Secretary Dominic Raab"


def test_a_gerund_after_by_before_including_or_despite_happened(
    process: Process, resources: Resources
):
    rules = replace(resources, event_scorer=None)
    cases = [
        (
            "Erdogan continued his campaign on Monday by accusing German Chancellor Angela "
            "Merkel of supporting terrorists.",
            "accuse",
            ("TUR", "DEU"),
        ),
        ("The UN ambassadors flew to Yaounde before heading to Chad.", "head to", ("IGO", "TCD")),
        ("Fighting continued, with Syrian jets bombing Aleppo.", "bomb", ("SYR", "SYR")),
    ]
    for text, predicate, countries in cases:
        events = process(text, using=rules).events
        event = next(e for e in events if e.predicate == predicate)
        assert not event.hypothetical, text
        assert (event.actor_country_code, event.target_country_code) == countries, text


@pytest.mark.parametrize(
    "text", ["The Paris Club agreed to reschedule Bolivia's debt.", "The UNECE warned the US."]
)
def test_more_intergovernmental_bodies(process: Process, resources: Resources, text: str):
    rules = replace(resources, event_scorer=None)
    assert [e.actor_country_code for e in process(text, using=rules).events][:1] == ["IGO"]


def test_a_journey_is_a_visit_and_one_on_the_schedule_an_intent(process: Process):
    # published on Friday 2016-10-21: "leaves ... on Tuesday" in the present is scheduled
    cases = [
        ("A Japanese trade team left for Washington today.", "leave for", "042", "2016-10-21"),
        ("Nakasone leaves for Washington on Tuesday.", "leave for", "036", "2016-10-25"),
        (
            "Nakasone leaves on his sixth official visit to the United States on Tuesday.",
            "leave on visit",
            "036",
            "2016-10-25",
        ),
        ("The delegation flew to Yaounde on Monday.", "fly to", "042", "2016-10-17"),
    ]
    for text, predicate, code, day in cases:
        event = next(e for e in process(text, "2016-10-21").events if e.predicate == predicate)
        assert (event.event_code, str(event.event_date)) == (code, day), text
        assert event.target_country_code in ("USA", "CMR"), text


def test_a_joint_act_among_the_nations_of_one_actor_is_one_event(process: Process):
    # the rules take "governors" as the partner of "ministers": one event, first to second
    text = (
        "On February 22, the finance ministers and central bank governors of the U.S., Japan, "
        "West Germany, France and the U.K. signed an accord."
    )
    signed = [e for e in process(text).events if e.event_root_code == "05"]
    assert [(e.actor_country_code, e.target_country_code) for e in signed] == [("USA", "JPN")]


def test_the_nations_a_group_includes_are_its_members(process: Process, resources: Resources):
    rules = replace(resources, event_scorer=None)
    text = (
        "Kuwait has asked at least four countries, including the United States, Soviet Union, "
        "Britain and China, for temporary use of their flags."
    )
    asked = {e.target_country_code for e in process(text, using=rules).events}
    assert asked == {"USA", "RUS", "GBR", "CHN"}
    text = (
        "Several countries, including France and Saudi Arabia, pledged $75 million for the sites."
    )
    pledged = {e.actor_country_code for e in process(text, using=rules).events}
    assert pledged == {"FRA", "SAU"}


def test_an_accord_of_several_nations_is_one_event(process: Process, resources: Resources):
    rules = replace(resources, event_scorer=None)
    text = "The United States, Japan and France agreed that major currencies were stable."
    events = process(text, using=rules).events
    assert [(e.event_code, e.actor_country_code, e.target_country_code) for e in events] == [
        ("019", "USA", "JPN")
    ]


def test_a_joint_act_with_a_named_party_is_aimed_at_it(process: Process, resources: Resources):
    rules = replace(resources, event_scorer=None)
    text = "The US, South Korea and Japan tried to negotiate a solution with Pyongyang."
    talks = process(text, using=rules).events
    # (a joint act on a third party: one event per nation)
    assert {(e.actor_country_code, e.target_country_code) for e in talks} == {
        ("USA", "PRK"),
        ("KOR", "PRK"),
        ("JPN", "PRK"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # taking a place is taking territory (192), taking goods a confiscation (1711)
        ("Islamic State seized Mosul in 2014.", ("seize", "192", "IRQ")),
        ("Iraqi police seized weapons in Basra.", ("seize weapon", "1711", None)),
        # a state's protest is an official complaint (114), a crowd's a demonstration
        ("Indonesia has protested to the European Community.", ("protest", "114", "IGO")),
        # lending is aid (071), to the one lent to; a rebuff is a rejection (120)
        ("Venezuela will lend Ecuador 50,000 barrels of crude.", ("lend", "071", "ECU")),
        ("China rebuffed the United States.", ("rebuff", "120", "USA")),
    ],
)
def test_seizures_protests_loans_and_rebuffs(
    process: Process, resources: Resources, text: str, expected: tuple[str, str, str | None]
):
    rules = replace(resources, event_scorer=None)
    events = process(text, using=rules).events
    assert [(e.predicate, e.event_code, e.target_country_code) for e in events][:1] == [expected]


def test_a_nation_promising_what_the_lexicon_lacks_is_an_intent(
    process: Process, resources: Resources
):
    rules = replace(resources, event_scorer=None)
    events = process("Japan agreed to stimulate its economy.", using=rules).events
    assert [(e.predicate, e.event_code, e.actor_country_code) for e in events] == [
        ("agree to stimulate", "030", "JPN")
    ]
    # a company's deal stays business
    deal = process("Italy's Illva Saronno has agreed to buy 33% of Changyu.", using=rules)
    assert deal.events == []


# the rules' reading of single events (the committed scorer may drop events with no national
# actor, so these are asserted on the rules alone): text, predicate, expected fields
RULES_TABLE = [
    # inside a quotation (the scorer may drop a quoted prediction; the flag is the rules')
    (
        '"We will destroy the terrorists," Putin told reporters.',
        "destroy",
        {"in_quote": True, "actor_country_code": "RUS"},
    ),
    # a missile fired at nothing is a show of force (150) however the clause names it: a
    # passive, a participle (fired by the place it came from), a test-fired one, one fired
    # "into the sea" or "on the eve of"
    (
        "The missile was launched on Sunday by North Korea.",
        "launch missile",
        {"event_code": "150", "actor_country_code": "PRK", "target_country_code": None},
    ),
    (
        "Tokyo says three of the four missiles launched from North Korea landed in the sea.",
        "launch missile",
        {"event_code": "150", "actor_country_code": "PRK", "target_country_code": None},
    ),
    (
        "Two missiles launched by North Korea on Monday landed in the sea.",
        "launch missile",
        {"event_code": "150", "actor_country_code": "PRK", "target_text": "Two missiles"},
    ),
    (
        "Iran test-fired a ballistic missile on Sunday.",
        "fire missile",
        {"event_code": "150", "actor_country_code": "IRN", "target_country_code": None},
    ),
    (
        "North Korea fired off four ballistic missiles into the Sea of Japan.",
        "fire off missile",
        {"event_code": "150", "actor_country_code": "PRK", "target_country_code": None},
    ),
    (
        "North Korea launched a long-range rocket on the eve of China's most important holiday.",
        "launch rocket",
        {"event_code": "150", "target_country_code": None},
    ),
    # ... and one aimed at someone is an attack on them
    (
        "Iran launched missiles targeting US troops.",
        "launch missile",
        {"event_code": "194", "actor_country_code": "IRN", "target_country_code": "USA"},
    ),
    # a warning of a danger is a pessimistic comment (012) wherever its clause stands, and
    # its speaker may follow it ("..., warned the Iranian diplomat"); a warning of
    # retaliation is a threat (13x)
    (
        "Price hikes could provoke an open confrontation with workers and endanger Poland's "
        "stability, a government trade union leader has warned.",
        "warn",
        {"event_code": "012", "actor_country_code": "POL", "target_country_code": None},
    ),
    (
        "Australian authorities have warned about the dangers of using batteries on flights.",
        "warn",
        {"event_code": "012", "actor_country_code": "AUS"},
    ),
    (
        "Should Trump scrap the Iran deal, it will further escalate tensions, warned the "
        "Iranian diplomat.",
        "warn",
        {"event_code": "012", "actor_text": "the Iranian diplomat", "target_text": None},
    ),
    (
        "Scrapping the deal will escalate tensions and destabilise the region, warned the "
        "Iranian diplomat.",
        "warn",
        {"event_code": "012", "actor_country_code": "IRN", "target_text": None},
    ),
    # raising concerns or an alarm is a pessimistic comment; raising them with someone consults
    (
        "The Philippine vice president has raised an alarm about the country's crackdown.",
        "raise alarm",
        {"event_code": "012", "actor_country_code": "PHL"},
    ),
    (
        "Germany raised its concerns with Russia.",
        "raise concern with",
        {"event_code": "040", "actor_country_code": "DEU", "target_country_code": "RUS"},
    ),
    (
        '"Sanctions will fail," warned the Russian ambassador.',
        "warn",
        {"event_code": "012", "actor_country_code": "RUS", "target_text": None},
    ),
    (
        "Commerce Secretary Malcolm Baldrige warned of possible protectionist retaliation.",
        "warn",
        {"event_root_code": "13", "actor_country_code": "USA"},
    ),
    # a word of disapproval the clause quotes after "called" is the name it gives, wherever
    # the parser hangs it; in a call for something it is not
    (
        'North Korea\'s official news agency called that finding the "height of absurdity" on '
        "Wednesday.",
        "call",
        {"event_code": "111", "actor_country_code": "PRK"},
    ),
    (
        'Russia called for an end to the "barbaric" war.',
        "call for end",
        {"event_code": "020", "actor_country_code": "RUS"},
    ),
    # the one a participle of killing or arrest modifies is its target; of two passive
    # subjects (a misparse), the one next to the verb
    (
        "Trump also honoured an American commando killed in a Yemen raid on January 29.",
        "kill",
        {"target_text": "an American commando", "target_country_code": "USA"},
    ),
    (
        "Trouble flared after nine French peacekeepers were killed and President Jacques Chirac "
        "ordered the destruction of the Ivory Coast's air force.",
        "kill",
        {"target_text": "nine French peacekeepers", "target_country_code": "FRA"},
    ),
    # what one travels somewhere to do, the traveller does, and as much in the future
    (
        "Baldrige will also stop in Hong Kong to meet British officials.",
        "meet",
        {"event_code": "036", "actor_country_code": "USA", "target_country_code": "GBR"},
    ),
    (
        "Putin went to Ankara to meet Erdogan.",
        "meet",
        {"event_code": "040", "actor_country_code": "RUS", "target_country_code": "TUR"},
    ),
    # an accord named after the city where it was made names no party
    (
        "Russia signed the Minsk accords.",
        "sign accord",
        {
            "actor_country_code": "RUS",
            "target_text": "the Minsk accords",
            "target_country_code": None,
        },
    ),
    # a gerund after "after" or "since" happened, done by the clause's subject
    (
        "Japanese Trade Minister Hajime Tamura told reporters after meeting with President "
        "Suharto that oil prices were weak.",
        "meet with",
        {"actor_country_code": "JPN", "target_country_code": "IDN", "hypothetical": False},
    ),
    # a meeting "next week" is ahead even in an article with no publication date
    (
        "French President Francois Hollande meets Chinese President Xi Jinping next week.",
        "meet",
        {"event_code": "036", "actor_country_code": "FRA", "target_country_code": "CHN"},
    ),
    # what is demanded in the subjunctive has not happened
    (
        "Al Jazeera has demanded that Egypt unconditionally release Hussein.",
        "release",
        {"actor_country_code": "EGY", "hypothetical": True},
    ),
    (
        "Officials said it was likely the council would urge that curbs be imposed on "
        "Japanese exports.",
        "impose",
        {"target_country_code": "JPN", "hypothetical": True},
    ),
    # a call for something is an appeal (020)
    (
        "Australia called for an end to Washington's special exemption from GATT rules.",
        "call for end",
        {"event_code": "020", "actor_country_code": "AUS", "target_country_code": "USA"},
    ),
    (
        "Argentina has pressed for a streamlining of the lending process.",
        "press for",
        {"event_code": "020", "actor_country_code": "ARG"},
    ),
    # a verb coordinated with its head in the same form shares its control verb and modal;
    # what is called for has not happened
    (
        "Russia threatened to attack and seize the port.",
        "seize",
        {"hypothetical": True, "actor_country_code": "RUS"},
    ),
    (
        "Iraqi forces attacked and seized the town.",
        "seize town",
        {"hypothetical": False, "actor_country_code": "IRQ"},
    ),
    (
        "The Nigerian government called for the African Union to step in and stop the attacks.",
        "stop attack",
        {"hypothetical": True, "actor_country_code": "IGO"},
    ),
    # a visit made is a visit (042); one announced for later is an intent (036)
    (
        "British Foreign Secretary Boris Johnson has made a surprise visit to Somalia.",
        "make visit to",
        {"event_code": "042", "actor_country_code": "GBR", "target_country_code": "SOM"},
    ),
    # speaking or talking with someone is consulting (040), a manner adverb between the verb
    # and its preposition notwithstanding
    (
        "The UN envoy has been talking directly with the US in preparation for the talks.",
        "talk with",
        {"event_code": "040", "actor_country_code": "IGO", "target_country_code": "USA"},
    ),
    (
        "Putin spoke with Erdogan about Syria.",
        "speak with",
        {"event_code": "040", "actor_country_code": "RUS", "target_country_code": "TUR"},
    ),
    # offering congratulations is praise (051), expressing worry a pessimistic comment (012)
    (
        "Australia's Prime Minister John Howard offered his congratulations to Prince Charles.",
        "offer congratulation",
        {"event_code": "051", "actor_country_code": "AUS"},
    ),
    # a phrase broken by a wire copy's line wrap is still the phrase
    (
        "Japan has called\nfor sanctions against Iran.",
        "call for sanction",
        {"event_code": "020", "actor_country_code": "JPN", "target_country_code": "IRN"},
    ),
    # opening talks is negotiating (046), between the coordinated nations
    (
        "U.S. and Canadian negotiators opened talks last summer.",
        "open talk",
        {"event_code": "046", "actor_country_code": "USA", "target_country_code": "CAN"},
    ),
    # a killing by hitmen is an assault (18x), as one by a gunman is
    (
        "Communist hitmen have killed 22 Philippine soldiers.",
        "kill",
        {"event_code": "180", "target_country_code": "PHL"},
    ),
    # a blockade is a blockade (191), controls administrative sanctions (172)
    (
        "Israel has imposed a blockade on Gaza ever since.",
        "impose blockade on",
        {"event_code": "191", "actor_country_code": "ISR"},
    ),
    (
        "Taiwan imposed currency controls today.",
        "impose control",
        {"event_code": "172", "actor_country_code": "TWN"},
    ),
    # the noun a relative clause modifies is its object: "the treaty that Russia signed"
    (
        "The treaty that Russia signed with China in 2001 remains in force.",
        "sign treaty",
        {"event_code": "057", "actor_country_code": "RUS", "target_country_code": "CHN"},
    ),
    # calling for sanctions or an investigation is an appeal (02x), not a threat or an inquiry
    (
        "Norway called for stricter sanctions against South Africa.",
        "call for sanction",
        {"event_code": "020", "actor_country_code": "NOR"},
    ),
    # a relative pronoun as the object stands for the noun its clause modifies
    (
        "Turkey freed two German reporters, who were arrested by Turkish police last year.",
        "arrest",
        {
            "actor_country_code": "TUR",
            "target_text": "two German reporters",
            "target_country_code": "DEU",
        },
    ),
    # "would not say" is declining to comment (011), asserted; "did not say" is nothing
    (
        "President Reagan said he had made a decision but would not say what it was.",
        "would not say",
        {"event_code": "011", "actor_country_code": "USA", "negated": False, "hypothetical": False},
    ),
    # a reciprocal act ("blamed one another") goes from the first nation to the second
    (
        "When talks broke down, the U.S. and Brazil blamed one another for sabotaging talks.",
        "blame",
        {"actor_country_code": "USA", "target_country_code": "BRA", "target_text": None},
    ),
    # denying a request or asylum is refusing it (12x), not denying responsibility (016)
    (
        "The judge denied a request from the Trump administration to postpone proceedings.",
        "deny request",
        {"event_code": "120", "target_country_code": "USA"},
    ),
    # what a proposal is about ("the idea of plugging the Taliban into ...") is not its nation
    (
        "Russia supports the idea of plugging the Taliban into a dialogue on Afghanistan.",
        "support",
        {"actor_country_code": "RUS", "target_text": "the idea", "target_country_code": None},
    ),
    # an attack by bombers is a bombing (183)
    (
        "Four suicide bombers struck northwest Pakistan.",
        "strike",
        {"event_code": "183", "target_country_code": "PAK"},
    ),
    # the grounds of an act name no target
    (
        "Japanese police arrested two employees on suspicion of exporting arms to Iran.",
        "arrest",
        {"actor_country_code": "JPN", "target_text": "two employees", "target_country_code": None},
    ),
    # "the country": the nation named before it
    (
        "World Bank president Barber Conable said he was concerned about Brazil's economy and "
        "urged the country to come up with a plan.",
        "urge",
        {"actor_country_code": "IGO", "target_text": "the country", "target_country_code": "BRA"},
    ),
    # a place in apposition renames the noun before its owner
    (
        "Norway's North Sea neighbour Britain has refused to cooperate with OPEC.",
        "refuse to cooperate",
        {"event_code": "120", "actor_country_code": "GBR", "target_country_code": "IGO"},
    ),
    # meeting for talks, at a place, with leaders happened when told in the past (the
    # dictionary's 036 is for meetings to come, which the tense decides)
    (
        "Pakistan's foreign policy adviser and Afghanistan's national security adviser met for"
        " talks in London on Thursday.",
        "meet for talk",
        {"event_code": "040", "actor_country_code": "PAK", "target_country_code": "AFG"},
    ),
    (
        "The prime minister and the Russian president will meet at the Kremlin on Tuesday.",
        "meet at",
        {"event_code": "036", "actor_country_code": "RUS"},
    ),
    (
        "Kushner has already met with Chinese leaders.",
        "meet with leader",
        {"event_code": "040", "actor_country_code": "USA", "target_country_code": "CHN"},
    ),
    # backing armed forces or an operation is military cooperation, a project economic aid
    (
        "The district was recaptured in 2016 in an operation supported by Russia.",
        "support",
        {"event_code": "062", "actor_country_code": "RUS"},
    ),
    (
        "Iraqi government forces, backed by US advisers and air support, have cleared the east"
        " of Mosul.",
        "back",
        {"event_code": "062", "actor_country_code": "USA", "target_country_code": "IRQ"},
    ),
    (
        "The project is supported by the Department of Jobs through IDA Ireland.",
        "support",
        {"event_code": "071", "target_text": "The project"},
    ),
    # a warning against something addressed to no one is an appeal; to someone, a threat
    (
        "Bank of England governor Mervyn King has warned against placing too much weight on"
        " one month's data.",
        "warn",
        {"event_code": "020", "actor_country_code": "GBR", "target_country_code": None},
    ),
    (
        "Russia warned the US-led coalition against letting fighters escape.",
        "warn",
        {"event_code": "130", "actor_country_code": "RUS", "target_country_code": "USA"},
    ),
    # a threat is aimed at the target of the threatened act
    (
        "Britain has threatened to impose restrictions on Japanese banks in London.",
        "threaten",
        {"event_code": "130", "actor_country_code": "GBR", "target_country_code": "JPN"},
    ),
    # naming someone with a word of approval praises them (051); disapproval still wins
    (
        'Trump called NATO "great" and tweeted last week.',
        "call",
        {"event_code": "051", "actor_country_code": "USA", "target_country_code": "IGO"},
    ),
    (
        "Putin described the talks with Erdogan as constructive.",
        "describe",
        {"event_code": "051", "actor_country_code": "RUS"},
    ),
    (
        "Thomas Waldhauser, the commander of US troops in Africa, called Russian activities in "
        'Libya "very concerning" on Monday.',
        "call",
        {"event_code": "111", "actor_country_code": "USA", "target_country_code": "RUS"},
    ),
    # the name given is the first quotation of the verb's own clause, not of the verb
    # coordinated with it
    (
        'Last week, she called Nunes a "stooge of the president" and said he was "deeply '
        'compromised and he cannot possibly lead an honest investigation."',
        "call",
        {"event_code": "111"},
    ),
    # likening something to a word of disapproval, or characterising it so, criticizes it
    (
        "Erdogan compared the Dutch government to Nazis.",
        "compare",
        {"event_code": "111", "actor_country_code": "TUR", "target_country_code": "NLD"},
    ),
    (
        'Iraq characterized the attack as "a serious violation of Iraqi sovereignty".',
        "characterize",
        {"event_code": "111", "actor_country_code": "IRQ"},
    ),
    # verbs the source dictionary lacks (scripts/cameo_overrides.tsv)
    (
        "Trump singled out China, tweeting that North Korea is behaving very badly.",
        "single out",
        {"event_code": "111", "actor_country_code": "USA", "target_country_code": "CHN"},
    ),
    (
        "Alexander Litvinenko was poisoned by a rare radioactive material in London in 2006.",
        "poison",
        {"event_root_code": "18"},
    ),
    # a manner is no nation: "Soviet-style" names no Russian target
    (
        "Republican Representatives attacked the impeachment inquiry, with Steve Scalise of "
        'Louisiana calling the investigation into Trump a "Soviet-style sham" and Ross Spano of '
        'Florida calling the process "a blatant abuse".',
        "call",
        {"event_code": "111", "actor_country_code": "USA", "target_country_code": "USA"},
    ),
    # only words attack an inquiry (111); warplanes attack platforms (19x)
    (
        "Republican Representatives attacked the impeachment inquiry on Monday.",
        "attack",
        {"event_code": "111", "actor_country_code": "USA"},
    ),
    (
        "Iraqi warplanes attacked Iranian oil platforms in the Gulf.",
        "attack",
        {"event_root_code": "19", "actor_country_code": "IRQ", "target_country_code": "IRN"},
    ),
    # a charge brought with legal action is 173; charging that ... stays an accusation
    (
        "Russian prosecutors charged two FSB officers with treason.",
        "charge",
        {"event_code": "173", "actor_country_code": "RUS", "target_country_code": "RUS"},
    ),
    (
        "Two Britons were charged on Friday in Dubai.",
        "charge",
        {"event_code": "173", "target_country_code": "GBR"},
    ),
    (
        "Iran charged that Iraq had used chemical weapons.",
        "charge",
        {"event_code": "112", "actor_country_code": "IRN"},
    ),
    (
        "In speech after speech, the ADB was charged with not doing enough to help Asia.",
        "charge",
        {"event_code": "112"},
    ),
    (
        "His attempted chip ahead was charged down by Orquera, who scored.",
        "charge",
        {"event_code": "112"},
    ),
    # what "its" body named before owns is aimed at that body, unless the actor owns it
    (
        "One diplomat said China's prospects are good, with its application supported by the "
        "United States.",
        "support",
        {"actor_country_code": "USA", "target_country_code": "CHN"},
    ),
    (
        "Iraq said the United States had rejected its proposal.",
        "reject",
        {"actor_country_code": "USA", "target_country_code": None},
    ),
    (
        "Other partners such as the United States, Britain, Japan and China have promised to "
        "scale up their response.",
        "promise to scale",
        {"actor_country_code": "USA", "target_country_code": None},
    ),
    (
        "The draft law suffered setbacks when Poland, one of the largest EU member states, "
        "rejected its adoption.",
        "reject",
        {"actor_country_code": "POL", "target_country_code": None},
    ),
    # a bare government or parliament is the actor's own; an IGO's is the one named
    (
        "About 20 members of the Taiwan parliament criticised the government for holding too "
        "much of its reserves in U.S. dollars.",
        "criticise",
        {"actor_country_code": "TWN", "target_country_code": "TWN"},
    ),
    (
        "The IMF urged the government to cut spending in Argentina.",
        "urge",
        {"actor_country_code": "IGO", "target_country_code": "ARG"},
    ),
    # a news organisation told something is its country's (actor_countries.tsv)
    (
        "Analyst Henrik Maihack told DW that a new regional peace process must be launched.",
        "tell",
        {"event_code": "010", "target_country_code": "DEU"},
    ),
    # a crackdown on people of no stated country is on the country where it happens
    (
        "Six journalists have been arrested in the Ivory Coast for spreading false information.",
        "arrest journalist",
        {"event_root_code": "17", "target_country_code": "CIV"},
    ),
    # an amount stands for what it is of: "approved 300 mln dlrs of loans" approves loans
    (
        "The World Bank approved 300 mln dlrs of loans to Indonesia.",
        "approve loan",
        {"event_code": "071", "actor_country_code": "IGO", "target_country_code": "IDN"},
    ),
    # a meeting of a group from several nations is the first nation's with the others
    (
        "Officials from Indonesia and Malaysia met in Jakarta on Friday.",
        "meet",
        {"event_code": "040", "actor_country_code": "IDN", "target_country_code": "MYS"},
    ),
    # a warning that the warner would act against someone is a threat, not a comment
    (
        "The United States warned Iran again that it was ready to retaliate for any further "
        "hostile military action in the Gulf.",
        "warn",
        {"event_code": "130", "actor_country_code": "USA", "target_country_code": "IRN"},
    ),
    (
        "Japan warned the United States it may take retaliatory measures if the U.S. imposes "
        "its planned trade sanctions.",
        "warn",
        {"event_code": "130", "actor_country_code": "JPN", "target_country_code": "USA"},
    ),
    # ... another's act it warns of is a pessimistic comment
    (
        "Germany warned that Russia would attack Ukraine.",
        "warn",
        {"event_code": "012", "actor_country_code": "DEU", "target_country_code": None},
    ),
    # a hostile act agreed or pledged is an intent (03x); vowed, a threat (13x)
    (
        "The Swiss banks agreed to condemn South Africa's apartheid policy.",
        "agree to condemn",
        {"event_code": "030", "actor_country_code": "CHE", "target_country_code": "ZAF"},
    ),
    (
        "Trump pledged during his campaign to pull out of the Trans-Pacific Partnership.",
        "pledge to pull",
        {"event_root_code": "03", "actor_country_code": "USA"},
    ),
    # a person's pledge or promise of an act the lexicon lacks is an intent too
    (
        "British Prime Minister Theresa May pledged to reform the care system.",
        "pledge to reform",
        {"event_code": "030", "actor_country_code": "GBR"},
    ),
    # a nation agreeing to terms, offering a thing: an intent (030)
    (
        "Malaysia agreed to the oil-for-bridges deal in October.",
        "agree to",
        {"event_code": "030", "actor_country_code": "MYS"},
    ),
    (
        "EU states agreed a ten-point program to assist Libya.",
        "agree",
        {"event_code": "030", "actor_country_code": "IGO"},
    ),
    (
        "A plan to curb migration was agreed by EU leaders at their summit in Malta.",
        "agree",
        {"event_code": "030", "actor_country_code": "IGO", "target_text": "A plan"},
    ),
    (
        "It was only fair to open the Japanese market to foreign firms, as Japan had "
        "previously agreed.",
        "agree",
        {"event_code": "030", "actor_country_code": "JPN"},
    ),
    (
        "Venezuelan President Hugo Chavez has offered China access to the country's oil reserves.",
        "offer",
        {"event_code": "030", "actor_country_code": "VEN", "target_country_code": "CHN"},
    ),
    (
        "Saudi output fell, showing the kingdom's determination to keep prices at 18 dlrs a "
        "barrel, as agreed by Opec last December.",
        "agree",
        {"event_code": "030", "actor_country_code": "IGO"},
    ),
    # officials of a region serve none of the countries the sentence names
    (
        "The Arab League chief urged Arab governments to do more to resolve Syria's conflict.",
        "urge",
        {"event_code": "020", "actor_country_code": "IGO", "target_country_code": None},
    ),
    # a government body the recogniser names as an organisation is an official target
    (
        "Japanese securities houses have asked the Finance Ministry to consider introducing "
        "auctions of 10-year government bonds.",
        "ask",
        {"event_code": "020", "actor_country_code": "JPN", "target_country_code": "JPN"},
    ),
    # what a speaker says names no country of the speaker's
    (
        'Assistant banking commissioner David Wong told Reuters: "There are no special '
        'favours towards the Japanese."',
        "tell",
        {"event_code": "010", "actor_country_code": None, "target_country_code": "GBR"},
    ),
    # "opened fire" is no disaster's fire
    (
        "Several US contractors were killed when a member of the Afghan security forces "
        "opened fire at Kabul airport.",
        "open fire",
        {"event_root_code": "19", "actor_country_code": "AFG"},
    ),
    # an arrest by nobody named is made in the one country the sentence names
    (
        "Eight other people were arrested after properties across the UK were raided.",
        "arrest",
        {"event_code": "173", "actor_country_code": None, "target_country_code": "GBR"},
    ),
    # talks completed or stepped up are talks held (046)
    (
        "The Philippines and its bank advisory committee completed another round of debt "
        "rescheduling talks.",
        "complete talk",
        {"event_code": "046", "actor_country_code": "PHL"},
    ),
    (
        "Moscow and Tokyo have stepped up talks on a peace treaty.",
        "step up talk",
        {"event_code": "046", "actor_country_code": "RUS", "target_country_code": "JPN"},
    ),
    # a place the entity linker knows though the recogniser tagged it otherwise
    (
        "A French government team has arrived in Antananarivo to negotiate a new 180 mln "
        "franc credit for the Madagascar government, diplomatic sources said.",
        "arrive",
        {"event_code": "042", "actor_country_code": "FRA", "target_country_code": "MDG"},
    ),
    # a demand or appeal is aimed at the one bidden to act
    (
        "Minsk demanded that Russia switch to equal netback pricing.",
        "demand",
        {"event_code": "100", "actor_country_code": "BLR", "target_country_code": "RUS"},
    ),
    (
        "The European ministers appealed for Japan to make a greater effort to open its markets.",
        "appeal",
        {"event_root_code": "02", "target_country_code": "JPN"},
    ),
    # an adjective's infinitive has the subject of the copula ("due to", "ready to")
    (
        "German Chancellor Angela Merkel, who was due to meet President Donald Trump in "
        "Washington on Tuesday, postponed her trip until Friday.",
        "meet",
        {"actor_text": "German Chancellor Angela Merkel", "actor_country_code": "DEU"},
    ),
    # a title and the surname of one the actor dictionary names in full ("theresa may")
    (
        "Mrs May had earlier criticised the SNP-led government at Holyrood.",
        "criticise",
        {"actor_text": "Mrs May", "actor_country_code": "GBR"},
    ),
    # a person the corpus names often, placed by the actor dictionary's people section
    (
        "Jack Straw has attacked the decision by the highest court.",
        "attack decision",
        {"actor_text": "Jack Straw", "actor_country_code": "GBR"},
    ),
    # a promise that something will be is an intent, though its clause reads as a quotation
    (
        "Japan has promised that the rules would be nearly identical to the TPP.",
        "promise",
        {"event_code": "030", "actor_country_code": "JPN"},
    ),
    # a request for a thing is the request, though it also introduces a quotation
    (
        "Ecuador asked for the loan to guarantee domestic supplies.",
        "ask for",
        {"event_code": "020", "actor_country_code": "ECU", "target_text": "the loan"},
    ),
    # a call for someone to act is the appeal, not a bare reporting verb
    (
        "US President Donald Trump has called for American companies to bring their "
        "manufacturing operations home.",
        "call for",
        {"event_code": "020", "actor_country_code": "USA", "target_country_code": "USA"},
    ),
    # an organisation the corpus names often, placed by the actor dictionary
    (
        "The National Audit Office praised ministers for reaching the benchmark.",
        "praise",
        {"actor_text": "The National Audit Office", "actor_country_code": "GBR"},
    ),
    # a word the tokenizer split at its hyphen stays whole in the phrase
    (
        "The co-chair of the group has called on President Donald Trump to appoint an envoy.",
        "call on",
        {"actor_text": "The co-chair", "target_country_code": "USA"},
    ),
    (
        "The Ukrainian prosecutor accused the ex-president of high treason.",
        "accuse",
        {"target_text": "the ex-president"},
    ),
    # a part stands for the whole in a lexicon phrase ("sign agreement")
    (
        "China and Switzerland signed one of the most comprehensive free trade agreements.",
        "sign agreement",
        {"event_root_code": "05", "actor_country_code": "CHN", "target_country_code": "CHE"},
    ),
]


@pytest.mark.parametrize(("text", "predicate", "expected"), RULES_TABLE)
def test_rules_table(
    process: Process, resources: Resources, text: str, predicate: str, expected: dict[str, object]
):
    rules = replace(resources, event_scorer=None)
    event = next(e for e in process(text, using=rules).events if e.predicate == predicate)
    assert {k: getattr(event, k) for k in expected} == expected


def test_a_private_deal_an_empty_offer_and_a_hope_stay_as_they_were(
    process: Process, resources: Resources
):
    rules = replace(resources, event_scorer=None)
    # a surname needs a title, and the title a person: no commission is the US's
    text = "Members will see the deal the UK gets, the European Commission President has warned."
    (warn,) = [e for e in process(text, using=rules).events if e.predicate == "warn"]
    assert warn.actor_country_code != "USA"
    # a promise whose quotation says what is, not what will be, stays its statement
    text = "Mr Brown promised that the rebate was fully justified."
    assert "promise" not in [e.predicate for e in process(text, using=rules).events]
    # a gathering one acts at is no one the act is aimed at
    text = "Speaking at an American Chamber of Commerce lunch, Engering warned of more to come."
    speak = next(e for e in process(text, using=rules).events if e.predicate == "speak")
    assert (speak.target_text, speak.target_country_code) == (None, None)
    text = "Blair spoke to reporters, and Blair's aide met Obama."
    meet = next(e for e in process(text, using=rules).events if e.predicate == "meet")
    assert meet.actor_country_code is None
    # a person agreeing to buy is business, not a promise of the nation's
    text = "Spanish businessman Juan Perez agreed to buy the stake for 20 mln dlrs."
    assert process(text, using=rules).events == []
    # a view agreed with, which the parser splits at "was", is no agreement to terms
    text = (
        "The Lord Chancellor, Lord Falconer, agreed the 1701 Act of Settlement, which governs "
        "the succession, was discriminatory but added that its effects are limited."
    )
    assert [e.event_code for e in process(text, using=rules).events if e.predicate == "agree"] == []
    # a nation's trade is no promise either
    text = "Greece has agreed to buy 30,000 tonnes of Spanish corn, a spokesman said."
    assert process(text, using=rules).events == []
    # nothing offered
    text = "The government offered no further information about the deployment."
    assert process(text, using=rules).events == []
    # a hope bids no one: its clause's subject is not its target
    text = "Reagan said he hoped the Japanese would soon end their unfair practices."
    (hope,) = process(text, using=rules).events
    assert (hope.predicate, hope.target_country_code) == ("hope", None)


def test_what_a_document_provides_is_no_event(process: Process, resources: Resources):
    # the annotation codes the parties' acts, not the terms of their pacts and budgets
    rules = replace(resources, event_scorer=None)
    text = "That pact calls on Japan to stop selling cut-price chips in world markets."
    assert process(text, "1987-04-01", using=rules).events == []
    text = "The cabinet approved a deficit budget calling for spending of 480 billion dlrs."
    events = process(text, "1987-04-01", using=rules).events
    assert "call for" not in [e.predicate for e in events]
    # the same appeal by a party is one
    text = "China called on Japan to stop selling cut-price chips in world markets."
    (call,) = process(text, "1987-04-01", using=rules).events
    assert (call.event_code, call.actor_country_code, call.target_country_code) == (
        "020",
        "CHN",
        "JPN",
    )


def test_event_phrases_are_as_written_with_their_offsets(process: Process):
    # wire copy wraps its lines: the parser reads a wrap as a space, the row keeps the text
    text = "Iraqi forces retook the town of\nQaraqosh on\nMonday, officials said."
    retake = next(e for e in process(text, "2016-10-21").events if e.predicate == "retake")
    assert (retake.actor_text, retake.target_text, retake.date_text) == (
        "Iraqi forces",
        "the town of\nQaraqosh",
        "Monday",
    )
    for phrase, start, end in [
        (retake.actor_text, retake.actor_start_char, retake.actor_end_char),
        (retake.target_text, retake.target_start_char, retake.target_end_char),
        (retake.date_text, retake.date_start_char, retake.date_end_char),
    ]:
        assert start is not None and end is not None
        assert text[start:end] == phrase


def test_a_phrase_at_a_line_end_leaves_the_line_break_out(process: Process):
    text = "Public Service Co said it sued Union Rural Electric of Brighton, Colo.\n    The suit"
    sue = next(e for e in process(text).events if e.predicate == "sue")
    assert sue.target_text is not None and not sue.target_text[-1].isspace()


def test_each_nation_of_a_coordinated_target_has_its_own_words_and_offsets(process: Process):
    text = "Putin will visit Britain, France and Italy next month."
    visits = [e for e in process(text, "2016-10-21").events if e.target_country_code]
    by_country = {e.target_country_code: e for e in visits}
    assert set(by_country) >= {"GBR", "FRA", "ITA"}
    for country, name in [("FRA", "France"), ("ITA", "Italy")]:
        event = by_country[country]
        assert event.target_text == name
        assert (event.target_start_char, event.target_end_char) == (
            text.index(name),
            text.index(name) + len(name),
        )
