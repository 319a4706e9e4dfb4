"""What the built site publishes for clinics: the article catalogue, the trigger table
and robots.txt.

catalogue() turns the pages the checker read into the data of /api/articles.json
(described by docs/api/articles.schema.json, which ships with the site); trigger_catalogue()
turns the trigger table into /api/triggers.json (docs/api/triggers.schema.json), so a
clinic can see which signs each page sends where, in every language.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from ..checks.front_matter import renderable_meta
from ..checks.review_ledger import Ledger
from ..history import current_version, page_history
from ..editions import folder
from ..pages import CareCard, Page
from ..settings import SiteSettings
from ..triggers import TriggerTable, site_table
from ..urls import canonical_url, counterparts, handout_url, site_root, source_address
from ..vocabulary import CARE_CARD_TYPES, CARE_CARDS, HREFLANGS

CATALOGUE_PATH = "api/articles.json"
SCHEMA_PATH = "api/articles.schema.json"
TRIGGERS_PATH = "api/triggers.json"
TRIGGERS_SCHEMA_PATH = "api/triggers.schema.json"
# The licence of the text, as the copyright line in mkdocs.yml states it.
LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


def articles(pages: dict[str, Page]) -> dict[str, Page]:
    """The article pages, by path relative to the docs folder."""
    return {name: page for name, page in pages.items() if page.readable and page.is_article}


def catalogue(pages: dict[str, Page], settings: SiteSettings,
              ledger: Ledger | None = None) -> dict[str, Any]:
    """The catalogue of every article, for pages that pass the content checker."""
    return {
        "site_url": site_root(settings),
        "schema": site_root(settings) + SCHEMA_PATH,
        "licence": LICENCE,
        "articles": [article_entry(name, page, settings, pages, ledger)
                     for name, page in articles(pages).items()],
    }


def article_entry(name: str, page: Page, settings: SiteSettings,
                  pages: dict[str, Page], ledger: Ledger | None = None) -> dict[str, Any]:
    """One article: its address, its handout's, its version (history.py), front matter,
    sections and care cards, its language and the same article in the site's other
    languages (a translation also says whence)."""
    url = canonical_url(settings, name)
    meta = renderable_meta(page)
    version = current_version(page_history(page, ledger))
    entry = {
        "url": url,
        "handout": site_root(settings) + handout_url(name).lstrip("/"),
        **({"version": version} if version else {}),
        "title": meta["title"],
        "description": meta["description"],
        "also_called": meta["also_called"],
        "sections": [{"level": heading.level, "title": title, "anchor": id_,
                      "url": f"{url}#{id_}"}
                     for heading, id_, title in zip(page.headings, page.heading_ids,
                                                    page.heading_titles)
                     if heading.level > 1],
        "care_cards": [care_card_entry(card, page.language, site_table()) for card in page.cards
                       if card.kind in CARE_CARD_TYPES],
        "last_reviewed": meta["last_reviewed"].isoformat(),
        "next_review": meta["next_review"].isoformat(),
        "sources": [source_entry(source) for source in meta["sources"]],
        "language": HREFLANGS[page.language],
        "counterparts": {HREFLANGS[language]: canonical_url(settings, path)
                         for language, path in counterparts(name, pages).items()
                         if language != page.language},
    }
    if page.is_translation:
        record = meta["translation"]
        entry["translation"] = {"source": canonical_url(settings, page.source_path),
                                "translated": record["translated"].isoformat(),
                                "translator": record["translator"], "review": record["review"]}
    return entry


def care_card_entry(card: CareCard, language: str, table: TriggerTable) -> dict[str, Any]:
    """A care card's level, title and triggers as the reader sees them, and the triggers'
    ids in the trigger table (/api/triggers.json)."""
    ids = table.card_ids(card)
    return {"level": card.kind, "title": CARE_CARDS[language].levels[card.kind].title,
            "triggers": [table.text(trigger_id, language) for trigger_id in ids],
            "trigger_ids": ids}


def trigger_catalogue(settings: SiteSettings, table: TriggerTable) -> dict[str, Any]:
    """The trigger table as published: each level's card title, and each trigger's level,
    wording in every language, sources and editor's note."""
    languages = {language: HREFLANGS[language] for language in CARE_CARDS}
    return {
        "site_url": site_root(settings),
        "schema": site_root(settings) + TRIGGERS_SCHEMA_PATH,
        "licence": LICENCE,
        "levels": {level: {"title": {tag: CARE_CARDS[language].levels[level].title
                                     for language, tag in languages.items()}}
                   for level in CARE_CARD_TYPES},
        "triggers": [{"id": trigger.id, "level": trigger.level,
                      "text": {tag: table.text(trigger.id, language)
                               for language, tag in languages.items()},
                      "sources": [source_entry(table.sources[key]) for key in trigger.sources],
                      **({"note": " ".join(trigger.note.split())} if trigger.note else {})}
                     for trigger in table.triggers.values()],
    }


def source_entry(source: dict[str, Any]) -> dict[str, Any]:
    """A source as the page lists it, with the address it links to."""
    entry = {key: source[key] for key in ("title", "publisher", "year", "doi") if key in source}
    if isinstance(source.get("accessed"), datetime.date):
        entry["accessed"] = source["accessed"].isoformat()
    entry["url"] = source_address(source)
    return entry


def robots_txt(settings: SiteSettings, folders: list[str]) -> str:
    """A robots.txt that lets every crawler in and names each edition's sitemap (the site's,
    then each translation folder's) at the real site_url."""
    sitemaps = "".join(f"Sitemap: {site_root(settings)}{folder}{'/' if folder else ''}sitemap.xml\n"
                       for folder in folders)
    return f"User-agent: *\nAllow: /\n\n{sitemaps}"


def write_catalogue(site_dir: Path, pages: dict[str, Page], settings: SiteSettings,
                    ledger: Ledger | None = None) -> list[Path]:
    """Write /api/articles.json, /api/triggers.json and robots.txt into the built site;
    return their paths."""
    path = site_dir / CATALOGUE_PATH
    triggers, robots = site_dir / TRIGGERS_PATH, site_dir / "robots.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json_text(catalogue(pages, settings, ledger)), encoding="utf-8")
    triggers.write_text(json_text(trigger_catalogue(settings, site_table())), encoding="utf-8")
    folders = sorted({folder(page.language) for page in pages.values()})
    robots.write_text(robots_txt(settings, folders), encoding="utf-8")
    return [path, triggers, robots]


def json_text(data: Any) -> str:
    """Data as published JSON: compact (no indent, no space after separators; indenting
    made the catalogue a third larger) and with every language's characters as they are."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
