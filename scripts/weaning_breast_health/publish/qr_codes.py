"""A QR code of each article's canonical address, beside its built page (for the handout).

A code depends only on its address, and addresses never change, so each is made once
(segno tries all eight masks: a few milliseconds a code) and kept in the user's cache
folder, named by the address, the segno version and how it is drawn."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import segno

from ..pages import Page
from ..settings import SiteSettings
from ..urls import canonical_url, page_dir

QR_CODE_NAME = "qr.svg"
DRAWING = "m-border4-v1"  # error correction, quiet zone, SVG options below: change with them
CACHE = (Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
         / "weaning-breast-health" / f"qr-codes-segno-{segno.__version__}-{DRAWING}")


def qr_code_svg(url: str) -> str:
    """A QR code that opens url, as a scalable SVG file with a white quiet zone: from the
    cache when it is there (a cache that cannot be written is passed over)."""
    cached = CACHE / (hashlib.sha256(url.encode("utf-8")).hexdigest() + ".svg")
    try:
        return cached.read_text(encoding="utf-8")
    except OSError:
        pass
    svg = new_qr_code_svg(url)
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        cached.write_text(svg, encoding="utf-8")
    except OSError:
        pass
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
