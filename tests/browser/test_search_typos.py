"""Search that forgives: misspelled and variant words still find the right page, and a
search that finds nothing is no dead end (docs/javascripts/search-correct.js).

search_typos.yml holds misspellings and variants as parents type them, written before
looking at any results. At least 90% must find an expected page among the first 3
results, above the glossary (see test_search.score); every miss is printed and saved to test-artifacts/search-typos-results.txt.
Improve the correction, the alias file (scripts/weaning_breast_health/publish/search/en.yml) or the pages, never the queries.

The last tests pin what search-correct.js relies on in Material, so a Material upgrade
that changes it fails here, with what to look at.
"""

import json
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

from support import DOCS, address_of

from weaning_breast_health.publish.search_vocabulary import SETTINGS_DIR

from .readers import new_context
from .test_search import MIN_HIT_RATE, RESULT_META, SEARCH_BOX, TOP, result_pages, score, search

QUERIES = yaml.safe_load((Path(__file__).parent / "search_typos.yml").read_text())
MIN_QUERIES = 40
KINDS = {"slip", "double", "drop", "swap", "phonetic", "variant", "alias"}
MATERIAL = Path(__import__("material").__file__).parent
BUNDLE = next((MATERIAL / "templates/assets/javascripts").glob("bundle.*.min.js"))
WORKER = next((MATERIAL / "templates/assets/javascripts/workers").glob("search.*.min.js"))
NOTE = ".search-note"
NOTHING_FOUND = "sdfghjkl"  # found on no page, and near no word of the site
# Two letters off "nipple": too far to correct on its own, close enough to ask about.
NEAR_MISS, NEAR_MISS_GUESS = "nxpplz", "nipple"
# Records every message the page posts to a worker, before any of the page's scripts run.
RECORD_WORKER_MESSAGES = """window.__posted = [];
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message) {
  window.__posted.push(JSON.parse(JSON.stringify(message)));
  return post.apply(this, arguments);
};"""


def search_finding_nothing(page: Page, query: str) -> None:
    box = page.locator(SEARCH_BOX)
    box.fill(query)
    box.press("End")
    page.wait_for_function("([meta, note]) => document.querySelector(meta).textContent"
                           ".includes('No matching') && document.querySelector(note)?.hidden"
                           " === false", arg=[RESULT_META, NOTE])


def test_the_query_set_is_big_enough_and_names_real_pages():
    assert len(QUERIES) >= MIN_QUERIES, f"{len(QUERIES)} queries; at least {MIN_QUERIES}"
    for item in QUERIES:
        assert item["query"].strip() and item["expected"], item
        assert item["kind"] in KINDS, f"{item['query']!r}: kind {item['kind']!r} not in {KINDS}"
        for expected in item["expected"]:
            assert (DOCS / expected).is_file(), f"{item['query']!r}: no page {expected}"


@pytest.mark.long_running
def test_misspelled_and_variant_words_find_the_right_page(search_page, artifacts):
    summary, lines, misses = score(search_page, QUERIES, "misspelled queries")
    (artifacts / "search-typos-results.txt").write_text("\n".join([summary, *lines]) + "\n")
    print(summary, *misses, sep="\n")
    assert (len(QUERIES) - len(misses)) / len(QUERIES) >= MIN_HIT_RATE, "\n".join([summary, *misses])


def test_a_corrected_search_says_what_it_searched_for(search_page):
    assert "mastitis/" in search(search_page, "mastitus")[:TOP]
    note = search_page.locator(NOTE)
    assert note.is_visible(), "the results should say the words were corrected"
    assert note.inner_text() == "Showing results for: mastitis"


def test_a_search_that_finds_nothing_offers_topics_and_help(search_page, artifacts):
    search_finding_nothing(search_page, NOTHING_FOUND)
    note = search_page.locator(NOTE)
    assert "Nothing on this site matches" in note.inner_text()
    settings = yaml.safe_load((SETTINGS_DIR / "en.yml").read_text())
    links = note.locator("a").evaluate_all("links => links.map(link => link.pathname)")
    expected = [f"/{address_of(page)}" for page in [*settings["topics"], settings["help"]]]
    assert links == expected, "the main topics, then the when-to-get-help page"
    assert "Did you mean" not in note.inner_text(), "no correction is near these letters"
    search_page.screenshot(path=artifacts / "search-nothing-found-light-320px.png")
    search(search_page, "mastitis")
    assert note.is_hidden(), "the help should go once something is found"


