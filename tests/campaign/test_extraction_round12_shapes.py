"""English shapes of round 12, each read by a mechanism meant for a whole family of documents:
letters told by their structure, donations to an organisation named by its initials, demands
stated once for the whole page. The texts are our own."""

import pytest

from campaign.extraction import (
    CALL,
    DONATE,
    LETTER_TO_MP,
    LETTER_TO_TARGETS,
    PETITION,
)
from campaign.extraction.acronyms import spelled_out
from campaign.extraction.letter_body import find_letter_bodies
from tests.campaign.extraction_helpers import confident as _confident


def test_a_salutation_closed_by_a_semicolon_opens_a_letter():
    text = (
        "Model letter\n\n"
        "Dear Mayor Tremblay;\n\n"
        "I am writing to ask you to keep the Elm Street library open on weekends. "
        "Families in the ward rely on it and I urge you to restore its hours.\n\n"
        "Your Name\n"
    )
    (body,) = find_letter_bodies(text)
    assert body.addressee == "Mayor Tremblay"
    assert "restore its hours" in body.body


def test_a_form_field_under_a_letter_is_its_signature_line():
    text = (
        "Use the form to send the Mayor the following message:\n\n"
        "Mayor Tremblay:\n\n"
        "The Elm Street library is the only quiet place many students have after school. "
        "I urge you to restore its weekend hours in this year's budget.\n\n"
        "    Your Name (required)\n\n"
        "    Your Email (required)\n"
    )
    (letter,) = _confident(text)
    assert letter.kind == LETTER_TO_TARGETS
    assert "weekend hours" in letter.letter_body
    assert "(required)" not in letter.letter_body


def test_initials_are_spelled_out_as_the_text_defines_them():
    assert spelled_out("RLA", "Support the Riverside Library Association (RLA) today.") == (
        "Riverside Library Association"
    )
    assert spelled_out("FCF", "La Fédération canadienne de la faune (FCF) agit.") == (
        "Fédération canadienne de la faune"
    )
    assert spelled_out("RLA", "RLA needs you.") == "RLA"


def test_an_appeal_to_initials_gives_to_the_organisation_in_full():
    text = (
        "The Riverside Library Association (RLA) is taking the city to court over the closure.\n\n"
        "RLA needs your help to pay its legal costs. Please make a donation to RLA today."
    )
    (gift,) = _confident(text)
    assert gift.kind == DONATE
    assert gift.organisation == "Riverside Library Association"


def test_supporting_a_petition_is_signing_it():
    text = "Please consider supporting this petition to keep the Elm Street pool open all summer."
    (petition,) = _confident(text)
    assert petition.kind == PETITION
    assert "pool open" in petition.text


def test_an_ask_pointing_back_takes_the_sentence_naming_what_it_points_to():
    text = (
        "The province plans a twelve-lane highway through the Greenbelt, over farmland. "
        "Traffic studies show it would fill up within a decade. "
        "Please sign this petition to reject the current plan."
    )
    (petition,) = _confident(text)
    assert any("twelve-lane highway" in point for point in petition.talking_points)


def test_an_ask_naming_its_object_needs_no_sentence_before_it():
    text = (
        "Private clinics are growing fast in the province. "
        "Sign the petition to stop the expansion of private surgical contracts."
    )
    (petition,) = _confident(text)
    assert petition.talking_points == ()


def test_officials_joined_to_your_representative_get_the_same_letter():
    text = (
        "E-mail your MLA and the leaders of all three parties.\n\n"
        "Ask them to fund rural bus routes before winter."
    )
    kinds = {a.kind: a for a in _confident(text)}
    assert set(kinds) == {LETTER_TO_MP, LETTER_TO_TARGETS}
    assert kinds[LETTER_TO_TARGETS].targets[0].role == "leaders of all three parties"


def test_an_official_a_demand_is_about_is_no_addressee():
    text = "Email your MP and demand that Premier Jane Roe fund rural bus routes before winter."
    assert [a.kind for a in _confident(text)] == [LETTER_TO_MP]


