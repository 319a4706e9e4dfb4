"""Translation rules (TRN): every English page has its translation, and each translation
says honestly where it comes from and is no older than its English page.

A translated page lives at docs/<language>/<the English file name> and records, in its
front matter `translation:`, the English page, that page's content fingerprint when it
was translated, the date, the translator's role and the review status. The English
page's sections, care cards and review record are the translation's too.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import yaml

from ..errors import UsageError
from ..pages import Page, Problem, read_page
from ..pages.fingerprint import content_fingerprint
from ..triggers import TriggerTable
from ..vocabulary import (CARE_CARD_TYPES, TRANSLATION_KEYS, TRANSLATION_REVIEW_STATUSES,
                          TRANSLATION_KIND, TRANSLATIONS, UNRECORDED_FINGERPRINT)
from .review_ledger import Ledger, append_entry, default_ledger, read_ledger, set_front_matter_line

RECORD_COMMAND = "python3 scripts/dev.py check --record-translation {path}"


def check_translations(pages: dict[str, Page], today: datetime.date,
                       table: TriggerTable) -> Iterator[Problem]:
    """Each started translation covers every English page; each translated page matches
    its English page's sections and cards, and records the version it translates."""
    started = {page.language for page in pages.values() if page.is_translation}
    for name, page in pages.items():
        if page.is_translation:
            yield from _check_translated_page(page, today, table)
            continue
        for language in sorted(started):
            if f"{TRANSLATIONS[language].folder}/{name}" not in pages:
                yield page.problem(1, "TRN001", f"no {TRANSLATIONS[language].name} translation: "
                                   f"add {TRANSLATIONS[language].folder}/{name}, translated "
                                   "from this page")


def _check_translated_page(page: Page, today: datetime.date,
                           table: TriggerTable) -> Iterator[Problem]:
    if page.source is None:
        yield page.problem(1, "TRN004", f"no English page {page.source_path} to translate "
                           "from: a translation keeps its English page's file name")
        return
    if not (page.readable and page.has_front_matter and page.source.readable):
        return
    yield from _check_record(page, today, table)
    missing = sorted(_explicit_ids(page.source) - page.anchors)
    if missing:
        yield page.problem(1, "TRN005", f"{len(missing)} section id(s) of {page.source_path} "
                           f"missing, so links to them break: {', '.join('#' + id_ for id_ in missing)}")
    theirs, ours = _card_outline(page.source, table), _card_outline(page, table)
    if theirs != ours:
        cards = [card for card in page.cards if card.kind in CARE_CARD_TYPES]
        differs = next((index for index, pair in enumerate(zip(theirs, ours)) if pair[0] != pair[1]),
                       min(len(theirs), len(ours)))
        line = cards[min(differs, len(cards) - 1)].line if cards else 1
        yield page.problem(line, "TRN006", "care cards must show the English page's triggers, "
                           f"card by card: {page.source_path} has {_describe(theirs)}; this "
                           f"page has {_describe(ours)}")


def _check_record(page: Page, today: datetime.date, table: TriggerTable) -> Iterator[Problem]:
    """The `translation:` record: well formed, and made from the English page as it is."""
    record = page.meta.get("translation")
    if not isinstance(record, dict):
        return  # FM003 or FM004 reports it
    line = page.key_line("translation")
    problems = [f"needs {key!r}" for key in TRANSLATION_KEYS if key not in record]
    problems += [f"has unknown key {key!r}" for key in record if key not in TRANSLATION_KEYS]
    if "source" in record and record["source"] != page.source_path:
        problems.append(f"source must be {page.source_path!r}, the page with the same file "
                        f"name, not {record['source']!r}")
    translated = record.get("translated")
    if "translated" in record and (not isinstance(translated, datetime.date)
                                   or isinstance(translated, datetime.datetime)):
        problems.append(f"translated must be a date written YYYY-MM-DD, not {translated!r}")
    elif isinstance(translated, datetime.date) and translated > today:
        problems.append(f"translated {translated} is in the future")
    translator = record.get("translator")
    if "translator" in record and (not isinstance(translator, str) or not translator.strip()):
        problems.append("translator must name who translated it, as a role")
    if "review" in record and record["review"] not in TRANSLATION_REVIEW_STATUSES:
        problems.append(f"review must be one of: {', '.join(TRANSLATION_REVIEW_STATUSES)}; "
                        f"not {record['review']!r}")
    if problems:
        yield page.problem(line, "TRN003", f"translation record {'; '.join(problems)}")
    recorded = record.get("source_fingerprint")
    command = RECORD_COMMAND.format(path=page.display_path)
    if recorded == UNRECORDED_FINGERPRINT or not isinstance(recorded, str):
        yield page.problem(line, "TRN002", "translation has not recorded the version of "
                           f"{page.source_path} it translates: record it: {command}")
    elif recorded != content_fingerprint(page.source, table):
        yield page.problem(line, "TRN002", f"translation older than its source: "
                           f"{page.source_path} has changed since it was translated on "
                           f"{translated}: update the translation, then record it: {command}")


