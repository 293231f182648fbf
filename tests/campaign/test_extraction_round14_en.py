"""English shapes of round 14, each read by a mechanism meant for a family of documents, on
texts of our own: a formal prayer whose first clause follows on its line, a letter that
"demands that" in the sentence ordering it, a call button that is no petition, ..."""

import dataclasses

from campaign.extraction import (
    CALL,
    DONATE,
    LETTER_TO_MP,
    LETTER_TO_TARGETS,
    PETITION,
    CallToAction,
    Evidence,
    Target,
    call_directories,
    en_assembly,
    extract_actions,
)
from tests.campaign.extraction_helpers import by_kind as _by_kind
from tests.campaign.extraction_helpers import confident as _confident


def test_a_prayer_whose_first_clause_follows_on_its_line_is_a_petition():
    text = (
        "Whereas the province has closed twelve rural libraries;\n\n"
        "Therefore, we the undersigned, petition the Legislative Assembly as follows: That the "
        "province reopen the rural libraries and restore their funding.\n\n"
        "Will you sign?"
    )
    (petition,) = _by_kind(text)[PETITION]
    assert petition.text.startswith("the province reopen the rural libraries")


def test_another_prayer_wording_with_residents_named_is_a_petition():
    text = (
        "We, the undersigned residents of Nova Scotia, call upon the House of Assembly as "
        "follows: That the government fund a school nurse in every elementary school.\n"
    )
    (petition,) = _by_kind(text)[PETITION]
    assert "school nurse" in petition.text


def test_a_letter_that_demands_in_its_own_sentence_is_no_petition_too():
    for order in (
        "Send a letter to Premier Roe and Minister Doe and demand that the government cancel "
        "the pipeline permit.",
        "Send an email to the Mayor and insist that the city keep the pool open.",
    ):
        assert [a.kind for a in _confident(order)] == [LETTER_TO_TARGETS], order


def test_a_button_to_be_connected_by_phone_is_no_petition():
    text = (
        "Call the Premier and demand safe staffing in hospitals. All you have to do is hit CALL "
        "to be connected to the Premier's office."
    )
    assert [a.kind for a in _confident(text)] == [CALL]


def test_the_noun_call_after_its_owner_is_still_read_as_an_ask():
    text = "Join Amnesty's call to the Minister to release the detained journalists."
    petitions = [a for a in extract_actions(text) if a.kind == PETITION]
    assert [a.text for a in petitions] == ["release the detained journalists"]


def _ask(text, kind, quote, *, targets=(), points=(), confidence=0.85):
    start = text.index(quote)
    return CallToAction(
        kind=kind,
        text=quote,
        evidence=Evidence.of(text, start, start + len(quote)),
        confidence=confidence,
        targets=tuple(targets),
        talking_points=tuple(points),
    )


def test_a_second_ask_to_contact_ones_own_mp_is_the_same_letter():
    text = (
        "We are asking you to write to your MP to protect the Cedar River wetlands. "
        "MPs listen, so we ask that you contact your MP as well."
    )
    first = dataclasses.replace(
        _ask(
            text, LETTER_TO_MP, "We are asking you to write to your MP to protect the Cedar River"
        ),
        text="protect the Cedar River wetlands",
    )
    again = dataclasses.replace(
        _ask(text, LETTER_TO_MP, "we ask that you contact your MP as well", points=["Speak"]),
        text="Contact your MP as well",
    )
    (letter,) = en_assembly.drop_repeated_letters_to_mp([first, again])
    assert letter.text == "protect the Cedar River wetlands"
    assert letter.talking_points == ("Speak",)


def test_the_same_official_called_in_the_title_and_the_lead_is_one_call():
    text = "Call the Mayor and Stand Up for Parks\n\nCall the Mayor and demand a parks budget."
    mayor = [Target(role="Mayor")]
    title = _ask(text, CALL, "Call the Mayor and Stand Up for Parks", targets=mayor, points=["A"])
    lead = _ask(
        text, CALL, "Call the Mayor and demand a parks budget.", targets=mayor, points=["A"]
    )
    (call,) = en_assembly.drop_repeated_letters_to_mp([title, lead])
    assert call.talking_points == ("A",)


