"""Accessibility: every page passes axe-core in both palettes, on a phone and a laptop, and
works from the keyboard alone.

axe-core comes from the axe-playwright-python package (its bundled axe.min.js), loaded
into every page of the axe tabs as it opens (an init script, not sent again for each test).
Violations are fixed in the site (site.css, the templates), never by turning rules off.

Each look (palette and width) gets the rules it could change. The colour rules (contrast,
nine tenths of axe's time) run in every look, the others once per width: a palette
changes only colours. An article is the same at every width: the same elements, shown or
hidden alike, with the same colours and sizes
(test_the_articles_text_looks_the_same_at_every_width). So on a laptop the colour rules
check what only a wide window shows around the article (navigation, contents, header and
footer); on a phone, the whole page. What is around the article is made of the same kinds
of element on every page, the page's own words in them: the colour rules read it on a
laptop on the pages of LAPTOP_SURROUNDINGS, which hold every kind that any page has
(test_every_page_is_surrounded_by_kinds_of_element_axe_reads_on_a_laptop). A handout
has nothing around its text: it is read on a phone, in the light palette and then the
dark, as a reader's system switches. The search dialog is a part of the header, so it
is checked the same way.

Every look also checks that the page fits the window: nothing scrolls sideways, down to a
320 px phone (WCAG 1.4.10, reflow), which axe does not test.
"""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from axe_playwright_python.base import AxeResults
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import Page

from weaning_breast_health.editions import not_found_page

from .readers import (ARTICLE, EVERY_ADDRESS, HANDOUTS, MISSING_PAGES, PALETTES, WIDTHS,
                      WINDOW_HEIGHT, new_context, page_id)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
COLOUR_RULES = ["color-contrast", "link-in-text-block"]  # what a palette or width could change
COLOUR = {"runOnly": {"type": "rule", "values": COLOUR_RULES}, "resultTypes": ["violations"]}
NOT_COLOUR = {**AXE_OPTIONS, "rules": {rule: {"enabled": False} for rule in COLOUR_RULES}}
AROUND_THE_ARTICLE = {"exclude": [["article"]]}
# Resolves once no fade or transition is running: awaited, not polled every frame.
SETTLED = """async () => { for (let running; (running = document.getAnimations()).length; )
    await Promise.all(running.map(animation => animation.finished.catch(() => null))); }"""
SCROLL_WIDTH = "document.documentElement.scrollWidth"  # wider than the window: scrolls sideways
FIRST_PALETTE = next(iter(PALETTES))
PHONE = min(WIDTHS)
LOOKS = [(palette, width) for palette in PALETTES for width in WIDTHS]
# The pages whose surroundings the colour rules read on a laptop, in each palette.
LAPTOP_SURROUNDINGS = ["mastitis/", "zh/mastitis/", "zh/myths/"]  # zh/myths: a deeper contents
# Each page in each look that has runs for it (page_runs): on a laptop in the second
# palette, only the colour rules run, and only around the article.
PAGE_LOOKS = [(address, look) for address in EVERY_ADDRESS for look in LOOKS
              if look[0] == FIRST_PALETTE or look[1] == PHONE or address in LAPTOP_SURROUNDINGS]


def look_id(look: tuple[str, int]) -> str:
    return f"{look[0]}-{look[1]}px"


def page_runs(palette: str, width: int,
              surroundings: bool = True) -> list[tuple[dict | None, dict]]:
    """The axe runs (part of the page, options) a page needs in this look: one run where
    every rule reads the whole page (each run has a cost of its own). surroundings: whether
    the colour rules read what is around the article on a laptop."""
    colour_part = None if width == PHONE else AROUND_THE_ARTICLE
    colour_runs = [(colour_part, COLOUR)] if colour_part is None or surroundings else []
    if palette != FIRST_PALETTE:
        return colour_runs
    if colour_part is None:
        return [(None, AXE_OPTIONS)]
    return [(None, NOT_COLOUR), *colour_runs]


