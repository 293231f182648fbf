"""Donation appeals and the organisation they raise money for."""

import pytest

from campaign.extraction import DONATE, extract_actions


def _donations(text):
    return [action for action in extract_actions(text) if action.kind == DONATE]


def test_it_takes_the_organisation_from_donating_to():
    text = (
        "For Canadians who wish to help, we recommend donating to Rainbow Railroad, a Canadian "
        "organization based in Toronto."
    )
    (action,) = _donations(text)
    assert action.organisation == "Rainbow Railroad"
    assert action.text == "Donate to Rainbow Railroad"
    assert not action.low_confidence


def test_it_takes_the_organisation_that_encourages_donations():
    text = (
        "As such, the Canadian Centre for Gender & Sexual Diversity is encouraging Canadians to "
        "make a tax receiptable donation to help fund LGBT people in need."
    )
    (action,) = _donations(text)
    assert action.organisation == "Canadian Centre for Gender & Sexual Diversity"
    assert action.text.endswith("to help fund LGBT people in need")


def test_it_infers_the_organisation_from_the_document():
    text = (
        "The Toronto Refugee Support Network is raising funds for emergency housing.\n\n"
        "Families arrive with nothing.\n\n"
        "Please make your donation now."
    )
    (action,) = _donations(text)
    assert action.organisation == "Toronto Refugee Support Network"
    assert action.evidence.quote == "Please make your donation now."


def test_it_falls_back_to_the_most_mentioned_organisation():
    text = (
        "The Prairie Pride Foundation runs a shelter. The Prairie Pride Foundation also runs a "
        "helpline. Human Rights Watch documented the abuse.\n\nDonate today!"
    )
    (action,) = _donations(text)
    assert action.organisation == "Prairie Pride Foundation"


def test_it_merges_several_appeals_for_the_same_organisation():
    text = (
        "The Northern Lights Refugee Fund is encouraging Canadians to donate.\n\n"
        "Your gift today will pay for travel costs and safe housing.\n\n"
        "Please make your donation now."
    )
    (action,) = _donations(text)
    assert action.organisation == "Northern Lights Refugee Fund"
    assert "pay for travel costs" in action.text


def test_it_recognises_second_person_gift_language():
    (action,) = _donations("Your gift today will pay for food and shelter.")
    assert not action.low_confidence


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Donations poured in after the story was published.", id="news"),
        pytest.param(
            "The charity said it received donations from hundreds of Canadians.",
            id="reported_speech",
        ),
        pytest.param("Home | About | Donate | Contact", id="a_site_menu"),
        pytest.param("Donate", id="a_one_word_button"),
    ],
)
def test_it_ignores_mentions_of_donations_that_ask_for_none(text):
    assert _donations(text) == []


def test_it_recognises_monthly_giving():
    text = "Amnesty International Canada relies on donations. Give monthly to protect defenders."
    (action,) = _donations(text)
    assert action.organisation == "Amnesty International Canada"
    assert action.evidence.quote == "Give monthly to protect defenders."


def test_it_leaves_the_organisation_empty_rather_than_guess_a_headline_word():
    text = "URGENT: Floods\n\nMillions are homeless.\n\nDonate now to help families survive."
    (action,) = _donations(text)
    assert action.organisation == ""
    assert action.text == "Donate to help families survive"


def test_it_reads_a_donation_after_a_lead_in_colon():
    text = "Support the legal fund: donate to the Manitoba Interfaith Immigration Council today."
    (action,) = _donations(text)
    assert action.organisation == "Manitoba Interfaith Immigration Council"
    assert not action.low_confidence


def test_it_reads_make_a_donation_to():
    (action,) = _donations("Please make a donation to Knox United Church before Sunday.")
    assert action.organisation == "Knox United Church"


def test_it_keeps_saint_abbreviations_inside_the_organisation_name():
    (action,) = _donations("Please give generously to the St. Andrew's Food Cupboard.")
    assert action.organisation == "St. Andrew's Food Cupboard"


def test_it_reads_to_donate_send_an_e_transfer():
    text = (
        "The Newcomer Women's Collective is collecting money for winter coats.\n\n"
        "To donate, send an e-transfer to donations@newcomerwomen.ca with 'coats' in the message."
    )
    (action,) = extract_actions(text)
    assert action.kind == DONATE
    assert action.organisation == "Newcomer Women's Collective"
    assert not action.low_confidence


