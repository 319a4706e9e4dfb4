"""Light pages: reading an article loads none of Material's script, search worker or search
index (together three times the size of an article). They load when a reader first
reaches for search or the colour toggle, and that first tap or key still does its job.
(Search by tap and by "/" is tested in test_search.py and test_accessibility.py.)"""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from .conftest import PAGES, PALETTES, page_id

MATERIAL_SCRIPTS = ("/assets/javascripts/", "/search/")
ARTICLE = "mastitis/"
OTHER_PALETTE = {"light": "dark", "dark": "light"}


@pytest.fixture
def new_reader(browser) -> Iterator:
    """new_reader(palette): a first visit (nothing stored) by a reader whose system is
    set to the light or dark palette."""
    contexts = []

    def open_tab(palette: str) -> Page:
        contexts.append(browser.new_context(color_scheme=palette))
        return contexts[-1].new_page()

    yield open_tab
    for context in contexts:
        context.close()


@pytest.mark.parametrize("address", PAGES, ids=page_id)
def test_reading_a_page_loads_no_material_script(recorded_tab, site_url, address):
    page, requests = recorded_tab
    requests.clear()
    page.goto(site_url + address, wait_until="networkidle")
    page.wait_for_timeout(300)
    assert [url for url in requests if any(part in url for part in MATERIAL_SCRIPTS)] == []


def scheme(page: Page) -> str:
    return page.get_attribute("body", "data-md-color-scheme")


def visible_toggle(page: Page):
    return page.locator("[data-md-component=palette] label:visible")


@pytest.mark.parametrize("palette", PALETTES)
def test_the_colour_toggle_switches_with_its_first_click_and_is_remembered(
        new_reader, site_url, palette):
    page = new_reader(palette)
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    assert scheme(page) == PALETTES[palette]
    visible_toggle(page).click()
    page.wait_for_function("scheme => document.body.dataset.mdColorScheme === scheme",
                           arg=PALETTES[OTHER_PALETTE[palette]])
    assert visible_toggle(page).count() == 1
    page.reload(wait_until="networkidle")
    assert scheme(page) == PALETTES[OTHER_PALETTE[palette]]


def test_the_colour_toggle_switches_with_its_first_enter_key(new_reader, site_url):
    page = new_reader("light")
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    page.get_by_label("Switch to dark mode").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert visible_toggle(page).get_attribute("title") == "Switch to light mode"


def test_if_materials_script_fails_to_load_the_next_click_tries_again(new_reader, site_url):
    page = new_reader("light")
    attempts = []

    def fail_the_first_time(route):
        attempts.append(route.request.url)
        route.abort() if len(attempts) == 1 else route.continue_()

    page.route("**/assets/javascripts/bundle.*", fail_the_first_time)
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    with page.expect_event("requestfailed"):  # a phone losing its signal
        visible_toggle(page).click()
    page.wait_for_function("!document.querySelector('script[src*=\"/bundle.\"]')")
    assert scheme(page) == "default"
    visible_toggle(page).click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert len(attempts) == 2
