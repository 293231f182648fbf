"""Fixtures of the directory tests: a small directory of Ottawa ridings, a local Represent API."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.factories.directory import FsaRidingFactory, RepresentativeFactory, RidingFactory

FIXTURES = Path(__file__).parent / "fixtures"
# What Represent answers for an unknown postal code or path: a 404 HTML page, not JSON.
NOT_FOUND = "<!DOCTYPE html><html><head><title>Not Found</title></head></html>"


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
def oakville_east(ottawa):
    """The 2023 order's riding 35075 and its MP: the code Ottawa Centre had in the 2013 order.

    Names and MP from the 2023 representation order and Represent's House of Commons (see
    fixtures/README.md): a lookup that took a 2013 code would write to Anita Anand.
    """
    riding = RidingFactory(code="35075", name_en="Oakville East", name_fr="Oakville-Est")
    RepresentativeFactory(riding=riding, name="Anita Anand", email="Anita.Anand@parl.gc.ca")
    return riding


class RecordedRepresent:
    """A local stand-in for represent.opennorth.ca answering with recorded responses."""

    def __init__(self):
        self.responses: dict[str, tuple[int, object, dict]] = {}
        self.delay = 0.0
        self.requests: list[str] = []

    def add(self, path: str, payload: object, status: int = 200, headers=None) -> None:
        """Answer `path` (with or without its query) with `payload`: JSON, or a str sent as
        HTML, as Represent sends its 404 pages."""
        self.responses[path] = (status, payload, dict(headers or {}))

    def add_sequence(self, path: str, *answers: tuple) -> None:
        """Answer `path` with each (status, payload, headers) in turn, then the last forever."""
        self.responses[path] = [
            (status, payload, dict(headers)) for status, payload, headers in answers
        ]


@pytest.fixture
def represent(settings):
    recorded = RecordedRepresent()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            recorded.requests.append(self.path)
            if recorded.delay:
                time.sleep(recorded.delay)
            answer = recorded.responses.get(
                self.path, recorded.responses.get(self.path.split("?")[0], (404, NOT_FOUND, {}))
            )
            if isinstance(answer, list):
                answer = answer.pop(0) if len(answer) > 1 else answer[0]
            status, payload, headers = answer
            if isinstance(payload, str):
                body, content_type = payload.encode(), "text/html; charset=utf-8"
            else:
                body, content_type = json.dumps(payload).encode(), "application/json"
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
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
