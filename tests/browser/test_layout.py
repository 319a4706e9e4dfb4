"""Mobile first: pages are drawn in the palette the reader's system asks for, on a phone
and a laptop. Screenshots go to test-artifacts/ for a person to look at. (That every page
fits a 320 px phone is checked in each look of test_accessibility.py.)"""

import pytest

from .readers import ARTICLE, PALETTES, WIDTHS


@pytest.mark.parametrize("width", WIDTHS, ids=lambda width: f"{width}px")
@pytest.mark.parametrize("palette", PALETTES)
def test_the_palette_follows_the_readers_system_setting(tab, site_url, artifacts, palette, width):
    page = tab(palette, width)
    for name, address in (("home", ""), ("article", ARTICLE)):
        page.goto(site_url + address)
        assert page.get_attribute("body", "data-md-color-scheme") == PALETTES[palette]
        page.screenshot(path=artifacts / f"{name}-{palette}-{width}px.png", full_page=True)
