"""Review ledger rules (REV): what a page says of its last check is what was recorded.

The ledger (review-ledger.yml beside the docs folder) lists, for each article and each
other page that lists sources (home, about, glossary), every
check against its sources, clinical review and editorial change, each with the page's
content fingerprint at the time; and for each translated page, every recorded
translation, with the fingerprint of the English page it translates. Only the record commands write it; the rules fail when
a page no longer matches its last entry, so a changed page cannot keep an old date.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import UsageError
from ..yaml_files import compose_file
from ..pages import Page, Problem
from ..pages.fingerprint import content_fingerprint
from ..triggers import TriggerTable
from ..vocabulary import LEDGER_KINDS, NEXT_CHECK_AFTER_YEARS, TRANSLATION_KIND
from .front_matter import add_years

LEDGER_NAME = "review-ledger.yml"
LEDGER_HEADER = """\
# Every check of a page against its sources (each article, and any other page that lists
# sources), clinical review and editorial change, with the page's content fingerprint at
# the time; and every translation of a page (under zh/PAGE.md), with the fingerprint of
# the English page it translates. Written only by the record commands:
#   python3 scripts/dev.py check --record-check docs/PAGE.md
#   python3 scripts/dev.py check --record-editorial docs/PAGE.md --reason "what changed"
#   python3 scripts/dev.py check --record-clinical-review docs/PAGE.md --by "ROLE"
#   python3 scripts/dev.py check --record-translation docs/zh/PAGE.md
# The checker compares each of these pages with its last entry here.
"""
RECORD_COMMAND = "python3 scripts/dev.py check --record-check {path}"
EDITORIAL_COMMAND = 'python3 scripts/dev.py check --record-editorial {path} --reason "..."'
ENTRY_KEYS = ("date", "kind", "by", "fingerprint", "reason")


@dataclass(frozen=True)
class LedgerEntry:
    line: int
    date: datetime.date
    kind: str
    by: str
    fingerprint: str
    reason: str | None = None

    @property
    def sets_date(self) -> bool:
        return LEDGER_KINDS[self.kind]


@dataclass(frozen=True)
class Ledger:
    """The ledger's entries by page (oldest first), and the problems in the file itself."""

    display_path: str
    entries: dict[str, list[LedgerEntry]]
    problems: tuple[Problem, ...] = ()

    def last_dated(self, page: str) -> LedgerEntry | None:
        """The last check or review of a page (editorial changes keep its date)."""
        return next((entry for entry in reversed(self.entries.get(page, [])) if entry.sets_date),
                    None)


def default_ledger(docs_dir: Path) -> Path:
    """Where the ledger lives: review-ledger.yml beside the docs folder."""
    return docs_dir.parent / LEDGER_NAME


def site_ledger(docs_dir: Path) -> Ledger | None:
    """The ledger beside docs_dir, if the site keeps one."""
    path = default_ledger(docs_dir)
    return read_ledger(path) if path.exists() else None


def read_ledger(path: Path) -> Ledger:
    """The ledger's entries; a malformed entry is a REV005 problem at its line."""
    display = os.path.relpath(path)
    node = compose_file(path, display, "review ledger")
    entries: dict[str, list[LedgerEntry]] = {}
    problems: list[Problem] = []
    if node is None:
        return Ledger(display, entries)
    if not isinstance(node, yaml.MappingNode):
        return Ledger(display, entries, (Problem(display, 1, "REV005",
                                                 "the ledger must map each page to its entries"),))
    constructor = yaml.constructor.SafeConstructor()
    for key_node, value_node in node.value:
        page = str(key_node.value)
        items = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        for item in items:
            line = item.start_mark.line + 1
            value = constructor.construct_object(item, deep=True)
            entry = _entry(line, value)
            if isinstance(entry, str):
                problems.append(Problem(display, line, "REV005", f"ledger entry for {page}: {entry}"))
            else:
                entries.setdefault(page, []).append(entry)
    return Ledger(display, entries, tuple(problems))


def _entry(line: int, value: object) -> LedgerEntry | str:
    """A ledger entry, or what is wrong with it."""
    if not isinstance(value, dict):
        return "must be a mapping of " + ", ".join(ENTRY_KEYS)
    if not isinstance(value.get("date"), datetime.date):
        return "date must be a date written YYYY-MM-DD"
    if value.get("kind") not in LEDGER_KINDS:
        return f"kind must be one of: {', '.join(LEDGER_KINDS)}"
    for key in ("by", "fingerprint"):
        if not isinstance(value.get(key), str) or not value[key].strip():
            return f"{key} must be text"
    if value["kind"] == "editorial" and not isinstance(value.get("reason"), str):
        return "an editorial change needs a reason"
    return LedgerEntry(line, value["date"], value["kind"], value["by"], value["fingerprint"],
                       value.get("reason"))


