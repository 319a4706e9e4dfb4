"""Benchmark the content checker on synthetic corpora: `python scripts/benchmarks/bench_checker.py`.

Prints, for corpora of 1,000 and 10,000 valid articles (5 cross-links and 2 care cards
each), the checker's time next to two baselines measured in the same run: reading the
files (the floor) and rendering every page with the site's Markdown settings (the
checker renders each page once, for the readability rules). The checker runs twice: with
an empty readability cache (every grade computed, textstat's pronunciation dictionary
loaded), then again with the grades it cached, as an editor's next run finds them. Targets:
1,000 articles in at most 2 s, 10,000 in at most 15 s, growing linearly. Figures, not a
test: the machines are shared and noisy.
"""

import argparse
import datetime
import tempfile
import time
from pathlib import Path

from weaning_breast_health.checks import evidence, read_and_check_site
from weaning_breast_health.quality import readability
from weaning_breast_health.settings import SiteSettings, load_site_settings
from synthetic_corpus import write_corpus

ROOT = Path(__file__).resolve().parents[2]
TARGETS = {1_000: 2.0, 10_000: 15.0}


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def read_all(docs: Path) -> int:
    return sum(len(path.read_bytes()) for path in docs.rglob("*.md"))


def render_all(docs: Path, settings: SiteSettings) -> int:
    converter = settings.markdown()
    total = 0
    for path in docs.rglob("*.md"):
        converter.reset()
        total += len(converter.convert(path.read_text(encoding="utf-8")))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=sorted(TARGETS))
    args = parser.parse_args()
    settings = load_site_settings(ROOT / "mkdocs.yml")
    today = datetime.date.today()
    print(f"{'articles':>9} {'read files':>11} {'render all':>11} {'checker, no cache':>18} "
          f"{'checker':>9} {'per 1,000':>10} {'problems':>9} {'target':>8}")
    per_thousand = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            docs = Path(folder) / "docs"
            write_corpus(docs, size, seed=size)
            read_time, _ = timed(lambda: read_all(docs))
            render_time, _ = timed(lambda: render_all(docs, settings))
            # Empty caches: every page rendered, every grade computed.
            readability.GRADES = Path(folder) / "grades"
            readability.READER_BLOCKS = Path(folder) / "reader-text"
            evidence.CLAIM_BLOCKS = Path(folder) / "claim-blocks"
            cold_time, _ = timed(lambda: read_and_check_site(docs, settings, today))
            check_time, problems = timed(lambda: read_and_check_site(docs, settings, today).problems)
        target = TARGETS.get(size)
        verdict = "" if target is None else ("PASS" if check_time <= target else "FAIL") + f" {target:g}s"
        per_thousand.append(check_time / size * 1000)
        print(f"{size:>9,} {read_time:>10.2f}s {render_time:>10.2f}s {cold_time:>17.2f}s "
              f"{check_time:>8.2f}s {per_thousand[-1]:>9.2f}s {len(problems):>9} {verdict:>8}")
    if len(per_thousand) > 1:
        print(f"growth: time per 1,000 articles changes by a factor of "
              f"{per_thousand[-1] / per_thousand[0]:.2f} from the smallest to the largest corpus "
              "(1.00 is perfectly linear)")


if __name__ == "__main__":
    main()
