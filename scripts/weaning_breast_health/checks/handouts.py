"""Handout rule (HND): an article's key facts and care cards fit its one-page handout.

The handout (publish/handouts.py) prints the title, key facts and care cards on one
sheet of A4 or Letter. This rule estimates, from the Markdown, how many lines of print
they take (vocabulary.HANDOUT_LAYOUT, measured on the real handouts; the print tests
check every handout against it), and names the first line that no longer fits.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator

from ..pages import Page, Problem
from ..pages.syntax import BULLET
from ..vocabulary import CARE_CARD_TYPES, HANDOUT_LAYOUT, HandoutLayout

MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]|\{[^}]*\}")


def printed_width(markdown: str) -> int:
    """The width of a line of Markdown as printed, in characters: links as their text,
    no emphasis marks; a wide (CJK) character counts as two."""
    text = MARKUP.sub(lambda match: match.group(1) or "", markdown).strip()
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def lines(markdown: str, width: int) -> int:
    return max(1, math.ceil(printed_width(markdown) / width))


def bullets(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The bullets of a list, each with its first line's number and its continuation
    lines joined."""
    found: list[tuple[int, str]] = []
    for number, text in numbered:
        if BULLET.match(text.strip()):
            found.append((number, text.strip()[1:].strip()))
        elif found and text.strip():
            found[-1] = (found[-1][0], f"{found[-1][1]} {text.strip()}")
    return found


def key_facts(page: Page) -> list[tuple[int, str]]:
    """The key facts' bullets with their lines (the section up to the next ## heading)."""
    sections = [heading.line for heading, id_ in zip(page.headings, page.heading_ids)
                if heading.level == 2]
    start = next((heading.line for heading, id_ in zip(page.headings, page.heading_ids)
                  if heading.level == 2 and id_ == "key-facts"), None)
    if start is None:
        return []
    end = min([line for line in sections if line > start],
              default=page.body_start + len(page.body_lines))
    numbered = [(number, page.body_lines[number - page.body_start])
                for number in range(start + 1, end)]
    return bullets([(number, text) for number, text in numbered if not text.startswith(" ")])


def handout_items(page: Page, layout: HandoutLayout) -> Iterator[tuple[int, float]]:
    """Each piece of the handout that grows with the page, in printed order, with its
    line in the page and the lines of one sheet it takes (cards fill two columns)."""
    for line, fact in key_facts(page):
        yield line, lines(fact, layout.fact_width)
    for card in page.cards:
        if card.kind not in CARE_CARD_TYPES:
            continue
        yield card.line, (lines(card.title or "", layout.card_title_width) + layout.card_lines) / 2
        for line, trigger in bullets(list(card.body)):
            yield line, lines(trigger, layout.trigger_width) / 2


def check_handout_fits(page: Page, layout: HandoutLayout = HANDOUT_LAYOUT) -> Iterator[Problem]:
    """An article's handout prints on one sheet: else the first line that does not fit,
    and by how much the whole is over."""
    if not page.is_article or not page.cards:
        return
    titles = [title for heading, title in zip(page.headings, page.heading_titles)
              if heading.level == 1]
    title = titles[0] if titles else str(page.meta.get("title", ""))
    used = layout.fixed_lines + layout.title_lines * lines(title, layout.title_width)
    first_over = None
    for line, taken in handout_items(page, layout):
        used += taken
        if first_over is None and used > layout.page_lines:
            first_over = line
    if first_over is not None:
        over = math.ceil(used - layout.page_lines)
        yield page.problem(first_over, "HND001",
                           f"the handout would not fit on one page: its key facts and care "
                           f"cards need about {math.ceil(used)} lines of print, {over} over the "
                           f"{math.floor(layout.page_lines)} of one sheet, from this line on: "
                           "shorten them, or move detail into the page's other sections")
