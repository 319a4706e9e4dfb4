"""An editor's mistake in the build and in `serve`: the checker's message and a one-line
summary, never a traceback; `serve` keeps serving and recovers once the file is fixed."""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from support import ROOT, builder_environment, free_port, small_site, strict_build

GOLDEN = ROOT / "tests" / "checker" / "rules"
# Values that used to crash the build in MkDocs or a template, or are easy to type.
BAD_VALUES = ["FM004-hide-entry", "FM004-mapping-for-a-list", "FM004-number-for-a-list",
              "FM004-number-for-text", "FM004-text-for-a-mapping", "FM004-wrong-type",
              "FM007-bad-date", "FM007-date-with-slashes", "FM007-date-with-time",
              "FM007-impossible-date", "FM007-quoted-date"]
TIMEOUT = 30  # seconds for a server to start, rebuild or stop


# However a strict build is run, a content problem fails it: MkDocs drops warnings under
# --quiet before strict mode counts them (mkdocs/mkdocs#4126), so the hook raises an error.
STRICT_BUILDS = {"--strict": ["--strict"], "--strict --quiet": ["--strict", "--quiet"],
                 "--strict --verbose": ["--strict", "--verbose"], "strict: true": []}
# What once built with exit 0 under --strict --quiet.
REPORTED_BY_EVERY_STRICT_BUILD = ["FM007-bad-date", "FM007-date-with-slashes",
                                  "FM007-date-with-time", "FM007-impossible-date",
                                  "FM015-source-year"]


def reported_problems(stderr: str) -> list[str]:
    """The lines of a failed build's error, without the log prefix."""
    lines = stderr.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("ERROR"))
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return [lines[start].split(" -  ", 1)[1], *lines[start + 1:end]]


def build_with_problems(folder: str, tmp_path, flags: list[str], builder: str = "properdocs"):
    config = small_site(tmp_path)
    if not flags:
        config.write_text(config.read_text() + "strict: true\n")
    shutil.copytree(GOLDEN / folder / "docs", tmp_path / "docs", dirs_exist_ok=True)
    return subprocess.run([sys.executable, "-m", builder, "build", *flags, "--config-file",
                           str(config), "--site-dir", str(tmp_path / "site")],
                          cwd=tmp_path, env=builder_environment(), capture_output=True, text=True)


def expected_report(folder: str) -> list[str]:
    expected = (GOLDEN / folder / "expected.txt").read_text().splitlines()
    count = len(expected)
    return [*expected, f"content checker: {count} problem{'s' * (count != 1)} found"]


@pytest.mark.parametrize("folder", BAD_VALUES)
def test_a_bad_front_matter_value_fails_the_build_with_the_checkers_message(folder, tmp_path):
    build = build_with_problems(folder, tmp_path, ["--strict"])
    assert build.returncode == 1
    assert "Traceback" not in build.stderr
    assert reported_problems(build.stderr) == expected_report(folder)


@pytest.mark.parametrize("how", STRICT_BUILDS)
def test_a_strict_build_fails_on_a_content_problem_however_it_is_run(how, tmp_path):
    build = build_with_problems("FM007-impossible-date", tmp_path, STRICT_BUILDS[how])
    assert (build.returncode, reported_problems(build.stderr)) == (
        1, expected_report("FM007-impossible-date"))


@pytest.mark.parametrize("folder", REPORTED_BY_EVERY_STRICT_BUILD)
def test_a_quiet_strict_build_names_every_kind_of_bad_date(folder, tmp_path):
    build = build_with_problems(folder, tmp_path, STRICT_BUILDS["--strict --quiet"])
    assert (build.returncode, reported_problems(build.stderr)) == (1, expected_report(folder))


def test_mkdocs_itself_fails_a_quiet_strict_build_too(tmp_path):
    build = build_with_problems("FM007-impossible-date", tmp_path, ["--strict", "-q"], "mkdocs")
    assert (build.returncode, reported_problems(build.stderr)) == (
        1, expected_report("FM007-impossible-date"))


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def wait_for(condition, what: str):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.2)
    pytest.fail(f"gave up after {TIMEOUT} s waiting for {what}")


