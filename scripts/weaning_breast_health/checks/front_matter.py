"""Front matter rules (FM): the keys, their types, honest review dates, real sources."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from ..pages import ImpossibleDate, Page, Problem
from ..pages.syntax import DOI, ISO_DATE
from ..vocabulary import (EARLIEST_SOURCE_YEAR, INHERITED_KEYS, KNOWN_KEYS, MAX_DESCRIPTION,
                          MAX_REVIEW_INTERVAL_YEARS, MIN_SOURCES, PAGE_TYPES, REQUIRED_KEYS,
                          REVIEW_STATUSES, REVIEWER_KEYS, SOURCE_KEYS, SOURCE_OPTIONAL_KEYS,
                          SOURCED_PAGE_KEYS, TRANSLATED_REQUIRED_KEYS)


def check_front_matter(page: Page, today: datetime.date) -> Iterator[Problem]:
    """Required keys with the right types, honest review dates, real sources."""
    meta = page.meta
    page_type = meta.get("page_type", "article")
    if page_type not in PAGE_TYPES:
        yield page.problem(page.key_line("page_type"), "FM014",
                           f"unknown page_type {page_type!r}; use one of: {', '.join(PAGE_TYPES)}")
        return
    for key in meta:
        if key not in KNOWN_KEYS:
            yield page.problem(page.key_line(key), "FM005",
                               f"unknown front matter key {key!r}; known keys: {', '.join(KNOWN_KEYS)}")
        elif page.is_translation and key in INHERITED_KEYS:
            yield page.problem(page.key_line(key), "FM005",
                               f"{key!r} comes from the English page {page.source_path}: "
                               "remove it from the translation")
        elif not page.is_translation and key == "translation":
            yield page.problem(page.key_line(key), "FM005", "'translation' belongs on a "
                               "translated page (docs/zh/...), not on an English page")
    if page.is_translation:
        required = TRANSLATED_REQUIRED_KEYS["article" if page.is_article else "other"]
    else:
        required = REQUIRED_KEYS[page_type]
    for key in required:
        if key not in meta:
            yield page.problem(1, "FM003", f"front matter has no {key!r} (required on "
                               f"{'translated ' if page.is_translation else ''}{page.page_type} pages)")
    if not page.is_translation and not page.is_article and page.is_checked_against_sources:
        for key in SOURCED_PAGE_KEYS:
            if key not in meta:
                yield page.problem(1, "FM003", f"front matter has no {key!r} (required on "
                                   "every page that lists sources)")
    for key, expected in KNOWN_KEYS.items():
        if key in meta and not _is_type(meta[key], expected):
            if expected is datetime.date:
                yield page.problem(page.key_line(key), "FM007", date_message(key, meta[key]))
            else:
                yield page.problem(page.key_line(key), "FM004",
                                   f"{key} must be {_type_name(expected)}, not {_value_kind(meta[key])}")
    yield from _check_description(page)
    yield from _check_review(page, today)
    yield from _check_sources(page, today)
    for key in ("also_called", "related", "hide"):
        for index, item in enumerate(page.meta_list(key)):
            if not isinstance(item, str) or not item.strip():
                yield page.problem(page.item_line(key, index), "FM004",
                                   f"{key} entries must be text, not {item!r}")


def date_message(key: str, value: Any) -> str:
    """What is wrong with a value that should be a date, in the editor's terms."""
    if isinstance(value, ImpossibleDate):
        return f"{key} {value} is not a date that exists"
    if isinstance(value, datetime.datetime):
        return f"{key} must be a date without a time, written YYYY-MM-DD: {value.date()}, not {value}"
    if isinstance(value, str) and ISO_DATE.fullmatch(value.strip()):
        return f"{key} '{value}' is in quotes, which makes it text: write {value.strip()} without quotes"
    return f"{key} must be a date written YYYY-MM-DD, not {value!r}"


def _is_type(value: Any, expected: type) -> bool:
    if expected is datetime.date:
        return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
    if expected is str:
        return isinstance(value, str) and bool(value.strip())
    return isinstance(value, expected)


def _type_name(kind: type) -> str:
    return {str: "non-empty text", list: "a list", dict: "a mapping"}.get(kind, kind.__name__)


