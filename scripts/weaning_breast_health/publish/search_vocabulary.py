"""Search that forgives: the site's own words, so the browser can correct misspelled searches.

After a build, Material's search index (SITE/search/search_index.json) holds every word a
reader can find, split as Material's search splits them (its `separator`). This module
counts those words and writes them, most frequent first, together with the language's
settings in publish/search/<lang>.yml (how to correct, how to split a query typed without
spaces, the reader words the pages need never contain, the main topics, the help page and
the result messages), to
SITE/search/<lang>.json. docs/javascripts/search-correct.js loads that file when a reader
first searches, on a page whose <html lang> is <lang>.

Pure functions; publish/command.py runs publish() after every build (from the hook, or
as `publish-site` for a builder without hooks), which reports every problem (an alias
to a word that is on no page, a topic that is not a page).
"""

import html
import json
import logging
import math
import re
from collections import Counter
from pathlib import Path

import yaml

from ..urls import page_url

SETTINGS_DIR = Path(__file__).resolve().parent / "search"  # <lang>.yml, one per language
INDEX_FILE = Path("search") / "search_index.json"  # Material's, in the built site
CORRECTORS = ("words", "off")  # the ways search-correct.js knows to correct a query
# ... and to split a query typed without spaces (Chinese) into the pages' words
SEGMENTERS = ("words", "off")
MESSAGES = ("corrected", "none", "did_you_mean", "topics", "help")
# A word worth correcting towards: letters, with apostrophes or "&" inside ("a&e").
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['&])*")
TAG = re.compile(r"<[^>]+>")


def vocabulary_file(site_dir: Path, lang: str) -> Path:
    return site_dir / "search" / f"{lang}.json"


def index_words(index: dict) -> Counter:
    """How often each word occurs in the titles and text of Material's search index,
    lower-cased and split at the index's own separator (as its search does)."""
    separator = re.compile(index["config"]["separator"])
    counts: Counter = Counter()
    for doc in index["docs"]:
        for field in ("title", "text"):
            text = html.unescape(TAG.sub(" ", doc.get(field) or ""))
            counts.update(word for word in separator.split(text.lower()) if WORD.fullmatch(word))
    return counts


def jieba_costs(words: list[str], user_dictionary: Path | None) -> list[float]:
    """How unlikely each word is as one word, as jieba weighs it when it splits the pages
    (-ln of its share of jieba's dictionary, with our user dictionary's words): the
    browser splits a query the way that costs least, as jieba does. A word jieba's
    dictionary lacks (one its HMM made up) costs as much as an unknown character."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    frequencies, total = jieba.dt.FREQ, jieba.dt.total
    user = {}
    if user_dictionary is not None:
        for line in user_dictionary.read_text(encoding="utf-8").splitlines():
            word, _, rest = line.strip().partition(" ")
            if word and not word.startswith("#"):
                user[word] = int(rest.split()[0]) if rest.split() else 1
    log_total = math.log(total + sum(user.values()))
    return [round(log_total - math.log(user.get(word) or frequencies.get(word) or 1), 1)
            for word in words]


def page_titles(index: dict) -> dict[str, str]:
    """The title of each page in the index (its sections have a '#' in their location)."""
    return {doc["location"]: doc["title"] for doc in index["docs"] if "#" not in doc["location"]}


def load_settings(path: Path) -> dict:
    """A language's settings; a language without a file gets no correction and no help."""
    if not path.is_file():
        return {"correct": "off"}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def build_vocabulary(index: dict, settings: dict, lang: str,
                     settings_dir: Path = SETTINGS_DIR) -> tuple[dict, list[str]]:
    """What the browser needs to correct searches in one language, and the problems found.

    words: every word of the index, space-separated, most frequent first (the order breaks
    ties between corrections and between ways to split a query). aliases: reader word ->
    page words. stopwords: words a split query leaves out. topics and help: the pages to
    offer when a search finds nothing, with their titles from the index."""
    problems: list[str] = []
    # YAML reads a bare off as false.
    correct = settings.get("correct", "words")
    correct = "off" if correct is False else correct
    if correct not in CORRECTORS:
        problems.append(f"correct is {correct!r}; use one of: {', '.join(CORRECTORS)}")
    segment = settings.get("segment", "off")
    segment = "off" if segment is False else segment
    if segment not in SEGMENTERS:
        problems.append(f"segment is {segment!r}; use one of: {', '.join(SEGMENTERS)}")
    uses_words = correct == "words" or segment == "words"
    counts = index_words(index) if uses_words else Counter()
    titles = page_titles(index)
    aliases = {}
    for word, meaning in (settings.get("aliases") or {}).items():
        targets = str(meaning).lower().split()
        missing = [target for target in targets if target not in counts]
        if uses_words and missing:
            problems.append(f"alias {word!r}: {', '.join(missing)} is on no page, so searching "
                            "for it finds nothing; choose a word the pages use")
        aliases[str(word).lower()] = " ".join(targets)

    def page(markdown_path: str) -> dict | None:
        address = page_url(markdown_path).lstrip("/")
        if address not in titles:
            problems.append(f"{markdown_path!r} is not a page of the site")
            return None
        return {"title": titles[address], "url": address}

    topics = [found for found in map(page, settings.get("topics") or []) if found]
    help_page = page(settings["help"]) if settings.get("help") else None
    messages = settings.get("messages") or {}
    if settings.get("topics") or help_page:
        problems += [f"messages has no {key!r}" for key in MESSAGES if key not in messages]
    words = sorted(counts, key=lambda word: (-counts[word], word))
    costs: list[float] = []
    if segment == "words":
        dictionary = settings_dir / settings["dictionary"] if settings.get("dictionary") else None
        if dictionary is not None and not dictionary.is_file():
            problems.append(f"dictionary {settings['dictionary']!r} is not a file beside it")
            dictionary = None
        costs = jieba_costs(words, dictionary)
    vocabulary = {
        "lang": lang,
        "correct": correct,
        "segment": segment,
        "separator": index["config"]["separator"],
        "words": " ".join(words),
        "costs": " ".join(f"{cost:g}" for cost in costs),
        "aliases": aliases,
        "stopwords": [str(word).lower() for word in settings.get("stopwords") or []],
        "topics": topics,
        "help": help_page,
        "messages": {key: messages[key] for key in MESSAGES if key in messages},
    }
    return vocabulary, problems


def write_vocabulary(site_dir: Path, vocabulary: dict) -> Path:
    path = vocabulary_file(site_dir, vocabulary["lang"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(vocabulary, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
    return path


def publish(site_dir: Path, lang: str, settings_dir: Path = SETTINGS_DIR) -> list[str]:
    """Write SITE/search/<lang>.json from the built index and <lang>.yml; return each
    problem, prefixed with the settings file."""
    index_path = site_dir / INDEX_FILE
    settings_path = settings_dir / f"{lang}.yml"
    if not index_path.is_file():
        problems = [f"{index_path}: no search index; build the site first (Material's "
                    "search plugin writes it)"]
    else:
        index = json.loads(index_path.read_text(encoding="utf-8"))
        vocabulary, found = build_vocabulary(index, load_settings(settings_path), lang,
                                             settings_dir)
        problems = [f"{settings_path}: {problem}" for problem in found]
        write_vocabulary(site_dir, vocabulary)
    return problems
