"""The site's vocabulary: page types, sections, care card levels, review statuses, limits.

Every rule, template and publishing step takes these words from here.
"""

import datetime
from dataclasses import dataclass

PAGE_TYPES = ("article", "home", "about", "glossary")
DEFAULT_PAGE_TYPE = "article"


@dataclass(frozen=True)
class CareCardLevel:
    """One level of the NHS closed set of "when to get help" cards. Titles lead with the
    time frame, which works in any country, then name services (UK names as examples)."""

    label: str  # announced first by screen readers
    lead: str  # every title of this level starts with it
    example: str  # a title that passes every rule


CARE_CARD_TYPES = {
    "non-urgent": CareCardLevel(
        "Non-urgent advice:", "See a doctor within a week",
        "See a doctor within a week (in the UK, your GP) if:"),
    "urgent": CareCardLevel(
        "Urgent advice:", "Get help today",
        "Get help today: ask for an urgent appointment with a doctor "
        "(in the UK, your GP or NHS 111) if:"),
    "emergency": CareCardLevel(
        "Emergency:", "Get help now",
        "Get help now: call 999, 112, 911 or 000, or your local emergency number, "
        "or go to an emergency department, if:"),
}
NON_CARE_ADMONITIONS = ("note", "tip")
# Every emergency card names all of these, so it works wherever the reader is:
# the UK, the EU (and much of the world), North America, Australia.
EMERGENCY_NUMBERS = ("999", "112", "911", "000")
LOCAL_EMERGENCY_NUMBER = "your local emergency number"

REVIEW_STATUSES = ("clinical review pending", "clinically reviewed")
# What the page footer says of the last recorded check, by review status.
REVIEW_LABELS = {"clinical review pending": "Last checked against its sources",
                 "clinically reviewed": "Clinically reviewed"}
# The kinds of entry in the review ledger, and whether each sets the page's date.
LEDGER_KINDS = {"checked against sources": True, "clinical review": True, "editorial": False}
# Front matter that records a check or review, which the content fingerprint leaves out.
REVIEW_RECORD_KEYS = ("last_reviewed", "next_review", "reviewed_by")
NEXT_CHECK_AFTER_YEARS = 1

# Sections every article shares; their ids never change when the wording does.
REQUIRED_SECTIONS = {
    "key-facts": "Key facts",
    "when-to-get-help": "When to get help",
    "support": "Where to get support",
}
# Ids the page template adds to every article (sources, review dates, related pages).
TEMPLATE_ANCHORS = ("sources", "page-review", "related-pages", "link-to-this-page")

# Front matter: each key and the type its value must have.
KNOWN_KEYS = {
    "page_type": str,
    "title": str,
    "description": str,
    "also_called": list,
    "last_reviewed": datetime.date,
    "next_review": datetime.date,
    "reviewed_by": dict,
    "sources": list,
    "related": list,
    "hide": list,
    "search": dict,
}
REQUIRED_KEYS = {
    "article": ("title", "description", "also_called", "last_reviewed", "next_review",
                "reviewed_by", "sources", "related"),
    "home": ("title", "description"),
    "about": ("title", "description"),
    "glossary": ("title", "description"),
}
REVIEWER_KEYS = ("role", "status")
SOURCE_KEYS = ("title", "publisher", "year")  # and url or doi; accessed may stand for year
SOURCE_OPTIONAL_KEYS = ("accessed", "url", "doi")

MAX_DESCRIPTION = 160
MAX_REVIEW_INTERVAL_YEARS = 3
MIN_SOURCES = 3
MIN_ARTICLE_LINKS = 2
MAX_KEY_FACTS = 5
MAX_LINE_LENGTH = 20_000
EARLIEST_SOURCE_YEAR = 1900
