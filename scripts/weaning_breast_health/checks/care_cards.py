"""Care card rules (CARE): cards from the closed set, each naming triggers from the table.

A card's title comes from its level and its bullets from the trigger table (triggers.py),
so a page chooses which triggers to show but cannot reword one or show it at another level.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..pages import Page, Problem
from ..pages.syntax import BULLET
from ..triggers import EVERY_TRIGGER, TRIGGER_ID, TriggerTable
from ..vocabulary import CARE_CARD_TYPES, NON_CARE_ADMONITIONS


def check_care_cards(page: Page, table: TriggerTable) -> Iterator[Problem]:
    """Care cards from the closed set, with no title of their own, listing trigger ids
    from the table at the card's level."""
    known = (*CARE_CARD_TYPES, *NON_CARE_ADMONITIONS)
    care_cards = unknown = 0
    for card in page.cards:
        if card.kind not in known:
            unknown += 1
            guess = difflib.get_close_matches(card.kind, known, n=1)
            hint = f" (did you mean {guess[0]!r}?)" if guess else ""
            yield page.problem(card.line, "CARE002", f"unknown admonition type {card.kind!r}{hint}; "
                               f"use one of: {', '.join(known)}")
            continue
        if card.kind not in CARE_CARD_TYPES:
            continue
        care_cards += 1
        if card.title is not None:
            yield page.problem(card.line, "CARE003", f"{card.kind} card has a title of its own: "
                               f"its title comes from its level, so write '!!! {card.kind}' and "
                               "nothing after it")
        body = [(line, text) for line, text in card.body if text.strip()]
        stray = next((line for line, text in body
                      if not BULLET.match(text) and not text.startswith(("  ", "\t"))), None)
        if not body or not BULLET.match(body[0][1]) or stray:
            yield page.problem(stray or card.line, "CARE004", f"{card.kind} card body must be a "
                               "bulleted list of trigger ids, indented 4 spaces, and nothing else")
        yield from _check_bullets(page, card.kind, body, table)
    if page.is_article and not care_cards and not unknown:  # a misspelt card is one problem
        yield page.problem(1, "CARE001", "article has no care card: add a non-urgent, urgent "
                           "or emergency card under '## When to get help {#when-to-get-help}'")


def _check_bullets(page: Page, kind: str, body: list[tuple[int, str]],
                   table: TriggerTable) -> Iterator[Problem]:
    """Each bullet names one trigger of the card's level, by its id in the table."""
    bullets = [(line, text[1:].strip()) for line, text in body if BULLET.match(text)]
    for line, bullet in bullets:
        if bullet == EVERY_TRIGGER:
            continue
        if not TRIGGER_ID.fullmatch(bullet):
            yield page.problem(line, "CARE009", "hand-written bullet in a care card: name a "
                               f"trigger by its id in {table.path}, like '- "
                               f"{next(iter(table.triggers), 'fever-flu')}'; to show a new sign, "
                               "add it to the table")
            continue
        trigger = table.triggers.get(bullet)
        if trigger is None:
            guess = difflib.get_close_matches(bullet, table.triggers, n=1)
            hint = f" (did you mean {guess[0]!r}?)" if guess else ""
            yield page.problem(line, "CARE008", f"unknown trigger {bullet!r}{hint}: a card "
                               f"names triggers by their id in {table.path}")
        elif trigger.level != kind:
            article = "an" if str(trigger.level)[0] in "aeiou" else "a"
            yield page.problem(line, "CARE010", f"trigger {bullet!r} is {trigger.level}, not "
                               f"{kind}: show it on {article} {trigger.level} card, or change its "
                               f"level in {table.path} (with the sources that set it)")
