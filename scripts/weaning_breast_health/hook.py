"""MkDocs hook: run the content checker and publishing inside `mkdocs build` and `serve`.

Thin on purpose: every step also runs as a command (`check-content`, `publish-site`),
for builders that run no hooks. A strict build (`--strict` or `strict: true`)
stops with an error listing every problem, whether it runs with `--quiet`, `--verbose` or
neither, and `serve` keeps serving while it shows them as warnings. Pages are rendered
from what the checker read: its body, and only the front matter values it accepts, so a
bad value is the checker's message, never a traceback from MkDocs or a template. Review
dates are checked against today's date, or the date in $CONTENT_CHECK_DATE (the tests'
fixed day). The English build then builds each translation (editions.py), which uses the
English build's check of every edition rather than checking again.
"""

from __future__ import annotations

import datetime
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from weaning_breast_health import editions
from weaning_breast_health.checks import CheckedSite, read_and_check_site, summary
from weaning_breast_health.checks.front_matter import renderable_meta
from weaning_breast_health.errors import UsageError
from weaning_breast_health.evidence import with_based_on
from weaning_breast_health.pages import Page
from weaning_breast_health.publish.catalogue import articles
from weaning_breast_health.publish.command import publish_edition, publish_site
from weaning_breast_health.publish.feeds import feed_xml
from weaning_breast_health.publish.indentation import without_indentation
from weaning_breast_health.publish.precompressed import (write_precompressed,
                                                          write_precompressed_files)
from weaning_breast_health.settings import settings_from_config
from weaning_breast_health.ui_text import FEED_TEXT
from weaning_breast_health.urls import FEED_NAME, handout_url
from weaning_breast_health.vocabulary import HREFLANGS
from weaning_breast_health.templates import (alternates, edition_filters,
                                             edition_history_text, edition_text,
                                             history_items, material_bundle)

CHECK_DATE_VARIABLE = "CONTENT_CHECK_DATE"
HANDOUT_PLACEHOLDER = "<!-- The handout: publishing writes it here after the build (publish/handouts.py). -->\n"
log = logging.getLogger("mkdocs.hooks.check_content")
T = TypeVar("T")
# What this build's check read (every page, by path in the docs folder) and found.
_checked: CheckedSite | None = None
# The process building the translations beside the English build, if one was started.
_translations: int | None = None


def _checked_pages() -> dict[str, Page]:
    return _checked.pages if _checked else {}


@event_priority(100)  # before Material's search plugin, which needs the segmenter
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """A translation's address is the site's followed by its folder (/zh/); its search's
    word splitter must be installed, and it logs only warnings."""
    language = editions.config_language(config)
    if problem := editions.missing_segmenter(language):
        raise PluginError(problem)
    editions.quiet_segmenters()
    if config.site_url and language != editions.DEFAULT_LANGUAGE:
        config.site_url = editions.edition_site_url(config.site_url, language)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    global _checked
    checked = editions.check_for_translations()
    if checked is None:  # not built by the English build, which has reported every problem
        docs_dir = editions.docs_root(config)
        try:
            checked = read_and_check_site(docs_dir, settings_from_config(config), check_date(),
                                          display_root=os.path.relpath(docs_dir))
        except UsageError as error:
            raise PluginError(f"content checker: {error}") from error
        if checked.problems:
            report([*map(str, checked.problems), f"content checker: {summary(checked.problems)}"],
                   config)
    _checked = checked


def report(problems: list[str], config: MkDocsConfig) -> None:
    """Problems stop a strict build with an error that lists them all, however the build
    is run: under --quiet MkDocs drops warnings before strict mode counts them
    (mkdocs/mkdocs#4126). Otherwise (serve) each is a warning and the site is still built."""
    if config.strict:
        raise PluginError("\n".join(problems))
    for problem in problems:
        log.warning(problem)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The edition's Atom feed of changes (publish/feeds.py) and its handouts are among its
    files, so pages can link to them and a strict build checks those links (a handout as
    handouts/NAME/index.html, which MkDocs writes as handouts/NAME/). The feed is written
    here; each handout is written after the build from its built page (publishing, which
    also writes both for a builder without hooks), so here it is a placeholder. A
    translation writes no copy of Material's assets (editions.py)."""
    global _translations
    if editions.shares_theme_assets(config):
        files = editions.without_theme_assets(files, config)
    elif _checked is not None and not _checked.problems:
        # The site folder is clean now: the translations build beside the English pages.
        _translations = editions.start_translations(config, _checked)
    if _checked is not None and not _checked.problems:
        language = editions.config_language(config)
        feed = feed_xml(articles(_checked.pages), _checked.ledger, _checked.settings, language)
        files.append(File.generated(config, FEED_NAME, content=feed))
        edition = f"/{editions.folder(language)}/" if editions.folder(language) else "/"
        for name, page in articles(_checked.pages).items():
            if page.language == language:
                handout = handout_url(name).removeprefix(edition) + "index.html"
                files.append(File.generated(config, handout, content=HANDOUT_PLACEHOLDER))
    return files


