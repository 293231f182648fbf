"""Letters to MPs, letters to named officials, calls, and template letter bodies."""

from campaign.extraction import (
    CALL,
    LETTER_TO_MP,
    LETTER_TO_TARGETS,
    LOW_CONFIDENCE,
    extract_actions,
)


def _of_kind(text, kind):
    return [action for action in extract_actions(text) if action.kind == kind]


def test_it_finds_contact_your_mp_with_its_purpose():
    text = (
        "We also suggest you contact your Member of Parliament (contact info here) to indicate "
        "your support for immediate government action."
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "indicate your support for immediate government action"
    assert action.confidence >= LOW_CONFIDENCE


def test_it_finds_imperative_write_to_your_local_mp():
    text = "Write to your local MP and ask them to back the refugee sponsorship motion."
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "back the refugee sponsorship motion"
    assert not action.low_confidence


def test_it_finds_reach_out_to_your_representative():
    text = "Please reach out to your representative today to demand a vote on the bill."
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "demand a vote on the bill"


def test_it_falls_back_to_the_sentence_when_there_is_no_purpose():
    text = "Email your MP today!"
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "Email your MP today"


def test_it_makes_calling_your_mp_a_call_action():
    text = "Call your MP and tell them to support emergency visas for those at risk."
    assert _of_kind(text, LETTER_TO_MP) == []
    (action,) = _of_kind(text, CALL)
    assert action.text == "support emergency visas for those at risk"


def test_it_ignores_news_about_someone_contacting_their_mp():
    text = "Residents say they contacted their MP last year, but nothing happened."
    assert [a for a in extract_actions(text) if not a.low_confidence] == []


def test_it_lists_talking_points_after_a_colon():
    text = (
        "Write to the Minister of Immigration (marc.miller@parl.gc.ca). Tell them:\n"
        "\n"
        "1. Issue emergency visas now\n"
        "2) Fund resettlement through Rainbow Railroad\n"
        "(c) Speak out against the detentions\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.talking_points == (
        "Issue emergency visas now",
        "Fund resettlement through Rainbow Railroad",
        "Speak out against the detentions",
    )


def test_it_strips_bullets_and_whitespace_from_talking_points():
    text = (
        "Send an email to the Prime Minister (pm@pm.gc.ca) saying that you:\n"
        "  \u2022 Condemn the   arrests\n"
        "  - Want the camps closed\n"
        "  * Support asylum\n"
        "  \u25aa Expect an answer\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.talking_points == (
        "Condemn the arrests",
        "Want the camps closed",
        "Support asylum",
        "Expect an answer",
    )
    assert action.text == "Send an email to the Prime Minister"


def test_it_extracts_a_template_letter_with_placeholders():
    text = (
        "Write to your MP today. You can use this letter:\n"
        "\n"
        "Dear ____,\n"
        "\n"
        "I am writing to urge you to support emergency visas for LGBT Chechens.\n"
        "\n"
        "Sincerely,\n"
        "________\n"
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.letter_body.startswith("Dear {{ representative_name }},\n")
    assert "urge you to support emergency visas" in action.letter_body
    assert action.letter_body.endswith("Sincerely,\n{{ supporter_name }}")


def test_it_creates_a_letter_action_from_a_letter_alone():
    text = (
        "Dear [MP name],\n"
        "I urge you to press the government to resettle refugees from Chechnya.\n"
        "Yours truly,\n"
        "[Your name]\n"
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.letter_body == (
        "Dear {{ representative_name }},\n"
        "I urge you to press the government to resettle refugees from Chechnya.\n"
        "Yours truly,\n"
        "{{ supporter_name }}"
    )
    assert action.text == "press the government to resettle refugees from Chechnya"
    assert action.evidence.quote.startswith("Dear [MP name],")


def test_it_keeps_the_title_before_a_blank_salutation():
    text = "Dear Minister ____:\nPlease act now to save lives.\nRegards,\n<your name>\n"
    (action,) = extract_actions(text)
    assert action.letter_body.startswith("Dear Minister {{ representative_name }}:")
    assert action.letter_body.endswith("{{ supporter_name }}")


def test_it_makes_a_letter_to_targets_when_emails_precede_the_letter():
    text = (
        "Send this letter to the Minister of Foreign Affairs (foreign.minister@example.gc.ca):\n"
        "\n"
        "Dear <name>,\n"
        "We ask you to condemn the abductions.\n"
        "Sincerely,\n"
        "____\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.targets[0].email == "foreign.minister@example.gc.ca"
    assert action.letter_body.startswith("Dear {{ representative_name }},")


def test_it_does_not_read_the_letter_itself_as_a_petition():
    text = "Dear ____,\nI call on the government to issue emergency visas.\nSincerely,\n____\n"
    assert [action.kind for action in extract_actions(text)] == [LETTER_TO_MP]


def test_it_takes_the_text_from_the_letter_when_the_instruction_only_introduces_it():
    text = (
        "Then write to your MP:\n\n"
        "Dear [MP name],\n\n"
        "I am writing to ask you to urge the government to match donations to flood relief.\n\n"
        "Sincerely,\n[Your name]\n"
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "urge the government to match donations to flood relief"
    assert action.evidence.quote == "Then write to your MP:"


def test_it_takes_the_ask_from_the_letter_when_the_instruction_only_names_the_recipient():
    text = (
        "Copy the letter below and email it to the Minister of Environment at min@example.ca.\n"
        "\n"
        "Dear Minister,\n"
        "\n"
        "I urge you to issue an emergency protection order for the caribou.\n"
        "\n"
        "Sincerely,\n"
        "[Your name]\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.text == "issue an emergency protection order for the caribou"
    assert not action.low_confidence


def test_it_takes_the_ask_from_the_sentence_after_a_contact_block():
    text = (
        "Call the Minister of Public Safety:\n"
        "\n"
        "Hon. Jane Doe\n"
        "Phone: 613-555-0111\n"
        "\n"
        "Ask her to cancel the expansion of the detention centre.\n"
    )
    (action,) = _of_kind(text, CALL)
    assert action.text == "cancel the expansion of the detention centre"
    assert action.targets[0].phone == "613-555-0111"


def test_it_reads_tell_an_official_colon_message_as_a_letter_to_them():
    (action,) = _of_kind("Tell Premier Ford: hands off the Greenbelt!", LETTER_TO_TARGETS)
    assert action.text == "Hands off the Greenbelt"
    assert [(t.role, t.name) for t in action.targets] == [("Premier", "Ford")]
    assert not action.low_confidence


def test_it_reads_tell_your_mp_colon_message_as_a_letter_to_the_mp():
    (action,) = _of_kind("Tell your MPP: fund our schools now!", LETTER_TO_MP)
    assert action.text == "fund our schools now"


def test_it_ignores_tell_them_colon_before_a_list():
    text = "Contact your MLA today. Tell them:\n* Defer old-growth logging\n* Fund workers\n"
    (action,) = extract_actions(text)
    assert action.kind == LETTER_TO_MP
    assert action.talking_points == ("Defer old-growth logging", "Fund workers")


def test_it_reads_will_you_questions_as_asks():
    text = "Will you take two minutes to email your MP today?"
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert not action.low_confidence


def test_it_reads_a_time_lead_in_before_please_as_an_ask():
    text = "This year, please write to the Prime Minister about Nasrin Karimi."
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert not action.low_confidence


def test_it_gives_a_later_official_mailbox_to_the_official_named_before():
    text = (
        "Will you take two minutes to email the Immigration Minister today? Use our form, or "
        "write to minister@cic.gc.ca yourself, and ask her to clear the sponsorship backlog."
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert [(t.role, t.email) for t in action.targets] == [
        ("Immigration Minister", "minister@cic.gc.ca")
    ]
    assert "clear the sponsorship backlog" in action.text


def test_it_sends_a_sample_letter_to_the_address_given_after_it():
    text = (
        "Dear Premier Eby,\n\n"
        "I ask you to fund all-day bus service to the Fraser Valley.\n\n"
        "Sincerely,\n[Your name]\n\n"
        "Copy this letter, add your own story, and send it to premier@gov.bc.ca.\n"
    )
    (action,) = extract_actions(text)
    assert action.kind == LETTER_TO_TARGETS
    assert [(t.role, t.name, t.email) for t in action.targets] == [
        ("Premier", "Eby", "premier@gov.bc.ca")
    ]
    assert action.text == "fund all-day bus service to the Fraser Valley"


def test_it_reads_addresses_listed_after_the_instructions_paragraph():
    text = (
        "Please write to the Minister of Public Safety and the Minister of\n"
        "Immigration today and ask them to stop Rosa's removal. Their addresses:\n"
        "\n"
        "Minister of Public Safety: ps.minister@ps-sp.gc.ca\n"
        "Minister of Immigration: minister@cic.gc.ca\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert [(t.role, t.email) for t in action.targets] == [
        ("Minister of Public Safety", "ps.minister@ps-sp.gc.ca"),
        ("Minister of Immigration", "minister@cic.gc.ca"),
    ]
    assert action.text.endswith("ask them to stop Rosa's removal")


def test_it_reads_an_order_after_an_emoji_bullet():
    text = "\U0001f4de Call your MP today and tell them to vote no on the cuts."
    (action,) = _of_kind(text, CALL)
    assert action.text == "vote no on the cuts"
    assert not action.low_confidence


def test_it_reads_mail_it_to_an_address_block():
    text = (
        "Fill in the postcard, add a stamp, and mail it to:\n\n"
        "Prime Minister Mark Carney\n"
        "Office of the Prime Minister\n"
        "80 Wellington Street\n"
        "Ottawa, ON K1A 0A2\n"
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    (target,) = action.targets
    assert (target.name, target.role) == ("Mark Carney", "Prime Minister")
    assert target.postal_address == "80 Wellington Street, Ottawa, ON K1A 0A2"


def test_it_reads_in_your_letter_ask_as_the_letters_points():
    text = (
        "Write to: Hon. Jane Doe, Minister of Housing, House of Commons, Ottawa, ON K1A 0A6.\n\n"
        "In your letter, ask the Minister to:\n\n"
        "- Fund 10,000 co-op homes\n"
        "- End renovictions\n"
    )
    (action,) = extract_actions(text)
    assert action.kind == LETTER_TO_TARGETS
    assert action.talking_points == ("Fund 10,000 co-op homes", "End renovictions")


def test_it_merges_send_appeals_to_with_the_letter_it_repeats():
    text = (
        "Please write today, urging the authorities to release Mona Adel.\n\n"
        "Send appeals to:\n"
        "His Excellency Ahmed Hafez\n"
        "Ambassador of Egypt\n"
        "Email: embassy@example.org\n"
    )
    (action,) = extract_actions(text)
    assert action.text.endswith("urging the authorities to release Mona Adel")
    assert [(t.name, t.email) for t in action.targets] == [("Ahmed Hafez", "embassy@example.org")]


def test_it_reads_call_on_your_mp_as_a_letter():
    (action,) = _of_kind("Call on your MP to support Bill C-226.", LETTER_TO_MP)
    assert action.text == "support Bill C-226"


def test_it_reads_let_your_mpp_know():
    (action,) = _of_kind("Let your MPP know that you support rent control.", LETTER_TO_MP)
    assert action.text == "you support rent control"


def test_it_reads_reaching_an_office_by_phone_as_a_call():
    (action,) = _of_kind("You can also reach the Minister by phone at 613-995-0777.", CALL)
    assert [(t.role, t.phone) for t in action.targets] == [("Minister", "613-995-0777")]


def test_it_leaves_contact_details_out_of_the_text():
    text = "Contact Minister Steven Guilbeault at sg@parl.gc.ca or 819-938-3813."
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.text == "Contact Minister Steven Guilbeault"


def test_it_takes_the_ask_before_send_to_and_copies_to_blocks():
    text = (
        "Ask the Minister to grant Ibrahima a stay of removal.\n\n"
        "Send to:\n"
        "Minister of Public Safety\n"
        "Email: ps.minister@ps-sp.gc.ca\n\n"
        "Copies to:\n"
        "Minister of Immigration\n"
        "Email: minister@cic.gc.ca\n"
    )
    (action,) = extract_actions(text)
    assert action.kind == LETTER_TO_TARGETS
    assert action.text == "grant Ibrahima a stay of removal"
    assert [(t.role, t.email) for t in action.targets] == [
        ("Minister of Public Safety", "ps.minister@ps-sp.gc.ca"),
        ("Minister of Immigration", "minister@cic.gc.ca"),
    ]


def test_it_reads_dont_forget_to_email_as_an_ask():
    text = (
        "P.S. Don't forget to email Councillor Dianne Saxe (councillor_saxe@toronto.ca) and ask "
        "her to keep the bike lanes."
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert not action.low_confidence
    assert [(t.name, t.role) for t in action.targets] == [("Dianne Saxe", "Councillor")]


def test_it_takes_the_ask_from_i_am_asking_you_in_a_letter():
    text = (
        "Send this letter to your MLA:\n\n"
        "Dear MLA [name],\n\n"
        "I am asking you to support 40,000 new child care spaces.\n\n"
        "Sincerely,\n[Your name]\n"
    )
    (action,) = extract_actions(text)
    assert action.kind == LETTER_TO_MP
    assert action.text == "support 40,000 new child care spaces"


def test_it_reads_our_mp_named_with_an_address_as_a_letter_to_that_mp():
    text = (
        "Write to our MP, Hon. Jenna Sudds, at jenna.sudds@parl.gc.ca, and ask her to raise "
        "the family's file."
    )
    (action,) = extract_actions(text)
    assert action.kind == LETTER_TO_TARGETS
    assert [(t.name, t.email) for t in action.targets] == [
        ("Jenna Sudds", "jenna.sudds@parl.gc.ca")
    ]


def test_it_keeps_the_call_to_your_mp_that_says_what_to_ask():
    text = "URGENT: CALL YOUR MP TODAY!\n\nCall your MP and tell them to vote no on Bill C-12.\n"
    (action,) = extract_actions(text)
    assert (action.kind, action.text) == (CALL, "vote no on Bill C-12")


def test_it_takes_the_ask_of_a_letter_from_tell_the_minister_you_want_after_it():
    text = (
        "Please email the Minister of Labour, Hon. Sam Field, at labour.minister@gov.example.ca. "
        "Tell the minister you want ten paid sick days for every worker."
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.text == "You want ten paid sick days for every worker"
    assert action.targets[0].email == "labour.minister@gov.example.ca"
    assert not [a for a in extract_actions(text) if a.kind != LETTER_TO_TARGETS]


def test_it_reads_call_and_demand_that_as_what_to_say_on_the_call():
    text = "Call Mayor Ana Reyes at 604-555-0134 and demand that the city stop the demolition."
    (action,) = extract_actions(text)
    assert action.kind == CALL
    assert "stop the demolition" in action.text


def test_it_never_targets_a_mailbox_whose_name_is_not_written_in_the_text():
    text = "To arrange a workshop for your school, contact maria.lopez@example.org."
    assert extract_actions(text) == []


def test_it_never_targets_the_clerk_one_registers_with_as_a_delegation():
    text = "Register as a delegation by emailing the Council Clerk at clerk@townofexample.ca."
    assert _of_kind(text, LETTER_TO_TARGETS) == []


def test_it_gives_an_instruction_without_a_demand_the_demand_stated_next_to_it():
    text = (
        "Call your city councillor and ask them to keep the Elm Street library open.\n\n"
        "Email Mayor Priya Nair: mayor@townofexample.ca"
    )
    (letter,) = _of_kind(text, LETTER_TO_TARGETS)
    assert letter.text == "keep the Elm Street library open"


def test_it_keeps_the_instruction_as_the_text_when_no_demand_is_stated_nearby():
    text = "Email Mayor Priya Nair: mayor@townofexample.ca"
    (letter,) = _of_kind(text, LETTER_TO_TARGETS)
    assert letter.text == "Email Mayor Priya Nair"


def test_it_takes_the_ask_from_tell_him_and_a_clause_after_the_address():
    text = (
        "Please write to the Minister of Northern Development, Hon. Sam Field, at "
        "sam.field@pc.ola.org. Tell him Treaty 9 nations must consent before any mine opens."
    )
    (action,) = _of_kind(text, LETTER_TO_TARGETS)
    assert action.text == "Treaty 9 nations must consent before any mine opens"


def test_it_reads_tell_premier_x_then_call_his_office_as_one_call_to_the_premier():
    text = (
        "Tell Premier Scott Moe you want the disability income raised. "
        "Call his office at 306-787-9433."
    )
    (action,) = extract_actions(text)
    assert action.kind == CALL
    (target,) = action.targets
    assert (target.name, target.role, target.phone) == ("Scott Moe", "Premier", "306-787-9433")
    assert "disability income raised" in action.text


def test_it_never_targets_a_bare_office_number_without_someone_named_before_it():
    text = "Our campaign is growing fast. Call our office at 306-555-0100 to volunteer."
    assert extract_actions(text) == []


def test_it_keeps_one_letter_to_the_mp_when_a_federation_asks_members_to_write_to_their_mp():
    text = (
        "The tenants' federation is asking members to write to their MP. "
        "Please ask your MP to fund the national housing strategy in full."
    )
    (action,) = _of_kind(text, LETTER_TO_MP)
    assert action.text == "fund the national housing strategy in full"


def test_it_reads_were_asking_the_minister_then_email_the_minister_as_one_letter():
    text = (
        "We're asking the Minister of Transport to ban night flights at Pearson.\n\n"
        "Email the Minister now: minister.transport@tc.gc.ca"
    )
    (action,) = extract_actions(text)
    assert action.kind == LETTER_TO_TARGETS
    assert action.text == "ban night flights at Pearson"


def test_it_reads_an_order_after_a_day_as_an_order():
    text = "On Thursday, call Mayor Ana Reyes's office at 604-555-0134 and ask her to vote no."
    (action,) = extract_actions(text)
    assert action.kind == CALL
    assert not action.low_confidence


def test_it_reads_dear_friends_of_a_group_as_a_greeting_not_a_letter_template():
    text = (
        "Dear Friends of the Pool,\n\n"
        "Please email Councillor Jo Tran at jo.tran@city.example.ca and ask her to keep the "
        "pool open.\n\nThank you,\nFriends of the Pool\n"
    )
    (action,) = extract_actions(text)
    assert action.letter_body == ""
    assert action.targets[0].email == "jo.tran@city.example.ca"


def test_write_again_after_a_condition_naming_your_mp_is_a_letter_to_your_mp():
    text = "If you have already written to your MP about the ferry, please, write again."
    (letter,) = [a for a in extract_actions(text) if not a.low_confidence]
    assert letter.kind == LETTER_TO_MP
    assert letter.text.startswith("Write to your MP again")
