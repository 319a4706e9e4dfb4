"""Linking from clinics: permanent addresses and anchors, the catalogue, printed handouts.

Clinics put our links on their sites, portals and leaflets for years, and hand pages to
patients. Every address and anchor ever published keeps working (published-urls.txt and
the REG rules), every article shows its address to copy, the build publishes a catalogue
of articles at /api/articles.json, and every article prints with its address and a QR code.
"""

import json
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import jsonschema
import pypdfium2
import pytest

from weaning_breast_health.publish import catalogue
from weaning_breast_health.publish import headers as security_headers
from weaning_breast_health.publish.handouts import write_handout_redirects
from weaning_breast_health.publish.qr_codes import QR_CODE_NAME
from weaning_breast_health.urls import moved_handouts, page_dir
from weaning_breast_health.checks import cli
from weaning_breast_health.checks.published_urls import REGISTRY_NAME, published_entries, read_registry
from support import (CHECK_DATE, ROOT, address_of, built_page, docs_pages, parsed_html, qr_codes_on,
                     republished, serve, strict_build)

BASE_DOCS = ROOT / "tests" / "checker" / "base" / "docs"
FIXTURE_CONFIG = """\
site_name: Fixture
markdown_extensions: [attr_list, toc]
plugins:
  - redirects:
      redirect_maps: {redirects}
"""
PAPER_SIZES = {"A4": (595, 842), "Letter": (612, 792)}  # in points
SECTION_TAGS = ["h2", "h3", "h4", "h5", "h6"]
STRICT_CSP = "default-src 'self'; script-src 'self'; img-src 'self' data:"


ARTICLES = sorted(name for name, page in docs_pages().items() if page.is_article)


def canonical(site: Path, rel_path: str) -> str:
    return canonical_of(built_page(site, rel_path))


def canonical_of(soup) -> str:
    """A parsed page's canonical address."""
    return soup.find("link", rel="canonical")["href"]


def heading_text(heading) -> str:
    """A built heading's text, without its permalink sign."""
    return heading.get_text(strip=True).removesuffix("¶")


# Permanent addresses: the registry ---------------------------------------------------

def test_the_committed_registry_lists_every_address_and_anchor_published_now():
    registry = read_registry(ROOT / REGISTRY_NAME)
    unlisted = published_entries(docs_pages()) - {entry for _, entry in registry.entries}
    assert not unlisted, ("New pages or anchors are not in published-urls.txt: run "
                          "`python3 scripts/dev.py check --write-registry` and commit it")


def run_checker(*extra: str) -> int:
    """The checker's exit code on the docs, mkdocs.yml and published-urls.txt in the cwd."""
    try:
        code = cli.main(["docs", "--config", "mkdocs.yml", "--today", CHECK_DATE, *extra])
    except SystemExit as stop:
        code = stop.code
    return code


def test_a_renamed_page_and_a_dropped_heading_fail_until_redirected_and_aliased(
        tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    docs = Path("docs")
    shutil.copytree(BASE_DOCS, docs)
    config = Path("mkdocs.yml")
    config.write_text(FIXTURE_CONFIG.format(redirects="{}"))
    assert run_checker("--write-registry") == 0
    published = Path("published-urls.txt").read_text()
    assert "\n/beta/\n" in published and "\n/alpha/#details\n" in published

    # Rename beta.md, and reword alpha's "Details" heading with a new id.
    (docs / "beta.md").rename(docs / "beta-renamed.md")
    (docs / "beta.evidence.yml").rename(docs / "beta-renamed.evidence.yml")  # its evidence moves with it
    for page in docs.glob("*.md"):
        page.write_text(page.read_text().replace("beta.md", "beta-renamed.md"))
    alpha = docs / "alpha.md"
    alpha.write_text(alpha.read_text().replace("## Details {#details}", "## All about alpha {#about}"))
    capsys.readouterr()
    assert run_checker() == 1
    found = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in found] == ["REG002", "REG001", "REG001"]
    assert "anchor /alpha/#details is not on alpha.md" in found[0]
    assert "page /beta/ no longer exists" in found[1]
    assert "/handouts/beta/ is no longer written" in found[2]

    # A redirect for the page (its handout moves with it) and an alias for the old id:
    # every old link lands again.
    config.write_text(FIXTURE_CONFIG.format(redirects="{beta.md: beta-renamed.md}"))
    alpha.write_text(alpha.read_text().replace("## All about alpha", '<div id="details"></div>\n\n'
                                               "## All about alpha"))
    assert run_checker() == 0

    # Writing the registry again adds the new addresses and keeps every old one.
    assert run_checker("--write-registry") == 0
    entries = set(Path("published-urls.txt").read_text().splitlines())
    assert {"/beta/", "/beta/#key-facts", "/beta-renamed/", "/alpha/#details", "/alpha/#about",
            "/handouts/beta/", "/handouts/beta-renamed/"} <= entries


