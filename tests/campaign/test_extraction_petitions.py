"""Petitions: first-person and imperative demands score high; reported speech does not."""

import pytest

from campaign.extraction import PETITION, extract_actions


def _petitions(text):
    return [action for action in extract_actions(text) if action.kind == PETITION]


def test_it_finds_we_call_on_the_government_with_addressee_and_demand():
    text = "We call on the Canadian government to issue emergency visas to LGBT Chechens."
    (action,) = _petitions(text)
    assert action.addressee == "the Canadian government"
    assert action.text == "issue emergency visas to LGBT Chechens"
    assert action.confidence >= 0.8


def test_it_finds_demanding_that_with_a_subjunctive_demand():
    text = (
        "Join us in demanding that the Liberal government take steps now to issue emergency "
        "visas to LGBT Chechens in danger and to help evacuate and resettle them in Canada."
    )
    (action,) = _petitions(text)
    assert action.addressee == "the Liberal government"
    assert action.text == (
        "issue emergency visas to LGBT Chechens in danger and help evacuate and resettle them "
        "in Canada"
    )
    assert not action.low_confidence


def test_it_finds_we_urge_an_official():
    text = "We urge Prime Minister Carney to suspend deportations to Haiti immediately."
    (action,) = _petitions(text)
    assert action.addressee == "Prime Minister Carney"
    assert action.text == "suspend deportations to Haiti immediately"


def test_it_finds_an_imperative_tell():
    text = "Tell the Minister of Immigration to reopen the private sponsorship program."
    (action,) = _petitions(text)
    assert action.addressee == "the Minister of Immigration"
    assert not action.low_confidence


def test_it_finds_sign_our_petition():
    text = "Sign our petition calling on Parliament to ban conversion therapy nationwide."
    (action,) = _petitions(text)
    assert action.addressee == "Parliament"
    assert action.text == "ban conversion therapy nationwide"
    assert not action.low_confidence


def test_it_finds_add_your_name():
    (action,) = _petitions("Add your name to demand justice for the victims!")
    assert not action.low_confidence


def test_it_finds_a_demands_list_and_uses_its_items_as_talking_points():
    text = (
        "We call on the Government of Canada to act:\n"
        "\u2022 Issue emergency visas\n"
        "\u2022 Fund Rainbow Railroad\n"
    )
    (action,) = _petitions(text)
    assert action.talking_points == ("Issue emergency visas", "Fund Rainbow Railroad")


def test_it_reads_the_addressee_of_sign_our_petition_to():
    (action,) = _petitions("Sign our petition to the Minister of Foreign Affairs today.")
    assert action.addressee == "the Minister of Foreign Affairs"


def test_it_gives_the_ask_inside_a_signing_request_full_confidence():
    (action,) = _petitions("1. Sign the petition calling on the Premier to fund shelters.")
    assert (action.addressee, action.text) == ("the Premier", "fund shelters")
    assert not action.low_confidence


def test_it_reads_adjectives_before_the_addressee_of_demand_that():
    text = (
        "We demand that the federal government halt the removal and grant Ahmed permanent "
        "residence on humanitarian grounds."
    )
    (action,) = _petitions(text)
    assert action.addressee == "the federal government"
    assert action.text == (
        "halt the removal and grant Ahmed permanent residence on humanitarian grounds"
    )
    assert not action.low_confidence


def test_it_names_the_addressee_of_we_urge_and_calling_on():
    urge, join = (
        _petitions("We urge Canada to lift every long-term drinking water advisory.")[0],
        _petitions("Join us in calling on Parliament to pass universal pharmacare.")[0],
    )
    assert (urge.addressee, join.addressee) == ("Canada", "Parliament")


def test_it_accepts_a_city_as_an_addressee():
    (action,) = _petitions("We urge the city to build protected bike lanes on Bloor.")
    assert action.addressee == "the city"
    assert not action.low_confidence


def test_it_reads_an_order_after_a_lead_in_colon():
    (action,) = _petitions("Add your name: tell Loblaw to freeze prices on essential foods.")
    assert (action.addressee, action.text) == ("Loblaw", "freeze prices on essential foods")
    assert not action.low_confidence


def test_it_reads_tell_someone_colon_message_without_a_role_as_a_petition():
    (action,) = _petitions("Tell Loblaw: stop price gouging now!")
    assert (action.addressee, action.text) == ("Loblaw", "Stop price gouging now")


def test_it_reads_a_signed_open_letter_as_a_petition():
    text = (
        "Sign our open letter to Metrolinx CEO Phil Verster demanding that Metrolinx keep "
        "maintenance work in-house."
    )
    (action,) = _petitions(text)
    assert action.text == "keep maintenance work in-house"
    assert not action.low_confidence