def check_review_ledger(ledger: Ledger, pages: dict[str, Page],
                        table: TriggerTable | None = None) -> Iterator[Problem]:
    """Every article, and every other page that lists sources, matches its last ledger
    entry and shows the date of its last check."""
    yield from ledger.problems
    for name in sorted(set(ledger.entries) - set(pages)):
        yield Problem(ledger.display_path, ledger.entries[name][0].line, "REV005",
                      f"ledger entries for {name}, which is not a page in the docs")
    for name, entries in sorted(ledger.entries.items()):
        page = pages.get(name)
        for entry in entries:
            if page is not None and (entry.kind == TRANSLATION_KIND) != page.is_translation:
                yield Problem(ledger.display_path, entry.line, "REV005",
                              f"ledger entry for {name}: "
                              + ("only a translated page records a translation"
                                 if entry.kind == TRANSLATION_KIND else
                                 f"a translated page records only translations, not {entry.kind!r}"))
    for name, page in pages.items():
        if not (page.readable and page.has_front_matter and page.is_checked_against_sources) \
                or page.is_translation:  # translations record their source (TRN rules)
            continue
        history = ledger.entries.get(name)
        if not history:
            kind = "article" if page.is_article else f"{page.page_type} page"
            yield page.problem(1, "REV001", f"no check of this {kind} is recorded: check it "
                               "against its sources, then record the check: "
                               + RECORD_COMMAND.format(path=page.display_path))
            continue
        last, dated = history[-1], ledger.last_dated(name)
        if last.fingerprint != content_fingerprint(page, table):
            when = dated.date if dated else last.date
            yield page.problem(1, "REV002", f"changed since it was last checked on {when}: check "
                               "it against its sources, then record the check: "
                               + RECORD_COMMAND.format(path=page.display_path)
                               + "; or, for a change that alters no fact, record it as editorial: "
                               + EDITORIAL_COMMAND.format(path=page.display_path))
        shown = page.meta.get("last_reviewed")
        if dated and shown != dated.date:
            yield page.problem(page.key_line("last_reviewed"), "REV003",
                               f"last_reviewed {shown} is not the date of the last recorded "
                               f"check, {dated.date}: the record commands set it")
        reviewer = page.meta.get("reviewed_by")
        status = reviewer.get("status") if isinstance(reviewer, dict) else None
        if status == "clinically reviewed" and not any(
                entry.kind == "clinical review" for entry in history):
            yield page.problem(page.key_line("reviewed_by"), "REV004",
                               "status says clinically reviewed, but no clinical review is "
                               "recorded: record one with --record-clinical-review")


def record(ledger_path: Path, page: Page, path: Path, kind: str, by: str, reason: str | None,
           today: datetime.date, table: TriggerTable | None = None) -> LedgerEntry:
    """Add an entry for page to the ledger; a check or review also sets the page's dates."""
    text = path.read_text(encoding="utf-8")
    if LEDGER_KINDS[kind]:
        text = _set_review_dates(text, today, path)
        if kind == "clinical review":
            text = set_front_matter_line(text, r"  status: .*", "  status: clinically reviewed", path)
            text = set_front_matter_line(text, r"  role: .*", f"  role: {by}", path)
        path.write_text(text, encoding="utf-8")
    # The dates and reviewer just written are not part of the fingerprint.
    entry = {"date": today, "kind": kind, "by": by, "fingerprint": content_fingerprint(page, table)}
    if reason:
        entry["reason"] = reason
    append_entry(ledger_path, page.rel_path, entry)
    return LedgerEntry(0, today, kind, by, entry["fingerprint"], reason)


def append_entry(ledger_path: Path, page: str, entry: dict) -> None:
    """Add one entry (date, kind, by, fingerprint, reason) for page to the ledger."""
    entries = _plain_entries(ledger_path)
    entries.setdefault(page, []).append(entry)
    ledger_path.write_text(LEDGER_HEADER + yaml.safe_dump(entries, sort_keys=True,
                                                          allow_unicode=True, width=100),
                           encoding="utf-8")


def _plain_entries(ledger_path: Path) -> dict[str, list[dict]]:
    if not ledger_path.exists():
        return {}
    return yaml.safe_load(ledger_path.read_text(encoding="utf-8")) or {}


def _set_review_dates(text: str, today: datetime.date, path: Path) -> str:
    upcoming = add_years(today, NEXT_CHECK_AFTER_YEARS)
    text = set_front_matter_line(text, r"last_reviewed:.*", f"last_reviewed: {today.isoformat()}", path)
    return set_front_matter_line(text, r"next_review:.*", f"next_review: {upcoming.isoformat()}", path)


def set_front_matter_line(text: str, pattern: str, replacement: str, path: Path) -> str:
    """Replace the first front matter line matching pattern."""
    end = text.find("\n---", 3)
    front, rest = text[:end], text[end:]
    changed, count = re.subn(rf"^{pattern}$", replacement, front, count=1, flags=re.MULTILINE)
    if not count:
        raise UsageError(f"{path}: no {pattern.split(':')[0].strip()} line in its front matter")
    return changed + rest
