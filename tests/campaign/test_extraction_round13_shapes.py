"""English shapes of round 13, each read by a mechanism meant for a family of documents: a
sentence offering two channels, a list headed as the page's asks, the message a page tells
readers to get across, a letter cut off mid-ask, people added to a letter in the sentence
after, tweets. The texts are our own."""

from campaign.extraction import CALL, DONATE, LETTER_TO_MP, LETTER_TO_TARGETS
from campaign.extraction.orgs import is_org_like
from tests.campaign.extraction_helpers import by_kind as _by_kind
from tests.campaign.extraction_helpers import confident as _confident


def test_a_call_that_also_says_email_them_gives_a_letter_too():
    text = (
        "Tell the health department to keep the Elm Street clinic open.\n\n"
        "Please call Director Jane Roe at 613-555-0142 or email her at jane.roe@health.example.ca."
    )
    found = _by_kind(text)
    (letter,) = found[LETTER_TO_TARGETS]
    (call,) = found[CALL]
    assert [t.email for t in letter.targets] == ["jane.roe@health.example.ca"]
    assert [t.phone for t in letter.targets] == [""]
    assert call.targets[0].phone == "613-555-0142"


def test_a_call_alone_gives_no_letter():
    text = "Please call Director Jane Roe at 613-555-0142 to keep the Elm Street clinic open."
    assert [a.kind for a in _confident(text)] == [CALL]


def test_the_same_people_named_without_an_address_are_the_same_letter():
    text = (
        "- Contact Mayor Roe as well.\n"
        "- Please call Mayor Roe at 613-555-0142 and email him at mayor@city.example.ca to keep "
        "the Elm Street clinic open.\n"
    )
    letters = _by_kind(text)[LETTER_TO_TARGETS]
    assert [[t.email for t in a.targets] for a in letters] == [["mayor@city.example.ca"]]


def test_a_list_headed_as_the_asks_is_what_every_letter_and_call_asks():
    text = (
        "- Contact your local MPP.\n"
        "- Call Minister Jane Roe at 416-555-0100.\n"
        "Asks for your MPP and Minister Roe:\n"
        "- Fund a school nurse in every elementary school.\n"
        "- Publish the waiting lists for mental health services.\n"
    )
    found = _by_kind(text)
    for action in (*found[LETTER_TO_MP], *found[CALL]):
        assert "Fund a school nurse in every elementary school." in action.talking_points


def test_the_message_the_page_tells_readers_to_get_across_is_what_its_calls_ask():
    text = (
        "Contact the Regulators\n\n"
        "Reach the regulators directly and make it clear you want them to stop closing rural "
        "pharmacies.\n"
        "There are several ways to do it.\n\n"
        "Call Director Jane Roe at 613-555-0142.\n"
    )
    (call,) = _confident(text)
    assert call.text == "you want them to stop closing rural pharmacies"


def test_a_call_that_says_what_to_ask_keeps_its_own_demand():
    text = (
        "Let them know that you care about rural pharmacies.\n\n"
        "Call Director Jane Roe at 613-555-0142 and ask her to reopen the Elm Street pharmacy.\n"
    )
    (call,) = _confident(text)
    assert "reopen the Elm Street pharmacy" in call.text


def test_a_letter_cut_off_mid_ask_takes_the_order_that_introduced_it():
    text = (
        "Please send a letter to all councillors urging them to restore the night bus routes "
        "before winter.\n\n"
        "Use the following text:\n\n"
        "Dear Councillors,\n\n"
        "I am writing to ask that you take action to"
    )
    (letter,) = _confident(text)
    assert "restore the night bus routes" in letter.text


def test_people_the_next_sentence_adds_to_the_email_get_a_letter_too():
    text = (
        "Email your MLA stating your support for the night bus routes. Be sure to include "
        "Premier Jane Roe and Transport Minister John Doe in your email.\n"
    )
    found = _by_kind(text)
    assert LETTER_TO_MP in found
    (letter,) = found[LETTER_TO_TARGETS]
    assert {t.name for t in letter.targets} == {"Jane Roe", "John Doe"}


def test_a_tweet_is_no_letter():
    text = "Tweet to the Premier and ask her to restore the night bus routes: @premier_roe\n"
    assert _confident(text) == []


def test_here_are_the_asks_heads_the_list_that_follows():
    text = (
        "- Email your MP and request a meeting to talk about the library.\n"
        "At the meeting, remember why you came. Here are 2 calls to action to request from "
        "your MP.\n"
        "- Request they write to the Minister to fund rural libraries.\n"
        "- Request they raise the closures in the House.\n"
    )
    (letter,) = _by_kind(text)[LETTER_TO_MP]
    assert "Request they write to the Minister to fund rural libraries." in letter.talking_points


def test_an_email_to_the_organisers_to_let_them_know_is_no_letter():
    text = (
        "After your meeting with your MP, please send an email to info@libraries.example.org "
        "to let us know what your MP said.\n"
    )
    assert _confident(text) == []


def test_your_meeting_with_your_mp_is_no_order_to_meet():
    text = "As your meeting with your MP ends, thank them for their time.\n"
    assert _confident(text) == []


def test_a_letter_asked_for_in_the_conditional_is_asked_for():
    text = (
        "It would mean a lot if you sent a letter to Councillor Jane Roe and told her that you "
        "want to see the night bus routes restored.\n"
    )
    (letter,) = _confident(text)
    assert letter.kind == LETTER_TO_TARGETS
    assert letter.text.startswith("the night bus routes restored")
    assert letter.targets[0].name == "Jane Roe"


def test_a_question_inviting_a_message_writes_to_whom_the_page_wants_convinced():
    text = (
        "A flood of messages this week will help convince the city council to restore the "
        "night bus routes. Will you send a message now?\n"
    )
    (letter,) = _confident(text)
    assert letter.kind == LETTER_TO_TARGETS
    assert letter.text == "restore the night bus routes"
    assert letter.targets[0].role == "city council"


def test_a_question_with_nothing_to_ask_drafts_nothing():
    text = "We have a new newsletter. Will you send a message to your friends about it?\n"
    assert _confident(text) == []


def test_an_appeal_naming_no_organisation_gives_to_whom_needs_the_help():
    text = (
        "Give warmth this winter\n\n"
        "Shelters urgently need your help. Please give a gift by January 15th.\n\n"
        "All photos were taken before the COVID-19 pandemic.\n"
    )
    (gift,) = _confident(text)
    assert gift.kind == DONATE
    assert gift.organisation == "Shelters"


def test_a_code_with_digits_is_no_organisation():
    assert not is_org_like("COVID-19")
    assert is_org_like("UNICEF")
