"""Evidence rules (evidence.py reads the files): every sentence that states a number, a
time frame or a medicine is covered by a record saying which source says it and where.

EVD001  a claim sentence on the page with no record covering it
EVD002  a record whose claim is no longer on the page (changed since it was evidenced)
EVD003  a record or based_on line naming a source the page does not list
EVD004  an evidence file that is not as evidence.py describes it
EVD005  a source the page lists with no based_on line
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterator

import markdown

from ..evidence import (RECORD_KEYS, SITE_EVIDENCE, TRANSLATED_KEYS, Evidence, Record,
                        evidence_path, is_site_evidence)
from ..pages import Page, Problem, render_key, rendered_html
from ..urls import source_address
from ..quality.readability import CHINESE_SENTENCE_END, reader_blocks
from ..user_cache import cache_folder, cached_json
from ..vocabulary import CARE_CARD_TYPES, MEDICINE_NAMES, NUMBER_WORDS, TRANSLATIONS
from .front_matter import source_problems

CLAIM_BLOCKS = cache_folder("claim-blocks")
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
ENGLISH_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"‘'(])")
NUMBERS = {language: re.compile(r"\d|" + (rf"\b(?:{words})\b" if language == "en" else words))
           for language, words in NUMBER_WORDS.items()}
MEDICINES = {  # in lower case, English ones as whole words
    "en": re.compile(r"\b(?:" + "|".join(re.escape(name.lower()) for name in MEDICINE_NAMES["en"])
                     + r")\b"),
    "zh": re.compile("|".join(map(re.escape, MEDICINE_NAMES["zh"]))),
}
LINK_MARK = "\u2063"  # around each link's text in the claim blocks
LINK_TEXT = re.compile(f"{LINK_MARK}[^{LINK_MARK}]*{LINK_MARK}")
FOLDED = str.maketrans({"’": "'", "‘": "'", "\u00a0": " ", "–": "-", "—": "-", LINK_MARK: None})
UNSPACED = re.compile(r"(?<=[(\[“])\s+|\s+(?=[,.;:!?)\]”])")
MARKUP = re.compile(r"\]\([^)]*\)|\{[^}]*\}|<[^>]+>|[*_`\[\]]")
PROBE_LENGTHS = (16, 8)
QUOTED = 60


def check_evidence(pages: dict[str, Page], evidence: dict[str, Evidence],
                   converters: dict[str, tuple[markdown.Markdown, str]],
                   today: datetime.date) -> Iterator[Problem]:
    """Every page checked against sources against its evidence file and its edition's
    site.evidence.yml, and every evidence file against its page or pages."""
    site = {_edition(key): found for key, found in evidence.items() if is_site_evidence(key)}
    english_site_ids = site[""].by_id() if "" in site else {}
    site_records = {edition: _sort_records(found, bool(edition),
                                           english_site_ids if edition else {})
                    for edition, found in site.items()}
    for key, found in evidence.items():
        yield from found.problems
        if is_site_evidence(key):
            continue
        page = pages.get(key)
        if page is None or not page.readable or not page.is_checked_against_sources:
            yield found.problem(1, f"no page {key} with sources beside this evidence file: "
                                   "an evidence file belongs to a page that lists sources")
    edition_texts: dict[str, list[str]] = {}
    shared_claims = {edition: [fold(record.get("claim"), bool(edition)) for record in valid]
                     for edition, (valid, _) in site_records.items()}
    for page in pages.values():
        if not page.readable or not page.has_front_matter or not page.is_checked_against_sources:
            continue
        found = evidence.get(page.rel_path) or Evidence(_evidence_display(page))
        edition = _edition(page.rel_path)
        english = [evidence.get(page.source_path), site.get("")] if page.is_translation else []
        english_ids = {key: record for other in english if other
                       for key, record in other.by_id().items()}
        converter, fingerprint = converters[page.language]
        blocks = claim_blocks(page, converter, fingerprint)
        edition_texts.setdefault(edition, []).append(fold(" ".join(blocks), page.is_translation))
        yield from _check_page(page, blocks, found, shared_claims.get(edition, []), english_ids,
                               today)
    for edition, found in site.items():
        yield from _check_site_file(found, *site_records[edition], bool(edition),
                                    edition_texts.get(edition, []), today)


def claim_blocks(page: Page, converter: markdown.Markdown, fingerprint: str) -> list[str]:
    """The text of each block a reader reads on the page outside its headings (which
    name, not claim) and care cards (the trigger table sources their bullets), each
    link's text between two LINK_MARKs; from the cache when the page is unchanged."""
    return cached_json(CLAIM_BLOCKS, render_key(page, fingerprint), lambda: reader_blocks(
        rendered_html(page, converter), frozenset(CARE_CARD_TYPES), HEADINGS, joiner="",
        link_mark=LINK_MARK))


