"""Pages: the model, reading with front matter, the one Markdown scanner, and the one render."""

from .model import CareCard, Heading, Link, Page, Problem
from .reading import ImpossibleDate, read_page, read_pages
from .rendering import render_fingerprint, render_key, rendered_html

__all__ = ["CareCard", "Heading", "ImpossibleDate", "Link", "Page", "Problem", "read_page",
           "read_pages", "render_fingerprint", "render_key", "rendered_html"]
