"""Rule tests for `chancery_actors` on a blank pipeline (no tagger, parser or NER)."""

from __future__ import annotations

import pytest

from chancery.nlp.extensions import ACTORS


@pytest.fixture(scope="module")
def blank():
    from chancery.nlp.pipeline import blank_pipeline

    return blank_pipeline(("chancery_actors",))


def mentions(nlp, text: str) -> list[tuple[str, str | None, str]]:
    doc = nlp(text)
    return [(s.text, s._.actor.code, s._.actor.kind) for s in doc.spans[ACTORS]]


def codes(nlp, text: str) -> list[str | None]:
    return [code for _, code, _ in mentions(nlp, text)]


def only(nlp, text: str):
    doc = nlp(text)
    spans = list(doc.spans[ACTORS])
    assert len(spans) == 1, [(s.text, s._.actor) for s in spans]
    return spans[0].text, spans[0]._.actor


# ---------------------------------------------------------------- DPRK vs DPR
def test_dprk_is_north_korea_and_dpr_is_donetsk(blank):
    found = mentions(blank, "The DPRK sent a note to the DPR, and the DPR answered the DPRK.")
    assert found == [("DPRK", "PRK", "state"), ("DPR", "DPR", "contested_state"),
                     ("DPR", "DPR", "contested_state"), ("DPRK", "PRK", "state")]


@pytest.mark.parametrize("text", ["the DPR", "the Donetsk People's Republic", "Donetsk", "DNR",
                                  "the Donetsk republic", "the D.P.R."])
def test_donetsk_forms_never_resolve_to_north_korea_or_ukraine(blank, text):
    _, actor = only(blank, f"Officials of {text} spoke." if not text.startswith("the") else f"{text} spoke.")
    assert actor.code == "DPR"


def test_donetsk_region_of_ukraine_keeps_both_apart(blank):
    assert codes(blank, "Shelling hit Donetsk in eastern Ukraine.") == ["DPR", "UKR"]


def test_luhansk_spellings(blank):
    assert codes(blank, "Lugansk, Luhansk, the LPR and the LNR.") == ["LPR", "LPR", "LPR", "LPR"]


# ---------------------------------------------------------------- coordination
def test_elliptical_people_s_republics_give_two_entities(blank):
    found = mentions(blank, "It recognised the Donetsk and Lugansk People's Republics on Wednesday.")
    assert [(t, c) for t, c, _ in found] == [("Donetsk", "DPR"), ("Lugansk People's Republics", "LPR")]


def test_elliptical_curly_apostrophe(blank):
    assert codes(blank, "the Donetsk and Luhansk People’s Republics") == ["DPR", "LPR"]


def test_coordinated_regions_and_republics(blank):
    assert codes(blank, "Donetsk and Luhansk regions") == ["DPR", "LPR"]
    assert codes(blank, "the Donetsk and Luhansk republics") == ["DPR", "LPR"]
    assert codes(blank, "Abkhazia and South Ossetia") == ["ABK", "SOS"]


def test_left_conjunct_borrows_the_shared_head(blank):
    found = mentions(blank, "Talks between South and North Korea resumed.")
    assert [(t, c) for t, c, _ in found] == [("South", "KOR"), ("North Korea", "PRK")]


def test_coordinated_demonyms_share_the_role(blank):
    found = mentions(blank, "the Russian and Chinese foreign ministries said")
    assert found == [("Russian", "RUS", "organisation"), ("Chinese foreign ministries", "CHN", "organisation")]


# ---------------------------------------------------------------- demonyms, possessives, metonyms
def test_demonyms_and_plurals(blank):
    found = mentions(blank, "The North Koreans and a North Korean delegate met Russians and a Ukrainian.")
    assert [(t, c) for t, c, _ in found] == [("North Koreans", "PRK"), ("North Korean delegate", "PRK"),
                                             ("Russians", "RUS"), ("Ukrainian", "UKR")]


def test_possessive_is_outside_the_mention(blank):
    text, actor = only(blank, "Russia's decision surprised nobody.")
    assert (text, actor.code, actor.kind) == ("Russia", "RUS", "state")


