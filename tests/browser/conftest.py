"""What the browser tests share: every page of the site, and one reusable tab per look.

A "look" is a palette and a window width. Each look gets one browser context and one
tab for the whole session, so the suite opens a handful of tabs, not hundreds.
"""

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Page

from .readers import new_context


@pytest.fixture(scope="session")
def tab(browser) -> Iterator[Callable[..., Page]]:
    """tab(palette, width): the session's one tab for that look, created on first use.

    The palette is the reader's system setting (prefers-color-scheme), which our palette
    follows until the reader picks one with the toggle.
    """
    tabs: dict[tuple[str, int], Page] = {}

    def get(palette: str = "light", width: int = 1280) -> Page:
        if (palette, width) not in tabs:
            tabs[palette, width] = new_context(browser, palette, width).new_page()
        return tabs[palette, width]

    yield get
    for page in tabs.values():
        page.context.close()


@pytest.fixture(scope="module")
def recorded_tab(browser) -> Iterator[tuple[Page, list[str]]]:
    """A tab of the test module's own, and the URL of every request it has made."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    yield page, requests
    context.close()


@pytest.fixture(scope="module")
def search_page(tab, site_url) -> Page:
    """The home page on a phone, with search opened by tapping the search icon."""
    page = tab("light", 320)
    page.goto(site_url)
    page.locator("label.md-header__button[for=__search]").click()
    return page
