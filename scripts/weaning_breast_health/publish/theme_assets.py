"""Material's files that no page of the site loads, removed from the built site.

Material copies its whole theme into every build: beside its scripts and stylesheets
their source maps (.map), which only a developer's tools fetch, and lunr's support for
every language its search knows (wordcut.js, the Thai and Hindi word splitter, alone is
677 kB). Its search worker loads lunr's files for the languages in the configuration of
the search index it is given (each edition's search/search_index.json): for each
language but English lunr.<language>.min.js, with lunr.stemmer.support.min.js,
tinyseg.js for Japanese and wordcut.js for Thai and Hindi, and lunr.multi.min.js for an
index of more than one language. Those stay; the rest of lunr's files and the source
maps go. Nothing a reader's browser asks for is removed.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..editions import folder
from ..errors import UsageError
from ..templates import BUNDLE_FOLDER
from ..vocabulary import DEFAULT_LANGUAGE, TRANSLATIONS
from .precompressed import PRECOMPRESSED_SUFFIXES
from .search_vocabulary import INDEX_FILE

LUNR_FOLDER = f"{BUNDLE_FOLDER}/lunr"
# The segmenters Material's search worker loads for a language, beside lunr.<language>.
SEGMENTERS = {"ja": ["tinyseg.js"], "th": ["wordcut.js"], "hi": ["wordcut.js"]}


def lunr_files(languages: list[str]) -> set[str]:
    """The files in lunr's folder that Material's search worker loads for an index of
    these languages (as its worker does: setupSearchLanguages)."""
    others = [language for language in languages if language != "en"]
    files = {f"min/lunr.{language}.min.js" for language in others}
    files |= {segmenter for language in languages for segmenter in SEGMENTERS.get(language, [])}
    if len(languages) > 1:
        files.add("min/lunr.multi.min.js")
    if files:
        files.add("min/lunr.stemmer.support.min.js")
    return files


def search_languages(site_dir: Path) -> list[list[str]]:
    """The languages of each search index in the built site (one per edition)."""
    languages = []
    editions = [site_dir / folder(language) / INDEX_FILE
                for language in (DEFAULT_LANGUAGE, *TRANSLATIONS)]
    for index in (path for path in editions if path.is_file()):
        try:
            languages.append(list(json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]))
        except (ValueError, KeyError, TypeError) as error:
            raise UsageError(f"{index} is not a search index Material wrote: {error}") from None
    return languages


def remove_unused_theme_files(site_dir: Path) -> list[Path]:
    """Remove Material's source maps and the lunr files no edition's search loads from
    the built site, with their compressed copies where the site has them already (the
    hook compresses the English edition while the translations build); return what was
    removed."""
    lunr = site_dir / LUNR_FOLDER
    needed = {lunr / name for languages in search_languages(site_dir)
              for name in lunr_files(languages)}
    unused = [path for path in sorted(lunr.rglob("*")) if path.is_file()
              and path.suffix not in PRECOMPRESSED_SUFFIXES and path not in needed]
    unused += sorted((site_dir / "assets").rglob("*.map"))
    for path in unused:
        path.unlink()
        for suffix in PRECOMPRESSED_SUFFIXES:
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    return unused
