"""Publishing: what the built site gets after MkDocs has written its pages, in order.

    publish-site SITE_DIR [--docs-dir docs] [--config mkdocs.yml]

What it writes: /api/articles.json and robots.txt (catalogue.py), each article's qr.svg
(qr_codes.py) and one-page handout (handouts.py: /handouts/<name>/, /zh/handouts/<name>/),
each edition's Atom feed of changes (feeds.py: /feed.xml, /zh/feed.xml), search/<lang>.json
for the search correction (search_vocabulary.py); it removes Material's source maps and
the lunr files no edition's search loads (theme_assets.py); then it writes the HTTP header
files (headers.py), and last a .br and a .gz copy of every text file (precompressed.py).

The hook runs publish() after each clean build; this command does the same for a builder
that runs no hooks (Zensical), and checks the content first. The order matters: the
headers come after the pages are final, because their Content-Security-Policy hashes
them, and the compressed copies after everything else.

Exit status: 0 when written, 1 when the content has problems, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..checks import CheckedSite, format_problems, read_and_check_site, summary
from ..editions import folder
from ..errors import UsageError
from .catalogue import CATALOGUE_PATH, TRIGGERS_PATH, articles, write_catalogue
from .feeds import write_feeds
from .handouts import write_handouts
from .headers import write_header_files
from .precompressed import write_precompressed
from .qr_codes import write_qr_codes
from .search_vocabulary import publish as write_search_vocabulary
from .theme_assets import remove_unused_theme_files


def publish(site_dir: Path, checked: CheckedSite) -> list[str]:
    """Write the catalogue and the trigger table, robots.txt, each article's QR code and
    handout, each edition's feed and search words; remove Material's files no page loads
    (theme_assets.py); write the HTTP headers, then compressed copies of every text file;
    return the problems found in the search settings."""
    write_catalogue(site_dir, checked.pages, checked.settings, checked.ledger)
    write_qr_codes(site_dir, articles(checked.pages), checked.settings)
    write_handouts(site_dir, articles(checked.pages), checked.settings, checked.ledger)
    write_feeds(site_dir, articles(checked.pages), checked.ledger, checked.settings)
    problems = []
    for language in sorted({page.language for page in checked.pages.values()}):
        problems += write_search_vocabulary(site_dir / folder(language), language)
    remove_unused_theme_files(site_dir)
    write_header_files(site_dir)
    write_precompressed(site_dir)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="publish-site", description="Write the article catalogue, QR codes, handouts, "
        "feeds, robots.txt and HTTP headers into a built site.")
    parser.add_argument("site_dir", type=Path, help="the built site")
    parser.add_argument("--docs-dir", type=Path, default=Path("docs"),
                        help="folder of Markdown pages (default: docs)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="the MkDocs config (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        for folder in (args.site_dir, args.docs_dir):
            if not folder.is_dir():
                raise UsageError(f"{str(folder)!r} does not exist or is not a folder")
        if not (args.site_dir / "index.html").is_file():
            raise UsageError(f"{args.site_dir} has no index.html: build the site first")
        checked = read_and_check_site(args.docs_dir, args.config, display_root=str(args.docs_dir))
        if checked.problems:
            print(format_problems(checked.problems, "text"))
            print(f"{summary(checked.problems)}. Not written: fix these problems first",
                  file=sys.stderr)
            return 1
        if problems := publish(args.site_dir, checked):
            print("\n".join(problems))
            return 1
    except UsageError as error:
        parser.exit(2, f"{parser.prog}: error: {error}\n")
    print(f"Wrote {CATALOGUE_PATH}, {TRIGGERS_PATH}, QR codes, handouts, feeds, robots.txt, "
          f"search words, HTTP headers and compressed copies (.br, .gz) in {args.site_dir}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