def test_a_lead_in_before_tell_leaves_it_an_ask_for_the_call():
    text = (
        "Phone your councillor today\n\n"
        "It's time to tell our councillors that we need safe bike lanes on King Street.\n"
    )
    (call,) = _confident(text)
    assert call.kind == CALL
    assert "safe bike lanes" in call.text


def test_talking_points_for_a_phone_call_the_page_places_are_a_call():
    text = (
        "Save the night bus\n\n"
        "Talking points\n\n"
        "A short phone call to the mayor's office makes a difference. Use these points:\n\n"
        "  • Say where you live and how you get home after late shifts.\n"
        "  • Ask them if they will commit to keeping the night bus running past 2 a.m.\n\n"
        "Tips for the call\n\n"
        "Our tool connects you through your phone to the office.\n"
    )
    (call,) = _confident(text)
    assert call.kind == CALL
    assert "keeping the night bus running" in call.text


def test_your_mp_in_the_inside_address_gets_the_letter_too():
    text = (
        "Your Name\n\n"
        "Mayor Ana Silva,\n"
        "Your MP\n\n"
        "Dear Mayor Silva;\n\n"
        "I am writing to you about the closure of the Elm Street shelter this winter. "
        "I urge you to keep the shelter open until a new site is ready for its residents.\n\n"
        "Your Name\n"
    )
    kinds = sorted(a.kind for a in _confident(text))
    assert kinds == [LETTER_TO_MP, LETTER_TO_TARGETS]


def test_a_letter_whose_line_breaks_were_lost_is_still_a_letter():
    text = (
        "Sample letters you can send to the ministers.\n"
        "(Your address and date)\n"
        "The Honourable Ana Silva, M.P. Dear Minister: Re: Rural broadband I am writing to ask "
        "you to fund broadband for the rural townships of the county, where half of the homes "
        "still have no reliable connection. Students cannot attend classes online and farms "
        "cannot sell their produce. Thank you for your work on behalf of the country. "
        "Yours sincerely,\n"
        "Letter to the Premier\n"
    )
    (body,) = find_letter_bodies(text)
    assert body.body.startswith("Dear Minister:")
    assert body.body.endswith("Yours sincerely,")
    (letter,) = _confident(text)
    assert letter.kind == LETTER_TO_TARGETS
    assert "rural townships" in letter.letter_body


def test_samples_introduced_for_officials_and_your_mp_go_to_your_mp_too():
    text = (
        "Here are sample letters to use when writing to the Minister of Transport and your MP.\n\n"
        "Dear Minister Roe,\n\n"
        "I am writing about the rail line to the north shore, cut last spring. "
        "I urge you to restore daily passenger service before the winter.\n\n"
        "Sincerely,\n"
        "[Your name]\n"
    )
    kinds = sorted(a.kind for a in _confident(text))
    assert kinds == [LETTER_TO_MP, LETTER_TO_TARGETS]


@pytest.mark.parametrize(
    "salutation",
    [
        "Dear Premier Smith;",
        "Honourable Jane Roe,",
        "To the Honourable Jane Roe:",
        "Minister Roe;",
        "Hello Minister Roe,",
    ],
)
@pytest.mark.parametrize("ending", ["Your Name (required)\n", "Sincerely,\n[Name]\n", ""])
def test_a_letter_is_read_from_any_common_salutation_and_any_ending(salutation, ending):
    text = (
        "Send this message to the Minister:\n\n"
        f"{salutation}\n\n"
        "I am writing to ask you to protect the Oak Ridges wetlands from the planned highway. "
        "These wetlands filter the drinking water of half a million people.\n\n"
        "I urge you to cancel the highway and protect the wetlands for good.\n\n"
        f"{ending}"
    )
    (letter,) = _confident(text)
    assert letter.kind == LETTER_TO_TARGETS
    assert "drinking water" in letter.letter_body
