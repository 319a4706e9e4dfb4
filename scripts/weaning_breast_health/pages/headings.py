"""Heading ids as MkDocs gives them, computed by Python-Markdown's own toc extension."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

import markdown
from markdown.extensions.toc import unique

from .model import Page
from .syntax import PLAIN_HEADING


def compute_heading_ids(page: Page, converter: markdown.Markdown) -> None:
    """Give each heading its built id and title.

    Plain-text headings go straight to toc's configured slugify and unique(); a heading
    with any inline markup is rendered, with the page's other headings, by the converter.
    """
    if not page.headings:
        return
    plain = [PLAIN_HEADING.match(heading.source) for heading in page.headings]
    if all(plain):
        toc = converter.treeprocessors["toc"]
        used_ids = {match[2] for match in plain if match[2]}
        page.heading_titles = [match[1] for match in plain]
        page.heading_ids = [match[2] or unique(toc.slugify(match[1], toc.sep), used_ids)
                            for match in plain]
        return
    converter.reset()
    converter.convert("\n\n".join(heading.source for heading in page.headings))
    tokens = list(_flatten(converter.toc_tokens))
    page.heading_ids = [token["id"] for token in tokens]
    page.heading_titles = [html.unescape(token["name"]) for token in tokens]


def _flatten(tokens: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for token in tokens:
        yield token
        yield from _flatten(token["children"])
