"""Search: readers find the right page in their own words, typed into Material's search box.

search_queries.yml holds what readers type ("leaky boobs at night", "galactorrhea"),
written before looking at any results, and the page(s) that answer each. At least 90%
must find an expected page among the first 3 results, and above the glossary (which
mentions every term, so it must not push the page that answers the question down).
Every miss is printed and saved to test-artifacts/search-results.txt; improve the pages
or the search settings, never the queries.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Page

from support import DOCS, address_of

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text())
MIN_QUERIES = 40
MIN_HIT_RATE = 0.9
TOP = 3
SEARCH_BOX = "input[data-md-component=search-query]"
RESULT_META = ".md-search-result__meta"
# Material's count of results, in the page's language: it says this once results are shown.
COUNTED = "matching document"
RESULTS_SHOWN = """([meta, shown, counted]) =>
    document.querySelector(meta).textContent.includes(counted) === shown"""
RESULT_GROUPS = ".md-search-result__list > li"
# The page of each result group: its first link (sections of the page follow it).
RESULT_PAGES = """groups => groups.map(group => group.querySelector("a").getAttribute("href"))"""
STABLE_READS = 3
# Material renders results as they come: they are read once they have not changed for this long.
QUIET_MS = 90
NO_RESULTS_AFTER_MS = 10_000
# Before a query is typed: empties Material's count of results, and keeps in
# window.searchShown a promise kept once Material has counted again and the results have
# not changed for QUIET_MS (no old results are read, and no polling).
WATCH_FOR_RESULTS = """([meta, counted, quietMs, failAfterMs, query]) => {
    const count = document.querySelector(meta);
    const results = count.closest(".md-search-result");
    count.textContent = "";
    window.searchShown = new Promise((resolve, reject) => {
        let quiet;
        const observer = new MutationObserver(() => {
            clearTimeout(quiet);
            if (!count.textContent.includes(counted)) return;
            quiet = setTimeout(() => { observer.disconnect(); resolve(); }, quietMs);
        });
        observer.observe(results, {childList: true, subtree: true, characterData: true});
        setTimeout(() => reject(new Error(`no results shown for ${query}`)), failAfterMs);
    });
}"""
# The glossary mentions every term; a query that does not expect it finds its answer above it.
GLOSSARY = address_of("glossary.md")


def search(page: Page, query: str, counted: str = COUNTED) -> list[str]:
    """Type a query into the open search box; the addresses of the result pages, best first."""
    box = page.locator(SEARCH_BOX)
    if box.input_value() == query:  # Material searches again only for other words
        box.fill("")
        box.press("End")
    page.evaluate(WATCH_FOR_RESULTS, [RESULT_META, counted, QUIET_MS, NO_RESULTS_AFTER_MS, query])
    box.fill(query)
    box.press("End")  # a real key press, as when typing
    page.evaluate("window.searchShown")
    return [path_of(href) for href in page.eval_on_selector_all(RESULT_GROUPS, RESULT_PAGES)]


def result_pages(page: Page, counted: str = COUNTED) -> list[str]:
    """The addresses of the pages in the search results, once they have settled."""
    page.wait_for_function(RESULTS_SHOWN, arg=[RESULT_META, True, counted])
    previous, same = None, 0
    while same < STABLE_READS:  # Material renders results as they come: wait until settled
        page.wait_for_timeout(30)
        hrefs = page.eval_on_selector_all(RESULT_GROUPS, RESULT_PAGES)
        same = same + 1 if hrefs == previous else 0
        previous = hrefs
    return [path_of(href) for href in previous]


def path_of(href: str) -> str:
    """A result's address as the tests name pages (the site is served at /)."""
    return urlsplit(href).path.removeprefix("/")


def test_the_query_set_is_big_enough_and_names_real_pages():
    assert len(QUERIES) >= MIN_QUERIES
    for item in QUERIES:
        assert item["query"].strip() and item["expected"], item
        for expected in item["expected"]:
            assert (DOCS / expected).is_file(), f"{item['query']!r}: no page {expected}"


def score(search_page: Page, queries: list[dict], what: str, folder: str = "",
          counted: str = COUNTED) -> tuple[str, list[str], list[str]]:
    """Type each query; a summary, a line per query (hit or MISS, with its rank and top
    results), and the misses. A hit is an expected page among the first TOP results, not
    below the glossary unless the glossary is expected too. folder: the edition's (zh/),
    before each page's address."""
    lines, misses = [], []
    for item in queries:
        results = search(search_page, item["query"], counted)
        expected = [folder + address_of(page) for page in item["expected"]]
        rank = next((place for place, address in enumerate(results, 1) if address in expected),
                    None)
        before_answer = results[:rank - 1] if rank else []
        glossary_first = folder + GLOSSARY not in expected and folder + GLOSSARY in before_answer
        found = rank is not None and rank <= TOP and not glossary_first
        kind = f" ({item['kind']})" if "kind" in item else ""
        below = " (below the glossary)" if glossary_first else ""
        line = (f"{'hit ' if found else 'MISS'} rank {rank or '-'}{below}: {item['query']!r}"
                f"{kind} -> {results[:TOP]} (expected {expected})")
        lines.append(line)
        if not found:
            misses.append(line)
    hits = len(queries) - len(misses)
    return (f"{hits}/{len(queries)} {what} found an expected page in the top {TOP}, above the "
            "glossary", lines, misses)


@pytest.mark.long_running
def test_readers_find_the_right_page_in_their_own_words(search_page, artifacts):
    summary, lines, misses = score(search_page, QUERIES, "queries")
    (artifacts / "search-results.txt").write_text("\n".join([summary, *lines]) + "\n")
    print(summary, *misses, sep="\n")
    assert (len(QUERIES) - len(misses)) / len(QUERIES) >= MIN_HIT_RATE, "\n".join([summary, *misses])


def test_search_results_show_the_words_found(search_page, artifacts):
    search(search_page, "leaky boobs at night")
    marked = search_page.locator(".md-search-result__item mark").all_inner_texts()
    assert any("leaky" in word.lower() for word in marked)
    search_page.screenshot(path=artifacts / "search-results-light-320px.png")


def test_a_shared_search_link_opens_the_same_results(tab, site_url):
    page = tab()
    page.goto(site_url + "?q=galactorrhea")
    assert page.locator("#__search").is_checked(), "the search dialog should be open"
    assert page.locator(SEARCH_BOX).input_value() == "galactorrhea"
    assert "milk-after-weaning/" in result_pages(page)[:TOP]


def test_a_result_opens_with_the_searched_words_highlighted(tab, site_url):
    page = tab()
    page.goto(site_url + "mastitis/?h=abscess")
    page.locator("article mark").first.wait_for()  # Material's script loads for ?h=
    highlighted = page.locator("article mark").all_inner_texts()
    assert highlighted and all("abscess" in word.lower() for word in highlighted)
