"""Each page is rendered at most once: the readability rules read the one render (the
catalogue renders nothing: its cards come from the trigger table), and a page whose text
is in the cache is not rendered at all."""

import datetime
from collections import Counter

import markdown

from support import CHECK_DATE, CONFIG, DOCS
from weaning_breast_health.checks import read_and_check_site
from weaning_breast_health.pages import render_fingerprint
from weaning_breast_health.publish.catalogue import catalogue
from weaning_breast_health.quality import readability
from weaning_breast_health.user_cache import cache_folder


def counted_renders(monkeypatch) -> Counter:
    rendered: Counter = Counter()
    convert = markdown.Markdown.convert

    def counting_convert(self, source):
        rendered[source] += 1
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counting_convert)
    return rendered


def empty_caches(folder, monkeypatch) -> None:
    monkeypatch.setattr(readability, "READER_BLOCKS", folder / "reader-text")


def test_the_checker_and_the_catalogue_render_each_page_once(tmp_path, monkeypatch):
    empty_caches(tmp_path, monkeypatch)
    rendered = counted_renders(monkeypatch)
    checked = read_and_check_site(DOCS, CONFIG, datetime.date.fromisoformat(CHECK_DATE))
    measured = [page for page in checked.pages.values() if page.is_article or page.is_translation]
    assert len(measured) > 40 and all(page.html is not None for page in measured)
    bodies = {page.body_text: rendered[page.body_text] for page in measured}
    assert set(bodies.values()) == {1}, [text[:60] for text, count in bodies.items() if count != 1]
    before = sum(rendered.values())
    published = catalogue(checked.pages, checked.settings)
    assert sum(rendered.values()) == before, "the catalogue rendered again"
    assert any(entry["care_cards"] for entry in published["articles"])


def test_an_unchanged_page_is_not_rendered_again(tmp_path, monkeypatch):
    empty_caches(tmp_path, monkeypatch)
    first = read_and_check_site(DOCS, CONFIG, datetime.date.fromisoformat(CHECK_DATE))
    published = catalogue(first.pages, first.settings)
    rendered = counted_renders(monkeypatch)
    again = read_and_check_site(DOCS, CONFIG, datetime.date.fromisoformat(CHECK_DATE))
    assert again.problems == first.problems
    assert catalogue(again.pages, again.settings) == published
    assert not any(rendered[page.body_text] for page in again.pages.values())


def test_the_catalogue_renders_nothing(tmp_path, monkeypatch):
    empty_caches(tmp_path, monkeypatch)
    checked = read_and_check_site(DOCS, CONFIG, datetime.date.fromisoformat(CHECK_DATE))
    rendered = counted_renders(monkeypatch)
    assert catalogue(checked.pages, checked.settings)["articles"]
    assert not rendered


def test_a_page_is_rendered_again_when_its_markdown_or_the_settings_change(tmp_path, monkeypatch):
    empty_caches(tmp_path, monkeypatch)
    checked = read_and_check_site(DOCS, CONFIG, datetime.date.fromisoformat(CHECK_DATE))
    page = checked.pages["mastitis.md"]
    fingerprint = render_fingerprint(checked.settings, page.language)
    converter = checked.settings.markdown(page.language)
    page.html = None  # rendered by the check: forget it
    rendered = counted_renders(monkeypatch)
    blocks = readability.page_blocks(page, converter, fingerprint)
    assert not rendered
    readability.page_blocks(page, converter, fingerprint + "another setting")
    page.html = None
    page.body_lines = [*page.body_lines, "", "One more sentence."]
    page.html = None
    assert readability.page_blocks(page, converter, fingerprint) == [*blocks, "One more sentence."]
    assert sum(rendered.values()) == 2


def test_the_users_cache_folder_follows_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder("grades") == tmp_path / "weaning-breast-health" / "grades"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder("grades") == tmp_path / "home" / ".cache" / "weaning-breast-health" / "grades"
