"""The `check-content` command: check the site's Markdown pages against the content rules.

    check-content [DOCS_DIR] [--config mkdocs.yml] [--format text|json] [--today YYYY-MM-DD]
    check-content --write-registry   # record newly published URLs
    check-content --rules            # the rule table, as the README shows it

Exit status: 0 when clean, 1 when problems were found, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from ..errors import UsageError
from ..pages import read_pages
from ..settings import load_site_settings
from .published_urls import REGISTRY_NAME, default_registry, write_registry
from .rules import rules_table
from .run import format_problems, read_and_check_site, summary


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="check-content", description="Check the site's Markdown pages against the content rules.")
    parser.add_argument("docs_dir", nargs="?", default="docs", help="folder of Markdown pages (default: docs)")
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs config (default: mkdocs.yml)")
    parser.add_argument("--format", choices=("text", "json"), default="text", dest="output_format")
    parser.add_argument("--today", type=_date, help="check review dates as of this date (YYYY-MM-DD)")
    parser.add_argument("--registry", type=Path, help="the published URLs to keep working "
                        f"(default: {REGISTRY_NAME} beside the docs folder, if it exists)")
    parser.add_argument("--write-registry", action="store_true",
                        help="add every URL and anchor the pages publish now to the registry, and stop")
    parser.add_argument("--rules", action="store_true", help="print the rule table and stop")
    args = parser.parse_args(argv)
    if args.rules:
        print(rules_table())
        return 0
    docs_dir = Path(args.docs_dir)
    try:
        if not docs_dir.is_dir():
            raise UsageError(f"docs folder {args.docs_dir!r} does not exist or is not a folder")
        if args.write_registry:
            registry = args.registry or default_registry(docs_dir)
            added = write_registry(registry, read_pages(docs_dir, load_site_settings(Path(args.config))))
            print(f"Added {len(added)} entr{'y' if len(added) == 1 else 'ies'} to {registry}",
                  file=sys.stderr)
            return 0
        problems = read_and_check_site(docs_dir, Path(args.config), args.today, args.docs_dir,
                                       args.registry).problems
    except UsageError as error:
        parser.exit(2, f"{parser.prog}: error: {error}\n")
    output = format_problems(problems, args.output_format)
    if output:
        print(output)
    if args.output_format == "text":
        print(summary(problems), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
