"""Benchmark the site against Material's defaults: `python scripts/benchmarks/bench_site.py`.

Builds, in one run, our site and two baselines under Material's default configuration
(web fonts on, no hooks): the same English pages, and the same Chinese pages (theme
language zh). Serves all three with the production nginx configuration
(serving/nginx/site.conf, compressed as readers get them), and prints, side by side for
every article against the baseline in its own language: requests, bytes on first load,
third-party requests and Lighthouse mobile scores; then search index size and time from
typing a query to results, in each language, and the bytes the search correction adds to
a first search; then build time, output size and the build's own peak memory for the real
site and for synthetic corpora (--sizes, 100 and 1,000 articles; the largest in both
languages and without hooks too), and the content checker's throughput. Each budget is
printed with PASS or FAIL. Figures, not a test: the machine is shared and noisy.

Output size is the site as published; the .br and .gz copies that publishing writes
beside each text file for the server (publish/precompressed.py) are the same content
again, so they are shown beside it and not counted against the size budget.
Peak memory is the build process's own (its maximum resident set, measured by a
wrapper process around that build alone), never Chromium's or nginx's.

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
from mkdocs.utils.yaml import get_yaml_loader  # noqa: E402
from playwright.sync_api import Browser, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from weaning_breast_health.checks import read_and_check_site
from weaning_breast_health.pages import Page, read_pages
from weaning_breast_health.publish import headers as security_headers
from weaning_breast_health.publish.precompressed import PRECOMPRESSED_SUFFIXES
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
CHINESE_SEARCH_QUERY = "乳腺炎"
CORPUS_SIZES = (100, 1000)
NAV_SECTION_SIZE = 10
MAX_BYTES_SHARE = 0.70
MAX_CORPUS_SECONDS = 15.0
MAX_CORPUS_MEGABYTES = 40.0
MAX_BOTH_LANGUAGES_FACTOR = 1.3  # the corpus in both languages, against English alone
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


# Runs the command in its argv and, once it has ended, prints its peak memory (kB on
# Linux) and CPU seconds: the only child of this small wrapper is the build, so nothing
# else is counted.
PEAK_MEMORY_WRAPPER = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:]).returncode
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime, file=sys.stderr)
sys.exit(code)
"""


@dataclass
class Build:
    seconds: float
    peak_megabytes: float
    cpu_seconds: float  # steadier than seconds on a shared machine


def run_mkdocs(config: Path, site_dir: Path, strict: bool = True) -> Build:
    """Build with config into site_dir; return the seconds it took and its peak memory."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("SITE_URL", None)
    command = [sys.executable, "-m", "properdocs", "build", "--quiet", "--config-file", str(config),
               "--site-dir", str(site_dir), *(["--strict"] if strict else [])]
    start = time.perf_counter()
    build = subprocess.run([sys.executable, "-c", PEAK_MEMORY_WRAPPER, *command], cwd=ROOT,
                           env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if build.returncode:
        sys.exit(f"build of {config} failed:\n{build.stderr}")
    peak_kilobytes, cpu_seconds = build.stderr.strip().splitlines()[-1].split()
    return Build(seconds, int(peak_kilobytes) / 1024, float(cpu_seconds))


def output_bytes(site_dir: Path) -> int:
    """The site as published: every file but the server's .br and .gz copies."""
    return sum(path.stat().st_size for path in site_dir.rglob("*")
               if path.is_file() and path.suffix not in PRECOMPRESSED_SUFFIXES)


def precompressed_bytes(site_dir: Path) -> int:
    """The .br and .gz copies beside the text files (publish/precompressed.py)."""
    return sum(path.stat().st_size for path in site_dir.rglob("*")
               if path.is_file() and path.suffix in PRECOMPRESSED_SUFFIXES)


def real_config() -> dict:
    with CONFIG.open(encoding="utf-8") as file:
        return yaml_load(file)


def baseline_config(folder: Path, language: str = "en") -> Path:
    """Material's defaults over the same pages of one language (English: docs without
    docs/zh; Chinese: docs/zh): web fonts on, no hooks, no own extensions; for Chinese,
    the theme's language (so Material's search splits the words with jieba)."""
    extensions = [entry for entry in real_config()["markdown_extensions"]
                  if (entry if isinstance(entry, str) else next(iter(entry)))
                  not in LOCAL_EXTENSIONS]
    docs = folder / f"baseline-docs-{language}"
    if language == "en":
        shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("zh"))
    else:
        shutil.copytree(DOCS / language, docs)
    theme = {"name": "material", **({"language": language} if language != "en" else {})}
    config = {"site_name": "Baseline", "docs_dir": str(docs), "theme": theme,
              "markdown_extensions": extensions}
    path = folder / f"baseline-{language}.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
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
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("*.md", "*.evidence.yml", "zh"))
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
        with CHINESE_CONFIG.open(encoding="utf-8") as file:  # its own keys: INHERIT is set below
            zh = yaml.load(file, Loader=get_yaml_loader(yaml.SafeLoader))
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


