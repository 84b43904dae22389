"""What a figure counts or measures, on short sentences of our own.

Each group checks one reading rule of ``_figure_meaning`` / ``_figure_phrases`` /
``_figure_subject`` with invented sentences, and has negative cases: the readings the rule must
leave alone.
"""

from __future__ import annotations

import pytest

from newskg.ingest import article_from_text
from newskg.nlp import extract_one


def meanings(nlp, text: str) -> dict[str, tuple[str, int, str]]:
    record = extract_one(article_from_text(text, id="t", date="2024-06-01"), nlp=nlp)
    return {s.value_text: (s.unit, s.scale, s.what) for s in record.statistics}


# -- the possessed noun of an "of" phrase --------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("About 74 percent of the exchange's trading value came from banks.", "74", "trading value"),
        ("Some 12 percent of the city’s workforce is idle.", "12", "workforce"),
        ("Nearly 60 percent of growers’ payments were late.", "60", "payments"),
        ("Tehran holds 40 percent of the free zone's trade.", "40", "trade"),
        # negative: a named possessor was already skipped; a chained "of" keeps its head
        ("Iran sold 3 tons of Oman's dates.", "3", "dates"),
        ("The capacity of the country's dams fell to 40 percent.", "40", "capacity of the country's dams"),
    ],
)
def test_a_share_of_a_possessed_thing_is_a_share_of_the_thing(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


def test_a_plural_noun_before_an_apostrophe_with_no_noun_after_it_is_no_possessor(nlp):
    # "firms' in": no possessed noun follows, so nothing is read as the thing possessed
    assert meanings(nlp, "Some 30 percent of the firms' in Tehran are idle.")["30"][2] != "Tehran"


# -- a figure hyphened into a compound modifier --------------------------------------------------


@pytest.mark.parametrize(
    "text, value, expected",
    [
        ("They opened a 4.6-billion-euro refinery in Qom.", "4.6", ("euros", 10**9, "refinery")),
        ("Builders will add a 700-megawatt wind power plant.", "700", ("megawatts", 1, "wind power plant")),
        ("A 120-hectare industrial estate opened.", "120", ("hectares", 1, "industrial estate")),
        (
            "They set up a new 9-trillion-rial venture capital fund.",
            "9",
            ("rials", 10**12, "venture capital fund"),
        ),
        ("Kish has a 410-bed hotel.", "410", ("count", 1, "hotel")),
        # negative: a change keeps its own reading; a compound that modifies no noun keeps the subject
        ("Sales showed a 31.5-percent decrease in terms of weight.", "31.5", ("percent", 1, "weight")),
        ("The new rail line is 88-kilometer long.", "88", ("kilometers", 1, "new rail line")),
        ("The lake level fell 35 centimeters in May.", "35", ("centimeters", 1, "lake level")),
        ("Sugar output was 5-6 percent higher.", "5-6", ("percent", 1, "Sugar output")),
    ],
)
def test_a_compound_modifier_measures_the_noun_it_modifies(nlp, text, value, expected):
    assert meanings(nlp, text)[value] == expected


# -- a sum that is the value of the noun before "of" ---------------------------------------------


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("China offered a credit line of $900 million for dams.", "900", "credit line"),
        ("Oman will grant a soft loan of 2.1 billion euros for the port.", "2.1", "soft loan"),
        # negative: "a total of" names nothing; a sum with no "of" before it is spent on what follows
        ("Banks paid a total of 6 trillion rials in loans.", "6", "loans"),
        ("The bank paid 7 trillion rials in loans.", "7", "loans"),
    ],
)
def test_a_sum_after_of_is_the_value_of_the_noun_before_of(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


# -- noun phrases after a count ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("The carrier leased 14 Nanjing buses.", "14", "Nanjing buses"),  # a name is no verb form
        ("The airline will add 6 more large Embraer jets.", "6", "large Embraer jets"),
        ("Oman trades with its 9 bordering states.", "9", "bordering states"),
        ("The mill made 2,300 tons more copper.", "2,300", "copper"),
        ("Only 70 of the 95 licensed mines are idle.", "70", "licensed mines"),
        ("Some 4 of Iran's 31 provinces gained.", "4", "provinces"),
        ("The field pumps 350,000 barrels per day of light crude.", "350,000", "light crude"),
        ("The field pumps 90,000 barrels a day of heavy oil.", "90,000", "heavy oil"),
        # negative: "of them" is no noun phrase; "more than" compares, it names nothing
        ("Loans reached 80 firms. Some 40 of them are idle.", "40", "firms"),
        ("Coal sales rose 5 percent more than iron sales.", "5", "Coal sales"),
    ],
)
def test_what_a_count_counts(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


# -- a long clause subject with a hyphened compound ----------------------------------------------


@pytest.mark.parametrize(
    "text, value, what",
    [
        (
            "Officials said the country's month-to-month core inflation rate dropped to 4.1 percent.",
            "4.1",
            "country's month-to-month core inflation rate",
        ),
        # negative: a preposition with spaces still starts a modifier that is cut off a long subject
        (
            "Sales of figs to Gulf countries in the first three months of the year rose 17 percent.",
            "17",
            "Sales of figs",
        ),
    ],
)
def test_a_preposition_inside_a_hyphened_compound_does_not_cut_a_subject(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


# -- ", up N percent" after a figure of the same sentence ----------------------------------------


@pytest.mark.parametrize(
    "text, value, what",
    [
        (
            "The official said on Monday that the port drew 2.4 million visitors in the first half "
            "of the year (ended in June), up 14 percent year on year.",
            "14",
            "visitors",
        ),
        (
            "According to Ali Rezaei, the head of the body, the port handled 300 ships, up 9 percent.",
            "9",
            "ships",
        ),
        # negative: with no figure before it, the change is of the main clause's subject
        (
            "Loans rose. Rice imports from India fell sharply, down 20 percent.",
            "20",
            "Rice imports from India",
        ),
    ],
)
def test_a_change_after_a_figure_is_a_change_of_what_that_figure_counts(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


# -- "in" + a time phrase after a sum says when, not what --------------------------------------


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("After talks, the new fund raised 12 trillion rials in October.", "12", "new fund"),
        (
            "Foreign investment in the zone reached $410 million in the past 12 months.",
            "410",
            "Foreign investment in the zone",
        ),
        # negative: a noun after "in" still says what the sum is spent on
        ("The bank paid 7 trillion rials in loans.", "7", "loans"),
    ],
)
def test_a_time_phrase_after_a_sum_is_no_part_of_what(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


# -- a noun phrase a figure qualifies with no verb between them ---------------------------------


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("Loans rose, with the bourse's main index up 210 percent since May.", "210", "bourse's main index"),
        ("Farms were hit, with yields down to 1.7 tons per hectare.", "1.7", "yields"),
        ("The county's jobless rate, at 11.2 percent, is high.", "11.2", "county's jobless rate"),
        # negative: a verb before the adverb keeps the clause subject; "at" not set off by commas too
        ("Loans rose. Prices went up 5 percent.", "5", "Prices"),
        ("Loans rose. Wheat prices are up by 7 percent.", "7", "Wheat prices"),
        ("Loans rose. Tile sales stood at 8 percent, a record.", "8", "Tile sales"),
    ],
)
def test_a_noun_phrase_qualified_by_a_figure_with_no_verb(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


# -- the object of the verb that gives a figure -------------------------------------------------


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("Loans rose. Firms cut output by up to 30 percent.", "30", "output"),
        ("Loans rose. The aim is bringing inflation below 20 percent.", "20", "inflation"),
        (
            "Loans rose. The IMF has projected Oman's average inflation at 6 percent.",
            "6",
            "average inflation",
        ),
        # negative: an adjective is no object; a word after a possessive is no verb
        ("Loans rose. The plan has come true by over 50 percent.", "50", "plan"),
        ("Loans rose. Oman's average rose to 6 percent.", "6", "Oman's average"),
        ("Loans rose. It increased its capital by 41 percent.", "41", "capital"),
    ],
)
def test_the_object_of_the_verb_that_gives_a_figure(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


def test_a_hedged_sum_after_a_second_object_is_what_the_subject_earned(nlp):
    text = "Loans rose. Tile exports have fetched the country around $2 billion."
    assert meanings(nlp, text)["2"][2] == "Tile exports"
    # negative: "by" ties the figure to the object before it
    assert meanings(nlp, "Loans rose. It increased its capital by 41 percent.")["41"][2] == "capital"


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("Loans rose. Firms will invest €40 million in a 120-room hotel.", "40", "hotel"),
        ("Loans rose. Firms will put 9 trillion rials in a 700-megawatt power plant.", "9", "power plant"),
    ],
)
def test_a_sum_spent_on_a_thing_with_a_compound_modifier(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("Loans rose. The dam has made 45 percent progress.", "45", "progress"),
        ("Loans rose. The firm bought a 7 percent stake in the port.", "7", "stake"),
        # negative: a time phrase after a share is no noun it is of
        ("Loans rose. Sales fell 3 percent last month.", "3", "Sales"),
        ("Loans rose. Sales rose 5 percent this year.", "5", "Sales"),
    ],
)
def test_a_noun_right_after_a_share_is_what_it_is_of(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


def test_a_pronoun_object_stands_for_what_the_figure_before_it_measures(nlp):
    text = "Loans rose. The bank increased its capital by 30 percent, bringing it to 90 trillion rials."
    assert meanings(nlp, text)["90"][2] == "capital"
    # negative: a pronoun subject before the verb is read as before (here, the figure before it)
    assert meanings(nlp, "Loans rose. Iran sold 4 tons of gold. It rose to 9 tons.")["9"][2] == "gold"


def test_a_share_in_an_of_which_clause_is_a_share_of_what_the_figure_before_it_measures(nlp):
    text = "Trade with Oman hit $9 billion last year, of which Bushehr and Arak accounted for 40 percent."
    assert meanings(nlp, text)["40"][2] == "Trade with Oman"
    # negative: a clause not opened by "of which" keeps its own subject
    text = "Trade with Oman hit $9 billion last year, while rice imports accounted for 40 percent."
    assert meanings(nlp, text)["40"][2] == "rice imports"


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("Loans rose. Firms will invest 45 trillion rials in a new steel mill.", "45", "new steel mill"),
        # negative: "in total" names no thing; with no determiner an adjective does not open the phrase
        ("Loans rose. Tile exports reached $2 billion in total.", "2", "Tile exports"),
        ("Loans rose. Tile exports reached $2 billion in recent months.", "2", "Tile exports"),
    ],
)
def test_a_sum_spent_on_a_noun_phrase_with_adjectives(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


def test_a_change_in_a_participle_clause_after_a_figure_is_of_what_that_figure_counts(nlp):
    text = (
        "Oman produced 3.2 million tons of cement in the first half of the year (March-September), "
        "registering a 6 percent rise."
    )
    assert meanings(nlp, text)["6"][2] == "cement"
    # negative: with no figure before it, the participle reports a change of the main clause's subject
    text = "Loans rose. Rice imports from India slumped sharply, marking a 9 percent fall."
    assert meanings(nlp, text)["9"][2] == "Rice imports from India"


# -- "of the total": a quantity noun that stands for a figure already given ---------------------


@pytest.mark.parametrize(
    "text, value, what",
    [
        (
            "Oman made 9 million tons of cement. "
            "Its biggest firm made 2.1 million tons (23 percent) of the total.",
            "23",
            "cement",
        ),
        ("Iran has 40 tons of gold, which is 2 percent of the global total.", "2", "gold"),
        # negative: a quantity noun that modifies another noun phrase is read as written
        ("Loans rose. Exports made up 30 percent of the total trade volume.", "30", "total trade volume"),
    ],
)
def test_a_share_of_the_total_is_a_share_of_what_the_figure_before_it_measures(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


def test_two_figures_before_in_terms_of_a_and_b_measure_a_and_b_in_order(nlp):
    text = (
        "Loans rose. Tile exports grew, posting growths of 5.1 percent and 9.3 percent "
        "in terms of weight and value."
    )
    found = meanings(nlp, text)
    assert (found["5.1"][2], found["9.3"][2]) == ("weight", "value")
    # negative: one figure before "in terms of" measures the whole phrase
    assert (
        meanings(nlp, "Loans rose. Sales showed a 31.5-percent decrease in terms of weight.")["31.5"][2]
        == "weight"
    )


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("Deposits grew by 12 percent in May to reach 800 trillion rials.", "800", "Deposits"),
        ("Banks paid 900 trillion rials of loans, of which 30 percent went to dairies.", "30", "loans"),
        # the level a change reached, past a hyphened adverbial ("up to" is no hedge here)
        ("Fig exports rose by 18 percent year-on-year to $2.3 billion.", "2.3", "Fig exports"),
        ("Rice imports fell 6 percent in April to 90,000 tons.", "90,000", "Rice imports"),
    ],
)
def test_a_figure_after_to_verb_or_of_which_counts_what_the_figure_before_it_counts(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


def test_a_figure_after_to_and_a_clause_counts_its_own_thing(nlp):
    # negative: a clause between the change and "to" has its own subject
    found = meanings(nlp, "Fig exports rose 18 percent, and the firm lent 40 tons to farmers.")
    assert found["40"][2] != "Fig exports"


# -- the subject of a measuring verb, and a subject before an apposition -------------------------


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("Kish Free Zone covers 9,000 hectares.", "9,000", "Kish Free Zone"),  # a named subject too
        ("The new gas pipeline runs some 1,600 kilometers.", "1,600", "new gas pipeline"),
        ("The railway will stretch 925 kilometers.", "925", "railway"),
        (
            "Cargo handled at Bandar Abbas, Iran's busiest port city, rose 17 percent.",
            "17",
            "Cargo handled at Bandar Abbas",
        ),
        ("Imports, which had doubled in May, fell 5 percent.", "5", "Imports"),
        ("The field holds 14.2 trillion cubic meters of in-place gas.", "14.2", "in-place gas"),
    ],
)
def test_a_measuring_verb_measures_its_subject_and_an_apposition_hides_no_subject(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


def test_a_named_subject_of_a_level_verb_still_stands_for_the_figure_before(nlp):
    found = meanings(
        nlp, "Loans reached 12 trillion rials in Fars. Semnan Province was next with 9 trillion rials."
    )
    assert found["9"][2] == "Loans"


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("The lender posted accumulated losses of 410 billion rials.", "410", "accumulated losses"),
        ("Banks pay an interest rate of 18 percent on deposits.", "18", "interest rate"),
        ("The insurer had a market value of about 9,000 billion rials on Monday.", "9,000", "market value"),
        ("Farms saw a production loss of 2.4 million tons.", "2.4", "production loss"),
        # negative: a bare change or amount noun, a degree adjective or a verb says not what it is
        ("Tea exports rose. The figure marks an increase of 14 percent.", "14", ""),
        ("Saffron sales posted a sharp rise of 7 percent.", "7", "Saffron sales"),
        ("Caviar exports grew in May, marking growth of 30 percent.", "30", "Caviar exports"),
    ],
)
def test_a_change_or_amount_noun_named_by_the_noun_before_it_is_what_the_figure_after_of_measures(
    nlp, text, value, what
):
    assert meanings(nlp, text)[value][2] == what


