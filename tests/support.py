"""What the tests share that is not a fixture: paths, the check date, reading the real
docs once, built-page lookups, a static server, and finding Chromium."""

import datetime
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from weaning_breast_health.hook import CHECK_DATE_VARIABLE
from weaning_breast_health.checks import read_and_check_site
from weaning_breast_health.editions import not_found_page
from weaning_breast_health.pages import Page, Problem, read_pages
from weaning_breast_health.settings import load_site_settings
from weaning_breast_health.publish.catalogue import CATALOGUE_PATH, TRIGGERS_PATH
from weaning_breast_health.publish.headers import NETLIFY_FILE, NGINX_FILE
from weaning_breast_health.publish.qr_codes import QR_CODE_NAME
from weaning_breast_health.urls import FEED_NAME, handout_url, page_dir, page_url

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CONFIG = ROOT / "mkdocs.yml"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
# linkchecker's settings for our own test server: no rate limit (it sends the header
# that allows one above 10 requests a second; see _UnthrottledSiteHandler).
LINKCHECKER_CONFIG = ROOT / "tests" / "linkcheckerrc"
CHECK_DATE = "2026-12-07"  # review dates and sources read on 2026-12-07 are checked as of this day, so tests never age


class MissingTool(Exception):
    """A program the tests need is not installed; the message says how to get it."""


@functools.cache
def docs_pages() -> dict[str, Page]:
    """The real docs, read once by the content checker (tests only read them)."""
    return read_pages(DOCS, load_site_settings(CONFIG))


@functools.cache
def real_docs_problems() -> list[Problem]:
    """What the content checker finds in the real docs as of CHECK_DATE, checked once."""
    return read_and_check_site(DOCS, CONFIG, datetime.date.fromisoformat(CHECK_DATE),
                               display_root="docs").problems


def address_of(markdown_path: str) -> str:
    """A page's address relative to the site root: mastitis.md -> mastitis/, index.md -> ''."""
    return page_url(markdown_path).lstrip("/")


def built_html(site: Path, rel_path: str) -> Path:
    """The built HTML file of a docs page, found by its URL path."""
    return site / page_dir(rel_path) / "index.html"


def built_page(site: Path, rel_path: str) -> BeautifulSoup:
    """The built HTML of a docs page, parsed."""
    return parsed_html(built_html(site, rel_path))


def parsed_html(html: Path) -> BeautifulSoup:
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


