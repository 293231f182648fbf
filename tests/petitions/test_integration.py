"""The whole flow through a real SMTP server: sign, receive the email, follow, press, counted."""

import email
import re
import socket
import time
from datetime import timedelta

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.urls import reverse

from petitions.models import Signature


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


def _text_body(message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    raise AssertionError("no text part")


def _wait_for(inbox: Inbox, timeout: float = 5.0):
    deadline = time.monotonic() + timeout
    while not inbox.messages and time.monotonic() < deadline:
        time.sleep(0.02)
    assert inbox.messages, "no email reached the SMTP server"
    return inbox.messages[0]


@pytest.mark.django_db
def test_it_counts_a_signature_confirmed_through_the_emailed_link(
    client, smtp_inbox, settings, django_capture_on_commit_callbacks
):
    from tests.factories.petitions import PetitionFactory

    petition = PetitionFactory(slug="visas", title="Issue emergency visas")
    page_url = reverse("petitions:detail", kwargs={"slug": "visas"})
    assert "<strong>0</strong>" in client.get(page_url).content.decode()

    # The test runs in a transaction: run what would happen on commit (publishing the email).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("petitions:sign", kwargs={"slug": "visas"}),
            {
                "first_name": "Marie",
                "last_name": "Tremblay",
                "email": "marie@example.org",
                "postal_code": "K1A 0A6",
            },
        )
    assert response.status_code == 302

    message = _wait_for(smtp_inbox)
    assert message["To"] == "marie@example.org"
    assert "Issue emergency visas" in message["Subject"]
    link = re.search(r"https?://\S+/petitions/confirm/\S+/", _text_body(message)).group(0)
    path = link.removeprefix(settings.SITE_URL)

    button_page = client.get(path)
    assert button_page.status_code == 200
    assert Signature.objects.get().confirmed_at is None

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(path).status_code == 302
    assert Signature.objects.get().confirmed_at is not None

    # The page is cached for PETITIONS_PAGE_CACHE_SECONDS; past that, it shows the new count.
    with time_machine.travel(timedelta(seconds=settings.PETITIONS_PAGE_CACHE_SECONDS + 1)):
        assert "<strong>1</strong>" in client.get(page_url).content.decode()
    assert client.get(f"/petitions/{petition.slug}.json").json()["count"] == 1
