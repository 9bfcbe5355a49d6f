import pytest

from tests.conftest import SEEDS, Process
from transforms.articles import article_from_text_file
from transforms.quotes import find_quote_marks
from transforms.text_spans import parser_text


def _names(result):
    return {e.entity_id: e.name for e in result.entities}


# text -> (quote_type, content, speaker canonical name or speaker text)
CASES = [
    (
        '"We will rebuild the bridge before winter," Mayor Anne Hidalgo said on Monday.',
        ("direct", "We will rebuild the bridge before winter,", "Anne Hidalgo"),
    ),
    (
        'Angela Merkel told reporters: "Europe must stand together in this crisis."',
        ("direct", "Europe must stand together in this crisis.", "Angela Merkel"),
    ),
    (
        "Officials warned that the river could flood the city by Sunday.",
        ("indirect", "the river could flood the city by Sunday", "Officials"),
    ),
    (
        "Emmanuel Macron said that France would send more doctors to the region.",
        ("indirect", "France would send more doctors to the region", "Emmanuel Macron"),
    ),
    (
        'Boris Johnson met aides. He said Britain was preparing for "a very difficult winter ahead."',
        ("mixed", 'Britain was preparing for "a very difficult winter ahead."', "Boris Johnson"),
    ),
    (
        "“The talks are over,” said Hill.",
        ("direct", "The talks are over,", "Hill"),
    ),
    # "it" and "the company" speak for the organization that spoke last before them, else
    # the one last named as a subject (not an object or a complement's subject)
    (
        "Memtek Corp said it has sold 1,500,000 shares privately. It said proceeds will be "
        "used to expand its development.",
        ("indirect", "proceeds will be used to expand its development", "Memtek Corp"),
    ),
    (
        "Cray Research Inc said Standard Oil Production Co will lease its supercomputer. The "
        "leased system will replace a computer in operation since 1984, the company said.",
        (
            "indirect",
            "The leased system will replace a computer in operation since 1984",
            "Cray Research Inc",
        ),
    ),
    # quote styles: straight single quotes and guillemets
    (
        "'The border will stay closed until spring,' the minister said.",
        ("direct", "The border will stay closed until spring,", "the minister"),
    ),
    (
        '"We will stay here until the end," said Jean Dupont. «We have nothing left to lose,» '
        "he added.",
        ("direct", "We have nothing left to lose,", "Jean Dupont"),
    ),
    # several sentences, split by the attribution: one quote with the attribution inside
    (
        "“The talks have failed. There is nothing more to discuss,” Hugh Hill, a doctor, said. "
        "“We are leaving tomorrow.”",
        (
            "direct",
            "The talks have failed. There is nothing more to discuss,” Hugh Hill, a doctor, said. "
            "“We are leaving tomorrow.",
            "Hugh Hill",
        ),
    ),
    # introduced by a colon, followed by a dash and a name
    (
        'The president was blunt: "We will not negotiate with kidnappers under any circumstances."',
        (
            "direct",
            "We will not negotiate with kidnappers under any circumstances.",
            "The president",
        ),
    ),
    (
        '"We will never give up this city to the rebels." — Ahmed Hassan',
        ("direct", "We will never give up this city to the rebels.", "Ahmed Hassan"),
    ),
    # continued over paragraphs: the first paragraph has no closing mark
    (
        'Maria Lopez spoke at the rally. "The first thing we must do is repair the schools.\n\n'
        '"The second thing is to pay the teachers on time," she said.',
        (
            "direct",
            'The first thing we must do is repair the schools.\n\n"The second thing is to pay the '
            "teachers on time,",
            "Maria Lopez",
        ),
    ),
    # indirect: passive, told reporters, in a statement, adding that, according to, inversion
    (
        "The minister was quoted as saying the talks had failed completely.",
        ("indirect", "the talks had failed completely", "The minister"),
    ),
    # ... but the one who was told is addressed: the speaker is the agent, if any
    (
        "The minister was told by officials that the talks had failed completely.",
        ("indirect", "the talks had failed completely", "officials"),
    ),
    (
        "John Smith told reporters the vote had been rigged, adding that he would sue.",
        ("indirect", "he would sue", "John Smith"),
    ),
    (
        "John Smith told reporters the vote had been rigged, adding that he would sue.",
        ("indirect", "the vote had been rigged", "John Smith"),
    ),
    (
        "In a statement, the ministry said it would appeal the ruling next week.",
        ("indirect", "it would appeal the ruling next week", "the ministry"),
    ),
    (
        "The bridge will reopen in May, according to a senior official.",
        ("indirect", "The bridge will reopen in May", "a senior official"),
    ),
    (
        "The chief of the army, General Mark Milley, said the troops would stay.",
        ("indirect", "the troops would stay", "Mark Milley"),
    ),
    (
        "The emails were on a variety of work-related topics, the Times said, including speeches "
        "and meetings.",
        (
            "indirect",
            "The emails were on a variety of work-related topics, the Times said, including "
            "speeches and meetings",
            "Times",
        ),
    ),
    (
        "The storm was the worst in decades, officials said.",
        ("indirect", "The storm was the worst in decades", "officials"),
    ),
    # a second "that" clause coordinated with the reporting verb belongs to the same report
    (
        "The department predicted that base wages would fall somewhat over time, but that the "
        "higher overtime payments would more than offset any loss in regular salary levels.",
        (
            "indirect",
            "base wages would fall somewhat over time, but that the higher overtime payments "
            "would more than offset any loss in regular salary levels",
            "The department",
        ),
    ),
    # a non-restrictive relative clause closing the complement is the reporter's gloss
    (
        "Pentagon officials say the bulk of ground troops should be Arab fighters, who know the "
        "terrain far better.",
        ("indirect", "the bulk of ground troops should be Arab fighters", "Pentagon officials"),
    ),
    # a percentage is a subject ("%" is punctuation to spaCy's lexer)
    (
        "In Virginia, 85% of Democrats said the nation's economic system favors the wealthy.",
        ("indirect", "the nation's economic system favors the wealthy", "85%"),
    ),
    # an attribution parsed as an aside reports its host clause
    (
        "Barack Obama spoke on Monday. The goal, he said, is to forge a durable cease-fire.",
        ("indirect", "The goal, he said, is to forge a durable cease-fire", "Barack Obama"),
    ),
    # a second sentence between two quoted parts attributes the second part on its own
    (
        '"We do not want them in our country," Trump said. He added, "I only want to admit '
        'people who love our country."',
        ("direct", "We do not want them in our country,", "Trump"),
    ),
    # any verb with a subject right after '...,"' attributes the quote
    (
        '"That is why we must keep fighting for every vote," Bernie Sanders continued.',
        ("direct", "That is why we must keep fighting for every vote,", "Bernie Sanders"),
    ),
    # a headline that attributes its words: "Source: words"
    (
        "Kirsten Gillibrand: Hillary Clinton Should Release The Speeches\n\n"
        "Gillibrand spoke on Monday.",
        ("direct", "Hillary Clinton Should Release The Speeches", "Kirsten Gillibrand"),
    ),
    # ... also when quote marks hold the words
    (
        "Marco Rubio: ‘You Don’t Win The Nomination By How Many States You Win.’\n\n"
        "Rubio spoke on Monday in Florida.",
        ("direct", "You Don’t Win The Nomination By How Many States You Win.", "Marco Rubio"),
    ),
    # ''doubled apostrophes'' and mixed straight/curly marks
    (
        "''There is also great love for the country,'' Ted Cruz said.",
        ("direct", "There is also great love for the country,", "Ted Cruz"),
    ),
    (
        '"I do not think it is getting the attention people expected,” Chuck Grassley said.',
        ("direct", "I do not think it is getting the attention people expected,", "Chuck Grassley"),
    ),
    # pronouns resolve to the most recent person of the pronoun's gender
    (
        "Angela Merkel arrived in Paris. Francois Hollande met her at the airport. "
        "She said Europe had to stay united.",
        ("indirect", "Europe had to stay united", "Angela Merkel"),
    ),
    # ... and the most recent speaker wins over a person named only in what that speaker said
    (
        "Donald Trump said Barack Obama had failed the country completely. He added that the "
        "border was open.",
        ("indirect", "the border was open", "Donald Trump"),
    ),
    # a quote with no attribution of its own inherits the previous speaker
    (
        '"We need more doctors," said Anne Hidalgo.\n\n'
        '"The hospitals cannot cope with the number of patients."',
        ("direct", "The hospitals cannot cope with the number of patients.", "Anne Hidalgo"),
    ),
    # ... and with none before it stays unattributed
    (
        '"Nobody knows what will happen to the people who stayed behind."',
        ("direct", "Nobody knows what will happen to the people who stayed behind.", None),
    ),
    # a verb in the next paragraph never attributes a quote (the parser may join the two)
    (
        "Donald Trump attacked the judge on Twitter. “Her mind is shot — resign!”\n\n"
        "Ginsburg said in an interview last week that she did not want to think about the "
        "possibility that Trump would be president.",
        (
            "indirect",
            "she did not want to think about the possibility that Trump would be president",
            "Ginsburg",
        ),
    ),
    # a second "said" the parser hangs inside the first report keeps the first one's subject
    (
        "Clark said Brooks had begun making calls to committee members - there are two from "
        "each of the state's nine districts - but said the ultimate outcome was still up in the "
        "air.",
        ("indirect", "the ultimate outcome was still up in the air", "Clark"),
    ),
    # ... nor is a clause that runs from the quote paragraph over the break ("Similarly, ...")
    (
        '"Trump has earned the nomination," Castellanos wrote in an email. "Donald Trump whipped '
        'the establishment and it is too late for the establishment to rewrite the rules."\n\n'
        "Similarly, William J. Bennett, a Reagan education secretary, said he could not support "
        "the anti-Trump movement.",
        ("indirect", "he could not support the anti-Trump movement", "William J. Bennett"),
    ),
    # a lower-case fragment goes to the outermost reporting verb above it, not the nearest one
    (
        "At one point, Trump said Fox executives were calling “every 15 minutes.”",
        ("mixed", "Fox executives were calling “every 15 minutes.”", "Trump"),
    ),
    # ... but not through an adverbial clause: "tweeted" reports the fragment, "said" its own
    (
        "Benjamin Netanyahu said late Wednesday that he would go ahead with the Trump meeting, "
        'although he tweeted that he "rejects Donald Trump\'s latest comments about Muslims."',
        ("indirect", "he would go ahead with the Trump meeting", "Benjamin Netanyahu"),
    ),
    # 'called X "Y"': the content is the object with its quoted label
    (
        "Sanders called the political system “rotten to the core.”",
        ("mixed", "the political system “rotten to the core.”", "Sanders"),
    ),
    # ... with the object's own words and an "as" before the label
    (
        "Colin Powell called Clinton’s use of private email servers “a very serious mistake.”",
        (
            "mixed",
            "Clinton’s use of private email servers “a very serious mistake.”",
            "Colin Powell",
        ),
    ),
    (
        "Sheldon Adelson described the field of Republican candidates as “all very good.”",
        ("mixed", "the field of Republican candidates as “all very good.”", "Sheldon Adelson"),
    ),
    # a quoted fragment that opens a reported clause which goes on after it
    (
        "Barack Obama said “it gets me mad” every time he thinks about the children who were "
        "killed.",
        (
            "mixed",
            "“it gets me mad” every time he thinks about the children who were killed",
            "Barack Obama",
        ),
    ),
    # a fragment reached through a coordinated "said" is what "said" reports
    (
        "Joe Wilson praised Rubio’s positions on defense and said the Florida senator can "
        "“bring positive change” to Washington.",
        ("mixed", "the Florida senator can “bring positive change” to Washington", "Joe Wilson"),
    ),
    # 'asked if ...': the yes/no question the parser hangs on "ask" as an adverbial clause
    (
        "Asked if he was ever bullied, Smith said no.",
        ("indirect", "if he was ever bullied", "Smith"),
    ),
    # ... and 'asked about X': the topic asked about
    (
        "Asked about her own vote in the event that Clinton faces Trump, Smith declined to answer.",
        ("indirect", "her own vote in the event that Clinton faces Trump", "Smith"),
    ),
    # a quote paragraph the parser hangs on the next paragraph's "said" is not what it reports
    (
        'The panel has done more than anyone, it stated. "The Select Committee is also the '
        "first and only Benghazi investigation to include roughly 70,000 new pages of documents "
        "- including the Secretary of State's emails.\"\n\n"
        "A Democratic aide said comments from Rice, Rhodes, Panetta and Petraeus were consistent "
        "with their previous statements about the Benghazi attacks.",
        (
            "indirect",
            "comments from Rice, Rhodes, Panetta and Petraeus were consistent with their previous "
            "statements about the Benghazi attacks",
            "A Democratic aide",
        ),
    ),
    # a mis-decoded dash ('"?') and a quoted phrase before: the quote after them is still
    # paired (pairing in order made it the text between the quotes)
    (
        'The city says it has spent millions combating abuse "?and expects the tab to rise. '
        'The lawsuit faults the firm for "supplying pills to suspicious pharmacies" and more. '
        '"We look forward to presenting the facts in court," Purdue Pharma said in a statement.',
        ("direct", "We look forward to presenting the facts in court,", "Purdue Pharma"),
    ),
    # a closing mark decoded as '"?': the speaker is the name after it, without the marks
    (
        '"I mean, let us see whether or not I prove it,"?Trump said at the White House.',
        ("direct", "I mean, let us see whether or not I prove it,", "Trump"),
    ),
]


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("A senior official said the army would withdraw by Friday.", "A senior official", "role"),
        ("The attack was planned for months, a source said.", "a source", "anonymous"),
        ("He said the war would end soon.", "He", "unresolved"),
        ("Emmanuel Macron said France would send doctors.", "Emmanuel Macron", "person"),
    ],
)
def test_speaker_kind(process: Process, text, speaker, kind):
    (quote,) = process(text).quotes
    assert (quote.speaker_text, quote.speaker_kind) == (speaker, kind)
    assert text[quote.speaker_start_char : quote.speaker_end_char] == speaker