def test_it_leaves_urge_your_mp_to_the_letter_detector():
    text = "Urge your MP to support Bill C-401, which would close the loopholes."
    assert _petitions(text) == []
    assert [a.kind for a in extract_actions(text)] == ["letter_to_mp"]


def test_it_reads_the_formal_we_the_undersigned_petition():
    text = (
        "We, the undersigned, citizens and residents of Canada, call upon the Government of "
        "Canada to extend the Hong Kong pathway for three years."
    )
    (action,) = _petitions(text)
    assert action.addressee == "the Government of Canada"
    assert action.text == "extend the Hong Kong pathway for three years"


def test_it_leaves_ask_your_city_councillor_to_the_letter_detector():
    text = "Ask your city councillor to support the motion."
    assert [a.kind for a in extract_actions(text)] == ["letter_to_mp"]


def test_it_reads_the_formal_petition_as_follows():
    text = (
        "We, the undersigned, petition the Legislative Assembly of Ontario as follows: to hire "
        "500 new inspectors."
    )
    (action,) = _petitions(text)
    assert action.addressee == "the Legislative Assembly of Ontario"
    assert action.text == "hire 500 new inspectors"


def test_it_reads_signing_a_letter_to_a_named_mp_as_a_petition():
    text = (
        "The Refugee Committee invites you to sign the letter on the table asking our MP, Julie "
        "Dzerowicz, to support the family reunification amendments."
    )
    assert [(a.kind, a.text) for a in extract_actions(text)] == [
        ("petition", "support the family reunification amendments")
    ]


def test_it_accepts_an_addressee_that_merely_ends_in_ing():
    (action,) = _petitions("We urge Beijing to release the detained journalists.")
    assert action.addressee == "Beijing"


def test_it_reads_tell_the_city_you_want_as_a_petition_to_the_city():
    text = "Tell the town you want a crosswalk at Main and Elm."
    (action,) = _petitions(text)
    assert action.addressee == "the town"
    assert "crosswalk at Main and Elm" in action.text
    assert not action.low_confidence


def test_it_reads_we_would_urge_as_a_polite_ask():
    text = "We would urge the Minister of Health to restore the clinic's funding."
    (action,) = _petitions(text)
    assert not action.low_confidence


def test_it_reads_tell_x_you_stand_with_y_then_sign_as_one_petition():
    text = (
        "Tell the province you stand with Grassy Narrows. Sign the petition calling on the "
        "Government of Ontario to clean up the Wabigoon River."
    )
    (action,) = _petitions(text)
    assert action.text == "clean up the Wabigoon River"
    assert action.evidence.quote == text


def test_it_reads_tell_the_committee_you_want_as_a_petition_to_the_committee():
    text = "Tell the committee you want a safe crossing at the school."
    (action,) = _petitions(text)
    assert action.addressee == "the committee"


def test_it_gives_the_demands_list_to_the_sentence_ending_in_the_colon():
    text = (
        "Sign our petition. We demand that the college:\n"
        "- freeze parking fees\n"
        "- keep the library open until midnight\n"
    )
    (action,) = _petitions(text)
    assert action.addressee == "the college"
    assert action.text == "freeze parking fees; keep the library open until midnight"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "We also ask Canadians to support organizations who are working to help.",
            id="asking_the_public",
        ),
        pytest.param(
            "We are asking each congregation to write to the Premier before the budget vote.",
            id="asking_people_to_write",
        ),
        pytest.param(
            "Please write to the Ambassador of Egypt (embassy@example.org), urging the "
            "authorities to release Mona Adel.",
            id="the_ask_of_a_letter_which_the_letter_detector_reports",
        ),
    ],
)
def test_it_finds_no_petition_in(text):
    assert _petitions(text) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Alex Neve, Secretary-General of Amnesty International Canada, has urged the Canadian "
            "government to put diplomatic pressure on Russia.",
            id="reported_urging_by_a_named_person",
        ),
        pytest.param(
            "She urged the Liberal government to produce a budgeted plan to resettle gay Chechens.",
            id="reported_urging_by_she",
        ),
        pytest.param(
            "He actually urged all of the gay people in the region to flee to Canada.",
            id="reported_urging_by_he",
        ),
        pytest.param(
            "Officials urged the province to reopen the shelters, according to the report.",
            id="reported_urging_according_to_a_report",
        ),
        pytest.param("Canadian charity calls for all hands on deck", id="a_headline_calling_for"),
        pytest.param(
            "\u201cWe call on the government to act now,\u201d said the spokesperson.",
            id="quoted_speech",
        ),
        pytest.param(
            "Petition urging Ottawa to resettle Sudanese refugees tops 20,000 signatures",
            id="a_petition_headline",
        ),
        pytest.param(
            "Thanks to all of you who signed our petition calling on the province to fund "
            "school nutrition programs.",
            id="thanks_for_a_past_petition",
        ),
        pytest.param(
            "Once in office, we will urge the federal government to double the Canada Child "
            "Benefit.",
            id="a_candidates_promise",
        ),
        pytest.param(
            'Script: "Hi, my name is ___. I am calling to ask the council to keep the pool open."',
            id="a_call_script_in_quotation_marks",
        ),
    ],
)
def test_it_finds_no_confident_petition_in(text):
    assert [a for a in _petitions(text) if not a.low_confidence] == []


