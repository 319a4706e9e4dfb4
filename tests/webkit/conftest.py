"""WebKit, Safari's engine (every browser on an iPhone uses it): WebKitGTK's WebDriver,
driven with Selenium on a virtual screen (Xvfb). Tests that use it are marked `webkit` and
run on one worker, which starts one Xvfb and one WebKit for them all."""

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import MissingTool, serve

INSTALL = ("Install Debian's webkit2gtk-driver and xvfb (sudo apt-get install webkit2gtk-driver "
           "xvfb). .ci/run installs them.")
# Records every script error from the first line of the page on, so a test can read them.
ERROR_RECORDER = (b"<script>window.scriptErrors=[];addEventListener('error',function(e){"
                  b"scriptErrors.push(String(e.message||e.type))},true);"
                  b"addEventListener('unhandledrejection',function(e){"
                  b"scriptErrors.push(String(e.reason))})</script>")
SCREEN_TIMEOUT = 10  # seconds for Xvfb to start


def find_tool(name: str) -> str:
    if found := shutil.which(name):
        return found
    raise MissingTool(f"No {name} found. {INSTALL}")


@pytest.fixture(scope="session")
def virtual_screen() -> Iterator[str]:
    """An X display of our own, for WebKitGTK's window."""
    try:
        xvfb = find_tool("Xvfb")
    except MissingTool as missing:
        pytest.fail(str(missing), pytrace=False)
    read, write = os.pipe()  # Xvfb writes its display number here once it accepts clients
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", "1280x1024x24",
                               "-nolisten", "tcp"], pass_fds=[write], stderr=subprocess.DEVNULL)
    os.close(write)
    deadline = time.monotonic() + SCREEN_TIMEOUT
    number = b""
    while not number.endswith(b"\n") and time.monotonic() < deadline:
        number += os.read(read, 16)
    os.close(read)
    if not number.strip():
        server.kill()
        pytest.fail(f"Xvfb did not start within {SCREEN_TIMEOUT} s", pytrace=False)
    yield f":{number.decode().strip()}"
    server.terminate()
    server.wait()


@pytest.fixture(scope="session")
def webkit(virtual_screen):
    """One WebKitGTK window for the session, through WebKitWebDriver."""
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    try:
        driver_path = find_tool("WebKitWebDriver")
    except MissingTool as missing:
        pytest.fail(str(missing), pytrace=False)
    service = Service(executable_path=driver_path, env={**os.environ, "DISPLAY": virtual_screen})
    driver = webdriver.WebKitGTK(options=Options(), service=service)
    driver.set_window_size(390, 844)  # an iPhone's width
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def webkit_site_url(built_site, tmp_path_factory) -> Iterator[str]:
    """The built site, with the script-error recorder first in every page's head, served."""
    site = tmp_path_factory.mktemp("webkit") / "site"
    shutil.copytree(built_site, site)
    for html in site.rglob("*.html"):
        text = html.read_bytes()
        html.write_bytes(text.replace(b"<head>", b"<head>" + ERROR_RECORDER, 1))
    server, url = serve(site)
    yield url
    server.shutdown()
