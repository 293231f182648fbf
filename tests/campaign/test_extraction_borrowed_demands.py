"""An instruction that names only whom to contact takes the demand written next to it."""

from campaign.extraction import CALL, extract_actions


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
