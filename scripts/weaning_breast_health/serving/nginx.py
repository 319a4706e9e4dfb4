"""The production nginx configuration (serving/nginx/site.conf), rendered and run.

    python -m weaning_breast_health.serving.nginx config SITE_ROOT [--listen 80]  # server block to deploy
    python -m weaning_breast_health.serving.nginx serve SITE_DIR [--port 8080]    # preview as readers get it

`serve`, the tests and the benchmark run Debian's nginx from a temporary folder as the
current user, in the foreground; nothing needs root or systemd. nginx sends the .gz and
.br files the build writes beside each text file (gzip_static, brotli_static), and
compresses anything else on the fly; brotli needs Debian's libnginx-mod-http-brotli-filter
and libnginx-mod-http-brotli-static (.ci/run installs them, and the tests require them).
"""

import argparse
import getpass
import grp
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..editions import not_found_page
from ..publish import headers as security_headers
from ..vocabulary import TRANSLATIONS

TEMPLATES = Path(__file__).resolve().parent / "nginx"
NGINX_CANDIDATES = ("nginx", "/usr/sbin/nginx")
BROTLI_MODULES = (Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so"),
                  Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"))
INSTALL_HINT = ("nginx is not installed: install Debian's nginx (sudo apt-get install nginx); "
                ".ci/run installs it")
COMPRESSED_TYPES = ("text/css text/plain text/xml application/javascript application/json "
                    "application/xml image/svg+xml application/manifest+json")
BROTLI = f"""
    brotli on;
    brotli_static on;
    brotli_comp_level 6;
    brotli_types {COMPRESSED_TYPES};
"""


class NginxError(RuntimeError):
    """nginx is missing, or would not start."""


def find_nginx() -> str:
    for candidate in NGINX_CANDIDATES:
        if found := shutil.which(candidate):
            return found
    raise NginxError(INSTALL_HINT)


def has_brotli() -> bool:
    """Whether Debian's brotli modules for nginx (on the fly and static) are installed."""
    return all(module.is_file() for module in BROTLI_MODULES)


def render(template: str, **values: str) -> str:
    """A template from serving/nginx/ with its @NAME@ placeholders filled in."""
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@{name.upper()}@", value)
    return text


def site_conf(root: Path, listen: str, brotli: bool) -> str:
    """The server block serving the built site in root."""
    return render("site.conf", root=str(root), listen=listen, brotli=BROTLI if brotli else "",
                  translations=translation_locations())


def translation_locations() -> str:
    """A location for each translation's folder, with its own page for a missing address."""
    return "".join(f"    location /{translation.folder}/ {{\n"
                   f"        error_page 404 /{not_found_page(f'/{translation.folder}/x')};\n"
                   "    }\n" for translation in TRANSLATIONS.values())


def standalone_conf(prefix: Path) -> str:
    """A whole nginx.conf running prefix/site.conf as the current user, logs in prefix."""
    user = ""
    if os.geteuid() == 0:  # root's workers would otherwise drop to nobody
        user = f"user {getpass.getuser()} {grp.getgrgid(os.getegid()).gr_name};"
    modules = "".join(f"load_module {module};\n" for module in BROTLI_MODULES) if has_brotli() else ""
    return render("standalone.conf", prefix=str(prefix), user=user, modules=modules)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_nginx(site_dir: Path, port: int | None = None) -> Iterator[str]:
    """Serve site_dir (with its nginx-headers.conf) on 127.0.0.1; yields the base URL."""
    site_dir = Path(site_dir).resolve()
    if not (site_dir / security_headers.NGINX_FILE).is_file():
        raise NginxError(f"{site_dir} has no {security_headers.NGINX_FILE}: build the site "
                         "(the build writes it) or run publish-site on it")
    nginx = find_nginx()
    port = port or free_port()
    with tempfile.TemporaryDirectory(prefix="nginx-") as folder:
        prefix = Path(folder)
        (prefix / "site.conf").write_text(site_conf(site_dir, f"127.0.0.1:{port}", has_brotli()))
        (prefix / "nginx.conf").write_text(standalone_conf(prefix))
        command = [nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
                   "-e", str(prefix / "error.log"), "-g", "daemon off;"]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _wait_until_listening(process, port, prefix / "error.log")
            yield f"http://127.0.0.1:{port}/"
        finally:
            process.terminate()
            process.wait(timeout=10)


def _wait_until_listening(process: subprocess.Popen, port: int, error_log: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = error_log.read_text() if error_log.exists() else process.stderr.read().decode()
            raise NginxError(f"nginx exited with status {process.returncode}:\n{log}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise NginxError(f"nginx did not listen on port {port} within 10 s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    config = commands.add_parser("config", help="print the server block for SITE_ROOT")
    config.add_argument("site_root", type=Path, help="where the built site will live")
    config.add_argument("--listen", default="80")
    config.add_argument("--brotli", action=argparse.BooleanOptionalAction, default=has_brotli(),
                        help="compress with brotli too (default: when the module is installed)")
    serve = commands.add_parser("serve", help="serve a built site on 127.0.0.1")
    serve.add_argument("site_dir", type=Path)
    serve.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    if args.command == "config":
        print(site_conf(args.site_root, args.listen, args.brotli), end="")
        return
    try:
        with running_nginx(args.site_dir, args.port) as url:
            print(f"Serving {args.site_dir} at {url} with the production configuration; "
                  "Ctrl+C stops.", flush=True)
            while True:
                time.sleep(3600)
    except NginxError as error:
        sys.exit(str(error))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
