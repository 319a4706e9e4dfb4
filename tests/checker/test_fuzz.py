"""Whatever an editor types, the checker answers with problems, never a crash."""

import datetime
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from weaning_breast_health.checks import read_and_check_site
from weaning_breast_health.pages import Problem
from weaning_breast_health.settings import load_site_settings
from weaning_breast_health.vocabulary import KNOWN_KEYS
from support import CHECK_DATE, CONFIG

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
FRONT_MATTER = st.dictionaries(
    st.sampled_from(sorted(KNOWN_KEYS) + ["unknown", "1"]),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.dates(),
                 lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                 max_leaves=8),
    max_size=8)


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
