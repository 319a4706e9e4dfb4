"""The page model: what a Markdown page holds once it is read and scanned."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..urls import resolve_page
from ..vocabulary import (DEFAULT_LANGUAGE, DEFAULT_PAGE_TYPE, INHERITED_KEYS, PAGE_TYPES,
                          TEMPLATE_ANCHORS, TRANSLATIONS)
from .syntax import BULLET


@dataclass(frozen=True, order=True)
class Problem:
    """One broken rule, at a line of a file."""

    path: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"


@dataclass(frozen=True)
class Link:
    line: int
    target: str


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    source: str
    explicit_id: str | None


@dataclass(frozen=True)
class CareCard:
    line: int
    kind: str
    title: str | None
    body: tuple[tuple[int, str], ...]

    @property
    def triggers(self) -> list[str]:
        """The card's bullets as Markdown, each with its continuation lines joined."""
        triggers: list[str] = []
        for _, text in self.body:
            if BULLET.match(text):
                triggers.append(text[1:].strip())
            elif triggers and text.strip():
                triggers[-1] += " " + text.strip()
        return triggers


@dataclass
class Page:
    """A Markdown page as the rules, the catalogue and the templates see it."""

    rel_path: str
    display_path: str
    readable: bool = True  # False when the file could not be read as Markdown text
    has_front_matter: bool = False  # True when the front matter parsed as a mapping
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    body_start: int = 1
    body_lines: list[str] = field(default_factory=list)
    # The body with fenced code and code spans blanked out, line for line.
    prose_lines: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    heading_ids: list[str] = field(default_factory=list)
    heading_titles: list[str] = field(default_factory=list)
    other_ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    cards: list[CareCard] = field(default_factory=list)
    setext_lines: list[int] = field(default_factory=list)
    # For a translated page: the English page it is translated from, once both are read.
    source: Page | None = field(default=None, repr=False)
    # The body as HTML, rendered once (rendering.py) for every rule and the catalogue.
    html: str | None = field(default=None, repr=False)

    @property
    def language(self) -> str:
        """The page's language: a translation's folder (zh/mastitis.md), else English."""
        folder = self.rel_path.split("/", 1)[0]
        return folder if "/" in self.rel_path and folder in TRANSLATIONS else DEFAULT_LANGUAGE

    @property
    def is_translation(self) -> bool:
        return self.language != DEFAULT_LANGUAGE

    @property
    def source_path(self) -> str:
        """The English page a translated page comes from: zh/mastitis.md -> mastitis.md."""
        return self.rel_path.split("/", 1)[1] if self.is_translation else self.rel_path

    def inherited(self, key: str, default: Any = None) -> Any:
        """A front matter value, taken from the English page for the keys it keeps."""
        if self.is_translation and key in INHERITED_KEYS:
            return self.source.meta.get(key, default) if self.source else default
        return self.meta.get(key, default)

    @property
    def page_type(self) -> str:
        """The declared type (a translation's is its English page's); an unknown one is
        held to the article rules."""
        value = self.inherited("page_type", DEFAULT_PAGE_TYPE)
        return value if value in PAGE_TYPES else DEFAULT_PAGE_TYPE

    @property
    def is_article(self) -> bool:
        return self.page_type == "article"

    @property
    def is_checked_against_sources(self) -> bool:
        """Whether the page is held to its sources, with dates and a ledger entry: every
        article, and any other page (home, about, glossary) that lists sources."""
        return self.is_article or bool(self.inherited("sources"))

    @property
    def body_text(self) -> str:
        return "\n".join(self.body_lines)

    @property
    def anchors(self) -> set[str]:
        template = set(TEMPLATE_ANCHORS) if self.is_article else set()
        return set(self.heading_ids) | self.other_ids | template

    def problem(self, line: int, code: str, message: str) -> Problem:
        return Problem(self.display_path, line, code, message)

    def key_line(self, key: str) -> int:
        return self.meta_lines.get(key, 1)

    def item_line(self, key: str, index: int) -> int:
        """The line of a list item in the front matter, or of its key."""
        lines = self.item_lines.get(key, [])
        return lines[index] if index < len(lines) else self.key_line(key)

    def meta_list(self, key: str) -> list[Any]:
        """A front matter list, or [] when it is missing or not a list."""
        value = self.meta.get(key)
        return value if isinstance(value, list) else []

    def related_pages(self) -> list[tuple[int, str, str]]:
        """Each text entry of `related`: its index, as written, and as a docs path (for a
        translation, its English page's entries, resolved among the translated pages)."""
        related = self.inherited("related")
        return [(index, entry, resolve_page(self.rel_path, entry))
                for index, entry in enumerate(related if isinstance(related, list) else [])
                if isinstance(entry, str)]
