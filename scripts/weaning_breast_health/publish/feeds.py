"""An Atom feed of changes for each edition: /feed.xml and /zh/feed.xml.

One entry for each recorded change to an article (history.py: checks against its sources,
clinical reviews, editorial changes with their reasons, translations, and the first
check that published it), newest first, with the page's address and what changed, in the
edition's language. Clinics that keep printed handouts follow it to know when to print
again. Written with feedgen; dates are RFC 3339 (a change is recorded by its day, so
each is that day's midnight, UTC).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from feedgen.feed import FeedGenerator

from ..checks.review_ledger import Ledger
from ..editions import folder
from ..history import Change, describe, page_history
from ..pages import Page
from ..settings import SiteSettings
from ..ui_text import FEED_TEXT, HISTORY_TEXT, TEXT
from ..urls import FEED_NAME, canonical_url, site_root
from ..vocabulary import HREFLANGS


def changes(articles: dict[str, Page], ledger: Ledger | None,
            language: str) -> list[tuple[str, Page, Change]]:
    """Every recorded change to the edition's articles, newest first."""
    found = [(name, page, change) for name, page in articles.items()
             if page.language == language for change in page_history(page, ledger)]
    return sorted(found, key=lambda item: (item[2].sort_key, item[0]), reverse=True)


def day(date: datetime.date) -> datetime.datetime:
    """A recorded day as the moment it started, in UTC."""
    return datetime.datetime.combine(date, datetime.time(), tzinfo=datetime.timezone.utc)


def entry_id(address: str, change: Change) -> str:
    """A change's permanent id: the page's address and the version it made (for a
    translation, the English version it translates and its date: a version may be
    translated more than once)."""
    suffix = f"-translation-{change.date.isoformat()}" if change.kind == "translation" else ""
    return f"{address}#version-{change.version}{suffix}"


def feed_xml(articles: dict[str, Page], ledger: Ledger | None, settings: SiteSettings,
             language: str) -> bytes:
    """The Atom feed of the edition's recorded changes."""
    words, history = FEED_TEXT[language], HISTORY_TEXT[language]
    edition = site_root(settings) + (f"{folder(language)}/" if folder(language) else "")
    listed = changes(articles, ledger, language)
    feed = FeedGenerator()
    feed.id(edition + FEED_NAME)
    feed.title(words["title"])
    feed.subtitle(words["subtitle"])
    feed.link(href=edition + FEED_NAME, rel="self", type="application/atom+xml")
    feed.link(href=edition, rel="alternate", type="text/html")
    feed.language(HREFLANGS[language])
    feed.author({"name": words["author"]})
    if listed:
        feed.updated(day(listed[0][2].date))
    for name, page, change in listed:
        address = canonical_url(settings, name)
        what = describe(change, language)
        version = history["version"].format(version=change.version)
        entry = feed.add_entry(order="append")
        entry.id(entry_id(address, change))
        entry.title(words["entry"].format(title=page.meta["title"], change=what))
        entry.link(href=address, rel="alternate", type="text/html")
        entry.updated(day(change.date))
        entry.published(day(change.date))
        entry.author({"name": change.by})
        entry.summary(f"{version}{TEXT[language]['colon']}{what}")
    return feed.atom_str(pretty=True)


def write_feeds(site_dir: Path, articles: dict[str, Page], ledger: Ledger | None,
                settings: SiteSettings) -> list[str]:
    """Write each edition's feed into the built site; return their paths in it."""
    written = []
    for language in sorted({page.language for page in articles.values()}):
        path = Path(folder(language)) / FEED_NAME
        (site_dir / path).write_bytes(feed_xml(articles, ledger, settings, language))
        written.append(path.as_posix())
    return written
