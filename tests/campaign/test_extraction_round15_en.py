"""English shapes of round 15, on texts of our own: pages that describe the letters they offer
("sample letters for your MP with respect to X", "a how-to for writing your MLA") and say whom
to send and copy them to, instead of ordering "Write to your MP"."""

from campaign.extraction import CALL, LETTER_TO_MP, LETTER_TO_TARGETS
from tests.campaign.extraction_helpers import by_kind as _by_kind


def _said(action):
    return " ".join((action.text, *action.talking_points, action.letter_body))


def test_sample_letters_for_ones_representative_with_a_subject_are_a_letter_to_them():
    for page in (
        "Below you will find sample letters for your MP and MLA with respect to the closure of "
        "rural post offices. Personalize them, then mail or e-mail them to your "
        "representative's constituency office.",
        "Our template e-mail for your MPP regarding the cuts to school bus routes is linked "
        "below. Copy it, add your own story and send it to your MPP.",
        "We have prepared model letters addressed to your MLA on the subject of ferry fares "
        "for island residents. Print one and post it to your MLA.",
    ):
        (letter,) = _by_kind(page)[LETTER_TO_MP]
        assert any(word in _said(letter) for word in ("post offices", "bus routes", "ferry")), page
        assert letter.evidence.quote in page


def test_attached_letters_addressed_by_the_reader_and_copied_to_ministers_below():
    page = (
        "I am attaching two generic letters directed to our leaders on the\n\n"
        "subject of wetland loss in the Fraser valley.\n\n"
        "Please sign one, address it to your MLA and your federal MP, cc the\n\n"
        "ministers listed below and send it out.\n\n"
        "cc. Premier Jane Roe\n\n"
        "cc. Minister of Environment John Doe\n"
    )
    found = _by_kind(page)
    (own,) = found[LETTER_TO_MP]
    (copied,) = found[LETTER_TO_TARGETS]
    assert "wetland loss" in own.text and "wetland loss" in copied.text
    assert {t.kind for t in copied.targets} == {"head_of_government", "minister"}


def test_a_how_to_names_the_officials_to_send_the_letter_to_and_what_to_explain():
    page = (
        "Writing to your MLA\n\n"
        "Here is a short how-to for writing your MLA about the new transit fares.\n\n"
        "You can also send the letter to:\n"
        "Jane Roe (Premier of Nova Scotia)\n"
        "John Doe (Minister of Public Works)\n\n"
        "Be brief. You will want to explain that you ride the bus every day and that the fare "
        "increase hurts students.\n"
    )
    found = _by_kind(page)
    (own,) = found[LETTER_TO_MP]
    (copied,) = found[LETTER_TO_TARGETS]
    assert "fare increase" in _said(own)
    assert [t.name for t in copied.targets] == ["Jane Roe", "John Doe"]


def test_copying_the_letter_to_ministers_adds_the_ministers_listed_below_to_it():
    page = (
        "Writing to Elected Officials\n\n"
        "Officials need to hear from people regarding the decline of wild salmon.\n\n"
        "Write a letter to Premier Jane Roe. Copy the letter to one or more cabinet ministers.\n\n"
        "Minister of Fisheries\nHon. John Doe\nPhone: 250-555-0101\n\n"
        "Minister of Environment\nHon. Ann Poe\nPhone: 250-555-0102\n"
    )
    (letter,) = _by_kind(page)[LETTER_TO_TARGETS]
    assert {"250-555-0101", "250-555-0102"} <= {t.phone for t in letter.targets}


def test_a_letter_only_said_of_in_passing_is_no_letter_to_ones_representative():
    page = (
        "We have included some sample letters. There is no wrong way to write a letter to your "
        "representatives: keep it polite. Email our MP, Jane Roe, at jane.roe@example.org and "
        "ask her to support the refugee sponsorship fund."
    )
    assert LETTER_TO_MP not in _by_kind(page)


def test_an_address_line_for_the_letter_is_not_a_copy_to_officials():
    page = (
        "Write a letter to the Minister of Justice calling for Sam's release.\n\n"
        "Address your letter to:\nMinister of Justice\n1 Main Street\nOttawa, ON K1A 0A1\n"
    )
    (letter,) = _by_kind(page)[LETTER_TO_TARGETS]
    assert [t.role for t in letter.targets] == ["Minister of Justice"]


def test_news_describing_sample_letters_drafts_nothing_from_them():
    page = (
        "OTTAWA (CP) - The association said on Tuesday it had posted sample letters for your MP "
        "with respect to drug coverage, and asked members to mail them to their MP."
    )
    assert LETTER_TO_MP not in _by_kind(page)


def test_a_draft_letter_offered_to_named_ministers_is_a_letter_to_them():
    for page, said in (
        (
            "Download a draft letter to Health Minister Jane Roe and Finance Minister John Doe "
            "urging them to fund rural clinics.\n",
            "rural clinics",
        ),
        (
            "Read our sample letter to Premier Ann Poe asking her to restore the bus service.\n",
            "bus service",
        ),
    ):
        (letter,) = _by_kind(page)[LETTER_TO_TARGETS]
        assert said in letter.text, page
        assert all(t.name for t in letter.targets)


def test_a_letter_holding_officials_to_their_promises_takes_what_was_promised_before():
    page = (
        "In March the government promised binding arbitration for every nurse in the province, "
        "then cancelled the hearings last week.\n\n"
        "Download a template letter to Labour Minister Jane Roe holding her to the commitments "
        "she made.\n"
    )
    (letter,) = _by_kind(page)[LETTER_TO_TARGETS]
    assert any("binding arbitration" in point for point in letter.talking_points)


def test_a_promise_spelled_out_after_a_colon_needs_nothing_from_before():
    page = (
        "The city promised a new library years ago.\n\n"
        "Send a message to Mayor Jane Roe and tell her to keep the promise: open the east-end "
        "library this year.\n"
    )
    (letter,) = _by_kind(page)[LETTER_TO_TARGETS]
    assert not letter.talking_points


def test_a_call_using_the_letter_as_its_script_says_what_the_letter_says():
    for order in (
        "Prefer the phone? Use the letter as a phone script and call the ministers:",
        "No email? Use this letter as your calling guide and phone the ministers:",
    ):
        page = (
            "The minister promised last spring to keep the Elm Street clinic open all year.\n\n"
            "Download a draft letter to Health Minister Jane Roe holding her to the promise she "
            f"made.\n\n{order}\n\nMinister Jane Roe: 902-555-0134\n"
        )
        (call,) = _by_kind(page)[CALL]
        assert "Elm Street clinic" in _said(call), order
