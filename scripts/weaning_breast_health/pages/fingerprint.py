"""A page's content fingerprint: what a check, a review or a translation records of it.

It covers the front matter (except the review record itself) and the body, with white
space folded, so re-wrapping a paragraph keeps it and changing a word does not.
"""

from __future__ import annotations

import hashlib
import json

from ..vocabulary import REVIEW_RECORD_KEYS
from .model import Page


def content_fingerprint(page: Page) -> str:
    """16 hex digits of the SHA-256 of the page's normalised front matter and body."""
    meta = {key: value for key, value in page.meta.items() if key not in REVIEW_RECORD_KEYS}
    front_matter = json.dumps(meta, sort_keys=True, default=str, ensure_ascii=False)
    body = " ".join(page.body_text.split())
    return hashlib.sha256(f"{front_matter}\n{body}".encode("utf-8")).hexdigest()[:16]