def test_a_moved_articles_old_handout_address_sends_readers_to_its_new_handout(tmp_path):
    write_handout_redirects(tmp_path, moved_handouts({"old.md": "new.md#section"},
                                                     {"new.md", "zh/new.md"}))
    for old, language in (("handouts/old", "en"), ("zh/handouts/old", "zh")):
        page = parsed_html(tmp_path / old / "index.html")
        assert page.html["lang"] == language
        assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../new/"
        assert page.find("a")["href"] == "../new/"


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory) -> str:
    """A small site whose old.md moved to new.md, where #old-name is an alias of #section."""
    root = tmp_path_factory.mktemp("moved")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n\n[New page](new.md)\n")
    filler = "\n\n".join(["A paragraph that keeps the section away from either end."] * 60)
    (root / "docs" / "new.md").write_text(f"# New page\n\n{filler}\n\n<div id=\"old-name\"></div>\n\n"
                                          f"## Section {{#section}}\n\n{filler}\n")
    (root / "mkdocs.yml").write_text(FIXTURE_CONFIG.format(redirects="{old.md: new.md}")
                                     + "site_url: https://example.org/\ntheme: material\n")
    build = strict_build(root / "site", root / "mkdocs.yml")
    assert build.returncode == 0, build.stderr
    server, url = serve(root / "site")
    yield url
    server.shutdown()


def test_an_old_link_to_a_section_of_a_moved_page_lands_on_that_section(browser, moved_site):
    page = browser.new_page()
    page.goto(moved_site + "old/#section")
    page.wait_for_url(moved_site + "new/#section")
    page.wait_for_function("document.querySelector(':target')?.id === 'section'")
    page.wait_for_function("document.getElementById('section').getBoundingClientRect().top < 200")
    page.close()


def test_without_javascript_a_redirect_still_reaches_the_moved_page_but_not_its_section(
        browser, moved_site):
    # mkdocs-redirects keeps the #anchor in JavaScript; its fallback <meta> refresh loses it.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(moved_site + "old/#section")
    page.wait_for_url(moved_site + "new/")
    context.close()


def test_an_anchor_alias_scrolls_to_the_section_that_took_over_its_id(browser, moved_site):
    page = browser.new_page()
    page.goto(moved_site + "new/#old-name")
    heading = page.locator("#section")
    page.wait_for_function("document.getElementById('section').getBoundingClientRect().top < 200")
    assert heading.is_visible()
    page.close()


# Copying links -----------------------------------------------------------------------

@pytest.mark.parametrize("article", ARTICLES)
def test_every_section_heading_has_a_permalink_to_its_anchor(built_site, article):
    content = built_page(built_site, article).select_one("article.md-content__inner")
    headings = content.find_all(SECTION_TAGS, id=True)
    assert headings
    for heading in headings:
        assert heading.select_one("a.headerlink")["href"] == f"#{heading['id']}", heading


