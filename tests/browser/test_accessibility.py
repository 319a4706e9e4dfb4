"""Accessibility: every page passes axe-core in both palettes, on a phone and a laptop, and
works from the keyboard alone.

axe-core comes from the axe-playwright-python package (its bundled axe.min.js).
Violations are fixed in the site (site.css, the templates), never by turning rules off.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .readers import (ARTICLE, HANDOUTS, MISSING_CHINESE_PAGE, MISSING_PAGE, PAGES, PALETTES,
                      WIDTHS, page_id)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
LOOKS = [(palette, width) for palette in PALETTES for width in WIDTHS]
LOOK_IDS = [f"{palette}-{width}px" for palette, width in LOOKS]


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("palette, width", LOOKS, ids=LOOK_IDS)
@pytest.mark.parametrize("address", [*PAGES, MISSING_PAGE, MISSING_CHINESE_PAGE], ids=page_id)
def test_axe_finds_no_violations(tab, site_url, axe, address, palette, width):
    page = tab(palette, width)
    page.goto(site_url + address)
    assert page.get_attribute("body", "data-md-color-scheme") == PALETTES[palette]
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("palette, width", LOOKS, ids=LOOK_IDS)
@pytest.mark.parametrize("address", HANDOUTS, ids=page_id)
def test_axe_finds_no_violations_on_handouts(tab, site_url, axe, address, palette, width):
    """A handout has no Material palette: it follows the reader's system setting."""
    page = tab(palette, width)
    page.goto(site_url + address)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (background != "rgb(255, 255, 255)") == (palette == "dark")
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("palette, width", LOOKS, ids=LOOK_IDS)
def test_axe_finds_no_violations_once_materials_script_runs(tab, site_url, axe, palette, width):
    """An article opened from a search result (?h=): Material's script runs and marks the
    words searched for."""
    page = tab(palette, width)
    page.goto(site_url + ARTICLE + "?h=abscess")
    page.locator("article mark").first.wait_for()
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("palette, width", LOOKS, ids=LOOK_IDS)
def test_axe_finds_no_violations_in_search_results(tab, site_url, axe, palette, width):
    page = tab(palette, width)
    page.goto(site_url + ARTICLE + "?q=mastitis")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_function("document.getAnimations().length === 0")  # the dialog fades in
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("palette, width", LOOKS, ids=LOOK_IDS)
def test_axe_finds_no_violations_when_a_search_finds_nothing(tab, site_url, axe, artifacts,
                                                            palette, width):
    """The help under "No matching documents" (javascripts/search-correct.js): "did you
    mean", the main topics and the when-to-get-help page."""
    page = tab(palette, width)
    page.goto(site_url + ARTICLE + "?q=nxpplz")  # near "nipple", on no page
    page.locator(".search-note a").first.wait_for()
    assert "Did you mean" in page.locator(".search-note").inner_text()
    page.wait_for_function("document.getAnimations().length === 0")  # the dialog fades in
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    page.screenshot(path=artifacts / f"search-nothing-found-{palette}-{width}px.png")


@pytest.mark.parametrize("address", PAGES, ids=page_id)
def test_every_page_declares_its_language(tab, site_url, address):
    page = tab()
    page.goto(site_url + address)
    assert page.get_attribute("html", "lang") == ("zh" if address.startswith("zh/") else "en")


def test_skip_link_takes_keyboard_users_past_the_header_to_the_article(tab, site_url):
    page = tab()
    page.goto(site_url + ARTICLE)
    page.keyboard.press("Tab")
    skip_link = page.locator(".md-skip")
    assert skip_link.evaluate("link => link === document.activeElement")
    assert skip_link.is_visible() and skip_link.inner_text() == "Skip to content"

    page.keyboard.press("Enter")
    heading_id = page.get_attribute("h1", "id")
    assert page.evaluate("location.hash") == f"#{heading_id}"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.md-content') !== null"), \
        "after the skip link, Tab should go on into the article, not back to the header"


# The colours a reader sees behind an element: its own background and its ancestors',
# each as [r, g, b, alpha], the element's first.
BACKGROUNDS = """element => {
    const layers = [];
    for (let node = element; node instanceof Element; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor.match(/[\\d.]+/g).map(Number);
        layers.push(colour.length === 3 ? [...colour, 1] : colour);
    }
    return layers;
}"""


