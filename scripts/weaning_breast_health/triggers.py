"""The trigger table: every "when to get help" sign the care cards show, defined once.

triggers.yml (beside this module) holds each trigger's id, level, wording in every
language, the sources that set its level and, where sources disagree, an editor's note.
A care card names triggers by id (`- fever-flu`), or `- all` for every trigger of its
level; the care-cards extension renders them, the checker (checks/trigger_table.py and
checks/care_cards.py) holds the table and the cards to their rules, and publishing
writes the table to /api/triggers.json.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .errors import UsageError
from .yaml_files import compose_file, mapping_lines

if TYPE_CHECKING:
    from .pages.model import CareCard

TABLE_PATH = Path(__file__).resolve().with_name("triggers.yml")
EVERY_TRIGGER = "all"  # a card bullet that shows every trigger of the card's level, in table order
TRIGGER_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Trigger:
    """One warning sign as the table states it (values as written: checks/ validates them)."""

    id: str
    line: int
    level: Any
    wording: dict[str, Any]  # by language
    sources: Any  # the keys of the table's sources
    note: Any = None


@dataclass(frozen=True)
class TriggerTable:
    path: str  # as shown in messages
    triggers: dict[str, Trigger] = field(default_factory=dict)
    sources: dict[str, Any] = field(default_factory=dict)
    source_lines: dict[str, int] = field(default_factory=dict)
    line: int = 1  # where the triggers mapping starts

    def at_level(self, level: str) -> list[Trigger]:
        """The triggers of one level, in table order."""
        return [trigger for trigger in self.triggers.values() if trigger.level == level]

    def card_ids(self, card: CareCard) -> list[str]:
        """The ids a card shows, in order, with `all` expanded to its level's triggers.
        A bullet that is not an id is left as written (the checker reports it)."""
        ids: list[str] = []
        for bullet in card.triggers:
            if bullet == EVERY_TRIGGER:
                ids.extend(trigger.id for trigger in self.at_level(card.kind))
            else:
                ids.append(bullet)
        return ids

    def text(self, trigger_id: str, language: str) -> str | None:
        """A trigger's wording in a language, or None when the table has none."""
        trigger = self.triggers.get(trigger_id)
        wording = trigger.wording.get(language) if trigger else None
        return wording.strip() if isinstance(wording, str) and wording.strip() else None


def read_table(path: Path, display: str | None = None) -> TriggerTable:
    """Read a trigger table, keeping each entry's line for the checker's messages, which
    name it as display (by default, its path relative to the working folder)."""
    display = display or os.path.relpath(path)
    node = compose_file(path, display, "trigger table")
    sections = mapping_lines(node)
    if set(sections) != {"sources", "triggers"}:
        raise UsageError(f"{display}:1: the trigger table must have two sections, sources "
                         "and triggers")
    constructor = yaml.constructor.SafeConstructor()
    sources, source_lines = {}, {}
    for key, (line, value) in mapping_lines(sections["sources"][1]).items():
        sources[key] = constructor.construct_object(value, deep=True)
        source_lines[key] = line
    triggers = {}
    for key, (line, value) in mapping_lines(sections["triggers"][1]).items():
        entry = constructor.construct_object(value, deep=True)
        entry = entry if isinstance(entry, dict) else {}
        triggers[key] = Trigger(key, line, entry.get("level"),
                                {k: v for k, v in entry.items() if k not in NON_WORDING_KEYS},
                                entry.get("sources"), entry.get("note"))
    return TriggerTable(display, triggers, sources, source_lines, sections["triggers"][0])


NON_WORDING_KEYS = ("level", "sources", "note")


@functools.cache
def site_table() -> TriggerTable:
    """The site's trigger table, read once; messages name it from the package's folder
    (scripts/weaning_breast_health/triggers.yml), wherever the command runs."""
    return read_table(TABLE_PATH, str(TABLE_PATH.relative_to(TABLE_PATH.parents[2])))
