"""Light pages: reading a page loads none of Material's script, search worker or search
index (together three times the size of an article). They load when a reader first
reaches for search or the colour toggle, or arrives from a search link; that first tap
or key still does its job, and once loaded Material works as on any Material site.
(Search by tap and by "/" is also tested in test_search.py and test_accessibility.py.)"""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, Route

from .readers import ARTICLE, EVERY_ADDRESS, PALETTES, new_context, page_id

# Material's script, worker and index, and our search correction (its script and words).
MATERIAL_SCRIPTS = ("/assets/javascripts/", "/search/", "/javascripts/search-correct.js")
MATERIAL_BUNDLE = "**/assets/javascripts/bundle.*"
OTHER_PALETTE = {"light": "dark", "dark": "light"}
STORAGE_BLOCKED = """Object.defineProperty(window, "localStorage", {get() {
    throw new DOMException("The user has blocked storage", "SecurityError"); }});"""


@pytest.fixture
def new_reader(browser) -> Iterator:
    """new_reader(palette, width): a first visit (nothing stored) by a reader whose system
    is set to the light or dark palette, on a window that wide."""
    contexts = []

    def open_tab(palette: str = "light", width: int = 1280) -> Page:
        contexts.append(new_context(browser, palette, width))
        return contexts[-1].new_page()

    yield open_tab
    for context in contexts:
        context.close()


def scheme(page: Page) -> str:
    return page.get_attribute("body", "data-md-color-scheme")


def wait_for_scheme(page: Page, material_scheme: str) -> None:
    page.wait_for_function("scheme => document.body.dataset.mdColorScheme === scheme",
                           arg=material_scheme)


def visible_toggle(page: Page):
    return page.locator("[data-md-component=palette] label:visible")


def material_runs(page: Page) -> None:
    page.wait_for_function("document.documentElement.classList.contains('js')")


@pytest.mark.xdist_group("first-visits")
@pytest.mark.parametrize("address", EVERY_ADDRESS, ids=page_id)
def test_reading_a_page_loads_no_material_script(first_visits, address):
    requests = first_visits[address].requests
    assert [url for url in requests if any(part in url for part in MATERIAL_SCRIPTS)] == []


@pytest.mark.parametrize("key", ["/", "s", "f"])
def test_words_typed_before_materials_script_arrives_are_searched(new_reader, site_url, key):
    page = new_reader()
    held: list[Route] = []
    page.route(MATERIAL_BUNDLE, lambda route: held.append(route))  # a slow connection: the script waits
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    page.keyboard.press(key)
    page.keyboard.type("leaking at night")
    assert held, "the key should have asked for Material's script"
    held[0].continue_()
    page.locator(".md-search-result__item").first.wait_for()
    assert "/leaking-milk/" in page.locator(".md-search-result__item a").first.get_attribute("href")


@pytest.mark.parametrize("palette", PALETTES)
def test_the_colour_toggle_switches_with_its_first_click_and_is_remembered(
        new_reader, site_url, palette):
    page = new_reader(palette)
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    assert scheme(page) == PALETTES[palette]
    visible_toggle(page).click()
    wait_for_scheme(page, PALETTES[OTHER_PALETTE[palette]])
    leave_again = visible_toggle(page).get_attribute("title")
    page.reload(wait_until="networkidle")
    assert scheme(page) == PALETTES[OTHER_PALETTE[palette]]
    assert visible_toggle(page).get_attribute("title") == leave_again


def test_the_colour_toggle_switches_with_its_first_enter_key(new_reader, site_url):
    page = new_reader("light")
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    page.get_by_label("Switch to dark mode").focus()
    page.keyboard.press("Enter")
    wait_for_scheme(page, "slate")
    assert visible_toggle(page).get_attribute("title") == "Switch to light mode"


def test_two_quick_clicks_while_materials_script_loads_switch_once(new_reader, site_url):
    page = new_reader("light")
    held: list[Route] = []
    page.route(MATERIAL_BUNDLE, lambda route: held.append(route))
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    visible_toggle(page).click()
    visible_toggle(page).click()
    held[0].continue_()
    material_runs(page)
    wait_for_scheme(page, "slate")
    page.wait_for_timeout(300)
    assert scheme(page) == "slate"


