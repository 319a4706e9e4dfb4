"""Reading a YAML data file of the site's (the trigger table, the review ledger) as nodes,
so every value keeps its line for the checker's messages."""

from __future__ import annotations

from pathlib import Path

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
        mark = getattr(error, "problem_mark", None)
        raise UsageError(f"{display}:{mark.line + 1 if mark else 1}: the {what} is not "
                         f"valid YAML: {getattr(error, 'problem', error)}") from error
