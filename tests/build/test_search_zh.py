"""Search in the Chinese edition, at build time: jieba (with our user dictionary) split the
Chinese pages into words for Material's index, and the browser gets the same words, with
jieba's weights, to split a query typed without spaces (search-correct.js)."""

import json
import re

import yaml

from support import ROOT

from weaning_breast_health.publish import search_vocabulary

FOLDER = "zh"
# Readers' words that must each be one word in the index, whatever sentence they sit in.
WHOLE_WORDS = ["堵奶", "回奶", "涨奶", "漏奶", "奶结", "排残奶", "残奶", "乳腺炎", "断奶", "溴隐亭",
               "卡麦角林", "吸奶", "挤奶"]
INDEX = {
    "config": {"lang": ["zh"], "separator": "[\\s\\u200b，。]+", "pipeline": ["stemmer"]},
    "docs": [
        {"location": "", "title": "首页", "text": "<p>断奶\u200b后\u200b，\u200b回奶\u200b。</p>"},
        {"location": "mastitis/", "title": "乳腺炎", "text": "<p>乳腺炎\u200b和\u200b回奶</p>"},
        {"location": "when-to-get-help/", "title": "什么时候需要就医", "text": ""},
    ],
}
SETTINGS = {
    "correct": False,  # what YAML makes of a bare `correct: off`
    "segment": "words",
    "dictionary": "zh_dict.txt",
    "stopwords": ["的", "了"],
    "aliases": {"内衣": "乳腺炎"},
    "topics": ["mastitis.md"],
    "help": "when-to-get-help.md",
    "messages": dict.fromkeys(search_vocabulary.MESSAGES, "文字"),
}


def index_tokens(index: dict) -> set[str]:
    separator = re.compile(index["config"]["separator"])
    tokens = set()
    for doc in index["docs"]:
        tokens.update(separator.split(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")))
    return tokens


def test_the_chinese_index_is_split_into_words(built_site):
    index = json.loads((built_site / FOLDER / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == ["zh"]
    separator = re.compile(index["config"]["separator"])
    assert separator.split("断奶\u200b后，乳房。硬块“回奶”") == ["断奶", "后", "乳房", "硬块", "回奶", ""]
    tokens = index_tokens(index)
    missing = [word for word in WHOLE_WORDS if word not in tokens]
    assert not missing, f"not whole words in the zh index: {missing} (add them to " \
                        "publish/search/zh_dict.txt)"
    assert "回" not in tokens or "回奶" in tokens
    # jieba splits Chinese words on English pages too ("简体中文" on the About page); the
    # English separator splits there as well.
    english = json.loads((built_site / "search" / "search_index.json").read_text())
    assert re.compile(english["config"]["separator"]).split("(\u200b简体中文\u200b)") == ["", "简体中文", ""]


def test_the_chinese_words_are_published_for_the_browser(built_site):
    vocabulary = json.loads((built_site / FOLDER / "search" / "zh.json").read_text())
    assert vocabulary["correct"] == "off" and vocabulary["segment"] == "words"
    words, costs = vocabulary["words"].split(), vocabulary["costs"].split()
    assert len(words) == len(costs)
    assert set(WHOLE_WORDS) <= set(words)
    weight = dict(zip(words, map(float, costs)))
    assert weight["的"] < weight["乳房"] < weight["溴隐亭"], "jieba's weights"
    assert weight["回奶"] < weight["溴隐亭"], "and our dictionary's (zh_dict.txt)"
    assert "\u2f00" not in vocabulary["words"], "search-correct.js's sentinel must be on no page"
    assert "的" in vocabulary["stopwords"]
    assert vocabulary["help"]["url"] == "when-to-get-help/"
    assert all(topic["url"] for topic in vocabulary["topics"])


def test_the_browser_weighs_words_with_the_dictionary_the_pages_were_split_with():
    config = (ROOT / "mkdocs.zh.yml").read_text(encoding="utf-8")
    named = re.search(r"^\s+jieba_dict_user:\s*(\S+)", config, re.M).group(1)
    settings = yaml.safe_load((search_vocabulary.SETTINGS_DIR / "zh.yml").read_text(encoding="utf-8"))
    assert (ROOT / named).resolve() == (search_vocabulary.SETTINGS_DIR / settings["dictionary"]).resolve()
    for line in (ROOT / named).read_text(encoding="utf-8").splitlines():
        word, frequency, *tag = line.split()
        assert int(frequency) > 0 and len(tag) <= 1, f"jieba reads 'word frequency [tag]': {line!r}"


def test_segmenting_publishes_words_weights_and_stopwords_without_correction():
    vocabulary, problems = search_vocabulary.build_vocabulary(INDEX, SETTINGS, "zh")
    assert problems == []
    assert vocabulary["correct"] == "off" and vocabulary["segment"] == "words"
    words = vocabulary["words"].split()
    assert set(words[:2]) == {"回奶", "乳腺炎"} and "首页" in words, "most frequent first"
    costs = [float(cost) for cost in vocabulary["costs"].split()]
    assert len(costs) == len(words) and all(cost > 0 for cost in costs)
    assert vocabulary["stopwords"] == ["的", "了"]
    assert vocabulary["aliases"] == {"内衣": "乳腺炎"}


def test_an_alias_to_a_word_on_no_chinese_page_is_a_problem():
    settings = {**SETTINGS, "aliases": {"内衣": "文胸"}}
    _, problems = search_vocabulary.build_vocabulary(INDEX, settings, "zh")
    assert any("alias '内衣': 文胸 is on no page" in problem for problem in problems)


def test_an_unknown_segmenter_or_a_missing_dictionary_is_a_problem(tmp_path):
    _, problems = search_vocabulary.build_vocabulary(
        INDEX, {**SETTINGS, "segment": "ai"}, "zh", tmp_path)
    assert "segment is 'ai'; use one of: words, off" in problems
    _, problems = search_vocabulary.build_vocabulary(INDEX, SETTINGS, "zh", tmp_path)
    assert problems == ["dictionary 'zh_dict.txt' is not a file beside it"]


def test_the_real_chinese_settings_have_no_problems(built_site):
    index = json.loads((built_site / FOLDER / "search" / "search_index.json").read_text())
    settings = search_vocabulary.load_settings(search_vocabulary.SETTINGS_DIR / "zh.yml")
    _, problems = search_vocabulary.build_vocabulary(index, settings, "zh")
    assert problems == []
