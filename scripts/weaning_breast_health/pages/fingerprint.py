"""A page's content fingerprint: what a check, a review or a translation records of it.

It covers the front matter (except the review record itself) and the body, with white
space folded, so re-wrapping a paragraph keeps it and changing a word does not. It also
covers the trigger table's entry (level and wording in every language) for each trigger
the page's care cards show, so changing a trigger changes every page that shows it.
"""

from __future__ import annotations

import hashlib
import json

from ..triggers import TriggerTable, site_table
from ..vocabulary import CARE_CARD_TYPES, REVIEW_RECORD_KEYS
from .model import CareCard, Page
from .scanner import scan_body


def content_fingerprint(page: Page, table: TriggerTable | None = None) -> str:
    """16 hex digits of the SHA-256 of the page's normalised front matter and body, and of
    the entries of the trigger table (the site's, unless given) its cards show."""
    meta = {key: value for key, value in page.meta.items() if key not in REVIEW_RECORD_KEYS}
    front_matter = json.dumps(meta, sort_keys=True, default=str, ensure_ascii=False)
    body = " ".join(page.body_text.split())
    table = table or site_table()
    shown = {trigger_id: [table.triggers[trigger_id].level, table.triggers[trigger_id].wording]
             for card in _cards(page) if card.kind in CARE_CARD_TYPES
             for trigger_id in table.card_ids(card) if trigger_id in table.triggers}
    text = f"{front_matter}\n{body}"
    if shown:  # a page without cards keeps the fingerprint it had before the table
        text += "\n" + json.dumps(shown, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _cards(page: Page) -> list[CareCard]:
    """The page's care cards, whether or not the page has been scanned yet."""
    scanned = Page(page.rel_path, page.display_path, body_start=page.body_start,
                   body_lines=page.body_lines)
    scan_body(scanned)
    return scanned.cards
