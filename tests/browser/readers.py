"""What the browser tests share that is not a fixture: every page of the site, the looks
(palette and window width) a reader may have, and a fresh browser profile for one."""

from playwright.sync_api import Browser, BrowserContext

from support import DOCS, address_of, docs_pages
from weaning_breast_health.urls import handout_url

ARTICLE = "mastitis/"  # the article that tests of a single page read
PALETTES = {"light": "default", "dark": "slate"}  # our name -> Material's scheme
WIDTHS = (320, 1280)  # a small phone, a laptop
WINDOW_HEIGHT = 800
MISSING_PAGE = "no-such-page/"
MISSING_CHINESE_PAGE = "zh/no-such-page/"
MISSING_PAGES = (MISSING_PAGE, MISSING_CHINESE_PAGE)  # a missing page in each language


PAGES = sorted(address_of(path.relative_to(DOCS).as_posix()) for path in DOCS.rglob("*.md"))
# Every address a reader may land on: the pages, and a missing page in each language.
EVERY_ADDRESS = [*PAGES, *MISSING_PAGES]
# Every article's one-page handout, which publishing writes beside the pages.
HANDOUTS = sorted(handout_url(name).lstrip("/") for name, page in docs_pages().items()
                  if page.is_article)


def page_id(address: str) -> str:
    """A readable test id for an address."""
    return address.strip("/") or "home"


def new_context(browser: Browser, palette: str = "light", width: int = 1280) -> BrowserContext:
    """A fresh browser profile for a reader whose system uses palette, on a window that wide."""
    return browser.new_context(viewport={"width": width, "height": WINDOW_HEIGHT},
                               color_scheme=palette)
