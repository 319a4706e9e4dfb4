"""Search in the Chinese edition: readers find the right page with a query typed on a phone,
without spaces, in their own words (堵奶, 断奶后乳房有硬块), in Material's search box on /zh/.

search_queries_zh.yml holds the queries, written before looking at any Chinese page or
result, each with the page(s) that answer it (by the file name the Chinese page shares
with its English counterpart). At least 90% must find an expected page among the first
3 results, above the glossary (see test_search.score); every miss is printed and saved to
test-artifacts/search-results-zh.txt.
Improve the segmentation, the search settings (mkdocs.zh.yml, publish/search/zh.yml,
publish/search/zh_dict.txt) or the pages, never the queries.

How a query is split: jieba splits the pages into words at build time (Material's search
plugin, with our user dictionary); search-correct.js splits the query into the same
words, from the site's own word list (search/zh.json), before Material's worker sees it.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Page

from support import DOCS

from weaning_breast_health.publish.search_vocabulary import SETTINGS_DIR

from .readers import new_context
from .test_search import MIN_HIT_RATE, RESULT_META, SEARCH_BOX, TOP, result_pages, score, search
from .test_search_typos import RECORD_WORKER_MESSAGES, WORKER

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries_zh.yml").read_text())
MIN_QUERIES = 45
FOLDER = "zh/"
# Material's count of results in Chinese ("找到 1 个符合条件的结果", "3 个符合条件的结果").
COUNTED = "个符合条件的结果"
NONE = "没有找到符合条件的结果"  # Material's "No matching documents"
NOTE = ".search-note"
SENTINEL = "\u2f00"  # what search-correct.js ends each page word with (see there)


def test_chinese_search_loads_materials_assets_from_the_english_edition(browser, site_url):
    """Material's script, its search worker and lunr's Chinese support come from the one
    copy the English edition has (/assets/), never from /zh/assets/, and search works."""
    context = new_context(browser, "light", 320)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(urlsplit(request.url).path))
    page.goto(site_url + FOLDER + "mastitis/")
    page.locator("label.md-header__button[for=__search]").click()
    search(page, "乳腺炎", COUNTED)
    failed = page.evaluate("performance.getEntriesByType('resource')"
                           ".filter(entry => entry.responseStatus >= 400).map(entry => entry.name)")
    context.close()
    assert [path for path in requests if path.startswith("/zh/assets/")] == []
    assert {"bundle", "workers/search"} <= {part for path in requests for part in
                                            ("bundle", "workers/search")
                                            if path.startswith("/assets/javascripts/" + part)}
    assert failed == []


def test_the_query_set_is_big_enough_typed_without_spaces_and_names_real_pages():
    assert len(QUERIES) >= MIN_QUERIES, f"{len(QUERIES)} queries; at least {MIN_QUERIES}"
    for item in QUERIES:
        assert item["query"].strip() and item["expected"], item
        assert not re.search(r"\s", item["query"]), f"{item['query']!r}: typed without spaces"
        for expected in item["expected"]:
            assert (DOCS / expected).is_file(), f"{item['query']!r}: no page {expected}"


@pytest.fixture(scope="module")
def zh_search_page(browser, site_url) -> Page:
    """The Chinese home page on a phone, with search opened by tapping the search icon."""
    context = new_context(browser, "light", 320)
    page = context.new_page()
    page.goto(site_url + FOLDER)
    page.locator("label.md-header__button[for=__search]").click()
    yield page
    context.close()


@pytest.mark.long_running
def test_chinese_readers_find_the_right_page_in_their_own_words(zh_search_page, artifacts):
    summary, lines, misses = score(zh_search_page, QUERIES, "Chinese queries", FOLDER, COUNTED)
    (artifacts / "search-results-zh.txt").write_text("\n".join([summary, *lines]) + "\n")
    print(summary, *misses, sep="\n")
    assert (len(QUERIES) - len(misses)) / len(QUERIES) >= MIN_HIT_RATE, "\n".join([summary, *misses])


def test_a_query_typed_without_spaces_reaches_the_worker_as_the_pages_words(browser, site_url):
    """断奶后乳房有硬块 is sent as the words the index has (断奶, 后, 乳房, 硬块), without the
    stop word 有, each ending in the sentinel that keeps Material's own split from cutting
    its last character off."""
    context = new_context(browser)
    context.add_init_script(RECORD_WORKER_MESSAGES)
    page = context.new_page()
    try:
        page.goto(site_url + FOLDER + "?q=断奶后乳房有硬块")
        page.locator(".md-search-result__item").first.wait_for()
        queries = [message["data"] for message in page.evaluate("window.__posted")
                   if message.get("type") == 2]
        assert queries == [f"断奶{SENTINEL} 后{SENTINEL} 乳房{SENTINEL} 硬块{SENTINEL}"], queries
        assert FOLDER + "breast-lumps/" in result_pages(page, COUNTED)[:TOP]
    finally:
        context.close()


def test_a_chinese_search_that_finds_nothing_offers_topics_and_help(zh_search_page):
    box = zh_search_page.locator(SEARCH_BOX)
    box.fill("鳄鱼")  # crocodile: on no page
    box.press("End")
    zh_search_page.wait_for_function(
        "([meta, none, note]) => document.querySelector(meta).textContent.includes(none)"
        " && document.querySelector(note)?.hidden === false", arg=[RESULT_META, NONE, NOTE])
    note = zh_search_page.locator(NOTE)
    settings = yaml.safe_load((SETTINGS_DIR / "zh.yml").read_text(encoding="utf-8"))
    assert settings["messages"]["none"] in note.inner_text()
    links = note.locator("a").evaluate_all("links => links.map(link => link.pathname)")
    assert links[-1] == "/zh/when-to-get-help/", "the Chinese help page comes last"
    assert len(links) == len(settings["topics"]) + 1
    assert all(link.startswith("/zh/") for link in links), "topics of the Chinese edition"
    search(zh_search_page, "乳腺炎", COUNTED)
    assert note.is_hidden(), "the help should go once something is found"


def test_material_still_cuts_the_last_character_off_a_chinese_word():
    """search-correct.js ends each word with SENTINEL because Material's worker (9.8)
    splits each run of Han characters against its index with `j < query.length`, so a
    run's last character never ends a word. If a Material upgrade fixes or changes this,
    the sentinel is harmless (a word on no page, dropped the same way), but read
    integrations/search/query/segment in Material's source and simplify search-correct.js."""
    worker = WORKER.read_text(encoding="utf-8")
    assert 'new RegExp("\\\\p{sc=Han}+","gu")' in worker, (
        "Material's worker no longer splits Han runs of the query itself")
    assert re.search(r"for\(let (\w)=(\w)\+1;\1<(\w)\.length;\1\+\+\)\3\.slice\(\2,\1\)in", worker), (
        "Material's split of Han runs has changed: check SENTINEL in search-correct.js")
