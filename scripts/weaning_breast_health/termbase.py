"""The Chinese edition's termbase (termbase.yml): the one rendering each key term must
use, and the variants it must not. Read once; the checker's TERM001 asks it about lines."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import UsageError

TERMBASE_PATH = Path(__file__).resolve().parent / "termbase.yml"


@dataclass(frozen=True)
class Term:
    """A term as the English pages say it, its Chinese rendering and the variants to avoid."""

    en: str
    use: str
    avoid: tuple[str, ...]


@dataclass(frozen=True)
class Variant:
    """A variant found in a line: where it starts, what it is and the term to use."""

    column: int
    variant: str
    term: Term


@functools.cache
def load_termbase(path: Path = TERMBASE_PATH) -> tuple[Term, ...]:
    """Every term, the everyday-first pairs as terms whose variant is 'medical（everyday）'.
    A file that is not a termbase is a UsageError naming its line."""
    try:
        document = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        raise UsageError(f"{path}{f':{mark.line + 1}' if mark else ''}: not a termbase: "
                         f"{getattr(error, 'problem', None) or error}") from error
    sections = _mapping(path, document)
    terms = [Term(*_fields(path, node, ("en", "use")), tuple(_avoid(path, node)))
             for node in _entries(path, sections, "terms")]
    for node in _entries(path, sections, "everyday_first"):
        everyday, medical = _fields(path, node, ("everyday", "medical"))
        terms.append(Term(f"{everyday}, everyday word first", f"{everyday}（{medical}）",
                          (f"{medical}（{everyday}）",)))
    return tuple(terms)


def _mapping(path: Path, node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        line = node.start_mark.line + 1 if node else 1
        raise UsageError(f"{path}:{line}: not a termbase: expected a mapping")
    return {key.value: value for key, value in node.value}


def _entries(path: Path, sections: dict[str, yaml.Node], name: str) -> list[yaml.Node]:
    node = sections.get(name)
    if not isinstance(node, yaml.SequenceNode):
        raise UsageError(f"{path}:1: not a termbase: '{name}' must be a list")
    return node.value


def _fields(path: Path, entry: yaml.Node, names: tuple[str, ...]) -> list[str]:
    values = [_mapping(path, entry).get(name) for name in names]
    if not all(isinstance(value, yaml.ScalarNode) and value.value for value in values):
        raise UsageError(f"{path}:{entry.start_mark.line + 1}: not a termbase: each entry "
                         f"needs {' and '.join(names)}, as text")
    return [value.value for value in values]


def _avoid(path: Path, entry: yaml.Node) -> list[str]:
    node = _mapping(path, entry).get("avoid")
    if not (isinstance(node, yaml.SequenceNode) and node.value
            and all(isinstance(item, yaml.ScalarNode) and item.value for item in node.value)):
        raise UsageError(f"{path}:{entry.start_mark.line + 1}: not a termbase: 'avoid' "
                         "must be a list of the variants to avoid")
    return [item.value for item in node.value]


def variants_in(text: str, terms: tuple[Term, ...] | None = None) -> Iterator[Variant]:
    """Each variant in text, in the order it appears (text the preferred term already
    holds, like the variant inside it, does not count)."""
    found = []
    for term in terms if terms is not None else load_termbase():
        for variant in term.avoid:
            start = text.find(variant)
            while start != -1:
                if not _inside_use(text, start, variant, term.use):
                    found.append(Variant(start, variant, term))
                start = text.find(variant, start + 1)
    yield from sorted(found, key=lambda hit: (hit.column, hit.variant))


def _inside_use(text: str, start: int, variant: str, use: str) -> bool:
    """Whether the variant at start is part of an occurrence of the preferred term."""
    offset = use.find(variant)
    return offset != -1 and text.startswith(use, start - offset)
