"""The site's editions: English at the root, each translation in its folder (/zh/).

Each edition is its own MkDocs configuration (mkdocs.zh.yml INHERITs mkdocs.yml), with the
folder's pages as its docs_dir. The checker reads every edition at once, from the docs
folder, so a translated page is zh/mastitis.md there, and mastitis.md to its own build.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from .vocabulary import DEFAULT_LANGUAGE, TRANSLATIONS

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from .checks import CheckedSite

log = logging.getLogger("mkdocs.hooks.editions")
# The check the English build made of every edition, while it builds the translations.
_check_for_translations: CheckedSite | None = None


def config_language(config: MkDocsConfig) -> str:
    """The edition a configuration builds: its theme language, if the site has it."""
    language = config.theme["language"] or DEFAULT_LANGUAGE
    return language if language in TRANSLATIONS else DEFAULT_LANGUAGE


def folder(language: str) -> str:
    """The edition's folder in the docs and in the site: '' for English."""
    return TRANSLATIONS[language].folder if language in TRANSLATIONS else ""


def docs_root(config: MkDocsConfig) -> Path:
    """The docs folder holding every edition (a translation's docs_dir is inside it)."""
    docs_dir = Path(config.docs_dir)
    return docs_dir.parent if config_language(config) != DEFAULT_LANGUAGE else docs_dir


def site_root_dir(config: MkDocsConfig) -> Path:
    """The built site's folder holding every edition (a translation's site_dir is inside it)."""
    site_dir = Path(config.site_dir)
    return site_dir.parent if config_language(config) != DEFAULT_LANGUAGE else site_dir


def checker_path(config: MkDocsConfig, src_uri: str) -> str:
    """A page's path as the checker knows it: mastitis.md in mkdocs.zh.yml is zh/mastitis.md."""
    prefix = folder(config_language(config))
    return f"{prefix}/{src_uri}" if prefix else src_uri


def edition_site_url(site_url: str, language: str) -> str:
    """The address of an edition: the site's, then its folder."""
    root = site_url.rstrip("/") + "/"
    return root + f"{folder(language)}/" if folder(language) else root


def site_url_of_site(config: MkDocsConfig) -> str | None:
    """The whole site's address, from an edition's (which ends with its folder)."""
    url, prefix = config.site_url, folder(config_language(config))
    if url and prefix and url.rstrip("/").endswith("/" + prefix):
        return url.rstrip("/")[:-len(prefix)]
    return url


def not_found_page(url_path: str) -> str:
    """The built page for a missing address: its edition's 404.html (zh/404.html for
    /zh/...), as the test server and nginx serve it."""
    head = url_path.lstrip("/").split("/", 1)[0]
    folders = {translation.folder for translation in TRANSLATIONS.values()}
    return f"{head}/404.html" if head in folders and "/" in url_path.lstrip("/") else "404.html"


def translation_configs(config: MkDocsConfig) -> dict[str, Path]:
    """The translations' configuration files beside the English mkdocs.yml that exist."""
    if config_language(config) != DEFAULT_LANGUAGE:
        return {}
    here = Path(config.config_file_path).parent
    return {language: here / translation.config for language, translation in TRANSLATIONS.items()
            if (here / translation.config).is_file()}


# What a language's search needs installed to split its words (Material's search plugin
# uses it for Chinese, and fails with a traceback without it).
SEGMENTERS = {"zh": "jieba"}


def missing_segmenter(language: str) -> str | None:
    """What to say when the package a language's search needs is not installed."""
    package = SEGMENTERS.get(language)
    if package and importlib.util.find_spec(package) is None:
        return (f"the {TRANSLATIONS[language].name} edition's search needs {package}, which is "
                "not installed: run python3 scripts/dev.py build (it installs requirements.lock)")
    return None


