"""Mobile first: every page fits a 320 px phone screen, in the palette the reader's system
asks for. Screenshots go to test-artifacts/ for a person to look at."""

import pytest

from .readers import ARTICLE, EVERY_ADDRESS, PALETTES, WIDTHS, each_page


@pytest.mark.parametrize("address", each_page(EVERY_ADDRESS))
def test_no_page_scrolls_sideways_on_a_320px_phone(looks, address):
    look = looks(address)["light", 320]
    assert look.window_width == 320
    assert look.scroll_width <= look.window_width


@pytest.mark.parametrize("width", WIDTHS, ids=lambda width: f"{width}px")
@pytest.mark.parametrize("palette", PALETTES)
def test_the_palette_follows_the_readers_system_setting(tab, site_url, artifacts, palette, width):
    page = tab(palette, width)
    for name, address in (("home", ""), ("article", ARTICLE)):
        page.goto(site_url + address)
        assert page.get_attribute("body", "data-md-color-scheme") == PALETTES[palette]
        page.screenshot(path=artifacts / f"{name}-{palette}-{width}px.png", full_page=True)
