"""What the built site publishes for clinics: the article catalogue and robots.txt.

catalogue() turns the pages the checker read into the data of /api/articles.json
(described by docs/api/articles.schema.json, which ships with the site).
"""

from __future__ import annotations

import datetime
import html
import json
from pathlib import Path
from typing import Any

import markdown
from markdown.extensions.toc import strip_tags

from ..checks.front_matter import renderable_meta
from ..checks.review_ledger import Ledger
from ..history import current_version, page_history
from ..editions import folder
from ..pages import CareCard, Page
from ..settings import SiteSettings
from ..urls import canonical_url, counterparts, doi_url, handout_url, site_root
from ..vocabulary import CARE_CARD_TYPES, HREFLANGS

CATALOGUE_PATH = "api/articles.json"
SCHEMA_PATH = "api/articles.schema.json"
# The licence of the text, as the copyright line in mkdocs.yml states it.
LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


def articles(pages: dict[str, Page]) -> dict[str, Page]:
    """The article pages, by path relative to the docs folder."""
    return {name: page for name, page in pages.items() if page.readable and page.is_article}


def catalogue(pages: dict[str, Page], settings: SiteSettings,
              ledger: Ledger | None = None) -> dict[str, Any]:
    """The catalogue of every article, for pages that pass the content checker."""
    converter = settings.markdown()
    return {
        "site_url": site_root(settings),
        "schema": site_root(settings) + SCHEMA_PATH,
        "licence": LICENCE,
        "articles": [article_entry(name, page, settings, converter, pages, ledger)
                     for name, page in articles(pages).items()],
    }


def article_entry(name: str, page: Page, settings: SiteSettings,
                  converter: markdown.Markdown, pages: dict[str, Page],
                  ledger: Ledger | None = None) -> dict[str, Any]:
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
        "care_cards": [care_card_entry(card, converter) for card in page.cards
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


def care_card_entry(card: CareCard, converter: markdown.Markdown) -> dict[str, Any]:
    """A care card's level, title and triggers, as plain text."""
    return {"level": card.kind, "title": plain_text(card.title or "", converter),
            "triggers": [plain_text(trigger, converter) for trigger in card.triggers]}


def plain_text(text: str, converter: markdown.Markdown) -> str:
    """Inline Markdown as the text a reader sees, rendered by the site's own converter."""
    converter.reset()
    return html.unescape(strip_tags(converter.convert(text)))


def source_address(source: dict[str, Any]) -> str:
    """Where a source can be read: its url, or its DOI's https://doi.org/ address."""
    return source.get("url") or doi_url(source["doi"])


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
                    ledger: Ledger | None = None) -> None:
    """Write /api/articles.json and robots.txt into the built site."""
    path = site_dir / CATALOGUE_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(catalogue(pages, settings, ledger), indent=2,
                               ensure_ascii=False) + "\n",
                    encoding="utf-8")
    folders = sorted({folder(page.language) for page in pages.values()})
    (site_dir / "robots.txt").write_text(robots_txt(settings, folders), encoding="utf-8")
