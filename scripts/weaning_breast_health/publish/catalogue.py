"""What the built site publishes for clinics: the article catalogue and robots.txt.

catalogue() turns the pages the checker read into the data of /api/articles.json
(described by docs/api/articles.schema.json, which ships with the site). The care cards'
text comes from the page's one render, the checker's (pages/rendering.py), and is kept in
the user's cache folder like the readability rules' text, so an unchanged page is not
rendered again.
"""

from __future__ import annotations

import datetime
import html
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown

from ..checks.front_matter import renderable_meta
from ..editions import folder
from ..pages import Page, render_fingerprint, render_key, rendered_html
from ..settings import SiteSettings
from ..urls import canonical_url, counterparts, doi_url, site_root
from ..user_cache import cache_folder, cached_json
from ..vocabulary import CARE_CARD_TYPES, HREFLANGS

CATALOGUE_PATH = "api/articles.json"
SCHEMA_PATH = "api/articles.schema.json"
# The licence of the text, as the copyright line in mkdocs.yml states it.
LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
CARE_CARDS = cache_folder("care-cards")


def articles(pages: dict[str, Page]) -> dict[str, Page]:
    """The article pages, by path relative to the docs folder."""
    return {name: page for name, page in pages.items() if page.readable and page.is_article}


def catalogue(pages: dict[str, Page], settings: SiteSettings) -> dict[str, Any]:
    """The catalogue of every article, for pages that pass the content checker."""
    converter, fingerprint = settings.markdown(), render_fingerprint(settings)
    return {
        "site_url": site_root(settings),
        "schema": site_root(settings) + SCHEMA_PATH,
        "licence": LICENCE,
        "articles": [article_entry(name, page, settings, converter, fingerprint, pages)
                     for name, page in articles(pages).items()],
    }


def article_entry(name: str, page: Page, settings: SiteSettings, converter: markdown.Markdown,
                  fingerprint: str, pages: dict[str, Page]) -> dict[str, Any]:
    """One article: its address, front matter, sections and care cards, its language and
    the same article in the site's other languages (a translation also says whence)."""
    url = canonical_url(settings, name)
    meta = renderable_meta(page)
    entry = {
        "url": url,
        "title": meta["title"],
        "description": meta["description"],
        "also_called": meta["also_called"],
        "sections": [{"level": heading.level, "title": title, "anchor": id_,
                      "url": f"{url}#{id_}"}
                     for heading, id_, title in zip(page.headings, page.heading_ids,
                                                    page.heading_titles)
                     if heading.level > 1],
        "care_cards": care_card_entries(page, converter, fingerprint),
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


def care_card_entries(page: Page, converter: markdown.Markdown,
                      fingerprint: str) -> list[dict[str, Any]]:
    """Each care card's level, and its title and triggers as the plain text a reader
    sees, read from the page's render (or the cache): the cards the scanner found, in
    the same order."""
    entries = cached_json(CARE_CARDS, render_key(page, fingerprint),
                          lambda: rendered_cards(rendered_html(page, converter)))
    scanned = [card.kind for card in page.cards if card.kind in CARE_CARD_TYPES]
    if [entry["level"] for entry in entries] != scanned:
        raise AssertionError(f"{page.rel_path}: the rendered care cards differ from the scanned "
                             f"ones: {scanned}")
    return entries


def rendered_cards(html_text: str) -> list[dict[str, Any]]:
    """The care cards in a page's rendered HTML, as the catalogue lists them."""
    parser = _RenderedCards()
    parser.feed(html_text)
    parser.close()
    return [{"level": kind, "title": title, "triggers": triggers}
            for kind, title, triggers in parser.cards]


class _RenderedCards(HTMLParser):
    """The care cards of rendered HTML that are not inside another admonition (as the
    scanner finds them): each one's level, its title without the hidden label, and the
    text of each item of its list. Text as Python-Markdown's toc strip_tags leaves it:
    tags removed, white space folded, then character references resolved."""

    VOID_TAGS = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                 "wbr"}
    CONTAINERS = {"div", "details"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.cards: list[tuple[str, str, list[str]]] = []
        # Each open element: its tag, where its text goes ("title", "item" or None), and
        # whether it is an admonition that is not a card.
        self.open: list[tuple[str, str | None, bool]] = []
        self.card_depth: int | None = None  # how many elements were open when the card opened
        self.kind = ""
        self.title: list[str] = []
        self.items: list[list[str]] = []
        self.other_admonitions = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID_TAGS:
            return
        classes = (dict(attrs).get("class") or "").split()
        target = self.open[-1][1] if self.open else None
        admonition = tag in self.CONTAINERS and ("admonition" in classes or tag == "details")
        other = False
        if self.card_depth is None:
            kind = next((name for name in classes if name in CARE_CARD_TYPES), None)
            if admonition and kind and not self.other_admonitions:
                self.card_depth, self.kind, self.title, self.items = len(self.open), kind, [], []
            elif admonition:
                other = True
                self.other_admonitions += 1
        else:
            depth = len(self.open) - self.card_depth
            if "visually-hidden" in classes:
                target = None
            elif depth == 1 and ("admonition-title" in classes or tag == "summary"):
                target = "title"
            elif depth == 2 and tag == "li":
                self.items.append([])
                target = "item"
        self.open.append((tag, target, other))

    def handle_endtag(self, tag: str) -> None:
        if all(name != tag for name, _, _ in self.open):
            return
        while self.open:
            name, _, other = self.open.pop()
            self.other_admonitions -= other
            if len(self.open) == self.card_depth:
                self.cards.append((self.kind, _plain(self.title),
                                   [_plain(item) for item in self.items]))
                self.card_depth = None
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        self._text(data)

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};")

    def _text(self, text: str) -> None:
        target = self.open[-1][1] if self.open else None
        if target == "title":
            self.title.append(text)
        elif target == "item":
            self.items[-1].append(text)


def _plain(pieces: list[str]) -> str:
    return html.unescape(" ".join("".join(pieces).split()))


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


def write_catalogue(site_dir: Path, pages: dict[str, Page], settings: SiteSettings) -> None:
    """Write /api/articles.json and robots.txt into the built site."""
    path = site_dir / CATALOGUE_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(catalogue(pages, settings), indent=2, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    folders = sorted({folder(page.language) for page in pages.values()})
    (site_dir / "robots.txt").write_text(robots_txt(settings, folders), encoding="utf-8")
