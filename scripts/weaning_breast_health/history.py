"""A page's history: every recorded change, newest first, and the version it makes.

An English article's changes are its entries in the review ledger (checks against its
sources, clinical reviews, editorial changes with their reasons), numbered from 1: the
page's version is the number of its last entry, so "Version 3" on a printed handout is
the third line from the bottom of the page's history. A translation shows its English
page's changes and every translation of it: those the ledger records under the
translation's own path (zh/PAGE.md), and its front matter's record if the ledger does not
hold that one yet; each names the English version it was translated from. The history section of every article, a handout's version
and the Atom feeds all come from here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .checks.review_ledger import Ledger, LedgerEntry
from .pages import Page
from .ui_text import HISTORY_TEXT
from .vocabulary import LANGUAGE_NAMES, TRANSLATION_KIND as TRANSLATION

LEDGER_LANGUAGE = "en"  # the language the ledger's reasons are written in


@dataclass(frozen=True)
class Change:
    """One recorded change to a page, and the (English) version of the page it made."""

    version: int
    date: datetime.date
    kind: str  # a ledger kind (vocabulary.LEDGER_KINDS)
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
    entries = [entry for entry in (ledger.entries.get(page.source_path, []) if ledger else [])
               if entry.kind != TRANSLATION]
    changes = [Change(number, entry.date, entry.kind, entry.by, entry.reason, number == 1)
               for number, entry in enumerate(entries, 1)]
    if changes and page.is_translation:
        changes += translations(page, entries, ledger)
    return sorted(changes, key=lambda change: change.sort_key, reverse=True)


def translations(page: Page, entries: list[LedgerEntry], ledger: Ledger | None) -> list[Change]:
    """Every recorded translation of a translated page, each with the English version it
    translates: the ledger's, and its front matter's record when the ledger lacks it."""
    recorded = [(entry.date, entry.fingerprint, entry.by) for entry in
                (ledger.entries.get(page.rel_path, []) if ledger else [])
                if entry.kind == TRANSLATION]
    record = page.meta.get("translation")
    if isinstance(record, dict) and isinstance(record.get("translated"), datetime.date):
        latest = (record["translated"], str(record.get("source_fingerprint")),
                  str(record.get("translator", "")))
        if latest[:2] not in [(date, fingerprint) for date, fingerprint, _ in recorded]:
            recorded.append(latest)
    return [Change(translated_version(entries, fingerprint, date), date, TRANSLATION, by)
            for date, fingerprint, by in recorded]


def translated_version(entries: list[LedgerEntry], fingerprint: str, translated: datetime.date) -> int:
    """The English version a translation translates: the last entry with the fingerprint
    it recorded, else the last entry made by the day it was translated."""
    matching = [number for number, entry in enumerate(entries, 1)
                if entry.fingerprint == fingerprint]
    if matching:
        return matching[-1]
    earlier = [number for number, entry in enumerate(entries, 1) if entry.date <= translated]
    return earlier[-1] if earlier else 1


def current_version(history: list[Change]) -> int | None:
    """The version a page shows now: that of its newest change."""
    return max((change.version for change in history), default=None)


def describe(change: Change, language: str, with_reason: bool = True) -> str:
    """What a change was, in a page's language (ui_text.HISTORY_TEXT). An editorial
    change's reason ends the text, as the ledger records it (in English, LEDGER_LANGUAGE):
    without it, for a template that marks the reason's language."""
    words = HISTORY_TEXT[language]
    if change.new_page:
        return words["new_page"]
    return words[change.kind].format(by=change.by,
                                     reason=(change.reason or "") if with_reason else "",
                                     language=LANGUAGE_NAMES[language])
