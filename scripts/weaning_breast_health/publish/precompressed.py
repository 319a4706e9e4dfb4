"""Pre-compressed copies of the built site's text files, for servers that send them as
they are (nginx's brotli_static and gzip_static, Netlify, Cloudflare Pages): FILE.br and
FILE.gz beside each FILE, written once at build rather than on every request."""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

# What readers download as text; images other than SVG are compressed already, and
# Material's source maps (.map) are fetched only by a developer's tools.
TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"})
PRECOMPRESSED_SUFFIXES = (".br", ".gz")  # the copies beside a file: FILE.br, FILE.gz
MIN_BYTES = 256  # below this the headers outweigh the saving (as nginx's gzip_min_length)
# Levels a build can afford on every run (brotli 11 takes 50 times as long for 12% less;
# gzip 9 took 2.5 times as long as 6 for 0.5% less, on the 100-article synthetic site).
BROTLI_QUALITY = 6
GZIP_LEVEL = 6


def write_precompressed(site_dir: Path, except_folders: Iterable[str] = ()) -> int:
    """Write FILE.br and FILE.gz beside every text file of the site (but those in
    except_folders, folders of site_dir) that they make smaller; return how many files got
    them."""
    skipped = [site_dir / name for name in except_folders]
    return write_precompressed_files(
        path for path in sorted(site_dir.rglob("*")) if path.suffix in TEXT_SUFFIXES
        and path.is_file() and not any(path.is_relative_to(folder) for folder in skipped))


def write_precompressed_files(paths: Iterable[Path]) -> int:
    """Write FILE.br and FILE.gz beside each of these files that is text, where they make
    it smaller; return how many files got them. Files are compressed on every core at once
    (brotli and zlib let go of Python's lock while they work)."""
    texts = [path for path in paths if path.suffix in TEXT_SUFFIXES]
    with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
        return sum(pool.map(write_compressed_copies, texts))


def write_compressed_copies(path: Path) -> bool:
    """Write path.br and path.gz where they are smaller than path; whether path was
    large enough to try."""
    data = path.read_bytes()
    if len(data) < MIN_BYTES:
        return False
    for suffix, packed in ((".br", brotli.compress(data, quality=BROTLI_QUALITY)),
                           (".gz", gzip.compress(data, GZIP_LEVEL, mtime=0))):
        if len(packed) < len(data):
            path.with_name(path.name + suffix).write_bytes(packed)
    return True
