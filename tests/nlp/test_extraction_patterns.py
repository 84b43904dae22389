"""Each extraction pattern family on short texts with names that appear nowhere in the dev corpus."""

from __future__ import annotations

import datetime as dt

import pytest

from newskg.ingest import article_from_text
from newskg.nlp import extract_one


def run(nlp, text: str, date: str | None = None):
    return extract_one(article_from_text(text, id="t", date=date), nlp=nlp)


def entities(record) -> set[tuple[str, str]]:
    return {(m.text, e.type) for e in record.entities for m in e.mentions}


def canon(record, surface: str) -> str:
    return next(e.canonical for e in record.entities for m in e.mentions if m.text == surface)


MINES = (
    "TABRIZ - The acting head of Iran Mineral Processing Organization (IMPO) announced that 312 idle mines "
    "have been revived in the past Iranian calendar year. Kamran Vaziri said that reviving the mines has "
    "created jobs for 4,210 persons. The official also announced that IMPO plans to revive 500 more mines. "
    "IMPO’s Previous Head Bahram Shokouhi has said that liquidity remains the main problem. "
    "Banks must lend more, Shokouhi stressed."
)


def test_acronym_definition_and_later_uses_are_one_organisation(nlp):
    record = run(nlp, MINES)
    assert ("Iran Mineral Processing Organization", "ORG") in entities(record)
    assert ("IMPO", "ORG") in entities(record)
    assert canon(record, "IMPO") == "Iran Mineral Processing Organization"


def test_an_acronym_may_leave_out_the_long_forms_of_tail(nlp):
    record = run(
        nlp, "The Forest Protection Agency of Georgia (FPA) planted trees. FPA said more will follow."
    )
    assert canon(record, "FPA") == "Forest Protection Agency of Georgia"
    assert not any(e.canonical == "FPA" for e in record.entities)


def test_an_acronym_letter_comes_from_a_capitalised_word_before_an_of_that_has_it_too(nlp):
    record = run(nlp, "The Office of Fuel Audit Control (OFAC) fined firms. OFAC said more will follow.")
    assert canon(record, "OFAC") == "Office of Fuel Audit Control"
    record = run(nlp, "The Ministry of Ocean Fisheries (MOOF) said so. MOOF will grow.")
    assert canon(record, "MOOF") == "Ministry of Ocean Fisheries"  # "of" gives a letter here


def test_an_acronym_may_take_two_letters_from_its_last_word(nlp):
    record = run(nlp, "Ore from Southern Zinc Smelting Company (SZSCO) rose. SZSCO will export it.")
    assert canon(record, "SZSCO") == "Southern Zinc Smelting Company"


def test_an_acronym_of_letters_inside_words_names_the_whole_name_without_a_title_before_it(nlp):
    record = run(
        nlp,
        "The Kingdom of Ruritania Railways (RAR) ran more trains. Managing director of Northern "
        "Ruritania Railways (NRR) Tom Castell said RAR will grow.",
    )
    assert canon(record, "RAR") == "Kingdom of Ruritania Railways"
    assert canon(record, "NRR") == "Northern Ruritania Railways"
    assert ("Tom Castell", "head", "Northern Ruritania Railways") in {
        (r.person, r.role, r.org) for r in record.roles
    }


def test_an_acronym_whose_letters_match_no_initials_names_only_the_name_before_its_bracket(nlp):
    record = run(
        nlp,
        "Prices rose. Separately, the Renewable Heat Organization (SATBA) said panels were installed. "
        "The Ministry of Roads, Housing and Transport (MRHT) agreed.",
    )
    assert canon(record, "SATBA") == "Renewable Heat Organization"
    assert canon(record, "MRHT") == "Ministry of Roads, Housing and Transport"


def test_a_possessor_before_a_long_form_is_written_apart_and_named_only_when_it_gives_a_letter(nlp):
    record = run(
        nlp, "Iran's Rail Freight Organization (IRFO) grew. Turkey's Sea Freight Office (SFO) did not."
    )
    surfaces = {m.text: e.canonical for e in record.entities for m in e.mentions}
    assert surfaces["Rail Freight Organization"] == "Iran Rail Freight Organization"
    assert surfaces["Sea Freight Office"] == "Sea Freight Office"


