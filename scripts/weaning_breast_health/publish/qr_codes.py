"""A QR code of each article's canonical address, beside its built page (for the handout)."""

from __future__ import annotations

import io
from pathlib import Path

import segno

from ..pages import Page
from ..settings import SiteSettings
from ..urls import canonical_url, page_dir

QR_CODE_NAME = "qr.svg"


def qr_code_svg(url: str) -> str:
    """A QR code that opens url, as a scalable SVG file with a white quiet zone."""
    svg = io.BytesIO()
    segno.make_qr(url, error="m").save(svg, kind="svg", xmldecl=False, omitsize=True, border=4,
                                       dark="#000", light="#fff", svgclass=None, lineclass=None)
    return svg.getvalue().decode("utf-8")


def write_qr_codes(site_dir: Path, articles: dict[str, Page], settings: SiteSettings) -> None:
    for name in articles:
        (site_dir / page_dir(name) / QR_CODE_NAME).write_text(
            qr_code_svg(canonical_url(settings, name)), encoding="utf-8")
