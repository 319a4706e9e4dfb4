"""A QR code of each article's canonical address, beside its built page (for the handout).

A code depends only on its address, and addresses never change, so each is made once
(segno tries all eight masks: a few milliseconds a code) and kept in the user's cache
folder (user_cache.py), named by the address, the segno version and how it is drawn."""

from __future__ import annotations

import io
from pathlib import Path

import segno

from ..pages import Page
from ..settings import SiteSettings
from ..urls import canonical_url, page_dir
from ..user_cache import cache_folder, read_entry, write_entry

QR_CODE_NAME = "qr.svg"
DRAWING = "m-border4-v1"  # error correction, quiet zone, SVG options below: change with them
CACHE = cache_folder(f"qr-codes-segno-{segno.__version__}-{DRAWING}")


def qr_code_svg(url: str) -> str:
    """A QR code that opens url, as a scalable SVG file with a white quiet zone: from the
    cache when it is there (a cache that cannot be written is passed over)."""
    svg = read_entry(CACHE, url, ".svg")
    if svg is None:
        svg = new_qr_code_svg(url)
        write_entry(CACHE, url, svg, ".svg")
    return svg


def new_qr_code_svg(url: str) -> str:
    """A QR code that opens url, drawn as DRAWING says."""
    svg = io.BytesIO()
    segno.make_qr(url, error="m").save(svg, kind="svg", xmldecl=False, omitsize=True, border=4,
                                       dark="#000", light="#fff", svgclass=None, lineclass=None)
    return svg.getvalue().decode("utf-8")


def write_qr_codes(site_dir: Path, articles: dict[str, Page], settings: SiteSettings) -> None:
    for name in articles:
        (site_dir / page_dir(name) / QR_CODE_NAME).write_text(
            qr_code_svg(canonical_url(settings, name)), encoding="utf-8")
