"""Handout rule (HND): an article's key facts and care cards fit its one-sheet handout.

The handout (publish/handouts.py) prints the title, key facts and care cards on one side
of one sheet of A4 or Letter (when-to-get-help shows every trigger of the table). This
rule estimates, from the Markdown, how many lines of print they take
(vocabulary.HANDOUT_LAYOUTS, measured on the real handouts; the print tests check every
handout), and names the first line that no longer fits. A handout that fits the roomier
layout (ROOMY_HANDOUT_LAYOUTS) prints in it instead.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator

from ..pages import Page, Problem
from ..pages.syntax import BULLET
from ..triggers import EVERY_TRIGGER, TriggerTable
from ..vocabulary import (CARE_CARD_TYPES, CARE_CARDS, HANDOUT_LAYOUTS, ROOMY_HANDOUT_LAYOUTS,
                          HandoutLayout)

MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]|\{[^}]*\}")


def printed_width(markdown: str) -> int:
    """The width of a line of Markdown as printed, in characters: links as their text,
    no emphasis marks; a wide (CJK) character counts as two."""
    text = MARKUP.sub(lambda match: match.group(1) or "", markdown).strip()
    if text.isascii():  # no wide character: one a character (most English lines)
        return len(text)
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


def handout_items(page: Page, layout: HandoutLayout,
                  table: TriggerTable) -> Iterator[tuple[int, float]]:
    """Each piece of the handout that grows with the page, in printed order, with its
    line in the page and the lines of one side it takes (key facts fill two columns,
    cards the layout's columns): a card's title comes from its level, and its bullets
    from the trigger table, in the page's language."""
    for line, fact in key_facts(page):
        yield line, lines(fact, layout.fact_width) * layout.fact_line / 2
    for card in page.cards:
        if card.kind not in CARE_CARD_TYPES:
            continue
        title = CARE_CARDS[page.language].levels[card.kind].title
        yield card.line, lines(title, layout.card_title_width) / layout.columns
        for line, bullet in bullets(list(card.body)):
            ids = ([trigger.id for trigger in table.at_level(card.kind)]
                   if bullet == EVERY_TRIGGER else [bullet])
            for trigger_id in ids:
                wording = table.text(trigger_id, page.language) or trigger_id
                yield line, (lines(wording, layout.trigger_width)
                             + layout.trigger_space) / layout.columns


def estimated_lines(page: Page, table: TriggerTable,
                    layout: HandoutLayout) -> tuple[float, int | None]:
    """How many lines of one side an article's handout takes in a layout, and the line of
    the page from which it no longer fits (None if it fits)."""
    titles = [title for heading, title in zip(page.headings, page.heading_titles)
              if heading.level == 1]
    title = titles[0] if titles else str(page.meta.get("title", ""))
    used = layout.fixed_lines + layout.title_line * lines(title, layout.title_width)
    first_over = None
    for line, taken in handout_items(page, layout, table):
        used += taken
        if first_over is None and used > layout.page_lines:
            first_over = line
    return used, first_over


def fits_roomy_layout(page: Page, table: TriggerTable) -> bool:
    """Whether an article's handout fits the roomier layout (vocabulary.ROOMY_HANDOUT_LAYOUTS)."""
    return estimated_lines(page, table, ROOMY_HANDOUT_LAYOUTS[page.language])[1] is None


def check_handout_fits(page: Page, table: TriggerTable,
                       layouts: dict[str, HandoutLayout] = HANDOUT_LAYOUTS) -> Iterator[Problem]:
    """An article's handout prints on one side of one sheet: else the first line that does
    not fit, and by how much the whole is over."""
    if not page.is_article or not page.cards:
        return
    layout = layouts[page.language]
    used, first_over = estimated_lines(page, table, layout)
    if first_over is not None:
        over = math.ceil(used - layout.page_lines)
        yield page.problem(first_over, "HND001",
                           f"the handout would not fit on one side of one sheet: its key facts "
                           f"and care cards need about {math.ceil(used)} lines of print, {over} "
                           f"over the {math.floor(layout.page_lines)} of one side, from this line "
                           "on: shorten them, or move detail into the page's other sections")