def claim_sentences(page: Page, blocks: list[str]) -> list[str]:
    """Each sentence of the blocks that has a digit or a number of hours to years, or a
    medicine's name outside a link's text (a list of links to the glossary's entries
    points to claims, it makes none)."""
    numbers, names = NUMBERS[page.language], MEDICINES[page.language]
    found = []
    for block in blocks:
        for sentence in _sentences(block, page.is_translation):
            text = sentence.replace(LINK_MARK, "").lower()
            if numbers.search(text) or names.search(LINK_TEXT.sub(" ", sentence.lower())):
                found.append(sentence.replace(LINK_MARK, ""))
    return found


def fold(text: str, chinese: bool) -> str:
    """Text as claims are compared: one kind of quote, dash and space, none inside
    brackets or before punctuation; none at all in Chinese."""
    text = text.translate(FOLDED)
    if chinese:
        return "".join(text.split())
    return UNSPACED.sub("", " ".join(text.split()))


def _sentences(block: str, chinese: bool) -> list[str]:
    pattern = CHINESE_SENTENCE_END if chinese else ENGLISH_SENTENCE_END
    return [sentence.strip() for sentence in pattern.split(block) if sentence.strip()]


def _check_page(page: Page, blocks: list[str], evidence: Evidence, shared: list[str],
                english_ids: dict[str, Record], today: datetime.date) -> Iterator[Problem]:
    chinese = page.is_translation
    text = fold(" ".join(blocks), chinese)
    listed = _page_sources(page)
    lists_sources = _lists_sources(page)
    sources = {address: source.get("title") for address, source in listed.items()
               if not any(source_problems(source, today))}
    claims = list(shared)
    valid, problems = _sort_records(evidence, chinese, english_ids)
    yield from problems
    for record in valid:
        claims.append(fold(record.get("claim"), chinese))
        if claims[-1] not in text:
            yield _claim_gone(evidence, record, page.rel_path)
        if record.get("source") is not None and record.get("source") not in listed \
                and lists_sources:
            yield Problem(evidence.path, record.line, "EVD003",
                          f"source {record.get('source')} is not one of the sources "
                          f"{page.rel_path} lists")
    uncovered = [sentence for sentence in claim_sentences(page, blocks)
                 if not any(fold(sentence, chinese) in claim for claim in claims)]
    lines = _LineFinder(page) if uncovered else None
    for sentence in uncovered:
        yield page.problem(lines.line_of(sentence), "EVD001",
                           f"no evidence record covers “{sentence}”: add one to "
                           f"{evidence.path.rsplit('/', 1)[-1]} (it has a number or a medicine)")
    if not lists_sources or not evidence.readable:
        return  # the front matter rules report the sources; EVD004 the file
    for address, (line, supports) in evidence.based_on.items():
        if address not in listed:
            yield Problem(evidence.path, line, "EVD003",
                          f"based_on names {address}, which is not one of the sources "
                          f"{page.rel_path} lists")
        elif not isinstance(supports, str) or not supports.strip():
            yield evidence.problem(line, "a based_on line is text: which of the page's points "
                                         "the source supports")
    for address, title in sources.items():
        if address not in evidence.based_on:
            yield Problem(evidence.path, 1, "EVD005",
                          f"source “{title}” ({address}) has no based_on line: say which of "
                          f"{page.rel_path}'s points it supports")


def _check_site_file(evidence: Evidence, valid: list[Record], problems: list[Problem],
                     chinese: bool, texts: list[str],
                     today: datetime.date) -> Iterator[Problem]:
    """An edition's site.evidence.yml (its complete records and the problems of the
    others): its sources complete, each record naming one of them, and each claim still
    on at least one page of the edition."""
    sources = {}
    for line, source in evidence.sources:
        for code, message in source_problems(source, today):
            yield Problem(evidence.path, line, code, message)
        if isinstance(source, dict) and (source.get("url") or source.get("doi")):
            sources[source_address(source)] = source
    yield from problems
    for record in valid:
        if not any(fold(record.get("claim"), chinese) in text for text in texts):
            yield _claim_gone(evidence, record, "any page")
        if record.get("source") is not None and record.get("source") not in sources:
            yield Problem(evidence.path, record.line, "EVD003",
                          f"source {record.get('source')} is not one of the sources "
                          f"{SITE_EVIDENCE} lists")


