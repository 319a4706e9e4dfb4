"""The content rules, one module per family, run together by run.py; rules.py lists them."""

from .run import CheckedSite, check_pages, format_problems, read_and_check_site, summary

__all__ = ["CheckedSite", "check_pages", "format_problems", "read_and_check_site", "summary"]