@pytest.mark.parametrize(
    "text, value, what",
    [
        (
            "Youth unemployment remained high at 26 percent and reached 39 percent among graduates.",
            "39",
            "Youth unemployment",
        ),
        (
            "A second pipeline, from Jask to Isfahan, was under study and could cost about €2.5 billion.",
            "2.5",
            "second pipeline",
        ),
        ("Tea exports rose and reached $5 billion.", "5", "Tea exports"),
    ],
)
def test_a_verb_after_and_shares_the_subject_of_the_verb_before_it(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("Arrivals reached 1.4 million, a 16 percent rise compared with last year.", "16", "Arrivals"),
        (
            "The jobless rate fell to 9.1 percent, 1.3 percentage points lower than a year earlier.",
            "1.3",
            "jobless rate",
        ),
        ("The zone attracted $420 million in new investment.", "420", "new investment"),
        # negative: an adverbial phrase after a sum says how, not what
        ("The firm paid $3 million in hard cash.", "3", ""),
    ],
)
def test_a_change_apposed_to_a_figure_and_a_sum_in_an_adjective_and_noun(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("The smelter opened a new potline, which cost 4.5 trillion rials.", "4.5", "new potline"),
        ("Farmers pump from wells that are 250 meters deep.", "250", "wells"),
        # negative: a relative clause whose figure counts its own noun
        ("The plan, which covers 130 villages, started.", "130", "villages"),
    ],
)
def test_a_relative_pronoun_subject_stands_for_the_noun_phrase_before_it(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


def test_a_market_closing_at_a_level_is_measured_by_its_subject(nlp):
    found = meanings(nlp, "Ruritania Zinc shares closed 2.4 percent higher. The plant closed 4 units.")
    assert found["2.4"][2] == "Ruritania Zinc shares" and found["4"][2] == "units"


def test_a_named_rate_as_the_object_before_at_a_figure_is_what_it_measures(nlp):
    found = meanings(nlp, "Among the provinces, Ilam recorded the highest jobless rate at 16.2 percent.")
    assert found["16.2"][2] == "highest jobless rate"
    assert meanings(nlp, "Tea shipments had seen a surge of 86 percent.")["86"][2] == "Tea shipments"


# -- a sum given to a purpose, a sum modifying a noun, a change after a comma, an age -------------


@pytest.mark.parametrize(
    "text, value, expected",
    [
        (
            "The ministry had allocated 14 trillion rials to water projects.",
            "14",
            ("rials", 1_000_000_000_000, "water projects"),
        ),
        (
            "The dam was built with a $320 million loan from Chinese banks.",
            "320",
            ("dollars", 1_000_000, "loan"),
        ),
        ("Investment reached 5 trillion rials, a rise of 22 percent.", "22", ("percent", 1, "Investment")),
        ("Arash Delavari, 52, was named head of the company.", "52", ("years", 1, "age")),
        # negative: a sum paid to people is not for them; a change after "a" is no thing measured;
        # a number between commas after no person is no age
        ("Banks paid 3 trillion rials to 400 applicants.", "3", ("rials", 1_000_000_000_000, "")),
        ("Exports saw a 12 percent rise in May.", "12", ("percent", 1, "Exports")),
        ("In Tabriz, 52, closed.", "52", ("count", 1, "")),
    ],
)
def test_allocated_sums_attributive_sums_apposed_changes_and_ages(nlp, text, value, expected):
    assert meanings(nlp, text)[value] == expected


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("The park offers 310 hectares of allocated land.", "310", "allocated land"),
        ("The zone has 40 percent of the leased warehouses.", "40", "leased warehouses"),
        # negative: a past tense after a count is the verb, not a modifier
        ("Of the firms, 120 applied for loans.", "120", ""),
    ],
)
def test_a_past_participle_after_of_or_an_article_modifies_the_noun_after_it(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


# -- units that hold their scale, durations of things, compounds and sums given to a purpose -------


@pytest.mark.parametrize(
    "text, value, meaning",
    [
        ("Kavir received about 7.4 bcm of gas last year.", "7.4", ("cubic meters", 10**9, "gas")),
        ("The line carries 40 mcm of gas a day.", "40", ("cubic meters", 10**6, "gas")),
        ("Iran signed a 25-year gas contract with Zolvar.", "25", ("years", 1, "gas contract")),
        ("NIOC signed a $2-billion buy-back contract.", "2", ("dollars", 10**9, "buy-back contract")),
        (
            "Banks will lend 1.3 billion euros of the plant's estimated cost.",
            "1.3",
            ("euros", 10**9, "estimated cost"),
        ),
        (
            "The state will allocate 7,000 billion rials to industrial parks.",
            "7,000",
            ("rials", 10**9, "industrial parks"),
        ),
        (
            "Investors committed 85 trillion rials (about $92 million) to new hotels.",
            "85",
            ("rials", 10**12, "new hotels"),
        ),
    ],
)
def test_a_units_scale_a_things_duration_a_compound_and_a_sum_for_a_purpose(nlp, text, value, meaning):
    assert meanings(nlp, text)[value] == meaning


def test_a_bare_time_span_and_a_share_given_are_no_duration_or_purpose(nlp):
    # negative: "in 25 years" is a time window, not a statistic; a share "committed to" names no purpose
    assert "25" not in meanings(nlp, "The plant will open in 25 years.")
    assert meanings(nlp, "The firm committed 5 percent to the plan.")["5"][2] != "plan"
    assert meanings(nlp, "The state allocated 15 trillion rials to this issue.")["15"][2] != "issue"


def test_a_hyphened_unit_as_the_tokenizer_splits_it_and_a_sum_for_this_purpose(nlp):
    assert meanings(nlp, "Solar plants generated 310 million kilowatt-hours of power.")["310"] == (
        "kilowatt-hours",
        10**6,
        "power",
    )
    # negative: "for this purpose" says what the sum is for only by pointing back
    assert meanings(nlp, "The fund has allocated 30 trillion rials for this purpose.")["30"][2] != "purpose"


# -- a distance between two places ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, what",
    [
        (
            "Officials said Farvardin Industrial Town, located 25 kilometers southeast of Tabriz, grew.",
            "25",
            "distance of Farvardin Industrial Town from Tabriz",
        ),
        ("A dry port is planned near Saveh, a town 40 km from Arak.", "40", "distance of Saveh from Arak"),
        ("The new plant lies some 60 kilometers away from the sea.", "60", "distance from the sea"),
        # negative: a length of a thing, and a length with no place after it
        ("The company laid 60 kilometers of pipelines.", "60", "pipelines"),
    ],
)
def test_a_length_with_a_compass_direction_and_of_or_with_from_is_a_distance(nlp, text, value, what):
    assert meanings(nlp, text)[value] == ("kilometers", 1, what)