def window(width: int) -> dict[str, int]:
    return {"width": width, "height": WINDOW_HEIGHT}


@pytest.fixture(scope="module")
def axe_tab(browser) -> Iterator[Callable[..., Page]]:
    """axe_tab(palette, width): the module's one tab for that look, with axe-core loaded
    into every page it opens; set to that look again, whatever a test did to it."""
    tabs: dict[tuple[str, int], Page] = {}

    def get(palette: str = "light", width: int = 1280) -> Page:
        if (palette, width) not in tabs:
            context = new_context(browser, palette, width)
            context.add_init_script(Axe().axe_script)
            tabs[palette, width] = context.new_page()
        page = tabs[palette, width]
        page.emulate_media(color_scheme=palette)
        page.set_viewport_size(window(width))
        return page

    yield get
    for page in tabs.values():
        page.context.close()


def axe_run(page: Page, context: dict | None = None, options: dict = AXE_OPTIONS) -> AxeResults:
    """axe-core's findings on the page (or the part of it context names)."""
    return AxeResults(page.evaluate("([context, options]) => axe.run(context ?? document, options)",
                                    [context, options]))


def axe_report(page: Page, runs: list[tuple[dict | None, dict]]) -> str:
    """Every violation the runs find on the page once its colours have settled (the
    palette fades in), as axe reports them; empty if none."""
    page.evaluate(SETTLED)
    results = [axe_run(page, context, options) for context, options in runs]
    return "".join(result.generate_report() for result in results if result.violations_count)


def fits_and_passes_axe(page: Page, palette: str, width: int,
                        surroundings: bool = True) -> list[str]:
    """What is wrong with the page as it is now shown, in this look: it scrolls sideways,
    or axe finds violations (read once it has settled: no fade or transition running)."""
    report = axe_report(page, page_runs(palette, width, surroundings))  # waits for it to settle
    look = look_id((palette, width))
    problems = []
    if (page_width := page.evaluate(SCROLL_WIDTH)) > width:
        problems.append(f"{look}: {page_width} px wide, it scrolls sideways")
    if report:
        problems.append(f"{look}:\n{report}")
    return problems


@pytest.mark.parametrize("address, look", PAGE_LOOKS,
                         ids=[f"{page_id(address)}-{look_id(look)}"
                              for address, look in PAGE_LOOKS])
def test_axe_finds_no_violations(axe_tab, site_url, address, look):
    """Each page, as read, also declares its language and the reader's palette, and fits
    the window: nothing scrolls sideways, down to a 320 px phone (WCAG 1.4.10)."""
    page = axe_tab(*look)
    page.goto(site_url + address)
    assert page.get_attribute("html", "lang") == ("zh" if address.startswith("zh/") else "en")
    assert page.get_attribute("body", "data-md-color-scheme") == PALETTES[look[0]]
    problems = fits_and_passes_axe(page, *look, surroundings=address in LAPTOP_SURROUNDINGS)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("address", HANDOUTS, ids=page_id)
def test_axe_finds_no_violations_on_handouts(axe_tab, site_url, address):
    """A handout has no Material palette: it follows the reader's system setting, also
    when the reader changes it. It is read on a phone (nothing is around its text: see
    page_runs), fits the window, and has its link back to the page in view."""
    page = axe_tab(FIRST_PALETTE, PHONE)
    page.goto(site_url + address)
    assert page.locator(".handout-back a").is_visible()
    problems = []
    for palette in PALETTES:
        page.emulate_media(color_scheme=palette)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert (background != "rgb(255, 255, 255)") == (palette == "dark")
        problems += fits_and_passes_axe(page, palette, PHONE)
    assert problems == [], "\n".join(problems)


def kind(element: Tag) -> str:
    """What an element's colours can depend on: its tag, classes, attributes' names and
    own style."""
    classes = ".".join(sorted(element.get("class", [])))
    names = sorted(set(element.attrs) - {"class"})
    return f"{element.name}.{classes}{names}{element.get('style', '')}"


