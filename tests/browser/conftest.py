"""Playwright driving Debian's Chromium against the live test server.

The browser is Debian's ``chromium`` at /usr/bin/chromium (``make test`` installs it when it
is missing); Playwright never downloads one. axe-core comes from npm.
"""

import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from conftest import PASSWORD

# Playwright's synchronous API runs an event loop in the test's thread; the tests only use
# the ORM between browser calls, never concurrently with them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("KINFOLK_CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-results" / "screenshots"
#: WCAG 2.2 AA, and the levels below it.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not at {CHROMIUM}: run `make test`, which installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


def new_context(browser: Browser, live_server) -> BrowserContext:
    """A browser session against the live server, with axe-core loaded on every page it
    opens (rather than sent over for each check). axe-core is injected as a script, which the
    pages' Content-Security-Policy would block."""
    context = browser.new_context(
        base_url=live_server.url, bypass_csp=True, viewport={"width": 1280, "height": 900}
    )
    context.add_init_script(path=str(AXE))
    return context


@pytest.fixture
def page(browser: Browser, live_server) -> Page:
    context = new_context(browser, live_server)
    page = context.new_page()
    yield page
    context.close()


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page: Page) -> list[dict]:
    """What axe-core finds wrong with the page against WCAG 2.2 AA (a page of a context from
    ``new_context``, which loads axe-core)."""
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [
        {"id": v["id"], "help": v["help"], "targets": [node["target"] for node in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=2)


def sign_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Sign in through the forms, as a person does: the username and password, then the code
    of their authenticator app (set up for them first if they have none; the code is computed
    from the app's key, as the app computes it). Starts from the home page, signed out."""
    from kinfolk.accounts.tests.factories import authenticator_for, code_for
    from kinfolk.workforce.models import User

    device = authenticator_for(User.objects.get(username=username))
    page.goto("/")
    expect(page).to_have_url("/sign-in/?next=/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(
        page.get_by_role("heading", name="Enter the code from your authenticator app")
    ).to_be_visible()
    page.get_by_label("Code").fill(code_for(device))
    page.get_by_role("button", name="Continue").click()
