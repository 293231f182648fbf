"""What each resource shows, and what it never does: unconfirmed actions, erased people,
letters' words, addresses to a token without `emails:read`."""

import pytest

from campaign.api.people import person_id
from campaign.outbox.models import Suppression
from campaign.privacy.services import supporter_data_erase
from tests.factories import CallFactory
from tests.factories.letters import LetterFactory, LetterRecipientFactory
from tests.factories.petitions import SignatureFactory

pytestmark = pytest.mark.django_db


def _results(api, path, **params):
    response = api.get(path, **params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def _confirmed_letter(**kwargs):
    from django.utils import timezone

    letter = LetterFactory(status="confirmed", confirmed_at=timezone.now(), **kwargs)
    LetterRecipientFactory(letter=letter, name="Jane Minister", role="Minister of Foreign Affairs")
    return letter


def test_it_lists_confirmed_signatures_only(organiser_api):
    SignatureFactory(first_name="Pending")
    SignatureFactory(confirmed=True, flagged=True, first_name="Flagged")
    SignatureFactory(confirmed=True, first_name="Counted")
    assert [s["given_name"] for s in _results(organiser_api, "/api/v1/signatures/")] == ["Counted"]


def test_it_shows_a_signature_s_consent_as_given(organiser_api):
    SignatureFactory(
        confirmed=True,
        newsletter_opt_in=True,
        newsletter_consent_text="Send me news of this campaign.",
        consent_page="/petitions/visas/",
    )
    (signature,) = _results(organiser_api, "/api/v1/signatures/")
    assert signature["newsletter_consent"]["opted_in"] is True
    assert signature["newsletter_consent"]["wording"] == "Send me news of this campaign."
    assert signature["newsletter_consent"]["page"] == "/petitions/visas/"


def test_it_hides_addresses_from_a_token_without_emails_read(organiser_api):
    SignatureFactory(confirmed=True, email="marie@example.org")
    (signature,) = _results(organiser_api, "/api/v1/signatures/")
    (person,) = _results(organiser_api, "/api/v1/people/")
    assert signature["email"] is None
    assert person["email_addresses"] is None
    assert b"marie@example.org" not in organiser_api.get("/api/v1/people/").content


def test_it_shows_addresses_to_data_staff_with_emails_read(data_staff_api):
    SignatureFactory(confirmed=True, email="marie@example.org")
    (signature,) = _results(data_staff_api, "/api/v1/signatures/")
    (person,) = _results(data_staff_api, "/api/v1/people/")
    assert signature["email"] == "marie@example.org"
    assert person["email_addresses"] == [{"address": "marie@example.org", "primary": True}]


def test_it_counts_one_person_per_mailbox_across_signatures_and_letters(organiser_api):
    SignatureFactory(confirmed=True, email="Marie.T@gmail.com", first_name="Marie")
    SignatureFactory(confirmed=True, email="marie.t+visas@gmail.com", first_name="Marie")
    _confirmed_letter(supporter_email="mariet@gmail.com", supporter_name="Marie T")
    (person,) = _results(organiser_api, "/api/v1/people/")
    assert person["signatures"] == 2
    assert person["outreaches"] == 1


def test_a_person_is_described_by_their_latest_action_and_their_signatures_province(
    organiser_api,
):
    SignatureFactory(
        confirmed=True, email="m@example.org", first_name="Marie", last_name="Tremblay",
        province="QC", language="fr",
    )  # fmt: skip
    _confirmed_letter(supporter_email="m@example.org", supporter_name="Marie T", language="en")
    (person,) = _results(organiser_api, "/api/v1/people/")
    assert (person["given_name"], person["family_name"]) == ("Marie T", "")
    assert person["languages_spoken"] == ["en"]
    assert person["postal_addresses"][0]["region"] == "QC"


def test_it_leaves_out_people_who_confirmed_nothing(organiser_api):
    SignatureFactory(email="pending@example.org")
    LetterRecipientFactory(letter=LetterFactory(supporter_email="pending2@example.org"))
    assert _results(organiser_api, "/api/v1/people/") == []


def test_it_finds_a_person_by_the_id_their_signature_points_at(organiser_api):
    SignatureFactory(confirmed=True, first_name="Marie", last_name="Tremblay")
    (signature,) = _results(organiser_api, "/api/v1/signatures/")
    response = organiser_api.get(f"/api/v1/people/{signature['person']}/")
    assert response.status_code == 200
    assert response.json()["family_name"] == "Tremblay"


def test_it_answers_404_for_an_unknown_person(organiser_api):
    assert organiser_api.get(f"/api/v1/people/{'0' * 64}/").status_code == 404


def test_it_gives_a_person_their_consent_in_force_from_the_ledger(organiser_api):
    from petitions.services import signature_confirm

    signature = SignatureFactory(
        email="m@example.org", newsletter_opt_in=True, newsletter_consent_text="A"
    )
    signature_confirm(signature_id=signature.pk)

    (person,) = _results(organiser_api, "/api/v1/people/")
    assert person["newsletter_consent"]["opted_in"] is True
    assert person["newsletter_consent"]["wording"] == "A"
    assert person["newsletter_consent"]["scope"] == f"campaign:{signature.petition.campaign_id}"


def test_a_persons_newsletter_consent_is_the_organisations_newsletter_from_the_ledger(
    organiser_api,
):
    from campaign.consent.scopes import NEWSLETTER, campaign_scope
    from petitions.services import signature_confirm

    signature = SignatureFactory(
        email="m@example.org",
        newsletter_opt_in=True,
        newsletter_consent_text="Campaign news.",
        organisation_newsletter_opt_in=True,
        organisation_newsletter_consent_text="The newsletter.",
    )
    signature_confirm(signature_id=signature.pk)

    (person,) = _results(organiser_api, "/api/v1/people/")
    assert person["newsletter_consent"]["scope"] == NEWSLETTER
    assert person["newsletter_consent"]["wording"] == "The newsletter."
    assert [(c["scope"], c["wording"]) for c in person["consents"]] == [
        (campaign_scope(signature.petition.campaign_id), "Campaign news."),
        (NEWSLETTER, "The newsletter."),
    ]


def test_a_person_who_withdrew_the_newsletter_shows_their_other_consents(organiser_api):
    from campaign.consent.models import ConsentEvent
    from campaign.consent.scopes import NEWSLETTER, campaign_scope
    from campaign.consent.services import consent_withdraw
    from petitions.services import signature_confirm

    signature = SignatureFactory(
        email="m@example.org",
        newsletter_opt_in=True,
        organisation_newsletter_opt_in=True,
        organisation_newsletter_consent_text="The newsletter.",
    )
    signature_confirm(signature_id=signature.pk)
    consent_withdraw(address="m@example.org", scope=NEWSLETTER, method=ConsentEvent.Method.STAFF)

    (person,) = _results(organiser_api, "/api/v1/people/")
    assert person["newsletter_consent"]["scope"] == campaign_scope(signature.petition.campaign_id)
    assert [c["scope"] for c in person["consents"]] == [
        campaign_scope(signature.petition.campaign_id)
    ]


def test_a_person_who_unsubscribed_shows_no_consent_at_once(organiser_api):
    from campaign.consent.scopes import campaign_scope
    from tests.factories.consent import ConsentEventFactory

    signature = SignatureFactory(confirmed=True, email="m@example.org", newsletter_opt_in=True)
    campaign = signature.petition.campaign
    ConsentEventFactory(campaign=campaign, address="m@example.org")
    ConsentEventFactory(
        scope=campaign_scope(campaign.pk), campaign=campaign, address="m@example.org",
        withdrawn=True,
    )  # fmt: skip

    (person,) = _results(organiser_api, "/api/v1/people/")
    assert person["newsletter_consent"] is None


def test_it_says_when_chorus_no_longer_writes_to_a_person(organiser_api):
    SignatureFactory(confirmed=True, email="gone@example.org", newsletter_opt_in=True)
    Suppression.objects.create(address="gone@example.org", reason=Suppression.Reason.UNSUBSCRIBE)
    (person,) = _results(organiser_api, "/api/v1/people/")
    assert person["mail_suppressed"] == "unsubscribe"


def test_it_never_shows_an_erased_person(organiser_api):
    SignatureFactory(confirmed=True, email="erased@example.org", first_name="Erased")
    letter = _confirmed_letter(supporter_email="erased@example.org")
    supporter_data_erase(
        actor=None, address="erased@example.org", reason=Suppression.Reason.SELF_REMOVAL
    )
    assert _results(organiser_api, "/api/v1/people/") == []
    assert _results(organiser_api, "/api/v1/signatures/") == []
    (outreach,) = _results(organiser_api, "/api/v1/outreaches/")
    assert outreach["id"] == letter.pk
    assert outreach["person"] is None


def test_it_shows_a_letter_s_metadata_never_its_words(organiser_api):
    letter = _confirmed_letter(subject="Secret subject", body="Secret words")
    LetterFactory(subject="Unconfirmed")
    response = organiser_api.get("/api/v1/outreaches/")
    assert b"Secret" not in response.content
    (outreach,) = response.json()["results"]
    assert outreach["person"] == person_id(letter.recipients.get().supporter_key)
    assert outreach["targets"] == [
        {
            "name": "Jane Minister",
            "role": "Minister of Foreign Affairs",
            "kind": "target",
            "delivery": "unknown",
            "sent_at": None,
        }
    ]


def test_it_lists_calls_per_office_without_the_supporter(organiser_api):
    call = CallFactory()
    (listed,) = _results(organiser_api, "/api/v1/calls/")
    assert listed["target"] == call.target_id
    assert listed["call_page"] == call.page_id
    assert str(call.supporter) not in str(listed)


def test_it_lists_petitions_with_their_public_count(organiser_api):
    signature = SignatureFactory(confirmed=True)
    SignatureFactory(petition=signature.petition)
    (petition,) = _results(organiser_api, "/api/v1/petitions/")
    assert petition["signature_count"] == 1
    assert petition["status"] == "open"


def test_it_lists_campaigns_drafts_included(organiser_api):
    from tests.factories import CampaignFactory

    CampaignFactory(draft=True)
    (campaign,) = _results(organiser_api, "/api/v1/campaigns/")
    assert campaign["status"] == "draft"
