"""Fixtures of the letters tests: a letter template and a local SMTP server.

The small directory (`ottawa`) and the local Represent API come from tests/directory
(shared through tests/conftest.py).
"""

import socket

import pytest

from tests.factories.letters import LetterTemplateFactory


@pytest.fixture(autouse=True)
def _no_pacing(settings):
    """Pacing per recipient domain is the outbox's concern (tested there); letters tests check
    what is sent, not when, so parl.gc.ca's one-a-second rule does not delay them."""
    settings.OUTBOX_RATE_LIMITS = {}


@pytest.fixture
def mp_template(ottawa):
    return LetterTemplateFactory(
        slug="write-to-your-mp",
        body=(
            "Dear {{ representative_name }},\n\nAs a constituent in {{ riding }}, I ask you to "
            "press for emergency visas.\n\n{{ talking_points }}\n\nSincerely,\n"
            "{{ supporter_name }}\n{{ supporter_postal_code }}"
        ),
        talking_points=["People are detained.", "Canada has acted before."],
    )


class SmtpSink:
    """What a local SMTP server received: one (envelope sender, RCPT TO list, message) each."""

    def __init__(self):
        self.received: list[tuple[str, list[str], object]] = []

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes, policy

        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"

    @property
    def messages(self):
        return [message for _sender, _rcpt, message in self.received]

    @property
    def rcpt_tos(self) -> list[str]:
        return [address for _sender, rcpt, _message in self.received for address in rcpt]


@pytest.fixture
def smtp(settings):
    """A real SMTP server on localhost; the outbox delivers to it through Django's SMTP backend."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "Chorus <letters@chorus.example>"
    settings.LETTERS_TEST_MODE = False
    yield sink
    controller.stop()
