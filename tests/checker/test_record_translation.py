"""Recording a translation writes a fingerprint the checker reads back as recorded, and adds
the translation to the review ledger."""

import datetime
import shutil

from support import CHECK_DATE, CONFIG, DOCS
from weaning_breast_health.checks import read_and_check_site, translations
from weaning_breast_health.checks.review_ledger import read_ledger

TODAY = datetime.date.fromisoformat(CHECK_DATE)


def test_a_fingerprint_of_digits_only_is_recorded_as_text(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    digits = "4455923256020403"  # YAML would read it unquoted as a number
    monkeypatch.setattr(translations, "content_fingerprint",
                        lambda page, table=None: digits if page.rel_path == "mastitis.md" else "0" * 16)
    translations.record_translation(docs, docs / "zh" / "mastitis.md", TODAY)
    assert f'  source_fingerprint: "{digits}"\n' in (docs / "zh" / "mastitis.md").read_text()
    problems = read_and_check_site(docs, CONFIG, TODAY, "docs").problems
    assert not [problem for problem in problems
                if problem.path == "docs/zh/mastitis.md" and problem.code == "TRN002"
                and "has not recorded" in problem.message]


def test_every_recorded_translation_is_kept_in_the_ledger_the_earlier_one_first(tmp_path):
    """The ledger gets each recording, and first the record the front matter held until
    then, when the ledger does not hold it (a translation recorded before the ledger kept
    them): its history then loses none."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    ledger = tmp_path / "review-ledger.yml"
    ledger.write_text("{}\n")
    earlier = translations.read_page(docs, docs / "zh" / "mastitis.md").meta["translation"]
    later = TODAY + datetime.timedelta(days=1)
    for day in (later, later + datetime.timedelta(days=1)):
        fingerprint = translations.record_translation(docs, docs / "zh" / "mastitis.md", day)
    entries = read_ledger(ledger).entries["zh/mastitis.md"]
    assert [(entry.date, entry.kind, entry.fingerprint) for entry in entries] == [
        (earlier["translated"], "translation", str(earlier["source_fingerprint"])),
        (later, "translation", fingerprint),
        (later + datetime.timedelta(days=1), "translation", fingerprint)]
    assert {entry.by for entry in entries} == {earlier["translator"]}
