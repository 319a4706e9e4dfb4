"""Link rules (LNK, and FM013 for related pages): links land on pages and anchors, and
articles are linked in and link out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..pages import Link, Page, Problem
from ..settings import SiteSettings
from ..urls import generated_target, resolve_page
from ..vocabulary import MIN_ARTICLE_LINKS


def check_links(pages: dict[str, Page], settings: SiteSettings,
                docs_dir: Path) -> Iterator[Problem]:
    """Relative links resolve to pages and anchors; articles are linked in and link out."""
    linked_from: dict[str, set[str]] = {name: set() for name in pages}
    for page in pages.values():
        if not page.readable:
            continue
        articles_linked: set[str] = set()
        for link in page.links:
            target, problem = resolve_link(page, link, pages, settings, docs_dir)
            if problem:
                yield problem
            if target and target != page.rel_path:
                linked_from[target].add(page.rel_path)
                if pages[target].is_article:
                    articles_linked.add(target)
        for _, _, target in page.related_pages():  # the Related pages list links to them
            if target in pages and target != page.rel_path:
                linked_from[target].add(page.rel_path)
                if pages[target].is_article:
                    articles_linked.add(target)
        if page.is_article and len(articles_linked) < MIN_ARTICLE_LINKS:
            yield page.problem(1, "LNK005", f"article links to {len(articles_linked)} other "
                               f"article(s); link to at least {MIN_ARTICLE_LINKS}")
        for index, related, target in page.related_pages() if not page.is_translation else []:
            if target not in pages or not pages[target].is_article or target == page.rel_path:
                yield page.problem(page.item_line("related", index), "FM013",
                                   f"related page {related!r} is not another article in the docs")
    for name, page in pages.items():
        if page.readable and page.is_article and not linked_from[name]:
            yield page.problem(1, "LNK004", "no other page links to this article")


def resolve_link(page: Page, link: Link, pages: dict[str, Page], settings: SiteSettings,
                 docs_dir: Path) -> tuple[str | None, Problem | None]:
    """The page a link points to (None if it leaves the site), and its problem if any."""
    parts = urlsplit(link.target)
    if parts.scheme.lower() == "javascript":
        return None, None  # reported by the raw HTML rules
    if parts.scheme or link.target.startswith("//"):
        if settings.site_host and parts.netloc.lower() == settings.site_host:
            return None, page.problem(link.line, "LNK003", f"absolute link {link.target!r} to "
                                      "this site: link to the page's .md file instead")
        return None, None
    if link.target.startswith("/"):
        return None, page.problem(link.line, "LNK003", f"absolute link {link.target!r}: "
                                  "link to the page's .md file, relative to this page")
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    if not path:
        target = page.rel_path
    else:
        target = resolve_page(page.rel_path, path)
        if target not in pages:
            if not target.endswith(".md") and not target.startswith("../") \
                    and (docs_dir / target).is_file():
                return None, None
            if generated_target(target, {name for name, other in pages.items()
                                         if other.is_article}):
                return None, None  # a handout or feed, which publishing writes
            suffix = Path(path.rstrip("/")).suffix
            hint = "" if suffix else "; link to the page's .md file"
            return None, page.problem(link.line, "LNK001",
                                      f"link to {path!r}, which does not exist in the docs{hint}")
    if anchor and anchor not in pages[target].anchors:
        where = "this page" if target == page.rel_path else repr(target)
        return target, page.problem(link.line, "LNK002",
                                    f"link to #{anchor}, which is not an anchor on {where}")
    return target, None
