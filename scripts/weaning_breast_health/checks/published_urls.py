"""Published URL rules (REG): every address and anchor ever published keeps working.

The registry (published-urls.txt beside the docs folder) lists every URL and anchor ever
published, the handouts and feeds that publishing writes included; clinics link to them.
`--write-registry` only adds to it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import UsageError
from ..pages import Page, Problem
from ..urls import FEED_NAME, HANDOUTS_FOLDER, feed_url, handout_url, moved_handouts, page_url

REGISTRY_NAME = "published-urls.txt"
REGISTRY_HEADER = """\
# Every published page URL and section anchor, and every handout and feed address,
# relative to site_url: clinics link to them.
# Add new ones with `python3 scripts/dev.py check --write-registry`, which only adds.
# Never delete a line. If a page moves, redirect it (redirect_maps in mkdocs.yml); if a
# section id changes, keep the old id as an alias where the section starts:
# <div id="old-id"></div>
"""


@dataclass(frozen=True)
class Registry:
    """The committed list of published URLs, as (line, entry) pairs."""

    display_path: str
    entries: tuple[tuple[int, str], ...]


def default_registry(docs_dir: Path) -> Path:
    """Where the registry lives: published-urls.txt beside the docs folder."""
    return docs_dir.parent / REGISTRY_NAME


def read_registry(path: Path) -> Registry:
    """The entries of a registry file; blank lines and # comments are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read the registry {path}: {error}") from error
    entries = tuple((number, line.strip()) for number, line in enumerate(lines, 1)
                    if line.strip() and not line.startswith("#"))
    return Registry(os.path.relpath(path), entries)


def generated_entries(pages: dict[str, Page]) -> set[str]:
    """The addresses publishing writes for the pages: each article's handout and each
    edition's feed."""
    readable = [(name, page) for name, page in pages.items() if page.readable]
    return ({handout_url(name) for name, page in readable if page.is_article}
            | {feed_url(page.language) for _, page in readable})


def published_entries(pages: dict[str, Page]) -> set[str]:
    """Each readable page's URL, and its URL with each id an author or the template chose;
    and each handout's and feed's address."""
    entries = generated_entries(pages)
    for name, page in pages.items():
        if not page.readable:
            continue
        automatic = {id_ for heading, id_ in zip(page.headings, page.heading_ids)
                     if heading.explicit_id is None}
        entries.add(page_url(name))
        entries.update(f"{page_url(name)}#{anchor}" for anchor in page.anchors - automatic)
    return entries


def write_registry(path: Path, pages: dict[str, Page]) -> list[str]:
    """Add what the pages publish now to the registry file, removing nothing; returns the added."""
    known = {entry for _, entry in read_registry(path).entries} if path.exists() else set()
    added = sorted(published_entries(pages) - known)
    entries = sorted(known | set(added))
    path.write_text(REGISTRY_HEADER + "".join(f"{entry}\n" for entry in entries), encoding="utf-8")
    return added


def check_registry(registry: Registry, pages: dict[str, Page],
                   redirects: dict[str, str]) -> Iterator[Problem]:
    """Every published URL still lands: on its page, through a redirect, or on an anchor alias."""
    by_url = {page_url(name): page for name, page in pages.items()}
    moved = {page_url(old): new for old, new in redirects.items()}
    articles = {name for name, page in pages.items() if page.readable and page.is_article}
    generated = generated_entries(pages) | set(moved_handouts(redirects, articles))
    reported: set[str] = set()
    for line, entry in registry.entries:
        url, _, anchor = entry.partition("#")
        if url in generated and not anchor:
            continue
        page = by_url.get(url)
        if page is None and url in moved:
            target = moved[url].partition("#")[0]
            if urlsplit(target).scheme:
                continue  # moved to another site, whose anchors we cannot see
            page = pages.get(target)
            if page is None and url not in reported:
                reported.add(url)
                yield Problem(registry.display_path, line, "REG001", f"published page {url} "
                              f"redirects to {target!r}, which does not exist in the docs")
                continue
        if page is None:
            if url not in reported:
                reported.add(url)
                yield Problem(registry.display_path, line, "REG001", _gone(url))
        elif anchor and page.readable and anchor not in page.anchors:
            yield Problem(registry.display_path, line, "REG002", f"published anchor {entry} "
                          f"is not on {page.rel_path}: give the section that id again, or keep "
                          f'it as an alias where the section starts: <div id="{anchor}"></div>')


def site_registry(docs_dir: Path, registry_path: Path | None = None) -> Registry | None:
    """The registry at registry_path, else the default one beside docs_dir if it exists."""
    if registry_path is None and default_registry(docs_dir).exists():
        registry_path = default_registry(docs_dir)
    return read_registry(registry_path) if registry_path else None


def _gone(url: str) -> str:
    """What to do about a published address that no longer lands."""
    if url.endswith(f"/{FEED_NAME}") or f"/{HANDOUTS_FOLDER}/" in url:
        return (f"published {url} is no longer written: publishing writes a handout for every "
                "article and a feed for every edition, so restore the article or edition it "
                "belongs to, or redirect a moved article (redirect_maps in mkdocs.yml): its "
                "handout moves with it")
    return (f"published page {url} no longer exists: restore it, or redirect it to its new "
            "page (redirect_maps in mkdocs.yml)")
