"""The README's article template passes the checker as written, in the real docs."""

import datetime
import re
import shutil

from weaning_breast_health.checks import read_and_check_site
from support import CHECK_DATE, CONFIG, DOCS, ROOT


def test_the_readme_article_template_passes_the_checker(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    steps = readme[readme.index("## How to add an article"):]
    template = re.search(r"```markdown\n(.*?)```", steps, re.DOTALL).group(1)
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    (docs / "new-article.md").write_text(template, encoding="utf-8")
    with (docs / "index.md").open("a", encoding="utf-8") as home:  # step 3: link to it
        home.write("\n[The new article](new-article.md)\n")
    checked = read_and_check_site(docs, CONFIG, datetime.date.fromisoformat(CHECK_DATE), "docs")
    assert [str(problem) for problem in checked.problems] == []
