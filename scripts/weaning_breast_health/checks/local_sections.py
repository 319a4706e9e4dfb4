"""Local section rules (LOC): a translation's own content, marked, labelled and sourced.

A translated page follows its English page, which prevails. A section written only for
the translation's readers (a local law, a hotline, a screening programme) is a `local`
admonition: the translation notice tells readers that such sections are the edition's
own, so each one says so in its title and links to a source the page lists (its own, or
one of its English page's that the section draws on).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..pages import Page, Problem
from ..pages.scanner import link_targets
from ..vocabulary import LOCAL_ADMONITION, LOCAL_LABELS


DOI_RESOLVER = "https://doi.org/"


def source_urls(sources: object) -> set[str]:
    """The addresses of a list of sources: each one's url, or its DOI at the DOI resolver
    (a journal article cited by DOI is linked as https://doi.org/<doi>)."""
    urls = set()
    for source in sources if isinstance(sources, list) else []:
        if not isinstance(source, dict):
            continue
        if isinstance(source.get("url"), str):
            urls.add(source["url"])
        if isinstance(source.get("doi"), str):
            urls.add(DOI_RESOLVER + source["doi"])
    return urls


def listed_source_urls(page: Page) -> set[str]:
    """The addresses of every source the page lists: its own (a translation's front
    matter 'sources') and, for a translation, its English page's, which it shows too."""
    urls = source_urls(page.meta_list("sources"))
    if page.is_translation and page.source is not None:
        urls |= source_urls(page.source.meta.get("sources"))
    return urls


def check_local_sections(page: Page) -> Iterator[Problem]:
    """Local sections only in translations, titled with the edition's label, each
    linking to at least one of the page's own sources."""
    sections = [card for card in page.cards if card.kind == LOCAL_ADMONITION]
    if sections and not page.is_translation:
        yield page.problem(sections[0].line, "LOC001", f"a {LOCAL_ADMONITION!r} section is a "
                           "translation's own content; an English page is the original: use "
                           "'note' or plain text")
        return
    label = LOCAL_LABELS.get(page.language, "")
    sources = listed_source_urls(page)
    for section in sections:
        if not (section.title or "").startswith(label):
            yield page.problem(section.line, "LOC002", f"{LOCAL_ADMONITION} section title must "
                               f"start with \"{label}\", the label the translation notice explains, "
                               f"like \"{label}：香港\"")
        targets = [target for _, text in section.body for target in link_targets(text)]
        if not any(target in sources for target in targets):
            yield page.problem(section.line, "LOC003", f"{LOCAL_ADMONITION} section must link to "
                               "at least one of the sources this page lists (its own front matter "
                               "'sources' or its English page's), so readers can check what only "
                               "this edition says")