def test_scare_quotes_and_titles_are_not_quotes(process: Process):
    text = 'The senator called it a "witch hunt" on "Meet the Press" on Sunday.'
    assert process(text).quotes == []


@pytest.mark.parametrize(
    "text",
    [
        "Paul McCartney wrote a host of new songs last year.",
        "The party maintains a commanding lock on the leadership.",
    ],
)
def test_objects_made_or_kept_are_not_reports(process: Process, text):
    # "wrote songs", "maintains a lock": the noun object of these verbs is not what was said
    assert process(text).quotes == []


def test_the_one_told_is_not_the_speaker(process: Process):
    result = process("The court was told the defendant had spent all of the money.")
    assert [q.speaker_text for q in result.quotes] in ([], [None])


def test_according_to_cue_is_the_phrase(process: Process):
    (quote,) = process("Prices rose by a third last year, according to the central bank.").quotes
    assert (quote.cue, quote.speaker_text) == ("according to", "the central bank")


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quote_table(process: Process, text, expected):
    result = process(text)
    names = _names(result)
    found = [
        (q.quote_type, q.text, names.get(q.speaker_entity_id) or q.speaker_text)
        for q in result.quotes
    ]
    assert expected in found, found
    for q in result.quotes:
        assert text[q.start_char : q.end_char] == q.text


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        ('He said "one two three" and "four five six".', ["one two three", "four five six"]),
        ("“Curly quotes here,” she said.", ["Curly quotes here,"]),
        ("«Guillemets work too» he wrote.", ["Guillemets work too"]),
        ('An odd "quote with no end\n\nNext paragraph.', ["quote with no end"]),
        ("It’s Iraq’s ‘single quoted words’ here.", ["single quoted words"]),
        ("The '90s and rock 'n' roll, 'a real quote here' too.", ["a real quote here"]),
        ('"A first part," he said, "and a second."', ["A first part,", "and a second."]),
        ("''Doubled marks work too,'' he said.", ["Doubled marks work too,"]),
        ('"Mixed marks close,” she said. “And open," too.', ["Mixed marks close,", "And open,"]),
        # a stray mark spoils no pair after it: a mark that opens a word closes nothing, one
        # that ends a word opens nothing
        ('A stray " mark. He said "one two three" and left.', ["one two three"]),
        ('On DeVos" nomination he said "one two three" today.', ["one two three"]),
        # a dash decoded as a mark and "?" is no mark; after a word or a stop, it can close
        ('DeVos"?highly odd week, "one two three," he said.', ["one two three,"]),
        ('A "happened "?to cover "one two three" up.', ["one two three"]),
        ('He said "there will be no upsets"?when they vote.', ["there will be no upsets"]),
        (
            '"Hard to imagine a worse choice,"?Sen. Warren said.',
            ["Hard to imagine a worse choice,"],
        ),
        ('He wrote, "They shouted "go home!" at us all."', ['They shouted "go home!" at us all.']),
        # paragraphs run together: a quote left open at a sentence's end before a new mark
        (
            '"The first part ends. "The next one," he said.',
            ["The first part ends.", "The next one,"],
        ),
    ],
)
def test_quote_marks(text, contents):
    # (the pipeline pairs the marks of the text the parser reads: text_spans.parser_text)
    assert [text[q.start : q.end] for q in find_quote_marks(parser_text(text))] == contents