def search_seconds(browser: Browser, url: str, query: str) -> float | None:
    """From typing query into Material's search box to the first result, on a loaded page
    (the click into the box comes just before, as a reader's would); None when no result
    comes within Playwright's 30 s."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    search_box = page.locator("input[data-md-component=search-query]")
    search_box.click()
    start = time.perf_counter()
    page.keyboard.type(query)
    try:
        page.locator(".md-search-result__item").first.wait_for()
    except PlaywrightTimeoutError:
        context.close()
        return None
    seconds = time.perf_counter() - start
    context.close()
    return seconds


def milliseconds(seconds: float | None) -> str:
    return "no result" if seconds is None else f"{seconds * 1000:.0f} ms"


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


def compare_pages(browser: Browser, ours: str, baselines: dict[str, str], lighthouse: str | None,
                  runs: int) -> None:
    print("\nFirst load of each article in Chromium, served by nginx (ours | Material defaults"
          " over the same pages: English, or Chinese for a Chinese article)")
    print(f"{'article':<26} {'requests':>9} {'kB sent':>15} {'share':>6} {'3rd party':>10}"
          + (f" {'Lighthouse mobile: perf a11y best seo':>42}" if lighthouse else ""))
    shares, third_party, perfect, loads = [], [], True, {}
    for path in article_paths(read_pages(DOCS, load_site_settings(CONFIG))):
        language = "zh" if path.startswith("zh/") else "en"
        baseline = baselines[language]
        theirs_path = path.removeprefix("zh/")
        mine, theirs = first_load(browser, ours + path), first_load(browser, baseline + theirs_path)
        loads[path] = mine, theirs
        shares.append(mine.bytes / theirs.bytes)
        third_party += mine.third_party
        line = (f"{path:<26} {mine.requests:>4} | {theirs.requests:<3} "
                f"{mine.bytes / 1000:>6.1f} | {theirs.bytes / 1000:<6.1f} {shares[-1]:>5.0%} "
                f"{len(mine.third_party):>4} | {len(theirs.third_party):<3}")
        if lighthouse:
            scores = lighthouse_scores(lighthouse, ours + path, runs)
            base_scores = lighthouse_scores(lighthouse, baseline + theirs_path, runs=1)
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


def compare_search(browser: Browser, ours_dir: Path, baseline_dirs: dict[str, Path], ours: str,
                   baselines: dict[str, str]) -> None:
    print("\nSearch (ours | Material defaults over the same pages, in each language)")
    index = "search/search_index.json"
    page = next(path for path in article_paths(read_pages(DOCS, load_site_settings(CONFIG)))
                if not path.startswith("zh/"))
    for language, query in (("en", SEARCH_QUERY), ("zh", CHINESE_SEARCH_QUERY)):
        prefix = "" if language == "en" else f"{language}/"
        print(f"  {language} index: {(ours_dir / prefix / index).stat().st_size / 1000:.1f} kB | "
              f"{(baseline_dirs[language] / index).stat().st_size / 1000:.1f} kB uncompressed")
        print(f"  {language}: typing {query!r} to the first result on /{prefix}{page} (ours loads "
              "Material's script and the index when the search box is clicked; the baseline has "
              f"them): {milliseconds(search_seconds(browser, ours + prefix + page, query))} | "
              f"{milliseconds(search_seconds(browser, baselines[language] + page, query))}")


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


def build_line(name: str, build: Build, site_dir: Path) -> float:
    """Print a build's figures; return its megabytes as published."""
    megabytes = output_bytes(site_dir) / MB
    print(f"{name:<36} {build.seconds:>8.2f} {build.cpu_seconds:>8.2f} {megabytes:>11.1f} "
          f"{precompressed_bytes(site_dir) / MB:>12.1f} {build.peak_megabytes:>9.0f}", flush=True)
    return megabytes


