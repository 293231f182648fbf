"""Petitions under a national spike: page views, signatures and confirmations per second.

One run, one gunicorn (2 sync workers) on PostgreSQL and Redis, on 127.0.0.1 only, measures
(a) GET of a petition page, (b) POST sign with unique addresses, (c) POST confirm, next to two
bare-Django baselines served by the same gunicorn: a view returning a constant page and a
view doing one INSERT (tests/bench/_petitions_urls.py). Every phase sends a fixed number of
requests and awaits every reply; then the database must hold exactly one signature per
accepted sign (302) and one confirmation per accepted confirm, and no signature may be flagged.
Signers come through a trusted proxy (X-Forwarded-For), two per client address, under the
production rate limit, which the email workers count (here untimed, before the confirms).
Phases run in short rounds, in alternating order, so a burst of load from elsewhere on the
machine hits both sides of a ratio.

Run it with `make bench` (it reads DATABASE_URL and REDIS_URL), or only this module:
`DATABASE_URL=... REDIS_URL=... .venv/bin/python -m tests.bench petitions`.
"""

import asyncio
import itertools
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"
CONCURRENCY = 16
GETS = 3000
POSTS = 3000
WARMUP = 150
ROUNDS = 30
TARGET_PAGE = 0.8
TARGET_SIGN = 0.6
SETTINGS = "tests.bench._petitions_settings"
# Signers from across the country (one per province), as in a national spike.
POSTAL_CODES = [
    "K1A 0A6",
    "M5V 2T6",
    "H2X 1Y4",
    "V6B 1A1",
    "T2P 1J9",
    "R3C 4T3",
    "B3H 1Z3",
    "S4P 3V7",
    "E1C 4M2",
    "A1C 5M2",
    "C1A 4P3",
    "Y1A 2C6",
]
ROOT = Path(__file__).resolve().parents[2]
# Signers arrive through the trusted proxy, two per client address (a household, a shared
# office); the production rate limit then sees what it would see in a national spike.
SIGNERS_PER_ADDRESS = 2
_ADDRESS_NUMBERS = itertools.count(1)


def _client_addresses(n: int) -> list[str]:
    """Addresses for n signers: fresh ones (never used earlier in the run), each used twice."""
    addresses: list[str] = []
    while len(addresses) < n:
        k = next(_ADDRESS_NUMBERS)
        addresses += [f"10.{k >> 16 & 255}.{k >> 8 & 255}.{k & 255}"] * SIGNERS_PER_ADDRESS
    return addresses[:n]


@dataclass
class Phase:
    name: str
    ok_status: int = 200  # what every reply of the phase should be
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return 0.0
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000

    @property
    def errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status != self.ok_status)


# --- The load generator: raw HTTP/1.1 over asyncio, one connection per request ----------------
# (gunicorn's sync workers close the connection after each response, as behind a proxy.)


def _request(method: str, path: str, *, body: bytes = b"", headers: dict | None = None) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}", "Connection: close"]
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    if method == "POST":
        lines.append("Content-Type: application/x-www-form-urlencoded")
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def _send(port: int, raw: bytes) -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        writer.write(raw)
        await writer.drain()
        data = await reader.read()
    finally:
        writer.close()
    return int(data[9:12] or 0), data


async def _drive(port: int, requests: list[bytes], phase: Phase) -> None:
    queue = iter(requests)

    async def worker():
        for raw in queue:
            start = time.perf_counter()
            try:
                status, _ = await _send(port, raw)
            except OSError:
                status = 0
            phase.latencies.append(time.perf_counter() - start)
            phase.statuses[status] = phase.statuses.get(status, 0) + 1

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    phase.seconds += time.perf_counter() - start


def run_phase(port: int, phase: Phase, requests: list[bytes]) -> None:
    asyncio.run(_drive(port, requests, phase))


# --- Setting up and tearing down -------------------------------------------------------------