def test_odd_quote_marks_never_fail(process: Process):
    result = process('He said "this never closes. And "this" is odd " too " .')
    assert all(q.start_char < q.end_char for q in result.quotes)


def test_seed_article_gerasimov_quotes(process: Process, nlp, resources):
    from transforms.document import transform_document

    path = SEEDS / "2016-10-21-russia-warns-coalition-mosul.md"
    article = article_from_text_file(
        path.read_text(encoding="utf-8"), source_id=path.name, source_uri="seed"
    )
    result = transform_document(nlp(article.text), article, resources)
    names = _names(result)
    by_text = {q.text: q for q in result.quotes}
    necessary = next(
        q for t, q in by_text.items() if t.startswith("It is necessary not to drive terrorists")
    )
    assert necessary.quote_type == "direct"
    assert names[necessary.speaker_entity_id] == "Valery Gerasimov"
    hope = next(q for t, q in by_text.items() if t.startswith("We hope"))
    assert names.get(hope.speaker_entity_id) == "Valery Gerasimov"
    mixed = next(q for q in result.quotes if q.quote_type == "mixed")
    assert mixed.text.startswith("Russia was focusing on")
    assert names[mixed.speaker_entity_id] == "Valery Gerasimov"
    indirect = {(q.cue, q.speaker_text) for q in result.quotes if q.quote_type == "indirect"}
    assert ("warned", "Aid officials") in indirect
    assert ("announced", "Moscow") in indirect
    assert ("said", "Officials") in indirect
    corridors = next(q for q in result.quotes if q.text.startswith("the coalition had left"))
    assert names[corridors.speaker_entity_id] == "Valery Gerasimov"
    # "warned the US-led coalition": the coalition is whom Russia warned, not what it said
    assert not any(q.text == "the US-led coalition" for q in result.quotes)


