"""Targets: roles, names, emails, phones and postal addresses of the people to contact."""

import pytest

from campaign.extraction import CALL, LETTER_TO_TARGETS, extract_actions
from campaign.extraction.contacts import find_addresses, find_phones, in_caption_or_signature
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


@pytest.mark.parametrize(
    ("email", "name"),
    [
        ("chrystia.freeland@parl.gc.ca", "Chrystia Freeland"),
        ("Mary_Ng@parl.gc.ca", "Mary Ng"),
        # Generic mailboxes name nobody.
        ("info@rusembassy.ca", ""),
        ("media.relations@example.org", ""),
        ("pm@pm.gc.ca", ""),
    ],
)
def test_it_derives_a_name_only_from_a_firstname_lastname_email(email, name):
    assert name_from_email(email) == name


def test_it_reads_name_then_role_then_email():
    text = "Email Mélanie Joly, Minister of Foreign Affairs, at melanie.joly@parl.gc.ca today."
    action = _only(extract_actions(text), LETTER_TO_TARGETS)
    (target,) = action.targets
    assert (target.name, target.role, target.email) == (
        "Mélanie Joly",
        "Minister of Foreign Affairs",
        "melanie.joly@parl.gc.ca",
    )


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


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Write to her at House of Commons, Ottawa, Ontario K1A 0A6 or visit.",
            "House of Commons, Ottawa, Ontario K1A 0A6",
        ),
        (
            "Mail your letter to 80 Wellington Street, Ottawa, ON K1A 0A2.",
            "80 Wellington Street, Ottawa, ON K1A 0A2",
        ),
    ],
)
def test_it_recognises_postal_addresses_ending_in_a_postal_code(text, address):
    (found,) = find_addresses(text)
    assert found.value == address


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


@pytest.mark.parametrize(
    ("role", "kind"),
    [
        ("Minister of Foreign Affairs", "minister"),
        ("Foreign Affairs Minister", "minister"),
        ("Prime Minister", "head_of_government"),
        ("Deputy Prime Minister", "minister"),
        ("Premier", "head_of_government"),
        ("Russian Ambassador", "diplomat"),
        ("High Commissioner", "diplomat"),
        ("Member of Parliament", "mp"),
        ("Mayor", "other"),
    ],
)
def test_it_classifies_roles_into_target_kinds(role, kind):
    assert classify_role(role) == kind


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


def test_it_does_not_swallow_a_second_role_after_and_the():
    text = "Write to the Minister of Public Safety and the Minister of Immigration."
    assert [t.role for t in find_targets(text)] == [
        "Minister of Public Safety",
        "Minister of Immigration",
    ]


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


