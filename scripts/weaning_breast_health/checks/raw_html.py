"""Raw HTML rules (HTML): no scripts, frames, plugins, event handlers or javascript: URLs."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ..pages import Page, Problem

FORBIDDEN_ELEMENT = re.compile(r"<\s*(script|iframe|object|embed)\b", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[A-Za-z][^<>]*?\s(on[a-z]+)\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""(?:\]\(\s*<?|\b(?:href|src|action|formaction)\s*=\s*["']?)"""
                            r"""\s*javascript:""", re.IGNORECASE)


def check_raw_html(page: Page) -> Iterator[Problem]:
    """Checked on the scanner's prose lines, so code in fences and spans never counts.
    A tag may span lines, so the prose is searched whole and offsets mapped back to lines."""
    text = "\n".join(page.prose_lines)
    starts = [match.end() for match in re.finditer("\n", text)]

    def line_of(offset: int) -> int:
        return page.body_start + bisect.bisect_right(starts, offset)

    for match in FORBIDDEN_ELEMENT.finditer(text):
        yield page.problem(line_of(match.start()), "HTML001",
                           f"<{match[1].lower()}> is not allowed in pages")
    for match in EVENT_HANDLER.finditer(text):
        yield page.problem(line_of(match.start(1)), "HTML002",
                           f"inline event handler {match[1].lower()}= is not allowed")
    for match in JAVASCRIPT_URL.finditer(text):
        yield page.problem(line_of(match.start()), "HTML003", "javascript: URLs are not allowed")