@pytest.mark.parametrize("article", ARTICLES)
def test_every_article_shows_its_canonical_address_as_plain_text(built_site, article):
    soup = built_page(built_site, article)
    box = soup.select_one("#link-to-this-page").find_parent(class_="link-to-this-page")
    assert box.select_one(".page-url").get_text() == canonical_of(soup)
    assert not box.find_all("script")
    assert not [name for tag in box.find_all(True) for name in tag.attrs if name.startswith("on")]


def test_permalinks_are_visible_without_hovering(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "mastitis/")
    opacities = page.eval_on_selector_all(
        "article .headerlink", "links => links.map(link => getComputedStyle(link).opacity)")
    assert opacities and set(opacities) == {"1"}
    page.close()


def test_without_javascript_the_address_is_selectable_and_there_is_no_copy_button(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "mastitis/")
    address = page.locator(".link-to-this-page .page-url")
    assert address.is_visible()
    address.click()  # one click selects the whole address (user-select: all)
    assert page.evaluate("getSelection().toString()") == page.get_attribute(
        "link[rel=canonical]", "href")
    assert page.locator(".copy-link").count() == 0
    context.close()


def test_the_copy_button_copies_the_address_even_under_a_strict_content_security_policy(
        browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()

    def with_strict_csp(route):
        response = route.fetch()
        route.fulfill(response=response,
                      headers={**response.headers, "content-security-policy": STRICT_CSP})

    page.route("**/*", with_strict_csp)
    page.goto(site_url + "mastitis/")
    page.get_by_role("button", name="Copy link").click()
    page.get_by_role("status").filter(has_text="Link copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == page.get_attribute(
        "link[rel=canonical]", "href")
    context.close()


# The catalogue, canonical links, sitemap and robots.txt ----------------------------------

@pytest.fixture(scope="module")
def published_catalogue(built_site) -> dict:
    return json.loads((built_site / catalogue.CATALOGUE_PATH).read_text(encoding="utf-8"))


def test_the_catalogue_matches_its_published_json_schema(built_site, published_catalogue):
    schema = json.loads((built_site / catalogue.SCHEMA_PATH).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator
    validator.check_schema(schema)
    errors = validator(schema, format_checker=validator.FORMAT_CHECKER).iter_errors(published_catalogue)
    assert [f"{list(error.absolute_path)}: {error.message}" for error in errors] == []


def test_the_trigger_table_is_published_under_its_json_schema_for_every_card(built_site,
                                                                           published_catalogue):
    published = json.loads((built_site / catalogue.TRIGGERS_PATH).read_text(encoding="utf-8"))
    schema = json.loads((built_site / catalogue.TRIGGERS_SCHEMA_PATH).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator
    errors = validator(schema, format_checker=validator.FORMAT_CHECKER).iter_errors(published)
    assert [f"{list(error.absolute_path)}: {error.message}" for error in errors] == []
    levels = {trigger["id"]: trigger["level"] for trigger in published["triggers"]}
    shown = [(card["level"], levels.get(trigger_id)) for article in published_catalogue["articles"]
             for card in article["care_cards"] for trigger_id in card["trigger_ids"]]
    assert shown and all(card_level == level for card_level, level in shown)


def test_the_catalogue_lists_every_article_with_its_canonical_address(built_site, published_catalogue):
    assert [article["url"] for article in published_catalogue["articles"]] == [
        canonical(built_site, name) for name in ARTICLES]
    assert published_catalogue["schema"] == published_catalogue["site_url"] + catalogue.SCHEMA_PATH


@pytest.mark.parametrize("index", range(len(ARTICLES)), ids=ARTICLES)
def test_each_catalogue_entry_matches_the_built_article(built_site, published_catalogue, index):
    entry = published_catalogue["articles"][index]
    soup = built_page(built_site, ARTICLES[index])
    assert entry["title"] == heading_text(soup.find("h1"))
    for section in entry["sections"]:
        heading = soup.find(id=section["anchor"])
        assert heading.name == f"h{section['level']}"
        assert heading_text(heading) == section["title"]
        assert section["url"] == f"{entry['url']}#{section['anchor']}"
    cards = soup.select(".admonition.non-urgent, .admonition.urgent, .admonition.emergency")
    assert [card["class"][1] for card in cards] == [card["level"] for card in entry["care_cards"]]
    for built, listed in zip(cards, entry["care_cards"]):
        assert [item.get_text(" ", strip=True) for item in built.find_all("li")] == [
            " ".join(trigger.split()) for trigger in listed["triggers"]]
        assert [item["data-trigger"] for item in built.find_all("li")] == listed["trigger_ids"]
    review = soup.select_one("#page-review").find_all("time")
    assert [time["datetime"] for time in review] == [entry["last_reviewed"], entry["next_review"]]


def test_every_page_has_a_canonical_link_and_is_in_the_sitemap(built_site, published_catalogue):
    site_url = published_catalogue["site_url"]
    expected = {site_url + address_of(name) for name in docs_pages()}
    assert {canonical(built_site, name) for name in docs_pages()} == expected
    locations = {loc.text for sitemap in ("sitemap.xml", "zh/sitemap.xml")
                 for loc in ElementTree.parse(built_site / sitemap).iter(
                     "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert locations == expected


def test_robots_txt_points_to_the_sitemap_at_the_site_url(built_site, published_catalogue):
    robots = (built_site / "robots.txt").read_text()
    assert f"\nSitemap: {published_catalogue['site_url']}sitemap.xml\n" in robots
    assert f"\nSitemap: {published_catalogue['site_url']}zh/sitemap.xml\n" in robots
    assert "Disallow" not in robots


def test_the_publish_command_writes_what_the_build_writes(built_site, republished_site):
    written = [catalogue.CATALOGUE_PATH, catalogue.TRIGGERS_PATH, "robots.txt", security_headers.NETLIFY_FILE,
               security_headers.NGINX_FILE, *(f"{page_dir(name)}/{QR_CODE_NAME}" for name in ARTICLES)]
    assert republished(built_site, republished_site, written) == []


# Printed handouts -----------------------------------------------------------------------

def last_page_of_handout(pdf: bytes, paper: str) -> tuple[str, list[str]]:
    """The text of the printout's last page and the QR codes on it, after checking its size."""
    document = pypdfium2.PdfDocument(pdf)
    last = document[len(document) - 1]
    width, height = last.get_size()
    assert width == pytest.approx(PAPER_SIZES[paper][0], abs=2)
    assert height == pytest.approx(PAPER_SIZES[paper][1], abs=2)
    text = last.get_textpage().get_text_bounded()
    return " ".join(text.split()), qr_codes_on(last)


@pytest.mark.parametrize("article", ARTICLES)
def test_every_article_prints_on_a4_ending_with_its_address_review_dates_and_qr_code(
        print_page, site_url, built_site, article):
    soup = built_page(built_site, article)
    address = canonical_of(soup)
    print_page.goto(site_url + address_of(article))
    text, codes = last_page_of_handout(print_page.pdf(format="A4"), "A4")
    # The text as written (no spaces added between elements: Chinese has none after "："),
    # with white space folded as the PDF folds it.
    review = soup.select_one("#page-review p").get_text()
    assert " ".join(review.split()) in " ".join(text.split())
    assert address in text
    assert codes == [address], "the QR code opens the live page"


def test_an_article_prints_on_letter_paper_too(print_page, site_url, built_site, artifacts):
    address = canonical(built_site, "mastitis.md")
    print_page.goto(site_url + "mastitis/")
    pdf = print_page.pdf(format="Letter")
    (artifacts / "handout-mastitis-letter.pdf").write_bytes(pdf)
    text, codes = last_page_of_handout(pdf, "Letter")
    assert address in text and "Last checked against its sources" in text
    assert codes == [address]