def test_a_length_that_a_word_separates_from_from_is_no_distance(nlp):
    assert "distance" not in meanings(nlp, "The new road, 12 kilometers long, opened from Monday.")["12"][2]
    assert (
        meanings(nlp, "They built 12 kilometers of road north of Tabriz.")["12"][2] == "road north of Tabriz"
    )


# -- what a sum is spent on, and compounds that go on ----------------------------------------------


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("Kavir Steel invested 3.8 trillion rials in upgrading 7 furnaces.", "3.8", "upgrading 7 furnaces"),
        (
            "The state has allocated 14 trillion rials to complete the Kavir railway.",
            "14",
            "complete the Kavir railway",
        ),
        ("The firm would invest $1.1 billion.", "1.1", "investment"),
        ("The 10-trillion-rial (about $280 million) project opened.", "10", "project"),
        ("The 300-kilometer-long Kavir canal opened.", "300", "Kavir canal"),
        # negative: a noun after the link word, a verb-like noun after "to", a sum spent in a place
        ("The state has allocated 5 trillion rials to water projects.", "5", "water projects"),
        ("Kavir Steel has invested $120 million in equipment.", "120", "equipment"),
        ("The 10-trillion-rial project (in Semnan) opened.", "10", "project"),
    ],
)
def test_a_sum_spent_on_doing_something_and_compounds_with_a_bracket_or_dimension(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


def test_square_kilometers_and_cubic_feet_are_units(nlp):
    found = meanings(
        nlp, "Surveys covered 400,000 square kilometers. Flaring fell by 60 million cubic feet of gas."
    )
    assert found["400,000"][:2] == ("square kilometers", 1)
    assert found["60"] == ("cubic feet", 1000000, "gas")


@pytest.mark.parametrize(
    "text, value, what",
    [
        ("The fund has allocated 15 trillion rials (about $357 million) to this issue.", "15", "allocated"),
        ("The fund has allocated 30 trillion rials for the purpose.", "30", "allocated"),
        ("The bank earmarked 2 trillion rials.", "2", "earmarked"),
        # negative: a purpose named, and a sum no allocating verb gives
        ("The bank allocated 5 trillion rials to water projects.", "5", "water projects"),
        ("The firm spent $3 billion for the purpose of imports.", "3", "purpose of imports"),
    ],
)
def test_a_sum_allocated_to_nothing_named_is_what_was_allocated(nlp, text, value, what):
    assert meanings(nlp, text)[value][2] == what


def test_figures_joined_by_and_take_nouns_joined_by_and_respectively(nlp):
    text = "Of the 983 areas, 561 and 412 belong to the industrial towns and industrial parks respectively."
    found = meanings(nlp, text)
    assert (found["561"][2], found["412"][2]) == ("industrial towns", "industrial parks")
    # negative: without "respectively" the nouns are not shared out
    found = meanings(nlp, "Of the 983 areas, 561 and 412 belong to the industrial towns and parks.")
    assert found["561"][2] != "industrial towns"


def test_a_part_of_which_and_a_quantity_restated_after_or(nlp):
    text = (
        "Some 4,000 knowledge-based firms are based in 90 science parks, of which nearly 70 percent "
        "or 2,800 are active."
    )
    found = meanings(nlp, text)
    assert found["70"][2] == found["2,800"][2] == "knowledge-based firms"
    # negative: with one figure before, the part is of it
    found = meanings(nlp, "The number of parks is 983, of which 561 are active.")
    assert found["561"][2] == found["983"][2]
