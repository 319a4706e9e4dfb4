"""Print: on paper a page is the article alone, with care cards in colour, every link's
address written out, and the page's own address and review dates at the end."""

import re
from urllib.parse import urljoin

import pytest

from .conftest import PAGES, page_id

PRINTED_ARTICLE = "when-to-get-help/"  # has all three care cards
A4_AT_96_DPI = {"width": 794, "height": 1123}
SCREEN_ONLY = {
    "header": ".md-header",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "search": ".md-search",
    "skip link": ".md-skip",
    "footer": ".md-footer",
}
# (card, title background, body background or None for the page's own)
CARE_CARD_COLOURS = [
    ("non-urgent", "rgb(0, 94, 184)", None),
    ("urgent", "rgb(213, 40, 27)", None),
    ("emergency", "rgb(213, 40, 27)", "rgb(33, 43, 50)"),
]


@pytest.fixture(scope="module")
def printed(browser):
    """A tab that shows pages as they print, on a sheet of A4."""
    context = browser.new_context(viewport=A4_AT_96_DPI)
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


def test_only_the_article_is_printed(printed, site_url, artifacts):
    printed.goto(site_url + PRINTED_ARTICLE)
    shown = [name for name, selector in SCREEN_ONLY.items()
             if printed.locator(selector).first.is_visible()]
    assert shown == [], f"printed but should not be: {shown}"
    assert printed.locator("article h1").is_visible()
    printed.screenshot(path=artifacts / "print-when-to-get-help.png", full_page=True)


@pytest.mark.parametrize("card, title_colour, body_colour", CARE_CARD_COLOURS,
                         ids=[card for card, *_ in CARE_CARD_COLOURS])
def test_care_cards_print_in_their_colours(printed, site_url, card, title_colour, body_colour):
    printed.goto(site_url + PRINTED_ARTICLE)
    box = printed.locator(f".admonition.{card}").first
    style = box.evaluate("""card => {
        const box = getComputedStyle(card);
        const title = getComputedStyle(card.querySelector(".admonition-title"));
        return {colourAdjust: box.printColorAdjust || box.webkitPrintColorAdjust,
                titleAdjust: title.printColorAdjust || title.webkitPrintColorAdjust,
                border: parseFloat(box.borderLeftWidth), borderColour: box.borderLeftColor,
                title: title.backgroundColor, body: box.backgroundColor};
    }""")
    assert style["colourAdjust"] == style["titleAdjust"] == "exact"
    assert style["border"] > 0 and style["borderColour"] == title_colour
    assert style["title"] == title_colour
    if body_colour:
        assert style["body"] == body_colour


@pytest.mark.parametrize("address", PAGES, ids=page_id)
def test_every_printed_link_shows_its_full_address(printed, site_url, address):
    """Links print "(https://...)" after their text; within the site, the canonical address.
    Sources already show their address as the link text."""
    printed.goto(site_url + address)
    canonical = printed.get_attribute("link[rel=canonical]", "href")
    links = printed.evaluate("""() => [...document.querySelectorAll(
            ".md-content a[href]:not(.headerlink):not([href^='#'])")].map(link => ({
        href: link.getAttribute("href"), text: link.textContent.trim(),
        printed: getComputedStyle(link, "::after").content,
        isSource: link.closest(".sources") !== null}))""")
    wrong = []
    for link in links:
        if link["isSource"]:
            ok = link["printed"] == "none" and link["text"].replace("doi:", "") in link["href"]
        elif link["href"].startswith("https://"):
            ok = link["printed"] == f'" ({link["href"]})"'
        else:
            ok = link["printed"] == f'" ({urljoin(canonical, link["href"])})"'
        if not ok:
            wrong.append(link)
    assert links and not wrong


def test_the_page_address_and_review_dates_end_the_printed_page(printed, site_url):
    printed.goto(site_url + PRINTED_ARTICLE)
    canonical = printed.get_attribute("link[rel=canonical]", "href")
    address = printed.locator(".page-url")
    review = printed.locator(".page-review")
    assert address.is_visible() and address.inner_text() == canonical
    assert review.is_visible()
    assert "Last checked against its sources" in review.inner_text() and "Next check due" in review.inner_text()
    printed_after_the_end = printed.evaluate("""() => {
        const end = document.querySelector(".handout-end");
        return [...document.querySelectorAll("article *")].filter(element =>
            end.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING
            && !end.contains(element) && element.checkVisibility()).length;
    }""")
    assert printed_after_the_end == 0


def test_printing_from_the_dark_palette_gives_dark_text_on_white_paper(browser, site_url):
    context = browser.new_context(viewport=A4_AT_96_DPI, color_scheme="dark")
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(site_url + PRINTED_ARTICLE)
    scheme, background, text = page.evaluate("""() => [document.body.dataset.mdColorScheme,
        getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.querySelector("article p")).color]""")
    context.close()
    assert scheme == "slate"
    assert background == "rgb(255, 255, 255)"
    assert max(int(channel) for channel in re.findall(r"\d+", text)[:3]) < 64, text
