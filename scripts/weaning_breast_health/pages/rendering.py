"""A page's body as HTML, rendered once with the site's Markdown settings and kept on the
page, so the readability rules and the catalogue share one render."""

from __future__ import annotations

import markdown

from .model import Page


def rendered_html(page: Page, converter: markdown.Markdown) -> str:
    """The page's body rendered by converter (the site's, SiteSettings.markdown()), made
    on the first call and kept on the page."""
    if page.html is None:
        converter.reset()
        page.html = converter.convert(page.body_text)
    return page.html
