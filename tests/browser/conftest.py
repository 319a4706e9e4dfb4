"""What the browser tests share: every page of the site, and one reusable tab per look.

A "look" is a palette and a window width. Each look gets one browser context and one
tab for the whole session, so the suite opens a handful of tabs, not hundreds.
"""

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from support import DOCS, address_of

ARTICLE = "mastitis/"  # the article that tests of a single page read
PALETTES = {"light": "default", "dark": "slate"}  # our name -> Material's scheme
WIDTHS = (320, 1280)  # a small phone, a laptop
WINDOW_HEIGHT = 800
MISSING_PAGE = "no-such-page/"


PAGES = sorted(address_of(path.relative_to(DOCS).as_posix()) for path in DOCS.rglob("*.md"))


def page_id(address: str) -> str:
    """A readable test id for an address."""
    return address.strip("/") or "home"


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


def new_context(browser: Browser, palette: str = "light", width: int = 1280) -> BrowserContext:
    """A fresh browser profile for a reader whose system uses palette, on a window that wide."""
    return browser.new_context(viewport={"width": width, "height": WINDOW_HEIGHT},
                               color_scheme=palette)


@pytest.fixture(scope="module")
def recorded_tab(browser) -> Iterator[tuple[Page, list[str]]]:
    """A tab of the test module's own, and the URL of every request it has made."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    yield page, requests
    context.close()
