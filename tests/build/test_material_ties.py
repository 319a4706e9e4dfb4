"""Where the site leans on Material's internals, a Material upgrade that moves them fails
here first: the forked search partial, and the name of Material's script."""

import re
from pathlib import Path

import material

from weaning_breast_health.templates import material_bundle
from support import ROOT, built_page

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)
# Each change our copy makes, as (Material's text, ours); the comment at the top of
# overrides/partials/search.html says why.
SEARCH_PARTIAL_CHANGES = [
    ('<div class="md-search" data-md-component="search" role="dialog">',
     '<div class="md-search" data-md-component="search" role="dialog" '
     'aria-label="{{ lang.t(\'search\') }}">'),
    ('<a href="javascript:void(0)" class="md-search__icon md-icon" '
     'title="{{ lang.t(\'search.share\') }}"',
     '<a href="?q=" class="md-search__icon md-icon" title="{{ lang.t(\'search.share\') }}"'),
]


def test_the_search_partial_is_materials_with_only_the_documented_changes():
    theirs = LEADING_COMMENT.sub("", (MATERIAL_TEMPLATES / "partials" / "search.html").read_text())
    ours = LEADING_COMMENT.sub("", (ROOT / "overrides" / "partials" / "search.html").read_text())
    for original, changed in SEARCH_PARTIAL_CHANGES:
        assert theirs.count(original) == 1, f"Material's partial no longer has: {original}"
        theirs = theirs.replace(original, changed)
    assert ours == theirs, "re-copy Material's partials/search.html and apply the changes"


def test_pages_load_the_script_of_the_installed_material(built_site):
    script = built_page(built_site, "mastitis.md").select_one("script[data-bundle]")
    assert script["data-bundle"].endswith(material_bundle())
    assert (built_site / material_bundle()).is_file()


def test_the_fallback_bundle_name_for_builders_without_hooks_is_current():
    template = (ROOT / "overrides" / "main.html").read_text()
    assert f"or '{material_bundle()}'" in template, "update the fallback name in main.html"
