"""MkDocs hook: report the content checker's problems during `mkdocs build` and `serve`.

Only a reporter: the rules live in check_content.py, which also runs on its own.
Each problem is a warning, so `mkdocs build --strict` fails on any of them.
"""

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import check_content

log = logging.getLogger("mkdocs.hooks.check_content")


def on_pre_build(config: MkDocsConfig) -> None:
    docs_dir = Path(config.docs_dir)
    try:
        problems = check_content.check_site(docs_dir, Path(config.config_file_path),
                                            display_root=os.path.relpath(docs_dir))
    except check_content.UsageError as error:
        raise PluginError(f"content checker: {error}") from error
    for problem in problems:
        log.warning(str(problem))