def surroundings(site: Path, address: str) -> set[tuple[str, ...]]:
    """The kinds of element around the page's article, each with its ancestors' kinds."""
    html = site / (address + "index.html" if address not in MISSING_PAGES
                   else not_found_page("/" + address))
    body = BeautifulSoup(html.read_bytes(), "lxml").body
    for article in body.find_all("article"):
        article.decompose()
    return {tuple(kind(node) for node in [element, *element.parents] if node.name != "[document]")
            for element in body.find_all(True)}


def test_every_page_is_surrounded_by_kinds_of_element_axe_reads_on_a_laptop(built_site):
    """What lets the colour rules read what is around the article on a laptop on the pages
    of LAPTOP_SURROUNDINGS only."""
    kinds = {address: surroundings(built_site, address) for address in EVERY_ADDRESS}
    read = set().union(*(kinds[address] for address in LAPTOP_SURROUNDINGS))
    unread = {address: sorted(page_kinds - read)[:3] for address, page_kinds in kinds.items()
              if page_kinds - read}
    assert unread == {}, "add these pages to LAPTOP_SURROUNDINGS"


# What axe reads of each element's look, by kind of element: shown or not, and its colours.
TEXT_STYLES = """root => {
    const styles = {};
    for (const element of document.querySelectorAll(root + " *")) {
        const style = getComputedStyle(element);
        styles[element.tagName + "." + element.className] = [style.display, style.visibility,
            style.fontSize, style.fontWeight, style.color, style.backgroundColor,
            style.textDecorationLine, style.opacity];
    }
    return styles;
}"""


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("address, root", [(ARTICLE, "article"), ("zh/glossary/", "article"),
                                           ("when-to-get-help/", "article"),
                                           (HANDOUTS[0], "body"), (HANDOUTS[-1], "body")])
def test_the_articles_text_looks_the_same_at_every_width(tab, site_url, address, root, palette):
    """What lets the colour rules check an article's text at one width only."""
    looks = []
    for width in WIDTHS:
        page = tab(palette, width)
        page.goto(site_url + address)
        page.evaluate(SETTLED)  # the palette fades in
        looks.append(page.evaluate(TEXT_STYLES, root))
    assert len(looks[0]) > 10
    assert looks[0] == looks[1]


@pytest.mark.parametrize("palette, width", LOOKS, ids=[look_id(look) for look in LOOKS])
def test_axe_finds_no_violations_once_materials_script_runs(axe_tab, site_url, palette, width):
    """An article opened from a search result (?h=): Material's script runs and marks the
    words searched for."""
    page = axe_tab(palette, width)
    page.goto(site_url + ARTICLE + "?h=abscess")
    page.locator("article mark").first.wait_for()
    results = axe_run(page)  # every rule on the whole page: the marks are in the article
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("palette, width", LOOKS, ids=[look_id(look) for look in LOOKS])
def test_axe_finds_no_violations_in_search_results(axe_tab, site_url, palette, width):
    page = axe_tab(palette, width)
    page.goto(site_url + ARTICLE + "?q=mastitis")
    page.locator(".md-search-result__item").first.wait_for()
    assert axe_report(page, page_runs(palette, width)) == ""  # once the dialog has faded in


@pytest.mark.parametrize("palette, width", LOOKS, ids=[look_id(look) for look in LOOKS])
def test_axe_finds_no_violations_when_a_search_finds_nothing(axe_tab, site_url, artifacts,
                                                            palette, width):
    """The help under "No matching documents" (javascripts/search-correct.js): "did you
    mean", the main topics and the when-to-get-help page."""
    page = axe_tab(palette, width)
    page.goto(site_url + ARTICLE + "?q=nxpplz")  # near "nipple", on no page
    page.locator(".search-note a").first.wait_for()
    assert "Did you mean" in page.locator(".search-note").inner_text()
    assert axe_report(page, page_runs(palette, width)) == ""  # once the dialog has faded in
    page.screenshot(path=artifacts / f"search-nothing-found-{palette}-{width}px.png")


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
    page.evaluate(SETTLED)
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
