"""The site's HTTP response headers, written for nginx and for static hosts from one definition.

Writes two files into the built site: `_headers` (read by Netlify and Cloudflare Pages)
and `nginx-headers.conf` (included by serving/nginx/site.conf). publish/command.py writes them
last, after the catalogue, in a build (the hook) and on its own (`publish-site`).

The Content-Security-Policy allows only our own origin. Inline scripts (Material's
base.html, mkdocs-redirects' pages) are allowed by the SHA-256 of their exact text,
taken from the built HTML, never by 'unsafe-inline'. Data blocks such as our JSON-LD
(`type="application/ld+json"`) and Material's `__config` JSON are never run, so CSP
does not govern them and they need no hash.
"""

import base64
import functools
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from ..editions import THEME_ASSETS, folder
from ..vocabulary import LANGUAGE_NAMES, TRANSLATIONS

NETLIFY_FILE = "_headers"
NGINX_FILE = "nginx-headers.conf"

# Material's fingerprinted assets, like assets/stylesheets/main.57a0d79d.min.css: a new
# release gets a new name, so browsers may keep them for a year without asking again.
# Material's assets are the English edition's (/assets/), which every edition loads
# (editions.py); a translation's folder is allowed for too, as it costs nothing.
FINGERPRINTED_ASSET = (r"^(/(" + "|".join(t.folder for t in TRANSLATIONS.values())
                       + r"))?/assets/.+\.[0-9a-f]{8}\.min\.(css|js)(\.map)?$")
LONG_CACHE = "public, max-age=31536000, immutable"
# Everything else (pages, site.css, the search index) is checked again after 5 minutes.
SHORT_CACHE = "public, max-age=300"

# Styles, fonts, the search index and its worker fall back to default-src.
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",  # plus the hashes of the site's inline scripts
    "img-src": "'self' data:",  # Material's and site.css's icons are data: SVG masks
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",  # no other site may frame ours
}
FIXED_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                          "browsing-topics=()",
    # Browsers honour it only over HTTPS, where it keeps later visits on HTTPS.
    "Strict-Transport-Security": "max-age=31536000",
}

# HTML ends a script's text at the first "</script", so a regular expression finds the
# scripts; only their start tags go through the HTML parser (parsing whole pages would
# cost seconds on a 1,000-article build).
SCRIPT_ELEMENT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
JAVASCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript"}


class _StartTag(HTMLParser):
    """The attributes of one start tag, as HTML parses them."""

    def __init__(self, tag_text: str):
        super().__init__()
        self.attributes: dict[str, str | None] = {}
        self.feed(tag_text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.attributes = dict(attrs)


@functools.cache
def runs_inline(start_tag: str) -> bool:
    """Whether a script with this start tag is run from its text: no src, a JavaScript
    type. A site repeats a few start tags in every page, so each is parsed once."""
    attributes = _StartTag(start_tag).attributes
    script_type = (attributes.get("type") or "").strip().lower()
    return "src" not in attributes and script_type in JAVASCRIPT_TYPES


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run in this page."""
    return [match[1] for match in SCRIPT_ELEMENT.finditer(html)
            if runs_inline(match[0][:match.start(1) - match.start()])]


def inline_script_hashes(site_dir: Path) -> list[str]:
    """CSP source expressions ('sha256-...') for every inline script in the built site."""
    hashes = set()
    for page in Path(site_dir).rglob("*.html"):
        for script in inline_scripts(page.read_text(encoding="utf-8")):
            digest = hashlib.sha256(script.encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(hashes)


def content_security_policy(site_dir: Path) -> str:
    policy = dict(POLICY)
    policy["script-src"] = " ".join([POLICY["script-src"], *inline_script_hashes(site_dir)])
    return "; ".join(f"{directive} {sources}" for directive, sources in policy.items())


def security_headers(site_dir: Path) -> dict[str, str]:
    """Every security header, for every response."""
    return {"Content-Security-Policy": content_security_policy(site_dir), **FIXED_HEADERS}


def fingerprinted_assets(site_dir: Path) -> list[str]:
    """URL paths of the built site's fingerprinted assets (each edition's assets/ folder
    is the only place they can be)."""
    folders = [Path(site_dir) / folder(language) / THEME_ASSETS for language in LANGUAGE_NAMES]
    paths = ("/" + path.relative_to(site_dir).as_posix()
             for assets in folders for path in assets.rglob("*") if path.is_file())
    return sorted(path for path in paths if re.match(FINGERPRINTED_ASSET, path))


def nginx_include(headers: dict[str, str]) -> str:
    """add_header lines for an nginx server block, with the long cache for assets.

    nginx drops a server's add_header lines in any location that has its own, so the
    asset location repeats the security headers.
    """
    def add_headers(cache_control: str, indent: str) -> str:
        lines = {**headers, "Cache-Control": cache_control}
        return "".join(f'{indent}add_header {name} "{value}" always;\n'
                       for name, value in lines.items())

    return ("# Written by publishing (weaning_breast_health/publish/headers.py) from the built site: do not edit.\n"
            + add_headers(SHORT_CACHE, "")
            + f'\nlocation ~ "{FINGERPRINTED_ASSET}" {{\n'
            + add_headers(LONG_CACHE, "    ")
            + "}\n")


def netlify_headers(headers: dict[str, str], assets: list[str]) -> str:
    """A `_headers` file: security headers on every path, the long cache on each asset.

    Netlify and Cloudflare Pages join the values of rules that match the same path, so
    Cache-Control appears only on the assets; pages keep the host's own revalidation.
    """
    lines = ["# Written by publishing (weaning_breast_health/publish/headers.py) from the built site: do not edit.", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    for asset in assets:
        lines += [asset, f"  Cache-Control: {LONG_CACHE}"]
    return "\n".join(lines) + "\n"


def write_header_files(site_dir: Path) -> list[Path]:
    """Write `_headers` and `nginx-headers.conf` into the built site; return their paths."""
    site_dir = Path(site_dir)
    headers = security_headers(site_dir)
    netlify = site_dir / NETLIFY_FILE
    nginx = site_dir / NGINX_FILE
    netlify.write_text(netlify_headers(headers, fingerprinted_assets(site_dir)), encoding="utf-8")
    nginx.write_text(nginx_include(headers), encoding="utf-8")
    return [netlify, nginx]
