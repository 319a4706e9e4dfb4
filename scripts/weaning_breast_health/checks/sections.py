"""Section rules (SEC): key facts first, the shared sections, stable ids on ## headings."""

from __future__ import annotations

from collections.abc import Iterator

from ..pages import Page, Problem
from ..pages.syntax import BULLET
from ..vocabulary import MAX_KEY_FACTS, REQUIRED_SECTIONS, TEMPLATE_ANCHORS


def check_sections(page: Page) -> Iterator[Problem]:
    """Articles start with key facts, carry the standard sections, and give ## headings ids."""
    for line in page.setext_lines:
        yield page.problem(line, "SEC005", "underlined (setext) heading: write it as '## Heading {#id}'")
    if not page.is_article:
        return
    sections = [(heading, id_) for heading, id_ in zip(page.headings, page.heading_ids)
                if heading.level == 2]
    for heading, _ in sections:
        if heading.explicit_id is None:
            yield page.problem(heading.line, "SEC004", "## heading needs a stable id, like "
                               "'## What helps {#what-helps}', so links to it keep working")
    if not sections or sections[0][1] != "key-facts":
        yield page.problem(sections[0][0].line if sections else 1, "SEC001",
                           "article must start with '## Key facts {#key-facts}'")
    else:
        end = sections[1][0].line if len(sections) > 1 else page.body_start + len(page.body_lines)
        start = sections[0][0].line
        bullets = sum(1 for line in page.body_lines[start - page.body_start:end - page.body_start]
                      if BULLET.match(line))
        if bullets > MAX_KEY_FACTS:
            yield page.problem(start, "SEC002", f"key facts has {bullets} bullets; at most {MAX_KEY_FACTS}")
    present = {id_ for _, id_ in sections}
    for id_, name in REQUIRED_SECTIONS[page.language].items():
        if id_ not in present:
            yield page.problem(1, "SEC003", f"article has no '## {name} {{#{id_}}}' section")
    explicit = [heading.explicit_id for heading in page.headings if heading.explicit_id]
    for id_ in sorted({id_ for id_ in explicit if id_ in TEMPLATE_ANCHORS}):
        line = next(h.line for h in page.headings if h.explicit_id == id_)
        yield page.problem(line, "SEC006", f"id {id_!r} is used by the page template; choose another")

