"""English alerts: asks, addresses and contacts that belong to an action stated elsewhere."""

from campaign.extraction import CALL, LETTER_TO_MP, LETTER_TO_TARGETS
from tests.campaign.extraction_helpers import confident as _confident


def test_an_order_to_visit_a_site_to_tell_your_mp_is_the_authors_ask():
    text = "Visit budget.example.ca to tell your MPP that you want good public services."
    (letter,) = _confident(text)
    assert letter.kind == LETTER_TO_MP


def test_meet_or_call_your_mp_is_a_call():
    text = "We encourage you to meet or call your Member of Parliament to support the bill."
    (action,) = _confident(text)
    assert action.kind == CALL


def test_an_ask_with_no_channel_is_what_to_say_in_the_call_to_your_mp():
    text = (
        "Please call your MP this week to secure their support for the bill.\n\n"
        "We are attaching notes to help you. Ask your MP to declare support for the bill."
    )
    (call,) = _confident(text)
    assert call.kind == CALL
    assert "declare support for the bill" in call.talking_points


def test_a_headline_urging_an_official_with_no_channel_joins_the_call_to_them():
    text = (
        "Urge Governor Jane Roe: Drop your threatened veto!\n\n"
        "Call Governor Roe's office at (916) 555-0141 and insist that she sign the bill!"
    )
    (call,) = _confident(text)
    assert call.kind == CALL
    assert [t.phone for t in call.targets] == ["(916) 555-0141"]


def test_an_ask_with_no_channel_stays_when_nobody_else_contacts_the_same_people():
    text = "Ask your MP to declare support for the bill."
    (letter,) = _confident(text)
    assert letter.kind == LETTER_TO_MP


def test_an_email_label_under_the_order_is_the_officials_mailbox():
    text = (
        "We need you to call, email, and tweet at Minister Ann Lee and let her know she is "
        "wrong.\n\n"
        "Tell her that you expect her to stop the pipeline.\n\n"
        "Phone: 1-613-555-0179\n\n"
        "Email: minister@example.gc.ca\n"
    )
    letter = next(a for a in _confident(text) if a.kind == LETTER_TO_TARGETS)
    assert [t.email for t in letter.targets] == ["minister@example.gc.ca"]


def test_a_call_to_the_writing_organisations_own_staff_is_not_an_action():
    text = (
        "Weekly news from Riverside Workers Union\n\n"
        "Riverside Workers Union asks members to act this week.\n\n"
        "Make an appointment to see your MPP and call Jo Park at Riverside Workers Union "
        "(905-555-0139). She can help you prepare."
    )
    assert [a for a in _confident(text) if a.kind == CALL] == []


def test_a_card_sent_to_an_official_and_your_mla_is_two_letters():
    text = "Please send this birthday card (see below) to the Premier and your local MLA."
    kinds = sorted(a.kind for a in _confident(text))
    assert kinds == [LETTER_TO_MP, LETTER_TO_TARGETS]
    (letter,) = [a for a in _confident(text) if a.kind == LETTER_TO_TARGETS]
    assert [t.role for t in letter.targets] == ["Premier"]


def test_an_instruction_takes_what_the_sentence_before_urges_them_to_do():
    text = (
        "Let's join together and urge them to support the Clean Rivers Act. "
        "Please send an email to your local MLA."
    )
    (letter,) = _confident(text)
    assert letter.text == "support the Clean Rivers Act"


def test_steps_to_send_the_letter_are_not_its_talking_points():
    text = (
        "Please send this card to your MLA:\n\n"
        "1. Find your MLA's email address with the MLA Finder\n"
        "2. Drag the image below to your desktop\n"
    )
    (letter,) = _confident(text)
    assert letter.talking_points == ()


def test_a_heading_and_the_instruction_below_it_asking_the_same_are_one_letter():
    text = (
        "Send a card to your MLA\n\n"
        "Join us and urge them to support the Clean Rivers Act. Please send this card to your MLA."
    )
    letters = [a for a in _confident(text) if a.kind == LETTER_TO_MP]
    assert len(letters) == 1
    assert letters[0].evidence.quote.startswith("Please send")


def test_this_bill_is_named_when_the_document_is_about_one_bill():
    text = (
        "Bill C-999 returns to the House in October.\n\n"
        "Please call your MP to secure a commitment to vote in favour of this Bill."
    )
    (call,) = _confident(text)
    assert call.text == "secure a commitment to vote in favour of Bill C-999"


def test_a_phone_script_is_a_noun_and_the_call_after_it_is_the_order():
    text = (
        "Use the letter as a phone script and call the ministers:\n\n"
        "Minister Jane Roe: 780-555-0140\n"
    )
    (call,) = _confident(text)
    assert call.kind == CALL
    assert call.evidence.quote.startswith("Use the letter")
    assert call.confidence >= 0.8


def test_a_tool_that_makes_it_easy_to_call_your_mp_offers_the_call():
    text = "Our website makes it easy to call your MP."
    (call,) = _confident(text)
    assert call.kind == CALL


def test_a_call_takes_what_callers_tell_them_a_few_sentences_up():
    text = (
        "Every hour a constituent rings, telling them to keep the rail line open. "
        "That could tip the balance. "
        "Call your MP today."
    )
    (call,) = _confident(text)
    assert call.text == "keep the rail line open"


def test_alternatively_email_him_is_an_order_to_the_reader():
    text = (
        "You can send him post to: Jane Roe, House of Commons, London, SW1A 0AA.\n\n"
        "Alternatively email him at jane.roe.mp@parliament.uk"
    )
    letters = [a for a in _confident(text) if a.kind == LETTER_TO_TARGETS]
    assert [t.email for a in letters for t in a.targets] == ["jane.roe.mp@parliament.uk"]


def test_your_mp_and_your_provincial_representatives_are_two_letters():
    text = (
        "Please send a letter to your MP and your provincial representatives "
        "asking them to restore the night ferry."
    )
    kinds = sorted(a.kind for a in _confident(text))
    assert kinds == [LETTER_TO_MP, LETTER_TO_TARGETS]
    (letter,) = [a for a in _confident(text) if a.kind == LETTER_TO_TARGETS]
    assert [t.role for t in letter.targets] == ["provincial representatives"]
    assert letter.text == "restore the night ferry"


def test_cc_the_critics_on_your_emails_writes_to_the_officials_above_with_them_in_copy():
    text = (
        "Please phone Minister of Transport Jane Roe today.\n\n"
        "Tell her that you want her to restore the night ferry.\n\n"
        "Minister of Transport Jane Roe\n"
        "Office: 613-555-0140\n"
        "minister@transport.example.gc.ca\n\n"
        "Please cc the opposition critics on your emails:\n"
        "Opposition critic John Doe: doej@parl.example.gc.ca\n"
    )
    (letter,) = [a for a in _confident(text) if a.kind == LETTER_TO_TARGETS]
    assert [t.email for t in letter.targets] == [
        "minister@transport.example.gc.ca",
        "doej@parl.example.gc.ca",
    ]
    assert letter.text == "you want her to restore the night ferry"
