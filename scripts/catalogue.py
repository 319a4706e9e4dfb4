"""What the built site publishes for clinics: the article catalogue, QR codes, robots.txt.

    python scripts/catalogue.py SITE_DIR [--docs-dir docs] [--config mkdocs.yml]

catalogue() turns the pages check_content reads into the data of /api/articles.json
(described by docs/api/articles.schema.json, which ships with the site). publish() writes
that file, a qr.svg of the canonical URL beside every built article (the printed handout
shows it), and a robots.txt naming the sitemap at the real site_url. The MkDocs hook in
site_hooks.py calls publish() after each build; this command does the same for a builder
that runs no hooks (Zensical), and checks the content first.

Exit status: 0 when written, 1 when the content has problems, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import datetime
import html
import io
import json
import sys
from pathlib import Path
from typing import Any

import markdown
import segno
from markdown.extensions.toc import strip_tags

import check_content
from care_cards import CARE_CARD_TYPES
from check_content import CareCard, Page, SiteSettings

CATALOGUE_PATH = "api/articles.json"
SCHEMA_PATH = "api/articles.schema.json"
QR_CODE_NAME = "qr.svg"
# The licence of the text, as the copyright line in mkdocs.yml states it.
LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


def site_root(settings: SiteSettings) -> str:
    """site_url, ending with a slash."""
    if not settings.site_url:
        raise check_content.UsageError("mkdocs.yml has no site_url: canonical URLs need it")
    return settings.site_url.rstrip("/") + "/"


def canonical_url(settings: SiteSettings, rel_path: str) -> str:
    """The address of a page: site_url followed by the page's URL path."""
    return site_root(settings) + check_content.page_url(rel_path).lstrip("/")


def articles(pages: dict[str, Page]) -> dict[str, Page]:
    """The article pages, by path relative to the docs folder."""
    return {name: page for name, page in pages.items() if page.readable and page.is_article}


def catalogue(pages: dict[str, Page], settings: SiteSettings) -> dict[str, Any]:
    """The catalogue of every article, for pages that pass the content checker."""
    converter = settings.markdown()
    return {
        "site_url": site_root(settings),
        "schema": site_root(settings) + SCHEMA_PATH,
        "licence": LICENCE,
        "articles": [article_entry(name, page, settings, converter)
                     for name, page in articles(pages).items()],
    }


def article_entry(name: str, page: Page, settings: SiteSettings,
                  converter: markdown.Markdown) -> dict[str, Any]:
    """One article: its address, front matter, sections and care cards."""
    url = canonical_url(settings, name)
    meta = page.meta
    return {
        "url": url,
        "title": meta["title"],
        "description": meta["description"],
        "also_called": meta["also_called"],
        "sections": [{"level": heading.level, "title": title, "anchor": id_,
                      "url": f"{url}#{id_}"}
                     for heading, id_, title in zip(page.headings, page.heading_ids,
                                                    page.heading_titles)
                     if heading.level > 1],
        "care_cards": [care_card_entry(card, converter) for card in page.cards
                       if card.kind in CARE_CARD_TYPES],
        "last_reviewed": meta["last_reviewed"].isoformat(),
        "next_review": meta["next_review"].isoformat(),
        "sources": [source_entry(source) for source in meta["sources"]],
        "language": settings.language,
    }


def care_card_entry(card: CareCard, converter: markdown.Markdown) -> dict[str, Any]:
    """A care card's level, title and triggers, as plain text."""
    triggers: list[str] = []
    for _, line in card.body:
        if check_content.BULLET.match(line):
            triggers.append(line[1:].strip())
        elif triggers and line.strip():
            triggers[-1] += " " + line.strip()
    return {"level": card.kind, "title": plain_text(card.title or "", converter),
            "triggers": [plain_text(trigger, converter) for trigger in triggers]}


def plain_text(text: str, converter: markdown.Markdown) -> str:
    """Inline Markdown as the text a reader sees, rendered by the site's own converter."""
    converter.reset()
    return html.unescape(strip_tags(converter.convert(text)))


def source_entry(source: dict[str, Any]) -> dict[str, Any]:
    """A source as the page lists it; a DOI also gets its https://doi.org/ address."""
    entry = {key: source[key] for key in ("title", "publisher", "year", "doi") if key in source}
    if isinstance(source.get("accessed"), datetime.date):
        entry["accessed"] = source["accessed"].isoformat()
    entry["url"] = source.get("url") or f"https://doi.org/{source['doi']}"
    return entry


def qr_code_svg(url: str) -> str:
    """A QR code that opens url, as a scalable SVG file with a white quiet zone."""
    svg = io.BytesIO()
    segno.make_qr(url, error="m").save(svg, kind="svg", xmldecl=False, omitsize=True, border=4,
                                       dark="#000", light="#fff", svgclass=None, lineclass=None)
    return svg.getvalue().decode("utf-8")


def robots_txt(settings: SiteSettings) -> str:
    """A robots.txt that lets every crawler in and names the sitemap at the real site_url."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_root(settings)}sitemap.xml\n"


def publish(site_dir: Path, pages: dict[str, Page], settings: SiteSettings) -> None:
    """Write the catalogue, each article's QR code and robots.txt into the built site."""
    data = catalogue(pages, settings)
    (site_dir / CATALOGUE_PATH).parent.mkdir(parents=True, exist_ok=True)
    (site_dir / CATALOGUE_PATH).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    for name in articles(pages):
        page_dir = site_dir / check_content.page_url(name).strip("/")
        (page_dir / QR_CODE_NAME).write_text(qr_code_svg(canonical_url(settings, name)),
                                             encoding="utf-8")
    (site_dir / "robots.txt").write_text(robots_txt(settings), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="catalogue", description="Write the article catalogue, QR codes and robots.txt "
        "into a built site.")
    parser.add_argument("site_dir", type=Path, help="the built site")
    parser.add_argument("--docs-dir", type=Path, default=Path("docs"),
                        help="folder of Markdown pages (default: docs)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="the MkDocs config (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        for folder in (args.site_dir, args.docs_dir):
            if not folder.is_dir():
                raise check_content.UsageError(f"{str(folder)!r} does not exist or is not a folder")
        checked = check_content.read_and_check_site(args.docs_dir, args.config)
        if checked.problems:
            print(check_content.format_problems(checked.problems, "text"))
            print("Not written: fix these problems first", file=sys.stderr)
            return 1
        publish(args.site_dir, checked.pages, checked.settings)
    except check_content.UsageError as error:
        parser.exit(2, f"{parser.prog}: error: {error}\n")
    print(f"Wrote {CATALOGUE_PATH}, QR codes and robots.txt in {args.site_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