def test_companies_named_by_motor_insurance_or_group_end_their_names_before_and(nlp):
    found = entities(
        run(
            nlp,
            "Buyers of Zagros Motor and Karun Group waited. Sina Insurance and Pars Insurance grew. "
            "Reza Nouri, who heads Central Insurance of Ruritania, spoke.",
        )
    )
    assert {
        ("Zagros Motor", "ORG"),
        ("Karun Group", "ORG"),
        ("Sina Insurance", "ORG"),
        ("Pars Insurance", "ORG"),
        ("Central Insurance of Ruritania", "ORG"),
    } <= found
    assert not any(text.startswith("Buyers") for text, _ in found)


def test_an_acronym_of_a_name_that_opens_with_its_head_word_names_it(nlp):
    record = run(
        nlp, "Head of the Organization for Trade and Technical Help of Ruritania (OTTHR) spoke. OTTHR grew."
    )
    assert canon(record, "OTTHR") == "Organization for Trade and Technical Help of Ruritania"


def test_two_companies_joined_by_and_stay_two_but_a_compound_name_stays_one(nlp):
    found = entities(
        run(
            nlp,
            "Ore went to Arvand Zinc Company and Northern Lead Smelting Company. The Roads and "
            "Industrial Parks Organization approved it. So did the Textile Industries and Crafts "
            "Organization.",
        )
    )
    assert {("Arvand Zinc Company", "ORG"), ("Northern Lead Smelting Company", "ORG")} <= found
    assert ("Roads and Industrial Parks Organization", "ORG") in found
    assert ("Textile Industries and Crafts Organization", "ORG") in found


def test_dateline_city_is_a_place_in_its_country(nlp):
    record = run(nlp, MINES)
    assert ("TABRIZ", "GPE") in entities(record)
    assert any(x.place == canon(record, "TABRIZ") and x.container == "Iran" for x in record.located_in)


def test_people_found_by_titles_speech_verbs_and_surnames(nlp):
    record = run(nlp, MINES)
    found = entities(record)
    assert {("Kamran Vaziri", "PERSON"), ("Bahram Shokouhi", "PERSON"), ("Shokouhi", "PERSON")} <= found
    assert canon(record, "Shokouhi") == "Bahram Shokouhi"
    assert not any(t == "PERSON" and "Head" in s for s, t in found)


def test_title_subject_binds_to_the_next_named_person_and_previous_head_is_former(nlp):
    roles = {(r.person, r.role, r.org) for r in run(nlp, MINES).roles}
    assert ("Kamran Vaziri", "acting head", "Iran Mineral Processing Organization") in roles
    assert ("Bahram Shokouhi", "former head", "Iran Mineral Processing Organization") in roles


def test_statements_resolve_title_subjects_the_official_and_surnames(nlp):
    statements = [(s.speaker, s.cue) for s in run(nlp, MINES).statements]
    assert statements == [
        ("Kamran Vaziri", "announced"),
        ("Kamran Vaziri", "said"),
        ("Kamran Vaziri", "announced"),
        ("Bahram Shokouhi", "said"),
        ("Bahram Shokouhi", "stressed"),
    ]


def test_statistics_with_units_and_what_is_counted(nlp):
    stats = {s.value_text: s for s in run(nlp, MINES).statistics}
    assert set(stats) == {"312", "4,210", "500"}
    assert stats["4,210"].value == 4210 and stats["4,210"].unit == "count"
    assert stats["4,210"].what == "persons"
    assert stats["312"].what == "idle mines"


GOVERNOR = (
    "According to Khuzestan Governor Sadegh Khalilian, the province will receive 12 trillion rials "
    "(about $40 million) for new industrial zones. “Industrial zones are our priority,” Khalilian said. "
    "Reza Fatemi Amin, the deputy head of Tehran Chamber of Commerce, told IRNA that 45 percent of "
    "the units are active."
)


