"""Write a copy of Material's JavaScript bundle with its two CDN fallbacks removed.

Material for MkDocs hard-codes two unpkg.com URLs in its bundle: a ResizeObserver polyfill (only
loaded by browsers older than 2020) and Mermaid (only loaded for diagrams, which this guide does not
use). The intranet rule is that shipped JavaScript names no outside host, so this script writes the
bundle into ``overrides/`` (the theme's ``custom_dir``) with both URLs replaced by empty inline
scripts, plus an empty source map. Run it again after upgrading mkdocs-material; the site test
fails if the override no longer matches the installed bundle.

Usage: python scripts/patch_material_bundle.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import material

CDN = re.compile(r"https://unpkg\.com/[A-Za-z0-9@._/-]+")
EMPTY = "data:text/javascript,"


def main() -> int:
    src_dir = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    bundles = sorted(src_dir.glob("bundle.*.min.js"))
    if len(bundles) != 1:
        print(f"Expected one bundle in {src_dir}, found {len(bundles)}", file=sys.stderr)
        return 1
    bundle = bundles[0]
    text = bundle.read_text(encoding="utf-8")
    found = sorted(set(CDN.findall(text)))
    patched = CDN.sub(EMPTY, text)
    patched = re.sub(r"//# sourceMappingURL=\S+\s*$", "", patched)
    out_dir = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "javascripts"
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("bundle.*"):
        old.unlink()
    (out_dir / bundle.name).write_text(patched, encoding="utf-8")
    empty_map = {"version": 3, "file": bundle.name, "sources": [], "names": [], "mappings": ""}
    (out_dir / f"{bundle.name}.map").write_text(json.dumps(empty_map), encoding="utf-8")
    print(f"{bundle.name}: replaced {', '.join(found) or 'nothing'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
