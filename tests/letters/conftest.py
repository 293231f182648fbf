"""Fixtures of the letters tests: a small directory, a local Represent API, a local SMTP server."""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.factories.letters import (
    FsaRidingFactory,
    LetterTemplateFactory,
    RepresentativeFactory,
    RidingFactory,
)

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _no_pacing(settings):
    """Pacing per recipient domain is the outbox's concern (tested there); letters tests check
    what is sent, not when, so parl.gc.ca's one-a-second rule does not delay them."""
    settings.OUTBOX_RATE_LIMITS = {}


@pytest.fixture
def ottawa(db):
    """Ottawa Centre (K1A, K1P) and its MP, plus Ottawa West—Nepean sharing the FSA K1Z."""
    centre = RidingFactory(code="35079", name_en="Ottawa Centre", name_fr="Ottawa-Centre")
    west = RidingFactory(code="35082", name_en="Ottawa West—Nepean", name_fr="Ottawa-Ouest—Nepean")
    RidingFactory(code="35077", name_en="Orléans", name_fr="Orléans")
    RidingFactory(code="24054", name_en="Papineau", name_fr="Papineau", province="QC")
    RepresentativeFactory(riding=centre, name="Yasir Naqvi", email="Yasir.Naqvi@parl.gc.ca")
    RepresentativeFactory(riding=west, name="Anita Vandenbeld", email="Anita.Vandenbeld@parl.gc.ca")
    for fsa in ("K1A", "K1P", "K1Z"):
        FsaRidingFactory(fsa=fsa, riding=centre)
    FsaRidingFactory(fsa="K1Z", riding=west)
    return centre


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


class RecordedRepresent:
    """A local stand-in for represent.opennorth.ca answering with recorded responses."""

    def __init__(self):
        self.responses: dict[str, tuple[int, object]] = {}
        self.delay = 0.0
        self.requests: list[str] = []

    def add(self, path: str, payload: object, status: int = 200) -> None:
        self.responses[path] = (status, payload)


@pytest.fixture
def represent(settings):
    recorded = RecordedRepresent()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            recorded.requests.append(self.path)
            if recorded.delay:
                time.sleep(recorded.delay)
            status, payload = recorded.responses.get(
                self.path, recorded.responses.get(self.path.split("?")[0], (404, {}))
            )
            body = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    settings.REPRESENT_API_ENABLED = True
    settings.REPRESENT_API_URL = f"http://127.0.0.1:{server.server_address[1]}"
    settings.REPRESENT_API_TIMEOUT = 0.5
    recorded.base_url = settings.REPRESENT_API_URL
    yield recorded
    server.shutdown()
    server.server_close()


def recorded_json(name: str):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


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
