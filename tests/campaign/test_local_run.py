"""The README's first command as a new user runs it: `make run` in a fresh clone.

Each test clones this repository's committed HEAD (uncommitted changes are not in it) into an
empty temporary folder: no `../shared` beside it, no `.env`, no `var/`. `make run` runs there
with only PATH, HOME and LANG in its environment, so none of DATABASE_URL, REDIS_URL,
EMAIL_URL, SITE_URL or CHORUS_DATA_DIR is set: SQLite, tasks in-process, mail to files. The
clone's `.venv` is a link to the suite's own virtualenv, to save the install; `make run` still
runs its install step on it, as the README's command does.

The supporter is plain HTTP, as a browser without JavaScript would send it: links followed
from the home page, forms read from the HTML (CSRF token and every field) and posted back.
"""

import contextlib
import email
import email.policy
import html.parser
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytestmark = pytest.mark.firstrun

ROOT = Path(__file__).resolve().parents[2]
# The virtualenv running the suite (a venv's sys.prefix is its folder).
VENV = Path(sys.prefix)
SEED_CAMPAIGN = "LGBT people in Chechnya need Canada"
# Install, migrate, import and serve, on two busy cores.
STARTUP_SECONDS = 300


def _user_environment() -> dict:
    """What a new user's shell holds: no Chorus variable, nothing from the suite's own `make`."""
    return {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}


def _git(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=True
    )
    return result.stdout.strip()


@pytest.fixture
def fresh_clone(tmp_path) -> Path:
    clone = tmp_path / "chorus"
    _git("clone", "--quiet", str(ROOT), str(clone), cwd=tmp_path)
    assert _git("rev-parse", "HEAD", cwd=clone) == _git("rev-parse", "HEAD", cwd=ROOT)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chorus"]  # nothing beside it
    assert not (clone / "var").exists()
    return clone


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- A browser without JavaScript -------------------------------------------------------------


@dataclass
class _Form:
    action: str
    method: str
    # (name, value, type, checked), in document order; a textarea is type "textarea".
    controls: list = field(default_factory=list)


class _PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.forms: list[_Form] = []
        self._link: list | None = None
        self._form: _Form | None = None
        self._textarea: list | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and "href" in a:
            self._link = [a["href"], ""]
        elif tag == "form":
            self._form = _Form(a.get("action", ""), a.get("method", "get").lower())
            self.forms.append(self._form)
        elif self._form and tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            self._form.controls.append((a["name"], a.get("value", ""), kind, "checked" in a))
        elif self._form and tag == "button" and a.get("name"):
            kind = a.get("type", "submit").lower()
            self._form.controls.append((a["name"], a.get("value", ""), kind, False))
        elif self._form and tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None
        elif tag == "textarea" and self._textarea is not None and self._form:
            self._form.controls.append((*self._textarea, "textarea", False))
            self._textarea = None
        elif tag == "form":
            self._form = None


@dataclass
class _Page:
    url: str
    status: int
    html: str
    links: list
    forms: list

    def link(self, text_start: str) -> str:
        hrefs = [href for href, text in self.links if text.startswith(text_start)]
        assert hrefs, f"no link {text_start!r} on {self.url}: {self.links}"
        return urllib.parse.urljoin(self.url, hrefs[0])

    def post_form(self) -> _Form:
        forms = [form for form in self.forms if form.method == "post"]
        assert len(forms) == 1, f"{len(forms)} POST forms on {self.url}"
        return forms[0]


class _Browser:
    """Keeps cookies, follows redirects, and submits forms with what a browser would send."""

    def __init__(self):
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def _open(self, request: urllib.request.Request) -> _Page:
        with self._opener.open(request, timeout=30) as response:
            text = response.read().decode()
            parser = _PageParser()
            parser.feed(text)
            return _Page(response.url, response.status, text, parser.links, parser.forms)

    def get(self, url: str) -> _Page:
        return self._open(urllib.request.Request(url))  # noqa: S310 - http, the served site

    def submit(self, page: _Page, form: _Form, typed: dict[str, str]) -> _Page:
        """Fill in `typed`, leave the rest as the page gave it, press the first submit button."""
        data, pressed = [], False
        for name, value, kind, checked in form.controls:
            if kind in ("submit", "image", "button"):
                if kind == "submit" and not pressed:
                    data.append((name, value))
                    pressed = True
            elif kind in ("checkbox", "radio"):
                if checked:
                    data.append((name, value or "on"))
            else:
                data.append((name, typed.get(name, value)))
        assert set(typed) <= {name for name, _ in data}, f"{typed} not all in {form}"
        parts = urllib.parse.urlsplit(page.url)
        request = urllib.request.Request(  # noqa: S310 - http, the served site
            urllib.parse.urljoin(page.url, form.action or page.url),
            data=urllib.parse.urlencode(data).encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"{parts.scheme}://{parts.netloc}",
                "Referer": page.url,
            },
            method="POST",
        )
        return self._open(request)


# --- The server's process group ----------------------------------------------------------------


def _live_processes_in_group(pgid: int) -> list[str]:
    """Processes of the group that still run (zombies, already dead, are not counted)."""
    if not Path("/proc/self/stat").exists():
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return []
        return [f"group {pgid}"]
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        state, _ppid, pgrp = text.rpartition(")")[2].split()[:3]
        if int(pgrp) == pgid and state != "Z":
            alive.append(text.split(")")[0] + ")")
    return alive


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to the whole group (make, runserver and its autoreloaded child), then SIGKILL."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if process.poll() is not None and not _live_processes_in_group(process.pid):
                return
            time.sleep(0.2)


def _tail(log: Path) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-40:])


