"""Each article's Flesch-Kincaid grade: `python -m weaning_breast_health.quality.readability [DOCS_DIR]`.

The text measured is what a reader reads: the rendered body, without front matter,
code, or the sources list (which lives in front matter). Each paragraph, list item,
heading and table cell counts as at least one sentence. Exit 1 when an article is
above GRADE_LIMIT or the median is above MEDIAN_LIMIT.
"""

import statistics
import sys
from pathlib import Path

import markdown
import textstat
from bs4 import BeautifulSoup

from ..pages import Page, read_page
from ..settings import load_site_settings

GRADE_LIMIT = 8.0
MEDIAN_LIMIT = 7.0
BLOCKS = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd"]
BREAK = "\u2042"


def reader_text(html: str) -> str:
    """The words a reader reads in rendered HTML, one sentence end per block at least."""
    soup = BeautifulSoup(html, "html.parser")
    for code in soup.find_all(["pre", "code", "script", "style"]):
        code.decompose()
    for hidden in soup.select(".visually-hidden, .headerlink"):
        hidden.decompose()
    for block in soup.find_all(BLOCKS):
        block.insert(0, BREAK)
        block.append(BREAK)
    sentences = []
    for chunk in soup.get_text(" ").split(BREAK):
        chunk = " ".join(chunk.split())
        if chunk:
            sentences.append(chunk if chunk[-1] in ".!?" else chunk + ".")
    return " ".join(sentences)


def article_grade(page: Page, converter: markdown.Markdown) -> tuple[float, str]:
    """A page's Flesch-Kincaid grade, and the text it was measured on."""
    converter.reset()
    text = reader_text(converter.convert(page.body_text))
    return textstat.flesch_kincaid_grade(text), text


def article_grades(docs_dir: Path, config_path: Path) -> dict[str, float]:
    """Flesch-Kincaid grade of every article page, keyed by its path in docs_dir."""
    converter = load_site_settings(config_path).markdown()
    pages = (read_page(docs_dir, path) for path in sorted(docs_dir.rglob("*.md")))
    return {page.rel_path: article_grade(page, converter)[0] for page in pages if page.is_article}


def main() -> int:
    docs_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    grades = article_grades(docs_dir, Path("mkdocs.yml"))
    for rel_path, grade in grades.items():
        flag = "  <-- above %.0f" % GRADE_LIMIT if grade > GRADE_LIMIT else ""
        print(f"{grade:5.1f}  {rel_path}{flag}")
    median = statistics.median(grades.values()) if grades else 0.0
    print(f"{median:5.1f}  median (limit {MEDIAN_LIMIT:.0f})")
    too_hard = any(grade > GRADE_LIMIT for grade in grades.values())
    return 1 if too_hard or median > MEDIAN_LIMIT else 0


if __name__ == "__main__":
    sys.exit(main())
