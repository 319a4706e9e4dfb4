"""The Chinese termbase (termbase.yml) as data: one rendering per term, no rendering that
another term forbids, and variants found where a reader would see them."""

import pytest

from weaning_breast_health.errors import UsageError
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


@pytest.mark.parametrize("text, message", [
    ("terms: [unclosed\n", ":2: not a termbase: expected ',' or ']', but got '<stream end>'"),
    ("- a list\n", ":1: not a termbase: expected a mapping"),
    ("terms:\n  - en: bra\n    use: 文胸\neveryday_first: []\n",
     ":2: not a termbase: 'avoid' must be a list of the variants to avoid"),
    ("terms: []\neveryday_first:\n  - everyday: 小便\n",
     ":3: not a termbase: each entry needs everyday and medical, as text"),
    ("terms: []\n", ":1: not a termbase: 'everyday_first' must be a list"),
], ids=["invalid-yaml", "not-a-mapping", "no-variants", "half-a-pair", "no-pairs"])
def test_a_broken_termbase_is_named_with_its_line(tmp_path, text, message):
    path = tmp_path / "termbase.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as error:
        load_termbase(path)
    assert str(error.value) == f"{path}{message}"
