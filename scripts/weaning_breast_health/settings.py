"""What the site's code needs from mkdocs.yml, read with MkDocs' own loader or taken from
the MkDocsConfig a hook receives, so both see the same settings (INHERIT included)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import markdown
import yaml

from .errors import UsageError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# The extensions MkDocs always adds before those of mkdocs.yml.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
CARE_CARDS_EXTENSION = "weaning_breast_health.care_cards"


@dataclass(frozen=True)
class SiteSettings:
    """The Markdown setup, address, language and redirects of the site."""

    extensions: tuple[Any, ...]
    extension_configs: dict[str, dict[str, Any]]
    site_url: str | None = None
    language: str = "en"
    redirects: dict[str, str] = field(default_factory=dict)  # old page -> new page or URL
    feedback_url: str | None = None  # where every page's "Tell us" link goes (extra.feedback_url)
    config_path: str = "mkdocs.yml"  # as problems name it

    @property
    def site_host(self) -> str | None:
        return urlsplit(self.site_url).netloc.lower() or None if self.site_url else None

    def markdown(self, language: str | None = None) -> markdown.Markdown:
        """A Markdown converter configured exactly like the site's; given a language, its
        care cards are in that language (as that edition's configuration sets them)."""
        configs = self.extension_configs
        if language is not None and CARE_CARDS_EXTENSION in self.extensions:
            configs = {**configs, CARE_CARDS_EXTENSION: {
                **configs.get(CARE_CARDS_EXTENSION, {}), "language": language}}
        return markdown.Markdown(extensions=list(self.extensions), extension_configs=configs)


def load_site_settings(config_path: Path) -> SiteSettings:
    """The settings of a mkdocs.yml file and of every file it INHERITs."""
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils import yaml_load

    try:
        with open(config_path, "rb") as file:
            config = yaml_load(file)
    except OSError as error:
        raise UsageError(f"cannot read {config_path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise UsageError(f"{config_path} is not valid UTF-8") from error
    except ConfigurationError as error:
        cause = error.__context__
        mark = getattr(cause, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        reason = getattr(cause, "problem", None) or str(cause or error)
        raise UsageError(f"{config_path}{line}: invalid YAML: {reason}") from error
    except yaml.YAMLError as error:  # a tag the loader cannot build, such as a bad python/name
        raise UsageError(f"{config_path}: invalid YAML: {error}") from error
    if not isinstance(config, dict):
        raise UsageError(f"{config_path}:1: expected a mapping of settings")
    extensions: list[Any] = list(MKDOCS_BUILTIN_EXTENSIONS)
    configs: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in extensions:
            extensions.append(name)
        if options:
            configs[name] = options
    theme = config.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    site_url = config.get("site_url")
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    feedback = extra.get("feedback_url")
    settings = SiteSettings(tuple(extensions), configs,
                            site_url if isinstance(site_url, str) else None,
                            language if isinstance(language, str) else "en",
                            _redirect_maps(config.get("plugins") or [], config_path),
                            feedback if isinstance(feedback, str) else None,
                            os.path.relpath(config_path))
    try:
        settings.markdown()
    except Exception as error:  # an extension that cannot load is a config problem
        raise UsageError(f"{config_path}: cannot load markdown_extensions: {error}") from error
    return settings


def settings_from_config(config: MkDocsConfig) -> SiteSettings:
    """The same settings, from the configuration MkDocs has already loaded and validated."""
    redirects = config.plugins.get("redirects")
    feedback = config.extra.get("feedback_url")
    return SiteSettings(
        tuple(config.markdown_extensions), dict(config.mdx_configs), config.site_url,
        config.theme["language"] or "en",
        {str(old): str(new) for old, new in redirects.config["redirect_maps"].items()}
        if redirects else {},
        feedback if isinstance(feedback, str) else None, os.path.relpath(config.config_file_path))


def _redirect_maps(plugins: Any, config_path: Path) -> dict[str, str]:
    """The mkdocs-redirects plugin's redirect_maps, or {} without the plugin."""
    entries = plugins.items() if isinstance(plugins, dict) else \
        [next(iter(entry.items())) for entry in plugins if isinstance(entry, dict) and entry]
    for name, options in entries:
        if name == "redirects" and isinstance(options, dict):
            maps = options.get("redirect_maps") or {}
            if not isinstance(maps, dict):
                raise UsageError(f"{config_path}: redirects redirect_maps must be a mapping "
                                 "of old page to new page")
            return {str(old): str(new) for old, new in maps.items()}
    return {}
