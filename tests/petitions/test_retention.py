"""Retention: what the privacy notice promises, applied by the daily purge."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from petitions.models import Signature
from tests.factories.campaign import CampaignFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory

pytestmark = pytest.mark.django_db


def aged(signature, days):
    Signature.objects.filter(pk=signature.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )
    return signature


def test_it_deletes_unconfirmed_signatures_after_30_days(petition):
    old = aged(SignatureFactory(petition=petition), 31)
    recent = aged(SignatureFactory(petition=petition), 29)
    confirmed = aged(SignatureFactory(petition=petition, confirmed=True), 31)

    call_command("purge_petition_signatures")

    assert set(Signature.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}
    assert old.pk not in Signature.objects.values_list("pk", flat=True)


def test_it_clears_ip_hashes_after_90_days(petition):
    old = aged(SignatureFactory(petition=petition, confirmed=True, ip_hash="a" * 64), 91)
    recent = aged(SignatureFactory(petition=petition, confirmed=True, ip_hash="b" * 64), 89)

    call_command("purge_petition_signatures")

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.ip_hash, recent.ip_hash) == ("", "b" * 64)


def test_it_keeps_only_the_counts_two_years_after_the_campaign_closed():
    campaign = CampaignFactory(closed=True, closed_at=timezone.now() - timedelta(days=731))
    petition = PetitionFactory(campaign=campaign, closed=True)
    signature = SignatureFactory(
        petition=petition,
        confirmed=True,
        postal_code="K1A 0A6",
        comment="Words",
        riding_code="35075",
        newsletter_opt_in=True,
        newsletter_consent_text="Yes",
        organisation_newsletter_opt_in=True,
        organisation_newsletter_consent_text="Yes, the newsletter",
    )
    kept = SignatureFactory(petition=PetitionFactory(), confirmed=True)

    call_command("purge_petition_signatures")

    signature.refresh_from_db()
    assert (signature.first_name, signature.last_name, signature.email) == ("", "", "")
    assert signature.email_key == f"anonymised-{signature.pk}"
    assert (signature.postal_code, signature.province, signature.riding_code) == (
        "K1A",
        "ON",
        "35075",
    )
    assert (signature.comment, signature.newsletter_consent_text) == ("", "")
    assert (
        signature.organisation_newsletter_opt_in,
        signature.organisation_newsletter_consent_text,
    ) == (False, "")
    assert signature.confirmed_at is not None
    kept.refresh_from_db()
    assert kept.email