def _count_on(page: _Page) -> int:
    # "<strong>1,234</strong> of 5,000 signatures" (templates/petitions/_progress.html).
    match = re.search(r"<strong>([\d,]+)</strong>\s*(?:of [\d,]+ )?signatures?\b", page.html)
    assert match, f"no count on {page.url}"
    return int(match.group(1).replace(",", ""))


# --- The tests ---------------------------------------------------------------------------------


def test_make_run_on_a_fresh_clone_serves_the_seed_campaign_signed_confirmed_and_written(
    fresh_clone,
):
    (fresh_clone / ".venv").symlink_to(VENV)
    port = _free_port()
    site = f"http://127.0.0.1:{port}"
    log = fresh_clone.parent / "make-run.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            ["make", "run", f"PORT={port}"],
            cwd=fresh_clone,
            env=_user_environment(),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, stopped as a whole below
        )
    browser = _Browser()
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert server.poll() is None, f"make run stopped:\n{_tail(log)}"
            try:
                home = browser.get(site + "/")
                break
            except OSError:
                assert time.monotonic() < deadline, f"nothing served:\n{_tail(log)}"
                time.sleep(0.5)

        campaign = browser.get(home.link(SEED_CAMPAIGN))
        petition = browser.get(campaign.link("Sign the petition"))
        count_before = _count_on(petition)
        sign = browser.get(petition.link("Sign this petition"))
        thanks = browser.submit(
            sign,
            sign.post_form(),
            {
                "first_name": "Ana",
                "last_name": "Roy",
                "email": "ana@example.org",
                "postal_code": "K1A 0A6",
            },
        )

        mail_dir = fresh_clone / "var" / "mail"
        deadline = time.monotonic() + 30
        while not (messages := sorted(mail_dir.glob("*"))) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(messages) == 1, f"mail in var/mail: {messages}\n{_tail(log)}"
        raw = messages[0].read_bytes().split(b"\n" + b"-" * 79 + b"\n")[0]
        message = email.message_from_bytes(raw, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",)).get_content()
        link = re.search(r"https?://\S+/petitions/confirm/\S+/", body).group(0)
        # The emailed link points at the address actually served, not the default :8000.
        assert link.startswith(f"{site}/petitions/confirm/"), link

        confirm = browser.get(link)
        confirmed = browser.submit(confirm, confirm.post_form(), {})

        # The public page is rendered at most every few seconds (PETITIONS_PAGE_CACHE_SECONDS).
        deadline = time.monotonic() + 30
        while (count_after := _count_on(browser.get(petition.url))) != 1:
            assert time.monotonic() < deadline, f"count still {count_after}"
            time.sleep(0.5)

        # The MP letter, from the directory shipped with the project (nothing beside the clone).
        letters_to_mp = {}
        for postal_code in ("K1A 0B1", "M5S 2E8"):
            start = browser.get(campaign.link("Write a letter: Write to your MP"))
            letters_to_mp[postal_code] = browser.submit(
                start, start.post_form(), {"postal_code": postal_code}
            )
        to_ministers = browser.get(campaign.link("Write a letter: Write to the decision-makers"))
    finally:
        _stop(server)

    assert not _live_processes_in_group(server.pid), "make run left processes behind"
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    output = log.read_text()
    assert "Organiser account created" in output

    assert "Write to your MP" in campaign.html
    assert "Write to the decision-makers" in campaign.html
    assert "Donate to Rainbow Railroad" in campaign.html
    assert "Donate to Canadian Centre for Gender &amp; Sexual Diversity" in campaign.html
    assert count_before == 0
    assert sign.url == petition.url + "sign/"
    assert thanks.url == petition.url + "thanks/"
    assert "check your email" in thanks.html.lower()
    assert message["To"] == "ana@example.org"
    assert message["Subject"].startswith("Confirm your signature")
    assert confirm.status == 200
    assert "Confirm my signature" in confirm.html
    assert confirmed.url == petition.url + "confirmed/"
    assert "Yasir Naqvi" in letters_to_mp["K1A 0B1"].html
    assert "Ottawa Centre" in letters_to_mp["K1A 0B1"].html
    assert "University—Rosedale" in letters_to_mp["M5S 2E8"].html
    assert "Chrystia Freeland" in letters_to_mp["M5S 2E8"].html
    # The 2017 articles name Chrystia Freeland and Justin Trudeau; today's holders get the letter.
    assert "Mark Carney" in to_ministers.html
    assert "Anita Anand" in to_ministers.html
    assert "Justin Trudeau" not in to_ministers.html


@pytest.mark.parametrize(
    "argument",
    ["PORT=abc", "PORT=0", "PORT=70000", "HOST=not a host", "HOST=999.1.1.1", "HOST=http://x"],
)
def test_make_run_refuses_an_address_it_cannot_serve_in_one_line_before_installing(
    fresh_clone, argument
):
    result = subprocess.run(
        ["make", "run", argument],
        cwd=fresh_clone,
        env=_user_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    lines = (result.stdout + result.stderr).splitlines()
    assert len(lines) == 1, lines
    assert argument in lines[0]
    assert not (fresh_clone / ".venv").exists()
    assert not (fresh_clone / "var").exists()


def test_make_run_says_in_one_line_when_its_port_is_taken(fresh_clone):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        result = subprocess.run(
            ["make", "run", f"PORT={port}"],
            cwd=fresh_clone,
            env=_user_environment(),
            capture_output=True,
            text=True,
            timeout=60,
        )

    assert result.returncode != 0
    lines = (result.stdout + result.stderr).splitlines()
    assert len(lines) == 1, lines
    assert f"PORT={port}" in lines[0]
    assert "in use" in lines[0]
    assert not (fresh_clone / ".venv").exists()
