"""What the page templates ask Python (registered as Jinja filters by the hook), so that a
piece of page logic is written once: related pages, source addresses, dates."""

from __future__ import annotations

import datetime
import functools
import posixpath
from pathlib import Path
from typing import Any

from .editions import checker_path, config_language, site_url_of_site
from .history import LEDGER_LANGUAGE, describe, page_history
from .ui_text import HISTORY_TEXT, ROLE_TEXT, STATUS_TEXT, TEXT, TRANSLATION_TEXT
from .urls import counterparts, page_url, resolve_page, source_address
from .vocabulary import (DEFAULT_LANGUAGE, DEFAULT_PAGE_TYPE, HREFLANGS, LANGUAGE_NAMES,
                         REVIEW_LABELS)

BUNDLE_FOLDER = "assets/javascripts"


def related_links(page: Any, nav: Any) -> list[Any]:
    """The MkDocs pages a page's `related` entries name, resolved as the checker resolves
    them (relative to the page), in the order written."""
    by_path = _pages_by_path(nav)
    related = (page.meta or {}).get("related") or []
    targets = [resolve_page(page.file.src_uri, entry) for entry in related if isinstance(entry, str)]
    return [by_path[target] for target in targets if target in by_path]


# The last navigation related_links saw, and its pages by path.
_navigation_pages: tuple[Any, dict[str, Any]] | None = None


def _pages_by_path(nav: Any) -> dict[str, Any]:
    """The navigation's pages by path, made once per navigation (MkDocs makes one for
    each build, and it holds the same pages while the pages render): a map made for
    every page's lookup made the build's time grow with the square of its pages."""
    global _navigation_pages
    if _navigation_pages is None or _navigation_pages[0] is not nav:
        _navigation_pages = (nav, {other.file.src_uri: other for other in nav.pages})
    return _navigation_pages[1]


def long_date(value: Any, language: str = DEFAULT_LANGUAGE) -> str:
    """A date as readers read it, '21 November 2026' or '2026年11月21日'; anything else
    as it was written (the checker has already reported it, and a page must still render)."""
    if isinstance(value, datetime.date):
        if language == "zh":
            return f"{value.year}年{value.month}月{value.day}日"
        return f"{value.day} {value:%B %Y}"
    return str(value)


def alternates(page: Any, config: Any, pages: Any) -> list[dict[str, Any]]:
    """The page in each language the site has it in, as Material's `extra.alternate`
    lists languages (name, link, lang: here the full address and hreflang), with the
    address relative to this page for the language switch, and which one is this page.
    The 404 page, served at any address, has each home page's full address."""
    language = config_language(config)
    here = checker_path(config, page.file.src_uri) if page and page.file else None
    found = counterparts(here or checker_path(config, "index.md"), pages)
    root = (site_url_of_site(config) or "/").rstrip("/") + "/"
    return [{"name": LANGUAGE_NAMES[other], "lang": HREFLANGS[other],
             "link": root + page_url(path).lstrip("/"),
             "relative": _relative(page_url(here), page_url(path)) if here else None,
             "current": other == language}
            for other, path in found.items()]


def _relative(start: str, target: str) -> str:
    """A URL path relative to the folder URL start: /zh/mastitis/ to /mastitis/ is
    ../../mastitis/."""
    relative = posixpath.relpath(target, start)
    return "./" if relative == "." else relative.rstrip("/") + "/"


def translation_notice(meta: dict[str, Any] | None, language: str) -> dict[str, Any] | None:
    """What a translated page says of itself, in its language: its English page, when
    it was translated, by whom, whether the translation has been reviewed, that the
    English page prevails over the translation, and that sections labelled as the
    edition's own (vocabulary.LOCAL_ADMONITION) are not translated and cite their own
    sources."""
    record = (meta or {}).get("translation")
    if language not in TRANSLATION_TEXT or not isinstance(record, dict):
        return None
    words = TRANSLATION_TEXT[language]
    reviewed = record.get("review") == "reviewed"
    date = long_date(record.get("translated"), language)
    return {"lead": words["notice"], "source_title": record.get("source_title", ""), "date": words["notice_date"].format(date=date),
            "review": words["reviewed" if reviewed else "pending"] + words["local"],
            "record": words["record"].format(translator=record.get("translator", ""), date=date),
            "review_record": words["review_done" if reviewed else "review_pending"],
            }


