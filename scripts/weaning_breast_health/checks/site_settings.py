"""Site setting rules (SET): a site published on a real domain has a real feedback route."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from ..pages import Problem
from ..settings import SiteSettings

PLACEHOLDER_DOMAIN = ".example"  # reserved: a site or address there can belong to no one
DEVELOPMENT_HOSTS = ("127.0.0.1", "localhost", "::1")  # `serve` sets site_url to one of them


def is_placeholder(address: str | None) -> bool:
    """Whether an https address or a mailto: address is on a reserved .example domain."""
    if not address:
        return True
    parts = urlsplit(address)
    host = parts.path.rpartition("@")[2] if parts.scheme == "mailto" else parts.hostname or ""
    return host.lower().rstrip(".").endswith(PLACEHOLDER_DOMAIN) or not host


def is_published(site_url: str | None) -> bool:
    """Whether the site is built for readers: not a placeholder, not this machine (serve)."""
    host = (urlsplit(site_url).hostname or "") if site_url else ""
    return not is_placeholder(site_url) and host not in DEVELOPMENT_HOSTS


def check_site_settings(settings: SiteSettings) -> Iterator[Problem]:
    """Every footer's "Tell us" link must reach someone once the site is published."""
    if is_published(settings.site_url) and is_placeholder(settings.feedback_url):
        route = f"still the placeholder {settings.feedback_url}" if settings.feedback_url \
            else "not set (extra.feedback_url)"
        yield Problem(settings.config_path, 1, "SET001", f"site_url is {settings.site_url}, but "
                      f"the feedback route is {route}: set FEEDBACK_URL to an address that "
                      "reaches the editors when you build for a real domain")
