"""Tighten the HTML of a built site and write precompressed copies (.gz and .br) of its text files.

Usage: python scripts/kompres.py SITE_DIR   (make site runs it after the search index)

First, the indentation between tags in every HTML page is reduced to one line break (about a quarter
of a page's bytes): a run of white space between two tags renders as one space or nothing either
way, and ``<pre>``, ``<textarea>``, ``<script>`` and ``<style>`` are left exactly as they are.

nginx (``gzip_static``/``brotli_static``), Apache (mod_rewrite + mod_headers) and IIS (URL Rewrite)
can then send ``page.html.br`` or ``page.html.gz`` to a browser that accepts it, without compressing
on every request (see docs/publikasi/server-web.md). Copies are written only when they are smaller
than the original; copies whose original is gone are removed. gzip uses the standard library
(level 9, no timestamp, so rebuilding the same site gives the same bytes); Brotli uses the pinned
``brotli`` package (quality 11).
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

import brotli

SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map"}
MIN_SIZE = 512  #: bytes; smaller files are not worth a second request path
MAX_RATIO = 0.9  #: keep a copy only when it is at most 90 % of the original


_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_BETWEEN_TAGS = re.compile(r">[ \t]*\n\s*<")


def squeeze(html: str) -> str:
    """HTML with the white space between tags that holds a line break reduced to one line break."""
    parts = _VERBATIM.split(html)
    out = []
    for i in range(0, len(parts), 3):
        text = _BETWEEN_TAGS.sub(">\n<", parts[i])
        if i > 0:  # after a verbatim block, which ends with ">"
            text = re.sub(r"\A[ \t]*\n\s*(?=<|\Z)", "\n", text)
        if i + 1 < len(parts):  # before a verbatim block, which starts with "<"
            text = re.sub(r">[ \t]*\n\s*\Z", ">\n", text)
        out.append(text)
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


def squeeze_pages(site: Path) -> int:
    """Tighten every HTML page of ``site`` in place; returns the bytes saved."""
    saved = 0
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        tight = squeeze(text)
        if tight != text:
            path.write_text(tight, encoding="utf-8")
            saved += len(text.encode()) - len(tight.encode())
    return saved


def compress(data: bytes) -> dict[str, bytes]:
    """The gzip and Brotli forms of ``data``."""
    return {
        ".gz": gzip.compress(data, compresslevel=9, mtime=0),
        ".br": brotli.compress(data, quality=11),
    }


def precompress(site: Path) -> tuple[int, int, int]:
    """Write .gz/.br beside every text file of ``site``; returns (files, bytes, .br bytes)."""
    files = total = packed = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix in {".gz", ".br"}:
            original = path.with_suffix("")
            if not original.is_file() and path.name != "sitemap.xml.gz":
                path.unlink()
            continue
        if path.suffix.lower() not in SUFFIXES or path.stat().st_size < MIN_SIZE:
            continue
        data = path.read_bytes()
        files += 1
        total += len(data)
        for suffix, body in compress(data).items():
            target = path.with_name(path.name + suffix)
            if len(body) <= MAX_RATIO * len(data):
                target.write_bytes(body)
                if suffix == ".br":
                    packed += len(body)
            elif target.exists():
                target.unlink()
    return files, total, packed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tulis salinan .gz dan .br dari situs yang jadi.")
    parser.add_argument("site", type=Path, help="folder hasil build (site/)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"Galat: {args.site}/index.html tidak ada; bangun situs dahulu.", file=sys.stderr)
        return 2
    saved = squeeze_pages(args.site)
    files, total, packed = precompress(args.site)
    print(f"{args.site}: HTML {saved / 1024:.0f} KiB lebih ringkas")
    print(
        f"{args.site}: {files} berkas teks ({total / 1024:.0f} KiB) diberi salinan .gz dan .br "
        f"(.br: {packed / 1024:.0f} KiB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