def builder_environment() -> dict[str, str]:
    """The environment the tests build and serve in: the fixed check date, no banners."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           CHECK_DATE_VARIABLE: CHECK_DATE}
    env.pop("SITE_URL", None)
    return env


def strict_build(site_dir: Path, config: Path = CONFIG, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """A strict build, as CI and the README run it, into site_dir."""
    return subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--config-file", str(config),
         "--site-dir", str(site_dir)],
        cwd=cwd, env=builder_environment(), capture_output=True, text=True)


def small_site(folder: Path) -> Path:
    """The checker's small valid site (tests/checker/base) as a site that builds with the
    real settings, templates and hook, in folder; returns its mkdocs.yml."""
    shutil.copytree(ROOT / "tests" / "checker" / "base" / "docs", folder / "docs")
    for shared in ("overrides", "scripts"):
        (folder / shared).symlink_to(ROOT / shared)
    config = folder / "mkdocs.yml"
    config.write_text(f"INHERIT: {CONFIG}\nnav: [alpha.md, beta.md, gamma.md, delta.md]\n")
    return config


def free_port() -> int:
    """A TCP port nothing listens on now, on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site like a static host: 404.html for anything missing, no logs."""

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / not_found_page(urlsplit(self.path).path)
        if code != 404 or not not_found.exists():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class _UnthrottledSiteHandler(_SiteHandler):
    """The same, saying to linkchecker that it may ask as fast as it likes: linkchecker
    waits 0.1 to 0.6 s between requests to a host unless the host sends a `LinkChecker`
    header (its rate limit then is `maxrequestspersecond`, LINKCHECKER_CONFIG's)."""

    def end_headers(self):
        self.send_header("LinkChecker", "unthrottled")
        super().end_headers()


def serve(directory: Path, for_linkchecker: bool = False) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve directory on a free port of 127.0.0.1; returns the server and its base URL.
    for_linkchecker: lift linkchecker's rate limit (with LINKCHECKER_CONFIG)."""
    handler = functools.partial(_UnthrottledSiteHandler if for_linkchecker else _SiteHandler,
                                directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


SIDE_BY_SIDE_TABS = 8  # pages a walk loads at once


def visit_side_by_side(tabs: list, urls: list[str], wait_until: str = "networkidle",
                       settle_ms: int = 0) -> Iterator[tuple[Any, str, list[str]]]:
    """Open urls in Playwright tabs, one address a tab, a batch at a time, and yield
    (tab, url, requests) for each once it has reached wait_until (and settle_ms more):
    requests are the addresses that tab asked for since it began to load url. The waiting
    (networkidle is half a second of quiet after the last request) overlaps instead of
    adding up; each page is read as a reader's tab would be."""
    requests: dict[int, list[str]] = {id(tab): [] for tab in tabs}
    for tab in tabs:
        tab.on("request", lambda request, tab=tab: requests[id(tab)].append(request.url))
    for start in range(0, len(urls), len(tabs)):
        batch = list(zip(tabs, urls[start:start + len(tabs)]))
        for tab, url in batch:
            requests[id(tab)].clear()
            tab.goto(url, wait_until="commit")
        for tab, _ in batch:
            tab.wait_for_load_state(wait_until)
        if settle_ms:
            batch[0][0].wait_for_timeout(settle_ms)
        for tab, url in batch:
            yield tab, url, list(requests[id(tab)])


def find_chromium() -> str:
    """The system Chromium: $CHROMIUM_PATH, else the first one on PATH. Raises MissingTool, never skips."""
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        if not Path(configured).is_file():
            raise MissingTool(f"CHROMIUM_PATH={configured} is not a file")
        return configured
    for name in CHROMIUM_CANDIDATES:
        if found := shutil.which(name):
            return found
    raise MissingTool("No Chromium found. Install Debian's chromium (sudo apt-get install chromium), "
                "or set CHROMIUM_PATH to a Chromium or Chrome executable. .ci/run installs it.")


def qr_codes_on(side) -> list[str]:
    """The texts of the QR codes zxing reads on one side of a pypdfium2 PDF document."""
    import zxingcpp

    bitmap = side.render(scale=2, grayscale=True)
    pixels = memoryview(bitmap.buffer).cast("B", (bitmap.height, bitmap.stride))
    image = zxingcpp.ImageView(pixels, bitmap.width, bitmap.height, zxingcpp.ImageFormat.Lum,
                               bitmap.stride)
    return [code.text for code in zxingcpp.read_barcodes(image,
                                                         formats=zxingcpp.BarcodeFormat.QRCode)]


# What publishing writes that the build's own output does not hold (the catalogue, robots.txt,
# the header files, QR codes, handouts and feeds): the publish tests compare these.
PUBLISHED_FILES = [
    CATALOGUE_PATH, TRIGGERS_PATH, "robots.txt", NETLIFY_FILE, NGINX_FILE,
    *(f"{page_dir(name)}/{QR_CODE_NAME}" for name, page in docs_pages().items() if page.is_article),
    *(f"{handout_url(name).strip('/')}/index.html" for name, page in docs_pages().items()
      if page.is_article),
    FEED_NAME, f"zh/{FEED_NAME}"]
CLINIC_SITE_URL = "https://clinic-copy.example/"  # another address the site is published for


def publish_copy(built_site: Path, site: Path, without: list[str],
                 site_url: str | None = None) -> str | None:
    """Copy the built site to site, remove the files `without` from it, and run
    `publish-site` there (for site_url, or with SITE_URL unset, as for the build);
    returns its error output if it fails, else None."""
    shutil.copytree(built_site, site)
    for path in without:
        (site / path).unlink()
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run([str(Path(sys.executable).parent / "publish-site"), str(site)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    return result.stderr or "publish-site failed" if result.returncode else None


def republished(built_site: Path, republished_site: Path, written: list[str]) -> list[str]:
    """The files of `written` (paths in the site, each one of PUBLISHED_FILES) that
    `publish-site` wrote differently from the build (the republished_site fixture);
    [] when it writes them all alike."""
    assert set(written) <= set(PUBLISHED_FILES)
    return [path for path in written
            if (republished_site / path).read_bytes() != (built_site / path).read_bytes()]
