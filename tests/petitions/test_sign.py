"""Signing: the form, what is stored, and what is refused."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from campaign.consent.wording import CAMPAIGN_UPDATES_CONSENT
from campaign.outbox import delivery
from campaign.outbox.models import OutboundEmail
from campaign.outbox.selectors import emails_for
from petitions.models import Signature
from petitions.purposes import PetitionPurpose
from tests.factories.petitions import PetitionFactory, SignatureFactory

pytestmark = pytest.mark.django_db


def sign(client, petition, data, **extra):
    return client.post(reverse("petitions:sign", kwargs={"slug": petition.slug}), data, **extra)


def test_it_stores_an_unconfirmed_signature_with_its_confirmation_email(
    client, petition, valid_form
):
    response = sign(client, petition, valid_form)

    assert response.status_code == 302
    assert response["Location"] == reverse("petitions:thanks", kwargs={"slug": "visas"})
    signature = Signature.objects.get()
    assert signature.confirmed_at is None
    email = emails_for(signature).get()
    assert email.purpose == PetitionPurpose.SIGNATURE_CONFIRMATION
    assert email.to == "marie@example.org"


def test_it_normalises_the_postal_code_and_records_the_province(client, petition, valid_form):
    sign(client, petition, {**valid_form, "postal_code": " h2x-1y4 "})

    signature = Signature.objects.get()
    assert signature.postal_code == "H2X 1Y4"
    assert signature.province == "QC"


def test_it_leaves_the_riding_blank_when_the_directory_does_not_know_the_code(
    client, petition, valid_form
):
    sign(client, petition, valid_form)

    signature = Signature.objects.get()
    assert (signature.riding_code, signature.riding_name) == ("", "")


def test_it_stores_the_exact_newsletter_wording_time_and_page_when_ticked(
    client, petition, valid_form
):
    sign(client, petition, {**valid_form, "newsletter": "on"})

    signature = Signature.objects.get()
    assert signature.newsletter_opt_in is True
    assert signature.newsletter_consent_text == str(CAMPAIGN_UPDATES_CONSENT)
    assert signature.newsletter_consent_at is not None
    assert signature.consent_page.endswith("/petitions/visas/sign/")


def test_it_stores_no_consent_when_the_box_is_left_unticked(client, petition, valid_form):
    sign(client, petition, valid_form)

    signature = Signature.objects.get()
    assert signature.newsletter_opt_in is False
    assert signature.newsletter_consent_text == ""
    assert signature.newsletter_consent_at is None
    assert signature.show_name is False


def test_it_ignores_extra_fields_that_try_to_set_the_state(client, petition, valid_form):
    sign(
        client,
        petition,
        {
            **valid_form,
            "confirmed": "1",
            "confirmed_at": "2020-01-01",
            "is_flagged": "0",
            "confirmation_sends": "0",
        },
    )

    signature = Signature.objects.get()
    assert signature.confirmed_at is None
    assert signature.confirmation_sends == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", ""),
        ("email", "not-an-address"),
        ("postal_code", ""),
        ("postal_code", "12345"),
        ("postal_code", "W1A 1AA"),
        ("first_name", ""),
        ("first_name", "Visit www.spam.example"),
        ("first_name", "http://spam.example"),
        ("last_name", '=HYPERLINK("x")'),
        ("last_name", "+1234"),
        ("first_name", "x" * 51),
        ("comment", "x" * 501),
        ("email", "a" * 250 + "@example.org"),
        ("first_name", "Ma\x00rie"),
    ],
)
def test_it_shows_the_form_again_with_the_error_next_to_the_field(
    client, petition, valid_form, field, value
):
    response = sign(client, petition, {**valid_form, field: value})

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert f'id="error_1_id_{field}"' in response.content.decode()
    assert not Signature.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_it_rejects_invalid_utf8_with_a_form_error_not_a_500(client, petition):
    body = b"first_name=Marie&last_name=Tr%FF%FEmblay&email=marie%40example.org&postal_code=K1A0A6"
    response = client.post(
        reverse("petitions:sign", kwargs={"slug": petition.slug}),
        body,
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert "last_name" in response.context["form"].errors
    assert not Signature.objects.exists()


def test_it_refuses_a_post_without_a_csrf_token(petition, valid_form):
    client = Client(enforce_csrf_checks=True)

    response = sign(client, petition, valid_form)

    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_it_accepts_a_post_with_the_token_from_the_sign_page(petition, valid_form):
    client = Client(enforce_csrf_checks=True)
    page = client.get(reverse("petitions:sign", kwargs={"slug": petition.slug}))
    token = page.context["csrf_token"]

    response = sign(client, petition, {**valid_form, "csrfmiddlewaretoken": str(token)})

    assert response.status_code == 302
    assert Signature.objects.count() == 1


@pytest.mark.parametrize(
    "variant", ["Marie.T+petition@GoogleMail.com", "marie.t@gmail.com", "MARIET@gmail.com"]
)
def test_it_finds_the_first_signature_when_signing_again_with_a_variant_address(
    client, petition, valid_form, variant
):
    sign(client, petition, {**valid_form, "email": "mariet@gmail.com"})

    response = sign(client, petition, {**valid_form, "email": variant})

    assert response.status_code == 302
    assert response["Location"] == reverse("petitions:thanks", kwargs={"slug": "visas"})
    assert Signature.objects.count() == 1


def send_queued():
    """What the email workers do with every queued row, oldest first."""
    for email_id in OutboundEmail.objects.order_by("pk").values_list("pk", flat=True):
        delivery.deliver(email_id)


def test_it_resends_the_confirmation_at_most_three_times_in_all(client, petition, valid_form):
    for _ in range(6):
        sign(client, petition, valid_form)

    send_queued()

    signature = Signature.objects.get()
    assert len(mail.outbox) == 3
    assert emails_for(signature).filter(status=OutboundEmail.Status.SENT).count() == 3
    assert signature.confirmation_sends == 3


def test_it_sends_nothing_again_once_the_signature_is_confirmed(client, petition, valid_form):
    signature = SignatureFactory(petition=petition, email="marie@example.org", confirmed=True)

    sign(client, petition, valid_form)
    send_queued()

    # The request wrote a row as for anyone (it must not tell); the worker sent nothing.
    [email] = emails_for(signature)
    assert email.status == OutboundEmail.Status.CANCELLED
    assert mail.outbox == []


def test_it_stores_a_honeypot_submission_flagged_without_an_email(client, petition, valid_form):
    response = sign(client, petition, {**valid_form, "website": "http://spam.example"})

    assert response.status_code == 302
    signature = Signature.objects.get()
    assert signature.is_flagged
    assert signature.flag_reason == Signature.FlagReason.HONEYPOT
    assert not OutboundEmail.objects.exclude(status=OutboundEmail.Status.CANCELLED).exists()
    send_queued()
    assert mail.outbox == []


def test_it_sends_nothing_when_a_flagged_signer_signs_again(client, petition, valid_form):
    sign(client, petition, {**valid_form, "website": "http://spam.example"})

    sign(client, petition, valid_form)
    send_queued()

    assert Signature.objects.get().is_flagged
    assert mail.outbox == []
    assert not OutboundEmail.objects.exclude(status=OutboundEmail.Status.CANCELLED).exists()


def test_a_honeypot_submission_with_a_known_address_sends_nothing_again(
    client, petition, valid_form
):
    sign(client, petition, valid_form)
    sign(client, petition, {**valid_form, "website": "http://spam.example"})

    send_queued()

    assert len(mail.outbox) == 1
    assert Signature.objects.get().confirmation_sends == 1


def test_it_refuses_signatures_on_a_closed_petition_with_a_clear_message(client, valid_form):
    petition = PetitionFactory(closed=True)

    response = sign(client, petition, valid_form)

    assert response.status_code == 409
    assert "This petition is closed" in response.content.decode()
    assert not Signature.objects.exists()


def test_it_shows_no_form_on_a_closed_petitions_sign_page(client):
    petition = PetitionFactory(closed=True)

    response = client.get(reverse("petitions:sign", kwargs={"slug": petition.slug}))

    assert "no longer accepts signatures" in response.content.decode()
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_it_answers_404_for_a_draft_petitions_sign_page(client, valid_form):
    petition = PetitionFactory(draft=True)

    assert client.get(reverse("petitions:sign", kwargs={"slug": petition.slug})).status_code == 404
    assert sign(client, petition, valid_form).status_code == 404
    assert not Signature.objects.exists()


def test_it_labels_every_input_of_the_sign_form(client, petition):
    response = client.get(reverse("petitions:sign", kwargs={"slug": petition.slug}))
    html = response.content.decode()

    for field in [
        "first_name",
        "last_name",
        "email",
        "postal_code",
        "comment",
        "show_name",
        "newsletter",
        "website",
    ]:
        assert f'for="id_{field}"' in html
    assert 'name="newsletter"' in html and "checked" not in html


def test_it_records_the_riding_when_the_local_directory_is_certain_of_it(
    client, petition, valid_form
):
    from campaign.directory.models import FsaRiding, Riding

    riding = Riding.objects.create(code="35075", name_en="Ottawa Centre", province="ON")
    FsaRiding.objects.create(fsa="K1A", riding=riding)

    sign(client, petition, valid_form)

    signature = Signature.objects.get()
    assert (signature.riding_code, signature.riding_name) == ("35075", "Ottawa Centre")


def test_it_leaves_the_riding_blank_when_the_area_spans_several_ridings(
    client, petition, valid_form
):
    from campaign.directory.models import FsaRiding, Riding

    for code, name in [("35075", "Ottawa Centre"), ("35076", "Ottawa South")]:
        FsaRiding.objects.create(
            fsa="K1A", riding=Riding.objects.create(code=code, name_en=name, province="ON")
        )

    sign(client, petition, valid_form)

    assert Signature.objects.get().riding_code == ""


def test_it_stores_only_a_salted_hash_of_the_address(client, petition, valid_form):
    sign(client, petition, valid_form, REMOTE_ADDR="203.0.113.9")

    signature = Signature.objects.get()
    assert len(signature.ip_hash) == 64
    assert "203.0.113.9" not in str(Signature.objects.values().get())


def test_it_answers_400_to_a_body_over_the_upload_limit(client, petition, valid_form):
    response = sign(client, petition, {**valid_form, "comment": "x" * 3_000_000})

    assert response.status_code == 400
    assert not Signature.objects.exists()


def test_it_logs_ids_and_never_the_address(client, petition, valid_form, caplog):
    with caplog.at_level("DEBUG", logger="petitions"):
        sign(client, petition, valid_form)
        sign(client, petition, valid_form)

    assert caplog.records
    assert all("@" not in record.getMessage() for record in caplog.records)
    assert all("Marie" not in record.getMessage() for record in caplog.records)


def test_it_shows_every_required_field_missing_for_an_empty_post(client, petition):
    response = sign(client, petition, {})

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {
        "first_name",
        "last_name",
        "email",
        "postal_code",
    }
    assert not Signature.objects.exists()
