"""Benchmark the site against Material's defaults: `python scripts/benchmarks/bench_site.py`.

Builds, in one run, our site and a baseline (the same Markdown under Material's default
configuration: web fonts on, no hooks), serves both with the production nginx
configuration (serving/nginx/site.conf, compressed as readers get them), and prints,
side by side for every article: requests, bytes on first load, third-party requests
and Lighthouse mobile scores; then search index size and time from typing a query to
results, and the bytes the search correction adds to a first search; then build time and output size for the real site and for synthetic corpora of
100 and 1,000 articles, and the content checker's throughput. Each budget is printed
with PASS or FAIL. Figures, not a test: the machine is shared and noisy.

Bytes on first load are what nginx sends (status line, headers and compressed body) for
each request a fresh Chromium makes until the network is idle (and 1 s more, for the
search index), asked again with Chromium's own Accept-Encoding. Our Lighthouse scores
are the median of --runs runs (Lighthouse's advice for noisy machines); the baseline's,
for comparison only, come from one run. Third-party requests are counted as attempted: there is
no network here, so they fail.
"""

import argparse
import http.client
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")  # properdocs' banner, before mkdocs loads
from mkdocs.utils import yaml_load  # noqa: E402
from playwright.sync_api import Browser, sync_playwright

from weaning_breast_health.checks import read_and_check_site
from weaning_breast_health.pages import Page, read_pages
from weaning_breast_health.publish import headers as security_headers
from weaning_breast_health.serving import nginx as nginx_server
from weaning_breast_health.settings import load_site_settings
from weaning_breast_health.urls import page_url
from synthetic_corpus import write_corpus, write_translations

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CONFIG = ROOT / "mkdocs.yml"
CHINESE_CONFIG = ROOT / "mkdocs.zh.yml"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_HINT = "lighthouse not installed: npm install -g lighthouse@13"
SEARCH_QUERY = "mastitis"
CORPUS_SIZES = (100, 1000)
NAV_SECTION_SIZE = 10
MAX_BYTES_SHARE = 0.70
MAX_CORPUS_SECONDS = 15.0
MAX_CORPUS_MEGABYTES = 40.0
MB = 1_000_000
SETTLE_MS = 1000
LOCAL_EXTENSIONS = ("weaning_breast_health.care_cards",)  # ours: the baseline renders without them


@dataclass
class FirstLoad:
    requests: int
    bytes_by_path: dict[str, int]
    third_party: list[str]

    @property
    def bytes(self) -> int:
        return sum(self.bytes_by_path.values())


def budget(passed: bool, text: str) -> None:
    print(f"  {'PASS' if passed else 'FAIL'}  {text}")


def run_mkdocs(config: Path, site_dir: Path, strict: bool = True) -> float:
    """Build with config into site_dir; return the seconds it took."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("SITE_URL", None)
    command = [sys.executable, "-m", "properdocs", "build", "--quiet", "--config-file", str(config),
               "--site-dir", str(site_dir), *(["--strict"] if strict else [])]
    start = time.perf_counter()
    build = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if build.returncode:
        sys.exit(f"build of {config} failed:\n{build.stderr}")
    return seconds


def output_bytes(site_dir: Path) -> int:
    return sum(path.stat().st_size for path in site_dir.rglob("*") if path.is_file())


def real_config() -> dict:
    with CONFIG.open(encoding="utf-8") as file:
        return yaml_load(file)


def baseline_config(folder: Path) -> Path:
    """Material's defaults over the same docs: web fonts on, no hooks, no own extensions."""
    extensions = [entry for entry in real_config()["markdown_extensions"]
                  if (entry if isinstance(entry, str) else next(iter(entry)))
                  not in LOCAL_EXTENSIONS]
    config = {"site_name": "Baseline", "docs_dir": str(DOCS), "theme": {"name": "material"},
              "markdown_extensions": extensions}
    path = folder / "baseline.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def grouped_nav(articles: list[str], size: int = NAV_SECTION_SIZE) -> list:
    """Nest the articles in sections of `size` until the top level fits, as a large site
    would; each section is named after the articles it holds ("Topics 500-509")."""
    groups = [(article, number, number) for number, article in enumerate(articles)]
    while len(groups) > size:
        chunks = [groups[start:start + size] for start in range(0, len(groups), size)]
        groups = [({f"Topics {chunk[0][1]}-{chunk[-1][2]}": [entry for entry, _, _ in chunk]},
                   chunk[0][1], chunk[-1][2]) for chunk in chunks]
    return [entry for entry, _, _ in groups]


