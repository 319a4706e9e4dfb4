"""The articles: readable by a tired parent, covering every seed topic, correcting every myth."""

import re
import statistics
from pathlib import Path

import pytest
import yaml

from weaning_breast_health.checks.review_ledger import LEDGER_NAME, read_ledger
from weaning_breast_health.quality import readability
from support import CONFIG, DOCS, ROOT, docs_pages

CONTENT = Path(__file__).parent
SEEDS = ROOT.parent / "shared" / "seeds"
SEED_COVERAGE = yaml.safe_load((CONTENT / "seed_coverage.yml").read_text())
MYTHS = yaml.safe_load((CONTENT / "myths.yml").read_text())
# A sentence that denies or reports a claim ("you may read that...") is not advice.
NEGATION = re.compile(r"\b(not|no|don't|never|myth|isn't|aren't|without|you may read|some people say)\b",
                      re.IGNORECASE)

MYTH_IDS = [claim["myth"] + "-" + claim["seed"] for claim in MYTHS]

PAGES = docs_pages()
ARTICLES = [page for page in PAGES.values() if page.is_article and not page.is_translation]
TRANSLATIONS = [page for page in PAGES.values() if page.is_translation]
# Each page's sentences, outside the myth headings that quote the claims.
SENTENCES = {page.rel_path: re.split(r"(?<=[.!?])\s+|\n\s*\n", "\n".join(
    line for line in page.body_lines if not line.startswith("### Myth:"))) for page in PAGES.values()}


def test_every_article_reads_at_grade_8_or_below_with_a_median_of_7_or_below():
    grades = readability.article_grades(DOCS, CONFIG)
    report = "\n".join(f"{grade:5.1f}  {name}" for name, grade in grades.items())
    print("\nFlesch-Kincaid grade per article\n" + report)
    assert len(grades) == len(ARTICLES)
    assert all(grade <= readability.GRADE_LIMIT for grade in grades.values()), report
    assert statistics.median(grades.values()) <= readability.MEDIAN_LIMIT, report


def test_every_chinese_page_keeps_its_sentences_short():
    figures = readability.translated_figures(DOCS, CONFIG)
    report = "\n".join(f"{longest:4d} {median:5.1f}  {name}" for name, (longest, median) in figures.items())
    print("\nLongest and median sentence, in characters, per Chinese page\n" + report)
    assert len(figures) == len(TRANSLATIONS) == len(PAGES) - len(TRANSLATIONS)
    assert all(longest <= readability.MAX_SENTENCE_CHARACTERS for longest, _ in figures.values()), report
    assert all(median < readability.MEDIAN_SENTENCE_CHARACTERS for _, median in figures.values()), report


def test_the_site_covers_every_seed_article():
    """seed_coverage.yml maps every seed in ../shared/seeds (beside the clone, as in CI)
    to the sections that answer its questions."""
    assert SEEDS.is_dir(), f"the seed articles are not at {SEEDS}: clone beside shared/"
    assert sorted(SEED_COVERAGE) == sorted(path.name for path in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("seed", sorted(SEED_COVERAGE))
def test_every_question_a_seed_raises_is_answered_by_a_section(seed):
    unanswered = []
    for question, target in SEED_COVERAGE[seed]["questions"].items():
        page_name, _, anchor = target.partition("#")
        page = PAGES.get(page_name)
        if page is None or anchor not in page.anchors:
            unanswered.append(f"{question} -> {target}")
    assert unanswered == []


@pytest.mark.parametrize("claim", MYTHS, ids=MYTH_IDS)
def test_every_contradicted_or_traditional_claim_is_corrected_on_the_myths_page(claim):
    myths = PAGES["myths.md"]
    headings = {heading.explicit_id: heading for heading in myths.headings}
    assert claim["grade"] in ("C", "T")
    heading = headings.get(claim["myth"])
    assert heading is not None, f"myths.md has no section {{#{claim['myth']}}}"
    assert heading.source.startswith("### Myth:")
    section = myths.body_lines[heading.line - myths.body_start + 1:]
    next_heading = next((index for index, line in enumerate(section) if line.startswith("#")), len(section))
    assert "Fact" in "\n".join(section[:next_heading])


@pytest.mark.parametrize("claim", MYTHS, ids=MYTH_IDS)
def test_no_page_repeats_a_contradicted_claim_as_advice(claim):
    patterns = [re.compile(pattern, re.IGNORECASE) for pattern in claim["never_advised"]]
    advice = []
    for rel_path, sentences in SENTENCES.items():
        for sentence in sentences:
            if any(pattern.search(sentence) for pattern in patterns) and not NEGATION.search(sentence):
                advice.append(f"{rel_path}: {' '.join(sentence.split())}")
    assert advice == []


def test_review_metadata_is_honest_no_page_claims_a_clinical_review_yet():
    # Nobody has clinically reviewed these pages. Change this only when a review happens.
    statuses = {page.rel_path: page.meta.get("reviewed_by", {}).get("status") for page in ARTICLES}
    assert set(statuses.values()) == {"clinical review pending"}, statuses
    # Nor has anyone reviewed a translation; the translator is a role, never a person.
    records = [page.meta["translation"] for page in TRANSLATIONS]
    assert {record["review"] for record in records} == {"pending"}
    assert {record["translator"] for record in records} == {"本站编辑团队（人工智能辅助翻译，非专业译者）"}


def test_every_article_names_the_services_readers_can_reach():
    for page in ARTICLES:
        assert re.search(r"midwife|health visitor|GP|doctor", page.body_text), page.rel_path
    for page in TRANSLATIONS:
        if page.is_article:
            assert re.search(r"医生|医院|门诊|社区卫生服务中心", page.body_text), page.rel_path


def test_every_article_has_a_recorded_check_in_the_review_ledger():
    """The ledger is what makes the footer's date true; without it REV001-REV004 would
    have nothing to check."""
    ledger = read_ledger(ROOT / LEDGER_NAME)
    articles = {page.rel_path for page in ARTICLES}
    assert sorted(articles - set(ledger.entries)) == []
