"""A page's body as HTML, rendered once with the site's Markdown settings and kept on the
page, so the readability rules and the catalogue share one render; and what that render
depends on besides the page, so that what is read from it can be kept in the user's cache
folder (user_cache.py) and an unchanged page need not be rendered again."""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path

import markdown

from ..settings import SiteSettings
from .model import Page

PACKAGE = Path(__file__).resolve().parent.parent


def rendered_html(page: Page, converter: markdown.Markdown) -> str:
    """The page's body rendered by converter (the site's, SiteSettings.markdown()), made
    on the first call and kept on the page."""
    if page.html is None:
        converter.reset()
        page.html = converter.convert(page.body_text)
    return page.html


def render_fingerprint(settings: SiteSettings, language: str | None = None) -> str:
    """What a page's render depends on besides its Markdown: the site's Markdown settings,
    the language its care cards are rendered in, the versions of Python-Markdown and
    pymdown-extensions, and this package's own code and data (its Markdown extensions,
    the trigger table they render cards from, and what reads the render)."""
    code = hashlib.sha256()
    for path in sorted([*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.yml")]):
        code.update(path.read_bytes())
    return json.dumps([list(settings.extensions), settings.extension_configs, language,
                       version("markdown"), version("pymdown-extensions"), code.hexdigest()],
                      sort_keys=True, default=repr)


def render_key(page: Page, fingerprint: str) -> str:
    """The cache key of what is read from the page's render."""
    return f"{fingerprint}\n{page.body_text}"
