"""What the page templates ask Python (registered as Jinja filters by the hook), so that a
piece of page logic is written once: related pages, source addresses, dates."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from .publish.catalogue import source_address
from .urls import resolve_page
from .vocabulary import DEFAULT_PAGE_TYPE, REVIEW_LABELS

BUNDLE_FOLDER = "assets/javascripts"


def related_links(page: Any, nav: Any) -> list[Any]:
    """The MkDocs pages a page's `related` entries name, resolved as the checker resolves
    them (relative to the page), in the order written."""
    by_path = {other.file.src_uri: other for other in nav.pages}
    related = (page.meta or {}).get("related") or []
    targets = [resolve_page(page.file.src_uri, entry) for entry in related if isinstance(entry, str)]
    return [by_path[target] for target in targets if target in by_path]


def long_date(value: Any) -> str:
    """A date as readers read it, '21 November 2026'; anything else as it was written
    (the checker has already reported it, and a page must still render)."""
    if isinstance(value, datetime.date):
        return f"{value.day} {value:%B %Y}"
    return str(value)


def page_type(meta: dict[str, Any] | None) -> str:
    """The page's declared type, or the default the checker assumes."""
    return (meta or {}).get("page_type", DEFAULT_PAGE_TYPE)


def review_label(meta: dict[str, Any] | None) -> str:
    """What the footer calls the page's last recorded check: "Clinically reviewed" only
    when its status says so (and the checker has found the review in the ledger)."""
    reviewer = (meta or {}).get("reviewed_by")
    status = reviewer.get("status") if isinstance(reviewer, dict) else None
    return REVIEW_LABELS.get(status, REVIEW_LABELS["clinical review pending"])


def material_bundle() -> str:
    """The address of Material's script, whose name carries a hash that changes with
    every release: found in the installed theme, so an upgrade needs no template edit."""
    import material

    folder = Path(material.__file__).parent / "templates" / BUNDLE_FOLDER
    bundles = sorted(folder.glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise LookupError(f"expected one bundle.*.min.js in {folder}, found {len(bundles)}")
    return f"{BUNDLE_FOLDER}/{bundles[0].name}"


FILTERS = {"page_type": page_type, "review_label": review_label, "related_links": related_links, "source_address": source_address,
           "long_date": long_date}
