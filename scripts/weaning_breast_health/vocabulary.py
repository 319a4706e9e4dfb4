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
    lead: str  # the time frame every title of this level starts with
    title: str  # the title of every card of this level (the care-cards extension sets it)


@dataclass(frozen=True)
class CareCardWords:
    """A language's care cards: the three levels, how a title ends, and the emergency
    numbers every emergency card names so that it works wherever the reader is."""

    levels: dict[str, CareCardLevel]
    title_end: str
    emergency_numbers: tuple[str, ...]
    local_emergency_number: str


CARE_CARDS = {
    "en": CareCardWords(
        {"non-urgent": CareCardLevel(
            "Non-urgent advice:", "See a doctor within a week",
            "See a doctor within a week (in the UK, your GP) if:"),
         "urgent": CareCardLevel(
            "Urgent advice:", "Get help today",
            # Northern Ireland has no NHS 111: its GPs' out-of-hours service stands in.
            "Get help today: ask for an urgent appointment with a doctor "
            "(in the UK, your GP, or NHS 111 in England, Scotland and Wales) if:"),
         "emergency": CareCardLevel(
            "Emergency:", "Get help now",
            "Get help now: call 999, 112, 911 or 000, or your local emergency number, "
            "or go to an emergency department, if:")},
        # the UK, the EU (and much of the world), North America, Australia
        "if:", ("999", "112", "911", "000"), "your local emergency number"),
    "zh": CareCardWords(
        {"non-urgent": CareCardLevel(
            "非紧急建议：", "一周内去看医生",
            "一周内去看医生（比如医院的乳腺外科、妇幼保健院或社区卫生服务中心），如果有以下情况："),
         "urgent": CareCardLevel(
            "紧急建议：", "今天就去看医生",
            "今天就去看医生（当天去医院门诊或急诊，怀孕时去产科急诊），如果有以下情况："),
         "emergency": CareCardLevel(
            "急救：", "立即求助",
            "立即求助：拨打 120（香港、澳门拨 999，台湾拨 119）或当地急救电话，或马上去医院急诊，"
            "如果有以下情况：")},
        # mainland China, Hong Kong and Macau, Taiwan
        "：", ("120", "999", "119"), "当地急救电话"),
}
DEFAULT_LANGUAGE = "en"
CARE_CARD_TYPES = CARE_CARDS[DEFAULT_LANGUAGE].levels  # the levels, the same in every language
# A translation's own section ("local"): written for its readers, not translated from
# the English page. Its title starts with the edition's label, which the translation
# notice explains, and it links to one of the page's own sources.
LOCAL_ADMONITION = "local"
LOCAL_LABELS = {"zh": "中文版补充"}
NON_CARE_ADMONITIONS = ("note", "tip", LOCAL_ADMONITION)


@dataclass(frozen=True)
class Translation:
    """A language the site is translated into: its pages live in docs/<folder>/, with the
    English page's file name, and are built by their own MkDocs configuration."""

    folder: str
    hreflang: str
    name: str  # the language's name in itself, for the language switch
    config: str  # the configuration file beside mkdocs.yml (INHERIT: mkdocs.yml)


TRANSLATIONS = {"zh": Translation("zh", "zh-Hans", "简体中文", "mkdocs.zh.yml")}
LANGUAGE_NAMES = {"en": "English", **{lang: t.name for lang, t in TRANSLATIONS.items()}}
HREFLANGS = {"en": "en", **{lang: t.hreflang for lang, t in TRANSLATIONS.items()}}
# A translated page's own front matter: the rest comes from its English page.
TRANSLATION_KEYS = ("source", "source_fingerprint", "translated", "translator", "review")
TRANSLATION_REVIEW_STATUSES = ("pending", "reviewed")
INHERITED_KEYS = ("page_type", "last_reviewed", "next_review", "reviewed_by", "related")
TRANSLATED_REQUIRED_KEYS = {"article": ("title", "description", "also_called", "translation"),
                            "other": ("title", "description", "translation")}
UNRECORDED_FINGERPRINT = "pending"
# Chinese readability (READ002): sentence length in characters, punctuation and spaces
# not counted. Plain-language guidance for Chinese health text asks for short sentences;
# 50 characters is about two lines on a phone, and a median under 30 keeps most short.
MAX_SENTENCE_CHARACTERS = 50
MEDIAN_SENTENCE_CHARACTERS = 30

REVIEW_STATUSES = ("clinical review pending", "clinically reviewed")
# What the page footer says of the last recorded check, by review status.
REVIEW_LABELS = {"clinical review pending": "Last checked against its sources",
                 "clinically reviewed": "Clinically reviewed"}
# The kinds of entry in the review ledger, and whether each sets the page's date.
# Each kind of ledger entry, and whether it sets the page's review dates. A translation's
# entries (under its own path, zh/PAGE.md) record the English page's fingerprint it translates.
TRANSLATION_KIND = "translation"
LEDGER_KINDS = {"checked against sources": True, "clinical review": True, "editorial": False,
                TRANSLATION_KIND: False}
# Front matter that records a check or review, which the content fingerprint leaves out.
REVIEW_RECORD_KEYS = ("last_reviewed", "next_review", "reviewed_by")
NEXT_CHECK_AFTER_YEARS = 1

