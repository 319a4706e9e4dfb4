"""The test command runs every test file under tests/ (pytest skips folders named build,
dist or venv unless told otherwise: tests/build once went unrun for a month), and tests
that share a costly fixture through an xdist group run on one worker (with pytest 9.2,
pytest-xdist 3.8 silently stopped grouping them: each worker made the fixture again)."""

import re
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


def test_tests_of_one_xdist_group_run_on_one_worker(tmp_path):
    (tmp_path / "test_grouped.py").write_text(
        "import pytest\n"
        "@pytest.mark.xdist_group('shared')\n"
        "@pytest.mark.parametrize('number', range(6))\n"
        "def test_grouped(number):\n"
        "    pass\n")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-v", "--numprocesses=2",
         "--dist=loadgroup", "--rootdir", str(tmp_path), "test_grouped.py"],
        cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr
    workers = re.findall(r"^\[(gw\d)\].*PASSED", run.stdout, flags=re.MULTILINE)
    assert len(workers) == 6 and len(set(workers)) == 1, run.stdout[-2000:]
