"""An instruction that names only whom to contact takes the demand written next to it."""

from campaign.extraction import CALL, LETTER_TO_MP, extract_actions


def _calls(text):
    return [a for a in extract_actions(text) if a.kind == CALL and not a.low_confidence]


def test_an_order_to_phone_takes_what_the_next_sentence_says_to_tell_them():
    text = (
        "Please phone Minister Ann Lee and Premier Bo Diaz today. "
        "Tell both of them that you want them to halt the deportation of Jo Park."
    )
    (call,) = _calls(text)
    assert call.text == "you want them to halt the deportation of Jo Park"


def test_a_call_takes_the_message_it_says_to_leave():
    text = (
        "Calling the Premier's office is easy.\n\n"
        "Dial 555-201-0909 and leave a message about how you want the province to fund "
        "rural clinics."
    )
    (call,) = _calls(text)
    assert call.text == "you want the province to fund rural clinics"


def test_a_heading_that_only_names_the_act_is_an_instruction_that_says_nothing():
    from campaign.extraction.borrowed_demands import says_nothing
    from campaign.extraction.types import CallToAction, Evidence

    heading = CallToAction(
        kind=CALL,
        text="Calling your MP's office",
        evidence=Evidence.of("Calling your MP's office", 0, 24),
        confidence=0.85,
    )
    assert says_nothing(heading)


def _letters_to_mp(text):
    return [a for a in extract_actions(text) if a.kind == LETTER_TO_MP and not a.low_confidence]


def test_an_instruction_takes_the_demand_stated_in_the_sentence_before():
    text = (
        "Budget news\n\n"
        "The province plans to close the clinic. We want the clinic to stay open.\n"
        "Write to your MPP today."
    )
    (letter,) = _letters_to_mp(text)
    assert letter.text == "We want the clinic to stay open"


def test_the_sentence_before_is_not_the_start_of_the_instructions_own_sentence():
    text = "Ottawa must restore the rail line.\n\nWe ask that you send an email to your MP today."
    (letter,) = _letters_to_mp(text)
    assert letter.text == "Ottawa must restore the rail line"


def test_an_instruction_takes_the_demand_of_the_heading_it_sits_under():
    text = (
        "Local news\n\n"
        "Save the Carleton Library!\n\n"
        "The board votes on Monday.\n\n"
        "Write to your MP today."
    )
    (letter,) = _letters_to_mp(text)
    assert letter.text == "Save the Carleton Library"


def test_an_instruction_takes_the_demand_of_the_title():
    text = (
        "Let the Okafor family stay\n\n"
        "The hearing is next week.\n\n"
        "Take action\n\n"
        "Write to your MP today."
    )
    (letter,) = _letters_to_mp(text)
    assert letter.text == "Let the Okafor family stay"


def test_a_heading_that_names_the_act_is_no_demand():
    text = "Take action now\n\nWrite to your MP today."
    (letter,) = _letters_to_mp(text)
    assert letter.text == "Write to your MP today"


def test_a_question_before_the_instruction_is_no_demand():
    text = "Should the city sell the park?\n\nWrite to your MP today."
    (letter,) = _letters_to_mp(text)
    assert letter.text == "Write to your MP today"


def test_a_list_of_demands_after_the_instruction_becomes_its_talking_points():
    text = (
        "Write to your MP today. Let them know about our demands:\n\n"
        "1. Fund public transit\n"
        "2. Freeze fares"
    )
    (letter,) = _letters_to_mp(text)
    assert letter.talking_points == ("Fund public transit", "Freeze fares")


def test_an_instruction_takes_the_demand_a_title_states_before_its_colon():
    text = (
        "Save the night ferry: a general update\n\n"
        "The ferry board meets next month and many of us are worried.\n\n"
        "Please write to your MP."
    )
    (letter,) = [a for a in extract_actions(text) if not a.low_confidence]
    assert letter.text == "Save the night ferry"


def test_an_instruction_that_says_nothing_takes_its_section_heading_as_the_topic():
    text = (
        "Tools for your voice\n\n"
        "The Clean River Dam isn't the only way\n"
        "The dam is moving fast, but its impacts haven't been reviewed.\n\n"
        "Send your letter to the following: jane.roe@example.gc.ca\n"
    )
    (letter,) = [a for a in extract_actions(text) if not a.low_confidence]
    assert letter.text == "The Clean River Dam isn't the only way"