@pytest.mark.parametrize(("metonym", "code"), [
    ("Pyongyang", "PRK"), ("Moscow", "RUS"), ("the Kremlin", "RUS"), ("Washington", "USA"),
    ("the White House", "USA"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Beijing", "CHN"), ("Taipei", "TWN"),
    ("Pristina", "XKX"), ("Belgrade", "SRB"), ("Tbilisi", "GEO"), ("Sukhumi", "ABK"), ("Tskhinvali", "SOS"),
    ("Hargeisa", "SML"), ("Rabat", "MAR"), ("Algiers", "DZA"), ("Ramallah", "PSE"),
    ("Downing Street", "GBR"), ("the Elysee", "FRA"), ("Tiraspol", "TRN"), ("Stepanakert", "ART"),
])
def test_capitals_and_seats_of_power(blank, metonym, code):
    _, actor = only(blank, f"On Monday {metonym} said nothing.")
    assert actor.code == code


def test_quai_d_orsay_is_the_french_foreign_ministry(blank):
    _, actor = only(blank, "The Quai d'Orsay summoned him.")
    assert (actor.code, actor.kind, actor.country) == ("FRA", "organisation", "FRA")


def test_jerusalem_is_israel_but_east_jerusalem_is_a_place(blank):
    _, actor = only(blank, "Jerusalem said it would respond.")
    assert actor.code == "ISR"
    _, actor = only(blank, "They want East Jerusalem as their capital.")
    assert actor.code is None and actor.kind == "territory"


def test_regions_named_after_a_continent_are_no_states(blank):
    assert codes(blank, "Latin America and South America, but America alone.") == [None, None, "USA"]


# ---------------------------------------------------------------- China and Taiwan
def test_republic_of_china_is_taiwan_and_prc_is_china(blank):
    found = codes(blank, "The Republic of China, not the People's Republic of China, nor the PRC, nor the ROC.")
    assert found == ["TWN", "CHN", "CHN", "TWN"]


def test_mainland_and_chinese_taipei(blank):
    assert codes(blank, "Taiwan and the mainland; Chinese Taipei and mainland China.") == ["TWN", "CHN", "TWN", "CHN"]


# ---------------------------------------------------------------- case sensitivity
def test_us_acronym_is_case_sensitive(blank):
    found = mentions(blank, "The US told us that the U.S. and the USA are one.")
    assert [(t, c) for t, c, _ in found] == [("US", "USA"), ("U.S.", "USA"), ("USA", "USA")]


def test_short_ambiguous_forms_only_in_capitals(blank):
    assert codes(blank, "The PA and the AU met; pa and au did not.") == ["PSE", "IGO-AU"]


def test_lower_case_common_words_are_not_states(blank):
    assert codes(blank, "We ate turkey off fine china in chad-coloured jordan shoes.") == []
    assert codes(blank, "Turkey and China and Chad and Jordan.") == ["TUR", "CHN", "TCD", "JOR"]


def test_upper_case_headline_still_resolves(blank):
    assert codes(blank, "NORTH KOREA RECOGNISES ABKHAZIA") == ["PRK", "ABK"]


# ---------------------------------------------------------------- contested entities
@pytest.mark.parametrize(("text", "code"), [
    ("Kosovo", "XKX"), ("Kosovar", "XKX"), ("Abkhazian", "ABK"), ("the Abkhaz", "ABK"), ("South Ossetia", "SOS"),
    ("Transnistria", "TRN"), ("Pridnestrovie", "TRN"), ("the PMR", "TRN"), ("Nagorno-Karabakh", "ART"),
    ("Artsakh", "ART"), ("the SADR", "ESH"), ("Western Sahara", "ESH"), ("the Polisario Front", "ESH"),
    ("the TRNC", "NCY"), ("Turkish Republic of Northern Cyprus", "NCY"), ("Somaliland", "SML"),
    ("the State of Palestine", "PSE"), ("the Palestinian Authority", "PSE"), ("Taiwan", "TWN"),
    ("the Holy See", "VAT"), ("the Vatican", "VAT"), ("Czechia", "CZE"), ("Ivory Coast", "CIV"),
    ("Britain", "GBR"), ("the UK", "GBR"), ("America", "USA"), ("South Korea", "KOR"), ("the ROK", "KOR"),
])
def test_named_entities_resolve(blank, text, code):
    _, actor = only(blank, f"Yesterday {text} spoke.")
    assert actor.code == code


def test_kosovo_never_resolves_to_serbia(blank):
    for text in ("Kosovo", "the Republic of Kosovo", "Kosovo's government", "Pristina", "Kosovars"):
        assert "SRB" not in codes(blank, f"{text} declared it."), text


def test_longer_place_names_block_the_state_inside(blank):
    assert codes(blank, "Northern Ireland, New Mexico and Papua New Guinea") == [None, None, "PNG"]
    assert codes(blank, "The South China Sea") == [None]


# ---------------------------------------------------------------- roles and people
def test_ministries_by_demonym_and_possessive(blank):
    found = mentions(blank, "The Russian Foreign Ministry and Russia's foreign ministry and the Ukrainian government.")
    assert found == [("Russian Foreign Ministry", "RUS", "organisation"),
                     ("Russia's foreign ministry", "RUS", "organisation"),
                     ("Ukrainian government", "UKR", "organisation")]


def test_role_of_state(blank):
    text, actor = only(blank, "the Ministry of Foreign Affairs of Ukraine said")
    assert (text, actor.code, actor.kind, actor.name) == (
        "Ministry of Foreign Affairs of Ukraine", "UKR", "organisation", "Foreign Ministry of Ukraine")


def test_embassy_envoy_and_named_bodies(blank):
    found = mentions(blank, "The Chinese embassy, Moscow's envoy, the US State Department and the Pentagon.")
    assert found == [("Chinese embassy", "CHN", "organisation"), ("Moscow's envoy", "RUS", "organisation"),
                     ("US State Department", "USA", "organisation"), ("Pentagon", "USA", "organisation")]


def test_office_with_name_is_that_person_of_that_state(blank):
    doc = blank("DPR Foreign Minister Natalya Nikonorova met Chinese Foreign Minister Wang Yi and "
                "Russian President Vladimir Putin.")
    found = [(s.text, s._.actor) for s in doc.spans[ACTORS]]
    assert [(t, a.code, a.kind, a.name, a.country) for t, a in found] == [
        ("DPR Foreign Minister Natalya Nikonorova", "DPR", "person", "Natalya Nikonorova", "DPR"),
        ("Chinese Foreign Minister Wang Yi", "CHN", "person", "Wang Yi", "CHN"),
        ("Russian President Vladimir Putin", "RUS", "person", "Vladimir Putin", "RUS"),
    ]


def test_office_with_unknown_name_and_apposition(blank):
    doc = blank("The Abkhazian foreign minister, Ivo Tarmeh, said Lugansk Foreign Minister Jon Doeski agreed.")
    found = [(s.text, s._.actor.code, s._.actor.name) for s in doc.spans[ACTORS]]
    assert found == [("Abkhazian foreign minister, Ivo Tarmeh", "ABK", "Ivo Tarmeh"),
                     ("Lugansk Foreign Minister Jon Doeski", "LPR", "Jon Doeski")]


def test_office_followed_by_a_weekday_has_no_name(blank):
    _, actor = only(blank, "the Russian president Monday signed")
    assert (actor.kind, actor.name) == ("organisation", "President of Russia")


def test_known_people_without_a_title(blank):
    found = mentions(blank, "Putin, Zelensky and Kurti met Pushilin.")
    assert found == [("Putin", "RUS", "person"), ("Zelensky", "UKR", "person"), ("Kurti", "XKX", "person"),
                     ("Pushilin", "DPR", "person")]


def test_international_organisations(blank):
    found = codes(blank, "The UN, the UN Security Council, the EU, NATO, the African Union, the OSCE and the WHO.")
    assert found == ["IGO-UN", "IGO-UNSC", "IGO-EU", "IGO-NATO", "IGO-AU", "IGO-OSCE", "IGO-WHO"]
    assert codes(blank, "who are you?") == []


def test_igo_official(blank):
    text, actor = only(blank, "UN Secretary-General Amina Oduya spoke.")
    assert (actor.code, actor.kind, actor.name, actor.country) == ("IGO-UN", "person", "Amina Oduya", None)


def test_no_ner_means_no_fallback_mentions(blank):
    assert mentions(blank, "Jane Roe of Acme Corp spoke.") == []


def test_chained_offices_before_a_name(blank):
    text, actor = only(blank, "Serbia's Deputy Prime Minister and Foreign Minister Ivo Dane said so.")
    assert (text, actor.code, actor.kind, actor.name) == (
        "Serbia's Deputy Prime Minister and Foreign Minister Ivo Dane", "SRB", "person", "Ivo Dane")


def test_organisation_name_after_an_office_is_no_person(blank):
    doc = blank("The Ruritanian ambassador Central News Agency reported. Taiwan's official Central News Agency said.")
    assert all(s._.actor.kind != "person" for s in doc.spans[ACTORS])


def test_role_of_a_state_body(blank):
    text, actor = only(blank, "He met the head of the North Korean Foreign Ministry.")
    assert (text, actor.code, actor.kind) == ("head of the North Korean Foreign Ministry", "PRK", "organisation")


def test_former_states(blank):
    assert codes(blank, "The Soviet Union and Yugoslavia recognised it; the USSR later split.") == ["SUN", "YUG", "SUN"]


def test_hyphenated_pairs_and_stances(blank):
    assert codes(blank, "the Russia-Ukraine war and Sino-Russian ties") == ["RUS", "UKR", "CHN", "RUS"]
    assert codes(blank, "pro-Russian and anti-Israel groups") == []
    assert codes(blank, "Russian-backed and Russian-speaking separatists near US-led forces") == ["USA"]


def test_korea_forms(blank):
    found = codes(blank, "The Democratic People's Republic of Korea, DPR Korea, the Republic of Korea and Korea.")
    assert found == ["PRK", "PRK", "KOR", "KOR"]


def test_kosovo_serbs_are_a_group_not_serbia(blank):
    assert mentions(blank, "Kosovo Serbs protested.") == [("Kosovo Serbs", None, "group")]


def test_stance_and_hyphen_cases_do_not_hide_real_mentions(blank):
    assert codes(blank, "Serbia-Kosovo dialogue") == ["SRB", "XKX"]


def test_names_of_roles_take_the_article_where_english_needs_it(blank):
    doc = blank("the US embassy and the Dutch embassy and Russia's embassy")
    assert [s._.actor.name for s in doc.spans[ACTORS]] == [
        "Embassy of the United States", "Embassy of the Netherlands", "Embassy of Russia"]
