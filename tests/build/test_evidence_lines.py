"""What readers see of the evidence records: under each source, the points of the page it
supports ("Used on this page for: ..." / "本页用它说明：..."), in the page's language; the
evidence files themselves are for reviewers and are not published."""

from support import ROOT, built_page, docs_pages
from weaning_breast_health.evidence import read_site_evidence
from weaning_breast_health.ui_text import TEXT
from weaning_breast_health.urls import source_address

EVIDENCE = read_site_evidence(ROOT / "docs", "docs")


def test_every_source_on_every_page_says_which_of_its_points_it_supports(built_site):
    missing = []
    for name, page in docs_pages().items():
        soup = built_page(built_site, name)
        label = TEXT[page.language]["based_on"]
        for item in soup.select("ol.sources > li"):
            address = item.select_one("a[href]")["href"]
            line = item.select_one(".based-on")
            expected = EVIDENCE[name].based_on[address][1]
            if line is None or not line.get_text().startswith(label) \
                    or expected not in line.get_text():
                missing.append(f"{name}: {address}")
    assert missing == []


def test_the_evidence_files_are_not_published(built_site):
    assert sorted(built_site.rglob("*.evidence.yml")) == []
    assert len(list((ROOT / "docs").rglob("*.evidence.yml"))) > len(
        [page for page in docs_pages().values() if page.is_article])


def test_a_chinese_pages_lines_are_its_own_chinese_words(built_site):
    soup = built_page(built_site, "zh/mastitis.md")
    lines = [line.get_text() for line in soup.select("ol.sources .based-on")]
    english = {text for _, text in EVIDENCE["mastitis.md"].based_on.values()}
    assert lines and all(line.startswith("本页用它说明：") for line in lines)
    assert not any(text in line for line in lines for text in english)


def test_a_source_address_is_its_url_or_its_doi_address():
    assert source_address({"url": "https://example.org/a"}) == "https://example.org/a"
    assert source_address({"doi": "10.1000/xyz"}) == "https://doi.org/10.1000/xyz"