def stop(process: subprocess.Popen) -> None:
    """Stop a process started in its own session, and whatever it started."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass  # everything in it has stopped
    process.wait(timeout=TIMEOUT)


def test_serve_shows_the_problem_keeps_serving_and_recovers(tmp_path):
    config = small_site(tmp_path)
    alpha = tmp_path / "docs" / "alpha.md"
    good = alpha.read_text()
    port = free_port()
    root = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "properdocs", "serve", "--config-file", str(config),
             "--dev-addr", f"127.0.0.1:{port}"],
            cwd=tmp_path, env=builder_environment(), stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True)
    try:
        wait_for(lambda: get(root + "alpha/")[0] == 200, "the page to be served")
        # In development the catalogue and the page give the address being served.
        assert json.loads(get(root + "api/articles.json")[1])["site_url"] == root
        assert f'<link rel="canonical" href="{root}alpha/">' in get(root + "alpha/")[1]

        alpha.write_text(good.replace("last_reviewed: 2026-11-01", "last_reviewed: 2026-02-30")
                         .replace("sources:\n", "sources: 3\nold_sources:\n")
                         .replace("Alpha is a test article", "Alpha, broken, is a test article"))
        wait_for(lambda: "Alpha, broken" in get(root + "alpha/")[1], "the broken page to be served")
        text = log.read_text()
        assert "docs/alpha.md:6: FM007 last_reviewed 2026-02-30 is not a date that exists" in text
        assert "docs/alpha.md:11: FM004 sources must be a list, not a number" in text
        assert "content checker: 3 problems found" in text

        alpha.write_text(good.replace("Alpha is a test article", "Alpha, fixed, is a test article"))
        wait_for(lambda: "Alpha, fixed" in get(root + "alpha/")[1], "the fixed page to be served")
        assert server.poll() is None
        assert "Traceback" not in log.read_text()
    finally:
        stop(server)


def test_stopping_dev_py_serve_by_its_process_id_stops_the_server(tmp_path):
    port = free_port()
    with (tmp_path / "serve.log").open("w") as output:
        dev = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "dev.py"), "serve", "--dev-addr",
             f"127.0.0.1:{port}"], cwd=ROOT, env=builder_environment(), stdout=output,
            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for(lambda: get(f"http://127.0.0.1:{port}/")[0] == 200, "dev.py serve to serve")
        dev.send_signal(signal.SIGTERM)
        assert dev.wait(timeout=TIMEOUT) == 128 + signal.SIGTERM
        wait_for(lambda: get(f"http://127.0.0.1:{port}/")[0] == 0, "the server to stop")
    finally:
        stop(dev)


def test_a_content_problem_is_reported_once_at_the_top_of_the_test_run(tmp_path):
    for item in ("docs", "overrides", "tests"):
        shutil.copytree(ROOT / item, tmp_path / item, ignore=shutil.ignore_patterns("__pycache__"))
    for item in ("mkdocs.yml", "published-urls.txt", "pyproject.toml"):
        shutil.copy(ROOT / item, tmp_path / item)
    (tmp_path / "scripts").symlink_to(ROOT / "scripts")
    page = tmp_path / "docs" / "mastitis.md"
    page.write_text(re.sub(r"(?m)^last_reviewed: .*$", "last_reviewed: 2026-02-30", page.read_text()))
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "tests/build/test_site_build.py"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=300)
    lines = run.stdout.splitlines()
    problem = "docs/mastitis.md:11: FM007 last_reviewed 2026-02-30 is not a date that exists"
    assert run.returncode == 1
    assert [line for line in lines if problem in line] == [problem]
    assert lines.index(problem) < 5  # near the top, before any test's report
    # Each test that needs clean docs says so in one line that points to the top.
    failures = [line for line in lines if line.startswith(("ERROR ", "FAILED "))]
    # (in each test's report; the summary lines repeat it in full only when $CI is set)
    pointers = [line for line in lines if line.endswith("listed at the top of this run")
                and line not in failures]
    assert len(failures) == len(pointers) == 8
    assert "Traceback" not in run.stdout
