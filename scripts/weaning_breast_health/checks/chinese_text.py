"""Chinese text rules, on translated pages: TERM001, each key term in its one rendering
(termbase.yml); TYPO001, Chinese punctuation and no space between Chinese sentences.

Care cards are left to the care card rules: their wording comes from the trigger table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..pages import Page, Problem
from ..termbase import variants_in

HAN = r"[\u3400-\u9fff]"
LINK_TARGET = re.compile(r"\]\([^)]*\)")
# (pattern, what to write instead) for the punctuation a Chinese sentence must not use.
PUNCTUATION = [
    (re.compile(rf"(?<={HAN})[,;:!?]|[,;:!?](?={HAN})"), "a full-width mark: ，；：！？"),
    (re.compile(rf"(?<={HAN})\((?!\s*[a-zA-Z])|(?<![a-zA-Z\d.])\)(?={HAN})"), "full-width brackets: （）"),
    (re.compile(rf"(?<={HAN})\"|\"(?={HAN})"), "curly quotes: “”"),
    (re.compile(r"[「」『』]"), "mainland quotes: “” (and ‘’ inside them)"),
    (re.compile(rf"(?<={HAN})\.(?=\s|$)"), "a full stop: 。"),
]
SPACE_BETWEEN_SENTENCES = re.compile(rf"[。！？；](?:\*\*|\*)?( +)(?=[“（]?{HAN})")


def check_chinese_text(page: Page) -> Iterator[Problem]:
    """Every variant of a key term, and every wrong punctuation mark or space, by line."""
    if not page.is_translation:
        return
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            yield from _terms(page, page.key_line(key), page.meta[key])
    card_lines = {line for card in page.cards
                  for line in [card.line, *(number for number, _ in card.body)]}
    for index, text in enumerate(page.prose_lines):
        line = page.body_start + index
        if line in card_lines:
            continue
        yield from _terms(page, line, text)
        yield from _typography(page, line, LINK_TARGET.sub("]", text))


def _terms(page: Page, line: int, text: str) -> Iterator[Problem]:
    for found in variants_in(text):
        yield page.problem(line, "TERM001", f"“{found.variant}”: write “{found.term.use}” "
                           f"({found.term.en}), as the termbase says")


def _typography(page: Page, line: int, text: str) -> Iterator[Problem]:
    for pattern, instead in PUNCTUATION:
        for match in pattern.finditer(text):
            yield page.problem(line, "TYPO001", f"“{match[0]}” in Chinese text: use {instead}")
    for match in SPACE_BETWEEN_SENTENCES.finditer(text):
        yield page.problem(line, "TYPO001", f"space after “{text[match.start()]}”: "
                           "Chinese sentences follow each other without a space")
