"""Care card rules (CARE): cards from the closed set, titled with an action, listing triggers."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..pages import Page, Problem
from ..pages.scanner import link_targets
from ..pages.syntax import BULLET
from ..vocabulary import CARE_CARD_TYPES, CARE_CARDS, NON_CARE_ADMONITIONS


def check_care_cards(page: Page) -> Iterator[Problem]:
    """Care cards from the closed set, titled (in the page's language) with a time frame
    and an action ending in 'if:', and listing triggers; emergency cards work in any
    country and link nowhere."""
    words = CARE_CARDS[page.language]
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
        level = words.levels[card.kind]
        if not card.title or not card.title.rstrip().endswith(words.title_end):
            yield page.problem(card.line, "CARE003", f"{card.kind} card title must say what to do "
                               f"and end with '{words.title_end}', like \"{level.example}\"")
        if card.title and not card.title.startswith(level.lead):
            yield page.problem(card.line, "CARE007", f"{card.kind} card title must start with "
                               f"its time frame, \"{level.lead}\", like \"{level.example}\"")
        body = [(line, text) for line, text in card.body if text.strip()]
        stray = next((line for line, text in body
                      if not BULLET.match(text) and not text.startswith(("  ", "\t"))), None)
        if not body or not BULLET.match(body[0][1]) or stray:
            yield page.problem(stray or card.line, "CARE004", f"{card.kind} card body must be a "
                               "bulleted list of triggers, indented 4 spaces, and nothing else")
        if card.kind == "emergency":
            text = " ".join([card.title or ""] + [text for _, text in body])
            missing = [number for number in words.emergency_numbers if number not in text]
            if words.local_emergency_number not in text:
                missing.append(f'"{words.local_emergency_number}"')
            if missing:
                yield page.problem(card.line, "CARE005", "emergency card must name every "
                                   f"emergency number, so it works in any country: add "
                                   f"{', '.join(missing)}")
            linked = [line for line, text in card.body if any(link_targets(text))]
            if linked or any(link_targets(card.title or "")):
                yield page.problem(linked[0] if linked else card.line, "CARE006",
                                   "emergency card must not link anywhere: it tells the reader to call")
    if page.is_article and not care_cards and not unknown:  # a misspelt card is one problem
        yield page.problem(1, "CARE001", "article has no care card: add a non-urgent, urgent "
                           "or emergency card under '## When to get help {#when-to-get-help}'")
