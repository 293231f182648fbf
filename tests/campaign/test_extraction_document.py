"""Whole documents: titles, dates, evidence offsets, deduplication, news without asks."""

import dataclasses
import datetime
import textwrap

import pytest

from campaign.extraction import (
    LOW_CONFIDENCE,
    CallToAction,
    Evidence,
    Target,
    extract_actions,
    extract_date,
    extract_document,
    extract_title,
)
from campaign.extraction.pipeline import merge_overlapping
from campaign.extraction.text import list_blocks, sentences

NEWS = (
    "Officials in Ottawa urged calm on Tuesday after reports of new detentions. \u201cWe are "
    "calling on all parties to respect human rights,\u201d a spokesperson told reporters. Human "
    "rights groups have called for an independent inquiry, and the opposition urged the "
    "government to do more. The minister said Canada had raised the matter with Moscow. "
    "Donations to local charities have risen sharply since the story broke.\n\n"
    "Please enter your comment!\nPlease enter your name here\n\n"
    "Please follow and like us:\n\nLearn more here:\n\nShare this\n"
)

APPEAL = (
    "Home News Stand with Refugees\n\n"
    "Stand with Refugees\n\n"
    "May 3, 2023\n\n"
    "We call on the Government of Canada to lift the cap on refugee sponsorship. Please "
    "contact your MP to ask for an end to the cap. You can also email the Minister of "
    "Immigration (marc.miller@parl.gc.ca).\n\n"
    "Donate to Refugee Rights Canada today!\n"
)


def test_it_yields_no_confident_actions_for_reported_news():
    assert [a for a in extract_actions(NEWS) if a.confidence >= LOW_CONFIDENCE] == []


def test_it_ignores_comment_and_share_boilerplate():
    text = "Please enter your comment!\nPlease follow and like us:\nLearn more here:\nShare this"
    assert extract_actions(text) == []


def test_it_quotes_every_evidence_from_the_original_text():
    actions = extract_actions(APPEAL)
    assert actions
    for action in actions:
        assert APPEAL[action.evidence.start : action.evidence.end] == action.evidence.quote


def test_it_sorts_actions_by_position():
    starts = [action.evidence.start for action in extract_actions(APPEAL)]
    assert starts == sorted(starts)
    assert len(starts) == 4


def test_it_rounds_confidence_to_two_decimals():
    action = CallToAction(kind="call", text="x", evidence=Evidence(0, 1, "x"), confidence=0.8567)
    assert action.confidence == 0.86
    assert action.low_confidence is False


def test_it_serialises_actions_to_plain_dicts():
    document = extract_document(APPEAL)
    data = document.to_dict()
    assert data["title"] == "Stand with Refugees"
    assert data["published"] == "2023-05-03"
    action = data["actions"][0]
    assert set(action) == {
        "kind",
        "text",
        "targets",
        "talking_points",
        "organisation",
        "addressee",
        "letter_body",
        "evidence",
        "confidence",
        "low_confidence",
    }
    assert set(action["evidence"]) == {"start", "end", "quote"}
    letter = next(a for a in data["actions"] if a["targets"])
    assert set(letter["targets"][0]) == {
        "name",
        "role",
        "email",
        "phone",
        "postal_address",
        "kind",
        "organisation",
    }


def test_it_keeps_one_ask_per_sentence():
    text = (
        "We call on the government to act, and we urge the Prime Minister to issue emergency "
        "visas today."
    )
    (petition,) = [a for a in extract_actions(text) if a.kind == "petition"]
    assert petition.addressee == "the Prime Minister"
    assert petition.text == "issue emergency visas today"


def test_it_merges_the_same_kind_with_overlapping_evidence():
    quote = "Email the Minister (a.b@x.ca) or the Prime Minister (pm@x.ca)."
    first = CallToAction(
        kind="letter_to_targets",
        text="Email the Minister",
        evidence=Evidence(0, 40, quote[:40]),
        confidence=0.9,
        targets=(Target(role="Minister", email="a.b@x.ca"),),
        talking_points=("Act now",),
    )
    second = CallToAction(
        kind="letter_to_targets",
        text="Email the Prime Minister",
        evidence=Evidence(20, len(quote), quote[20:]),
        confidence=0.6,
        targets=(
            Target(role="Minister", email="a.b@x.ca", phone="613-555-0100"),
            Target(role="Prime Minister", email="pm@x.ca"),
        ),
        talking_points=("Act now", "Save lives"),
    )
    other_kind = dataclasses.replace(second, kind="petition")
    merged = merge_overlapping([first, second, other_kind])
    assert len(merged) == 2
    (letter,) = [a for a in merged if a.kind == "letter_to_targets"]
    assert letter.text == "Email the Minister"
    assert [(t.email, t.phone) for t in letter.targets] == [
        ("a.b@x.ca", "613-555-0100"),
        ("pm@x.ca", ""),
    ]
    assert letter.talking_points == ("Act now", "Save lives")


