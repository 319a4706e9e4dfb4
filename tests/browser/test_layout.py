"""Mobile first: every page fits a 320 px phone screen, in the palette the reader's system
asks for. Screenshots go to test-artifacts/ for a person to look at."""

import pytest

from .readers import ARTICLE, MISSING_CHINESE_PAGE, MISSING_PAGE, PAGES, PALETTES, WIDTHS, page_id


@pytest.mark.parametrize("address", [*PAGES, MISSING_PAGE, MISSING_CHINESE_PAGE], ids=page_id)
def test_no_page_scrolls_sideways_on_a_320px_phone(tab, site_url, address):
    page = tab("light", 320)
    page.goto(site_url + address)
    scroll_width, window_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll_width <= window_width


@pytest.mark.parametrize("width", WIDTHS, ids=lambda width: f"{width}px")
@pytest.mark.parametrize("palette", PALETTES)
def test_the_palette_follows_the_readers_system_setting(tab, site_url, artifacts, palette, width):
    page = tab(palette, width)
    for name, address in (("home", ""), ("article", ARTICLE)):
        page.goto(site_url + address)
        assert page.get_attribute("body", "data-md-color-scheme") == PALETTES[palette]
        page.screenshot(path=artifacts / f"{name}-{palette}-{width}px.png", full_page=True)
