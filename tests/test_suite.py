"""The test command runs every test file under tests/ (pytest skips folders named build,
dist or venv unless told otherwise: tests/build once went unrun for a month)."""

import subprocess
import sys

import pytest

from support import ROOT


@pytest.mark.long_running
def test_every_test_file_under_tests_is_collected():
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
         "--numprocesses=0"], cwd=ROOT, capture_output=True, text=True)
    files = {line.split("::")[0] for line in collected.stdout.splitlines() if "::" in line}
    on_disk = {path.relative_to(ROOT).as_posix() for path in (ROOT / "tests").rglob("test_*.py")}
    assert collected.returncode == 0, collected.stdout[-2000:] + collected.stderr
    assert sorted(on_disk - files) == []