def _environment() -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS,
        SECRET_KEY=env.get("SECRET_KEY") or "bench-" + secrets.token_hex(16),
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS=HOST,
        SITE_URL=f"http://{HOST}",
        LOG_LEVEL="WARNING",
    )
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _start_gunicorn(env: dict, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--workers=2",
            f"--bind={HOST}:{port}",
            "--backlog=2048",
            "--log-level=warning",
            "campaign.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            status, _ = asyncio.run(_send(port, _request("GET", "/bench/constant/")))
            if status == 200:
                return process
        except OSError:
            time.sleep(0.1)
    _stop(process)
    raise RuntimeError("gunicorn did not start")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def _csrf(port: int, slug: str) -> tuple[str, str]:
    """A CSRF cookie and token, from the sign page, as a browser would get them."""
    _, data = asyncio.run(_send(port, _request("GET", f"/petitions/{slug}/sign/")))
    text = data.decode("utf-8", "replace")
    cookie = re.search(r"Set-Cookie: csrftoken=([^;]+)", text, re.IGNORECASE)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
    if not (cookie and token):
        raise RuntimeError(f"no CSRF token on the sign page: {text[:2000]}")
    return cookie.group(1), token.group(1)


def _sign_requests(slug: str, cookie: str, token: str, prefix: str, n: int) -> list[bytes]:
    requests = []
    for i, address in enumerate(_client_addresses(n)):
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "first_name": "Bench",
                "last_name": "Signer",
                "email": f"{prefix}-{i}@bench.example.org",
                "postal_code": POSTAL_CODES[i % len(POSTAL_CODES)],
            }
        ).encode()
        requests.append(
            _request(
                "POST",
                f"/petitions/{slug}/sign/",
                body=body,
                headers={"Cookie": f"csrftoken={cookie}", "X-Forwarded-For": address},
            )
        )
    return requests


def _insert_requests(prefix: str, n: int) -> list[bytes]:
    # The same header as the signers send, so both sides carry the same bytes.
    return [
        _request(
            "POST",
            "/bench/insert/",
            body=f"email={prefix}-{i}%40bench.example.org".encode(),
            headers={"X-Forwarded-For": address},
        )
        for i, address in enumerate(_client_addresses(n))
    ]


def _confirm_requests(signature_ids: list[int], cookie: str, token: str) -> list[bytes]:
    from petitions.tokens import confirmation_token_make

    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode()
    return [
        _request(
            "POST",
            f"/petitions/confirm/{confirmation_token_make(signature_id=pk)}/",
            body=body,
            headers={"Cookie": f"csrftoken={cookie}"},
        )
        for pk in signature_ids
    ]


def _report(phases: dict[str, Phase]) -> None:
    print(f"{'phase':<22}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for phase in phases.values():
        print(
            f"{phase.name:<22}{phase.requests:>9}{phase.rate:>9.0f}"
            f"{phase.percentile(0.5):>9.1f}{phase.percentile(0.99):>9.1f}{phase.errors:>8}"
        )


def bench_petition_create(slug: str):
    """Migrate, make the one-INSERT baseline's table, and a published campaign with one petition
    (both named `slug`), as every benchmark of signing starts. Returns (campaign, petition)."""
    from django.core.management import call_command
    from django.db import connection

    from campaign.models import Campaign
    from petitions.models import Petition
    from tests.bench._petitions_urls import BASELINE_TABLE

    call_command("migrate", verbosity=0, interactive=False)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {BASELINE_TABLE} "
            "(id bigserial PRIMARY KEY, email varchar(254) NOT NULL, "
            "created_at timestamptz NOT NULL DEFAULT now())"
        )
    campaign = Campaign.objects.create(
        slug=slug, title="Bench campaign", status=Campaign.Status.PUBLISHED
    )
    petition = Petition.objects.create(
        campaign=campaign,
        slug=slug,
        title="Issue emergency visas",
        demand="Issue emergency visas to people fleeing persecution. " * 5,
        addressed_to="the Government of Canada",
        goal=100_000,
    )
    return campaign, petition


