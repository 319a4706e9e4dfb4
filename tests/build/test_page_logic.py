"""Page logic written once in Python and asked for by the templates and the benchmark."""

from types import SimpleNamespace

from bench_site import article_paths
from weaning_breast_health.pages import Page
from weaning_breast_health.templates import long_date, related_links


def mkdocs_page(src_uri: str, related: list | None = None) -> SimpleNamespace:
    """The parts of a MkDocs page the templates read."""
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta={"related": related or []})


def test_related_pages_are_found_relative_to_the_page_as_the_checker_finds_them():
    nav_pages = [mkdocs_page("sub/first.md", ["second.md", "../top.md", "missing.md"]),
                 mkdocs_page("sub/second.md"), mkdocs_page("top.md")]
    nav = SimpleNamespace(pages=nav_pages)
    assert related_links(nav_pages[0], nav) == [nav_pages[1], nav_pages[2]]


def test_a_date_that_is_not_a_date_renders_as_written_instead_of_failing():
    import datetime

    assert long_date(datetime.date(2026, 11, 1)) == "1 November 2026"
    assert long_date("01/12/2026") == "01/12/2026"


def test_the_benchmark_reads_articles_at_the_addresses_mkdocs_builds():
    pages = {name: Page(name, f"docs/{name}") for name in ("mastitis.md", "sub/index.md", "sub/b.md")}
    assert article_paths(pages) == ["mastitis/", "sub/", "sub/b/"]
