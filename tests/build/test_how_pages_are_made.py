"""What every page says of how it is made, and what its structured data claims: pages are
written, translated and checked with AI tools, and no clinician has reviewed them, so no
page gives search engines a review date. The About page carries the feedback link itself."""

import json

import markdown
import pytest
from mkdocs.config import load_config

from support import CONFIG, ROOT, built_page, docs_pages
from weaning_breast_health.feedback_link import FEEDBACK_TARGET
from weaning_breast_health.templates import clinically_reviewed
from weaning_breast_health.ui_text import TEXT
from weaning_breast_health.vocabulary import TRANSLATIONS

ROUTE = "mailto:editors@example.org"


def test_a_feedback_link_in_the_text_goes_to_the_feedback_route():
    html = markdown.markdown(f"Please [write to us]({FEEDBACK_TARGET}) or [read more](about.md).",
                             extensions=["weaning_breast_health.feedback_link"],
                             extension_configs={"weaning_breast_health.feedback_link": {"url": ROUTE}})
    assert html == f'<p>Please <a href="{ROUTE}">write to us</a> or <a href="about.md">read more</a>.</p>'


def test_the_feedback_link_needs_a_real_route():
    with pytest.raises(ValueError, match="needs url: the feedback route"):
        markdown.markdown("x", extensions=["weaning_breast_health.feedback_link"])


@pytest.mark.parametrize("config", [CONFIG, ROOT / TRANSLATIONS["zh"].config])
def test_each_edition_sends_the_text_link_where_the_footer_link_goes(config, monkeypatch):
    for route in (None, "https://example.org/feedback"):
        if route:
            monkeypatch.setenv("FEEDBACK_URL", route)
        loaded = load_config(str(config))
        assert loaded.mdx_configs["weaning_breast_health.feedback_link"]["url"] \
            == loaded.extra["feedback_url"]


def test_the_about_pages_use_the_feedback_link():
    for name in ("about.md", "zh/about.md"):
        assert f"]({FEEDBACK_TARGET})" in docs_pages()[name].body_text, name


def test_only_a_recorded_clinical_review_counts_as_one():
    assert not clinically_reviewed({"reviewed_by": {"status": "clinical review pending"}})
    assert not clinically_reviewed({})
    assert clinically_reviewed({"reviewed_by": {"status": "clinically reviewed"}})


@pytest.mark.parametrize("name", ["mastitis.md", "zh/mastitis.md", "glossary.md", "about.md"])
def test_each_page_says_how_it_is_made_and_claims_no_review_date(built_site, name):
    soup = built_page(built_site, name)
    words = TEXT["zh" if name.startswith("zh/") else "en"]
    made = soup.select_one("footer.page-info .page-made")
    assert words["how_made"] in made.get_text() and words["not_reviewed"] in made.get_text()
    assert made.select_one("a")["href"].endswith("#how-we-make")
    for script in soup.select("script[type='application/ld+json']"):
        assert "lastReviewed" not in json.loads(script.string)


def test_the_about_page_links_to_the_feedback_route(built_site):
    route = load_config(str(CONFIG)).extra["feedback_url"]
    links = built_page(built_site, "about.md").select("#feedback ~ p a")
    assert route in [link["href"] for link in links]
