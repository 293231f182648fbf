"""A supporter removes their own data through the signed link in their emails."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from campaign.audit.models import AuditLog
from campaign.identities import mailbox_hash
from campaign.outbox import delivery
from campaign.outbox.models import Suppression
from campaign.outbox.redaction import redact_links
from campaign.outbox.selectors import emails_for
from letters.models import Letter
from letters.purposes import LetterPurpose
from petitions import counters
from petitions.models import Signature
from tests.factories.petitions import SignatureFactory
from tests.privacy.conftest import JANE, removal_path

pytestmark = pytest.mark.django_db


def sign(client, petition, email=JANE):
    data = {
        "first_name": "Jane",
        "last_name": "Doe",
        "email": email,
        "postal_code": "K1A 0A6",
    }
    client.post(reverse("petitions:sign", kwargs={"slug": petition.slug}), data)


def removal_link(text: str) -> str:
    return next(w for w in text.split() if "/privacy/remove/" in w)


def test_the_confirmation_email_carries_a_removal_link(client, petition):
    sign(client, petition)

    delivery.deliver(emails_for(Signature.objects.get()).get().pk)

    [message] = mail.outbox
    assert "/privacy/remove/" in removal_link(message.body)
    assert "/privacy/remove/" in message.alternatives[0][0]


def test_the_stored_email_keeps_the_removal_link_without_its_token(client, petition):
    sign(client, petition)
    email = emails_for(Signature.objects.get()).get()

    delivery.deliver(email.pk)

    email.refresh_from_db()
    assert "/privacy/remove/[link removed]/" in email.body_text


def test_the_link_of_a_letter_email_removes_the_letter_writers_data(client, jane_letter):
    path = removal_path("letter", jane_letter.pk)

    response = client.post(path)

    assert response.status_code == 302
    jane_letter.refresh_from_db()
    assert jane_letter.supporter_email == ""


def test_opening_the_link_shows_a_button_and_changes_nothing(client, jane_signature):
    response = client.get(removal_path("signature", jane_signature.pk))

    assert response.status_code == 200
    assert b"Remove my data" in response.content
    assert "Issue emergency visas" in response.content.decode()
    assert Signature.objects.filter(pk=jane_signature.pk).exists()
    assert not Suppression.objects.exists()
    assert not AuditLog.objects.exists()


def test_pressing_the_button_removes_every_signature_of_the_mailbox(client, jane_signature):
    other = SignatureFactory(email="janedoe@gmail.com", confirmed=True)
    stranger = SignatureFactory(petition=jane_signature.petition, confirmed=True)

    response = client.post(removal_path("signature", jane_signature.pk))

    assert response.status_code == 302
    assert response.url == reverse("privacy:removed")
    assert list(Signature.objects.all()) == [stranger]
    assert not Signature.objects.filter(pk=other.pk).exists()


def test_the_removed_page_says_what_happened(client):
    response = client.get(reverse("privacy:removed"))

    assert response.status_code == 200
    assert b"Your data has been removed" in response.content


def test_removal_also_erases_the_letters_of_the_mailbox(client, jane_signature, jane_letter):
    client.post(removal_path("signature", jane_signature.pk))

    jane_letter.refresh_from_db()
    assert jane_letter.supporter_name == jane_letter.supporter_email == jane_letter.body == ""


def test_removal_leaves_a_hashed_suppression_for_self_removal(client, jane_signature):
    client.post(removal_path("signature", jane_signature.pk))

    suppression = Suppression.objects.get()
    assert suppression.address == ""
    assert suppression.mailbox_hash == mailbox_hash(JANE)
    assert suppression.reason == Suppression.Reason.SELF_REMOVAL


def test_the_count_drops_when_a_confirmed_signature_is_removed(
    client, petition, jane_signature, django_capture_on_commit_callbacks
):
    SignatureFactory(petition=petition, confirmed=True)
    assert counters.count_read(petition.pk) == 2

    with django_capture_on_commit_callbacks(execute=True):
        client.post(removal_path("signature", jane_signature.pk))

    assert counters.count_read(petition.pk) == 1


def test_removal_is_written_to_the_audit_log_under_the_hash_only(client, jane_signature):
    client.post(removal_path("signature", jane_signature.pk))

    entry = AuditLog.objects.get()
    assert entry.actor == "(the supporter)"
    assert entry.actor_id is None
    assert entry.object_id == mailbox_hash(JANE)
    assert entry.note == "erased (self-removal)"
    assert "jane" not in str(entry.changes).lower() + entry.object_repr.lower()


def test_a_tampered_link_is_refused_and_changes_nothing(client, jane_signature):
    path = removal_path("signature", jane_signature.pk)
    tampered = re.sub(r"/remove/([^:]+)", lambda m: "/remove/" + m.group(1)[:-1] + "x", path)

    response = client.post(tampered)

    assert response.status_code == 400
    assert b"This removal link is not valid" in response.content
    assert Signature.objects.filter(pk=jane_signature.pk).exists()
    assert not Suppression.objects.exists()


def test_a_confirmation_token_does_not_open_the_removal_page(client, jane_signature):
    from petitions.tokens import confirmation_token_make

    token = confirmation_token_make(signature_id=jane_signature.pk)

    response = client.post(reverse("privacy:remove", kwargs={"token": token}))

    assert response.status_code == 400
    assert Signature.objects.filter(pk=jane_signature.pk).exists()


def test_an_expired_link_is_refused_and_changes_nothing(client, jane_signature, settings):
    path = removal_path("signature", jane_signature.pk)
    later = timezone.now() + timedelta(days=settings.PRIVACY_REMOVAL_LINK_DAYS + 1)

    with time_machine.travel(later):
        response = client.post(path)

    assert response.status_code == 410
    assert b"This removal link has expired" in response.content
    assert Signature.objects.filter(pk=jane_signature.pk).exists()


def test_a_link_whose_data_is_gone_says_so(client, jane_signature):
    path = removal_path("signature", jane_signature.pk)
    client.post(path)

    response = client.get(path)

    assert response.status_code == 404
    assert b"There is nothing left to remove here" in response.content


def test_a_removed_supporter_gets_no_confirmation_when_signing_again(client, jane_signature):
    petition = jane_signature.petition
    client.post(removal_path("signature", jane_signature.pk))

    sign(client, petition, email="JaneDoe@gmail.com")
    outcome = delivery.deliver(emails_for(Signature.objects.get()).get().pk)

    assert outcome.status == "cancelled"
    assert mail.outbox == []


def test_a_letter_copy_carries_a_removal_link(client, jane_letter):
    from letters.services import letter_confirm

    jane_letter.status = Letter.Status.UNCONFIRMED
    jane_letter.send_copy = True
    jane_letter.save()

    letter_confirm(letter=jane_letter)

    copy = emails_for(jane_letter).get(purpose=LetterPurpose.LETTER_COPY)
    link = removal_link(copy.body_text)
    assert urlsplit(link).path.startswith("/privacy/remove/")
    assert "[link removed]" in redact_links(link)
    assert "/privacy/remove/" not in "".join(
        e.body_text for e in emails_for(jane_letter).filter(purpose=LetterPurpose.LETTER)
    )
