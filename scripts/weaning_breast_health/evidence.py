"""Evidence records: for each page, which source says each of its claims, and where.

A page's evidence file sits beside it (docs/mastitis.evidence.yml for docs/mastitis.md,
docs/zh/mastitis.evidence.yml for its Chinese page), so a reviewer reads a page's
evidence in one place. It has two sections:

    based_on:            # each of the page's sources, by its address, and what it supports
      https://www.nhs.uk/conditions/mastitis/: the signs of mastitis and when to see a GP
    claims:              # each claim with a number, a time frame or a medicine
      - id: gp-same-day
        claim: See a GP the same day if ...          # the sentence(s) as a reader reads them
        source: https://www.nhs.uk/conditions/mastitis/
        where: "Non-urgent advice: see a GP if"      # the section or heading in the source
        says: The NHS lists ...                      # what the source says there, in our words

A Chinese claim translated from the English page names the English record it translates
(`record: gp-same-day`) instead of source, where and says; a claim that exists only in
Chinese has a record of its own. checks/evidence.py holds the records to their pages,
and the pages' templates show each source's `based_on` line under "Sources".

The lines many pages repeat (the emergency numbers, the helplines in "Where to get
support") are evidenced once, in the edition's site.evidence.yml (docs/ and docs/zh/):
it has `sources` (written as a page's front matter writes them) instead of based_on, and
its records cover those sentences on every page of the edition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .pages import Problem
from .urls import source_address
from .yaml_files import LOADER, error_at, mapping_lines
from .vocabulary import EVIDENCE_SUFFIX

SITE_EVIDENCE = "site" + EVIDENCE_SUFFIX  # in each edition's folder
RECORD_KEYS = ("id", "claim", "source", "where", "says")  # a record of its own
TRANSLATED_KEYS = ("claim", "record")  # a translated claim: the English record it translates


@dataclass(frozen=True)
class Record:
    """One claim and what stands behind it (values as written: checks/ validates them)."""

    line: int
    fields: dict[str, Any]

    def get(self, key: str) -> Any:
        value = self.fields.get(key)
        return value.strip() if isinstance(value, str) else value


@dataclass
class Evidence:
    """A page's evidence file, read, with the problems found while reading it."""

    path: str  # as shown in messages
    based_on: dict[str, tuple[int, Any]] = field(default_factory=dict)  # address: (line, text)
    sources: list[tuple[int, Any]] = field(default_factory=list)  # site.evidence.yml's: (line, source)
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True  # False when the file could not be read as an evidence file

    def problem(self, line: int, message: str) -> Problem:
        return Problem(self.path, line, "EVD004", message)

    def by_id(self) -> dict[str, Record]:
        return {record.get("id"): record for record in self.records
                if isinstance(record.get("id"), str)}


def with_based_on(sources: list[dict[str, Any]],
                  evidence: Evidence | None) -> list[dict[str, Any]]:
    """A page's sources as its template lists them, each with its based_on line (which
    of the page's points it supports) when the evidence file gives one."""
    lines = evidence.based_on if evidence else {}
    return [{**source, "based_on": lines[source_address(source)][1]}
            if isinstance(lines.get(source_address(source), (0, None))[1], str) else source
            for source in sources]


def evidence_path(rel_path: str) -> str:
    """The evidence file of a page: mastitis.md -> mastitis.evidence.yml."""
    return rel_path.removesuffix(".md") + EVIDENCE_SUFFIX


def page_of(evidence_rel_path: str) -> str:
    """The page an evidence file belongs to: mastitis.evidence.yml -> mastitis.md."""
    return evidence_rel_path.removesuffix(EVIDENCE_SUFFIX) + ".md"


def is_site_evidence(rel_path: str) -> bool:
    """Whether an evidence file is an edition's site.evidence.yml."""
    return rel_path.rsplit("/", 1)[-1] == SITE_EVIDENCE


def read_site_evidence(docs_dir: Path, display_root: str) -> dict[str, Evidence]:
    """Every evidence file under docs_dir, by the path of the page it belongs to (an
    edition's site.evidence.yml by its own path)."""
    found = {}
    for path in sorted(docs_dir.rglob("*" + EVIDENCE_SUFFIX)):
        rel_path = path.relative_to(docs_dir).as_posix()
        key = rel_path if is_site_evidence(rel_path) else page_of(rel_path)
        found[key] = read_evidence(path, f"{display_root}/{rel_path}",
                                   is_site_evidence(rel_path))
    return found


def read_evidence(path: Path, display: str, site: bool = False) -> Evidence:
    """Read one evidence file (site: an edition's site.evidence.yml); what cannot be read
    becomes EVD004 problems, never an error."""
    evidence = Evidence(display)
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=LOADER)
    except (OSError, UnicodeDecodeError) as error:
        evidence.problems.append(evidence.problem(1, f"cannot read the evidence file: {error}"))
        evidence.readable = False
        return evidence
    except yaml.YAMLError as error:
        line, problem = error_at(error)
        evidence.problems.append(evidence.problem(line, f"not valid YAML: {problem}"))
        evidence.readable = False
        return evidence
    sections = mapping_lines(node)
    first = "sources" if site else "based_on"
    if not isinstance(node, yaml.MappingNode) or set(sections) - {first, "claims"}:
        evidence.problems.append(evidence.problem(
            1, f"this evidence file has two sections, {first} and claims, and nothing else"))
        evidence.readable = False
        return evidence
    constructor = yaml.constructor.SafeConstructor()
    listed = sections.get("sources", (1, None))[1]
    for item in listed.value if isinstance(listed, yaml.SequenceNode) else []:
        evidence.sources.append((item.start_mark.line + 1,
                                 constructor.construct_object(item, deep=True)))
    if "based_on" in sections:
        for address, (line, value) in mapping_lines(sections["based_on"][1]).items():
            evidence.based_on[address] = (line, constructor.construct_object(value, deep=True))
    claims = sections.get("claims", (1, None))[1]
    for item in claims.value if isinstance(claims, yaml.SequenceNode) else []:
        value = constructor.construct_object(item, deep=True)
        evidence.records.append(Record(item.start_mark.line + 1,
                                       value if isinstance(value, dict) else {}))
    return evidence
