"""The articles: readable by a tired parent, covering every seed topic, correcting every myth."""

import re
import statistics
from pathlib import Path

import pytest
import yaml

from weaning_breast_health.checks.review_ledger import LEDGER_NAME, read_ledger
from weaning_breast_health.quality import readability
from weaning_breast_health.triggers import site_table
from weaning_breast_health.vocabulary import CARE_CARD_TYPES
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


# When to get help: every card built from the trigger table --------------------------------

def card_outline(page) -> list[tuple[str, list[str]]]:
    return [(card.kind, site_table().card_ids(card)) for card in page.cards
            if card.kind in CARE_CARD_TYPES]


@pytest.mark.parametrize("name", ["when-to-get-help.md", "zh/when-to-get-help.md"])
def test_when_to_get_help_shows_every_trigger_grouped_by_level(name):
    shown = card_outline(PAGES[name])
    assert shown == [(level, [trigger.id for trigger in site_table().at_level(level)])
                     for level in ("emergency", "urgent", "non-urgent")]


def test_every_card_in_both_languages_names_only_triggers_from_the_table_at_their_level():
    hand_written = [(page.rel_path, kind, trigger_id) for page in PAGES.values()
                    for kind, ids in card_outline(page) for trigger_id in ids
                    if getattr(site_table().triggers.get(trigger_id), "level", None) != kind]
    assert hand_written == []
    assert all(card_outline(page) == card_outline(page.source) for page in TRANSLATIONS)


@pytest.mark.parametrize("name, trigger_ids", [
    ("pregnancy-and-breastfeeding.md", ["baby-movements", "pregnancy-waters", "pregnancy-fever"]),
    ("milk-after-loss.md", ["self-harm-might-act", "postnatal-heavy-bleeding",
                            "postnatal-clot-signs", "severe-headache-or-vision"]),
    ("feelings-after-weaning.md", ["postpartum-psychosis"]),
    ("weaning-your-baby.md", ["baby-dehydration", "baby-very-unwell"]),
    ("breast-changes.md", ["mastitis-not-better", "fever-flu"]),
    ("weaning-from-pumping.md", ["new-lump", "feeding-lump-not-gone"]),
    ("drying-up-milk.md", ["milky-with-symptoms"]),
    ("breast-and-nipple-pain.md", ["cracked-nipples", "nipple-rash"]),
    ("mastitis.md", ["mastitis-not-breastfeeding"]),
    ("breast-care.md", ["new-lump"]),
    ("granulomatous-mastitis.md", ["new-lump"]),
])
def test_the_december_reviews_card_findings_are_on_their_pages(name, trigger_ids):
    shown = {trigger_id for _, ids in card_outline(PAGES[name]) for trigger_id in ids}
    assert set(trigger_ids) <= shown