# Sections every article shares; their ids never change when the wording does.
REQUIRED_SECTIONS = {
    "en": {"key-facts": "Key facts", "when-to-get-help": "When to get help",
           "support": "Where to get support"},
    "zh": {"key-facts": "要点", "when-to-get-help": "什么时候需要就医",
           "support": "哪里可以获得帮助"},
}
# Ids the page template adds to every article (sources, review dates, related pages).
TEMPLATE_ANCHORS = ("sources", "page-review", "related-pages", "link-to-this-page", "page-history")

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
    "translation": dict,
}
REQUIRED_KEYS = {
    "article": ("title", "description", "also_called", "last_reviewed", "next_review",
                "reviewed_by", "sources", "related"),
    "home": ("title", "description"),
    "about": ("title", "description"),
    "glossary": ("title", "description"),
}
# A page of another type that lists sources is checked against them like an article.
SOURCED_PAGE_KEYS = ("last_reviewed", "next_review", "reviewed_by")
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


@dataclass(frozen=True)
class HandoutLayout:
    """How much of one side of one sheet a handout's text fills, in lines of a care card's
    bullet, as docs/stylesheets/handout.css prints it (key facts in two columns, cards in
    the layout's columns), measured in Chromium on the narrower paper's width (A4) and the
    shorter one's height (Letter). Widths are in characters; a wide (CJK) character counts as two.
    Calibrated on the fullest handout (when-to-get-help), where the estimate is within a
    line of the measured height; the print tests are the final word."""

    page_lines: float  # Letter's height within the margins
    title_width: int  # of the page title, at 1.4 times the body text
    title_line: float  # one line of the page title, in card lines
    fact_width: int  # of a key fact, in one of two columns
    fact_line: float  # one line of a key fact (body leading), in card lines
    card_title_width: int  # of a card's title (bold), in one of the cards' columns
    trigger_width: int  # of a card's trigger, in one of the cards' columns
    fixed_lines: float  # the title's and key facts' headings, the end row, the columns' uneven ends
    columns: int = 4  # of the cards
    trigger_space: float = 0  # the space after each trigger, in card lines


# The compact layout, which every handout must fit (HND001): 9 pt, cards in four columns,
# English on 1.05 leading in the cards (DejaVu Sans Condensed, about Arial's width),
# Chinese on 1.25 (Noto Sans CJK SC).
HANDOUT_LAYOUTS = {
    "en": HandoutLayout(page_lines=80.2, title_width=70, title_line=1.5, fact_width=63, fact_line=1.1,
                        card_title_width=22, trigger_width=27, fixed_lines=4.5),
    "zh": HandoutLayout(page_lines=67.4, title_width=80, title_line=1.5, fact_width=59, fact_line=1.04,
                        card_title_width=28, trigger_width=26, fixed_lines=7),
}
# A handout whose text fits this roomier layout prints in it (publish/handouts.py): 10 pt,
# cards in two columns, on 12 pt leading (Chinese 12.5 pt), with a little space after each
# trigger. Calibrated on every handout so that no estimate is under the measured height,
# with a line to spare; a handout that does not fit it prints in the compact layout above.
ROOMY_HANDOUT_LAYOUTS = {
    "en": HandoutLayout(page_lines=62, title_width=60, title_line=1.5, fact_width=55,
                        fact_line=1.04, card_title_width=42, trigger_width=54, fixed_lines=9,
                        columns=2, trigger_space=0.1),
    "zh": HandoutLayout(page_lines=59.5, title_width=70, title_line=1.5, fact_width=53,
                        fact_line=1.04, card_title_width=42, trigger_width=50, fixed_lines=9,
                        columns=2, trigger_space=0.1),
}


# Evidence records (evidence.py, checks/evidence.py): a page's evidence file sits beside it
# (mastitis.md, mastitis.evidence.yml). A sentence a reader reads with a digit, a number
# and a time unit, or one of these medicine names states what a source must say, so an
# evidence record must cover it.
EVIDENCE_SUFFIX = ".evidence.yml"
MEDICINE_NAMES = {
    "en": ("acetaminophen", "antibiotic", "antibiotics", "antidepressant", "antidepressants",
           "bromocriptine", "cabergoline", "coil", "decongestant", "decongestants",
           "domperidone", "ibuprofen", "implant", "IUD", "IUS", "lecithin", "levonorgestrel",
           "methotrexate", "metoclopramide", "mini pill", "oestrogen", "paracetamol",
           "peppermint", "progestogen", "pseudoephedrine", "sage", "sertraline", "SSRI",
           "SSRIs", "steroid", "steroids", "ulipristal"),
    "zh": ("卡麦角林", "溴隐亭", "伪麻黄碱", "布洛芬", "对乙酰氨基酚", "扑热息痛", "抗生素",
           "甲氨蝶呤", "鼠尾草", "薄荷", "卵磷脂", "减充血剂", "雌激素", "孕激素", "宫内节育器",
           "节育环", "皮下埋植", "避孕针", "避孕药", "乌利司他", "左炔诺孕酮", "多潘立酮",
           "甲氧氯普胺", "抗抑郁药", "舍曲林", "类固醇", "糖皮质激素", "芒硝", "麦芽"),
}
# Numbers written as words with a unit of time ("a week", "两周") count as numbers.
NUMBER_WORDS = {
    "en": r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
          r"(?:hours?|days?|weeks?|months?|years?)",
    "zh": r"[一二两三四五六七八九十半]+个?(?:小时|天|周|星期|个月|月|年|岁)",
}