def run() -> bool:
    env = _environment()
    os.environ.update(
        {
            k: env[k]
            for k in (
                "DJANGO_SETTINGS_MODULE",
                "SECRET_KEY",
                "DEBUG",
                "SECURE_SSL_REDIRECT",
                "ALLOWED_HOSTS",
                "SITE_URL",
            )
        }
    )
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        print("petitions bench needs DATABASE_URL on PostgreSQL (make bench sets it)")
        return False
    if not os.environ.get("REDIS_URL"):
        print("petitions bench needs REDIS_URL (make bench sets it)")
        return False

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection

    from campaign.outbox.models import OutboundEmail
    from petitions import rate_limits
    from petitions.models import Signature
    from tests.bench._petitions_urls import BASELINE_TABLE

    run_id = secrets.token_hex(4)
    campaign, petition = bench_petition_create(f"bench-{run_id}")
    slug = petition.slug
    port = _free_port()
    server = _start_gunicorn(env, port)
    phases = {
        phase.name: phase
        for phase in [
            Phase("baseline constant GET"),
            Phase("petition page GET"),
            Phase("baseline insert POST", ok_status=201),
            Phase("sign POST", ok_status=302),
            Phase("confirm POST", ok_status=302),
        ]
    }
    ok = True
    try:
        cookie, token = _csrf(port, slug)
        page = _request("GET", f"/petitions/{slug}/")
        constant = _request("GET", "/bench/constant/")
        # Warm up both workers: connections to PostgreSQL and Redis, the page cache, templates.
        run_phase(port, Phase("warmup"), [page, constant] * WARMUP)
        warm = Phase("warmup", ok_status=302)
        run_phase(port, warm, _sign_requests(slug, cookie, token, f"warm{run_id}", WARMUP))
        run_phase(port, Phase("warmup"), _insert_requests(f"warm{run_id}", WARMUP))
        # Short alternating rounds: a burst of load from elsewhere on the machine lands on
        # both sides of each ratio instead of on one phase.
        for round_ in range(ROUNDS):
            pairs = [
                ("baseline constant GET", [constant] * (GETS // ROUNDS)),
                ("petition page GET", [page] * (GETS // ROUNDS)),
                ("baseline insert POST", _insert_requests(f"r{round_}{run_id}", POSTS // ROUNDS)),
                (
                    "sign POST",
                    _sign_requests(slug, cookie, token, f"r{round_}{run_id}", POSTS // ROUNDS),
                ),
            ]
            if round_ % 2:
                pairs.reverse()
            for name, requests in pairs:
                run_phase(port, phases[name], requests)

        signed_ok = phases["sign POST"].statuses.get(302, 0) + warm.statuses.get(302, 0)
        # Untimed, as the email workers do it before sending each confirmation: count every
        # signature against its address's limit (petitions/rate_limits.py).
        rate_limits.signatures_check(
            list(Signature.objects.filter(petition=petition, rate_limit_pending=True))
        )
        ids = list(Signature.objects.filter(petition=petition).values_list("pk", flat=True))
        run_phase(port, phases["confirm POST"], _confirm_requests(ids, cookie, token))
    finally:
        _stop(server)

    confirmed_ok = phases["confirm POST"].statuses.get(302, 0)
    stored = Signature.objects.filter(petition=petition).count()
    confirmed = Signature.objects.filter(petition=petition, confirmed_at__isnull=False).count()
    flagged = Signature.objects.filter(petition=petition, is_flagged=True).count()
    pending = Signature.objects.filter(petition=petition, rate_limit_pending=True).count()
    counter = cache.get(f"petitions:count:{petition.pk}")
    _report(phases)
    page_ratio = phases["petition page GET"].rate / phases["baseline constant GET"].rate
    sign_ratio = phases["sign POST"].rate / phases["baseline insert POST"].rate
    confirm_ratio = phases["confirm POST"].rate / phases["baseline insert POST"].rate
    print(
        f"ratio page GET / constant page: {page_ratio:.2f} (target >= {TARGET_PAGE})"
        f" {'OK' if page_ratio >= TARGET_PAGE else 'BELOW TARGET'}"
    )
    print(
        f"ratio sign POST / one-INSERT:   {sign_ratio:.2f} (target >= {TARGET_SIGN})"
        f" {'OK' if sign_ratio >= TARGET_SIGN else 'BELOW TARGET'}"
    )
    print(f"ratio confirm POST / one-INSERT: {confirm_ratio:.2f}")
    print(
        f"{SIGNERS_PER_ADDRESS} signers per client address (X-Forwarded-For), rate limit "
        f"{settings.PETITIONS_SIGN_RATELIMIT} per address, counted as the email workers count "
        f"it: {flagged} signatures flagged, {pending} not counted"
    )
    print(
        f"signatures accepted {signed_ok}, stored {stored}; "
        f"confirms accepted {confirmed_ok}, confirmed {confirmed}; cached count {counter}"
    )
    errors = sum(phase.errors for phase in phases.values())
    if (
        errors
        or flagged
        or pending
        or stored != signed_ok
        or confirmed != confirmed_ok
        or counter != confirmed
    ):
        print(f"FAILED: {errors} errors, or the database does not match the accepted responses")
        ok = False

    # Leave nothing behind: the rows, the baseline table, the queued tasks, the counter.
    OutboundEmail.objects.filter(related_id__in=ids, purpose="signature_confirmation").delete()
    campaign.delete()
    cache.delete(f"petitions:count:{petition.pk}")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {BASELINE_TABLE}")
    try:
        import redis

        redis.Redis.from_url(os.environ["REDIS_URL"]).delete("bench-petitions")
    except Exception as error:  # the queue expires with Redis anyway; say so and go on
        print(f"could not remove the bench task queue: {error}")
    return ok
