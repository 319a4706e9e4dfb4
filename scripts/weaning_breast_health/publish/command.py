"""Publishing: what the built site gets after MkDocs has written its pages, in order.

    publish-site SITE_DIR [--docs-dir docs] [--config mkdocs.yml]

What it writes, for each edition in its folder (publish_edition): each article's qr.svg
(qr_codes.py) and one-page handout (handouts.py: /handouts/<name>/, /zh/handouts/<name>/),
the edition's Atom feed of changes (feeds.py: /feed.xml, /zh/feed.xml) and search/<lang>.json
for the search correction (search_vocabulary.py); then for the site (publish_site):
/api/articles.json and robots.txt (catalogue.py), Material's source maps and the lunr files
no edition's search loads removed (theme_assets.py), the HTTP header files (headers.py);
and last a .br and a .gz copy of every text file (precompressed.py).

The hook does the same after each clean build, each edition's part in the process that
built it (the translations' beside the English build) with the compressed copies of its
folder, and the site's part in the English build once every edition is built; this
command does it all in turn, for a builder that runs no hooks (Zensical), and checks the
content first. The order matters: the headers come after the pages are final, because
their Content-Security-Policy hashes them, and a file's compressed copies after the file.

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
    """Publish every edition's own pages (publish_edition), then the site's files
    (publish_site), then compressed copies of every text file; return the problems found
    in the search settings."""
    problems = []
    for language in sorted({page.language for page in checked.pages.values()}):
        problems += publish_edition(site_dir, checked, language)
    publish_site(site_dir, checked)
    write_precompressed(site_dir)
    return problems


def publish_edition(site_dir: Path, checked: CheckedSite, language: str) -> list[str]:
    """What an edition publishes from its own built pages, all in its folder: each
    article's QR code and handout (and a redirect where a moved article's handout was),
    its feed and its search words; return the problems found in its search settings.
    The hook runs it in the process that built the edition, so the editions publish side
    by side (editions.py)."""
    edition = {name: page for name, page in articles(checked.pages).items()
               if page.language == language}
    write_qr_codes(site_dir, edition, checked.settings)
    write_handouts(site_dir, edition, checked.settings, checked.ledger)
    write_feeds(site_dir, edition, checked.ledger, checked.settings)
    return write_search_vocabulary(site_dir / folder(language), language)


def publish_site(site_dir: Path, checked: CheckedSite) -> list[Path]:
    """What the site publishes once every edition is built: the catalogue, the trigger
    table and robots.txt; Material's files that no page loads removed; the HTTP headers
    (after the pages are final: their Content-Security-Policy hashes the pages' scripts).
    Return the files it wrote."""
    written = write_catalogue(site_dir, checked.pages, checked.settings, checked.ledger)
    remove_unused_theme_files(site_dir)
    return written + write_header_files(site_dir)


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
