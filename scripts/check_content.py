"""The content rules for the site's Markdown pages, and the command that checks them.

    python scripts/check_content.py [DOCS_DIR] [--config mkdocs.yml] [--format text|json]
    python scripts/check_content.py --write-registry   # record newly published URLs

Every rule is a pure function over parsed pages that returns Problem records
(path, line, code, message). Nothing here imports MkDocs: heading ids come from
Python-Markdown's own toc extension, configured from mkdocs.yml exactly as MkDocs
configures it, so the anchors checked are the anchors built. The MkDocs hook in
site_hooks.py calls check_site(), so a strict build fails on the same problems.
The registry (published-urls.txt beside the docs folder) lists every URL and anchor
ever published; the REG rules keep each of them working.

Exit status: 0 when clean, 1 when problems were found, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import html
import importlib
import json
import os
import posixpath
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import markdown
import yaml
from markdown.extensions.toc import unique

from care_cards import CARE_CARD_TYPES

# Rules -------------------------------------------------------------------------------

PAGE_TYPES = ("article", "home", "about", "glossary")
NON_CARE_ADMONITIONS = ("note", "tip")
EMERGENCY_NUMBERS = ("999", "112", "911")
MAX_DESCRIPTION = 160
MAX_REVIEW_INTERVAL_YEARS = 3
MIN_SOURCES = 3
MIN_ARTICLE_LINKS = 2
MAX_KEY_FACTS = 5
MAX_LINE_LENGTH = 20_000
REVIEW_STATUSES = ("clinical review pending", "clinically reviewed")
UNREADABLE = ("IN001", "IN002", "IN003", "IN004")

# Sections every article shares; their ids never change when the wording does.
REQUIRED_SECTIONS = {
    "key-facts": "Key facts",
    "when-to-get-help": "When to get help",
    "support": "Where to get support",
}
# Ids the page template adds to every article (sources, review dates, related pages).
TEMPLATE_ANCHORS = ("sources", "page-review", "related-pages", "link-to-this-page")

KNOWN_KEYS = {
    "page_type": str,
    "title": str,
    "description": str,
    "also_called": list,
    "last_reviewed": datetime.date,
    "next_review": datetime.date,
    "reviewed_by": dict,
    "sources": list,
    "related": list,
    "hide": list,
    "search": dict,
}
REQUIRED_KEYS = {
    "article": ("title", "description", "also_called", "last_reviewed", "next_review",
                "reviewed_by", "sources", "related"),
    "home": ("title", "description"),
    "about": ("title", "description"),
    "glossary": ("title", "description"),
}
SOURCE_KEYS = ("title", "publisher", "year")
DOI = re.compile(r"10\.\d{4,9}/\S+")
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present, as MkDocs

# Markdown syntax, as Python-Markdown and pymdown read it ------------------------------

FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})(.*?)#*[ \t]*$")
PLAIN_HEADING = re.compile(r"^#{1,6}[ \t]+([\w ,.?'()/-]*?\w[\w ,.?'()/-]*?)"
                           r"(?:[ \t]+\{:?[ \t]*#([\w-]+)[ \t]*\})?[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^(=+|-+)[ \t]*$")
ADMONITION = re.compile(r'^(?:!!!|\?{3}\+?) ?([\w\-]+(?: +[\w\-]+)*)(?: +"(.*?)")? *$')
BULLET = re.compile(r"^[-*+][ \t]+\S")
EXPLICIT_ID = re.compile(r"\{[^{}\n]*?#([\w:.-]+)[^{}\n]*\}")
HTML_ID = re.compile(r"""<[A-Za-z][^>]*?\sid\s*=\s*["']([^"']+)["']""")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
INLINE_LINK = re.compile(
    r"\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*(<[^<>\n]*>|[^\s()<>]+(?:\([^\s()]*\)[^\s()]*)*)"
    r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"""
)
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?")
AUTOLINK = re.compile(r"<((?:https?|mailto|javascript):[^\s<>]*)>", re.IGNORECASE)
HTML_URL_ATTRIBUTE = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""",
                                re.IGNORECASE)
FORBIDDEN_ELEMENT = re.compile(r"<\s*(script|iframe|object|embed)\b", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[A-Za-z][^<>]*?\s(on[a-z]+)\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""(?:\]\(\s*<?|\b(?:href|src|action|formaction)\s*=\s*["']?)"""
                            r"""\s*javascript:""", re.IGNORECASE)


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


