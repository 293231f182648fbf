"""Targets: roles, names, emails, phones and postal addresses of the people to contact."""

from campaign.extraction import CALL, LETTER_TO_TARGETS, extract_actions
from campaign.extraction.contacts import find_addresses, find_phones
from campaign.extraction.names import name_from_email
from campaign.extraction.roles import classify_role
from campaign.extraction.targets import find_targets


def _only(actions, kind):
    found = [action for action in actions if action.kind == kind]
    assert len(found) == 1, found
    return found[0]


def test_it_pairs_each_role_with_the_email_in_parentheses_after_it():
    text = (
        "Please send an email to the Minister of Immigration (Marc.Miller@parl.gc.ca), the Prime "
        "Minister (pm@pm.gc.ca) & the Nigerian High Commissioner (info@nigeriahcottawa.ca) "
        "saying that you:"
    )
    action = _only(extract_actions(text), LETTER_TO_TARGETS)
    assert [(t.role, t.email, t.kind) for t in action.targets] == [
        ("Minister of Immigration", "Marc.Miller@parl.gc.ca", "minister"),
        ("Prime Minister", "pm@pm.gc.ca", "head_of_government"),
        ("Nigerian High Commissioner", "info@nigeriahcottawa.ca", "diplomat"),
    ]


def test_it_derives_a_name_from_a_firstname_lastname_email():
    assert name_from_email("chrystia.freeland@parl.gc.ca") == "Chrystia Freeland"
    assert name_from_email("Mary_Ng@parl.gc.ca") == "Mary Ng"


def test_it_derives_no_name_from_generic_mailboxes():
    assert name_from_email("info@rusembassy.ca") == ""
    assert name_from_email("media.relations@example.org") == ""
    assert name_from_email("pm@pm.gc.ca") == ""


def test_it_reads_name_then_role_then_email():
    text = "Email Mélanie Joly, Minister of Foreign Affairs, at melanie.joly@parl.gc.ca today."
    action = _only(extract_actions(text), LETTER_TO_TARGETS)
    (target,) = action.targets
    assert (target.name, target.role, target.email) == (
        "Mélanie Joly",
        "Minister of Foreign Affairs",
        "melanie.joly@parl.gc.ca",
    )


def test_it_reads_an_honorific_name_with_the_email_in_parentheses():
    text = "Write to Hon. Sean Fraser (sean.fraser@parl.gc.ca) and ask him to act."
    (target,) = find_targets(text)
    assert (target.name, target.email) == ("Sean Fraser", "sean.fraser@parl.gc.ca")


def test_it_reads_minister_followed_by_a_name():
    text = "Email Minister Ahmed Hussen at ahmed.hussen@parl.gc.ca and urge him to help."
    (target,) = find_targets(text)
    assert (target.role, target.name, target.kind) == ("Minister", "Ahmed Hussen", "minister")


def test_it_recognises_common_phone_formats():
    text = "Call 613-992-4211, (613) 992-4211, 1-800-555-0199 or +1 613 992 4211."
    assert [found.value for found in find_phones(text)] == [
        "613-992-4211",
        "(613) 992-4211",
        "1-800-555-0199",
        "+1 613 992 4211",
    ]


def test_it_does_not_read_dates_or_years_as_phone_numbers():
    assert find_phones("On 2017-04-20, 200 men were detained in 1997 and 2017.") == []


def test_it_recognises_postal_addresses_ending_in_a_postal_code():
    text = "Write to her at House of Commons, Ottawa, Ontario K1A 0A6 or visit."
    (address,) = find_addresses(text)
    assert address.value == "House of Commons, Ottawa, Ontario K1A 0A6"


def test_it_recognises_a_street_address():
    text = "Mail your letter to 80 Wellington Street, Ottawa, ON K1A 0A2."
    (address,) = find_addresses(text)
    assert address.value == "80 Wellington Street, Ottawa, ON K1A 0A2"


def test_it_fills_phone_and_address_of_the_official_they_follow():
    text = (
        "Contact the Minister of Public Safety:\n"
        "Hon. Dominic LeBlanc\n"
        "Email: dominic.leblanc@parl.gc.ca\n"
        "Phone: 613-992-1020\n"
        "House of Commons, Ottawa, Ontario K1A 0A6\n"
    )
    action = _only(extract_actions(text), LETTER_TO_TARGETS)
    (target,) = action.targets
    assert target.name == "Dominic LeBlanc"
    assert target.role == "Minister of Public Safety"
    assert target.email == "dominic.leblanc@parl.gc.ca"
    assert target.phone == "613-992-1020"
    assert target.postal_address == "House of Commons, Ottawa, Ontario K1A 0A6"