def _claim_gone(evidence: Evidence, record: Record, where: str) -> Problem:
    return Problem(evidence.path, record.line, "EVD002",
                   f"claim is no longer on {where}: “{_quoted(record.get('claim'))}”: check "
                   "the page's new wording against the source, then record it")


def _sort_records(evidence: Evidence, chinese: bool,
                  english_ids: dict[str, Record]) -> tuple[list[Record], list[Problem]]:
    """A file's complete records, and an EVD004 problem for each of the others."""
    first_lines: dict[str, int] = {}
    for record in evidence.records:
        if isinstance(record.get("id"), str):
            first_lines.setdefault(record.get("id"), record.line)
    valid, problems = [], []
    for record in evidence.records:
        fault = _record_fault(record, chinese, english_ids, first_lines)
        if fault:
            problems.append(evidence.problem(record.line, fault))
        else:
            valid.append(record)
    return valid, problems


def _record_fault(record: Record, chinese: bool, english_ids: dict[str, Record],
                  first_lines: dict[str, int]) -> str | None:
    """What is wrong with one record's fields, or None; first_lines gives the line of
    the file's first record with each id."""
    keys = set(record.fields)
    if chinese and "record" in keys:
        if keys != set(TRANSLATED_KEYS):
            return (f"a translated claim has {', '.join(TRANSLATED_KEYS)} and nothing else, "
                    f"not {', '.join(sorted(keys))}")
        if record.get("record") not in english_ids:
            return (f"names English record '{record.get('record')}', which the English page's "
                    "evidence file does not have")
    else:
        required = set(RECORD_KEYS) - ({"id"} if chinese else set())
        if missing := sorted(required - keys, key=RECORD_KEYS.index):
            return f"record has no {', '.join(missing)}: a record has {', '.join(RECORD_KEYS)}"
        if unknown := sorted(keys - set(RECORD_KEYS)):
            return f"unknown key {', '.join(unknown)}: a record has {', '.join(RECORD_KEYS)}"
    if bad := [key for key in keys if not isinstance(record.get(key), str) or not record.get(key)]:
        return f"{sorted(bad)[0]} must be text"
    first = first_lines.get(record.get("id"), record.line)
    if "id" in keys and first != record.line:
        return f"id '{record.get('id')}' is used twice in this file (first on line {first})"
    return None


def _page_sources(page: Page) -> dict[str, dict]:
    """Each source the page lists (a translation: its English page's, then its own), by
    its address."""
    listed = [*(page.source.meta_list("sources") if page.is_translation and page.source else []),
              *page.meta_list("sources")]
    return {source_address(source): source for source in listed
            if isinstance(source, dict) and (isinstance(source.get("url"), str)
                                             or isinstance(source.get("doi"), str))}


def _lists_sources(page: Page) -> bool:
    """Whether the page's sources (a translation's: its English page's, and its own if
    any) are lists the rules can read."""
    english = page.source if page.is_translation else page
    own = page.meta.get("sources", []) if page.is_translation else []
    return bool(english) and isinstance(english.meta.get("sources"), list) \
        and isinstance(own, list)


def _edition(rel_path: str) -> str:
    """The edition folder a docs path is in: '' for English, 'zh' for docs/zh/."""
    folder = rel_path.split("/", 1)[0]
    return folder if "/" in rel_path and folder in TRANSLATIONS else ""


def _evidence_display(page: Page) -> str:
    return page.display_path.removesuffix(page.rel_path) + evidence_path(page.rel_path)


def _quoted(text: str) -> str:
    return text if len(text) <= QUOTED else text[:QUOTED] + "…"


class _LineFinder:
    """Where a sentence a reader reads starts in the page's Markdown, found by its first
    characters with the Markdown markup taken out; line 1 when it cannot be found."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.starts: list[int] = []
        pieces = []
        offset = 0
        for text in page.prose_lines:
            piece = fold(MARKUP.sub("", text), True)
            self.starts.append(offset)
            pieces.append(piece)
            offset += len(piece)
        self.flat = "".join(pieces)

    def line_of(self, sentence: str) -> int:
        probe = fold(MARKUP.sub("", sentence), True)
        for length in PROBE_LENGTHS:
            at = self.flat.find(probe[:length])
            if at >= 0:
                return self.page.body_start + bisect.bisect_right(self.starts, at) - 1
        return 1