def _value_kind(value: Any) -> str:
    if isinstance(value, str):
        return "text" if value.strip() else "empty text"
    kinds = {list: "a list", dict: "a mapping", bool: "true or false", int: "a number",
             float: "a number", type(None): "empty", datetime.date: "a date"}
    return kinds.get(type(value), type(value).__name__)


def _check_description(page: Page) -> Iterator[Problem]:
    description = page.meta.get("description")
    if isinstance(description, str) and len(description) > MAX_DESCRIPTION:
        yield page.problem(page.key_line("description"), "FM006",
                           f"description is {len(description)} characters; at most {MAX_DESCRIPTION}")


def _check_review(page: Page, today: datetime.date) -> Iterator[Problem]:
    last, upcoming = page.meta.get("last_reviewed"), page.meta.get("next_review")
    if _is_type(last, datetime.date) and last > today:
        yield page.problem(page.key_line("last_reviewed"), "FM008",
                           f"last_reviewed {last} is in the future")
    if _is_type(last, datetime.date) and _is_type(upcoming, datetime.date):
        limit = add_years(last, MAX_REVIEW_INTERVAL_YEARS)
        if upcoming <= last:
            yield page.problem(page.key_line("next_review"), "FM008",
                               f"next_review {upcoming} must come after last_reviewed {last}")
        elif upcoming > limit:
            yield page.problem(page.key_line("next_review"), "FM008",
                               f"next_review {upcoming} is more than {MAX_REVIEW_INTERVAL_YEARS} "
                               f"years after last_reviewed {last} (latest {limit})")
    if _is_type(upcoming, datetime.date) and upcoming < today:
        yield page.problem(page.key_line("next_review"), "FM009",
                           f"review overdue: next_review was {upcoming}; review the page "
                           "against its sources, then update both dates")
    reviewer = page.meta.get("reviewed_by")
    if isinstance(reviewer, dict):
        line = page.key_line("reviewed_by")
        for key in REVIEWER_KEYS:
            if not isinstance(reviewer.get(key), str) or not reviewer[key].strip():
                yield page.problem(line, "FM004", f"reviewed_by needs a {key!r} (text)")
        for key in reviewer:
            if key not in REVIEWER_KEYS:
                yield page.problem(line, "FM005", f"unknown reviewed_by key {key!r}; "
                                   "known keys: role, status")
        if isinstance(reviewer.get("status"), str) and reviewer["status"] not in REVIEW_STATUSES:
            yield page.problem(line, "FM004", f"reviewed_by status must be one of: "
                               f"{', '.join(REVIEW_STATUSES)}; not {reviewer['status']!r}")


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same day that many years on; 29 February becomes 28 February, and a day past
    the last one a date can hold becomes that last day (9999-12-31)."""
    if day.year + years > datetime.MAXYEAR:
        return datetime.date.max
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _check_sources(page: Page, today: datetime.date) -> Iterator[Problem]:
    sources = page.meta.get("sources")
    if not isinstance(sources, list):
        return
    if page.is_article and not page.is_translation and len(sources) < MIN_SOURCES:
        yield page.problem(page.key_line("sources"), "FM010",
                           f"{len(sources)} source(s); articles need at least {MIN_SOURCES}")
    for index, source in enumerate(sources):
        line = page.item_line("sources", index)
        for code, message in source_problems(source, today):
            yield page.problem(line, code, message)


def source_problems(source: Any, today: datetime.date) -> Iterator[tuple[str, str]]:
    """What is wrong with one source (a page's, or the trigger table's), as (code, message)."""
    if not isinstance(source, dict):
        yield "FM011", "a source must be a mapping with title, publisher, year and url or doi"
        return
    missing = [key for key in SOURCE_KEYS if not source.get(key) and key != "year"]
    if missing:
        yield "FM011", f"source has no {', '.join(missing)}"
    if source.get("year") is None and "accessed" not in source:
        yield "FM011", ("source has no year: give the year the source states or, for a page "
                        "that states none, the day you checked it as accessed: YYYY-MM-DD")
    unknown = sorted(set(source) - {*SOURCE_KEYS, *SOURCE_OPTIONAL_KEYS})
    if unknown:
        yield "FM011", (f"unknown source key {unknown[0]!r}; "
                        "known keys: title, publisher, year, accessed, url, doi")
    if "accessed" in source and not _is_type(source["accessed"], datetime.date):
        yield "FM007", f"source accessed must be a date written YYYY-MM-DD, not {source['accessed']!r}"
    yield from _source_date_problems(source.get("year"), source.get("accessed"), today)
    url, doi = source.get("url"), source.get("doi")
    if not url and not doi:
        yield "FM011", "source needs a url (https) or a doi"
    if url is not None and not (isinstance(url, str) and _is_https_url(url)):
        yield "FM011", f"source url must start with https://, not {url!r}"
    if doi is not None and not (isinstance(doi, str) and DOI.fullmatch(doi)):
        yield "FM011", f"source doi must look like 10.1234/abc, not {doi!r}"


def _source_date_problems(year: Any, accessed: Any,
                          today: datetime.date) -> Iterator[tuple[str, str]]:
    """A source's year is a year the source states; it cannot come after the day we read it."""
    if isinstance(year, str) and year.strip().isdigit():
        yield "FM015", (f"source year {year!r} is text: write the number "
                        f"without quotes, year: {year.strip()}")
        return
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)
                             or not EARLIEST_SOURCE_YEAR <= year <= today.year):
        yield "FM015", (f"source year {year!r} is not a year from "
                        f"{EARLIEST_SOURCE_YEAR} to {today.year}: give the year the source "
                        "states it was published or last updated")
        return
    if not _is_type(accessed, datetime.date):
        return
    if accessed > today:
        yield "FM015", f"source accessed date {accessed} is in the future"
    elif year is not None and year > accessed.year:
        yield "FM015", (f"source year {year} is later than its accessed date "
                        f"{accessed}: the year is the one the source states, not when it was read")


