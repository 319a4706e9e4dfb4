"""A one-page handout of every article, in every language, made from its built page.

/handouts/<name>/ (and /zh/handouts/<name>/) holds the page's title, its key facts and
its care cards as the built page renders them (the care cards extension's output, so a
card reads the same on paper as on screen), one line of support numbers, a QR code of
the page's canonical address, the date it was last checked, its version (history.py)
and the site's disclaimer. Nothing is written twice: edit the page, and the next build
or `publish-site` writes its handout again. handout.css prints it on one sheet of A4
or Letter; the checker's HND001 rule (checks/handouts.py) says when an article has
more key facts and cards than one sheet holds.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from bs4 import BeautifulSoup, SoupStrainer, Tag

from ..checks.review_ledger import Ledger
from ..editions import THEME_ASSETS, folder
from ..errors import UsageError
from ..history import current_version, page_history
from ..pages import Page
from ..settings import SiteSettings
from ..templates import long_date
from ..ui_text import FEED_TEXT, HANDOUT_TEXT, TEXT
from ..urls import FEED_NAME, canonical_url, handout_url, page_dir, page_url, site_root
from ..vocabulary import CARE_CARD_TYPES
from .qr_codes import qr_code_svg

TEMPLATES = Path(__file__).parent / "templates"
CARE_CARD_SELECTOR = ", ".join(f"div.admonition.{kind}" for kind in CARE_CARD_TYPES)


@dataclass(frozen=True)
class BuiltArticle:
    """What a handout takes from an article's built page: its HTML, as rendered."""

    title: str
    key_facts_heading: str
    key_facts: str
    cards_heading: str
    cards: list[str]


def read_built_article(html: Path, handout: str, article: str) -> BuiltArticle:
    """The title, key facts and care cards of a built article page, with its links made
    relative to the handout's address."""
    if not html.is_file():
        raise UsageError(f"{html} is missing: build the site before publishing")
    # Only the article is built into a tree (half the time of the whole page's).
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser",
                         parse_only=SoupStrainer("article"))
    content = soup.select_one("article") or soup
    for permalink in content.select("a.headerlink"):
        permalink.decompose()
    for link in content.select("a[href]"):
        link["href"] = _relative_to_handout(link["href"], article, handout)
    title = content.find("h1")
    facts_heading = content.find(id="key-facts")
    help_heading = content.find(id="when-to-get-help")
    if title is None or facts_heading is None or help_heading is None:
        raise UsageError(f"{html} has no title, key facts or when to get help: is it an article?")
    facts = facts_heading.find_next_sibling("ul")
    return BuiltArticle(
        title=title.get_text().strip(),
        key_facts_heading=facts_heading.get_text().strip(),
        key_facts=str(facts) if isinstance(facts, Tag) else "",
        cards_heading=help_heading.get_text().strip(),
        cards=[str(card) for card in content.select(CARE_CARD_SELECTOR)])


def _relative_to_handout(href: str, article: str, handout: str) -> str:
    """A link of the article page (at URL path article) as the handout (at handout)
    reaches it: another site's address and a mailto: as they are, a link within the
    site relative to the handout, a link to a section of the page itself to the page."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href
    target = article
    if parts.path:
        target = posixpath.normpath(posixpath.join(article, parts.path))
        target += "/" if parts.path.endswith("/") else ""
    relative = posixpath.relpath(target, handout)
    if target.endswith("/"):
        relative += "/"
    return relative + (f"#{parts.fragment}" if parts.fragment else "")


def handout_html(name: str, page: Page, built: BuiltArticle, settings: SiteSettings,
                 ledger: Ledger | None, environment: jinja2.Environment) -> str:
    """The handout page of one article."""
    language = page.language
    address = canonical_url(settings, name)
    here = handout_url(name)
    edition_root = posixpath.relpath(f"/{folder(language)}", here) + "/"
    history = page_history(page, ledger)
    record = page.meta.get("translation") if page.is_translation else None
    words = HANDOUT_TEXT[language]
    version = words["version"].format(
        version=current_version(history),
        date=long_date(record.get("translated"), language) if isinstance(record, dict) else "")
    return environment.get_template("handout.html").render(
        name=name, language=language, title=built.title, built=built, words=words,
        text=TEXT[language], feed_title=FEED_TEXT[language]["link_title"],
        address=address, handout_address=site_root(settings) + here.lstrip("/"),
        article=posixpath.relpath(page_url(name), here) + "/",
        qr_code=qr_code_svg(address), root=edition_root, feed=edition_root + FEED_NAME,
        theme_assets=posixpath.relpath(f"/{THEME_ASSETS}", here) + "/",  # the one copy, English's
        checked=words["checked"].format(date=long_date(page.inherited("last_reviewed"), language)),
        version=version)


def write_handouts(site_dir: Path, articles: dict[str, Page], settings: SiteSettings,
                   ledger: Ledger | None) -> list[str]:
    """Write every article's handout into the built site; return their URL paths."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES),
                                     autoescape=True, trim_blocks=True, lstrip_blocks=True,
                                     undefined=jinja2.StrictUndefined)
    written = []
    for name, page in articles.items():
        here = handout_url(name)
        built = read_built_article(site_dir / page_dir(name) / "index.html", here,
                                   page_url(name))
        target = site_dir / here.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(handout_html(name, page, built, settings, ledger, environment),
                          encoding="utf-8")
        written.append(here)
    return written