def corpus_config(folder: Path, count: int, hooks: bool = True, chinese: bool = False) -> Path:
    """Our real configuration over a synthetic corpus of count articles; with chinese, each
    also in Chinese, built by a mkdocs.zh.yml beside it as the real site's is."""
    docs = folder / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("*.md", "zh"))
    articles = write_corpus(docs, count, seed=count)
    config = real_config()
    config.update(docs_dir=str(docs), nav=["index.md", *grouped_nav(articles)],
                  hooks=[str(ROOT / hook) for hook in config.get("hooks", [])] if hooks
                  else [str(Path(__file__).with_name("templates_only_hook.py"))])
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    if chinese:
        write_translations(docs, articles)
        with CHINESE_CONFIG.open(encoding="utf-8") as file:
            zh = yaml.load(file, Loader=yaml.SafeLoader)
        zh.update(INHERIT=str(path), docs_dir=str(docs / "zh"), site_dir=str(folder / "site" / "zh"),
                  nav=["index.md", *grouped_nav(articles)])
        (folder / "mkdocs.zh.yml").write_text(yaml.safe_dump(zh, sort_keys=False, allow_unicode=True),
                                              encoding="utf-8")
    return path


def article_paths(pages: dict[str, Page]) -> list[str]:
    """The URL path of every article, relative to the site root (sub/index.md -> sub/)."""
    return [page_url(page.rel_path).lstrip("/") for page in pages.values() if page.is_article]


