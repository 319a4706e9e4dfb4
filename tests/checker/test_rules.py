"""The content checker, rule by rule: each golden folder breaks one rule.

tests/checker/base/docs is a small valid site. Each folder under tests/checker/rules/
and tests/checker/bad-input/ holds docs/ files laid over that base, and expected.txt:
the exact lines the checker must print. A folder may also hold its own mkdocs.yml (used
instead of the real one), published-urls.txt (the registry) and triggers.yml (used instead
of the base's trigger table, tests/checker/base/triggers.yml). All run as of CHECK_DATE.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import CHECK_DATE, CONFIG, ROOT
from weaning_breast_health.checks import cli
from weaning_breast_health.checks.rules import RULES, rules_table
from weaning_breast_health.checks.site_settings import is_published
from weaning_breast_health.pages import Page
from weaning_breast_health.pages.fingerprint import content_fingerprint
from weaning_breast_health.pages.headings import compute_heading_ids
from weaning_breast_health.pages.scanner import scan_body
from weaning_breast_health.settings import load_site_settings

GOLDEN = ROOT / "tests" / "checker"
RULE_FOLDERS = sorted((GOLDEN / "rules").iterdir()) + sorted((GOLDEN / "bad-input").iterdir())


def build_site(tmp_path: Path, overlay: Path | None = None) -> Path:
    """The base site in tmp_path/docs, and its trigger table, with an overlay's files laid
    over tmp_path. An overlay holding a file named base-zh gets the base's Chinese
    translation first."""
    docs = tmp_path / "docs"
    shutil.copytree(GOLDEN / "base" / "docs", docs)
    shutil.copy(GOLDEN / "base" / "triggers.yml", tmp_path)
    if overlay is not None:
        if (overlay / "base-zh").exists():
            shutil.copytree(GOLDEN / "base-zh", tmp_path, dirs_exist_ok=True)
        shutil.copytree(overlay, tmp_path, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("expected.txt", "base-zh"))
    return docs


def run_checker(tmp_path: Path, capsys, *extra: str) -> tuple[int, str, str]:
    """Run the command in tmp_path as a user would, returning (exit code, stdout, stderr).
    The checker reads the base's trigger table, or a folder's own triggers.yml."""
    config = tmp_path / "mkdocs.yml" if (tmp_path / "mkdocs.yml").exists() else CONFIG
    table = ["--triggers", "triggers.yml"]
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        code = cli.main(["docs", "--config", str(config), "--today", CHECK_DATE, *table, *extra])
    except SystemExit as stop:
        code = stop.code
    finally:
        os.chdir(cwd)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_base_site_is_clean(tmp_path, capsys):
    build_site(tmp_path)
    assert run_checker(tmp_path, capsys) == (0, "", "No problems found\n")


@pytest.mark.parametrize("folder", RULE_FOLDERS, ids=[folder.name for folder in RULE_FOLDERS])
def test_each_rule_reports_its_exact_messages(folder, tmp_path, capsys):
    build_site(tmp_path, folder)
    expected = (folder / "expected.txt").read_text()
    code, out, err = run_checker(tmp_path, capsys)
    assert out == expected
    assert code == 1
    count = len(expected.splitlines())
    assert err == f"{count} problem{'s' if count != 1 else ''} found\n"
    assert {line.split(" ")[1] for line in out.splitlines()} == {folder.name.split("-")[0]}


def test_json_output_carries_path_line_code_and_message(tmp_path, capsys):
    build_site(tmp_path, GOLDEN / "rules" / "LNK001-broken-link")
    code, out, _ = run_checker(tmp_path, capsys, "--format", "json")
    assert code == 1
    assert json.loads(out)[0] == {
        "path": "docs/alpha.md", "line": 39, "code": "LNK001",
        "message": "link to 'epsilon.md', which does not exist in the docs"}


def test_a_ten_megabyte_line_is_reported_not_fatal(tmp_path, capsys):
    docs = build_site(tmp_path)
    with (docs / "alpha.md").open("a") as page:
        page.write("x" * 10_000_000 + "\n")
    code, out, _ = run_checker(tmp_path, capsys)
    assert (code, out) == (1, "docs/alpha.md:51: IN005 line is 10,000,000 characters long "
                              "(at most 20,000); it was not checked\n")


def test_an_unreadable_file_is_reported(tmp_path, capsys):
    docs = build_site(tmp_path)
    (docs / "epsilon.md").symlink_to(tmp_path / "nowhere.md")
    code, out, _ = run_checker(tmp_path, capsys)
    assert (code, out) == (1, "docs/epsilon.md:1: IN001 cannot read file: No such file or directory\n")


def test_a_missing_docs_folder_is_a_usage_error(tmp_path, capsys):
    code, out, err = run_checker(tmp_path, capsys)
    assert (code, out) == (2, "")
    assert err.endswith("check-content: error: docs folder 'docs' does not exist or is not a folder\n")


def test_an_invalid_mkdocs_yml_is_a_usage_error(tmp_path, capsys):
    build_site(tmp_path)
    (tmp_path / "bad.yml").write_text("site_name: [unclosed\n")
    with pytest.raises(SystemExit) as stop:
        cli.main([str(tmp_path / "docs"), "--config", str(tmp_path / "bad.yml")])
    assert stop.value.code == 2
    assert capsys.readouterr().err == (
        f"check-content: error: {tmp_path / 'bad.yml'}:2: invalid YAML: "
        "expected ',' or ']', but got '<stream end>'\n")


@pytest.mark.parametrize("command", [
    [sys.executable, "-m", "weaning_breast_health.checks.cli"],
    [str(Path(sys.executable).parent / "check-content")],
], ids=["module", "console-script"])
def test_the_command_line_exits_1_with_problems_and_2_on_bad_usage(command, tmp_path):
    build_site(tmp_path, GOLDEN / "rules" / "LNK002-missing-anchor")
    found = subprocess.run([*command, "docs", "--config", str(CONFIG), "--today", CHECK_DATE],
                           cwd=tmp_path, capture_output=True, text=True)
    assert found.returncode == 1
    assert found.stdout == (GOLDEN / "rules" / "LNK002-missing-anchor" / "expected.txt").read_text()
    usage = subprocess.run([*command, "--format", "xml"], cwd=tmp_path, capture_output=True, text=True)
    assert usage.returncode == 2
    assert "invalid choice: 'xml'" in usage.stderr
    assert "Traceback" not in found.stderr + usage.stderr


@pytest.mark.parametrize("sources", [
    ["## Key facts {#key-facts}", "## Key facts", "## Key facts", "### Is it normal? (Yes)",
     "## Café, milk/water", "# It's 38.5 degrees", "## What helps {: #what-helps }"],
    ["## Leaking *milk*", "## A & B", "## `code`", "## Closed ##", "## [Link](x.md)", "## Key facts"],
], ids=["plain-text-shortcut", "inline-markup"])
def test_heading_ids_are_the_ids_python_markdown_renders(sources):
    converter = load_site_settings(CONFIG).markdown()
    page = Page("page.md", "docs/page.md", body_lines=["", *sources])
    scan_body(page)
    compute_heading_ids(page, converter)
    converter.reset()
    rendered = converter.convert("\n\n".join(sources))
    assert page.heading_ids == re.findall(r'<h\d id="([^"]+)"', rendered)


# Input a folder cannot hold (a dangling link, a 10 MB line) is made by a test instead.
TESTED_WITHOUT_FOLDER = {"IN001": "test_an_unreadable_file_is_reported",
                         "IN005": "test_a_ten_megabyte_line_is_reported_not_fatal"}


def test_every_registered_rule_has_a_golden_folder():
    folder_codes = {folder.name.split("-")[0] for folder in RULE_FOLDERS}
    assert sorted(set(RULES) - folder_codes - set(TESTED_WITHOUT_FOLDER)) == []
    assert all(name in globals() for name in TESTED_WITHOUT_FOLDER.values())
    assert sorted(folder_codes - set(RULES)) == []


def test_the_readme_rule_table_is_the_registry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert rules_table() in readme, "regenerate it: python3 scripts/dev.py check --rules"


def test_recording_a_check_after_a_change_sets_the_dates_and_clears_the_problem(tmp_path, capsys):
    build_site(tmp_path, GOLDEN / "rules" / "REV002-changed-since-checked")
    assert run_checker(tmp_path, capsys, "--record-check", "docs/alpha.md")[0] == 0
    code, out, _ = run_checker(tmp_path, capsys)
    assert (code, out) == (0, "")
    page = (tmp_path / "docs" / "alpha.md").read_text()
    assert f"last_reviewed: {CHECK_DATE}\n" in page and "next_review: 2027-12-07\n" in page


def test_an_editorial_change_is_recorded_with_its_reason_and_keeps_the_date(tmp_path, capsys):
    build_site(tmp_path, GOLDEN / "rules" / "REV002-changed-since-checked")
    code, _, err = run_checker(tmp_path, capsys, "--record-editorial", "docs/alpha.md")
    assert (code, err.splitlines()[-1]) == (2, "check-content: error: --record-editorial needs "
                                            "--reason: say what changed and why it alters no fact")
    assert run_checker(tmp_path, capsys, "--record-editorial", "docs/alpha.md",
                       "--reason", "one word clearer")[0] == 0
    assert run_checker(tmp_path, capsys) == (0, "", "No problems found\n")
    assert "last_reviewed: 2026-11-01\n" in (tmp_path / "docs" / "alpha.md").read_text()
    assert "reason: one word clearer" in (tmp_path / "review-ledger.yml").read_text()


def test_a_clinical_review_needs_a_role_and_then_the_page_may_say_so(tmp_path, capsys):
    build_site(tmp_path, GOLDEN / "rules" / "REV004-clinically-reviewed-not-recorded")
    assert run_checker(tmp_path, capsys, "--record-clinical-review", "docs/alpha.md")[0] == 2
    assert run_checker(tmp_path, capsys, "--record-clinical-review", "docs/alpha.md",
                       "--by", "Lactation consultant (IBCLC)")[0] == 0
    page = (tmp_path / "docs" / "alpha.md").read_text()
    assert "  role: Lactation consultant (IBCLC)\n" in page
    assert run_checker(tmp_path, capsys) == (0, "", "No problems found\n")


def test_the_fingerprint_ignores_white_space_and_the_review_record_but_not_words():
    def page(body: str, **meta) -> Page:
        return Page("p.md", "docs/p.md", meta={"title": "P", **meta}, body_lines=body.split("\n"))

    first = content_fingerprint(page("Milk can  leak.\nIt is normal.", last_reviewed="2026-01-01"))
    assert first == content_fingerprint(page("Milk can leak. It is\nnormal.",
                                             last_reviewed="2026-12-01"))
    assert first != content_fingerprint(page("Milk can leak. It is common."))
    assert first != content_fingerprint(page("Milk can leak. It is normal.", title="Q"))


@pytest.mark.parametrize("folder", RULE_FOLDERS, ids=[folder.name for folder in RULE_FOLDERS])
def test_the_json_output_holds_the_same_problems(folder, tmp_path, capsys):
    build_site(tmp_path, folder)
    code, out, _ = run_checker(tmp_path, capsys, "--format", "json")
    assert code == 1
    assert [f"{item['path']}:{item['line']}: {item['code']} {item['message']}"
            for item in json.loads(out)] == (folder / "expected.txt").read_text().splitlines()


def test_serve_and_placeholder_addresses_need_no_real_feedback_route():
    assert not is_published("https://weaning-breast-health.example/")
    assert not is_published("http://127.0.0.1:8000/")  # what `serve` sets site_url to
    assert is_published("https://breast-health.org/")