def _is_https_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" and bool(parts.netloc) and " " not in url


def check_also_called(page: Page) -> Iterator[Problem]:
    """Other names readers search for must be in the text, which is what search indexes."""
    names = page.meta.get("also_called")
    if not isinstance(names, list):
        return
    text = " ".join(page.body_text.lower().split())
    for index, name in enumerate(names):
        if isinstance(name, str) and name.strip() and " ".join(name.lower().split()) not in text:
            yield page.problem(page.item_line("also_called", index), "FM012",
                               f"also_called name {name!r} does not appear in the page text; "
                               "search only finds words in the text")


def renderable_meta(page: Page) -> dict[str, Any]:
    """The front matter a template may render: only known keys whose values have the type
    the rules ask for, and only the entries of a list or mapping that do. A value left out
    is one the rules above report, so the build fails with their message and `serve`
    renders the rest of the page instead of crashing in a template."""
    meta = {key: value for key, value in page.meta.items()
            if key in KNOWN_KEYS and _is_type(value, KNOWN_KEYS[key])}
    for key in ("also_called", "related", "hide"):
        if key in meta:
            meta[key] = [item for item in meta[key] if isinstance(item, str)]
    if "reviewed_by" in meta:
        meta["reviewed_by"] = {key: value for key, value in meta["reviewed_by"].items()
                               if key in REVIEWER_KEYS and isinstance(value, str)}
    if "sources" in meta:
        meta["sources"] = [_renderable_source(source) for source in meta["sources"]
                           if isinstance(source, dict) and (isinstance(source.get("url"), str)
                                                            or isinstance(source.get("doi"), str))]
    if page.is_translation:
        meta = _with_source_meta(page, meta)
    return meta


def _with_source_meta(page: Page, meta: dict[str, Any]) -> dict[str, Any]:
    """A translation renders its English page's review record, related pages and sources
    (followed by the sources it adds), and the translation record itself."""
    source = renderable_meta(page.source) if page.source else {}
    meta = {key: value for key, value in meta.items() if key not in INHERITED_KEYS}
    meta.update({key: source[key] for key in INHERITED_KEYS if key in source})
    meta["sources"] = source.get("sources", []) + meta.get("sources", [])
    if "translation" in meta:
        meta["translation"] = {key: value for key, value in meta["translation"].items()
                               if isinstance(value, (str, datetime.date))}
        meta["translation"]["source_title"] = source.get("title", page.source_path)
    return meta


def _renderable_source(source: dict[Any, Any]) -> dict[str, Any]:
    kinds = {"title": str, "publisher": str, "year": (int, str), "accessed": datetime.date,
             "url": str, "doi": str}
    return {key: value for key, value in source.items() if key in kinds
            and isinstance(value, kinds[key]) and not isinstance(value, (bool, datetime.datetime))}