def quiet_segmenters() -> None:
    """Keep the word splitters' logs to warnings: Material's search splits the Chinese
    words in every edition's pages, and jieba writes each step of loading its dictionary
    to stderr, even in a quiet build."""
    for package in SEGMENTERS.values():
        logging.getLogger(package).setLevel(logging.WARNING)


def build_translations(config: MkDocsConfig, checked: CheckedSite | None) -> None:
    """Build each translation into the English site's folder for it, after the English
    build, handing on the English build's check of every edition."""
    global _check_for_translations
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for language, path in translation_configs(config).items():
        log.info(f"Building the {TRANSLATIONS[language].name} edition ({path.name})")
        translation = load_config(str(path), site_url=config.site_url, strict=config.strict,
                                  site_dir=str(Path(config.site_dir) / folder(language)))
        _check_for_translations = checked
        try:
            build(translation)
        finally:
            _check_for_translations = None


def can_fork() -> bool:
    """Whether this process can safely fork a copy of itself: the system has fork (not
    Windows) and no other thread is running (`serve`'s server)."""
    return hasattr(os, "fork") and threading.active_count() == 1


def start_translations(config: MkDocsConfig, checked: CheckedSite | None) -> int | None:
    """Build the translations in a child process (a fork of this one, which has the
    check), beside the English build, on the machine's other core; return its process id.
    None, and nothing started, where that cannot be done safely (can_fork) or there is no
    translation to build."""
    if not (can_fork() and translation_configs(config)):
        return None
    child = os.fork()
    if child:
        return child
    code = 1
    try:
        build_translations(config, checked)
        code = 0
    except BaseException as error:  # the parent says the build failed; say why here
        log.error(f"the translations did not build: {error}")
    finally:
        logging.shutdown()
        os._exit(code)


def finish_translations(config: MkDocsConfig, checked: CheckedSite | None,
                        child: int | None) -> None:
    """Wait for the translations started beside the English build, or build them now."""
    if child is None:
        build_translations(config, checked)
        return
    _, status = os.waitpid(child, 0)
    if os.waitstatus_to_exitcode(status):
        from mkdocs.exceptions import Abort
        raise Abort("the translations did not build (their errors are above)")


def check_for_translations() -> CheckedSite | None:
    """The English build's check, while it builds the translations; else None."""
    return _check_for_translations


# Material's own files (stylesheets, scripts, search worker, lunr's languages, favicon):
# the same in every edition, so a translation uses the English edition's copy, and a
# reader who switches language downloads none of them again.
THEME_ASSETS = "assets/"
# An address of a theme asset as a translation's page writes it: relative to the
# edition's root (assets/..., ../assets/...), or from the site's root (/zh/assets/...).
# (The quote is matched, not looked behind for: a pattern that starts with a set of
# characters is searched for much faster, and this runs over every translated page.)
_RELATIVE_ASSET = re.compile(r"""(["'(])((?:\.\./)*)assets/""")


def shares_theme_assets(config: MkDocsConfig) -> bool:
    """A translation, built into its folder of the English site, uses its theme assets."""
    return config_language(config) != DEFAULT_LANGUAGE


def without_theme_assets(files: Files, config: MkDocsConfig) -> Files:
    """A translation's files without Material's assets (the English edition has them)."""
    docs_dir = Path(config.docs_dir).resolve()
    for file in [file for file in files if file.src_uri.startswith(THEME_ASSETS)
                 and docs_dir not in Path(file.abs_src_path or "").resolve().parents]:
        files.remove(file)
    return files


def to_shared_assets(html: str, config: MkDocsConfig) -> str:
    """A translation's page with its theme assets' addresses pointing at the English
    edition's: one folder up from the edition's root."""
    prefix = folder(config_language(config))
    html = html.replace(f"/{prefix}/{THEME_ASSETS}", f"/{THEME_ASSETS}")
    return _RELATIVE_ASSET.sub(lambda match: f"{match[1]}{match[2]}../{THEME_ASSETS}", html)
