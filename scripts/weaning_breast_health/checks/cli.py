"""The `check-content` command: check the site's Markdown pages against the content rules.

    check-content [DOCS_DIR] [--config mkdocs.yml] [--format text|json] [--today YYYY-MM-DD]
                  [--triggers TABLE.yml]   # a trigger table other than the site's
    check-content --write-registry   # record newly published URLs
    check-content --rules            # the rule table, as the README shows it
    check-content --record-check docs/PAGE.md            # after checking it against its sources
    check-content --record-editorial docs/PAGE.md --reason "..."   # a change that alters no fact
    check-content --record-clinical-review docs/PAGE.md --by ROLE
    check-content --record-translation docs/zh/PAGE.md   # after bringing it up to date

Exit status: 0 when clean, 1 when problems were found, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from ..errors import UsageError
from ..pages import read_page, read_pages
from ..settings import load_site_settings
from ..triggers import TriggerTable, read_table, site_table
from .published_urls import REGISTRY_NAME, default_registry, write_registry
from .review_ledger import LEDGER_NAME, default_ledger, record
from .rules import rules_table
from .translations import record_translation
from .run import format_problems, read_and_check_site, summary


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


EDITORIAL_TEAM = "Site editorial team using AI tools (not clinicians)"


def trigger_table(args: argparse.Namespace) -> TriggerTable:
    """The trigger table the command was given, or the site's."""
    return read_table(args.triggers) if args.triggers else site_table()


def record_in_ledger(parser: argparse.ArgumentParser, args: argparse.Namespace,
                     docs_dir: Path) -> int:
    """Record a check, an editorial change or a clinical review of one page."""
    kind, path = next((kind, path) for kind, path in (
        ("checked against sources", args.record_check), ("editorial", args.record_editorial),
        ("clinical review", args.record_clinical_review)) if path)
    if kind == "editorial" and not args.reason:
        raise UsageError("--record-editorial needs --reason: say what changed and why it alters no fact")
    if kind == "clinical review" and args.by == EDITORIAL_TEAM:
        raise UsageError("--record-clinical-review needs --by: the reviewer's role, such as "
                         "\"NHS midwife (RM)\", never an invented person")
    if not path.is_file() or docs_dir.resolve() not in path.resolve().parents:
        raise UsageError(f"{path} is not a page in {docs_dir}")
    page = read_page(docs_dir, path)
    if not page.has_front_matter:
        raise UsageError(f"{path} cannot be recorded: fix its problems first ({page.problems[0]})")
    entry = record(default_ledger(docs_dir), page, path, kind, args.by, args.reason,
                   args.today or datetime.date.today(), trigger_table(args))
    print(f"Recorded in {default_ledger(docs_dir)}: {page.rel_path} {kind} on {entry.date} "
          f"(fingerprint {entry.fingerprint})", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="check-content", description="Check the site's Markdown pages against the content rules.")
    parser.add_argument("docs_dir", nargs="?", default="docs", help="folder of Markdown pages (default: docs)")
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs config (default: mkdocs.yml)")
    parser.add_argument("--format", choices=("text", "json"), default="text", dest="output_format")
    parser.add_argument("--today", type=_date, help="check review dates as of this date (YYYY-MM-DD)")
    parser.add_argument("--registry", type=Path, help="the published URLs to keep working "
                        f"(default: {REGISTRY_NAME} beside the docs folder, if it exists)")
    parser.add_argument("--triggers", type=Path, help="the trigger table the cards name "
                        "(default: the site's, weaning_breast_health/triggers.yml)")
    parser.add_argument("--write-registry", action="store_true",
                        help="add every URL and anchor the pages publish now to the registry, and stop")
    parser.add_argument("--rules", action="store_true", help="print the rule table and stop")
    recording = parser.add_mutually_exclusive_group()
    recording.add_argument("--record-check", metavar="PAGE", type=Path,
                           help=f"record in {LEDGER_NAME} that PAGE was checked against its sources "
                           "today (sets last_reviewed and next_review), and stop")
    recording.add_argument("--record-editorial", metavar="PAGE", type=Path,
                           help="record a change to PAGE that alters no fact (keeps its date); needs --reason")
    recording.add_argument("--record-clinical-review", metavar="PAGE", type=Path,
                           help="record a clinical review of PAGE by the role given with --by")
    recording.add_argument("--record-translation", metavar="PAGE", type=Path,
                           help="record that translated PAGE now matches its English page as it "
                           "is today (its fingerprint and date), and stop")
    parser.add_argument("--by", default=EDITORIAL_TEAM, help=f"who checked or reviewed (a role, "
                        f"never an invented person; default: {EDITORIAL_TEAM})")
    parser.add_argument("--reason", help="what an editorial change changed, and why it alters no fact")
    args = parser.parse_args(argv)
    if args.rules:
        print(rules_table())
        return 0
    docs_dir = Path(args.docs_dir)
    try:
        if not docs_dir.is_dir():
            raise UsageError(f"docs folder {args.docs_dir!r} does not exist or is not a folder")
        if args.record_check or args.record_editorial or args.record_clinical_review:
            return record_in_ledger(parser, args, docs_dir)
        if args.record_translation:
            if not args.record_translation.is_file() or \
                    docs_dir.resolve() not in args.record_translation.resolve().parents:
                raise UsageError(f"{args.record_translation} is not a page in {docs_dir}")
            fingerprint = record_translation(docs_dir, args.record_translation,
                                             args.today or datetime.date.today(), trigger_table(args))
            print(f"Recorded in {args.record_translation}: translates "
                  f"fingerprint {fingerprint} of its English page", file=sys.stderr)
            return 0
        if args.write_registry:
            registry = args.registry or default_registry(docs_dir)
            added = write_registry(registry, read_pages(docs_dir, load_site_settings(Path(args.config))))
            print(f"Added {len(added)} entr{'y' if len(added) == 1 else 'ies'} to {registry}",
                  file=sys.stderr)
            return 0
        problems = read_and_check_site(docs_dir, Path(args.config), args.today, args.docs_dir,
                                       args.registry, args.triggers).problems
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