def test_governor_of_a_province_and_apposition_roles(nlp):
    record = run(nlp, GOVERNOR)
    roles = {(r.person, r.role, r.org) for r in record.roles}
    assert ("Sadegh Khalilian", "governor", "Khuzestan Province") in roles
    assert ("Reza Fatemi Amin", "deputy head", "Tehran Chamber of Commerce") in roles


def test_according_to_quotes_and_told(nlp):
    statements = [(s.speaker, s.cue.lower()) for s in run(nlp, GOVERNOR).statements]
    assert statements == [
        ("Sadegh Khalilian", "according to"),
        ("Sadegh Khalilian", "said"),
        ("Reza Fatemi Amin", "told"),
    ]


def test_scaled_currency_and_bracketed_conversion(nlp):
    stats = run(nlp, GOVERNOR).statistics
    assert [(s.value_text, s.unit, s.scale) for s in stats] == [("12", "rials", 10**12), ("45", "percent", 1)]
    assert stats[0].amount == 12e12


def test_agency_credit_from_told(nlp):
    record = run(nlp, GOVERNOR)
    assert [r.agency for r in record.reported_by] == ["Islamic Republic News Agency"]
    assert ("IRNA", "NEWS_AGENCY") in entities(record)


MINISTRY = (
    "The Economy Ministry has allocated 9,000 billion rials to the plan. The deputy economy minister "
    "Ali Rasoulian said the Ministry of Economic Affairs and Finance will pay in 9 months, adding that "
    "the mentioned 9,000 billion rials will come from the National Development Fund of Iran (NDFI)."
)


def test_ministry_variants_share_one_canonical_name(nlp):
    record = run(nlp, MINISTRY)
    assert canon(record, "Economy Ministry") == canon(record, "Ministry of Economic Affairs and Finance")
    assert ("National Development Fund of Iran", "ORG") in entities(record)


def test_minister_sector_word_names_the_ministry(nlp):
    roles = {(r.person, r.role, r.org) for r in run(nlp, MINISTRY).roles}
    assert ("Ali Rasoulian", "deputy minister", "Ministry of Economic Affairs and Finance") in roles


def test_periods_and_repeats_are_not_new_figures(nlp):
    assert [s.value_text for s in run(nlp, MINISTRY).statistics] == ["9,000"]


def test_participle_keeps_the_speaker_of_its_sentence(nlp):
    statements = [(s.speaker, s.cue) for s in run(nlp, MINISTRY).statements]
    assert statements == [("Ali Rasoulian", "said"), ("Ali Rasoulian", "adding")]


def test_motto_after_cue_and_its_unquoted_repeats(nlp):
    text = (
        "The Leader named the new year the year of “Production Leap”, and every ministry now pursues "
        "the production leap in its plans."
    )
    record = run(nlp, text)
    assert {("Production Leap", "MOTTO"), ("production leap", "MOTTO")} <= entities(record)
    assert canon(record, "production leap") == "Production Leap"


@pytest.mark.parametrize(
    ("text", "motto"),
    [
        (
            "The motto of the year, Water and Bread, with Public Resolve, guides the plan.",
            "Water and Bread, with Public Resolve",
        ),
        (
            "In line with the slogan of this year, Prosperity: Saving and Exports, banks lent more.",
            "Prosperity: Saving and Exports",
        ),
        ("The watchword of the new year is Thrift in Energy, the council said.", "Thrift in Energy"),
    ],
)
def test_an_unquoted_motto_set_off_after_a_motto_noun(nlp, text, motto):
    assert (motto, "MOTTO") in entities(run(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "In line with the motto of the year, President Ebrahim Raisi said exports grew.",
        "Under the slogan of the year, Tehran’s factories grew.",
        "The motto of the year, which stresses output, guides the plan.",
    ],
)
def test_a_speaker_a_possessive_or_a_clause_after_a_motto_noun_is_no_motto(nlp, text):
    assert not any(e.type == "MOTTO" for e in run(nlp, text).entities)


