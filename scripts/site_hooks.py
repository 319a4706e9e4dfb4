"""MkDocs hook: report the content checker's problems during `mkdocs build` and `serve`.

Only a reporter: the rules live in check_content.py, which also runs on its own.
Each problem is a warning, so `mkdocs build --strict` fails on any of them.
After a clean build it writes what clinics use (catalogue.py, which also runs on its own).
Then the words search corrects with (search_vocabulary.py, which also runs on its own).
Last, it writes the HTTP headers for nginx and static hosts (security_headers.py).
Its Jinja settings drop the template's own blank lines, a third of each page's
navigation; the visible text stays the same.
"""

import logging
import os
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

import catalogue
import check_content
import search_vocabulary
import security_headers

log = logging.getLogger("mkdocs.hooks.check_content")
# What the checker read before this build, when it passed; else None, and on_post_build
# writes nothing.
clean_site: check_content.CheckedSite | None = None


def on_pre_build(config: MkDocsConfig) -> None:
    global clean_site
    docs_dir = Path(config.docs_dir)
    try:
        checked = check_content.read_and_check_site(docs_dir, Path(config.config_file_path),
                                                    display_root=os.path.relpath(docs_dir))
    except check_content.UsageError as error:
        raise PluginError(f"content checker: {error}") from error
    for problem in checked.problems:
        log.warning(str(problem))
    clean_site = None if checked.problems else checked


def on_post_build(config: MkDocsConfig) -> None:
    """Write the article catalogue, QR codes and robots.txt, search's words
    (search_vocabulary.py), then the HTTP headers
    (security_headers.py: last, as its CSP hashes the finished pages), into the built site."""
    if clean_site is None:
        return
    catalogue.publish(Path(config.site_dir), clean_site.pages, clean_site.settings)
    search_vocabulary.publish(Path(config.site_dir), config.theme["language"],
                              Path(config.config_file_path).parent / "search", log.warning)
    security_headers.write_header_files(Path(config.site_dir))


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Render templates without the blank lines their {% %} tags leave behind."""
    env.trim_blocks = True
    env.lstrip_blocks = True
    return env