def _explicit_ids(page: Page) -> set[str]:
    """The ids an editor gave: {#id} on headings, and aliases such as <div id="...">."""
    return {heading.explicit_id for heading in page.headings if heading.explicit_id} | page.other_ids


def _card_outline(page: Page, table: TriggerTable) -> list[tuple[str, tuple[str, ...]]]:
    """Each care card's level and the triggers it shows, in order."""
    return [(card.kind, tuple(table.card_ids(card))) for card in page.cards
            if card.kind in CARE_CARD_TYPES]


def _describe(outline: list[tuple[str, tuple[str, ...]]]) -> str:
    return "; ".join(f"{kind} ({', '.join(ids)})" for kind, ids in outline) or "no care cards"


def record_translation(docs_dir: Path, path: Path, today: datetime.date,
                       table: TriggerTable | None = None) -> str:
    """Record in a translated page that it now translates its English page as it is
    (its fingerprint) as of today, and add the translation to the review ledger beside the
    docs folder, if the site keeps one (the page's history lists every one); return the
    fingerprint."""
    page = read_page(docs_dir, path)
    if not page.is_translation:
        raise UsageError(f"{path} is not a translated page (docs/<language>/PAGE.md)")
    source_path = docs_dir / page.source_path
    if not source_path.is_file():
        raise UsageError(f"{path} has no English page {source_path} to translate from")
    source = read_page(docs_dir, source_path)
    if not (page.has_front_matter and source.has_front_matter):
        failing = page if not page.has_front_matter else source
        raise UsageError(f"cannot record {path}: fix this first: {failing.problems[0]}")
    fingerprint = content_fingerprint(source, table)
    # Quoted when YAML would read it as something else: all digits is a number.
    written = fingerprint if yaml.safe_load(fingerprint) == fingerprint else f'"{fingerprint}"'
    text = path.read_text(encoding="utf-8")
    text = set_front_matter_line(text, r"  source_fingerprint:.*",
                                 f"  source_fingerprint: {written}", path)
    text = set_front_matter_line(text, r"  translated:.*", f"  translated: {today.isoformat()}", path)
    path.write_text(text, encoding="utf-8")
    ledger = default_ledger(docs_dir)
    if ledger.exists():  # a site that keeps a ledger keeps every translation in it
        for entry in _ledger_entries_to_add(page, read_ledger(ledger), today, fingerprint):
            append_entry(ledger, page.rel_path, entry)
    return fingerprint


def _ledger_entries_to_add(page: Page, ledger: Ledger, today: datetime.date,
                           fingerprint: str) -> list[dict]:
    """Today's translation, after the one the front matter recorded until now if the ledger
    does not hold it yet (one recorded before translations went into the ledger)."""
    record = page.meta.get("translation")
    record = record if isinstance(record, dict) else {}
    translator = str(record.get("translator") or "unknown")
    held = {(entry.date, entry.fingerprint) for entry in ledger.entries.get(page.rel_path, [])}
    previous = (record.get("translated"), str(record.get("source_fingerprint")))
    entries = []
    if isinstance(previous[0], datetime.date) and previous[1] != UNRECORDED_FINGERPRINT \
            and previous not in held and previous != (today, fingerprint):
        entries.append({"date": previous[0], "kind": TRANSLATION_KIND, "by": translator,
                        "fingerprint": previous[1]})
    return entries + [{"date": today, "kind": TRANSLATION_KIND, "by": translator,
                       "fingerprint": fingerprint}]