def test_quoted_text_without_a_cue_is_no_motto(nlp):
    record = run(nlp, "He called the plan “very good” and left.")
    assert not any(e.type == "MOTTO" for e in record.entities)


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("Officials in East Azerbaijan said 20 units reopened.", "East Azarbaijan Province"),
        ("The Sistan and Baluchestan province hosts 12 parks.", "Sistan-Baluchestan Province"),
        ("Kordestan Province has 14 parks.", "Kurdistan Province"),
    ],
)
def test_province_spelling_variants(nlp, text, province):
    record = run(nlp, text)
    assert any(e.canonical == province and e.kind == "province" for e in record.entities)
    assert any(x.place == province and x.container == "Iran" for x in record.located_in)


def test_current_iranian_year_becomes_dates_from_the_article_date(nlp):
    text = "ISIPO revived 80 units during the first six months of the current Iranian calendar year."
    stat = run(nlp, text, date="2021-11-02").statistics[0]
    assert stat.period is not None
    assert stat.period.start == dt.date(2021, 3, 21)
    assert stat.period.end == dt.date(2021, 9, 22)


def test_passive_and_adjectival_said_are_not_statements(nlp):
    text = "It was announced on Monday that the said units reopened."
    assert run(nlp, text).statements == ()


def test_a_definite_title_subject_refers_back_to_the_person_named_with_that_post(nlp):
    text = (
        "TEHRAN - ISIPO Head Kamal Dastgerdi said on Monday that 40 industrial parks will get gas. "
        "Meanwhile, Parviz Nazari, the head of the Tehran Chamber of Commerce, said exports grew. "
        "The ISIPO head added that 900 units were revived."
    )
    statements = [(s.speaker, s.cue) for s in run(nlp, text).statements]
    assert statements == [
        ("Kamal Dastgerdi", "said"),
        ("Parviz Nazari", "said"),
        ("Kamal Dastgerdi", "added"),
    ]


def test_an_explicit_range_after_the_iranian_year_gives_the_days(nlp):
    text = (
        "ISIPO revived 1,170 idle units during the first nine months of the current Iranian calendar "
        "year (March 20-December 20)."
    )
    period = run(nlp, text, date="2020-12-28").statistics[0].period
    assert (period.start, period.end) == (dt.date(2020, 3, 20), dt.date(2020, 12, 20))
    assert period.label.endswith("(March 20-December 20)")


def test_the_past_iranian_year_is_the_one_before_the_article_date(nlp):
    text = "ISIPO revived 1,185 idle units during the past Iranian calendar year (ended on March 19)."
    period = run(nlp, text, date="2020-04-01").statistics[0].period
    assert (period.start, period.end) == (dt.date(2019, 3, 21), dt.date(2020, 3, 19))


def test_without_an_article_date_a_period_keeps_only_its_words(nlp):
    period = run(nlp, "ISIPO revived 80 units in the current Iranian year.").statistics[0].period
    assert period.label == "the current Iranian year" and period.start is None and period.end is None


def test_events_and_programmes_are_named_by_their_head_words(nlp):
    text = (
        "TEHRAN - Some 300 companies took part in Iran Expo 2024, the organizer said. Iran Khodro Company "
        "joined the National Housing Plan, while the Tehran International Book Fair opened on Wednesday."
    )
    found = entities(run(nlp, text))
    assert {
        ("Iran Expo 2024", "EVENT"),
        ("Tehran International Book Fair", "EVENT"),
        ("National Housing Plan", "PROGRAM"),
        ("Iran Khodro Company", "ORG"),
    } <= found


@pytest.mark.parametrize("text", ["IRAN AND CHINA SIGN DEAL on oil exports", "TEHRAN"])
def test_capitals_without_a_dateline_separator_are_no_dateline(nlp, text):
    assert not [e for e in run(nlp, text).entities if e.type == "GPE" and " " in e.canonical]
