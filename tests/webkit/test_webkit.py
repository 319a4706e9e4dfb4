"""What a reader on an iPhone meets, in WebKit: pages in both languages run their scripts
without an error, search finds the right page in English, with a typo and in Chinese, the
language switch leads to the same page, and a missing address gets the 404 page."""

from urllib.parse import urlsplit

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from browser.test_search import (COUNTED, NO_RESULTS_AFTER_MS, QUIET_MS, RESULT_GROUPS, RESULT_META,
                                 RESULT_PAGES, SEARCH_BOX, TOP, WATCH_FOR_RESULTS, path_of)
from browser.test_search_zh import COUNTED as COUNTED_ZH
from support import ROOT, address_of

BROWSER_TESTS = ROOT / "tests" / "browser"

pytestmark = [pytest.mark.xdist_group("webkit"), pytest.mark.long_running]
WAIT = 20  # seconds for a page, a script or search results
SEARCH_BUTTON = "label.md-header__button[for=__search]"
# A few queries of each of the Chromium tests' sets (search_queries*.yml, search_typos.yml),
# each with the pages it must find one of in the top 3.
PICKED = {"search_queries.yml": ["leaky boobs at night", "galactorrhea"],
          "search_typos.yml": ["mastitus", "brest lump"],  # search-correct.js corrects them
          "search_queries_zh.yml": ["堵奶了怎么办", "排残奶有必要吗"]}
QUERIES = [(item["query"], item["expected"], "zh/" if "zh" in name else "")
           for name, picked in PICKED.items()
           for item in yaml.safe_load((BROWSER_TESTS / name).read_text()) if item["query"] in picked]


def open_page(webkit, url: str) -> None:
    webkit.get(url)
    WebDriverWait(webkit, WAIT).until(
        lambda driver: driver.execute_script("return document.readyState") == "complete")


def script_errors(webkit) -> list[str]:
    return webkit.execute_script("return window.scriptErrors")


@pytest.mark.parametrize("address", ["mastitis/", "zh/mastitis/", ""])
def test_a_page_runs_its_scripts_without_an_error(webkit, webkit_site_url, address):
    open_page(webkit, webkit_site_url + address)
    # Material's search opens on tap once its bundle has loaded (site.js loads it on demand).
    webkit.find_element(By.CSS_SELECTOR, SEARCH_BUTTON).click()
    WebDriverWait(webkit, WAIT).until(
        lambda driver: driver.find_element(By.CSS_SELECTOR, SEARCH_BOX).is_displayed())
    assert script_errors(webkit) == []


def search(webkit, box, query: str, counted: str) -> list[str]:
    """Put a query into the open search box and press a key, so that Material searches once,
    for the whole query (as test_search.search does: typed key by key, a half-typed word such
    as "mastitu" finds nothing, and a slow machine may pause on it longer than QUIET_MS); the
    result pages' addresses, once Material has shown them and they have settled."""
    webkit.execute_script(f"({WATCH_FOR_RESULTS})(arguments[0])",
                          [RESULT_META, counted, QUIET_MS, NO_RESULTS_AFTER_MS, query])
    webkit.execute_script("arguments[0].value = arguments[1]", box, query)
    box.send_keys(Keys.END)  # a real key press, as when typing
    failure = webkit.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "window.searchShown.then(() => done(null), error => done(String(error)))")
    assert failure is None, failure
    hrefs = webkit.execute_script(
        f"return ({RESULT_PAGES})([...document.querySelectorAll(arguments[0])])", RESULT_GROUPS)
    return [path_of(href) for href in hrefs]


def test_the_picked_queries_are_in_the_query_sets():
    assert len(QUERIES) == sum(map(len, PICKED.values()))


@pytest.mark.parametrize("folder", ["", "zh/"], ids=["English", "Chinese"])
def test_search_finds_the_page_that_answers(webkit, webkit_site_url, folder):
    """The edition's picked queries, one after another in its search box."""
    open_page(webkit, webkit_site_url + folder)
    webkit.find_element(By.CSS_SELECTOR, SEARCH_BUTTON).click()
    box = webkit.find_element(By.CSS_SELECTOR, SEARCH_BOX)
    WebDriverWait(webkit, WAIT).until(lambda driver: box.is_displayed())
    misses = []
    for query, expected, _ in [item for item in QUERIES if item[2] == folder]:
        found = search(webkit, box, query, COUNTED_ZH if folder else COUNTED)[:TOP]
        if not {folder + address_of(page) for page in expected} & set(found):
            misses.append(f"{query!r} -> {found}")
    assert misses == []
    assert script_errors(webkit) == []


def test_the_language_switch_leads_to_the_same_page_in_chinese(webkit, webkit_site_url):
    open_page(webkit, webkit_site_url + "mastitis/")
    webkit.find_element(By.CSS_SELECTOR, ".md-select button").click()
    webkit.find_element(By.CSS_SELECTOR, ".md-select a[hreflang=zh-Hans]").click()
    WebDriverWait(webkit, WAIT).until(lambda driver: "/zh/" in driver.current_url)
    open_page(webkit, webkit.current_url)
    assert urlsplit(webkit.current_url).path == "/zh/mastitis/"
    assert webkit.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh"


@pytest.mark.parametrize("missing, heading", [("an/old/address/", "Page not found"),
                                              ("zh/an/old/address/", "找不到这个页面")])
def test_a_missing_address_shows_the_not_found_page(webkit, webkit_site_url, missing, heading):
    open_page(webkit, webkit_site_url + missing)
    assert webkit.find_element(By.CSS_SELECTOR, "article h1").text == heading
    assert script_errors(webkit) == []
