"""Reading pages: bytes to text, front matter to values with their lines, then the scan.

Bad input becomes problems on the page (IN and FM codes), never an exception.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import yaml

from ..settings import SiteSettings
from ..vocabulary import MAX_LINE_LENGTH
from .headings import compute_heading_ids
from .model import Page
from .scanner import scan_body
from .syntax import FRONT_MATTER
from ..yaml_files import LOADER



class ImpossibleDate(str):
    """A value written as a date that does not exist, such as 2026-02-30."""


class _FrontMatterConstructor(yaml.constructor.SafeConstructor):
    """YAML's safe types, except that an impossible date stays text the rules can name."""

    def construct_yaml_timestamp(self, node: yaml.Node):  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return ImpossibleDate(node.value)


_FrontMatterConstructor.add_constructor("tag:yaml.org,2002:timestamp",
                                        _FrontMatterConstructor.construct_yaml_timestamp)


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
    for page in pages.values():
        if page.is_translation:
            page.source = pages.get(page.source_path)
    return pages


def read_page(docs_dir: Path, path: Path, display_root: str | None = None) -> Page:
    """Read one page's text and front matter (not yet scanned)."""
    rel_path = path.relative_to(docs_dir).as_posix()
    display = posixpath.join(display_root if display_root is not None else str(docs_dir),
                             rel_path)
    page = Page(rel_path, display)
    text = _read_text(page, path)
    if text is None:
        page.readable = False
        return page
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE_LENGTH:
            page.problems.append(page.problem(
                number, "IN005", f"line is {len(line):,} characters long "
                f"(at most {MAX_LINE_LENGTH:,}); it was not checked"))
            lines[number - 1] = ""
    parse_front_matter(page, lines)
    return page


def _read_text(page: Page, path: Path) -> str | None:
    """The file as text, or None with the reason added to the page's problems."""
    try:
        data = path.read_bytes()
    except OSError as error:
        page.problems.append(page.problem(1, "IN001", f"cannot read file: {error.strerror}"))
        return None
    if b"\0" in data[:8192]:
        page.problems.append(page.problem(1, "IN003", "binary file, not Markdown text"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        page.problems.append(page.problem(
            line, "IN004", f"not valid UTF-8 (byte 0x{data[error.start]:02x}); "
            "save the file as UTF-8"))
        return None
    if not text.strip():
        page.problems.append(page.problem(1, "IN002", "empty file"))
        return None
    return text


def parse_front_matter(page: Page, lines: list[str]) -> None:
    """Split the YAML front matter from the body, keeping the line of every key."""
    match = FRONT_MATTER.match("\n".join(lines))
    if not match:
        page.body_lines = lines
        page.problems.append(page.problem(1, "FM001", "no front matter: start the page with a "
                                          "'---' block holding at least title and description"))
        return
    yaml_text = match.group(1) or ""
    page.body_start = match.group(0).count("\n") + 1
    page.body_lines = lines[page.body_start - 1:]
    try:
        node = yaml.compose(yaml_text, Loader=LOADER)
        meta = _FrontMatterConstructor().construct_document(node) if node else None
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
    page.has_front_matter = True
    page.meta = {str(key): value for key, value in meta.items()}
    for key_node, value_node in node.value if node else []:
        key = str(key_node.value)
        page.meta_lines[key] = key_node.start_mark.line + 2
        if isinstance(value_node, yaml.SequenceNode):
            page.item_lines[key] = [item.start_mark.line + 2 for item in value_node.value]
