"""Whole short articles in the styles newskg meets (Trend, Tehran Times, Mehr), with new names."""

from __future__ import annotations

from newskg.ingest import article_from_text
from newskg.nlp import extract_one

TREND = (
    "BAKU, Azerbaijan, Nov. 5 (Trend) - Iran's Small Industries and Industrial Parks Organization (ISIPO) "
    "plans to establish 12 new industrial parks in Khorasan Razavi province in the current Iranian year, "
    "Trend reports citing the Iranian media. Head of ISIPO Mohammad-Ali Dehghan-Dehnavi said the parks will "
    'create 8,500 jobs. "We have allocated 4.2 trillion rials to infrastructure," Dehghan-Dehnavi told '
    "reporters on Monday. He added that 35 percent of the units in Mashhad are idle."
)
BANK = (
    "TEHRAN – The Central Bank of Iran (CBI) announced on Sunday that non-oil exports reached $21 billion "
    "in the first half of the current Iranian year (March 21-September 22). CBI Governor Mohammad Reza "
    "Farzin stressed that the bank will support exporters. Meanwhile, Hamid Zadboum, the head of the Trade "
    "Promotion Organization (TPO), noted that exports to Iraq rose 14 percent. According to Zadboum, 1,240 "
    "companies took part in the Iran Expo 2024 exhibition."
)
MEHR = (
    "TEHRAN, Jan. 12 (MNA) – Isfahan Governor-General Mehdi Jamalinejad said 230 idle units have been "
    "revived in Isfahan province since the beginning of the current year. Former ISIPO head Ali Rasoulian "
    "had announced last year that 7,000 units were inactive across the country, IRNA reported. The "
    "spokesman of the Iran Chamber of Commerce, Industries, Mines and Agriculture (ICCIMA), Ahmad Rezaei, "
    "underlined the need for cheaper loans."
)


def run(nlp, text):
    return extract_one(article_from_text(text, id="a", date="2024-11-05"), nlp=nlp)


def test_trend_dateline_agency_possessive_long_form_and_hyphenated_names(nlp):
    record = run(nlp, TREND)
    assert {r.agency for r in record.reported_by} == {"Trend News Agency"}
    assert (
        "Mohammad-Ali Dehghan-Dehnavi",
        "head",
        "Iran Small Industries and Industrial Parks Organization",
    ) in {(r.person, r.role, r.org) for r in record.roles}
    assert [s.cue for s in record.statements] == ["said", "told", "added"]
    assert [(s.value_text, s.unit) for s in record.statistics] == [
        ("12", "count"),
        ("8,500", "count"),
        ("4.2", "rials"),
        ("35", "percent"),
    ]


def test_bank_governor_heads_the_bank_and_names_with_years_are_not_figures(nlp):
    record = run(nlp, BANK)
    roles = {(r.person, r.role, r.org) for r in record.roles}
    assert ("Mohammad Reza Farzin", "head", "Central Bank of Iran") in roles
    assert ("Hamid Zadboum", "head", "Trade Promotion Organization") in roles
    assert [s.value_text for s in record.statistics] == ["21", "14", "1,240"]
    assert (record.statistics[2].unit, record.statistics[2].what) == ("count", "companies")


def test_undefined_acronym_before_a_post_and_title_then_apposed_name(nlp):
    record = run(nlp, MEHR)
    roles = {(r.person, r.role, r.org) for r in record.roles}
    assert ("Ali Rasoulian", "former head", "ISIPO") in roles
    assert ("Mehdi Jamalinejad", "governor", "Isfahan Province") in roles
    assert (
        "Ahmad Rezaei",
        "spokesman",
        "Iran Chamber of Commerce, Industries, Mines and Agriculture",
    ) in roles
    assert ("Ahmad Rezaei", "underlined") in {(s.speaker, s.cue) for s in record.statements}
    assert not any(
        e.type == "GPE" and e.canonical not in ("Tehran", "Isfahan Province") for e in record.entities
    )


MINISTER = (
    "Iran's Minister of Industry, Mine and Trade Reza Fatemi Amin said on Saturday that the ministry has "
    "launched 1,450 projects worth 320 trillion rials. Speaking at a ceremony in Shiraz, Dr. Hossein "
    "Mahmoudi, the managing director of Iran Khodro Company, pointed out that the company produced "
    "650,000 cars last year."
)
MENAFN = (
    "Tehran, Iran, Aug. 3 (MENAFN - Tehran Times) Over 4,500 small and medium-sized enterprises in "
    "industrial parks of Mazandaran received loans worth 6 trillion rials, the provincial head of the "
    "Industrial Parks Company said. According to Mostafa Hosseini, some 85 percent of the loans were paid "
    "to idle units. Earlier, Economy Minister Ehsan Khandouzi had announced a 12 percent increase."
)


def test_a_ministry_written_out_before_the_name_is_the_ministers_organisation(nlp):
    record = run(nlp, MINISTER)
    roles = {(r.person, r.role, r.org) for r in record.roles}
    assert ("Reza Fatemi Amin", "minister", "Ministry of Industry, Mining and Trade") in roles
    assert ("Hossein Mahmoudi", "head", "Iran Khodro Company") in roles
    assert {e.canonical for e in record.entities if e.type == "PERSON"} == {
        "Reza Fatemi Amin",
        "Hossein Mahmoudi",
    }
    assert ("Hossein Mahmoudi", "pointed out") in {(s.speaker, s.cue) for s in record.statements}


def test_title_case_dateline_with_two_credited_agencies(nlp):
    record = run(nlp, MENAFN)
    assert {r.agency for r in record.reported_by} == {"MENAFN", "Tehran Times"}
    assert any(e.canonical == "Tehran" and e.kind == "city" for e in record.entities)
    statements = [(s.speaker, s.cue.lower()) for s in record.statements]
    assert statements[0] == ("Mostafa Hosseini", "said")  # the bound title, not the company
    assert ("Ehsan Khandouzi", "minister", "Ministry of Economic Affairs and Finance") in {
        (r.person, r.role, r.org) for r in record.roles
    }
    assert record.statistics[0].what == "small and medium-sized enterprises"


STEEL = (
    "TEHRAN – Iran’s steel production rose 8% to 31.9 million tons in the past Iranian calendar year, "
    "according to the World Steel Association. Mr. Bahador Ahramian, the CEO of the Iranian Mines and "
    "Mining Industries Development and Renovation Organization (IMIDRO), said the country exported $1.2 "
    "billion worth of steel. ‘We will reach 55 million tons by 2025,’ he said. The head of the "
    "organization also noted that 2,000 hectares of land were allocated to 17 new projects."
)


def test_long_appositions_single_quotes_and_the_organisation_named_before(nlp):
    record = run(nlp, STEEL)
    imidro = "Iranian Mines and Mining Industries Development and Renovation Organization"
    assert [(s.speaker, s.cue) for s in record.statements] == [
        ("World Steel Association", "according to"),  # the named source of the data speaks
        ("Bahador Ahramian", "said"),
        ("Bahador Ahramian", "said"),
        ("Bahador Ahramian", "noted"),
    ]
    assert {(r.person, r.role, r.org) for r in record.roles} == {("Bahador Ahramian", "head", imidro)}
    stats = [(s.value_text, s.unit, s.scale) for s in record.statistics]
    assert stats[:3] == [("8", "percent", 1), ("31.9", "tons", 10**6), ("1.2", "dollars", 10**9)]
