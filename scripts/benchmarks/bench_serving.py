"""Benchmark serving: `python scripts/benchmarks/bench_serving.py [SITE_DIR]` (default site/).

Serves the built site with the production nginx configuration twice in one run: first
without the .br/.gz files the build writes (nginx compresses each response on the fly,
the baseline), then as built (brotli_static and gzip_static send them as they are). For an
article and the search index it prints requests per second under the same load (wrk,
50 connections, 4 s, Accept-Encoding: br, gzip; Debian's wrk) and the bytes of one response.
Figures, not a test: the machine is shared and noisy.
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from weaning_breast_health.publish.precompressed import PRECOMPRESSED_SUFFIXES
from weaning_breast_health.serving.nginx import running_nginx

PATHS = ["mastitis/", "search/search_index.json", "zh/search/search_index.json"]
CONNECTIONS, SECONDS = 50, 4


def requests_per_second(url: str) -> float:
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit("wrk not installed: sudo apt-get install wrk")
    result = subprocess.run([wrk, "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s",
                             "-H", "Accept-Encoding: br, gzip", url],
                            capture_output=True, text=True, check=True)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def response_bytes(url: str) -> int:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "br, gzip"})
    with urllib.request.urlopen(request) as response:
        return len(response.read())


def measure(site: Path) -> dict[str, tuple[float, int]]:
    with running_nginx(site) as base:
        return {path: (requests_per_second(base + path), response_bytes(base + path))
                for path in PATHS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, nargs="?", default=Path("site"))
    site = parser.parse_args().site_dir.resolve()
    with tempfile.TemporaryDirectory() as folder:
        on_the_fly = Path(folder) / "site"
        copies = [f"*{suffix}" for suffix in PRECOMPRESSED_SUFFIXES]  # FILE.br, FILE.gz
        shutil.copytree(site, on_the_fly, ignore=shutil.ignore_patterns(*copies))
        before = measure(on_the_fly)
    after = measure(site)
    print(f"{'path':32} {'on the fly':>18} {'pre-compressed':>18}  ratio   bytes")
    for path in PATHS:
        (old_rate, old_bytes), (new_rate, new_bytes) = before[path], after[path]
        print(f"{path:32} {old_rate:12.0f} req/s {new_rate:12.0f} req/s {new_rate / old_rate:6.1f}x"
              f"  {old_bytes} -> {new_bytes} ({new_bytes / old_bytes - 1:+.0%})")


if __name__ == "__main__":
    main()