@dataclass
class Page:
    """A Markdown page as the rules see it."""

    rel_path: str
    display_path: str
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    body_start: int = 1
    body_lines: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    heading_ids: list[str] = field(default_factory=list)
    heading_titles: list[str] = field(default_factory=list)
    other_ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    cards: list[CareCard] = field(default_factory=list)
    setext_lines: list[int] = field(default_factory=list)

    @property
    def page_type(self) -> str:
        """The declared type; an unknown one is held to the article rules."""
        value = self.meta.get("page_type", "article")
        return value if value in PAGE_TYPES else "article"

    @property
    def readable(self) -> bool:
        return not any(problem.code in UNREADABLE for problem in self.problems)

    @property
    def has_front_matter(self) -> bool:
        return not any(problem.code in ("FM001", "FM002") for problem in self.problems)

    @property
    def is_article(self) -> bool:
        return self.page_type == "article"

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


# Settings from mkdocs.yml -----------------------------------------------------------

class UsageError(Exception):
    """The command cannot run: a missing folder, an unreadable or invalid mkdocs.yml."""


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does: !ENV, !relative and !!python/name tags."""


def _construct_env(loader: _ConfigLoader, node: yaml.Node) -> Any:
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else \
        [str(item) for item in loader.construct_sequence(node)]
    default = names.pop() if len(names) > 1 else None
    return next((os.environ[name] for name in names if name in os.environ), default)


def _construct_python_name(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    module_name, _, attribute = suffix.rpartition(".")
    try:
        return getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError, ValueError) as error:
        raise yaml.constructor.ConstructorError(
            None, None, f"cannot import {suffix!r}: {error}", node.start_mark) from error


_ConfigLoader.add_constructor("!ENV", _construct_env)
_ConfigLoader.add_constructor("!relative", lambda loader, node: loader.construct_scalar(node))
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _construct_python_name)


@dataclass(frozen=True)
class SiteSettings:
    """What the rules and the catalogue need from mkdocs.yml."""

    extensions: tuple[Any, ...]
    extension_configs: dict[str, dict[str, Any]]
    site_host: str | None
    site_url: str | None = None
    language: str = "en"
    redirects: dict[str, str] = field(default_factory=dict)  # old page -> new page or URL

    def markdown(self) -> markdown.Markdown:
        """A Markdown converter configured exactly like the site's."""
        return markdown.Markdown(extensions=list(self.extensions),
                                 extension_configs=self.extension_configs)


