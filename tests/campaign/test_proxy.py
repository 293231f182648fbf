"""deploy/Caddyfile, run by the real Caddy in front of a local upstream: whatever address or
scheme a client claims in its headers, Chorus sees the TCP peer the proxy saw.

The compose file only publishes the proxy (test_deployment.py); this checks the other half of
that promise, that the header web trusts (CLIENT_IP_HEADER) is the proxy's and not the
client's. `.ci/run` installs Debian's caddy, so CI always runs these.
"""

import http.client
import json
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.test import override_settings

from campaign.client_addresses import client_ip

ROOT = Path(__file__).resolve().parents[2]
CADDY = shutil.which("caddy")

pytestmark = pytest.mark.skipif(
    CADDY is None, reason="caddy is not installed (.ci/run installs it)"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def _what_chorus_sees(environ, start_response):
    """The upstream: what Chorus's settings in compose make of the request the proxy passed on."""
    with override_settings(CLIENT_IP_HEADER="HTTP_X_REAL_IP"):
        request = WSGIRequest(environ)
        seen = {
            "client_ip": client_ip(request),
            "x_real_ip": environ.get("HTTP_X_REAL_IP", ""),
            "is_secure": request.is_secure(),
        }
    start_response("200 OK", [("Content-Type", "application/json")])
    return [json.dumps(seen).encode()]


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    """Caddy running deploy/Caddyfile on a free port, in front of `_what_chorus_sees`."""
    upstream = make_server("127.0.0.1", 0, _what_chorus_sees, handler_class=_Quiet)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    port = _free_port()
    home = tmp_path_factory.mktemp("caddy")
    (home / "media" / "campaigns").mkdir(parents=True)
    (home / "media" / "campaigns" / "hero.webp").write_bytes(b"RIFF-an-image")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "SITE_HOST": f"http://127.0.0.1:{port}",
        "CHORUS_UPSTREAM": f"127.0.0.1:{upstream.server_port}",
        "CADDY_ADMIN": "off",
        "CHORUS_MEDIA_PARENT": str(home),
    }
    caddy = subprocess.Popen(
        [CADDY, "run", "--config", str(ROOT / "deploy" / "Caddyfile"), "--adapter", "caddyfile"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for_port(port, caddy)
        yield port
    finally:
        caddy.terminate()
        caddy.wait(timeout=10)
        upstream.shutdown()


def _wait_for_port(port: int, caddy: subprocess.Popen) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if caddy.poll() is not None:
            raise RuntimeError(f"caddy exited: {caddy.stderr.read().decode()[-2000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("caddy did not listen within 15 s")


def _through(port: int, headers: dict[str, str]) -> dict:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/", headers=headers)
    response = connection.getresponse()
    assert response.status == 200
    return json.loads(response.read())


def test_chorus_sees_the_peer_the_proxy_saw(proxy):
    assert _through(proxy, {})["client_ip"] == "127.0.0.1"


def test_a_client_cannot_choose_its_address_with_x_real_ip(proxy):
    seen = _through(proxy, {"X-Real-IP": "203.0.113.9"})

    assert seen["x_real_ip"] == "127.0.0.1"
    assert seen["client_ip"] == "127.0.0.1"


def test_a_client_cannot_choose_its_address_with_x_forwarded_for(proxy):
    seen = _through(proxy, {"X-Forwarded-For": "203.0.113.9", "X-Real-IP": "198.51.100.7"})

    assert seen["client_ip"] == "127.0.0.1"


def test_a_client_cannot_claim_https_on_a_plain_connection(proxy):
    assert _through(proxy, {"X-Forwarded-Proto": "https"})["is_secure"] is False


def test_the_proxy_serves_uploaded_images_itself_with_a_long_cache(proxy):
    connection = http.client.HTTPConnection("127.0.0.1", proxy, timeout=10)
    connection.request("GET", "/media/campaigns/hero.webp")
    response = connection.getresponse()

    assert response.status == 200
    assert response.read() == b"RIFF-an-image"
    assert "immutable" in response.getheader("Cache-Control")
    assert response.getheader("X-Content-Type-Options") == "nosniff"
