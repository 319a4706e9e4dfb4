"""What the browser tests share: every page of the site, and one reusable tab per look.

A "look" is a palette and a window width. Each look gets one browser context and one
tab for the whole session, so the suite opens a handful of tabs, not hundreds.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page

from support import SIDE_BY_SIDE_TABS, visit_side_by_side

from .readers import EVERY_ADDRESS, new_context


# After a page is quiet (no request for half a second), how long to go on listening for
# a late request (a script loading Material's bundle a moment later).
SETTLE_MS = 300


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


@dataclass(frozen=True)
class FirstVisit:
    """What reading one address for the first time did: every request the tab made until
    it was quiet (and SETTLE_MS after), and the cookies then."""
    requests: list[str]
    cookies: list[dict]
    document_cookie: str


@pytest.fixture(scope="session")
def first_visits(browser, site_url) -> dict[str, FirstVisit]:
    """Every address (each page and both missing pages) read once, with nothing stored, a
    few side by side: the privacy and light-page tests read what each visit did. Tests that
    use this are in the xdist group "first-visits", so one worker makes the visits."""
    tabs = [browser.new_context().new_page() for _ in range(SIDE_BY_SIDE_TABS)]
    visits = {}
    addresses = {site_url + address: address for address in EVERY_ADDRESS}
    for tab, url, requests in visit_side_by_side(tabs, list(addresses), settle_ms=SETTLE_MS):
        visits[addresses[url]] = FirstVisit(requests, tab.context.cookies(),
                                            tab.evaluate("document.cookie"))
        tab.context.clear_cookies()  # each tab has a profile of its own: cookies are its page's
    for tab in tabs:
        tab.context.close()
    return visits
