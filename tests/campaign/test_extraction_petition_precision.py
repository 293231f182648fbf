"""Only signing requests and the author's own demands are petitions; advice, letters' voice,
conditions and past work are not."""

from campaign.extraction import PETITION, extract_actions


def _confident_petitions(text):
    return [a for a in extract_actions(text) if a.kind == PETITION and not a.low_confidence]


def test_an_ask_in_a_bulleted_list_of_what_to_say_is_no_petition():
    text = (
        "In your letter, include some of the following points:\n\n"
        "  \u2022 Ask the government to double the number of refugees resettled.\n"
    )
    assert _confident_petitions(text) == []


def test_a_demand_in_the_first_person_singular_is_a_letters_voice_not_a_petition():
    text = "I implore the Department of Fisheries to protect the river's salmon runs."
    assert _confident_petitions(text) == []


def test_a_demand_under_a_condition_is_no_petition():
    text = "If thousands of us call on the Premier, we could convince her to fund the clinics."
    assert _confident_petitions(text) == []


def test_a_demand_the_author_already_made_is_no_petition():
    text = "This year we focused our advocacy on calling for national standards for home care."
    assert _confident_petitions(text) == []


def test_a_letter_calling_for_something_is_the_letters_ask_not_a_petition():
    text = "Send a letter to your MP calling for national standards for home care."
    assert _confident_petitions(text) == []


def test_a_list_of_steps_after_urge_them_is_no_petition():
    text = (
        "Let's join together and urge them to support the Act:\n"
        "- Find your MLA's email address with the MLA Finder\n"
        "- Drag the image below into your email\n"
    )
    assert _confident_petitions(text) == []


def test_a_two_word_demand_says_too_little_to_be_a_petition():
    assert (
        _confident_petitions("Join us in urging Ministers and Senators to act responsibly.") == []
    )


def test_we_still_call_on_the_government_as_the_author():
    text = "We call on the Government of Canada to fund universal pharmacare by 2027."
    (petition,) = _confident_petitions(text)
    assert petition.text == "fund universal pharmacare by 2027"


def test_a_petition_an_official_can_sign_is_not_the_readers_to_sign():
    text = (
        "Your senator can sign a motion to show support for the river treaty \u2013 "
        "write to her today!"
    )
    assert _confident_petitions(text) == []


def test_what_the_reader_may_ask_is_said_by_call_or_letter_not_signed():
    text = (
        "Phone your councillor this week. This gives you the chance to ask the council "
        "for the audit to be published in full."
    )
    assert _confident_petitions(text) == []


def test_nothing_in_a_spoken_call_script_is_a_petition():
    text = (
        "Call your MLA today. Here is what to say:\n\n"
        "Hello, my name is [NAME] and I live in your riding. I am calling to ask you to "
        "sign the Clean Rivers pledge. The pledge asks for two things:\n\n"
        "  \u2022 Stop new gravel permits on the river.\n"
        "  \u2022 Fund the watershed study this year.\n\n"
        "If you care about our rivers as much as your voters do, sign the Clean Rivers pledge.\n"
    )
    assert _confident_petitions(text) == []


def test_a_form_field_label_is_nobody_to_tell():
    text = (
        "Use our tool to email the county.\n\n"
        "Message Email Subject: Saving the marsh\n\n"
        "Please keep the marsh out of the new zoning plan.\n"
    )
    assert _confident_petitions(text) == []


def test_requesting_a_meeting_is_no_petition():
    assert _confident_petitions("Request a meeting with your MLA to discuss the bus cuts.") == []


def test_asking_an_official_to_meet_is_no_petition():
    text = "Ask the Minister of Labour to meet with the nurses before the budget."
    assert _confident_petitions(text) == []


def test_an_ask_after_an_order_to_meet_is_what_the_meeting_asks():
    text = "Visit your councillor's office and ask the council to keep the pool open."
    assert _confident_petitions(text) == []


def test_an_ask_made_by_a_gift_is_no_petition():
    text = "Help us urge the province to protect the marsh by making a gift today."
    assert _confident_petitions(text) == []


def test_a_demand_whose_own_words_say_by_writing_is_still_a_petition():
    text = "We urge the government to protect renters by writing rent control into law."
    (petition,) = _confident_petitions(text)
    assert petition.text.startswith("protect renters")
