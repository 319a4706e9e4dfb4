"""The production nginx configuration (scripts/nginx/site.conf) serving the built site.

nginx runs from a temporary folder as the current user, on a free port of 127.0.0.1,
exactly as scripts/nginx_server.py runs it for a preview.
"""

import gzip
import http.client
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from support import SIDE_BY_SIDE_TABS, visit_side_by_side
from weaning_breast_health.publish import headers as security_headers
from weaning_breast_health.serving import nginx as nginx_server

TEXT_ASSETS = ("/stylesheets/site.css", "/search/search_index.json", "/sitemap.xml")


@pytest.fixture(scope="module")
def nginx_url(built_site) -> str:
    try:
        with nginx_server.running_nginx(built_site) as url:
            yield url
    except nginx_server.NginxError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="module")
def expected_headers(built_site) -> dict[str, str]:
    return security_headers.security_headers(built_site)


def fetch(url: str, accept_encoding: str = "identity") -> http.client.HTTPResponse:
    """One GET, as a browser sends it, without following redirects or decompressing."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", parts.path, headers={"Accept-Encoding": accept_encoding})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def fingerprinted_asset_paths(site: Path) -> list[str]:
    return [path for path in security_headers.fingerprinted_assets(site)
            if not path.endswith(".map")]


def html_paths(site: Path) -> list[str]:
    """The address of every page in the built site."""
    return sorted("/" + page.relative_to(site).as_posix().removesuffix("index.html")
                  for page in site.rglob("*.html"))


def has_scripts(site: Path, path: str) -> bool:
    """Whether the page at path loads or holds a script."""
    file = site / path.lstrip("/")
    return "<script" in (file / "index.html" if path.endswith("/") else file).read_text(encoding="utf-8")


def test_every_kind_of_response_carries_the_security_headers(nginx_url, built_site,
                                                             expected_headers):
    paths = ["/", "/residual-milk/", *fingerprinted_asset_paths(built_site)[:2],
             *TEXT_ASSETS, "/no-such-page/", "/about"]
    for path in paths:
        response = fetch(urljoin(nginx_url, path))
        for name, value in expected_headers.items():
            assert response.getheader(name) == value, f"{path}: {name}"


def test_the_policy_allows_only_our_own_origin_and_hashed_inline_scripts(expected_headers):
    policy = dict(directive.split(" ", 1) for directive
                  in expected_headers["Content-Security-Policy"].split("; "))
    assert policy["default-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    sources = " ".join(policy.values())
    assert "unsafe" not in sources
    assert not re.search(r"https?:|\*", sources), "no other host may be allowed"
    assert re.fullmatch(r"'self'( 'sha256-[A-Za-z0-9+/]{43}=')+", policy["script-src"])
    assert expected_headers["Referrer-Policy"] == "no-referrer"
    assert expected_headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in expected_headers["Permissions-Policy"]


def test_pages_and_text_assets_are_sent_gzipped(nginx_url, built_site):
    for path in ["/residual-milk/", *fingerprinted_asset_paths(built_site), *TEXT_ASSETS]:
        plain = fetch(urljoin(nginx_url, path))
        zipped = fetch(urljoin(nginx_url, path), accept_encoding="gzip")
        assert zipped.getheader("Content-Encoding") == "gzip", path
        assert "Accept-Encoding" in zipped.getheader("Vary", ""), path
        assert gzip.decompress(zipped.body) == plain.body, path
        assert len(zipped.body) < len(plain.body) / 2, path


def test_brotli_is_preferred_to_gzip(nginx_url):
    assert nginx_server.has_brotli(), (
        "nginx has no brotli modules: install Debian's libnginx-mod-http-brotli-filter and "
        "libnginx-mod-http-brotli-static (.ci/run installs them)")
    response = fetch(urljoin(nginx_url, "/residual-milk/"), accept_encoding="br, gzip")
    assert response.getheader("Content-Encoding") == "br"
    assert len(response.body) < len(fetch(urljoin(nginx_url, "/residual-milk/"),
                                          accept_encoding="gzip").body)


def test_fingerprinted_assets_are_cached_for_a_year_and_everything_else_briefly(nginx_url,
                                                                                built_site):
    assets = fingerprinted_asset_paths(built_site)
    assert any(path.endswith(".css") for path in assets)
    assert any(path.endswith(".js") for path in assets)
    for path in assets:
        response = fetch(urljoin(nginx_url, path))
        assert response.status == 200, path
        assert response.getheader("Cache-Control") == security_headers.LONG_CACHE, path
    for path in ["/", "/residual-milk/", *TEXT_ASSETS, "/no-such-page/"]:
        response = fetch(urljoin(nginx_url, path))
        assert response.getheader("Cache-Control") == security_headers.SHORT_CACHE, path


def test_an_address_without_its_trailing_slash_redirects_to_the_page(nginx_url):
    response = fetch(urljoin(nginx_url, "/about"))
    assert response.status == 301
    assert response.getheader("Location") == "/about/"


def test_a_missing_address_gets_the_sites_404_page(nginx_url, built_site):
    response = fetch(urljoin(nginx_url, "/no-such-page/"))
    assert response.status == 404
    assert response.body == (built_site / "404.html").read_bytes()


# The pages are shared out among this many tests, so the workers read them side by side.
CSP_SHARES = 4
# Material's search worker: the same script, index and work on every page of an edition.
SEARCH_WORKER = "**/assets/javascripts/workers/search.*.min.js"
# Each edition's search, run in full once: (page, query). The share of that number runs it.
FULL_SEARCHES = [("/residual-milk/", "mastitis"), ("/zh/residual-milk/", "乳腺炎")]
JAVASCRIPT = "text/javascript"


def source_of(page) -> str:
    """Where a message or error came from: its page's address (a worker has no page)."""
    return page.url if page else "a worker"