def page_type(meta: dict[str, Any] | None) -> str:
    """The page's declared type, or the default the checker assumes."""
    return (meta or {}).get("page_type", DEFAULT_PAGE_TYPE)


def review_label(meta: dict[str, Any] | None, language: str = DEFAULT_LANGUAGE) -> str:
    """What the footer calls the page's last recorded check: "Clinically reviewed" only
    when its status says so (and the checker has found the review in the ledger). On a
    translation, the check is its English page's."""
    reviewer = (meta or {}).get("reviewed_by")
    status = reviewer.get("status") if isinstance(reviewer, dict) else None
    if language in TRANSLATION_TEXT:
        return STATUS_TEXT[language]["clinically reviewed"] if status == "clinically reviewed" \
            else TRANSLATION_TEXT[language]["source_check"]
    return REVIEW_LABELS.get(status, REVIEW_LABELS["clinical review pending"])


def clinically_reviewed(meta: dict[str, Any] | None) -> bool:
    """Whether the page says a clinician has reviewed it (the checker holds that to a
    recorded clinical review, REV004). Until then the structured data carries no review
    date, which search engines would read as a medical review."""
    reviewer = (meta or {}).get("reviewed_by")
    return isinstance(reviewer, dict) and reviewer.get("status") == "clinically reviewed"


def review_status(status: Any, language: str = DEFAULT_LANGUAGE) -> str:
    """A review status as the footer says it in the page's language."""
    return STATUS_TEXT.get(language, {}).get(status, str(status))


def reviewer_role(role: Any, language: str = DEFAULT_LANGUAGE) -> str:
    """Who checked the page, as the footer says it in the page's language (a role with no
    rendering yet stays as written: the Chinese build's tests name it)."""
    return ROLE_TEXT.get(language, {}).get(role, str(role))


def history_items(page: Any, config: Any, checked: Any, language: str) -> list[dict[str, Any]]:
    """A page's recorded changes, newest first, as its history section lists them: the
    version, the date (as readers read it, and ISO) and what changed, in its language; an
    editorial change's reason apart, in the ledger's language, for the template to mark."""
    found = checked.pages.get(checker_path(config, page.file.src_uri)) if checked else None
    if found is None or not found.is_article:  # only an article has a handout to match
        return []
    return [{"version": HISTORY_TEXT[language]["version"].format(version=change.version),
             "date": long_date(change.date, language), "iso": change.date.isoformat(),
             "what": describe(change, language, with_reason=False),
             "reason": change.reason if change.kind == "editorial" and not change.new_page else None,
             "reason_language": LEDGER_LANGUAGE}
            for change in page_history(found, checked.ledger)]


def material_bundle() -> str:
    """The address of Material's script, whose name carries a hash that changes with
    every release: found in the installed theme, so an upgrade needs no template edit."""
    import material

    folder = Path(material.__file__).parent / "templates" / BUNDLE_FOLDER
    bundles = sorted(folder.glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise LookupError(f"expected one bundle.*.min.js in {folder}, found {len(bundles)}")
    return f"{BUNDLE_FOLDER}/{bundles[0].name}"


FILTERS = {"clinically_reviewed": clinically_reviewed, "page_type": page_type,
           "related_links": related_links, "source_address": source_address}
# Filters that take the edition's language (the hook binds it), and the one that needs
# the pages the checker read.
LANGUAGE_FILTERS = {"long_date": long_date, "review_label": review_label,
                    "review_status": review_status, "reviewer_role": reviewer_role,
                    "translation_notice": translation_notice}


def edition_filters(language: str) -> dict[str, Any]:
    """Every filter the templates use, for an edition's language."""
    return {**FILTERS, **{name: functools.partial(function, language=language)
                          for name, function in LANGUAGE_FILTERS.items()}}


def edition_text(language: str) -> dict[str, str]:
    """The words of the site's templates in an edition's language."""
    return TEXT.get(language, TEXT[DEFAULT_LANGUAGE])


def edition_history_text(language: str) -> dict[str, str]:
    """The words of the page history section in an edition's language."""
    return HISTORY_TEXT.get(language, HISTORY_TEXT[DEFAULT_LANGUAGE])
