"""publish/search_vocabulary.py: the site's own words for search correction, from the
built search index and publish/search/<lang>.yml."""

import json

import yaml

from weaning_breast_health.publish import search_vocabulary
INDEX = {
    "config": {"lang": ["en"], "separator": r"[\s\-,.]+", "pipeline": ["stopWordFilter"]},
    "docs": [
        {"location": "", "title": "Home", "text": "<p>Breast milk, milk and more milk.</p>"},
        {"location": "mastitis/", "title": "Mastitis", "text": "<p>A red &amp; sore breast.</p>"},
        {"location": "mastitis/#signs", "title": "Signs", "text": "<p>Fever in 12-24 hours</p>"},
        {"location": "when-to-get-help/", "title": "When to get help", "text": ""},
    ],
}
SETTINGS = {
    "correct": "words",
    "aliases": {"Boob": "breast", "A&E": "fever"},
    "topics": ["mastitis.md"],
    "help": "when-to-get-help.md",
    "messages": dict.fromkeys(search_vocabulary.MESSAGES, "text"),
}


def test_words_are_the_index_words_most_frequent_first():
    vocabulary, problems = search_vocabulary.build_vocabulary(INDEX, SETTINGS, "en")
    assert problems == []
    words = vocabulary["words"].split()
    assert words[:2] == ["milk", "breast"]
    assert "red" in words and "&amp;" not in words and "<p>" not in " ".join(words)
    assert not any(word.isdigit() for word in words), "numbers are not corrected towards"
    assert vocabulary["aliases"] == {"boob": "breast", "a&e": "fever"}
    assert vocabulary["topics"] == [{"title": "Mastitis", "url": "mastitis/"}]
    assert vocabulary["help"] == {"title": "When to get help", "url": "when-to-get-help/"}
    assert vocabulary["separator"] == INDEX["config"]["separator"]


def test_an_alias_to_a_word_on_no_page_and_a_topic_that_is_no_page_are_problems():
    settings = {**SETTINGS, "aliases": {"tit": "bosom"}, "topics": ["nowhere.md"]}
    _, problems = search_vocabulary.build_vocabulary(INDEX, settings, "en")
    assert any("alias 'tit': bosom is on no page" in problem for problem in problems)
    assert any("'nowhere.md' is not a page" in problem for problem in problems)


def test_correction_off_writes_no_words_but_keeps_the_help():
    vocabulary, problems = search_vocabulary.build_vocabulary(
        INDEX, {**SETTINGS, "correct": "off"}, "zh")
    assert problems == []
    assert vocabulary["correct"] == "off" and vocabulary["words"] == ""
    assert vocabulary["help"]["url"] == "when-to-get-help/"


def test_an_unknown_corrector_is_a_problem():
    _, problems = search_vocabulary.build_vocabulary(INDEX, {**SETTINGS, "correct": "sounds"}, "en")
    assert problems == ["correct is 'sounds'; use one of: words, off"]


def test_a_language_without_settings_gets_no_correction(tmp_path):
    assert search_vocabulary.load_settings(tmp_path / "xx.yml") == {"correct": "off"}


def test_publishing_writes_the_file_and_returns_problems(tmp_path):
    site, settings_dir = tmp_path / "site", tmp_path / "search"
    (site / "search").mkdir(parents=True)
    settings_dir.mkdir()
    (site / "search" / "search_index.json").write_text(json.dumps(INDEX))
    (settings_dir / "en.yml").write_text(yaml.safe_dump(SETTINGS))
    assert search_vocabulary.publish(site, "en", settings_dir) == []
    written = json.loads((site / "search" / "en.json").read_text())
    assert written["lang"] == "en" and "mastitis" in written["words"].split()
    (settings_dir / "en.yml").write_text(yaml.safe_dump({**SETTINGS, "help": "gone.md"}))
    assert search_vocabulary.publish(site, "en", settings_dir) == [
        f"{settings_dir / 'en.yml'}: 'gone.md' is not a page of the site"]


def test_publishing_without_a_built_site_says_so(tmp_path):
    problems = search_vocabulary.publish(tmp_path, "en")
    assert problems == [f"{tmp_path / 'search' / 'search_index.json'}: no search index; "
                        "build the site first (Material's search plugin writes it)"]


def test_the_real_settings_have_no_problems(built_site):
    """publish/search/en.yml against the real site: every alias means words on the pages, and the
    topics and help page exist (the build also fails otherwise)."""
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    settings = search_vocabulary.load_settings(search_vocabulary.SETTINGS_DIR / "en.yml")
    _, problems = search_vocabulary.build_vocabulary(index, settings, "en")
    assert problems == []
    assert (built_site / "search" / "en.json").is_file(), "the build hook writes it"