def test_it_prefers_a_title_that_appears_twice():
    text = "Home World Stand With Chechnya Now\n\nStand With Chechnya Now\n\nBody text here."
    assert extract_title(text) == "Stand With Chechnya Now"


def test_it_prefers_a_title_glued_to_the_first_paragraph():
    text = "Emergency in Chechnya\n\nEmergency in chechnyaThe Centre is raising funds.\n"
    assert extract_title(text) == "Emergency in Chechnya"


def test_it_skips_junk_lines_before_the_title():
    text = "Pin It\nfight genocide\n\nPin It\nfight genocide\n\nCanada quietly grants asylum\n\nx."
    assert extract_title(text) == "Canada quietly grants asylum"


def test_it_falls_back_to_the_first_line():
    assert extract_title("\n\nShort\n\nThis is the body. It has sentences.") == "Short"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("April 20 2017", datetime.date(2017, 4, 20)),
        ("Posted on April 20, 2017 by staff", datetime.date(2017, 4, 20)),
        ("20 April 2017", datetime.date(2017, 4, 20)),
        ("2017-04-20", datetime.date(2017, 4, 20)),
        ("Sept. 3rd, 2019", datetime.date(2019, 9, 3)),
        ("No date here, only 2017.", None),
    ],
)
def test_it_reads_dates_in_common_formats(text, date):
    assert extract_date(text) == date


def test_it_splits_sentences_without_breaking_on_abbreviations():
    text = "Write to Hon. J. Smith today. Mr. Smith is the Minister.\nA new line."
    assert [span.text for span in sentences(text)] == [
        "Write to Hon. J. Smith today.",
        "Mr. Smith is the Minister.",
        "A new line.",
    ]


def test_it_finds_list_blocks_after_a_colon():
    text = "Our demands:\n\n- End the purge\n- Free the detained\n\nAfterwards."
    (block,) = list_blocks(text)
    assert block.intro.text == "Our demands:"
    assert [item.text for item in block.items] == ["End the purge", "Free the detained"]


def test_it_turns_an_our_demands_list_into_a_petition():
    text = "Our demands:\n\n- End the purge in Chechnya\n- Free the detained men\n"
    (action,) = extract_actions(text)
    assert action.kind == "petition"
    assert action.talking_points == ("End the purge in Chechnya", "Free the detained men")


def test_it_keeps_a_title_line_that_is_also_a_demand_as_its_own_sentence():
    text = (
        "We demand that Ottawa end fossil fuel subsidies this year\n"
        "Climate Action Coalition\n"
        "Canada still hands billions to oil companies.\n"
    )
    (action,) = extract_actions(text)
    assert action.evidence.quote == "We demand that Ottawa end fossil fuel subsidies this year"
    assert action.text == "end fossil fuel subsidies this year"


def test_it_still_joins_a_hard_wrapped_first_sentence():
    text = "We call on the government to issue emergency visas to\nLGBT people in Chechnya.\n"
    (action,) = extract_actions(text)
    assert action.text == "issue emergency visas to LGBT people in Chechnya"


def test_it_finds_each_action_in_a_numbered_take_action_list():
    text = (
        "Take action today:\n\n"
        "1. Sign the petition calling on the Ontario government to withdraw Bill 23.\n"
        "2. Call your MPP and ask them to vote against the bill.\n"
        "3. Donate to Ontario Nature Watch to fund the legal challenge.\n"
    )
    assert [(a.kind, a.text) for a in extract_actions(text)] == [
        ("petition", "withdraw Bill 23"),
        ("call", "vote against the bill"),
        ("donate", "Donate to Ontario Nature Watch to fund the legal challenge"),
    ]


def test_it_reads_appeals_in_a_news_report_as_reported():
    text = (
        "HALIFAX \u2014 Several hundred people marched on Saturday.\n\n"
        "Organizers are asking the public to sign a petition calling for rent control.\n"
    )
    assert [a for a in extract_actions(text) if not a.low_confidence] == []


def test_it_keeps_the_same_appeal_outside_a_news_report():
    text = "Organizers are asking the public to sign a petition calling for rent control.\n"
    assert [a.kind for a in extract_actions(text) if not a.low_confidence] == ["petition"]


def test_it_joins_a_bare_sign_now_to_the_petition_it_signs():
    text = (
        "We demand that the Government of Canada:\n\n"
        "\u2022 end employer-specific work permits\n"
        "\u2022 enforce housing standards on every farm\n\n"
        "Sign now and stand with the workers who feed us.\n"
    )
    (action,) = extract_actions(text)
    assert action.addressee == "the Government of Canada"
    assert action.text == (
        "end employer-specific work permits; enforce housing standards on every farm"
    )
    assert action.talking_points == (
        "end employer-specific work permits",
        "enforce housing standards on every farm",
    )


def test_it_never_takes_a_site_menu_as_the_title():
    text = "Home | About | Campaigns | Donate\n\nProtect the Fraser River salmon\n\nBody text."
    assert extract_title(text) == "Protect the Fraser River salmon"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Our petition, which called on Parliament to act, was tabled in June.", id="past_ask"
        ),
        pytest.param(
            "Why should we call our MPs when they never listen?", id="rhetorical_question"
        ),
        pytest.param("We thank the Rainbow Foundation for its generous donation.", id="thanks"),
    ],
)
def test_it_reads_past_asks_rhetorical_questions_and_thanks_as_no_asks(text):
    assert [a for a in extract_actions(text) if not a.low_confidence] == []