def test_a_near_miss_asks_did_you_mean_and_one_tap_searches_it(search_page):
    search_finding_nothing(search_page, NEAR_MISS)
    suggestion = search_page.locator(NOTE).get_by_role("link", name=NEAR_MISS_GUESS, exact=True)
    assert search_page.locator(NOTE).inner_text().count("Did you mean: " + NEAR_MISS_GUESS) == 1
    suggestion.click()
    assert search_page.locator("#__search").is_checked(), "search should stay open"
    assert search_page.locator(SEARCH_BOX).input_value() == NEAR_MISS_GUESS
    assert "nipple-discharge/" in result_pages(search_page)[:TOP]


def test_enter_takes_the_did_you_mean_and_otherwise_stays(search_page):
    search_finding_nothing(search_page, NEAR_MISS)
    search_page.locator(SEARCH_BOX).press("Enter")
    search_page.wait_for_function("box => document.querySelector(box).value === 'nipple'",
                                  arg=SEARCH_BOX)
    assert "nipple-discharge/" in result_pages(search_page)[:TOP]
    search_finding_nothing(search_page, NOTHING_FOUND)
    url = search_page.url
    search_page.locator(SEARCH_BOX).press("Enter")
    search_page.wait_for_timeout(300)
    assert search_page.url == url, "Enter with nothing found should not open a topic"
    assert search_page.locator("#__search").is_checked()


def test_correction_can_be_switched_off_for_a_language(browser, site_url, built_site):
    """With "correct: off" (a language without spaces between words) the query goes to
    Material's search as typed, and a search that finds nothing still shows the help."""
    settings = json.loads((built_site / "search" / "en.json").read_text())
    context = new_context(browser)
    context.route("**/search/en.json", lambda route: route.fulfill(
        json={**settings, "correct": "off", "words": ""}))
    page = context.new_page()
    try:
        page.goto(site_url + "?q=mastitus")
        page.wait_for_function("([meta, note]) => document.querySelector(meta).textContent"
                               ".includes('No matching') && document.querySelector(note)?.hidden"
                               " === false", arg=[RESULT_META, NOTE])
        assert "Did you mean" not in page.locator(NOTE).inner_text()
        assert page.locator(NOTE).get_by_role("link", name="When to get help").count() == 1
    finally:
        context.close()


# What search-correct.js relies on in Material ----------------------------------------


def test_materials_worker_receives_the_corrected_query(browser, site_url):
    """Material posts {type: 2, data: query} to the worker named in __config.search, and the
    worker answers {type: 3, data: {items}}: search-correct.js rewrites the first and reads
    the second. If this fails after a Material upgrade, read Material's
    src/templates/assets/javascripts/integrations/search/worker/message and update
    QUERY/RESULT in search-correct.js."""
    context = new_context(browser)
    context.add_init_script(RECORD_WORKER_MESSAGES)
    page = context.new_page()
    try:
        page.goto(site_url + "?q=absess")
        page.locator(".md-search-result__item").first.wait_for()
        posted = page.evaluate("window.__posted")
        queries = [message["data"] for message in posted if message.get("type") == 2]
        assert queries == ["abscess"], (
            f"Material's worker got {posted!r}: expected one query message "
            "{type: 2, data: 'abscess'}, corrected from 'absess'. Material's search message "
            "shape or worker set-up has changed; search-correct.js needs updating.")
        assert "mastitis/" in result_pages(page)[:TOP]
    finally:
        context.close()


def test_material_still_has_what_the_correction_hooks_into(built_site):
    """Static checks on the installed Material and the built page, each naming the part of
    search-correct.js that depends on it."""
    bundle = BUNDLE.read_text(encoding="utf-8")
    worker = WORKER.read_text(encoding="utf-8")
    assert "new Worker(" in bundle, "Material no longer starts its search with new Worker(url)"
    assert re.search(r"case 2:.{0,40}\.data;.{0,20}return\{type:3,data:", worker), (
        "Material's search worker no longer answers a query message (type 2, data: the "
        "query) with a result message (type 3): update QUERY/RESULT in search-correct.js")
    assert "search.result.none" in bundle, "Material's 'No matching documents' is gone"
    page = (built_site / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config"[^>]*>(.*?)</script>', page).group(1))
    assert {"base", "search"} <= config.keys(), f"__config has no base or search: {config}"
    assert config["search"].endswith(WORKER.name), "__config.search is not the search worker"
    assert re.search(r'data-md-component="search-result">\s*<div class="md-search-result__meta">'
                     r'.*?</div>\s*<ol class="md-search-result__list"', page, re.S), (
        "the results box should hold the count, then the list (search-correct.js puts its "
        "note between them); see overrides/partials/search.html")