def test_it_turns_call_the_ministers_office_into_a_call_action():
    text = "Call the Minister's office at 613-995-0777 and ask her to stop the deportation."
    action = _only(extract_actions(text), CALL)
    (target,) = action.targets
    assert (target.role, target.phone) == ("Minister", "613-995-0777")
    assert not action.low_confidence


def test_it_classifies_roles_into_target_kinds():
    assert classify_role("Minister of Foreign Affairs") == "minister"
    assert classify_role("Foreign Affairs Minister") == "minister"
    assert classify_role("Prime Minister") == "head_of_government"
    assert classify_role("Deputy Prime Minister") == "minister"
    assert classify_role("Premier") == "head_of_government"
    assert classify_role("Russian Ambassador") == "diplomat"
    assert classify_role("High Commissioner") == "diplomat"
    assert classify_role("Member of Parliament") == "mp"
    assert classify_role("Mayor") == "other"


def test_it_never_targets_the_organisations_own_address():
    texts = [
        "Questions? Email us at info@chorus-example.org.",
        "Contact us at hello@rainbow-example.ca to volunteer.",
        "Please email photos to media@example.org.",
        "Send your stories to stories@example.org.",
        "For media inquiries, contact Jane Doe at jane.doe@example.org or 416-555-0100.",
        "Subscribe to our newsletter by writing to news@example.org.",
        "To unsubscribe, email unsubscribe@example.org.",
    ]
    for text in texts:
        assert [a for a in extract_actions(text) if a.targets] == [], text


def test_it_attaches_an_address_block_in_the_next_paragraph_to_the_official():
    text = (
        "Write to the Saudi Ambassador to Canada and urge him to lift the travel ban.\n"
        "\n"
        "His Excellency Ambassador\n"
        "Embassy of the Kingdom of Saudi Arabia\n"
        "201 Sussex Drive, Ottawa, ON K1N 1K6\n"
        "Fax: 613-237-0567\n"
    )
    action = _only(extract_actions(text), LETTER_TO_TARGETS)
    (target,) = action.targets
    assert target.role == "Saudi Ambassador to Canada"
    assert target.kind == "diplomat"
    assert target.postal_address == (
        "Embassy of the Kingdom of Saudi Arabia, 201 Sussex Drive, Ottawa, ON K1N 1K6"
    )
    assert target.phone == ""  # a fax number is not a number to call


def test_it_keeps_the_whole_name_after_a_role():
    text = "Email Immigration Minister Lena Metlege Diab at minister@cic.gc.ca and tell her."
    (target,) = find_targets(text)
    assert (target.role, target.name) == ("Immigration Minister", "Lena Metlege Diab")


def test_it_reads_a_surname_straight_after_a_title():
    (target,) = find_targets("Tell Premier Ford")
    assert (target.role, target.name, target.kind) == ("Premier", "Ford", "head_of_government")


def test_it_separates_a_long_department_from_the_postal_address():
    text = (
        "Write to: The Honourable Lena Metlege Diab, Minister of Immigration, Refugees and "
        "Citizenship, House of Commons, Ottawa, Ontario K1A 0A6."
    )
    (target,) = find_targets(text)
    assert target.name == "Lena Metlege Diab"
    assert target.role == "Minister of Immigration, Refugees and Citizenship"
    assert target.postal_address == "House of Commons, Ottawa, Ontario K1A 0A6"


def test_it_keeps_an_honorific_name_out_of_the_postal_address():
    text = (
        "Write to the Minister of Indigenous Services, Hon. Mandy Gull-Masty, House of Commons, "
        "Ottawa, Ontario K1A 0A6."
    )
    (target,) = find_targets(text)
    assert target.name == "Mandy Gull-Masty"
    assert target.postal_address == "House of Commons, Ottawa, Ontario K1A 0A6"


def test_it_reads_a_contact_block_line_by_line():
    text = (
        "Send appeals to:\n"
        "His Excellency Ahmed Hafez\n"
        "Ambassador of the Arab Republic of Egypt\n"
        "454 Laurier Avenue East\n"
        "Ottawa, Ontario K1N 6R3\n"
        "Phone: 613-234-4931\n"
    )
    (target,) = find_targets(text)
    assert target.name == "Ahmed Hafez"
    assert target.role == "Ambassador of the Arab Republic of Egypt"
    assert target.postal_address == "454 Laurier Avenue East, Ottawa, Ontario K1N 6R3"
    assert target.phone == "613-234-4931"