def load_site_settings(config_path: Path) -> SiteSettings:
    """Read markdown_extensions, site_url, the language and redirects from mkdocs.yml."""
    try:
        config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except OSError as error:
        raise UsageError(f"cannot read {config_path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise UsageError(f"{config_path} is not valid UTF-8") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(error, "problem", None) or str(error)
        raise UsageError(f"{config_path}:{line}: invalid YAML: {reason}") from error
    if not isinstance(config, dict):
        raise UsageError(f"{config_path}:1: expected a mapping of settings")
    extensions: list[Any] = ["toc", "tables", "fenced_code"]  # MkDocs' built-ins
    configs: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in extensions:
            extensions.append(name)
        if options:
            configs[name] = options
    try:
        markdown.Markdown(extensions=extensions, extension_configs=configs)
    except Exception as error:  # an extension that cannot load is a config problem
        raise UsageError(f"{config_path}: cannot load markdown_extensions: {error}") from error
    site_url = config.get("site_url") if isinstance(config.get("site_url"), str) else None
    host = urlsplit(site_url).netloc.lower() if site_url else None
    theme = config.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return SiteSettings(tuple(extensions), configs, host or None, site_url,
                        language if isinstance(language, str) else "en",
                        _redirect_maps(config, config_path))


def _redirect_maps(config: dict[str, Any], config_path: Path) -> dict[str, str]:
    """The mkdocs-redirects plugin's redirect_maps, or {} without the plugin."""
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else \
        [next(iter(entry.items())) for entry in plugins if isinstance(entry, dict) and entry]
    for name, options in entries:
        if name == "redirects" and isinstance(options, dict):
            maps = options.get("redirect_maps") or {}
            if not isinstance(maps, dict):
                raise UsageError(f"{config_path}: redirects redirect_maps must be a mapping "
                                 "of old page to new page")
            return {str(old): str(new) for old, new in maps.items()}
    return {}


# Reading pages ----------------------------------------------------------------------

def read_page(docs_dir: Path, path: Path, display_root: str | None = None) -> Page:
    """Read one page; bad input becomes problems on the page, never an exception."""
    rel_path = path.relative_to(docs_dir).as_posix()
    display = posixpath.join(display_root if display_root is not None else str(docs_dir),
                             rel_path)
    page = Page(rel_path, display)
    try:
        data = path.read_bytes()
    except OSError as error:
        page.problems.append(page.problem(1, "IN001", f"cannot read file: {error.strerror}"))
        return page
    if b"\0" in data[:8192]:
        page.problems.append(page.problem(1, "IN003", "binary file, not Markdown text"))
        return page
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        page.problems.append(page.problem(
            line, "IN004", f"not valid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8"))
        return page
    if not text.strip():
        page.problems.append(page.problem(1, "IN002", "empty file"))
        return page
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE_LENGTH:
            page.problems.append(page.problem(
                number, "IN005", f"line is {len(line):,} characters long "
                f"(at most {MAX_LINE_LENGTH:,}); it was not checked"))
            lines[number - 1] = ""
    parse_front_matter(page, lines)
    return page


def parse_front_matter(page: Page, lines: list[str]) -> None:
    """Split the YAML front matter from the body, keeping the line of every key."""
    text = "\n".join(lines)
    match = FRONT_MATTER.match(text)
    if not match:
        page.body_lines = lines
        page.problems.append(page.problem(1, "FM001", "no front matter: start the page "
                                          "with a '---' block holding at least title and description"))
        return
    yaml_text = match.group(1) or ""
    page.body_start = match.group(0).count("\n") + 1
    page.body_lines = lines[page.body_start - 1:]
    try:
        node = yaml.compose(yaml_text, Loader=YAML_LOADER)
        meta = yaml.constructor.SafeConstructor().construct_document(node) if node else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        reason = getattr(error, "problem", None) or "cannot be parsed"
        context, start = getattr(error, "context", None), getattr(error, "context_mark", None)
        if context and start:
            reason += f" ({context} on line {start.line + 2})"
        page.problems.append(page.problem(line, "FM002", f"front matter is not valid YAML: {reason}"))
        return
    if meta is None:
        meta = {}
    if not isinstance(meta, dict) or not isinstance(node, (yaml.MappingNode, type(None))):
        page.problems.append(page.problem(2, "FM002", "front matter must be a mapping of keys to values"))
        return
    page.meta = {str(key): value for key, value in meta.items()}
    for key_node, value_node in node.value if node else []:
        key = str(key_node.value)
        page.meta_lines[key] = key_node.start_mark.line + 2
        if isinstance(value_node, yaml.SequenceNode):
            page.item_lines[key] = [item.start_mark.line + 2 for item in value_node.value]


def scan_body(page: Page) -> None:
    """Find headings, care cards, ids and links in the body, skipping fenced code."""
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
            if opening and opening["fence"][0] == fence[0] and len(opening["fence"]) >= fence[1] \
                    and not line[opening.end():].strip():
                fence = None
            previous = ""
            continue
        if opening:
            fence = (opening["fence"][0], len(opening["fence"]))
            previous = ""
            continue
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
            page.other_ids.update(EXPLICIT_ID.findall(line))
        page.other_ids.update(HTML_ID.findall(line))
        page.links.extend(Link(number, target) for target in _link_targets(line))
        previous = line
    if card is not None:
        page.cards.append(_finish_card(card))


def _finish_card(card: list[Any]) -> CareCard:
    line, kind, title, body = card
    while body and not body[-1][1].strip():
        body.pop()
    return CareCard(line, kind, title, tuple(body))


def _link_targets(line: str) -> Iterator[str]:
    """Every link target on a line of Markdown or raw HTML, code spans left out."""
    if "`" in line:
        line = CODE_SPAN.sub(lambda match: " " * len(match[0]), line)
    for match in INLINE_LINK.finditer(line):
        yield match[1].strip("<>")
    if match := REFERENCE_DEFINITION.match(line):
        yield match[1]
    for match in AUTOLINK.finditer(line):
        yield match[1]
    for match in HTML_URL_ATTRIBUTE.finditer(line):
        yield next(group for group in match.groups() if group is not None)


def compute_heading_ids(page: Page, converter: markdown.Markdown) -> None:
    """Give each heading the id MkDocs gives it, computed by the toc extension's own code.

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


# Rules over one page ------------------------------------------------------------------

def check_front_matter(page: Page, today: datetime.date) -> Iterator[Problem]:
    """Required keys with the right types, honest review dates, real sources."""
    meta = page.meta
    page_type = meta.get("page_type", "article")
    if page_type not in PAGE_TYPES:
        yield page.problem(page.key_line("page_type"), "FM014",
                           f"unknown page_type {page_type!r}; use one of: {', '.join(PAGE_TYPES)}")
        return
    for key in meta:
        if key not in KNOWN_KEYS:
            yield page.problem(page.key_line(key), "FM005",
                               f"unknown front matter key {key!r}; known keys: {', '.join(KNOWN_KEYS)}")
    for key in REQUIRED_KEYS[page_type]:
        if key not in meta:
            yield page.problem(1, "FM003", f"front matter has no {key!r} (required on {page_type} pages)")
    for key, expected in KNOWN_KEYS.items():
        if key in meta and not _is_type(meta[key], expected):
            if expected is datetime.date:
                yield page.problem(page.key_line(key), "FM007",
                                   f"{key} must be a date written YYYY-MM-DD, not {meta[key]!r}")
            else:
                yield page.problem(page.key_line(key), "FM004",
                                   f"{key} must be {_type_name(expected)}, not {_value_kind(meta[key])}")
    yield from _check_description(page)
    yield from _check_review(page, today)
    yield from _check_sources(page)
    for key in ("also_called", "related"):
        for index, item in enumerate(meta.get(key) or [] if isinstance(meta.get(key), list) else []):
            if not isinstance(item, str) or not item.strip():
                yield page.problem(_item_line(page, key, index), "FM004",
                                   f"{key} entries must be text, not {item!r}")


def _is_type(value: Any, expected: type) -> bool:
    if expected is datetime.date:
        return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
    if expected is str:
        return isinstance(value, str) and bool(value.strip())
    return isinstance(value, expected)


def _type_name(kind: type) -> str:
    return {str: "non-empty text", list: "a list", dict: "a mapping"}.get(kind, kind.__name__)


def _value_kind(value: Any) -> str:
    if isinstance(value, str):
        return "text" if value.strip() else "empty text"
    kinds = {list: "a list", dict: "a mapping", bool: "true or false", int: "a number",
             float: "a number", type(None): "empty", datetime.date: "a date"}
    return kinds.get(type(value), type(value).__name__)


def _item_line(page: Page, key: str, index: int) -> int:
    lines = page.item_lines.get(key, [])
    return lines[index] if index < len(lines) else page.key_line(key)


def _check_description(page: Page) -> Iterator[Problem]:
    description = page.meta.get("description")
    if isinstance(description, str) and len(description) > MAX_DESCRIPTION:
        yield page.problem(page.key_line("description"), "FM006",
                           f"description is {len(description)} characters; at most {MAX_DESCRIPTION}")


def _check_review(page: Page, today: datetime.date) -> Iterator[Problem]:
    last, upcoming = page.meta.get("last_reviewed"), page.meta.get("next_review")
    if _is_type(last, datetime.date) and last > today:
        yield page.problem(page.key_line("last_reviewed"), "FM008",
                           f"last_reviewed {last} is in the future")
    if _is_type(last, datetime.date) and _is_type(upcoming, datetime.date):
        limit = _add_years(last, MAX_REVIEW_INTERVAL_YEARS)
        if upcoming <= last:
            yield page.problem(page.key_line("next_review"), "FM008",
                               f"next_review {upcoming} must come after last_reviewed {last}")
        elif upcoming > limit:
            yield page.problem(page.key_line("next_review"), "FM008",
                               f"next_review {upcoming} is more than {MAX_REVIEW_INTERVAL_YEARS} "
                               f"years after last_reviewed {last} (latest {limit})")
    if _is_type(upcoming, datetime.date) and upcoming < today:
        yield page.problem(page.key_line("next_review"), "FM009",
                           f"review overdue: next_review was {upcoming}; review the page "
                           "against its sources, then update both dates")
    reviewer = page.meta.get("reviewed_by")
    if isinstance(reviewer, dict):
        line = page.key_line("reviewed_by")
        for key in ("role", "status"):
            if not isinstance(reviewer.get(key), str) or not reviewer[key].strip():
                yield page.problem(line, "FM004", f"reviewed_by needs a {key!r} (text)")
        for key in reviewer:
            if key not in ("role", "status"):
                yield page.problem(line, "FM005", f"unknown reviewed_by key {key!r}; "
                                   "known keys: role, status")
        if isinstance(reviewer.get("status"), str) and reviewer["status"] not in REVIEW_STATUSES:
            yield page.problem(line, "FM004", f"reviewed_by status must be one of: "
                               f"{', '.join(REVIEW_STATUSES)}; not {reviewer['status']!r}")


def _add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _check_sources(page: Page) -> Iterator[Problem]:
    sources = page.meta.get("sources")
    if not isinstance(sources, list):
        return
    if page.is_article and len(sources) < MIN_SOURCES:
        yield page.problem(page.key_line("sources"), "FM010",
                           f"{len(sources)} source(s); articles need at least {MIN_SOURCES}")
    for index, source in enumerate(sources):
        line = _item_line(page, "sources", index)
        if not isinstance(source, dict):
            yield page.problem(line, "FM011", "a source must be a mapping with title, "
                               "publisher, year and url or doi")
            continue
        missing = [key for key in SOURCE_KEYS if not source.get(key)
                   and not (key == "year" and "accessed" in source)]
        if missing:
            yield page.problem(line, "FM011", f"source has no {', '.join(missing)}")
        unknown = sorted(set(source) - {*SOURCE_KEYS, "url", "doi", "accessed"})
        if unknown:
            yield page.problem(line, "FM011", f"unknown source key {unknown[0]!r}; "
                               "known keys: title, publisher, year, accessed, url, doi")
        if "accessed" in source and not _is_type(source["accessed"], datetime.date):
            yield page.problem(line, "FM007", "source accessed must be a date written "
                               f"YYYY-MM-DD, not {source['accessed']!r}")
        url, doi = source.get("url"), source.get("doi")
        if not url and not doi:
            yield page.problem(line, "FM011", "source needs a url (https) or a doi")
        if url is not None and not (isinstance(url, str) and _is_https_url(url)):
            yield page.problem(line, "FM011", f"source url must start with https://, not {url!r}")
        if doi is not None and not (isinstance(doi, str) and DOI.fullmatch(doi)):
            yield page.problem(line, "FM011", f"source doi must look like 10.1234/abc, not {doi!r}")


def _is_https_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" and bool(parts.netloc) and " " not in url


def check_also_called(page: Page) -> Iterator[Problem]:
    """Other names readers search for must be in the text, which is what search indexes."""
    names = page.meta.get("also_called")
    if not isinstance(names, list):
        return
    text = " ".join(page.body_text.lower().split())
    for index, name in enumerate(names):
        if isinstance(name, str) and name.strip() and " ".join(name.lower().split()) not in text:
            yield page.problem(_item_line(page, "also_called", index), "FM012",
                               f"also_called name {name!r} does not appear in the page text; "
                               "search only finds words in the text")


def check_care_cards(page: Page) -> Iterator[Problem]:
    """Care cards from the closed set, with an 'if:' title and a list of triggers."""
    known = (*CARE_CARD_TYPES, *NON_CARE_ADMONITIONS)
    care_cards = 0
    for card in page.cards:
        if card.kind not in known:
            yield page.problem(card.line, "CARE002", f"unknown admonition type {card.kind!r}; "
                               f"use one of: {', '.join(known)}")
            continue
        if card.kind not in CARE_CARD_TYPES:
            continue
        care_cards += 1
        if not card.title or not card.title.rstrip().endswith("if:"):
            yield page.problem(card.line, "CARE003", f"{card.kind} card title must say what to do "
                               f"and end with 'if:', like \"{CARE_CARD_TYPES[card.kind].example}\"")
        body = [(line, text) for line, text in card.body if text.strip()]
        stray = next((line for line, text in body
                      if not BULLET.match(text) and not text.startswith(("  ", "\t"))), None)
        if not body or not BULLET.match(body[0][1]) or stray:
            yield page.problem(stray or card.line, "CARE004", f"{card.kind} card body must be a "
                               "bulleted list of triggers, indented 4 spaces, and nothing else")
        if card.kind == "emergency":
            text = " ".join([card.title or ""] + [text for _, text in body])
            if not any(number in text for number in EMERGENCY_NUMBERS):
                yield page.problem(card.line, "CARE005", "emergency card must tell the reader to "
                                   f"call the emergency number ({', '.join(EMERGENCY_NUMBERS)})")
            linked = [line for line, text in card.body if any(_link_targets(text))]
            if linked or any(_link_targets(card.title or "")):
                yield page.problem(linked[0] if linked else card.line, "CARE006",
                                   "emergency card must not link anywhere: it tells the reader to call")
    if page.is_article and not care_cards:
        yield page.problem(1, "CARE001", "article has no care card: add a non-urgent, urgent "
                           "or emergency card under '## When to get help {#when-to-get-help}'")


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
    for id_, name in REQUIRED_SECTIONS.items():
        if id_ not in present:
            yield page.problem(1, "SEC003", f"article has no '## {name} {{#{id_}}}' section")
    explicit = [heading.explicit_id for heading in page.headings if heading.explicit_id]
    for id_ in sorted({id_ for id_ in explicit if id_ in TEMPLATE_ANCHORS}):
        line = next(h.line for h in page.headings if h.explicit_id == id_)
        yield page.problem(line, "SEC006", f"id {id_!r} is used by the page template; choose another")


def check_raw_html(page: Page) -> Iterator[Problem]:
    """No scripts, frames, plugins, event handlers or javascript: URLs in the Markdown."""
    text = _blank_fenced_code(page.body_lines)
    starts = [0]
    for line in text.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def line_of(offset: int) -> int:
        return page.body_start + bisect.bisect_right(starts, offset) - 1

    for match in FORBIDDEN_ELEMENT.finditer(text):
        yield page.problem(line_of(match.start()), "HTML001",
                           f"<{match[1].lower()}> is not allowed in pages")
    for match in EVENT_HANDLER.finditer(text):
        yield page.problem(line_of(match.start(1)), "HTML002",
                           f"inline event handler {match[1].lower()}= is not allowed")
    for match in JAVASCRIPT_URL.finditer(text):
        yield page.problem(line_of(match.start()), "HTML003", "javascript: URLs are not allowed")


def _blank_fenced_code(lines: list[str]) -> str:
    """The body with fenced code lines emptied, so line numbers still count."""
    kept, fence = [], None
    for line in lines:
        opening = FENCE.match(line)
        if fence:
            if opening and opening["fence"][0] == fence[0] and len(opening["fence"]) >= fence[1]:
                fence = None
            kept.append("")
        elif opening:
            fence = (opening["fence"][0], len(opening["fence"]))
            kept.append("")
        else:
            kept.append(CODE_SPAN.sub(lambda match: " " * len(match[0]), line) if "`" in line else line)
    return "\n".join(kept)


# Rules across pages -------------------------------------------------------------------

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
        if page.is_article and len(articles_linked) < MIN_ARTICLE_LINKS:
            yield page.problem(1, "LNK005", f"article links to {len(articles_linked)} other "
                               f"article(s); link to at least {MIN_ARTICLE_LINKS}")
        for index, related in enumerate(page.meta.get("related") or []
                                        if isinstance(page.meta.get("related"), list) else []):
            if not isinstance(related, str):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel_path), related))
            if target not in pages or not pages[target].is_article or target == page.rel_path:
                yield page.problem(_item_line(page, "related", index), "FM013",
                                   f"related page {related!r} is not another article in the docs")
    for name, page in pages.items():
        if page.readable and page.is_article and not linked_from[name]:
            yield page.problem(1, "LNK004", "no other page links to this article")


def resolve_link(page: Page, link: Link, pages: dict[str, Page], settings: SiteSettings,
                 docs_dir: Path) -> tuple[str | None, Problem | None]:
    """The page a link points to (None if it leaves the site), and its problem if any."""
    parts = urlsplit(link.target)
    if parts.scheme.lower() == "javascript":
        return None, None  # reported by check_raw_html
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
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel_path), path))
        if target not in pages:
            if not target.endswith(".md") and not target.startswith("../") \
                    and (docs_dir / target).is_file():
                return None, None
            suffix = posixpath.splitext(path.rstrip("/"))[1]
            hint = "" if suffix else "; link to the page's .md file"
            return None, page.problem(link.line, "LNK001",
                                      f"link to {path!r}, which does not exist in the docs{hint}")
    if anchor and anchor not in pages[target].anchors:
        where = "this page" if target == page.rel_path else repr(target)
        return target, page.problem(link.line, "LNK002",
                                    f"link to #{anchor}, which is not an anchor on {where}")
    return target, None


# Published URLs: the registry clinics rely on -----------------------------------------

REGISTRY_NAME = "published-urls.txt"
REGISTRY_HEADER = """\
# Every published page URL and section anchor, relative to site_url: clinics link to them.
# Add new ones with `python scripts/check_content.py --write-registry`, which only adds.
# Never delete a line. If a page moves, redirect it (redirect_maps in mkdocs.yml); if a
# section id changes, keep the old id as an alias where the section starts:
# <div id="old-id"></div>
"""


@dataclass(frozen=True)
class Registry:
    """The committed list of published URLs, as (line, entry) pairs."""

    display_path: str
    entries: tuple[tuple[int, str], ...]


def default_registry(docs_dir: Path) -> Path:
    """Where the registry lives: published-urls.txt beside the docs folder."""
    return docs_dir.parent / REGISTRY_NAME


def read_registry(path: Path) -> Registry:
    """The entries of a registry file; blank lines and # comments are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read the registry {path}: {error}") from error
    entries = tuple((number, line.strip()) for number, line in enumerate(lines, 1)
                    if line.strip() and not line.startswith("#"))
    return Registry(os.path.relpath(path), entries)


def page_url(rel_path: str) -> str:
    """A page's URL path from its file name, as MkDocs builds it with directory URLs."""
    stem = posixpath.splitext(rel_path)[0]
    if posixpath.basename(stem) == "index":
        stem = posixpath.dirname(stem)
    return f"/{stem}/" if stem else "/"


def published_entries(pages: dict[str, Page]) -> set[str]:
    """Each readable page's URL, and its URL with each id an author or the template chose."""
    entries = set()
    for name, page in pages.items():
        if not page.readable:
            continue
        automatic = {id_ for heading, id_ in zip(page.headings, page.heading_ids)
                     if heading.explicit_id is None}
        entries.add(page_url(name))
        entries.update(f"{page_url(name)}#{anchor}" for anchor in page.anchors - automatic)
    return entries


def write_registry(path: Path, pages: dict[str, Page]) -> list[str]:
    """Add what the pages publish now to the registry file, removing nothing; returns the added."""
    known = {entry for _, entry in read_registry(path).entries} if path.exists() else set()
    added = sorted(published_entries(pages) - known)
    entries = sorted(known | set(added))
    path.write_text(REGISTRY_HEADER + "".join(f"{entry}\n" for entry in entries), encoding="utf-8")
    return added


def check_registry(registry: Registry, pages: dict[str, Page],
                   redirects: dict[str, str]) -> Iterator[Problem]:
    """Every published URL still lands: on its page, through a redirect, or on an anchor alias."""
    by_url = {page_url(name): page for name, page in pages.items()}
    moved = {page_url(old): new for old, new in redirects.items()}
    reported: set[str] = set()
    for line, entry in registry.entries:
        url, _, anchor = entry.partition("#")
        page = by_url.get(url)
        if page is None and url in moved:
            target = moved[url].partition("#")[0]
            if urlsplit(target).scheme:
                continue  # moved to another site, whose anchors we cannot see
            page = pages.get(target)
            if page is None and url not in reported:
                reported.add(url)
                yield Problem(registry.display_path, line, "REG001", f"published page {url} "
                              f"redirects to {target!r}, which does not exist in the docs")
                continue
        if page is None:
            if url not in reported:
                reported.add(url)
                yield Problem(registry.display_path, line, "REG001", f"published page {url} "
                              "no longer exists: restore it, or redirect it to its new page "
                              "(redirect_maps in mkdocs.yml)")
        elif anchor and page.readable and anchor not in page.anchors:
            yield Problem(registry.display_path, line, "REG002", f"published anchor {entry} "
                          f"is not on {page.rel_path}: give the section that id again, or keep "
                          f'it as an alias where the section starts: <div id="{anchor}"></div>')


# Running the rules --------------------------------------------------------------------

@dataclass(frozen=True)
class CheckedSite:
    """The settings and pages read for a check, and the problems found in them."""

    settings: SiteSettings
    pages: dict[str, Page]
    problems: list[Problem]


def read_and_check_site(docs_dir: Path, config_path: Path, today: datetime.date | None = None,
                        display_root: str | None = None,
                        registry_path: Path | None = None) -> CheckedSite:
    """Read every Markdown page under docs_dir and check it, keeping what was read for
    the catalogue. The published URLs are checked against registry_path, or against the
    default registry beside docs_dir when there is one."""
    settings = load_site_settings(config_path)
    pages = read_pages(docs_dir, settings, display_root)
    problems = check_read_pages(pages, settings, docs_dir, today or datetime.date.today(),
                                site_registry(docs_dir, registry_path))
    return CheckedSite(settings, pages, problems)


def check_site(docs_dir: Path, config_path: Path, today: datetime.date | None = None,
               display_root: str | None = None, registry_path: Path | None = None) -> list[Problem]:
    """Every problem in every Markdown page under docs_dir, sorted by file and line."""
    return read_and_check_site(docs_dir, config_path, today, display_root, registry_path).problems


def site_registry(docs_dir: Path, registry_path: Path | None = None) -> Registry | None:
    """The registry at registry_path, else the default one beside docs_dir if it exists."""
    if registry_path is None and default_registry(docs_dir).exists():
        registry_path = default_registry(docs_dir)
    return read_registry(registry_path) if registry_path else None


def read_pages(docs_dir: Path, settings: SiteSettings,
               display_root: str | None = None) -> dict[str, Page]:
    """Every Markdown page under docs_dir, read and scanned, by path relative to docs_dir."""
    converter = settings.markdown()
    pages: dict[str, Page] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        page = read_page(docs_dir, path, display_root)
        scan_body(page)
        compute_heading_ids(page, converter)
        pages[page.rel_path] = page
    return pages


def check_pages(docs_dir: Path, settings: SiteSettings, today: datetime.date,
                display_root: str | None = None, registry: Registry | None = None) -> list[Problem]:
    pages = read_pages(docs_dir, settings, display_root)
    return check_read_pages(pages, settings, docs_dir, today, registry)


def check_read_pages(pages: dict[str, Page], settings: SiteSettings, docs_dir: Path,
                     today: datetime.date, registry: Registry | None = None) -> list[Problem]:
    """Every problem in pages already read by read_pages(), sorted by file and line."""
    problems: list[Problem] = []
    for page in pages.values():
        problems.extend(page.problems)
        if not page.readable:
            continue
        if page.has_front_matter:
            problems.extend(check_front_matter(page, today))
            problems.extend(check_also_called(page))
        problems.extend(check_care_cards(page))
        problems.extend(check_sections(page))
        problems.extend(check_raw_html(page))
    problems.extend(check_links(pages, settings, docs_dir))
    if registry:
        problems.extend(check_registry(registry, pages, settings.redirects))
    return sorted(set(problems), key=_reading_order)


def _reading_order(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.path, problem.line, problem.code, problem.message)


def format_problems(problems: Iterable[Problem], output_format: str) -> str:
    problems = list(problems)
    if output_format == "json":
        return json.dumps([asdict(problem) for problem in problems], indent=2)
    return "\n".join(str(problem) for problem in problems)


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="check_content", description="Check the site's Markdown pages against the content rules.")
    parser.add_argument("docs_dir", nargs="?", default="docs", help="folder of Markdown pages (default: docs)")
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs config (default: mkdocs.yml)")
    parser.add_argument("--format", choices=("text", "json"), default="text", dest="output_format")
    parser.add_argument("--today", type=_date, help="check review dates as of this date (YYYY-MM-DD)")
    parser.add_argument("--registry", type=Path, help="the published URLs to keep working "
                        f"(default: {REGISTRY_NAME} beside the docs folder, if it exists)")
    parser.add_argument("--write-registry", action="store_true",
                        help="add every URL and anchor the pages publish now to the registry, and stop")
    args = parser.parse_args(argv)
    docs_dir = Path(args.docs_dir)
    try:
        if not docs_dir.is_dir():
            raise UsageError(f"docs folder {args.docs_dir!r} does not exist or is not a folder")
        if args.write_registry:
            registry = args.registry or default_registry(docs_dir)
            added = write_registry(registry, read_pages(docs_dir, load_site_settings(Path(args.config))))
            print(f"Added {len(added)} entr{'y' if len(added) == 1 else 'ies'} to {registry}",
                  file=sys.stderr)
            return 0
        problems = check_site(docs_dir, Path(args.config), args.today, args.docs_dir, args.registry)
    except UsageError as error:
        parser.exit(2, f"{parser.prog}: error: {error}\n")
    output = format_problems(problems, args.output_format)
    if output:
        print(output)
    if args.output_format == "text":
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} found" if count else "No problems found",
              file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
