"""Template letters in other shapes than 'Dear ____, ... Sincerely, [Your name]'."""

from campaign.extraction import CALL, LETTER_TO_MP, LETTER_TO_TARGETS, extract_actions
from campaign.extraction.letter_body import find_letter_bodies
from campaign.extraction.targets import find_targets


def _of_kind(text, kind):
    return [action for action in extract_actions(text) if action.kind == kind]


def test_it_ends_an_unsigned_letter_at_its_signature_placeholder():
    text = (
        "Dear [MP],\n\n"
        "As your constituent, I urge you to fund the rural bus routes.\n\n"
        "[Your name and contact information]\n\n"
        "Share this page with your friends.\n"
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.letter_body == (
        "Dear {{ representative_name }},\n\n"
        "As your constituent, I urge you to fund the rural bus routes.\n\n"
        "{{ supporter_name }}"
    )
    assert action.evidence.quote.endswith("[Your name and contact information]")


def test_it_reads_a_bracketed_salutation_without_a_comma():
    text = "Dear [Name of MP]\n\nI am writing to ask you to protect the wetlands.\n\nYour name\n"
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.letter_body.startswith("Dear {{ representative_name }}\n")
    assert action.text == "protect the wetlands"


def test_it_reads_a_bracketed_salutation_with_a_note_in_it():
    text = "Dear [MP \u2013 find yours here],\n\nPlease vote for the transit bill.\n\nSincerely,\n"
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.letter_body.startswith("Dear {{ representative_name }},")


def test_it_keeps_a_template_cut_short_to_the_end_of_the_text():
    text = (
        "Here is a template you can use.\n\n"
        "Dear ____,\n\n"
        "I am writing about the closure of our local library.\n\n"
        "I urge you to keep the library open and to restore its funding, because the"
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.letter_body.endswith("restore its funding, because the")


def test_it_ends_an_unsigned_template_at_its_closing_thanks():
    text = (
        "Sample letter you can copy and paste:\n\n"
        "Dear Chair Lopez:\n\n"
        "I oppose the new quarry. Please reject the permit. Thank you for reading this.\n\n"
        "(You may also send your comments by post to the county office.)\n"
    )
    (body,) = find_letter_bodies(text)
    assert text[body.start : body.end].endswith("Thank you for reading this.")


def test_it_reads_no_letter_in_an_unsigned_message_to_a_named_official():
    text = (
        "The mayor received this note last week.\n\n"
        "Dear Mayor Chen,\n\n"
        "We are writing to let you know the park cleanup went well this year.\n"
    )
    assert find_letter_bodies(text) == []


def test_it_reads_a_title_and_surname_without_a_comma_as_a_letter_to_that_official():
    text = (
        "Dear Minister Okafor\n\n"
        "I urge you to ban single-use plastics this year.\n\n"
        "Sincerely,\n[Your name]\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert (action.targets[0].role, action.targets[0].name) == ("Minister", "Okafor")


def test_it_reads_an_officials_title_alone_on_a_line_as_a_salutation():
    text = (
        "Fill out the form to send Premier Lee the message below.\n\n"
        "Premier Lee:\n\n"
        "Our hospitals are understaffed and patients wait for hours in the hallways.\n\n"
        "I urge you to hire more nurses this year.\n\n"
        "Your Name\nYour Email\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert (action.targets[0].role, action.targets[0].name) == ("Premier", "Lee")
    assert action.letter_body.startswith("Premier Lee:")
    assert action.letter_body.endswith("hire more nurses this year.\n\n{{ supporter_name }}")


def test_it_reads_no_salutation_in_a_title_labelling_a_phone_number():
    text = "Premier Lee:\n416-555-0100\n"
    assert find_letter_bodies(text) == []


def test_it_asks_for_the_postal_code_a_signature_block_asks_for():
    text = "Dear MP,\n\nPlease stop the pipeline.\n\nSincerely,\n\nName\nAddress\nPostal code\n"
    (body,) = find_letter_bodies(text)
    assert body.body.endswith("Sincerely,\n\n{{ supporter_name }}\n{{ supporter_postal_code }}")


def test_it_reads_an_add_your_name_note_as_the_signature():
    text = (
        "Dear MP,\n\nPlease stop the pipeline.\n\n"
        "Yours sincerely\n\n(add your own name and address)\n"
    )
    (body,) = find_letter_bodies(text)
    assert body.body.endswith("Yours sincerely\n\n{{ supporter_name }}")


def test_it_leaves_a_copy_list_out_of_the_signature():
    text = "Dear Minister Gray,\n\nPlease restore the grant.\n\nThank you,\n\ncc: Premier Bo Lund\n"
    (body,) = find_letter_bodies(text)
    assert body.body.endswith("Thank you,")


def test_it_sends_a_letter_to_the_address_of_the_official_it_names_not_the_letterhead():
    text = (
        "info@friends.example.org\nFriends of the River\n12 Main St\nToronto, ON M5A 3Y2\n\n"
        "Hon Ada Moss, MP\nMinister of the Environment\nHouse of Commons\nOttawa ON K1A 0A6\n\n"
        "Dear Mr Moss\n\nI urge you to protect the river.\n\nSincerely,\n[Your name]\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    (target,) = action.targets
    assert target.name == "Ada Moss"
    assert target.postal_address == "House of Commons, Ottawa ON K1A 0A6"


def test_it_reads_a_template_read_on_the_phone_as_a_call():
    text = (
        "Sample call script:\n\n"
        "Minister Hale,\n\n"
        "I'm calling to ask that you cancel the hearings until the new rules are in place.\n\n"
        "Thank you.\n"
    )
    (action,) = extract_actions(text)
    assert action.kind == CALL
    assert action.text == "cancel the hearings until the new rules are in place"


def test_it_takes_the_letters_ask_when_the_instruction_only_asks_the_reader():
    text = (
        "We ask that you send an email to your MPP today.\n\n"
        "Dear MPP ____,\n\n"
        "I ask that you vote against the school closures.\n\n"
        "(Your Name)\n"
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "vote against the school closures"


def test_it_gives_the_letter_to_the_confident_instruction_not_a_heading_after_it():
    text = (
        "We encourage you to write to your MP about the hospital cuts.\n\n"
        "How to write to your MP\n\n"
        "Dear [MP's name]\n\n"
        "I urge you to oppose the hospital cuts.\n\n"
        "Sincerely,\n"
    )
    (action,) = [a for a in _of_kind(text, LETTER_TO_MP) if not a.low_confidence]
    assert action.evidence.quote.startswith("We encourage you")
    assert "oppose the hospital cuts" in action.letter_body


def test_it_takes_a_letters_ask_from_please_when_it_urges_nothing():
    text = (
        "Dear ____,\n\nThe plan is reckless. Please abandon the plan to sell the coast.\n\n"
        "Sincerely,\n____\n"
    )
    (action,) = extract_actions(text)
    assert action.text == "abandon the plan to sell the coast"


def test_it_reads_a_name_after_hon_without_a_full_stop():
    (target,) = find_targets("Write to Hon Ada Moss at 613-555-0100")
    assert target.name == "Ada Moss"


def test_it_reads_a_surname_after_secretary():
    (target,) = find_targets("Interior Secretary Zinke")
    assert (target.role, target.name) == ("Interior Secretary", "Zinke")


def test_it_targets_every_address_listed_after_send_to_the_following():
    text = (
        "Paste the letter into a message and send to one or all of the following:\n\n"
        "jdoe@caucus.example.org premier@ontario.ca\n"
        "office.tran@party.example.ca\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert [t.email for t in action.targets] == [
        "jdoe@caucus.example.org",
        "premier@ontario.ca",
        "office.tran@party.example.ca",
    ]


def test_it_leaves_the_pages_controls_out_of_the_instruction():
    text = (
        "If you would like to send a letter to political leaders click on the PDF file, paste "
        "to your email and send to the following:\n\npremier@ontario.ca\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.text == "Send a letter to political leaders"


def test_it_reads_your_email_as_a_noun_not_an_order():
    text = "Paste the text into your email and send it to the Minister of Health (min@hc.gc.ca)."
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.text == "Send it to the Minister of Health"


def test_it_reads_send_an_official_a_message():
    text = "Send the Prime Minister a message: stop the pipeline now."
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.targets[0].role == "Prime Minister"


def test_it_gives_a_letter_to_political_leaders_the_demand_stated_before_it():
    text = (
        "Ask your MPP to protect the conservation areas before they are weakened.\n\n"
        "Send a letter to political leaders at the addresses below:\n\n"
        "premier@ontario.ca\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.text == "protect the conservation areas before they are weakened"


def test_it_keeps_a_template_confident_when_its_introduction_is_hesitant():
    text = (
        "Fill out the form to send Premier Lee the message below.\n\n"
        "Premier Lee:\n\n"
        "Our hospitals are understaffed and patients wait for hours in the hallways.\n\n"
        "I urge you to hire more nurses this year.\n\n"
        "Your Name\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert not action.low_confidence
    assert action.evidence.quote.startswith("Fill out the form")


def test_it_keeps_a_department_ending_in_a_country_in_the_role():
    (target,) = find_targets("Write to the Minister of Environment and Climate Change Canada.")
    assert target.role == "Minister of Environment and Climate Change Canada"


def test_it_still_cuts_a_persons_name_off_a_role():
    (target,) = find_targets("Write to the Minister of Labour David Piccini.")
    assert (target.role, target.name) == ("Minister of Labour", "David Piccini")


def test_it_reads_no_name_in_a_legislators_office_mailbox():
    (target,) = find_targets("Send to: jlee.mpp.co@ola.org")
    assert target.name == ""


def test_a_model_letter_given_in_parts_on_one_line_is_a_letter_to_the_address_given():
    text = (
        "(date) Address to use: The Honourable Jane Roe, Minister of Transport, Ottawa, "
        "Ontario, K1A 0N5 Greeting to use: Dear Minister, Some points you might include in "
        "your letter: - Say you are writing about the night ferry. - Urge the Minister to "
        "restore the night ferry to the island. Yours sincerely, (your name)"
    )
    (letter,) = [a for a in extract_actions(text) if not a.low_confidence]
    assert letter.kind == LETTER_TO_TARGETS
    assert letter.text == "restore the night ferry to the island"
    assert [t.name for t in letter.targets] == ["Jane Roe"]
    assert letter.talking_points[0] == "Say you are writing about the night ferry."
    assert letter.evidence.quote.startswith("Address to use:")


_BODY = (
    "I am writing to you today to ask for the night ferry to be restored. The island has had "
    "no evening crossing for a year, and workers, students and patients have paid the price. "
    "A night ferry would cost little and bring the island back within reach of the mainland."
)


def test_a_sample_letter_to_your_mp_with_no_salutation_is_a_letter_to_the_mp():
    text = f"Sample letter to your MP\n\nFirst find out who your MP is.\n\n{_BODY}\n"
    (letter,) = [a for a in extract_actions(text) if not a.low_confidence]
    assert letter.kind == LETTER_TO_MP
    assert letter.letter_body.startswith("I am writing to you today")
    assert letter.text == "ask for the night ferry to be restored"


def test_a_contact_block_above_a_sample_letter_gives_its_recipients():
    text = (
        "Minister of Transport Jane Roe: minister@transport.example.gc.ca\n\n"
        f"SAMPLE LETTER\n{_BODY}\n"
    )
    (letter,) = [a for a in extract_actions(text) if not a.low_confidence]
    assert letter.kind == LETTER_TO_TARGETS
    assert [t.email for t in letter.targets] == ["minister@transport.example.gc.ca"]
    assert "night ferry" in letter.letter_body


def test_a_pleading_question_to_email_your_mp_takes_the_key_points_listed_below():
    text = (
        "PLEASE would you email your MP to ask them to vote for the rail bill?\n\n"
        "The key points to raise are:\n\n"
        "  \u2022 The rail bill reopens the branch lines closed in 1998.\n"
        "  \u2022 It is funded from the existing transport budget.\n"
        "  \u2022 Please ask your MP to tell you how they will vote.\n"
    )
    (letter,) = [a for a in _of_kind(text, LETTER_TO_MP) if not a.low_confidence]
    assert letter.text == "vote for the rail bill"
    assert len(letter.talking_points) == 3


def test_a_tool_contacting_your_mps_is_not_an_order_to_write():
    text = "We've simplified the process of contacting your MPs with ready-made emails."
    assert [a for a in _of_kind(text, LETTER_TO_MP) if not a.low_confidence] == []


def test_an_order_without_a_channel_is_the_letter_to_the_list_below_it():
    text = (
        "Ask your MPP to keep the wetlands protected.\n\n"
        "If you would like to write, paste our letter into your email and send a letter to "
        "one or all of the following:\n\n"
        "jane.doe@pc.ola.org premier@ontario.ca\n"
    )
    actions = [a for a in extract_actions(text) if not a.low_confidence]
    assert [a.kind for a in actions] == [LETTER_TO_TARGETS]


def test_send_this_to_your_mp_with_a_scare_quoted_adjective_takes_the_letter_below():
    text = (
        "Send this to your 'centrist' MP after the vote\n\n"
        "Please copy and send it.\n\n"
        "Dear MP ______Thank you for your work. I ask that you support the clean air bill "
        "before the summer recess, as you promised.\n\n"
        "Sincerely, a constituent\n"
    )
    (letter,) = [a for a in _of_kind(text, LETTER_TO_MP) if not a.low_confidence]
    assert "clean air bill" in letter.letter_body
    assert letter.letter_body.startswith("Dear MP {{ representative_name }}Thank you")


def test_a_template_under_a_subject_line_is_a_letter_to_your_mp():
    text = (
        "Please use the template below and paste it into your own email to your MLA.\n\n"
        "Subject line: Keep the rural clinics open\n\n"
        "You will soon vote on the health budget. Closing the rural clinics would leave "
        "thousands of families an hour or more from the nearest doctor.\n\n"
        "As my MLA, I ask that you vote against any budget that closes the rural clinics.\n"
    )
    (letter,) = _of_kind(text, LETTER_TO_MP)
    assert letter.text == "Keep the rural clinics open"
    assert letter.evidence.quote == "Subject line: Keep the rural clinics open"
    assert letter.letter_body.endswith("closes the rural clinics.")


def test_an_email_tools_message_goes_to_the_officials_it_names():
    text = (
        "Use our email tool. Your message will automatically go to the Minister of Transport.\n\n"
        "Email Subject: Fund the ferry\n\n"
        "The island ferry is the only link to the mainland for two thousand residents, and "
        "its schedule was cut in half last spring. Please restore the full schedule and fund "
        "a second vessel in this year's budget.\n\n\n\n"
        "Home | Donate | Contact\n"
    )
    (letter,) = _of_kind(text, LETTER_TO_TARGETS)
    assert [t.role for t in letter.targets] == ["Minister of Transport"]
    assert "Home" not in letter.letter_body


def test_a_forwarded_emails_subject_line_is_no_letter():
    text = (
        "Subject: Make the bus free for students\n\n"
        "Hello members, the city council votes next week on free transit for students, "
        "and we need every member to come to the meeting and speak up for it.\n"
    )
    assert not [a for a in extract_actions(text) if a.letter_body]