def test_it_does_not_target_a_mailbox_or_a_first_name_alone():
    texts = [
        "Want to volunteer at our booth? Email volunteer@example.org.",
        "Call Margaret at 306-555-0178 if you can help.",
        "Please let us know if you receive a reply: write to urgent@example.org.",
    ]
    for text in texts:
        assert [a for a in extract_actions(text) if a.targets] == [], text


def test_it_does_not_read_calling_on_as_a_phone_call():
    text = "Join us in calling on Parliament to pass pharmacare. Call your MP at 1-866-555-0120."
    assert [a.evidence.quote for a in extract_actions(text) if a.kind == CALL] == [
        "Call your MP at 1-866-555-0120."
    ]


def test_it_stops_a_contact_block_at_the_next_instruction():
    text = (
        "Please write a letter today.\n\n"
        "Write to: Hon. Jane Doe, Minister of Housing, House of Commons, Ottawa, ON K1A 0A6.\n"
    )
    (action,) = [a for a in extract_actions(text) if a.targets]
    assert action.evidence.quote.startswith("Write to:")


def test_it_reads_a_role_wrapped_after_of():
    text = "Write to the Minister of\nImmigration today."
    (target,) = find_targets(text)
    assert target.role == "Minister of Immigration"


def test_it_does_not_swallow_a_second_role_after_and_the():
    text = "Write to the Minister of Public Safety and the Minister of Immigration."
    assert [t.role for t in find_targets(text)] == [
        "Minister of Public Safety",
        "Minister of Immigration",
    ]


def test_it_drops_the_possessive_from_a_name():
    text = "Phone Attorney General Niki Sharma's office at 250-387-1866."
    (target,) = find_targets(text)
    assert (target.role, target.name) == ("Attorney General", "Niki Sharma")


def test_it_does_not_target_the_contact_for_more_information():
    texts = [
        "For more information, contact Dr. Amani Osman at 780-555-0104.",
        "For information, call Jean-Guy Bédard at 819-555-0133.",
    ]
    for text in texts:
        assert [a for a in extract_actions(text) if a.targets] == [], text


def test_it_does_not_target_the_contact_for_interviews():
    text = "For interviews, contact Jane Smith, Director of Communications, at 416-555-0100."
    assert [a for a in extract_actions(text) if a.targets] == []


def test_it_reads_officials_listed_with_their_numbers_as_targets():
    text = (
        "Call these offices today and tell them to vote no on Bill 229:\n\n"
        "- Premier Doug Ford: 416-325-1941\n"
        "- Minister of Labour David Piccini: 416-326-7600\n"
    )
    action = _only(extract_actions(text), CALL)
    assert [(t.name, t.role, t.phone) for t in action.targets] == [
        ("Doug Ford", "Premier", "416-325-1941"),
        ("David Piccini", "Minister of Labour", "416-326-7600"),
    ]
    assert action.talking_points == ()


def test_it_reads_a_possessive_country_before_a_role():
    (target,) = find_targets("Send a copy to Canada's Minister of Foreign Affairs, Anita Anand.")
    assert (target.role, target.name) == ("Minister of Foreign Affairs", "Anita Anand")


def test_it_reads_head_of_as_a_role():
    (target,) = find_targets("Write to the Head of the Judiciary, Gholamhossein Mohseni Ejei.")
    assert (target.role, target.name) == ("Head of the Judiciary", "Gholamhossein Mohseni Ejei")


def test_it_reads_a_name_hard_wrapped_over_two_lines():
    text = (
        "Save the Eastside branch\n\n"
        "Please email the Chair of the Library Board, Harriet\n"
        "Okonkwo, at board.chair@library.example.ca and ask her to keep\n"
        "the branch open.\n"
    )
    (action,) = extract_actions(text)
    assert action.targets[0].name == "Harriet Okonkwo"


def test_it_reads_an_ambassador_of_one_country_to_another():
    (target,) = find_targets("Ambassador of Peru to Canada, email: peru.embassy@example.org")
    assert target.role == "Ambassador of Peru to Canada"
    assert target.name == ""


def test_it_never_takes_the_place_on_a_care_of_line_for_the_officials_name():
    block = (
        "Write to him:\n\nJuan Pablo Ortega\nMinister of Justice\n"
        "c/o Embassy of Peru to the Holy See\nEmail: justice.min@example.org\n"
    )
    (target,) = find_targets(block)
    assert target.name == "Juan Pablo Ortega"


def test_it_reads_a_hyphenated_first_name_with_an_accented_capital():
    (target,) = find_targets("the Housing Minister, Marie-Ève Tremblay, at 418-555-0101")
    assert target.name == "Marie-Ève Tremblay"
