"""Pages: the model, reading with front matter, and the one Markdown scanner."""

from .model import CareCard, Heading, Link, Page, Problem
from .reading import ImpossibleDate, read_page, read_pages

__all__ = ["CareCard", "Heading", "ImpossibleDate", "Link", "Page", "Problem", "read_page",
           "read_pages"]