def on_page_read_source(page: MkDocsPage, config: MkDocsConfig) -> str | None:
    """A page the checker could not read as text (reported) renders empty: MkDocs would
    stop the build with a traceback."""
    checked = _checked_pages().get(editions.checker_path(config, page.file.src_uri))
    return "" if checked is not None and not checked.readable else None


def on_page_markdown(markdown: str, page: MkDocsPage, config: MkDocsConfig,
                     files: Files) -> str:
    """Render the page as the checker read it. MkDocs' own reading keeps a front matter it
    cannot parse (such as a date that does not exist) as text, and passes any value on."""
    checked = _checked_pages().get(editions.checker_path(config, page.file.src_uri))
    if checked is None:
        return markdown
    page.meta = renderable_meta(checked)
    if "sources" in page.meta and _checked is not None:
        page.meta["sources"] = with_based_on(page.meta["sources"],
                                             (_checked.evidence or {}).get(checked.rel_path))
    return checked.body_text


def on_page_context(context: dict, page: MkDocsPage, config: MkDocsConfig, nav: object) -> dict:
    """Material's language switch and hreflang links name the page itself in each
    language, not the home pages (as mkdocs-static-i18n does it); the page's history
    (history.py) is listed at its end."""
    config.extra["alternate"] = alternates(page, config, _checked_pages())
    context["page_history"] = history_items(page, config, _checked,
                                            editions.config_language(config))
    return context


def on_post_page(output: str, page: MkDocsPage, config: MkDocsConfig) -> str:
    """Back to the home pages, for the templates that are not pages (404.html); a
    translation's page loads the English edition's copy of Material's assets. Every page
    is written without its templates' indentation (publish/indentation.py)."""
    config.extra["alternate"] = alternates(None, config, _checked_pages())
    return without_indentation(on_post_template(output, page.file.src_uri, config))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """A translation's 404 page (and any other template) loads the English edition's
    copy of Material's assets too; an HTML template (404.html) is written without its
    indentation, as the pages are."""
    if editions.shares_theme_assets(config):
        output_content = editions.to_shared_assets(output_content, config)
    if template_name.endswith(".html"):
        return without_indentation(output_content)
    return output_content


def check_date() -> datetime.date:
    """Today, or the day named by $CONTENT_CHECK_DATE."""
    value = os.environ.get(CHECK_DATE_VARIABLE)
    if not value:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise PluginError(f"{CHECK_DATE_VARIABLE}={value!r} is not a date written YYYY-MM-DD") from None


def on_post_build(config: MkDocsConfig) -> None:
    """After a clean check, each edition publishes its own pages (QR codes, handouts,
    feed, search words) and compresses its folder in the process that built it: a
    translation beside the English build, when the English build built it. The English
    build then waits for the translations, publishes the site's files (catalogue,
    headers) and compresses those. A problem in the search settings is reported like a
    content problem."""
    global _translations
    language = editions.config_language(config)
    clean = _checked is not None and not _checked.problems
    site_dir = editions.site_root_dir(config)
    if language != editions.DEFAULT_LANGUAGE:
        if clean and editions.check_for_translations() is not None:
            if problems := publish_own_edition(config, language):
                report(problems, config)
        return
    problems = []
    try:
        if clean:
            problems = publish_own_edition(config, language)
    finally:
        editions.finish_translations(config, _checked, _translations)
        _translations = None
    if clean:
        written = publishing(publish_site, site_dir, _checked)
        publishing(write_precompressed_files, written)
        if problems:
            report(problems, config)


def publish_own_edition(config: MkDocsConfig, language: str) -> list[str]:
    """The edition's own publishing, then the compressed copies of its folder (but the
    translations' folders, which their builds compress); return the problems found in its
    search settings."""
    problems = publishing(publish_edition, editions.site_root_dir(config), _checked, language)
    translations = [editions.folder(other) for other in editions.translation_configs(config)]
    publishing(write_precompressed, Path(config.site_dir), translations)
    return problems


def publishing(step: Callable[..., T], *arguments: Any) -> T:
    """Run a publishing step; a usage error stops the build with its message."""
    try:
        return step(*arguments)
    except UsageError as error:
        raise PluginError(f"publishing: {error}") from error


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Give templates the site's own page logic, and render them without the blank lines
    their {% %} tags leave behind (a third of each page's navigation)."""
    language = editions.config_language(config)
    env.filters.update(edition_filters(language))
    config.extra["alternate"] = alternates(None, config, _checked_pages())
    env.globals["material_bundle"] = material_bundle()
    env.globals["text"] = edition_text(language)
    env.globals["history_text"] = edition_history_text(language)
    env.globals["feed_title"] = FEED_TEXT[language]["link_title"]
    env.globals["hreflang"] = HREFLANGS[language]
    env.trim_blocks = True
    env.lstrip_blocks = True
    return env