def test_it_reads_please_consider_donating():
    (action,) = _donations("Please consider donating to the Stephen Lewis Foundation.")
    assert action.organisation == "Stephen Lewis Foundation"
    assert not action.low_confidence


def test_it_reads_a_donation_noun_as_an_appeal_only_when_it_is_asked_for():
    assert _donations("We thank the Rainbow Foundation for its generous donation.") == []
    (action,) = _donations("We rely on donations from people like you.")
    assert not action.low_confidence


def test_it_reads_give_to_after_another_instruction():
    text = "Please bring non-perishable food, or give to the Out of the Cold fund."
    (action,) = _donations(text)
    assert action.organisation == "Out of the Cold"


def test_it_reads_the_organisation_after_an_amount():
    text = "Will you give $25 to Médecins du Monde Canada before the deadline?"
    (action,) = _donations(text)
    assert action.organisation == "Médecins du Monde Canada"
    assert not action.low_confidence


def test_it_does_not_take_a_titled_person_for_the_organisation():
    text = "Mayor Paul Lefebvre is urging residents to donate this holiday season."
    (action,) = _donations(text)
    assert action.organisation == ""


def test_it_does_not_run_an_organisation_name_into_the_next_paragraph():
    text = (
        "St. Matthew's Refugee Sponsorship Committee\n\n"
        "Our committee is raising funds for the Yousef family.\n\n"
        "Give to the sponsorship fund through the church office.\n"
    )
    (action,) = _donations(text)
    assert action.organisation == "St. Matthew's Refugee Sponsorship Committee"


def test_it_reads_support_x_by_donating_as_an_appeal():
    text = "Support the strikers by donating to the Hotel Workers Hardship Fund."
    (action,) = _donations(text)
    assert action.organisation == "Hotel Workers Hardship Fund"
    assert not action.low_confidence


def test_it_reads_donations_to_a_fund_can_be_made_as_an_appeal():
    text = "Donations to the Riverside Food Cupboard can be made at the parish office."
    (action,) = _donations(text)
    assert action.organisation == "Riverside Food Cupboard"


def test_it_takes_the_organisation_a_gift_keeps_going():
    text = "Rent Strike Week of Action\n\nChip in $5 to keep Riverside Tenants Network going."
    (action,) = _donations(text)
    assert action.organisation == "Riverside Tenants Network"


def test_it_reads_a_passive_donation_notice_in_a_news_report_as_reported():
    text = (
        "Strike enters third week\n\nBy Dana Whitehorse\nRegina Leader-Post\n\n"
        "REGINA - About 400 grocery workers are on strike, the union said.\n\n"
        "Donations to the strike fund can be made at the union's office, the union said."
    )
    (action,) = _donations(text)
    assert action.low_confidence


def test_it_reads_cheques_payable_to_a_fund_as_an_appeal():
    text = "Our winter coat drive continues. Cheques payable to the Grace Church Coat Fund, please."
    (action,) = _donations(text)
    assert not action.low_confidence


def test_it_writes_the_organisation_in_full_when_the_document_does():
    text = (
        "The Harbour Trust for Clean Water funds court cases.\n\n"
        "The Harbour Trust is a registered charity and you will get a tax receipt for your "
        "donation."
    )
    (action,) = _donations(text)
    assert action.organisation == "Harbour Trust for Clean Water"


def test_it_keeps_the_abbreviation_the_document_uses_over_a_network_it_belongs_to():
    text = (
        "Your donation will support\n\n"
        "  • our work as a member of the Rivers International network.\n"
        "  • court interventions by RiV Canada."
    )
    (action,) = _donations(text)
    assert action.organisation == "RiV Canada"


def test_it_does_not_take_a_political_party_for_the_fundraiser():
    text = (
        "The NDP and the Liberals are negotiating. The NDP says it will walk away.\n\n"
        "Can you chip in to help fund our campaigns?"
    )
    (action,) = _donations(text)
    assert action.organisation == ""


def test_it_takes_the_organisation_that_says_donations_sustain_it():
    text = (
        "Thank you for taking action!\n\n"
        "Pushback is sustained by thousands of small donations. Can you chip in today?"
    )
    (action,) = _donations(text)
    assert action.organisation == "Pushback"


