"""Reading a YAML data file of the site's (the trigger table, the review ledger, the
evidence files) as nodes, so every value keeps its line for the checker's messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import UsageError


def compose_file(path: Path, display: str, what: str) -> yaml.Node | None:
    """The file's YAML node tree. A file that cannot be read, or is not YAML, is a
    UsageError naming `what` it is, and for bad YAML its display name and line."""
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read the {what} {path}: {error}") from error
    except yaml.YAMLError as error:
        line, problem = error_at(error)
        raise UsageError(f"{display}:{line}: the {what} is not valid YAML: {problem}") from error


LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present, as MkDocs


def error_at(error: yaml.YAMLError) -> tuple[int, str]:
    """Where a YAML error is (its 1-based line; 1 if it has none) and what it is."""
    mark = getattr(error, "problem_mark", None)
    return (mark.line + 1 if mark else 1), str(getattr(error, "problem", None) or error)


def mapping_lines(node: Any) -> dict[str, tuple[int, Any]]:
    """A YAML mapping node's keys, each with its line and its value node; {} for anything else."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): (key.start_mark.line + 1, value) for key, value in node.value}
