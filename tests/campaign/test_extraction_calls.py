"""Calls completed from the rest of the alert: scripts, numbers on their own lines, the ask."""

from campaign.extraction import CALL, extract_actions
from campaign.extraction.call_scripts import find_scripts


def _calls(text):
    return [a for a in extract_actions(text) if a.kind == CALL and not a.low_confidence]


def test_a_numbers_block_after_a_call_gives_every_office_its_phone():
    text = (
        "Please call the Premier's office and the Finance Minister's office and ask them to "
        "keep the clinic open.\n\n"
        "Premier's office: 1-555-201-0101\n\n"
        "Finance Minister's office: 1-555-201-0202\n"
    )
    (call,) = _calls(text)
    assert sorted(t.phone for t in call.targets) == ["1-555-201-0101", "1-555-201-0202"]


def test_a_name_line_above_office_numbers_names_whose_numbers_they_are():
    text = (
        "Please phone Minister of Transport Ann Lee today.\n\n"
        "Minister of Transport Ann Lee\n"
        "Ministry Office: 555.201.0303\n"
        "Constituency Office: 555.201.0404\n"
    )
    (call,) = _calls(text)
    assert {t.phone for t in call.targets} == {"555.201.0303", "555.201.0404"}
    assert all(t.name == "Ann Lee" for t in call.targets)


def test_a_dial_step_gives_the_call_its_number():
    text = (
        "Call the Premier on school funding\n\n"
        "Here's how it works:\n\n"
        "Dial (555) 201-0505. Ask to leave a message for the Premier.\n"
    )
    (call,) = _calls(text)
    assert "(555) 201-0505" in {t.phone for t in call.targets}


def test_a_sample_script_becomes_the_talking_points_and_its_ask_the_text():
    text = (
        "Call your MP\n\n"
        "Here is a sample script:\n\n"
        "Hello, my name is (X) and I live in your riding. I am calling to ask you to vote "
        "for the clean water bill.\n\n"
        "Thank you for your time.\n"
    )
    (call,) = _calls(text)
    assert call.text == "vote for the clean water bill"
    assert any("clean water bill" in point for point in call.talking_points)


def test_a_script_with_no_call_before_it_is_a_call_to_the_official_it_greets():
    text = (
        "Sample Call Script:\n\n"
        "Minister Lee,\n\n"
        "I'm calling to ask that you cancel the highway hearings until the new rules are in "
        "place.\n\n"
        "Thank you.\n"
    )
    (call,) = _calls(text)
    assert call.text.startswith("cancel the highway hearings")
    assert [(t.role, t.name) for t in call.targets] == [("Minister", "Lee")]
    assert text[call.evidence.start : call.evidence.end] == call.evidence.quote


def test_the_other_sides_lines_of_a_dialogue_are_not_talking_points():
    text = (
        "Here is a script:\n\n"
        "You: Hello, my name is Sam and I'm a constituent.\n\n"
        "Them: Can you confirm your address?\n\n"
        "You: I want my MP to attend the second reading of the housing bill.\n"
    )
    (script,) = find_scripts(text)
    assert script.points == (
        "Hello, my name is Sam and I'm a constituent.",
        "I want my MP to attend the second reading of the housing bill.",
    )


def test_a_call_naming_only_whom_to_call_takes_the_callers_ask_written_further_down():
    text = (
        "Call your MP\n\n"
        "Step 1: find your MP.\n\n"
        "Step 2: tell them your name and that you are calling to ask them to fund the "
        "trial network.\n"
    )
    (call,) = _calls(text)
    assert call.text == "fund the trial network"


def test_call_email_and_tweet_at_an_official_with_a_phone_line_is_a_call_too():
    text = (
        "We need you to call, email, and tweet at Minister Lee and tell her to stop the mine.\n\n"
        "Phone: 1-555-201-0606\n\n"
        "Email: minister@example.gc.ca\n"
    )
    (call,) = _calls(text)
    assert [t.phone for t in call.targets if t.phone] == ["1-555-201-0606"]


def test_a_script_quoted_in_a_news_report_is_no_call():
    text = (
        "OTTAWA — Volunteers said they had phoned all week.\n\n"
        "The group shared a script:\n\n"
        "Hello, my name is Sam. I am calling to ask you to vote for the bill.\n\n"
        "Thank you.\n"
    )
    assert _calls(text) == []


def test_a_later_heading_about_calling_the_same_official_is_the_same_call():
    text = (
        "Please call Minister Lee at 1-555-201-0707 and tell her to stop the mine.\n\n"
        "Calling the Minister's office is easy, and it has a big impact. Here's a script:\n\n"
        "Hi, my name is Sam. I'm calling because the mine worries me.\n"
    )
    (call,) = _calls(text)
    assert call.text.endswith("stop the mine")
    assert any("the mine worries me" in point for point in call.talking_points)


def test_a_call_to_another_official_below_is_not_folded_into_the_first():
    text = (
        "Please call Minister Lee at 1-555-201-0707 and tell her to stop the mine.\n\n"
        "Then call Premier Diaz at 1-555-201-0808.\n"
    )
    assert len(_calls(text)) == 2


def test_talking_points_below_a_call_are_what_the_caller_says():
    text = (
        "Call your MP today\n\n"
        "Here are some talking points:\n\n"
        "  • Say that you live in the riding.\n\n"
        "  • The ask: State that you want the harbour dredging stopped before spring.\n"
    )
    (call,) = _calls(text)
    assert any("harbour dredging" in point for point in call.talking_points)


def test_talking_points_in_the_same_paragraph_as_their_heading_are_found():
    text = (
        "Talking points you can use:\n"
        "  • My name is Sam and I live in your riding, where the clinic is about to close "
        "because its funding was cut in the spring budget and nobody has said why.\n"
        "  • Please keep the clinic open.\n"
    )
    (script,) = find_scripts(text)
    assert "keep the clinic open" in script.span.text


def test_talking_points_with_no_call_asked_for_make_no_call():
    text = (
        "Here are some talking points:\n\n"
        "  • The bridge was built in 1902.\n\n"
        "  • It carries ten thousand cars a day.\n"
    )
    assert _calls(text) == []


def test_a_later_call_to_the_same_office_now_named_is_the_same_call():
    text = (
        "Will you take a minute to call the Transport Minister now and urge her to keep the "
        "night trains running?\n\n"
        "Call Transport Minister Ann Lee now\n\n"
        "Fill in your details below and we will connect you.\n"
    )
    (call,) = _calls(text)
    assert call.text.endswith("keep the night trains running")


def test_contact_above_each_officials_email_and_phone_is_a_call_as_well_as_a_letter():
    text = (
        "Ask the government to fund the river cleanup.\n\n"
        "Contact the Ministers responsible\n\n"
        "Ann Lee, Minister of the Environment (555-201-0101); ann.lee@gov.example.ca\n\n"
        "Bob Hay, Minister of Finance (555-201-0202); bob.hay@gov.example.ca\n"
    )
    (call,) = _calls(text)
    assert sorted(t.phone for t in call.targets) == ["555-201-0101", "555-201-0202"]
    assert not any(t.email for t in call.targets)
    assert any(a.kind == "letter_to_targets" for a in extract_actions(text))
