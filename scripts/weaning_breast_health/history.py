"""A page's history: every recorded change, newest first, and the version it makes.

An English article's changes are its entries in the review ledger (checks against its
sources, clinical reviews, editorial changes with their reasons), numbered from 1: the
page's version is the number of its last entry, so "Version 3" on a printed handout is
the third line from the bottom of the page's history. A translation shows its English
page's changes and its own translation record (its front matter), which names the English
version it was translated from. The history section of every article, a handout's version
and the Atom feeds all come from here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .checks.review_ledger import Ledger, LedgerEntry
from .pages import Page
from .ui_text import HISTORY_TEXT
from .vocabulary import LANGUAGE_NAMES

TRANSLATION = "translation"  # a change kind beside the ledger's (vocabulary.LEDGER_KINDS)


@dataclass(frozen=True)
class Change:
    """One recorded change to a page, and the (English) version of the page it made."""

    version: int
    date: datetime.date
    kind: str  # a ledger kind, or TRANSLATION
    by: str
    reason: str | None = None
    new_page: bool = False  # the page's first recorded change: it was published then

    @property
    def sort_key(self) -> tuple[datetime.date, int, bool]:
        # On one day, a translation comes after the English change it translates.
        return self.date, self.version, self.kind == TRANSLATION


def page_history(page: Page, ledger: Ledger | None) -> list[Change]:
    """Every recorded change to page, newest first (empty for a page the ledger does not
    cover: only articles are recorded)."""
    entries = ledger.entries.get(page.source_path, []) if ledger else []
    changes = [Change(number, entry.date, entry.kind, entry.by, entry.reason, number == 1)
               for number, entry in enumerate(entries, 1)]
    record = page.meta.get("translation") if page.is_translation else None
    if changes and isinstance(record, dict) and isinstance(record.get("translated"), datetime.date):
        changes.append(Change(translated_version(entries, record), record["translated"],
                              TRANSLATION, str(record.get("translator", ""))))
    return sorted(changes, key=lambda change: change.sort_key, reverse=True)


def translated_version(entries: list[LedgerEntry], record: dict) -> int:
    """The English version a translation record translates: the last entry with the
    fingerprint it recorded, else the last entry made by the day it was translated."""
    matching = [number for number, entry in enumerate(entries, 1)
                if entry.fingerprint == record.get("source_fingerprint")]
    if matching:
        return matching[-1]
    earlier = [number for number, entry in enumerate(entries, 1)
               if entry.date <= record["translated"]]
    return earlier[-1] if earlier else 1


def current_version(history: list[Change]) -> int | None:
    """The version a page shows now: that of its newest change."""
    return max((change.version for change in history), default=None)


def describe(change: Change, language: str) -> str:
    """What a change was, in a page's language (ui_text.HISTORY_TEXT)."""
    words = HISTORY_TEXT[language]
    if change.new_page:
        return words["new_page"]
    return words[change.kind].format(by=change.by, reason=change.reason or "",
                                     language=LANGUAGE_NAMES[language])
