"""The one Markdown scanner: a single pass over a page's body that every rule and the
catalogue rely on. It knows fenced code (a fence closes only on a line holding nothing but
a fence at least as long, as Python-Markdown's fenced_code and pymdown's superfences read
it) and code spans, and it finds headings, care cards, ids and links outside them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .model import CareCard, Heading, Link, Page
from .syntax import (ADMONITION, AUTOLINK, BULLET, CODE_SPAN, EXPLICIT_ID, FENCE, HEADING,
                     HTML_ID, HTML_URL_ATTRIBUTE, INLINE_LINK, REFERENCE_DEFINITION,
                     SETEXT_UNDERLINE)


def scan_body(page: Page) -> None:
    """Fill in the page's headings, care cards, ids, links and prose lines."""
    fence: tuple[str, int] | None = None
    card: list[Any] | None = None
    previous = ""
    for offset, line in enumerate(page.body_lines):
        number = page.body_start + offset
        if card is not None:
            if not line.strip() or line.startswith(("    ", "\t")):
                card[3].append((number, line[4:] if line.startswith("    ") else line[1:]))
            else:
                page.cards.append(_finish_card(card))
                card = None
        opening = FENCE.match(line)
        if fence:
            if closes_fence(line, fence):
                fence = None
            page.prose_lines.append("")
            previous = ""
            continue
        if opening:
            fence = (opening["fence"][0], len(opening["fence"]))
            page.prose_lines.append("")
            previous = ""
            continue
        prose = without_code_spans(line)
        page.prose_lines.append(prose)
        if card is None and (match := ADMONITION.match(line)):
            card = [number, match[1].split()[0].lower(), match[2], []]
        elif line.startswith("#") and (match := HEADING.match(line)):
            explicit = EXPLICIT_ID.search(match[2])
            page.headings.append(Heading(number, len(match[1]), line,
                                         explicit[1] if explicit else None))
        elif SETEXT_UNDERLINE.match(line) and previous.strip() and not BULLET.match(previous) \
                and not previous.startswith(("    ", "\t", "|", ">")):
            page.setext_lines.append(number)
        else:
            page.other_ids.update(EXPLICIT_ID.findall(prose))
        page.other_ids.update(HTML_ID.findall(prose))
        page.links.extend(Link(number, target) for target in link_targets(prose))
        previous = line
    if card is not None:
        page.cards.append(_finish_card(card))


def closes_fence(line: str, fence: tuple[str, int]) -> bool:
    """Whether line closes a fence of this character and length: nothing may follow it."""
    match = FENCE.match(line)
    return bool(match) and match["fence"][0] == fence[0] and len(match["fence"]) >= fence[1] \
        and not line[match.end():].strip()


def without_code_spans(line: str) -> str:
    """The line with each `code span` blanked out, so columns and lines still count."""
    return CODE_SPAN.sub(lambda match: " " * len(match[0]), line) if "`" in line else line


def link_targets(line: str) -> Iterator[str]:
    """Every link target on a line of Markdown or raw HTML, code spans left out."""
    line = without_code_spans(line)
    for match in INLINE_LINK.finditer(line):
        yield match[1].strip("<>")
    if match := REFERENCE_DEFINITION.match(line):
        yield match[1]
    for match in AUTOLINK.finditer(line):
        yield match[1]
    for match in HTML_URL_ATTRIBUTE.finditer(line):
        yield next(group for group in match.groups() if group is not None)


def _finish_card(card: list[Any]) -> CareCard:
    line, kind, title, body = card
    while body and not body[-1][1].strip():
        body.pop()
    return CareCard(line, kind, title, tuple(body))