def test_if_materials_script_fails_to_load_the_next_click_tries_again(new_reader, site_url):
    page = new_reader("light")
    attempts = []

    def fail_the_first_time(route):
        attempts.append(route.request.url)
        route.abort() if len(attempts) == 1 else route.continue_()

    page.route(MATERIAL_BUNDLE, fail_the_first_time)
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    with page.expect_event("requestfailed"):  # a phone losing its signal
        visible_toggle(page).click()
    page.wait_for_function("!document.querySelector('script[src*=\"/bundle.\"]')")
    assert scheme(page) == "default"
    visible_toggle(page).click()
    wait_for_scheme(page, "slate")
    assert len(attempts) == 2


LOAD_PROBLEM = "Search and the colour switch could not load."


@pytest.mark.parametrize("failure", ["not loaded", "throws"])
def test_if_materials_script_fails_the_reader_is_told_and_the_next_tap_retries(
        new_reader, site_url, failure):
    page = new_reader()
    attempts = []

    def fail_the_first_time(route: Route):
        attempts.append(route.request.url)
        if len(attempts) > 1:
            route.continue_()
        elif failure == "not loaded":
            route.abort()
        else:
            route.fulfill(content_type="text/javascript", body='throw new Error("broken");')

    page.route(MATERIAL_BUNDLE, fail_the_first_time)
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    page.keyboard.press("/")  # opens search, which asks for Material's script
    status = page.locator(".load-problem")
    status.wait_for(state="visible")
    assert status.inner_text().startswith(LOAD_PROBLEM)
    assert page.locator(".md-search-result__meta").inner_text().startswith(LOAD_PROBLEM)
    search = page.locator("[data-md-component=search-query]")
    search.blur()
    search.focus()  # the reader taps the search box again: it tries again, and searches
    page.keyboard.type("abscess")
    page.locator(".md-search-result__item").first.wait_for()
    assert len(attempts) == 2
    assert status.is_hidden()


def test_once_loaded_material_tracks_the_section_being_read(new_reader, site_url):
    page = new_reader()
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    page.locator("input[data-md-component=search-query]").click()
    material_runs(page)
    page.keyboard.press("Escape")
    page.evaluate("document.getElementById('when-to-get-help').scrollIntoView()")
    active_section = ".md-sidebar--secondary .md-nav__link--active"
    page.wait_for_function("selector => document.querySelector(selector)?.hash"
                           " === '#when-to-get-help'", arg=active_section)


def test_n_and_p_go_to_the_next_and_previous_page_before_material_loads(new_reader, site_url):
    page = new_reader()
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    next_page = page.get_attribute("link[rel=next]", "href")
    with page.expect_navigation():
        page.keyboard.press("n")
    assert page.url.endswith(next_page.removeprefix("..").lstrip("/"))
    with page.expect_navigation():
        page.keyboard.press("p")
    assert page.url.endswith("/" + ARTICLE)


def test_tapping_a_section_in_the_phone_menu_closes_the_menu(new_reader, site_url):
    page = new_reader("light", 320)
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator(".md-nav--primary .md-nav--secondary a[href='#when-to-get-help']").click()
    assert not page.locator("#__drawer").is_checked()
    assert page.evaluate("location.hash") == "#when-to-get-help"


@pytest.mark.parametrize("palette", PALETTES)
def test_with_site_storage_blocked_the_page_still_works(new_reader, site_url, palette):
    page = new_reader(palette)
    page.add_init_script(STORAGE_BLOCKED)
    page.goto(site_url + ARTICLE, wait_until="networkidle")
    assert scheme(page) == PALETTES[palette]
    assert visible_toggle(page).count() == 1
    assert page.get_by_role("button", name="Copy link").count() == 1
    printed_links = page.locator(".md-content a[data-print-url]")
    assert printed_links.count() == 0  # a reader who only reads pays nothing for print
    page.emulate_media(media="print")
    printed_links.first.wait_for(state="attached")
    assert printed_links.count() > 0