@pytest.mark.long_running
@pytest.mark.parametrize("share", range(CSP_SHARES))
def test_no_page_breaks_the_content_security_policy_in_chromium(nginx_url, built_site, browser,
                                                                share):
    pages = html_paths(built_site)
    assert "/residual-milk/" in pages and "/404.html" in pages
    context = browser.new_context()
    problems = []
    context.add_init_script("document.addEventListener('securitypolicyviolation', event =>"
                            " console.error('CSP violation: ' + event.violatedDirective"
                            " + ' ' + event.blockedURI))")
    context.on("console", lambda message: message.type == "error"
               and problems.append(f"{source_of(message.page)}: {message.text}"))
    context.on("weberror",
               lambda error: problems.append(f"{source_of(error.page)}: {error.error}"))
    tabs = [context.new_page() for _ in range(SIDE_BY_SIDE_TABS)]
    for page in tabs:  # the worker's own run is the full search's, below
        page.route(SEARCH_WORKER, lambda route: route.fulfill(body="", content_type=JAVASCRIPT))
    # A page with scripts as opened from a search result: our script runs as it does for
    # every reader, then loads Material's.
    addresses = [urljoin(nginx_url, path + ("?h=milk" if has_scripts(built_site, path) else ""))
                 for path in pages[share::CSP_SHARES]]
    for _ in visit_side_by_side(tabs, addresses):
        pass
    for path, query in FULL_SEARCHES[share::CSP_SHARES]:
        page = context.new_page()
        page.goto(urljoin(nginx_url, path), wait_until="networkidle")
        page.locator("[data-md-component=palette] label:visible").click()
        # A selector, not a function: the policy forbids eval, which a predicate can need.
        page.locator("body[data-md-color-scheme=slate]").wait_for(state="attached")
        # Typed, not filled: Material reads the query on keyup (or when its worker is ready).
        page.locator("input[data-md-component=search-query]").press_sequentially(query)
        page.locator(".md-search-result__item").first.wait_for()
    context.close()
    assert problems == []


def test_the_compressed_copies_written_at_build_are_sent_as_they_are(nginx_url, built_site):
    # No compression on each request: nginx sends FILE.br or FILE.gz from the build.
    for path in ["/residual-milk/", "/zh/mastitis/", "/search/search_index.json",
                 *fingerprinted_asset_paths(built_site)]:
        file = built_site / path.lstrip("/")
        file = file / "index.html" if path.endswith("/") else file
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            response = fetch(urljoin(nginx_url, path), accept_encoding=encoding)
            assert response.getheader("Content-Encoding") == encoding, path
            assert response.body == file.with_name(file.name + suffix).read_bytes(), path
            assert response.getheader("Cache-Control"), path  # the headers apply to them too