def test_two_quoted_fragments_in_one_clause_give_one_quote(process: Process):
    # both fragments sit in the same reported clause: one mixed quote, unique quote_id
    text = (
        "In a memo, the department said that activities such as cutting keys and "
        '"storing farm products in a cold room" and "packing fresh fruit for sale" '
        "should not qualify for the credit."
    )
    result = process(text)
    ids = [q.quote_id for q in result.quotes]
    assert len(ids) == len(set(ids))
    clause = [q for q in result.quotes if q.text.startswith("activities such as")]
    assert len(clause) == 1
    assert clause[0].quote_type == "mixed"


def test_pronoun_speaker_span_is_the_pronoun(process: Process):
    # a headline line run into the next sentence: the parser hangs "Trump" on "He"; the stored
    # speaker span must still be exactly the pronoun (the data checks compare it with the text)
    text = (
        '"The decision was a mistake," Hazem Qassem said. OPINION: Israel: An inspiration for '
        "Trump He also called on the Palestinian Authority to abandon what he called "
        '"the illusion of a solution through negotiations, and the idea that the US should act '
        'as a mediator in negotiations".'
    )
    result = process(text)
    called = next(q for q in result.quotes if q.cue == "called")
    assert called.speaker_text == "He"
    for quote in result.quotes:
        if quote.speaker_start_char is not None:
            assert text[quote.speaker_start_char : quote.speaker_end_char] == quote.speaker_text


def test_one_report_per_reporting_verb(process: Process):
    # a stray mark inside a quote made two spans a character apart, both "stressed"
    text = (
        "\"Cairo's activities have been multifaceted, involving not only contacts with the "
        'so-called "\ufffdCairo platform"?of the Syrian opposition but also cooperation with '
        'other Arab countries," the Russian diplomat stressed.'
    )
    stressed = [q for q in process(text).quotes if q.cue == "stressed"]
    assert len(stressed) == 1
    assert stressed[0].speaker_text == "the Russian diplomat"
