"""Each page is rendered once: the readability rules and the catalogue share the render."""

import datetime
from collections import Counter

import markdown

from support import CHECK_DATE, CONFIG, DOCS
from weaning_breast_health.checks import read_and_check_site
from weaning_breast_health.publish.catalogue import catalogue
from weaning_breast_health.user_cache import cache_folder


def test_the_checker_and_the_catalogue_render_each_page_once(monkeypatch):
    rendered: Counter = Counter()
    convert = markdown.Markdown.convert

    def counting_convert(self, source):
        rendered[source] += 1
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counting_convert)
    checked = read_and_check_site(DOCS, CONFIG, datetime.date.fromisoformat(CHECK_DATE))
    measured = [page for page in checked.pages.values() if page.is_article or page.is_translation]
    assert len(measured) > 40 and all(page.html is not None for page in measured)
    bodies = Counter({page.body_text: rendered[page.body_text] for page in measured})
    assert set(bodies.values()) == {1}, [text[:60] for text, count in bodies.items() if count != 1]
    before = sum(rendered.values())
    published = catalogue(checked.pages, checked.settings)
    assert sum(rendered.values()) == before, "the catalogue rendered again"
    assert any(entry["care_cards"] for entry in published["articles"])


def test_the_users_cache_folder_follows_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder("grades") == tmp_path / "weaning-breast-health" / "grades"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder("grades") == tmp_path / "home" / ".cache" / "weaning-breast-health" / "grades"
