"""Generate the site's own copy of the instruments: one data script and one paper form per tool.

The guide's browser tools (``docs/alat/kompetensi-coaching.md``, ``docs/alat/cek-kendala.md``)
and their printable paper forms take items, scale labels, dimensions, bands, interpretations,
actions and guide links from the same YAML files the Python package scores with
(``src/selfassess/instruments/``). This script writes, from those files only:

* ``docs/assets/alat/instrumen-<id>.js`` — a classic script (it works over ``file://`` too) that
  puts the tool's instrument, and the scoring data of the other tools, on
  ``window.PanduanAlat.instrumen``;
* ``docs/alat/formulir-<id>.md`` — a paper form with its scoring sheet, for offices without
  computers.

The files are committed, so that a plain ``mkdocs build`` (or any MkDocs-compatible builder) needs
no extra step; ``tests/site/test_alat_data.py`` fails when they differ from what this script makes
from the YAML. After changing an instrument, run ``make data-alat`` and commit the result.

    python scripts/alat_situs.py [--check]
"""

from __future__ import annotations

import argparse
import html
import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from selfassess.instrument import Band, Instrument, Text, load, number  # noqa: E402

#: The instruments that the guide offers as browser tools, in the order of the Alat section.
TOOLS = ("kompetensi-coaching", "cek-kendala")
#: Short names of the tools, for the paper forms' titles ("Formulir kertas asesmen diri").
SHORT = {"kompetensi-coaching": "asesmen diri", "cek-kendala": "cek kendala"}
DOCS = ROOT / "docs"


def data_file(instrument_id: str) -> Path:
    """Where the data script of one tool page is written."""
    return Path(f"docs/assets/alat/instrumen-{instrument_id}.js")


#: Version of the data layout that the site's scripts read (``PanduanAlat.format``).
FORMAT = 1
NOTICE = "Dibuat oleh scripts/alat_situs.py dari src/selfassess/instruments/{src}. Jangan disunting"


def form_file(instrument_id: str) -> Path:
    """Where the paper form of an instrument is written."""
    return Path(f"docs/alat/formulir-{instrument_id}.md")


def band_id(band: Band) -> str:
    """The band's id on the site: its Indonesian label as a slug (``perlu-dikembangkan``)."""
    return re.sub(r"[^a-z0-9]+", "-", band.label.plain.casefold()).strip("-")


def min_answered(share: float, count: int) -> int:
    """Fewest answered items (or scored dimensions) that still give a score (the scoring rule)."""
    return max(1, math.ceil(share * count - 1e-9))


# ── the data script ─────────────────────────────────────────────────────────────────────────────


def _html(text: Text | None) -> str | None:
    """Indonesian text as safe HTML: escaped, with Markdown ``*emphasis*`` as ``<em>``."""
    if text is None:
        return None
    return re.sub(r"\*([^*]+)\*", r"<em>\1</em>", html.escape(text.id, quote=False))


def _actions(actions) -> list[dict]:
    return [_compact({"teks": _html(a.text), "halaman": a.page}) for a in actions]


def _compact(data: dict) -> dict:
    """Drop empty fields (None, False, empty lists) to keep the page light."""
    return {k: v for k, v in data.items() if v not in (None, False, [])}


def instrument_data(inst: Instrument, texts: bool = True) -> dict:
    """What the browser tool needs of one instrument (Indonesian only; texts as safe HTML).

    Without ``texts``, only what scoring, import checks and export need: ids, scale, reverse
    flags, bands, rule settings (for the other tool's results in an imported or exported file).
    """
    assert inst.scale is not None
    items = [i for i in inst.items if i.scored and i.dimension is not None]
    t = _html if texts else (lambda _text: None)
    return _compact(
        {
            "id": inst.id,
            "versi": inst.version,
            "judul": t(inst.title),
            "petunjuk": t(inst.instructions),
            "lebihTinggiLebihBaik": inst.higher_is_better,
            "minShare": inst.min_share,
            "skala": _compact(
                {
                    "min": inst.scale.min,
                    "max": inst.scale.max,
                    "label": {str(p): t(x) for p, x in inst.scale.labels.items()}
                    if texts
                    else None,
                }
            ),
            "dimensi": [
                _compact(
                    {
                        "id": d.id,
                        "nama": t(d.name),
                        "uraian": t(d.description),
                        "strategi": t(d.strategy),
                        "halaman": d.page if texts else None,
                        "tindakan": _actions(d.actions) if texts else None,
                    }
                )
                for d in inst.dimensions
            ],
            "butir": [
                _compact(
                    {"id": i.id, "teks": t(i.text), "dimensi": i.dimension, "terbalik": i.reverse}
                )
                for i in items
            ],
            "pita": [
                _compact(
                    {
                        "id": band_id(b),
                        "min": b.min,
                        "max": b.max,
                        "label": t(b.label),
                        "arti": t(b.interpretation),
                        "tindakan": _actions(b.actions) if texts else None,
                    }
                )
                for b in inst.bands
            ],
        }
    )


