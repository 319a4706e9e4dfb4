"""The Chinese termbase (termbase.yml) as data: one rendering per term, no rendering that
another term forbids, and variants found where a reader would see them."""

from weaning_breast_health.termbase import Term, load_termbase, variants_in


def test_every_term_has_a_rendering_and_variants_that_differ_from_it():
    terms = load_termbase()
    problems = [term.en for term in terms
                if not term.use or not term.avoid or term.use in term.avoid]
    assert problems == []
    assert len({term.en for term in terms}) == len(terms)


def test_no_term_uses_a_variant_another_term_forbids():
    terms = load_termbase()
    clashes = [(term.en, found.variant) for term in terms for found in variants_in(term.use, terms)]
    assert clashes == []


def test_everyday_pairs_ask_for_the_everyday_word_first():
    found = list(variants_in("一整天都没有排尿（小便）。"))
    assert [(hit.column, hit.variant, hit.term.use) for hit in found] == [(6, "排尿（小便）", "小便（排尿）")]
    assert list(variants_in("一整天都没有小便（排尿）。")) == []


def test_a_variant_inside_the_term_to_use_is_not_reported():
    terms = (Term("example", "甲乙丙", ("乙",)),)
    assert list(variants_in("甲乙丙", terms)) == []
    assert [hit.column for hit in variants_in("乙，甲乙丙，乙", terms)] == [0, 6]