def test_an_appeal_to_raise_funds_is_not_a_demand():
    text = (
        "The Harbour Relief Alliance is launching an appeal to raise funds and rush emergency "
        "assistance to people in need. Donate to the Harbour Relief Alliance today."
    )
    assert [a.kind for a in extract_actions(text) if a.confidence >= 0.5] == ["donate"]


def test_an_ask_cut_before_its_numbered_demands_takes_them_as_its_text():
    text = (
        "We, the undersigned, call upon the Minister of Transport to\n\n"
        "1. Restore the night ferry to the island;\n\n"
        "2. Publish the ferry schedule a year ahead."
    )
    (petition,) = [a for a in extract_actions(text) if not a.low_confidence]
    assert petition.kind == PETITION
    assert petition.text == (
        "Restore the night ferry to the island; Publish the ferry schedule a year ahead."
    )


def test_a_petition_page_whose_demand_is_only_its_title_petitions_for_the_title():
    text = (
        "Restore the Night Ferry\n\n"
        "12 have signed. Let's get to 500!\n\n"
        "We are writing to tell you how hard the island has been hit since the cuts."
    )
    (petition,) = [a for a in extract_actions(text) if not a.low_confidence]
    assert petition.kind == PETITION
    assert petition.text == "Restore the Night Ferry"
    assert petition.evidence.quote == "Restore the Night Ferry"


def test_a_signature_counter_adds_nothing_when_the_page_states_its_demand():
    text = (
        "Keep the library open\n\n"
        "We ask the City Council to fund a temporary branch during the works.\n\n"
        "120 have signed. Let's get to 200!"
    )
    (petition,) = [a for a in extract_actions(text) if not a.low_confidence]
    assert petition.text == "fund a temporary branch during the works"


def test_a_formal_petition_demands_the_that_clauses_after_as_follows():
    text = (
        "WHEREAS the town closed the library without notice;\n\n"
        "WE the undersigned petition the Town Council as follows:\n\n"
        "That the library be reopened on its former hours.\n\n"
        "That no branch be closed without a public meeting.\n\n"
        "Sign now\n"
    )
    (action,) = _petitions(text)
    assert action.addressee == "the Town Council"
    assert action.text == (
        "the library be reopened on its former hours; no branch be closed without a public meeting"
    )
    assert action.evidence.quote.startswith("WE the undersigned petition")
    assert action.evidence.quote.endswith("without a public meeting.")
    assert action.confidence >= 0.8


def test_as_follows_without_that_clauses_is_no_petition():
    text = "WE the undersigned petition the Town Council as follows:\n\nThe library matters."
    assert _petitions(text) == []


def test_a_signing_request_under_a_letter_to_officials_petitions_for_what_it_tells_them():
    text = (
        "Dear Mayor Smith and Councillor Jones:\n\n"
        "The pool has been closed for two summers. Families have nowhere to swim.\n\n"
        "You need to reopen the pool before July and fund its repairs.\n\n"
        "Add your name if you agree:\n"
    )
    (action,) = _petitions(text)
    assert action.addressee == "Mayor Smith and Councillor Jones"
    assert action.text == "reopen the pool before July and fund its repairs"
    assert action.evidence.quote == "You need to reopen the pool before July and fund its repairs."
    assert action.confidence >= 0.8


def test_a_signing_request_under_a_greeting_to_readers_stays_as_it_is():
    text = "Dear friends,\n\nYou need to see this.\n\nAdd your name if you agree:\n"
    (action,) = _petitions(text)
    assert action.text.startswith("Add your name")


def test_take_a_minute_to_sign_is_an_order_to_the_reader():
    text = "Take a minute to sign our petition to the school board asking for free lunches."
    (action,) = _petitions(text)
    assert not action.low_confidence
