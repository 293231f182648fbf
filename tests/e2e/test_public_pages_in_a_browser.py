"""Every public page in both languages, in headless Chromium: no axe-core violation of WCAG
2.1 A and AA, no horizontal scroll on a 320-pixel screen, under 150 KB on first load.

axe-core is the npm package (package.json; `make install` runs `npm ci`), injected into each
page: the site's Content-Security-Policy allows no script, so the axe context bypasses it.
Page weight is measured through deploy/Caddyfile, the real proxy in front of the live server,
so the bytes are the compressed ones production sends. When a sweep fails, screenshots of the
petition and letter pages at 375 and 1280 px are kept in var/test-artifacts/accessibility/.
"""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.e2e.public_pages import PublicPage, public_pages, public_url_names
from tests.factories import CampaignFactory
from tests.factories.petitions import PetitionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MAX_PAGE_KB = 150
ARTIFACTS = ROOT / "var" / "test-artifacts" / "accessibility"
SCREENSHOT_WIDTHS = (375, 1280)
SCREENSHOT_PAGES = {"petition", "sign with errors", "letter write", "letter preview"}
CADDY = shutil.which("caddy")


@pytest.fixture(params=["en", "fr"])
def language(request):
    with translation.override(request.param):
        yield request.param


@pytest.fixture
def pages(language) -> list[PublicPage]:
    return public_pages()


@pytest.fixture
def browser_page(browser):
    """JavaScript on (axe needs it; the pages themselves run none), the CSP bypassed so the
    injected script runs, 320 px wide: the narrowest screen WCAG 2.1 asks pages to fit."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def _axe_violations(page, axe: str) -> list[str]:
    page.add_script_tag(content=axe)
    violations = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(result => result.violations.map(v => ({id: v.id, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)})))",
        WCAG_21_AA,
    )
    return [f"{v['id']} ({v['help']}): {', '.join(v['nodes'])}" for v in violations]


def _keep_screenshots(page, pages, site, language) -> str:
    """Screenshots of the pages people act on, at a phone's and a laptop's width."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for public_page in pages:
        if public_page.label not in SCREENSHOT_PAGES:
            continue
        for width in SCREENSHOT_WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            public_page.visit(page, site)
            name = f"{language}-{public_page.label.replace(' ', '-')}-{width}.png"
            page.screenshot(path=str(ARTIFACTS / name), full_page=True)
    return f"screenshots in {ARTIFACTS}"


def _sweep(page, pages, site, language, check) -> None:
    problems = []
    for public_page in pages:
        public_page.visit(page, site)
        problems += [f"{language} {public_page.label}: {found}" for found in check(page)]
    if problems:
        where = _keep_screenshots(page, pages, site, language)
        pytest.fail("\n".join([*problems, where]))


def test_the_sweeps_visit_every_public_page_of_the_url_conf():
    assert public_url_names() == {p.url_name for p in public_pages()} - {""}


def _horizontal_scroll(page) -> list[str]:
    width = page.evaluate("document.documentElement.scrollWidth")
    return [f"{width} px wide on a 320 px screen"] if width > 320 else []


# One visit of each page for both checks: axe takes most of the time, the width nothing.
def test_every_public_page_has_no_axe_violation_and_fits_a_320_pixel_screen(
    browser_page, pages, live_server, language
):
    assert AXE_SCRIPT.exists(), "no axe-core: run `make install` (npm ci)"
    axe = AXE_SCRIPT.read_text()

    def check(page):
        return _axe_violations(page, axe) + _horizontal_scroll(page)

    _sweep(browser_page, pages, live_server.url, language, check)


def test_every_public_page_has_no_axe_violation_on_a_laptop_screen(
    browser_page, pages, live_server, language
):
    # Layouts change at Bootstrap's breakpoints (columns side by side, the hero beside its
    # text): contrast, landmarks and names are checked again where most organisers look.
    browser_page.set_viewport_size({"width": 1280, "height": 800})
    axe = AXE_SCRIPT.read_text()

    _sweep(browser_page, pages, live_server.url, language, lambda page: _axe_violations(page, axe))


# --- Page weight, through the production proxy ------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def proxied_site(live_server, tmp_path_factory):
    """deploy/Caddyfile (gzip included) in front of the live server: its address."""
    if CADDY is None:
        pytest.skip("caddy is not installed (.ci/run installs it)")
    port = _free_port()
    home = tmp_path_factory.mktemp("caddy")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "SITE_HOST": f"http://127.0.0.1:{port}",
        "CHORUS_UPSTREAM": live_server.url.removeprefix("http://"),
        "CADDY_ADMIN": "off",
    }
    caddy = subprocess.Popen(
        [CADDY, "run", "--config", str(ROOT / "deploy" / "Caddyfile"), "--adapter", "caddyfile"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            assert caddy.poll() is None, caddy.stderr.read().decode()[-2000:]
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "caddy did not listen within 15 s"
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        caddy.terminate()
        caddy.wait(timeout=10)


# Bytes of the page and of everything it loaded, as they came over the wire (compressed) and
# once decompressed: the body sizes count a resource served from the cache too, so each page
# weighs what it weighs on a first load.
PAGE_BYTES = """() => [
    ...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')
].reduce(([wire, decoded], entry) =>
    [wire + entry.encodedBodySize, decoded + entry.decodedBodySize], [0, 0])"""


def test_every_public_page_weighs_under_150_kb(browser_page, pages, proxied_site, language, capsys):
    weights = []

    def weigh(page):
        kilobytes, decoded = (size / 1024 for size in page.evaluate(PAGE_BYTES))
        weights.append((kilobytes, decoded))
        return [f"{kilobytes:.1f} KB"] if kilobytes > MAX_PAGE_KB else []

    try:
        _sweep(browser_page, pages, proxied_site, language, weigh)
    finally:
        with capsys.disabled():  # the table shows in `make test`'s output, pass or fail
            print(f"\nPage weight, {language}, first load through deploy/Caddyfile (KB)")
            print(f"  {'page':<28} {'sent':>6} {'unzipped':>9}")
            for public_page, (kilobytes, decoded) in zip(pages, weights, strict=False):
                print(f"  {public_page.label:<28} {kilobytes:6.1f} {decoded:9.1f}")


# --- Errors, for keyboard and screen reader users --------------------------------------------


@pytest.fixture
def live_site(live_server, settings):
    settings.SITE_URL = live_server.url
    return live_server.url


def test_the_error_summary_takes_the_focus_and_leads_to_the_first_field_without_javascript(
    phone, live_site
):
    petition = PetitionFactory(campaign=CampaignFactory())

    phone.goto(live_site + petition.get_absolute_url() + "sign/")
    for name, value in {"first_name": "Ada", "last_name": "L", "email": "ada@example.org"}.items():
        phone.locator(f"[name={name}]").fill(value)
    phone.locator("[name=postal_code]").fill("12345")
    phone.get_by_role("button", name="Sign the petition").click()

    # The browser moves the focus at its next rendering: expect() waits for it.
    expect(phone.locator(".error-summary")).to_be_focused()
    phone.keyboard.press("Tab")
    expect(phone.locator(".error-summary a").first).to_be_focused()
    assert phone.locator(".error-summary a").first.get_attribute("href") == "#id_postal_code"
