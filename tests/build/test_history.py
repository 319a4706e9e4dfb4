"""A page's history and version (history.py): what the history section, the handouts
and the feeds all list, from ledger entries and a translation record."""

import datetime

from weaning_breast_health.checks.review_ledger import Ledger, LedgerEntry
from weaning_breast_health.history import Change, current_version, describe, page_history
from weaning_breast_health.pages import Page
from weaning_breast_health.ui_text import FEED_TEXT, HANDOUT_TEXT, HISTORY_TEXT
from weaning_breast_health.vocabulary import LANGUAGE_NAMES

DAY = datetime.date(2026, 12, 1)
TEAM = "Site editorial team (not clinicians)"


def ledger(*entries: tuple[int, str, str, str | None]) -> Ledger:
    """A ledger of alpha.md: (days after DAY, kind, fingerprint, reason) each."""
    return Ledger("review-ledger.yml", {"alpha.md": [
        LedgerEntry(line, DAY + datetime.timedelta(days=days), kind, TEAM, fingerprint, reason)
        for line, (days, kind, fingerprint, reason) in enumerate(entries, 1)]})


LEDGER = ledger((0, "checked against sources", "aaa", None),
                (3, "editorial", "bbb", "a typo in a heading"),
                (9, "checked against sources", "ccc", None))


def test_an_articles_history_is_its_ledger_entries_newest_first_numbered_from_one():
    history = page_history(Page("alpha.md", "docs/alpha.md"), LEDGER)
    assert [(change.version, change.kind, change.new_page) for change in history] == [
        (3, "checked against sources", False), (2, "editorial", False),
        (1, "checked against sources", True)]
    assert current_version(history) == 3
    assert [describe(change, "en") for change in history] == [
        "Checked against its sources", "Editorial change, no facts changed: a typo in a heading",
        "First published, checked against its sources"]


def test_a_translation_adds_its_record_after_the_english_version_it_translates():
    """Its English page was checked again the same day: that check made version 3."""
    english = Page("alpha.md", "docs/alpha.md")
    record = {"source": "alpha.md", "source_fingerprint": "bbb", "translated": DAY + datetime.timedelta(days=9),
              "translator": "本站编辑团队", "review": "pending"}
    chinese = Page("zh/alpha.md", "docs/zh/alpha.md", meta={"translation": record}, source=english)
    history = page_history(chinese, LEDGER)
    assert [(change.version, change.kind) for change in history] == [
        (3, "checked against sources"), (2, "translation"), (2, "editorial"),
        (1, "checked against sources")]
    assert describe(history[1], "zh") == "翻译成简体中文：本站编辑团队"
    assert current_version(history) == 3


def test_a_translation_lists_every_translation_the_ledger_records_and_its_latest_record():
    """The ledger keeps each recorded translation under the translation's own path; the
    front matter's record is shown too until the ledger holds it, and never twice."""
    english = Page("alpha.md", "docs/alpha.md")
    first, latest = DAY + datetime.timedelta(days=1), DAY + datetime.timedelta(days=9)
    translated = Ledger("review-ledger.yml", {**LEDGER.entries, "zh/alpha.md": [
        LedgerEntry(1, first, "translation", "本站编辑团队", "aaa"),
        LedgerEntry(2, latest, "translation", "本站编辑团队", "ccc")]})
    for record_fingerprint, record_date, expected in (
            ("ccc", latest, [(3, latest), (1, first)]),  # the ledger holds the record
            ("ddd", latest + datetime.timedelta(days=1),  # not yet: the record is newer
             [(3, latest + datetime.timedelta(days=1)), (3, latest), (1, first)])):
        record = {"source_fingerprint": record_fingerprint, "translated": record_date,
                  "translator": "本站编辑团队"}
        chinese = Page("zh/alpha.md", "docs/zh/alpha.md", meta={"translation": record}, source=english)
        assert [(change.version, change.date) for change in page_history(chinese, translated)
                if change.kind == "translation"] == expected
    assert page_history(english, translated) == page_history(english, LEDGER)


def test_an_editorial_reason_in_a_chinese_history_is_marked_as_the_english_original():
    change = page_history(Page("alpha.md", "docs/alpha.md"), LEDGER)[1]
    assert describe(change, "zh") == "英文原文的编辑修改，不涉及事实。修改说明（英文原文）：a typo in a heading"
    assert describe(change, "zh", with_reason=False) == "英文原文的编辑修改，不涉及事实。修改说明（英文原文）："


def test_a_translation_of_an_unrecorded_version_belongs_to_the_last_before_its_date():
    record = {"source_fingerprint": "pending", "translated": DAY + datetime.timedelta(days=4)}
    chinese = Page("zh/alpha.md", "docs/zh/alpha.md", meta={"translation": record})
    translation = next(change for change in page_history(chinese, LEDGER)
                       if change.kind == "translation")
    assert translation.version == 2


def test_a_page_the_ledger_does_not_know_has_no_history():
    assert page_history(Page("about.md", "docs/about.md"), LEDGER) == []
    assert page_history(Page("alpha.md", "docs/alpha.md"), None) == []
    assert current_version([]) is None
    assert Change(1, DAY, "editorial", TEAM, "x").sort_key < Change(1, DAY, "translation", TEAM).sort_key


def test_every_language_has_the_words_of_the_history_handouts_and_feeds():
    for words in (HISTORY_TEXT, HANDOUT_TEXT, FEED_TEXT):
        assert {language: sorted(text) for language, text in words.items()} == {
            language: sorted(words["en"]) for language in LANGUAGE_NAMES}
