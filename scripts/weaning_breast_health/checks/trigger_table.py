"""Trigger table rules (TRG): every entry of triggers.yml is complete and sourced, and its
Chinese wording uses the termbase's terms (TERM001), as the Chinese pages do.

Each trigger has a level from the closed set, its wording in every language of the site
(plain text: a card that tells the reader to call links nowhere), and at least one source
from the table's sources, which follow the same metadata rules as a page's sources.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from ..pages import Problem
from ..pages.scanner import link_targets
from ..termbase import variants_in
from ..triggers import TRIGGER_ID, TriggerTable
from ..vocabulary import CARE_CARD_TYPES, CARE_CARDS
from .front_matter import source_problems


def check_trigger_table(table: TriggerTable, today: datetime.date) -> Iterator[Problem]:
    """Every trigger complete, sourced and in every language; every source well formed."""
    for key, source in table.sources.items():
        for code, message in source_problems(source, today):
            yield Problem(table.path, table.source_lines[key], code, f"source {key!r}: {message}")
    for trigger in table.triggers.values():
        problems = []
        if not TRIGGER_ID.fullmatch(trigger.id):
            problems.append("id must be lower-case words joined by hyphens")
        if trigger.level not in CARE_CARD_TYPES:
            problems.append(f"level must be one of: {', '.join(CARE_CARD_TYPES)}; "
                            f"not {trigger.level!r}")
        for language in CARE_CARDS:
            wording = trigger.wording.get(language)
            if not isinstance(wording, str) or not wording.strip():
                problems.append(f"has no {language} wording")
            elif any(link_targets(wording)):
                problems.append(f"{language} wording must be plain text, without links")
        unknown = sorted(set(trigger.wording) - set(CARE_CARDS))
        if unknown:
            problems.append(f"has unknown key {unknown[0]!r}; known keys: level, "
                            f"{', '.join(CARE_CARDS)}, sources, note")
        sources = trigger.sources
        if not isinstance(sources, list) or not sources:
            problems.append("has no sources: list the keys of the sources that set its level")
        else:
            problems += [f"source {key!r} is not in the table's sources"
                         for key in sources if key not in table.sources]
        if trigger.note is not None and (not isinstance(trigger.note, str) or not trigger.note.strip()):
            problems.append("note must be text")
        for problem in problems:
            yield Problem(table.path, trigger.line, "TRG001", f"trigger {trigger.id!r} {problem}")
        if isinstance(trigger.wording.get("zh"), str):
            for found in variants_in(trigger.wording["zh"]):
                yield Problem(table.path, trigger.line, "TERM001",
                              f"trigger {trigger.id!r}: “{found.variant}”: write "
                              f"“{found.term.use}” ({found.term.en}), as the termbase says")
