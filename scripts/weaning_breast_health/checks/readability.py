"""Readability rules, measured on the text a reader reads (quality/readability.py):
READ001, every English article reads at Flesch-Kincaid grade GRADE_LIMIT or below;
READ002, every Chinese page keeps its sentences short, counted in characters."""

from __future__ import annotations

import re
from collections.abc import Iterator

import markdown

from ..pages import Page, Problem
from ..quality.readability import (GRADE_LIMIT, article_grade, chinese_sentences,
                                   sentence_figures, sentence_length)
from ..vocabulary import MAX_SENTENCE_CHARACTERS, MEDIAN_SENTENCE_CHARACTERS

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[\w'’-]+")
LONGEST_SHOWN = 3
QUOTED_WORDS = 8


def check_readability(page: Page, converter: markdown.Markdown,
                      fingerprint: str) -> Iterator[Problem]:
    """An article above the grade limit, with its longest sentences and their lines. The
    converter renders the page unless its text is cached by fingerprint
    (quality.readability.render_fingerprint)."""
    if page.is_translation:
        yield from _check_chinese(page, converter, fingerprint)
        return
    if not page.is_article:
        return
    grade, text = article_grade(page, converter, fingerprint)
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


def _check_chinese(page: Page, converter: markdown.Markdown,
                   fingerprint: str) -> Iterator[Problem]:
    """A Chinese page with a sentence over the limit (each named, with its line), or whose
    median sentence is too long."""
    sentences = chinese_sentences(page, converter, fingerprint)
    longest, median = sentence_figures(sentences)
    for sentence in sentences:
        if sentence_length(sentence) > MAX_SENTENCE_CHARACTERS:
            yield page.problem(_line_of(page, sentence), "READ002", f"sentence of "
                               f"{sentence_length(sentence)} characters, over "
                               f"{MAX_SENTENCE_CHARACTERS}: split it: “{sentence[:20]}……”")
    if median >= MEDIAN_SENTENCE_CHARACTERS:
        yield page.problem(1, "READ002", f"median sentence is {median:g} characters; keep it "
                           f"under {MEDIAN_SENTENCE_CHARACTERS} (longest {longest})")


def _line_of(page: Page, sentence: str) -> int:
    """The line where a sentence starts, found by its first characters; else line 1."""
    probe = "".join(sentence.split())[:8]
    return next((page.body_start + index for index, text in enumerate(page.prose_lines)
                 if probe in "".join(text.split())), 1)
