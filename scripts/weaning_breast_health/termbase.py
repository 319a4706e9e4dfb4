"""The Chinese edition's termbase (termbase.yml): the one rendering each key term must
use, and the variants it must not. Read once; the checker's TERM001 asks it about lines."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

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
    """Every term, the everyday-first pairs as terms whose variant is 'medical（everyday）'."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    terms = [Term(entry["en"], entry["use"], tuple(entry["avoid"])) for entry in data["terms"]]
    terms += [Term(f"{pair['everyday']}, everyday word first", f"{pair['everyday']}（{pair['medical']}）",
                   (f"{pair['medical']}（{pair['everyday']}）",)) for pair in data["everyday_first"]]
    return tuple(terms)


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