def test_an_unsure_second_ask_is_left_as_it_is():
    text = "Write to your MP to protect the wetlands. If you meet your MP, mention the river."
    first = _ask(text, LETTER_TO_MP, "Write to your MP to protect the wetlands.")
    unsure = _ask(text, LETTER_TO_MP, "If you meet your MP, mention the river.", confidence=0.3)
    assert en_assembly.drop_repeated_letters_to_mp([first, unsure]) == [first, unsure]


def test_calls_to_different_people_stay_apart():
    text = (
        "Call your MP and ask them to vote for the housing bill.\n\n"
        "Then call Premier Jane Roe at 416-555-0100 and ask her to fund the shelters."
    )
    assert len(_by_kind(text)[CALL]) == 2


def test_a_mailings_subject_tag_is_no_organisation_to_give_to():
    for tag in ("RESEND", "REMINDER", "FWD"):
        text = (
            f"{tag}: the river needs you\n\n"
            f"{tag}: the river needs you. Dear friend,\n\n"
            "Here at the River Alliance, our work has not stopped.\n\n"
            "Can you help us protect the river by donating today?"
        )
        (gift,) = _by_kind(text)[DONATE]
        assert gift.organisation == "River Alliance", tag


def test_an_order_to_tell_an_official_on_a_page_that_sends_the_message_is_a_letter():
    for footer in (
        "Copy will be sent to the following:\n\nHon. Jane Roe\nMinister of Health\n",
        "Your message will be sent to:\n\nMayor Jane Roe\nCity Council\n",
        "Recipients:\nMayor Jane Roe\n",
    ):
        text = (
            "Act now: fix the clinics!\n\n"
            "Join us! Tell the Mayor to act on the clinic crisis!\n\n"
            "  1. Reopen the Elm Street clinic on weekends.\n"
            "  2. Hire twenty more nurses this year.\n\n"
            "Every week of delay costs lives.\n\n"
            "Tell the Mayor to act on the clinic crisis!\n\n" + footer
        )
        found = _by_kind(text)
        assert PETITION not in found, footer
        (letter,) = found[LETTER_TO_TARGETS]
        assert [t.role for t in letter.targets] == ["Mayor"]
        assert letter.talking_points == (
            "Reopen the Elm Street clinic on weekends.",
            "Hire twenty more nurses this year.",
        )


def test_the_same_order_without_a_sending_form_stays_a_petition():
    text = "Join us! Call on the Mayor to reopen the Elm Street clinic on weekends!\n"
    assert [a.kind for a in _confident(text)] == [PETITION]


def test_officials_listed_under_a_call_heading_are_whom_the_call_reaches():
    for heading, more in (
        ("Who to call:", "Additional calls:"),
        ("Numbers to call:", "More calls:"),
    ):
        text = (
            "Phone action: keep the clinics open\n\n"
            f"{heading}\n\n"
            "Jane Roe, Minister of Health\n"
            "Office: 416-555-0101\n\n"
            "John Doe, Minister of Finance: 416-555-0102\n\n"
            "Suggested script:\n\n"
            "Hi, my name is [name]. I am calling to ask the Minister to keep the clinics open.\n\n"
            f"{more}\n\n"
            "Ann Poe, Parliamentary Assistant to the Minister of Health: 416-555-0103\n"
        )
        (call,) = _by_kind(text)[CALL]
        phones = {t.phone for t in call.targets}
        assert {"416-555-0101", "416-555-0102", "416-555-0103"} <= phones, heading


def test_a_page_with_two_calls_gives_the_listed_numbers_to_neither():
    text = (
        "Call your MP. Call the Mayor.\n\n"
        "Who to call:\n\n"
        "John Doe, Minister of Finance: 416-555-0102\n"
    )
    calls = [_ask(text, CALL, "Call your MP."), _ask(text, CALL, "Call the Mayor.")]
    assert call_directories.add_directory_numbers(calls, text) == calls
