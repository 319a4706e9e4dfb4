"""Set up the project and run it: `python3 scripts/dev.py serve|build|check|test|lock`.

Needs only Python 3.11+ and git. The first run (and any run after requirements.lock
changes) creates .venv and installs the locked, hash-checked dependencies into it.
"""

import argparse
import hashlib
import os
import signal
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / "requirements.lock.sha256"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
# ProperDocs, the maintained fork of MkDocs 1.6: it reads mkdocs.yml, runs the hook and
# builds the same HTML (README, "Runtime").
BUILDER = "properdocs"
# Signals passed on to the command dev.py runs (Windows has no SIGHUP).
FORWARDED_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                          if hasattr(signal, name))


def run(*command: str | Path) -> None:
    """Run a command from the project root; stop with its exit code if it fails.

    A SIGTERM or SIGHUP sent to this process is passed on, so stopping `dev.py serve` by
    its process id stops the server too. Ctrl-C already reaches the command (the terminal
    signals the whole process group), so here it only waits for the command to stop."""
    child = subprocess.Popen([str(part) for part in command], cwd=ROOT)
    for signum in FORWARDED_SIGNALS:
        signal.signal(signum, lambda signum, frame: child.send_signal(signum))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    returncode = child.wait()
    if returncode:
        sys.exit(128 - returncode if returncode < 0 else returncode)


def ensure_environment() -> None:
    """Create .venv and install the lock into it, unless that is already done."""
    lock_hash = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == lock_hash:
        return
    print(f"Setting up {VENV.name} from {LOCK.name} ...", flush=True)
    venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    pip = (BIN / "python", "-m", "pip", "--disable-pip-version-check", "install", "--quiet")
    run(*pip, "--require-hashes", "--requirement", LOCK)
    run(*pip, "--no-deps", "--no-build-isolation", "--editable", ROOT)
    STAMP.write_text(lock_hash)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["serve", "build", "check", "test", "lock"])
    parser.add_argument("extra", nargs=argparse.REMAINDER, help="passed on to the tool")
    args = parser.parse_args(argv)
    ensure_environment()
    # Hide the banners about MkDocs 2 that Material and ProperDocs print on every build.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    if args.command == "serve":
        run(BIN / BUILDER, "serve", "--config-file", "mkdocs.yml", "--dev-addr", "127.0.0.1:8000",
            *args.extra)
    elif args.command == "build":
        run(BIN / BUILDER, "build", "--strict", "--config-file", "mkdocs.yml", *args.extra)
    elif args.command == "check":
        run(BIN / "check-content", *args.extra)
    elif args.command == "test":
        run(BIN / "python", "-m", "pytest", *args.extra)
    else:
        run(BIN / "pip-compile", "--quiet", "--generate-hashes", "--allow-unsafe",
            "--strip-extras", "--no-emit-index-url", "--no-emit-find-links",
            "--extra", "test", "--extra", "lock",
            "--output-file", LOCK.name, "pyproject.toml", *args.extra)


if __name__ == "__main__":
    main()