def data_script(page_instrument: Instrument, instruments: list[Instrument]) -> str:
    """The classic script of one tool page: its instrument in full, the others' scoring data."""
    data = {i.id: instrument_data(i, texts=i.id == page_instrument.id) for i in instruments}
    body = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    sources = ", ".join(f"{i}.yaml" for i in data)
    return (
        f"/* {NOTICE.format(src=sources)}: ubah YAML-nya, lalu jalankan `make data-alat`. */\n"
        "(function (A) {\n"
        f"  A.format = {FORMAT};\n"
        f"  A.instrumen = {body};\n"
        "})(window.PanduanAlat = window.PanduanAlat || {});\n"
    )


# ── the paper form ──────────────────────────────────────────────────────────────────────────────


def _md(text: Text | None) -> str:
    """Indonesian text for a Markdown table cell (pipes escaped)."""
    return (text.id if text else "").replace("|", "\\|").strip()


def page_title(page: str) -> str:
    """The title (H1) of a guide page, the text a link to it must show (tests/guide)."""
    text = (DOCS / page.partition("#")[0]).read_text(encoding="utf-8")
    return re.search(r"^# (.+)$", text, re.M).group(1).strip()


def _link(page: str) -> str:
    """A Markdown link from a page in ``docs/alat/`` to a guide page, named by its title."""
    return f"[{page_title(page)}]({_rel(page)})"


def _rel(page: str) -> str:
    """A guide page (``section/page.md``) as a link from ``docs/alat/``."""
    return page.removeprefix("alat/") if page.startswith("alat/") else f"../{page}"


def _range(inst: Instrument, k: int) -> str:
    band = inst.bands[k]
    last = k == len(inst.bands) - 1
    upper = f"sampai {number(band.max)}" if last else f"sampai kurang dari {number(band.max)}"
    return f"{number(band.min)} {upper}"


