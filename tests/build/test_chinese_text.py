"""The Chinese pages as a reader sees them: no gap between two Chinese sentences (a line
break in the source renders as a space, so the build joins Chinese lines), and the
translation notice and the footer's check record wholly in Chinese."""

import re

import pytest
from bs4 import NavigableString, Tag

from support import parsed_html
from weaning_breast_health.cjk_line_breaks import join_chinese_lines

HAN = "\u3400-\u9fff"
SPACE_BETWEEN_SENTENCES = re.compile(rf"[。！？；]\s+[“（]?[{HAN}]")
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "div",
          "ul", "ol", "table", "tr", "figcaption", "summary", "details", "blockquote",
          "section", "footer", "header", "nav", "main", "article", "aside", "form", "label"}
SKIPPED = {"script", "style", "pre", "code", "svg"}
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def inline_runs(element: Tag) -> list[str]:
    """The text a browser lays out as one run: inline content between block boundaries."""
    runs, current = [], []
    for child in element.children:
        if isinstance(child, NavigableString):
            current.append(str(child))
        elif child.name in SKIPPED:
            current.append("x")  # code or a script is not a Chinese sentence
        elif child.name in BLOCKS:
            runs.append("".join(current))
            current = []
            runs.extend(inline_runs(child))
        else:
            inner = inline_runs(child)
            current.append(inner[0] if len(inner) == 1 else " ".join(inner))
    runs.append("".join(current))
    return runs


def chinese_pages(site):
    return sorted((site / "zh").rglob("index.html"))


@pytest.mark.parametrize("html, expected", [
    ("<p>这就是回奶。\n本页讲方法。\n也讲<strong>何时</strong>\n就医。</p>",
     "<p>这就是回奶。本页讲方法。也讲<strong>何时</strong>就医。</p>"),
    ("<p>持续\n12 个月。\nGP\n（全科医生）说的“残奶”\n是误区。</p>",
     "<p>持续\n12 个月。GP（全科医生）说的“残奶”是误区。</p>"),
    ("<p>An English line\ngoes on.</p>\n<p>中文段落。</p>", "<p>An English line\ngoes on.</p>\n<p>中文段落。</p>"),
    ("<pre><code>代码。\n代码。</code></pre>", "<pre><code>代码。\n代码。</code></pre>"),
], ids=["sentences-and-inline-markup", "numbers-keep-their-space", "english-and-blocks", "code"])
def test_a_line_break_inside_chinese_text_is_joined(html, expected):
    assert join_chinese_lines(html) == expected


def test_no_built_chinese_page_has_a_space_between_two_chinese_sentences(built_site):
    found = []
    for page in chinese_pages(built_site):
        body = parsed_html(page).body
        for run in inline_runs(body):
            found += [f"{page.relative_to(built_site)}: “{match[0]}”"
                      for match in SPACE_BETWEEN_SENTENCES.finditer(run)]
    assert found == []


def test_the_translation_notice_and_the_check_record_are_in_chinese(built_site):
    english = []
    for page in chinese_pages(built_site):
        html = parsed_html(page)
        for selector in (".translation-notice", ".page-review", ".translation-record"):
            for element in html.select(selector):
                for title in element.select('[lang="en"]'):
                    title.decompose()  # the English page's own title, linked
                english += [f"{page.relative_to(built_site)} {selector}: {word}"
                            for word in LATIN_WORD.findall(element.get_text())]
    assert english == []