def compare_builds(folder: Path, sizes: list[int], ours: Build, ours_dir: Path,
                   baselines: dict[str, tuple[Build, Path]]) -> None:
    print("\nBuilds (strict, with the content checker and publishing hooks; MB as published, "
          "then the .br and .gz copies beside it; the build's own peak memory)")
    print(f"{'site':<36} {'seconds':>8} {'CPU s':>8} {'MB written':>11} {'+ .br/.gz MB':>12} "
          f"{'peak MB':>9}")
    build_line("real site", ours, ours_dir)
    for language, (build, site_dir) in baselines.items():
        build_line(f"real docs ({language}), Material defaults", build, site_dir)
    for count in sizes:
        corpus = folder / f"corpus-{count}"
        config = corpus_config(corpus, count)
        english = run_mkdocs(config, corpus / "site")
        megabytes = build_line(f"{count:,} synthetic articles", english, corpus / "site")
    both = folder / "corpus-both-languages"
    both_build = run_mkdocs(corpus_config(both, count, chinese=True), both / "site")
    build_line(f"{count:,} articles, English and Chinese", both_build, both / "site")
    plain = folder / "corpus-no-hooks"
    plain_build = run_mkdocs(corpus_config(plain, count, hooks=False), plain / "site")
    build_line(f"{count:,} articles, no hooks", plain_build, plain / "site")
    start = time.perf_counter()
    problems = read_and_check_site(corpus / "docs", config).problems
    checker = time.perf_counter() - start
    print(f"hooks (checker, catalogue, QR codes, search words, headers, compressed copies): "
          f"{(english.seconds - plain_build.seconds) / english.seconds:.0%} of the "
          f"{count:,}-article build; the content checker alone, after the build (its readability "
          f"grades cached): {checker:.2f} s ({count / checker:,.0f} articles/s), "
          f"{len(problems)} problems")
    budget(english.seconds <= MAX_CORPUS_SECONDS and megabytes <= MAX_CORPUS_MEGABYTES,
           f"{count:,} articles build in at most {MAX_CORPUS_SECONDS:g} s ({english.seconds:.1f} s) "
           f"with at most {MAX_CORPUS_MEGABYTES:g} MB of output ({megabytes:.1f} MB, and "
           f"{precompressed_bytes(corpus / 'site') / MB:.1f} MB of .br/.gz copies beside it)")
    budget(both_build.seconds <= MAX_BOTH_LANGUAGES_FACTOR * english.seconds,
           f"the same {count:,} articles in both languages in at most "
           f"{MAX_BOTH_LANGUAGES_FACTOR:g} times the English build's time "
           f"({both_build.seconds / english.seconds:.2f} times)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(CORPUS_SIZES),
                        help="synthetic corpus sizes; the largest is held to the budgets")
    parser.add_argument("--builds-only", action="store_true",
                        help="only the builds: no nginx, Chromium or Lighthouse")
    parser.add_argument("--no-lighthouse", action="store_true",
                        help="first loads and search in Chromium, without Lighthouse's scores")
    args = parser.parse_args()
    lighthouse = None if args.builds_only or args.no_lighthouse else find_lighthouse()
    if not lighthouse and not (args.builds_only or args.no_lighthouse):
        print(LIGHTHOUSE_HINT)
    with tempfile.TemporaryDirectory(prefix="bench-site-") as folder_name:
        folder = Path(folder_name)
        ours_dir = folder / "ours"
        ours = run_mkdocs(CONFIG, ours_dir)
        baselines = {}
        for language in ("en", "zh"):
            site_dir = folder / f"baseline-{language}"
            baselines[language] = run_mkdocs(baseline_config(folder, language), site_dir,
                                             strict=False), site_dir
            # The baselines get the same compression and caching, and no security headers.
            (site_dir / security_headers.NGINX_FILE).write_text(security_headers.nginx_include({}))
        if not args.builds_only:
            with (nginx_server.running_nginx(ours_dir) as ours_url,
                  nginx_server.running_nginx(baselines["en"][1]) as english_url,
                  nginx_server.running_nginx(baselines["zh"][1]) as chinese_url,
                  sync_playwright() as playwright):
                urls = {"en": english_url, "zh": chinese_url}
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                compare_pages(browser, ours_url, urls, lighthouse, args.runs)
                compare_search(browser, ours_dir, {language: site_dir for language, (_, site_dir)
                                                   in baselines.items()}, ours_url, urls)
                search_correction_bytes(ours_dir, ours_url)
                browser.close()
        compare_builds(folder, sorted(args.sizes), ours, ours_dir, baselines)


if __name__ == "__main__":
    main()
