"""MkDocs hook: report the content checker's problems during `mkdocs build` and `serve`.

Only a reporter: the rules live in check_content.py, which also runs on its own.
Each problem is a warning, so `mkdocs build --strict` fails on any of them.
After a clean build it writes what clinics use (catalogue.py, which also runs on its own).
Last, it writes the HTTP headers for nginx and static hosts (security_headers.py).
Its Jinja settings drop the template's own blank lines, a third of each page's
navigation; the visible text stays the same.
"""

import datetime
import logging
import os
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

import catalogue
import check_content
import security_headers

log = logging.getLogger("mkdocs.hooks.check_content")
# The settings and pages read before this build, when they passed the checker; else None,
# and on_post_build writes nothing.
checked_pages: tuple[check_content.SiteSettings, dict[str, check_content.Page]] | None = None


def on_pre_build(config: MkDocsConfig) -> None:
    global checked_pages
    docs_dir = Path(config.docs_dir)
    try:
        settings = check_content.load_site_settings(Path(config.config_file_path))
        pages = check_content.read_pages(docs_dir, settings, os.path.relpath(docs_dir))
        problems = check_content.check_read_pages(pages, settings, docs_dir, datetime.date.today(),
                                                  check_content.site_registry(docs_dir))
    except check_content.UsageError as error:
        raise PluginError(f"content checker: {error}") from error
    for problem in problems:
        log.warning(str(problem))
    checked_pages = None if problems else (settings, pages)


def on_post_build(config: MkDocsConfig) -> None:
    """Write the article catalogue, QR codes and robots.txt, then the HTTP headers
    (security_headers.py: last, as its CSP hashes the finished pages), into the built site."""
    if checked_pages is None:
        return
    settings, pages = checked_pages
    catalogue.publish(Path(config.site_dir), pages, settings)
    security_headers.write_header_files(Path(config.site_dir))


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Render templates without the blank lines their {% %} tags leave behind."""
    env.trim_blocks = True
    env.lstrip_blocks = True
    return env
