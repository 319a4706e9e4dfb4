"""The README's article templates, English and Chinese, pass the checker as written, in
the real docs, following the README's steps."""

import datetime
import re
import shutil

from weaning_breast_health.checks import read_and_check_site
from weaning_breast_health.checks.translations import record_translation
from support import CHECK_DATE, CONFIG, DOCS, ROOT

TODAY = datetime.date.fromisoformat(CHECK_DATE)


def template_after(readme: str, heading: str, language: str = "markdown") -> str:
    """The first block of a language (markdown, yaml) after a README heading."""
    return re.search(rf"```{language}\n(.*?)```", readme[readme.index(heading):],
                     re.DOTALL).group(1)


def test_the_readme_article_templates_pass_the_checker(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    (docs / "new-article.md").write_text(template_after(readme, "## How to add an article"),
                                         encoding="utf-8")
    (docs / "new-article.evidence.yml").write_text(
        template_after(readme, "## How to add an article", "yaml"), encoding="utf-8")
    (docs / "zh" / "new-article.md").write_text(
        template_after(readme, "## The Chinese edition"), encoding="utf-8")
    chinese = readme[readme.index("## The Chinese edition"):]
    (docs / "zh" / "new-article.evidence.yml").write_text(
        template_after(chinese, "and its evidence file", "yaml"), encoding="utf-8")
    for home in (docs / "index.md", docs / "zh" / "index.md"):  # step 3: link to it
        with home.open("a", encoding="utf-8") as file:
            file.write("\n[The new article](new-article.md)\n")
    for translated in ("index.md", "new-article.md"):  # step 7: record the translations
        record_translation(docs, docs / "zh" / translated, TODAY)
    checked = read_and_check_site(docs, CONFIG, TODAY, "docs")
    assert [str(problem) for problem in checked.problems] == []