def test_it_reads_a_gift_described_by_several_words():
    (action,) = _donations("Click here to make a tax-deductible gift to the Harbour Trust.")
    assert action.organisation == "Harbour Trust"
    assert not action.low_confidence


def test_it_reads_support_our_work_as_an_appeal_where_the_document_asks_for_money():
    text = "Every gift counts, whatever its size.\n\nPlease support our work."
    assert [a.evidence.quote for a in _donations(text)] == ["Please support our work."]


def test_support_our_work_alone_asks_for_no_money():
    assert _donations("Please support our work.") == []


def test_it_reads_the_public_told_where_to_give_as_an_appeal():
    text = "Canadians can give to the Harbour Trust at www.harbourtrust.ca."
    (action,) = _donations(text)
    assert not action.low_confidence


def test_it_takes_the_organisation_from_the_address_to_give_at():
    text = (
        "The Harbour Relief Alliance brings together aid agencies.\n\n"
        "Canadians can give to Ukrainian emergency relief at www.harbourreliefalliance.ca."
    )
    (action,) = _donations(text)
    assert action.organisation == "Harbour Relief Alliance"


def test_news_giving_the_address_to_give_at_in_its_own_voice_asks_the_reader():
    text = (
        "HALIFAX - A family lost its home in a fire on Tuesday, the fire chief said.\n\n"
        "Donations can also be made online at helpthefamily.ca."
    )
    (action,) = _donations(text)
    assert not action.low_confidence


def test_news_reporting_where_a_fundraiser_takes_donations_stays_low():
    text = (
        "HALIFAX - A family lost its home in a fire on Tuesday, the fire chief said.\n\n"
        "Smith said donations can be made at the Harbour Trust's office online at "
        "harbourtrust.ca."
    )
    assert all(action.low_confidence for action in _donations(text))


def test_it_gives_one_appeal_for_an_organisation_named_in_short_and_in_full():
    text = (
        "Make a last-minute donation to the ACLU.\n\n"
        "Click here to make a gift to the ACLU Foundation. The ACLU defends your rights."
    )
    (action,) = _donations(text)
    assert action.organisation == "ACLU"


def test_membership_bought_with_an_annual_gift_is_a_donation():
    text = (
        "The Riverside Trust protects the valley. "
        "Anyone can become a Friends member with an annual gift of $100 or more."
    )
    (gift,) = [a for a in extract_actions(text) if a.kind == DONATE and not a.low_confidence]
    assert gift.organisation == "Riverside Trust"


def test_a_fund_an_organisation_launched_is_not_the_one_raising_money():
    text = (
        "In 2001 the Riverside Trust launched a programme called the Valley Legacy Fund (VLF). "
        "The Riverside Trust relies on you. The VLF builds for the long term, and the VLF "
        "trains volunteers. Make a gift today."
    )
    (gift,) = [a for a in extract_actions(text) if a.kind == DONATE]
    assert gift.organisation == "Riverside Trust"


def test_a_gift_to_a_named_fund_goes_to_the_organisation_raising_the_money():
    text = (
        "Without your support, River Keepers Network cannot keep rivers clean.\n\n"
        "River Keepers Network files lawsuits against polluters every year.\n\n"
        "Please make your donation now to the Clean Water Fund.\n"
    )
    (action,) = _donations(text)
    assert action.organisation == "River Keepers Network"


def test_a_fund_that_is_the_only_organisation_named_keeps_the_gift():
    text = "Please make your donation now to the Clean Water Fund.\n"
    (action,) = _donations(text)
    assert action.organisation == "Clean Water Fund"


def test_an_appeal_gives_to_the_organisation_of_whoever_signs_it():
    text = (
        "The Provincial Wetlands Commission meets next month to decide the marsh's future.\n"
        "Will you give $25 today to help protect the marsh?\n"
        "With thanks,\n"
        "Ann Lee\n"
        "Executive Director, Marshwatch\n"
        "p.s. A monthly gift keeps us working all year.\n"
    )
    (gift,) = [a for a in extract_actions(text) if a.kind == DONATE]
    assert gift.organisation == "Marshwatch"