def paper_form(inst: Instrument) -> str:
    """The printable paper form and scoring sheet of one instrument, as a Markdown page."""
    assert inst.scale is not None
    scale = inst.scale
    points = list(scale.points)
    items = [i for i in inst.items if i.scored and i.dimension is not None]
    number_of = {item.id: n for n, item in enumerate(items, start=1)}
    flip = scale.min + scale.max
    tool = f"{inst.id}.md"
    tool_link = _link(f"alat/{tool}")
    obstacles = not inst.higher_is_better
    lines = [
        f"<!-- {NOTICE.format(src=inst.id + '.yaml')} di sini: ubah berkas YAML-nya, lalu jalankan",
        "     `make data-alat`. -->",
        f"# Formulir kertas {SHORT[inst.id]}",
        "",
        f"Halaman ini adalah versi kertas dari alat {tool_link} untuk kantor atau "
        "lokakarya tanpa komputer. Cetak halaman ini, isi formulirnya dengan pena, lalu "
        "hitung skor Anda sendiri dengan lembar penghitungan di bagian akhir. Pernyataan, skala, "
        "dan aturan penghitungannya sama persis dengan alat di peramban dan perangkat pelatih.",
        "",
        f"*Perkiraan waktu: {5 * math.ceil(len(items) / 20)} menit mengisi, 10 menit menghitung.*",
        "",
        "## Cara memakai formulir ini",
        "",
        "1. Cetak halaman ini dari peramban (<kbd>Ctrl</kbd>+<kbd>P</kbd>) pada kertas A4 tegak. "
        "Formulir jawaban dan lembar penghitungan masing-masing dimulai di halaman baru.",
        "2. Isi formulir jawaban. Tulis kode peserta pilihan Anda, bukan NIP atau NIK.",
        "3. Hitung skor dengan lembar penghitungan, atau masukkan jawaban Anda ke "
        f"{tool_link} dengan tanggal pengisian yang sama agar tersimpan di "
        "riwayat Anda.",
        "",
        "Aturan penghitungannya dijelaskan di halaman "
        "[Asesmen diri dan cek kendala](asesmen-diri.md#aturan-penghitungan).",
        "",
        "## Formulir jawaban",
        "",
        '<div class="formulir formulir-jawaban" markdown>',
        "",
        "| Kode peserta | Tanggal pengisian |",
        "| --- | --- |",
        "| | |",
        "",
        f"**Petunjuk.** {_md(inst.instructions)} Beri tanda silang (X) pada satu kotak di setiap "
        "baris.",
        "",
        "**Skala jawaban:** "
        + "; ".join(f"{p} = {_md(scale.labels[p])}" for p in points if p in scale.labels)
        + ".",
        "",
        "| No. | Pernyataan | " + " | ".join(str(p) for p in points) + " |",
        "| ---: | --- | " + " | ".join(":-:" for _ in points) + " |",
    ]
    for item in items:
        cells = " | ".join(" " for _ in points)
        lines.append(f"| {number_of[item.id]} | {_md(item.text)} | {cells} |")
    lines += ["", "</div>", ""]

    need_dims = min_answered(inst.min_share, len(inst.dimensions))
    share = f"{number(inst.min_share * 100)}%"
    lines += [
        "## Lembar penghitungan skor {: .formulir-awal }",
        "",
        '<div class="formulir formulir-hitung" markdown>',
        "",
        f"1. **Butir terbalik** (bertanda ↺) dihitung {flip} dikurangi jawaban: jawaban "
        f"{scale.max} bernilai {scale.min}, jawaban {scale.min} bernilai {scale.max}. Tulis "
        "nilai setiap butir di kolom *Nilai butir*.",
        "2. **Skor dimensi** adalah jumlah nilai butir yang dijawab dibagi banyaknya butir yang "
        f"dijawab, asalkan paling sedikit {share} butir dimensi itu dijawab (lihat kolom "
        "*Paling sedikit*). Bila kurang, kosongkan skor dimensi itu.",
        "3. **Skor keseluruhan** adalah rata-rata skor dimensi yang terisi, asalkan paling sedikit "
        f"{need_dims} dari {len(inst.dimensions)} dimensi punya skor.",
        "4. Tentukan **pita** setiap skor dengan tabel pita di bawah. Skor yang tepat berada di "
        "batas pita masuk ke pita yang lebih tinggi.",
        "",
        "| Dimensi | Butir | Nilai butir | Jumlah | Butir dijawab | Paling sedikit | Skor | Pita |",
        "| --- | --- | --- | :-: | :-: | :-: | :-: | --- |",
    ]
    for dim in inst.dimensions:
        own = [i for i in items if i.dimension == dim.id]
        listed = ", ".join(f"{number_of[i.id]}{' ↺' if i.reverse else ''}" for i in own)
        need = min_answered(inst.min_share, len(own))
        lines.append(f"| {_md(dim.name)} | {listed} | | | | {need} dari {len(own)} | | |")
    lines += [
        f"| **Skor keseluruhan** | rata-rata skor dimensi | | | | {need_dims} dari "
        f"{len(inst.dimensions)} dimensi | | |",
        "",
        "| Pita | Rentang skor | Artinya |",
        "| --- | --- | --- |",
    ]
    for k, band in enumerate(inst.bands):
        lines.append(f"| {_md(band.label)} | {_range(inst, k)} | {_md(band.interpretation)} |")
    lines.append("")
    if obstacles:
        lines += [
            "**Urutan kendala.** Skor tinggi berarti kendala makin terasa. Tulis kendala dari "
            "skor tertinggi; bila skornya sama, ikuti urutan tabel.",
            "",
            "| Urutan | Kendala | Skor |",
            "| :-: | --- | :-: |",
            *(f"| {k} | | |" for k in range(1, len(inst.dimensions) + 1)),
            "",
            "| Kendala | Strategi | Halaman panduan |",
            "| --- | --- | --- |",
        ]
        for dim in inst.dimensions:
            lines.append(f"| {_md(dim.name)} | {_md(dim.strategy)} | {_link(dim.page)} |")
    else:
        lines += [
            "**Tiga dimensi yang paling perlu dikembangkan** adalah tiga dimensi dengan skor "
            "terendah; bila skornya sama, ikuti urutan tabel.",
            "",
            "| Urutan | Dimensi | Skor | Halaman yang membantu |",
            "| :-: | --- | :-: | --- |",
            *(f"| {k} | | | |" for k in range(1, 4)),
            "",
            "| Dimensi | Halaman panduan |",
            "| --- | --- |",
        ]
        for dim in inst.dimensions:
            lines.append(f"| {_md(dim.name)} | {_link(dim.page)} |")
    lines += ["", "</div>", ""]
    return "\n".join(lines)


# ── files ───────────────────────────────────────────────────────────────────────────────────────


def generated() -> dict[Path, str]:
    """Every generated file (path relative to the repository root) with its content."""
    instruments = [load(i) for i in TOOLS]
    files = {}
    for inst in instruments:
        files[data_file(inst.id)] = data_script(inst, instruments)
        files[form_file(inst.id)] = paper_form(inst)
    return files


def stale(root: Path = ROOT) -> list[Path]:
    """Generated files that are missing or differ from what the YAML gives."""
    return [
        path
        for path, text in generated().items()
        if not (root / path).is_file() or (root / path).read_text(encoding="utf-8") != text
    ]


def main(argv: list[str] | None = None) -> int:
    """Write the generated files (or, with ``--check``, only report stale ones)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="hanya periksa, jangan menulis")
    args = parser.parse_args(argv)
    if args.check:
        old = stale()
        for path in old:
            print(f"Usang: {path} (jalankan `make data-alat`)", file=sys.stderr)
        return 1 if old else 0
    for path, text in generated().items():
        target = ROOT / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            print(f"ditulis: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
