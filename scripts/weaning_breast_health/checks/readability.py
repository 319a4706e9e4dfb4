"""Readability rule (READ001): every article reads at Flesch-Kincaid grade GRADE_LIMIT or
below, measured on the text a reader reads (quality/readability.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import markdown

from ..pages import Page, Problem
from ..quality.readability import GRADE_LIMIT, article_grade

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[\w'’-]+")
LONGEST_SHOWN = 3
QUOTED_WORDS = 8


def check_readability(page: Page, converter: markdown.Markdown) -> Iterator[Problem]:
    """An article above the grade limit, with its longest sentences and their lines."""
    if not page.is_article:
        return
    grade, text = article_grade(page, converter)
    if grade <= GRADE_LIMIT:
        return
    sentences = sorted(SENTENCE_END.split(text), key=lambda sentence: -len(WORD.findall(sentence)))
    longest = "; ".join(_describe(page, sentence) for sentence in sentences[:LONGEST_SHOWN])
    yield page.problem(1, "READ001", f"Flesch-Kincaid grade {grade:.1f}, above {GRADE_LIMIT:.0f}: "
                       f"shorten the longest sentences: {longest}")


def _describe(page: Page, sentence: str) -> str:
    """'line 40: "The first words ..." (31 words)', the line found by the first words."""
    words = sentence.split()
    opening = " ".join(words[:QUOTED_WORDS]) + (" ..." if len(words) > QUOTED_WORDS else "")
    probe = " ".join(words[:3])
    line = next((page.body_start + index for index, text in enumerate(page.prose_lines)
                 if probe in " ".join(text.split())), None)
    where = f"line {line}: " if line else ""
    return f'{where}"{opening}" ({len(WORD.findall(sentence))} words)'
