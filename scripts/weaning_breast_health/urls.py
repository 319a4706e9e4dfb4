"""Every address the site publishes, defined once: page URL paths and canonical URLs."""

import posixpath

from .errors import UsageError
from .settings import SiteSettings


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
