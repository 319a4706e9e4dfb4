"""Search that forgives: the site's own words, so the browser can correct misspelled searches.

After a build, Material's search index (SITE/search/search_index.json) holds every word a
reader can find, split as Material's search splits them (its `separator`). This module
counts those words and writes them, most frequent first, together with the language's
settings in publish/search/<lang>.yml (how to correct, the reader words the pages need never
contain, the main topics, the help page and the result messages), to
SITE/search/<lang>.json. docs/javascripts/search-correct.js loads that file when a reader
first searches, on a page whose <html lang> is <lang>.

Pure functions; publish/command.py runs publish() after every build (from the hook, or
as `publish-site` for a builder without hooks), which reports every problem (an alias
to a word that is on no page, a topic that is not a page).
"""

import html
import json
import re
from collections import Counter
from pathlib import Path

import yaml

from ..urls import page_url

SETTINGS_DIR = Path(__file__).resolve().parent / "search"  # <lang>.yml, one per language
INDEX_FILE = Path("search") / "search_index.json"  # Material's, in the built site
CORRECTORS = ("words", "off")  # the ways search-correct.js knows to correct a query
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


def page_titles(index: dict) -> dict[str, str]:
    """The title of each page in the index (its sections have a '#' in their location)."""
    return {doc["location"]: doc["title"] for doc in index["docs"] if "#" not in doc["location"]}


def load_settings(path: Path) -> dict:
    """A language's settings; a language without a file gets no correction and no help."""
    if not path.is_file():
        return {"correct": "off"}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def build_vocabulary(index: dict, settings: dict, lang: str) -> tuple[dict, list[str]]:
    """What the browser needs to correct searches in one language, and the problems found.

    words: every word of the index, space-separated, most frequent first (the order breaks
    ties between corrections). aliases: reader word -> page words. topics and help: the
    pages to offer when a search finds nothing, with their titles from the index."""
    problems: list[str] = []
    correct = settings.get("correct", "words")
    if correct not in CORRECTORS:
        problems.append(f"correct is {correct!r}; use one of: {', '.join(CORRECTORS)}")
    counts = index_words(index) if correct == "words" else Counter()
    titles = page_titles(index)
    aliases = {}
    for word, meaning in (settings.get("aliases") or {}).items():
        targets = str(meaning).lower().split()
        missing = [target for target in targets if target not in counts]
        if correct == "words" and missing:
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
    vocabulary = {
        "lang": lang,
        "correct": correct,
        "separator": index["config"]["separator"],
        "words": " ".join(words),
        "aliases": aliases,
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
        vocabulary, found = build_vocabulary(index, load_settings(settings_path), lang)
        problems = [f"{settings_path}: {problem}" for problem in found]
        write_vocabulary(site_dir, vocabulary)
    return problems
