"""docker-compose.yml: gunicorn is reachable only through our proxy, which alone sets the
client-address header Chorus trusts (CLIENT_IP_HEADER). Read as text: no YAML library."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def services() -> dict[str, str]:
    """Each service's block of docker-compose.yml, by name."""
    text = (ROOT / "docker-compose.yml").read_text()
    body = text.split("\nservices:\n", 1)[1].split("\nvolumes:\n", 1)[0]
    blocks = re.split(r"\n(?=  [a-z][\w-]*:\n)", "\n" + body)
    return {block.strip().split(":", 1)[0]: block for block in blocks if block.strip()}


def test_gunicorn_publishes_no_port_and_the_proxy_does():
    found = services()
    assert "ports:" not in found["web"]
    assert "proxy" in found
    assert "ports:" in found["proxy"]
    assert "web" in found["proxy"]  # it waits for web


def test_web_trusts_the_header_our_proxy_sets_and_the_proxy_overwrites_it():
    assert re.search(r"CLIENT_IP_HEADER:\s*HTTP_X_REAL_IP", services()["web"])
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    assert re.search(r"reverse_proxy\s+\{\$CHORUS_UPSTREAM:web:8000\}", caddyfile)
    # Set from the TCP peer, replacing whatever a client sent.
    assert re.search(r"header_up\s+X-Real-IP\s+\{remote_host\}", caddyfile)


def test_no_service_publishes_a_port_on_every_interface_but_the_proxy():
    for name, block in services().items():
        if name == "proxy":
            continue
        for port in (
            re.findall(r'-\s*"([^"]+)"', block.split("ports:", 1)[1]) if "ports:" in block else []
        ):
            assert port.startswith("127.0.0.1:"), (name, port)
