"""The user's cache folder, for what is slow to make and always the same for the same
input (a QR code for an address, a readability grade for a text): $XDG_CACHE_HOME, or
~/.cache, then weaning-breast-health/. Entries are files named by the SHA-256 of their
key; a folder that cannot be read or written is passed over, so the cache only ever
saves time."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

APP_FOLDER = "weaning-breast-health"


def cache_folder(name: str) -> Path:
    """The folder of one kind of entry; name says what makes an entry stale (a version)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP_FOLDER / name


def entry_path(folder: Path, key: str, suffix: str) -> Path:
    return folder / (hashlib.sha256(key.encode("utf-8")).hexdigest() + suffix)


def read_entry(folder: Path, key: str, suffix: str = ".txt") -> str | None:
    """The text kept for key, or None when there is none (or it cannot be read)."""
    try:
        return entry_path(folder, key, suffix).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def write_entry(folder: Path, key: str, text: str, suffix: str = ".txt") -> None:
    """Keep text for key; silently nothing when the folder cannot be written. The entry
    is written under a temporary name, then renamed, so a reader never sees half of it."""
    path = entry_path(folder, key, suffix)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    except OSError:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass


def cached_json(folder: Path, key: str, make: Callable[[], Any]) -> Any:
    """The value kept as JSON for key; else (or when the entry is damaged) make()'s, kept."""
    text = read_entry(folder, key, ".json")
    if text is not None:
        try:
            return json.loads(text)
        except ValueError:
            pass
    value = make()
    write_entry(folder, key, json.dumps(value, ensure_ascii=False), ".json")
    return value
