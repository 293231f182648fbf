"""English shapes of round 12, each read by a mechanism meant for a whole family of documents:
letters told by their structure, donations to an organisation named by its initials, demands
stated once for the whole page. The texts are our own."""

from campaign.extraction import LETTER_TO_TARGETS, extract_actions
from campaign.extraction.letter_body import find_letter_bodies


def _confident(text):
    return [a for a in extract_actions(text) if not a.low_confidence]


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
