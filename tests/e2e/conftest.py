"""A real browser (headless Chromium, driven by Playwright) against the live test server.

Chromium comes from the machine (Debian's `chromium` package; CHROMIUM_PATH to point
elsewhere): Playwright cannot download its own browser here. Without it these tests skip.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium_path() -> str | None:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    return path if path and os.access(path, os.X_OK) else None


@pytest.fixture(scope="session")
def browser():
    path = _chromium_path()
    if not path:
        pytest.skip("no Chromium on this machine (install Debian's chromium, or set CHROMIUM_PATH)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread, which Django's async-unsafe
    # guard takes for async code when the tests touch the ORM; only for these tests.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def phone(browser):
    """A phone-sized page with JavaScript off: supporter pages must work without it."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=False, is_mobile=True
    )
    page = context.new_page()
    yield page
    context.close()


DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def desktop(browser):
    """A page at desktop size (1280 px), in a context of its own."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(desktop, tmp_path):
    """Save what the browser shows as `name` (the whole page, or the first screen).

    Into docs/screenshots/ only under `make screenshots` (CHORUS_SAVE_SCREENSHOTS=1), so a test
    run never leaves the checkout changed; into the test's tmp_path otherwise."""
    folder = DOCS_SCREENSHOTS if os.environ.get("CHORUS_SAVE_SCREENSHOTS") == "1" else tmp_path

    def save(name: str, *, full_page: bool = True) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        desktop.screenshot(path=folder / name, full_page=full_page)

    return save