def test_it_reads_a_name_hard_wrapped_over_two_lines():
    text = (
        "Save the Eastside branch\n\n"
        "Please email the Chair of the Library Board, Harriet\n"
        "Okonkwo, at board.chair@library.example.ca and ask her to keep\n"
        "the branch open.\n"
    )
    (action,) = extract_actions(text)
    assert action.targets[0].name == "Harriet Okonkwo"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Write to Hon. Sean Fraser (sean.fraser@parl.gc.ca) and ask him to act.",
            {"name": "Sean Fraser", "email": "sean.fraser@parl.gc.ca"},
            id="honorific_name_with_the_email_in_parentheses",
        ),
        pytest.param(
            "Email Minister Ahmed Hussen at ahmed.hussen@parl.gc.ca and urge him to help.",
            {"role": "Minister", "name": "Ahmed Hussen", "kind": "minister"},
            id="minister_followed_by_a_name",
        ),
        pytest.param(
            "Email Immigration Minister Lena Metlege Diab at minister@cic.gc.ca and tell her.",
            {"role": "Immigration Minister", "name": "Lena Metlege Diab"},
            id="the_whole_name_after_a_role",
        ),
        pytest.param(
            "Tell Premier Ford",
            {"role": "Premier", "name": "Ford", "kind": "head_of_government"},
            id="a_surname_straight_after_a_title",
        ),
        pytest.param(
            "Write to: The Honourable Lena Metlege Diab, Minister of Immigration, Refugees and "
            "Citizenship, House of Commons, Ottawa, Ontario K1A 0A6.",
            {
                "name": "Lena Metlege Diab",
                "role": "Minister of Immigration, Refugees and Citizenship",
                "postal_address": "House of Commons, Ottawa, Ontario K1A 0A6",
            },
            id="a_long_department_apart_from_the_postal_address",
        ),
        pytest.param(
            "Write to the Minister of Indigenous Services, Hon. Mandy Gull-Masty, House of "
            "Commons, Ottawa, Ontario K1A 0A6.",
            {
                "name": "Mandy Gull-Masty",
                "postal_address": "House of Commons, Ottawa, Ontario K1A 0A6",
            },
            id="an_honorific_name_kept_out_of_the_postal_address",
        ),
        pytest.param(
            "Send appeals to:\n"
            "His Excellency Ahmed Hafez\n"
            "Ambassador of the Arab Republic of Egypt\n"
            "454 Laurier Avenue East\n"
            "Ottawa, Ontario K1N 6R3\n"
            "Phone: 613-234-4931\n",
            {
                "name": "Ahmed Hafez",
                "role": "Ambassador of the Arab Republic of Egypt",
                "postal_address": "454 Laurier Avenue East, Ottawa, Ontario K1N 6R3",
                "phone": "613-234-4931",
            },
            id="a_contact_block_line_by_line",
        ),
        pytest.param(
            "Write to the Minister of\nImmigration today.",
            {"role": "Minister of Immigration"},
            id="a_role_wrapped_after_of",
        ),
        pytest.param(
            "Phone Attorney General Niki Sharma's office at 250-387-1866.",
            {"role": "Attorney General", "name": "Niki Sharma"},
            id="a_name_without_its_possessive",
        ),
        pytest.param(
            "Send a copy to Canada's Minister of Foreign Affairs, Anita Anand.",
            {"role": "Minister of Foreign Affairs", "name": "Anita Anand"},
            id="a_role_after_a_possessive_country",
        ),
        pytest.param(
            "Write to the Head of the Judiciary, Gholamhossein Mohseni Ejei.",
            {"role": "Head of the Judiciary", "name": "Gholamhossein Mohseni Ejei"},
            id="head_of_as_a_role",
        ),
        pytest.param(
            "Ambassador of Peru to Canada, email: peru.embassy@example.org",
            {"role": "Ambassador of Peru to Canada", "name": ""},
            id="an_ambassador_of_one_country_to_another",
        ),
        pytest.param(
            "Write to him:\n\nJuan Pablo Ortega\nMinister of Justice\n"
            "c/o Embassy of Peru to the Holy See\nEmail: justice.min@example.org\n",
            {"name": "Juan Pablo Ortega"},
            id="the_name_not_the_place_on_a_care_of_line",
        ),
        pytest.param(
            "the Housing Minister, Marie-Ève Tremblay, at 418-555-0101",
            {"name": "Marie-Ève Tremblay"},
            id="a_hyphenated_first_name_with_an_accented_capital",
        ),
    ],
)
def test_it_reads_the_one_official_named(text, expected):
    (target,) = find_targets(text)
    assert {field: getattr(target, field) for field in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Questions? Email us at info@chorus-example.org.",
        "Contact us at hello@rainbow-example.ca to volunteer.",
        "Please email photos to media@example.org.",
        "Send your stories to stories@example.org.",
        "For media inquiries, contact Jane Doe at jane.doe@example.org or 416-555-0100.",
        "Subscribe to our newsletter by writing to news@example.org.",
        "To unsubscribe, email unsubscribe@example.org.",
        # A mailbox or a first name alone is somebody at the organisation.
        "Want to volunteer at our booth? Email volunteer@example.org.",
        "Call Margaret at 306-555-0178 if you can help.",
        "Please let us know if you receive a reply: write to urgent@example.org.",
        # The contact for more information or for interviews.
        "For more information, contact Dr. Amani Osman at 780-555-0104.",
        "For information, call Jean-Guy Bédard at 819-555-0133.",
        "For interviews, contact Jane Smith, Director of Communications, at 416-555-0100.",
    ],
)
def test_it_never_targets_the_organisations_own_contacts(text):
    assert [a for a in extract_actions(text) if a.targets] == []


@pytest.mark.parametrize(
    "email",
    [
        "firstname.lastname@parl.gc.ca",
        "FirstName.LastName@parl.gc.ca",
        "first.last@ola.org",
        "prenom.nom@assnat.qc.ca",
        "your.name@example.org",
    ],
)
def test_it_never_takes_a_placeholder_address_for_a_target(email):
    text = f"Email your MP and the Minister (their addresses look like {email}) today."
    assert [t for a in extract_actions(text) for t in a.targets if t.email] == []


def test_it_still_takes_a_real_address_beside_a_placeholder():
    text = (
        "MPs' addresses are written firstname.lastname@parl.gc.ca. Email the Minister of "
        "Foreign Affairs (Chrystia.Freeland@parl.gc.ca) today and ask her to act."
    )
    emails = [t.email for a in extract_actions(text) for t in a.targets if t.email]
    assert emails == ["Chrystia.Freeland@parl.gc.ca"]


@pytest.mark.parametrize(
    "text",
    [
        "Email the Minister of Health and ask for a public inquiry.\n\n"
        "In solidarity,\nJane Smith\nCampaigns Director\njane.smith@healthcoalition.ca",
        "Write to the Premier today and demand action on rent.\n\n"
        "Thanks,\nOmar Haddad, Organizer\nomar.haddad@tenants.ca | 416-555-0142",
        "Write to the Minister of the Environment today.\n\n"
        "Photo: protesters on Parliament Hill (credit: lee.wong@photos.ca)",
    ],
)
def test_it_never_targets_an_address_in_a_signature_block_or_a_caption(text):
    assert [t for a in extract_actions(text) for t in a.targets if t.email or t.phone] == []


def test_an_address_given_after_a_template_letters_closing_is_not_a_signature():
    text = (
        "Email this letter to the Minister of Health:\n\n"
        "Dear Minister,\n\nPlease fund a public inquiry into long-term care.\n\n"
        "Sincerely,\n[Your name]\n\n"
        "Send to: minister.health@ontario.ca"
    )
    assert not in_caption_or_signature(text, text.index("minister.health@"))
