"""Every address the site publishes, defined once: page URL paths and canonical URLs."""

from __future__ import annotations

import posixpath
from collections.abc import Container

from .errors import UsageError
from .settings import SiteSettings
from .vocabulary import DEFAULT_LANGUAGE, TRANSLATIONS


def page_url(rel_path: str) -> str:
    """A page's URL path from its file name, as MkDocs builds it with directory URLs:
    mastitis.md -> /mastitis/, sub/index.md -> /sub/, index.md -> /."""
    stem = posixpath.splitext(rel_path)[0]
    if posixpath.basename(stem) == "index":
        stem = posixpath.dirname(stem)
    return f"/{stem}/" if stem else "/"


def page_dir(rel_path: str) -> str:
    """The built page's folder relative to the site folder: '' for the home page."""
    return page_url(rel_path).strip("/")


HANDOUTS_FOLDER = "handouts"
FEED_NAME = "feed.xml"


def feed_url(language: str) -> str:
    """An edition's Atom feed: /feed.xml, /zh/feed.xml."""
    return (f"/{TRANSLATIONS[language].folder}/" if language in TRANSLATIONS else "/") + FEED_NAME


def handout_url(rel_path: str) -> str:
    """An article's one-page handout, in its edition's folder: mastitis.md ->
    /handouts/mastitis/, zh/mastitis.md -> /zh/handouts/mastitis/."""
    head, _, rest = rel_path.partition("/")
    if rest and head in TRANSLATIONS:
        return f"/{head}/{HANDOUTS_FOLDER}" + page_url(rest)
    return f"/{HANDOUTS_FOLDER}" + page_url(rel_path)


def moved_handouts(redirects: dict[str, str], articles: Container[str]) -> dict[str, str]:
    """Each handout address a moved article leaves behind (redirect_maps: old.md -> new.md),
    and its new handout's address, in every edition: a handout moves with its article."""
    moved = {}
    for old, new in redirects.items():
        target = new.partition("#")[0]
        for prefix in ("", *(f"{translation.folder}/" for translation in TRANSLATIONS.values())):
            if prefix + target in articles:
                moved[handout_url(prefix + old)] = handout_url(prefix + target)
    return moved


def generated_target(docs_path: str, articles: Container[str]) -> bool:
    """Whether a link target (a path relative to the docs folder) is an address that
    publishing writes: an article's handout (handouts/mastitis/) or an edition's feed."""
    path = posixpath.normpath(docs_path.removesuffix("index.html"))
    head, _, rest = path.partition("/")
    if rest and head in TRANSLATIONS:
        path, prefix = rest, head + "/"
    else:
        prefix = ""
    if path == FEED_NAME:
        return True
    folder, _, name = path.partition("/")
    return folder == HANDOUTS_FOLDER and "/" not in name and f"{prefix}{name}.md" in articles


def site_root(settings: SiteSettings) -> str:
    """site_url, ending with a slash."""
    if not settings.site_url:
        raise UsageError("mkdocs.yml has no site_url: canonical URLs need it")
    return settings.site_url.rstrip("/") + "/"


def canonical_url(settings: SiteSettings, rel_path: str) -> str:
    """The address of a page: site_url followed by the page's URL path."""
    return site_root(settings) + page_url(rel_path).lstrip("/")


def resolve_page(from_page: str, target: str) -> str:
    """A page path written relative to from_page, as a path relative to the docs folder."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_page), target))


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


def source_address(source: dict) -> str:
    """Where a source can be read: its url, or its DOI's https://doi.org/ address."""
    return source.get("url") or doi_url(source["doi"])


def counterparts(rel_path: str, pages: Container[str]) -> dict[str, str]:
    """The same page in every language that has it, by language, as docs paths:
    mastitis.md and zh/mastitis.md are counterparts."""
    head, _, rest = rel_path.partition("/")
    english = rest if rest and head in TRANSLATIONS else rel_path
    found = {DEFAULT_LANGUAGE: english}
    found.update({language: f"{translation.folder}/{english}"
                  for language, translation in TRANSLATIONS.items()})
    return {language: path for language, path in found.items() if path in pages}
