"""Privacy: reading the site sends nothing to anyone else and leaves no cookies.

Every request the browser makes is recorded (page.on("request")), including Material's
script, search worker and index once a reader searches, and each must go to the site's own host. The About page
promises exactly this, so it is checked too.
"""

from urllib.parse import urlsplit

import pytest

from .readers import EVERY_ADDRESS, page_id

LOCAL_SCHEMES = ("data", "blob")  # in-page resources, never sent over the network
PRIVATE_WORDS = "leaking nipple"


def requests_elsewhere(requests: list[str], site_url: str) -> list[str]:
    own_host = urlsplit(site_url).netloc
    return [url for url in requests
            if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).netloc != own_host]


@pytest.mark.xdist_group("first-visits")
@pytest.mark.parametrize("address", EVERY_ADDRESS, ids=page_id)
def test_pages_load_nothing_from_other_hosts_and_set_no_cookies(first_visits, site_url, address):
    visit = first_visits[address]
    assert visit.requests, "no requests were recorded at all"
    assert requests_elsewhere(visit.requests, site_url) == []
    assert visit.cookies == []
    assert visit.document_cookie == ""


def test_search_words_stay_in_the_browser(recorded_tab, site_url):
    page, requests = recorded_tab
    page.goto(site_url, wait_until="networkidle")
    requests.clear()
    search_box = page.locator("input[data-md-component=search-query]")
    search_box.press_sequentially(PRIVATE_WORDS)  # key by key, as a reader types
    page.locator(".md-search-result__item").first.wait_for()
    sent = [url for url in requests if any(word in url for word in PRIVATE_WORDS.split())]
    assert sent == [], "the words typed into search were sent in a request"
    assert requests_elsewhere(requests, site_url) == []


def test_about_page_states_the_privacy_promise(recorded_tab, site_url):
    page, _ = recorded_tab
    page.goto(site_url + "about/")
    promise_text = page.evaluate("""() => {
        const texts = [];
        for (let element = document.getElementById("privacy").nextElementSibling;
             element && element.tagName !== "H2"; element = element.nextElementSibling)
            texts.push(element.innerText);
        return texts.join(" ");
    }""").lower()
    for claim in ("no analytics", "no cookies", "no requests to any other host",
                  "search works inside your browser"):
        assert claim in promise_text, f"the About page no longer says {claim!r}"
