"""Running every rule over the pages: one path for the command, the hook and publishing."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from ..evidence import Evidence, read_site_evidence
from ..pages import Page, Problem, read_pages, render_fingerprint
from ..settings import SiteSettings, load_site_settings
from ..triggers import TriggerTable, read_table, site_table
from .care_cards import check_care_cards
from .chinese_text import check_chinese_text
from .evidence import check_evidence
from .front_matter import check_also_called, check_front_matter
from .handouts import check_handout_fits
from .links import check_links
from .local_sections import check_local_sections
from .published_urls import Registry, check_registry, site_registry
from .raw_html import check_raw_html
from .review_ledger import Ledger, check_review_ledger, site_ledger
from .readability import check_readability
from .rules import unregistered
from .sections import check_sections
from .site_settings import check_site_settings
from .translations import check_translations
from .trigger_table import check_trigger_table


@dataclass(frozen=True)
class CheckedSite:
    """The settings and pages read for a check, and the problems found in them."""

    settings: SiteSettings
    pages: dict[str, Page]
    problems: list[Problem]
    ledger: Ledger | None = None  # the review ledger beside the docs folder, if any
    evidence: dict[str, Evidence] | None = None  # each page's evidence file, by page path


def read_and_check_site(docs_dir: Path, settings: SiteSettings | Path,
                        today: datetime.date | None = None, display_root: str | None = None,
                        registry_path: Path | None = None,
                        triggers_path: Path | None = None) -> CheckedSite:
    """Read every Markdown page under docs_dir and check it, keeping what was read for
    publishing. settings is a SiteSettings or the path of a mkdocs.yml. The published URLs
    are checked against registry_path, or the default registry beside docs_dir if any;
    the articles' checks against the review ledger beside docs_dir, if any; the cards
    against the trigger table at triggers_path, or the site's."""
    if isinstance(settings, Path):
        settings = load_site_settings(settings)
    pages = read_pages(docs_dir, settings, display_root)
    table = read_table(triggers_path) if triggers_path else site_table()
    ledger = site_ledger(docs_dir)
    evidence = read_site_evidence(docs_dir, display_root if display_root is not None
                                  else str(docs_dir))
    problems = check_pages(pages, settings, docs_dir, today or datetime.date.today(),
                           site_registry(docs_dir, registry_path), ledger, table, evidence)
    return CheckedSite(settings, pages, problems, ledger, evidence)


def check_pages(pages: dict[str, Page], settings: SiteSettings, docs_dir: Path,
                today: datetime.date, registry: Registry | None = None,
                ledger: Ledger | None = None, table: TriggerTable | None = None,
                evidence: dict[str, Evidence] | None = None) -> list[Problem]:
    """Every problem in pages already read (with their evidence files), sorted by file
    and line."""
    table = table or site_table()
    problems: list[Problem] = list(check_site_settings(settings))
    problems.extend(check_trigger_table(table, today))
    converters = {}
    for page in pages.values():
        problems.extend(page.problems)
        if not page.readable:
            continue
        if page.has_front_matter:
            problems.extend(check_front_matter(page, today))
            problems.extend(check_also_called(page))
        problems.extend(check_care_cards(page, table))
        problems.extend(check_local_sections(page))
        problems.extend(check_sections(page))
        problems.extend(check_raw_html(page))
        if page.language not in converters:  # each edition's cards in its own language
            converters[page.language] = (settings.markdown(page.language),
                                         render_fingerprint(settings, page.language))
        problems.extend(check_readability(page, *converters[page.language]))
        problems.extend(check_chinese_text(page))
        problems.extend(check_handout_fits(page, table))
    problems.extend(check_evidence(pages, evidence or {}, converters, today))
    problems.extend(check_links(pages, settings, docs_dir))
    problems.extend(check_translations(pages, today, table))
    if registry:
        problems.extend(check_registry(registry, pages, settings.redirects))
    if ledger:
        problems.extend(check_review_ledger(ledger, pages, table))
    if unknown := unregistered(problems):
        raise AssertionError(f"rule codes missing from checks/rules.py: {sorted(unknown)}")
    return sorted(set(problems))


def format_problems(problems: Iterable[Problem], output_format: str) -> str:
    """The problems as `file:line: CODE message` lines, or as a JSON list."""
    problems = list(problems)
    if output_format == "json":
        return json.dumps([asdict(problem) for problem in problems], indent=2)
    return "\n".join(str(problem) for problem in problems)


def summary(problems: list[Problem]) -> str:
    count = len(problems)
    return f"{count} problem{'s' if count != 1 else ''} found" if count else "No problems found"
