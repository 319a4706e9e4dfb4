"""Fixtures: the real site built once, served on 127.0.0.1, and a Chromium to read it.
Tests that use Chromium are marked `browser`, those that use WebKit `webkit`, and those
that start nginx `nginx`, so `pytest -m "not browser and not webkit and not nginx"` is the
fast loop."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from filelock import FileLock

from support import (ARTIFACTS, CLINIC_SITE_URL, PUBLISHED_FILES, MissingTool, find_chromium,
                     publish_copy, real_docs_problems, serve, strict_build)
from weaning_breast_health.checks import summary

def pytest_sessionstart(session: pytest.Session) -> None:
    """A content problem in the docs is said once, here at the top, with the checker's
    output; the tests that need clean docs (and the built site) then fail in one line.
    Said by the process that reports (with pytest-xdist, not by each worker)."""
    if not hasattr(session.config, "workerinput"):
        if problems := real_docs_problems():
            reporter = session.config.pluginmanager.get_plugin("terminalreporter")
            reporter.write_sep("=", "the docs have content problems", red=True)
            for problem in problems:
                reporter.write_line(str(problem))
            reporter.write_line(f"{summary(problems)}: the tests that need clean docs or the "
                                "built site fail until they are fixed (python3 scripts/dev.py check)")


@pytest.fixture(scope="session")
def clean_docs() -> None:
    """The real docs pass the content checker, or the test fails with one line."""
    if problems := real_docs_problems():
        pytest.fail(f"the docs have content problems ({summary(problems)}), listed at the top "
                    "of this run", pytrace=False)


def made_once(tmp_path_factory, worker_id, name: str, make: Callable[[Path], str | None]) -> Path:
    """The folder `name` of this test run, made once: with pytest-xdist, the first worker
    to ask makes it (make(folder) returns an error message, or None) in the run's shared
    folder while the others wait for it; every later ask gets it, or the same error."""
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent
    folder, failure = shared / name, shared / f"{name}-failed.txt"
    with FileLock(shared / f"{name}.lock"):
        if not folder.exists() and not failure.exists():
            error = make(shared / f"{name}-making")
            if error:
                failure.write_text(error)
            else:
                (shared / f"{name}-making").rename(folder)
    assert not failure.exists(), failure.read_text()
    return folder


@pytest.fixture(scope="session")
def built_site(clean_docs, tmp_path_factory, worker_id) -> Path:
    """The real site, built once per test run."""
    def build(folder: Path) -> str | None:
        result = strict_build(folder)
        return result.stderr if result.returncode else None
    return made_once(tmp_path_factory, worker_id, "site", build)


@pytest.fixture(scope="session")
def clinic_site(built_site, tmp_path_factory, worker_id) -> Path:
    """The built site published again for another address (CLINIC_SITE_URL), as a
    clinic's mirror would be; made once per test run."""
    return made_once(tmp_path_factory, worker_id, "clinic-site",
                     lambda folder: publish_copy(built_site, folder, [], CLINIC_SITE_URL))


@pytest.fixture(scope="session")
def republished_site(built_site, tmp_path_factory, worker_id) -> Path:
    """A copy of the built site without the files publishing writes (PUBLISHED_FILES),
    which `publish-site` then wrote again, SITE_URL unset as for the build; made once."""
    return made_once(tmp_path_factory, worker_id, "republished-site",
                     lambda folder: publish_copy(built_site, folder, PUBLISHED_FILES))


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    """Base URL of the built site, served on 127.0.0.1."""
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless system Chromium driven by Playwright, kept off the network."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-dev-shm-usage"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def print_page(browser):
    """One Chromium tab for a test module's printing, kept for the module's tests."""
    page = browser.new_page()
    yield page
    page.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """A git-ignored folder for screenshots a person can look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def chromium_path() -> str:
    try:
        return find_chromium()
    except MissingTool as missing:
        pytest.fail(str(missing))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by the tools it needs, from the fixtures it uses; tests marked
    `long_running` (and their xdist group) go first, so no worker is left with one at the
    end while the other idles."""
    items.sort(key=lambda item: item.get_closest_marker("long_running") is None)
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        if "nginx_url" in fixtures:
            item.add_marker(pytest.mark.nginx)
        if "webkit" in fixtures:
            item.add_marker(pytest.mark.webkit)
