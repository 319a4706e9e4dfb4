"""Whatever an editor types, the checker answers with problems, never a crash."""

import datetime
import tempfile
from types import SimpleNamespace
from pathlib import Path

import jinja2
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from weaning_breast_health.checks import read_and_check_site
from weaning_breast_health.checks.front_matter import renderable_meta
from weaning_breast_health.pages import Problem
from weaning_breast_health.settings import load_site_settings
from weaning_breast_health.vocabulary import KNOWN_KEYS
from weaning_breast_health.templates import edition_filters, edition_text
from support import CHECK_DATE, CONFIG, ROOT

SETTINGS = load_site_settings(CONFIG)
TODAY = datetime.date.fromisoformat(CHECK_DATE)

MARKDOWN_PIECES = st.sampled_from([
    "---", "...", "# Title", "## Key facts {#key-facts}", "## Heading", "### {#}", "#",
    "!!! urgent \"Ask for help if:\"", "!!! emergency", "??? note", "    - trigger",
    "    text", "- bullet", "```", "~~~~", "    ```", "[link](other.md#anchor)",
    "[x](<a b.md>)", "[ref]: ../up.md", "<https://example.org>", "[](){#alias}",
    "<a href=\"javascript:x\" onclick=\"y\">", "<script>", "`[code](x.md)`", "===", "",
    "title: x", "also_called: [a, b", "sources:\n  - {title: t, url: ftp://x}",
    "next_review: 2020-02-30", "related: [x.md, 3]", "page_type: [list]", "\ufeff", "\t- tab",
])
LINE = st.one_of(MARKDOWN_PIECES, st.text(max_size=40))
PAGE = st.lists(LINE, max_size=30).map("\n".join)
SCALAR = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
          | st.text(max_size=20) | st.dates() | st.datetimes())
VALUE = st.recursive(SCALAR, lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)
FRONT_MATTER = st.dictionaries(st.sampled_from(sorted(KNOWN_KEYS) + ["unknown", "1"]), VALUE,
                               max_size=8)
# Values written as an editor types them, YAML text and all: dates in every form, dates
# that do not exist, quoted dates, numbers as text, mappings where lists belong.
DATE_TEXT = st.one_of(
    st.dates().map(str), st.dates().map(lambda day: f'"{day}"'),
    st.dates().map(lambda day: f"{day:%d/%m/%Y}"), st.dates().map(lambda day: f"{day.day} {day:%B %Y}"),
    st.datetimes().map(lambda moment: f"{moment:%Y-%m-%d %H:%M:%S}"),
    st.tuples(st.integers(0, 9999), st.integers(1, 12), st.integers(29, 31)).map(
        lambda parts: "%04d-%02d-%02d" % parts),
    st.integers(0, 99999).map(str))
YAML_TEXT = st.one_of(
    DATE_TEXT, st.sampled_from(["42", '"42"', "3.5", "true", "null", "~", "''", "[]", "{}",
                                "[a, 1, 2026-02-30]", "{a: b}", "{exclude: yes}", "- x"]),
    st.text(alphabet="abc :-[]{}\"'#&*!|>%@", max_size=12))
SOURCE_TEXT = st.lists(st.tuples(st.sampled_from(["title", "publisher", "year", "accessed", "url",
                                                 "doi", "other"]), YAML_TEXT), max_size=5).map(
    lambda fields: "\n  - " + ("\n    ".join(f"{key}: {value}" for key, value in fields) or "x"))
ENTRY_TEXT = st.one_of(YAML_TEXT, st.lists(YAML_TEXT, max_size=3).map(
    lambda items: "".join(f"\n  - {item}" for item in items)), SOURCE_TEXT,
    st.lists(st.tuples(st.sampled_from(["role", "status", "exclude", "x"]), YAML_TEXT), max_size=3)
    .map(lambda fields: "".join(f"\n  {key}: {value}" for key, value in fields)))
FRONT_MATTER_TEXT = st.dictionaries(st.sampled_from(sorted(KNOWN_KEYS)), ENTRY_TEXT, max_size=11).map(
    lambda entries: "".join(f"{key}: {value}\n" for key, value in entries.items()))

TEMPLATES = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"),
                               undefined=jinja2.Undefined)  # as MkDocs renders
TEMPLATES.filters.update(edition_filters("en"), url=str)
TEMPLATES.globals["text"] = edition_text("en")


def render_page_info(meta: dict) -> str:
    """overrides/partials/page-info.html for a page with this front matter."""
    file = SimpleNamespace(src_uri="page.md")
    page = SimpleNamespace(meta=meta, file=file, url="page/", canonical_url="https://x.example/page/",
                           title="Page")
    return TEMPLATES.get_template("partials/page-info.html").render(
        page=page, nav=SimpleNamespace(pages=[page]),
        config=SimpleNamespace(extra={"feedback_url": "mailto:feedback@x.example"}))


def check_files(files: dict[str, bytes]) -> list[Problem]:
    with tempfile.TemporaryDirectory() as folder:
        docs = Path(folder)
        for name, data in files.items():
            (docs / name).write_bytes(data)
        return read_and_check_site(docs, SETTINGS, TODAY).problems


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PAGE, min_size=1, max_size=3))
def test_random_markdown_never_crashes_the_checker(pages):
    files = {f"page{index}.md": text.encode("utf-8", "surrogatepass") for index, text in enumerate(pages)}
    for problem in check_files(files):
        assert isinstance(problem, Problem) and problem.line >= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FRONT_MATTER, PAGE)
def test_random_front_matter_never_crashes_the_checker(front_matter, body):
    text = "---\n" + yaml.safe_dump(front_matter, allow_unicode=True) + "---\n" + body
    for problem in check_files({"page.md": text.encode("utf-8", "surrogatepass")}):
        assert isinstance(problem, Problem) and problem.line >= 1


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_crash_the_checker(data):
    for problem in check_files({"page.md": data}):
        assert problem.code


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FRONT_MATTER_TEXT, PAGE)
def test_front_matter_as_editors_type_it_never_crashes_the_checker_or_the_templates(front_matter, body):
    text = "---\n" + front_matter + "---\n" + body
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "page.md").write_text(text, encoding="utf-8", errors="surrogatepass")
        checked = read_and_check_site(Path(folder), SETTINGS, TODAY)
    for problem in checked.problems:
        assert isinstance(problem, Problem) and problem.line >= 1
    # What the templates get: every value with the type its key needs, so none can crash.
    render_page_info(renderable_meta(checked.pages["page.md"]))
