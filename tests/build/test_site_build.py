"""The real site: it builds strictly, its anchors are the checker's, and no link is broken."""

import gzip
import re
import subprocess
import sys

import brotli
import pytest
from pathlib import Path
from urllib.parse import urljoin

from weaning_breast_health.publish.precompressed import (MIN_BYTES, PRECOMPRESSED_SUFFIXES,
                                                          TEXT_SUFFIXES)
from weaning_breast_health.vocabulary import TEMPLATE_ANCHORS
from weaning_breast_health.hook import CHECK_DATE_VARIABLE
from support import (CHECK_DATE, LINKCHECKER_CONFIG, ROOT, builder_environment, built_html,
                     built_page, docs_pages, parsed_html, serve, small_site)


def test_the_content_checker_passes_on_the_real_docs(clean_docs):
    # clean_docs fails first, in one line, when the docs have problems (listed at the top).
    result = subprocess.run([str(Path(sys.executable).parent / "check-content"), "--today", CHECK_DATE],
                            cwd=ROOT, capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, "")


def test_the_site_builds_strictly_without_warnings(built_site):
    # built_site fails on any warning: --strict turns them into errors.
    assert (built_site / "index.html").is_file()
    assert (built_site / "404.html").is_file()


def test_every_anchor_the_checker_computes_is_an_id_in_the_built_html(built_site):
    mismatches = []
    for page in docs_pages().values():
        soup = built_page(built_site, page.rel_path)
        content = soup.select_one("article.md-content__inner")
        built_headings = [tag["id"] for tag in content.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
                          if tag.get("id") and tag["id"] not in TEMPLATE_ANCHORS]
        all_ids = {tag["id"] for tag in soup.find_all(id=True)}
        if built_headings != page.heading_ids:
            mismatches.append(f"{page.rel_path}: headings {page.heading_ids} != built {built_headings}")
        if missing := sorted(page.anchors - all_ids):
            mismatches.append(f"{page.rel_path}: anchors not in the HTML: {missing}")
    assert mismatches == []


@pytest.mark.long_running
def test_linkchecker_finds_no_broken_link_on_the_served_site(built_site):
    # Served without linkchecker's pause between requests (0.1 to 0.6 s each: 75 s of
    # waiting for about 470 addresses); it still follows and checks every link.
    server, site_url = serve(built_site, for_linkchecker=True)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "linkcheck", f"--config={LINKCHECKER_CONFIG}", "--no-status",
             "--no-warnings", "--output=text", "--recursion-level=-1", site_url],
            capture_output=True, text=True, timeout=600)
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found" in result.stdout, result.stdout
    checked = int(re.search(r"(\d+) links? in \d+ URLs? checked", result.stdout)[1])
    assert checked > 400, result.stdout  # every page, asset and anchor, not only the home page


def test_the_material_script_every_page_names_is_in_the_built_site(built_site):
    # overrides/main.html names Material's hashed bundle, which site.js loads on first use:
    # a Material upgrade that renames it must update the template.
    pages = [built_site / "404.html", *(built_html(built_site, name) for name in docs_pages())]
    missing = []
    for html in pages:
        address = "/" + html.relative_to(built_site).as_posix()
        script = parsed_html(html).select_one("script[data-bundle]")
        bundle = script and urljoin(address, script["data-bundle"])
        if not (bundle and (built_site / bundle.lstrip("/")).is_file()):
            missing.append(f"{address}: {bundle}")
    assert missing == []


def test_every_link_in_every_page_is_a_real_address(built_site):
    # Search engines and readers without JavaScript follow links: no "javascript:" hrefs.
    script_links = [f"{html.relative_to(built_site)}: {link['href']}"
                    for html in sorted(built_site.rglob("*.html"))
                    for link in parsed_html(html).find_all("a", href=True)
                    if link["href"].strip().lower().startswith("javascript:")]
    assert script_links == []


def test_the_build_fails_on_a_page_whose_review_is_overdue(tmp_path):
    """Tests run at a fixed day; the build itself checks review dates against the day it
    runs (here set years ahead), so an overdue page can never be published."""
    config = small_site(tmp_path)
    env = {**builder_environment(), CHECK_DATE_VARIABLE: "2031-06-01"}
    build = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict",
                            "--config-file", str(config), "--site-dir", str(tmp_path / "site")],
                           cwd=tmp_path, env=env, capture_output=True, text=True)
    assert build.returncode == 1
    assert "docs/alpha.md:7: FM009 review overdue: next_review was 2027-11-01" in build.stderr


def test_every_text_file_has_brotli_and_gzip_copies_of_itself(built_site):
    files = [path for path in built_site.rglob("*") if path.suffix in TEXT_SUFFIXES
             and path.is_file() and path.stat().st_size >= MIN_BYTES]
    assert len(files) > 100
    wrong = []
    for path in files:
        data = path.read_bytes()
        for suffix, unpack in ((".br", brotli.decompress), (".gz", gzip.decompress)):
            copy = path.with_name(path.name + suffix)
            if not copy.is_file() or unpack(copy.read_bytes()) != data:
                wrong.append(copy.relative_to(built_site).as_posix())
    assert wrong == []


def test_no_compressed_copy_outlives_its_file(built_site):
    """The English edition is compressed before the site's publishing removes Material's
    unused files (lunr's other languages): their copies go with them."""
    orphans = [copy.relative_to(built_site).as_posix() for copy in built_site.rglob("*")
               if copy.suffix in PRECOMPRESSED_SUFFIXES and not copy.with_suffix("").is_file()]
    assert orphans == []