def test_it_keeps_a_role_and_its_address_together_in_text_wrapped_at_40_columns():
    text = (
        "Our library branch will close in June\n"
        "unless the city council finds funding.\n"
        "Write to the Chair of the Library Board\n"
        "and Culture, Dana Whitford\n"
        "(dana.whitford@library.example.ca), and\n"
        "ask her to keep the branch open all year.\n"
    )
    (action,) = extract_actions(text)
    (target,) = action.targets
    assert (target.name, target.role, target.email) == (
        "Dana Whitford",
        "Chair of the Library Board and Culture",
        "dana.whitford@library.example.ca",
    )
    assert "keep the branch open all year" in action.text


def test_it_never_takes_a_skip_link_for_the_title():
    text = "Skip to main content\nHome | Issues | Donate | Contact\n\nFund rural transit now\n"
    assert extract_title(text) == "Fund rural transit now"


def test_it_keeps_the_lines_of_an_address_block_apart_in_unwrapped_text():
    text = (
        "Please write to the minister today and ask her to fund the shelter.\n\n"
        "Hon. Jane Doe\nMinister of Housing\nLegislative Building\nHalifax NS B3J 2T3\n"
    )
    (action,) = extract_actions(text)
    assert action.targets[0].postal_address == "Legislative Building, Halifax NS B3J 2T3"


def test_it_does_not_take_the_first_line_of_a_hard_wrapped_email_for_a_title():
    text = (
        "Please email the Chair of the Eastside Library Board, Harriet\n"
        "Okonkwo, at board.chair@library.example.ca and ask her to keep\n"
        "the Eastside branch open for the whole of next year, and copy\n"
        "your city councillor so that the council hears from you too.\n"
        "Every message counts: the board has heard from very few people\n"
        "so far, and the vote on the branch is only two weeks away now.\n"
    )
    letter = next(a for a in extract_actions(text) if a.targets)
    assert letter.targets[0].name == "Harriet Okonkwo"
    assert "keep the Eastside branch open" in letter.text


def test_it_reads_a_role_hard_wrapped_at_40_columns_and_quotes_the_text_as_written():
    paragraph = (
        "Halifax Peace Network asks everyone to send an email to the Minister of Foreign Affairs, "
        "Anita Anand, at anita.anand@parl.gc.ca and ask her to end arms exports to the region."
    )
    intro = (
        "Canada approved new arms export permits last month despite reports of their use against "
        "civilians in the region."
    )
    wrapped = "\n\n".join(textwrap.fill(part, 40) for part in (intro, paragraph))
    assert "Foreign\nAffairs" in wrapped
    (action,) = [a for a in extract_actions(wrapped) if a.targets]
    assert action.targets[0].role == "Minister of Foreign Affairs"
    assert action.targets[0].name == "Anita Anand"
    assert wrapped[action.evidence.start : action.evidence.end] == action.evidence.quote
    assert "\n" in action.evidence.quote


def test_it_reads_an_alert_quoted_in_a_reply_and_quotes_it_with_its_marks():
    text = (
        "Can you all do this? - Bea\n\n"
        "On Mon, Mar 2, 2026, Tenants United <hello@tenantsunited.example> wrote:\n"
        "> Dear neighbours,\n"
        ">\n"
        "> Please email the Minister of Housing, Hon. Sam Field, at\n"
        "> housing.minister@gov.example.ca and ask him to extend the rent cap.\n"
        ">\n"
        "> With thanks,\n"
        "> Tenants United\n"
    )
    (action,) = extract_actions(text)
    assert action.targets[0].email == "housing.minister@gov.example.ca"
    assert action.targets[0].name == "Sam Field"
    assert "extend the rent cap" in action.text
    assert action.evidence.quote.startswith("Please email the Minister of Housing")
    assert "\n> housing.minister" in action.evidence.quote
    assert text[action.evidence.start : action.evidence.end] == action.evidence.quote


def test_it_takes_a_shouted_two_word_headline_for_the_title():
    assert extract_title("RENT STRIKE\nParkdale tenants' union\n\nWe are on strike.\n") == (
        "RENT STRIKE"
    )


def test_the_gap_between_two_evidence_spans_counts_the_characters_between_them():
    text = "Write to your MP. Then sign the petition."
    first, second = Evidence.of(text, 0, 17), Evidence.of(text, 23, len(text))
    assert first.gap(second) == second.gap(first) == 6


def test_evidence_spans_that_touch_or_overlap_have_no_gap():
    text = "Write to your MP and sign the petition."
    assert Evidence.of(text, 0, 16).gap(Evidence.of(text, 16, 39)) == 0
    assert Evidence.of(text, 0, 20).gap(Evidence.of(text, 10, 39)) == 0