def sent_bytes(url: str, accept_encoding: str) -> int:
    """What nginx sends for url: status line, headers and (compressed) body."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""),
                       headers={"Accept-Encoding": accept_encoding})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    head = f"HTTP/1.1 {response.status} {response.reason}\r\n" + "".join(
        f"{name}: {value}\r\n" for name, value in response.getheaders()) + "\r\n"
    return len(head.encode("latin-1")) + len(body)


def first_load(browser: Browser, url: str) -> FirstLoad:
    """Requests and bytes of one page opened in a fresh Chromium profile."""
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(SETTLE_MS)
    origin = urlsplit(url).netloc
    fetched = [request for request in requests if urlsplit(request.url).scheme in ("http", "https")]
    ours = [(request.url, request.all_headers().get("accept-encoding", "identity"))
            for request in fetched if urlsplit(request.url).netloc == origin]
    context.close()
    return FirstLoad(
        requests=len(fetched),
        bytes_by_path={urlsplit(address).path: sent_bytes(address, accept_encoding)
                       for address, accept_encoding in ours},
        third_party=[request.url for request in fetched if urlsplit(request.url).netloc != origin])


def search_seconds(browser: Browser, url: str, query: str) -> float:
    """From typing query into Material's search box to the first result, on a loaded page
    (the click into the box comes just before, as a reader's would)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    search_box = page.locator("input[data-md-component=search-query]")
    search_box.click()
    start = time.perf_counter()
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for()
    seconds = time.perf_counter() - start
    context.close()
    return seconds


def find_lighthouse() -> str | None:
    local = ROOT / "node_modules" / ".bin" / "lighthouse"
    return shutil.which("lighthouse") or (str(local) if local.exists() else None)


def lighthouse_scores(lighthouse: str, url: str, runs: int) -> dict[str, int]:
    """The median of Lighthouse's mobile scores (0-100) for url over runs runs, by category."""
    scores = [lighthouse_run(lighthouse, url) for _ in range(runs)]
    return {name: statistics.median_low(run[name] for run in scores)
            for name in LIGHTHOUSE_CATEGORIES}


def lighthouse_run(lighthouse: str, url: str) -> dict[str, int]:
    completed = subprocess.run(
        [lighthouse, url, "--quiet", "--output=json", "--output-path=stdout",
         f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
         f"--chrome-flags=--headless=new {' '.join(CHROMIUM_ARGS)}"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
    if completed.returncode:
        raise RuntimeError(f"lighthouse failed on {url}: {completed.stderr[-2000:]}")
    categories = json.loads(completed.stdout)["categories"]
    return {name: round((categories[name]["score"] or 0) * 100) for name in LIGHTHOUSE_CATEGORIES}


def compare_pages(browser: Browser, ours: str, baseline: str, lighthouse: str | None,
                  runs: int) -> None:
    print("\nFirst load of each article in Chromium, served by nginx (ours | Material defaults;"
          " for a Chinese article, its English page with Material's defaults)")
    print(f"{'article':<26} {'requests':>9} {'kB sent':>15} {'share':>6} {'3rd party':>10}"
          + (f" {'Lighthouse mobile: perf a11y best seo':>42}" if lighthouse else ""))
    shares, third_party, perfect, loads = [], [], True, {}
    for path in article_paths(read_pages(DOCS, load_site_settings(CONFIG))):
        # A Chinese page is held to the budget of its English page with Material's defaults.
        english = path.removeprefix("zh/")
        mine, theirs = first_load(browser, ours + path), first_load(browser, baseline + english)
        loads[path] = mine, theirs
        shares.append(mine.bytes / theirs.bytes)
        third_party += mine.third_party
        line = (f"{path:<26} {mine.requests:>4} | {theirs.requests:<3} "
                f"{mine.bytes / 1000:>6.1f} | {theirs.bytes / 1000:<6.1f} {shares[-1]:>5.0%} "
                f"{len(mine.third_party):>4} | {len(theirs.third_party):<3}")
        if lighthouse:
            scores = lighthouse_scores(lighthouse, ours + path, runs)
            base_scores = lighthouse_scores(lighthouse, baseline + path, runs=1)
            perfect &= all(score == 100 for score in scores.values())
            line += "   " + " ".join(f"{scores[name]:>3}" for name in LIGHTHOUSE_CATEGORIES)
            line += " | " + " ".join(f"{base_scores[name]:>3}" for name in LIGHTHOUSE_CATEGORIES)
        print(line, flush=True)
    path, (mine, theirs) = next(iter(loads.items()))
    print(f"Where the bytes of /{path} go (kB sent):")
    for address in sorted({*mine.bytes_by_path, *theirs.bytes_by_path}):
        print(f"  {address:<62} {mine.bytes_by_path.get(address, 0) / 1000:>6.1f} | "
              f"{theirs.bytes_by_path.get(address, 0) / 1000:<6.1f}")
    budget(max(shares) <= MAX_BYTES_SHARE and not third_party,
           f"every article's first load at most {MAX_BYTES_SHARE:.0%} of the baseline's bytes "
           f"(largest: {max(shares):.0%}), with no third-party request ({len(third_party)})")
    if lighthouse:
        budget(perfect, "Lighthouse mobile 100 in all four categories on every article")
    else:
        print(LIGHTHOUSE_HINT)


def compare_search(browser: Browser, ours_dir: Path, baseline_dir: Path, ours: str,
                   baseline: str) -> None:
    print("\nSearch (ours | Material defaults)")
    index = "search/search_index.json"
    print(f"  index: {(ours_dir / index).stat().st_size / 1000:.1f} kB | "
          f"{(baseline_dir / index).stat().st_size / 1000:.1f} kB uncompressed")
    page = article_paths(read_pages(DOCS, load_site_settings(CONFIG)))[0]
    print(f"  typing {SEARCH_QUERY!r} to the first result on /{page} (ours loads Material's "
          "script and the index when the search box is clicked; the baseline has them): "
          f"{search_seconds(browser, ours + page, SEARCH_QUERY) * 1000:.0f} ms | "
          f"{search_seconds(browser, baseline + page, SEARCH_QUERY) * 1000:.0f} ms")


def search_correction_bytes(ours_dir: Path, ours: str) -> None:
    """What the search correction (javascripts/search-correct.js and search/<lang>.json)
    adds: loaded with Material's script on first search, never while a reader only reads."""
    print("\nSearch correction (loads with Material's script, on first use of search)")
    total_raw = total_sent = 0
    for path in ("javascripts/search-correct.js", "search/en.json"):
        raw = (ours_dir / path).stat().st_size
        sent = sent_bytes(ours + path, "gzip, deflate, br")
        total_raw, total_sent = total_raw + raw, total_sent + sent
        print(f"  {path}: {raw / 1000:.1f} kB, {sent / 1000:.1f} kB sent")
    print(f"  added to a first search: {total_raw / 1000:.1f} kB, {total_sent / 1000:.1f} kB sent "
          f"(2 requests); to a page that is only read: 0")


def compare_builds(folder: Path, ours_seconds: float, ours_dir: Path,
                   baseline_seconds: float, baseline_dir: Path) -> None:
    print("\nBuilds (strict, with the content checker and header hooks)")
    print(f"{'site':<32} {'seconds':>8} {'MB written':>11}")
    print(f"{'real site':<32} {ours_seconds:>8.2f} {output_bytes(ours_dir) / MB:>11.1f}")
    print(f"{'real docs, Material defaults':<32} {baseline_seconds:>8.2f} "
          f"{output_bytes(baseline_dir) / MB:>11.1f}")
    for count in CORPUS_SIZES:
        corpus = folder / f"corpus-{count}"
        config = corpus_config(corpus, count)
        seconds = run_mkdocs(config, corpus / "site")
        megabytes = output_bytes(corpus / "site") / MB
        print(f"{f'{count:,} synthetic articles':<32} {seconds:>8.2f} {megabytes:>11.1f}", flush=True)
    both = folder / "corpus-both-languages"
    both_config = corpus_config(both, count, chinese=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    both_seconds = run_mkdocs(both_config, both / "site")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"{f'{count:,} articles, English and Chinese':<32} {both_seconds:>8.2f} "
          f"{output_bytes(both / 'site') / MB:>11.1f}   (peak memory "
          f"{max(peak, before) / 1024:.0f} MB; {both_seconds / seconds:.1f}x the English build)")
    plain = folder / "corpus-no-hooks"
    plain_seconds = run_mkdocs(corpus_config(plain, count, hooks=False), plain / "site")
    print(f"{f'{count:,} articles, no hooks':<32} {plain_seconds:>8.2f} "
          f"{output_bytes(plain / 'site') / MB:>11.1f}")
    start = time.perf_counter()
    problems = read_and_check_site(corpus / "docs", config).problems
    checker = time.perf_counter() - start
    print(f"hooks (checker, catalogue, headers): {(seconds - plain_seconds) / seconds:.0%} of the "
          f"{count:,}-article build; the content checker alone: {checker:.2f} s "
          f"({count / checker:,.0f} articles/s, {checker / seconds:.0%}), {len(problems)} problems")
    budget(seconds <= MAX_CORPUS_SECONDS and megabytes <= MAX_CORPUS_MEGABYTES,
           f"{count:,} articles build in at most {MAX_CORPUS_SECONDS:g} s ({seconds:.1f} s) "
           f"with at most {MAX_CORPUS_MEGABYTES:g} MB of output ({megabytes:.1f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median)")
    args = parser.parse_args()
    lighthouse = find_lighthouse()
    if not lighthouse:
        print(LIGHTHOUSE_HINT)
    with tempfile.TemporaryDirectory(prefix="bench-site-") as folder_name:
        folder = Path(folder_name)
        ours_dir, baseline_dir = folder / "ours", folder / "baseline"
        ours_seconds = run_mkdocs(CONFIG, ours_dir)
        baseline_seconds = run_mkdocs(baseline_config(folder), baseline_dir, strict=False)
        # The baseline gets the same compression and caching, and no security headers.
        (baseline_dir / security_headers.NGINX_FILE).write_text(security_headers.nginx_include({}))
        with (nginx_server.running_nginx(ours_dir) as ours,
              nginx_server.running_nginx(baseline_dir) as baseline,
              sync_playwright() as playwright):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            compare_pages(browser, ours, baseline, lighthouse, args.runs)
            compare_search(browser, ours_dir, baseline_dir, ours, baseline)
            search_correction_bytes(ours_dir, ours)
            browser.close()
        compare_builds(folder, ours_seconds, ours_dir, baseline_seconds, baseline_dir)


if __name__ == "__main__":
    main()