def parse_colour(colour: str) -> list[float]:
    """A CSS "rgb(r, g, b)" or "rgba(r, g, b, a)" colour as [r, g, b, alpha]."""
    parts = [float(part) for part in colour[colour.index("(") + 1:-1].split(",")]
    return parts if len(parts) == 4 else [*parts, 1.0]


def over(top: list[float], bottom: list[float]) -> list[float]:
    """top painted over an opaque bottom colour."""
    alpha = top[3]
    return [top[i] * alpha + bottom[i] * (1 - alpha) for i in range(3)] + [1.0]


def seen_background(layers: list[list[float]]) -> list[float]:
    """The opaque colour behind an element: its backgrounds painted over the white canvas."""
    colour = [255.0, 255.0, 255.0, 1.0]
    for layer in reversed(layers):
        colour = over(layer, colour)
    return colour


def contrast(foreground: str | list[float], background: str | list[float]) -> float:
    """WCAG contrast ratio of two colours; a see-through foreground is painted over the
    background first."""
    fore = parse_colour(foreground) if isinstance(foreground, str) else foreground
    back = parse_colour(background) if isinstance(background, str) else background
    back = over(back, [255.0, 255.0, 255.0, 1.0])
    fore = over(fore, back)

    def luminance(channels: list[float]) -> float:
        linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4
                  for c in channels[:3]]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    lighter, darker = sorted((luminance(fore), luminance(back)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_counts_a_see_through_colour_over_what_is_behind_it():
    assert contrast("rgb(0, 0, 0)", "rgba(0, 0, 0, 0)") == pytest.approx(21)
    assert contrast("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(1)
    assert seen_background([[0, 0, 0, 0], [0, 0, 0, 1]]) == [0, 0, 0, 1]


@pytest.mark.parametrize("palette", PALETTES)
def test_the_copy_link_button_stays_readable_under_the_pointer(tab, site_url, palette):
    page = tab(palette)
    page.goto(site_url + ARTICLE)
    button = page.get_by_role("button", name="Copy link")
    button.hover()
    page.wait_for_function("document.getAnimations().length === 0")
    text = button.evaluate("b => getComputedStyle(b).color")
    background = seen_background(button.evaluate(BACKGROUNDS))
    assert contrast(text, background) >= 4.5, (text, background)


def test_the_focus_ring_stays_yellow_once_materials_script_runs(tab, site_url):
    page = tab()
    page.goto(site_url + ARTICLE + "?h=abscess")
    page.locator("article mark").first.wait_for()
    page.locator("article a[href^='../']").nth(1).focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus from the keyboard, as Material's script sees it
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
    assert ring == "rgb(255, 235, 59)"


def test_keyboard_focus_is_always_visible(tab, site_url):
    """The first stops of the Tab key (skip link, header, navigation, article) all show a
    focus ring of at least 2 px, with a colour (the outline, or the dark ring of its box
    shadow) at 3:1 contrast or more against what is behind it."""
    page = tab()
    page.goto(site_url + ARTICLE)
    invisible = []
    for _ in range(25):
        page.keyboard.press("Tab")
        focus = page.evaluate("""() => {
            const focused = document.activeElement;
            // The colour toggle is a hidden radio button: its ring is on the label after it.
            const element = focused.matches(".md-option") ? focused.nextElementSibling : focused;
            const style = getComputedStyle(element);
            const shown = element.checkVisibility() && style.outlineStyle !== "none";
            const shadow = style.boxShadow.match(/rgba?\\([^)]*\\)/);
            return {name: focused.outerHTML.slice(0, 80),
                    colours: [style.outlineColor, ...(shadow ? [shadow[0]] : [])],
                    ring: shown ? parseFloat(style.outlineWidth) : 0};
        }""")
        behind = seen_background(page.evaluate(
            f"({BACKGROUNDS})(document.activeElement.matches('.md-option') ? "
            "document.activeElement.nextElementSibling : document.activeElement)"))
        if focus["ring"] < 2 or max(contrast(colour, behind) for colour in focus["colours"]) < 3:
            invisible.append((focus["name"], focus["colours"], behind))
    assert not invisible, f"focused without a visible ring: {invisible}"


def test_search_works_without_a_mouse(tab, site_url):
    """Press "/" to search, type, arrow down to a result, Enter to open it."""
    page = tab()
    page.goto(site_url + ARTICLE)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.dataset.mdComponent") == "search-query"
    page.keyboard.type("leaking at night")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/leaking-milk/" in page.url
