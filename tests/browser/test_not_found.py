"""A mistyped or old address lands on a page that helps: it says so plainly, offers search
and lists every topic. (axe checks it with the other pages.)"""

from urllib.parse import urljoin

import pytest

from .readers import MISSING_PAGE, PAGES

ENGLISH_PAGES = [address for address in PAGES if not address.startswith("zh/")]
CHINESE_PAGES = [address for address in PAGES if address.startswith("zh/")]


@pytest.mark.parametrize("missing, heading, topics", [
    ("an/old/address/", "Page not found", ENGLISH_PAGES),
    ("zh/an/old/address/", "找不到这个页面", CHINESE_PAGES),
], ids=["english", "chinese"])
def test_a_missing_page_says_so_in_its_language_and_links_to_every_topic(
        tab, site_url, artifacts, missing, heading, topics):
    page = tab("light", 320)
    response = page.goto(site_url + missing)
    assert response.status == 404
    assert page.locator("article h1").inner_text() == heading
    links = page.locator("article a").evaluate_all("links => links.map(link => link.href)")
    assert topics and {urljoin(site_url, address) for address in topics} <= set(links)
    page.screenshot(path=artifacts / f"not-found-{missing.split('/')[0]}-light-320px.png",
                    full_page=True)


def test_searching_from_a_missing_page_opens_the_site_search(tab, site_url):
    page = tab()
    page.goto(site_url + MISSING_PAGE)
    page.get_by_label("Type a word or a worry").fill("abscess")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#__search").is_checked(), "the search dialog should be open"
    assert page.locator("input[data-md-component=search-query]").input_value() == "abscess"
    first_result = page.locator(".md-search-result__item a").first
    assert "/mastitis/" in first_result.get_attribute("href")
