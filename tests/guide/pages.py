"""Read the guide as a reader gets it: training pages, their rendered HTML, and their words.

Pure helpers shared by the structure and spelling tests, kept apart so the rules can be read (and
tested) in one place.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
WORDLIST = ROOT / "tests" / "data" / "kata-proyek.txt"

#: Sections whose pages follow the training-page frame (CONTRIBUTING.md, "The guide").
TRAINING_SECTIONS = ("memahami", "atasan", "proses", "kendala", "praktik", "pelatih")
DRAFT_MARK = "Halaman ini sedang disusun."
#: Class of the block that holds the two opening boxes of a training page, side by side.
OPENING = "pembuka"

TIME_LINE = re.compile(r"^Perkiraan waktu: .*\d+ menit.*\.$")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
URL = re.compile(r"\b(?:https?|ftp|file)://\S+|\bwww\.\S+", re.I)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
#: Elements whose text is not prose: code, keyboard keys, permalink anchors, scripts, and text
#: marked as another language (``*Coaching for Performance*{lang=en}``), which id_ID cannot judge.
NOT_PROSE = (
    "pre, code, kbd, samp, script, style, a.headerlink, .md-source-file, [lang]:not([lang|=id])"
)


def training_pages(sections: Iterable[str] = TRAINING_SECTIONS) -> list[str]:
    """Every Markdown page of the given sections, as paths relative to docs/."""
    return [
        p.relative_to(DOCS).as_posix()
        for section in sections
        for p in sorted((DOCS / section).glob("*.md"))
    ]


def html_path(site: Path, page: str) -> Path:
    """Where MkDocs (``use_directory_urls: true``) writes the HTML of ``page``."""
    stem = Path(page).with_suffix("")
    if stem.name == "index":
        return site / stem.parent / "index.html"
    return site / stem / "index.html"


def article(html: str) -> Tag:
    """The page's content (``article``), without the site's navigation, header and footer."""
    soup = BeautifulSoup(html, "html.parser")
    node = soup.select_one("article.md-content__inner") or soup.select_one("article")
    if node is None:
        raise ValueError("no <article> in the page")
    return node


def _title(admonition: Tag) -> str:
    title = admonition.select_one(":scope > .admonition-title, :scope > summary")
    return title.get_text(" ", strip=True) if title else ""


def _blocks(node: Tag) -> list[Tag]:
    return [c for c in node.children if isinstance(c, Tag)]


def frame_problems(node: Tag) -> list[str]:
    """What the page lacks of the training-page frame; an empty list when it is complete."""
    problems: list[str] = []
    blocks = [b for b in _blocks(node) if b.name != "h1"]
    first_h2 = next((i for i, b in enumerate(blocks) if b.name == "h2"), None)
    if first_h2 is None:
        return ["no task-named section (h2)"]
    top = blocks[:first_h2]

    if not top or top[0].name != "p" or TIME_LINE.match(top[0].get_text(" ", strip=True)):
        problems.append("no lead paragraph right after the title")
    times = [b for b in top if b.name == "p" and b.find("em") is not None]
    if not any(TIME_LINE.match(b.get_text(" ", strip=True)) for b in times):
        problems.append("no '*Perkiraan waktu: … menit …*' line before the first section")

    # The two opening boxes sit side by side in one compact block, collapsible or not:
    # <div class="pembuka"> holding "??? question" / "!!! question" and the same for "abstract".
    block = next((b for b in top if b.name == "div" and OPENING in b.get("class", [])), None)
    if block is None:
        problems.append(
            f'no compact opening block (<div class="{OPENING}">) before the first section'
        )
    boxes = _blocks(block) if block is not None else []

    def opening(kind: str, title: str, min_items: int) -> None:
        found = [
            b
            for b in boxes
            if b.name in ("div", "details") and kind in b.get("class", []) and _title(b) == title
        ]
        if not found:
            problems.append(f"no '??? {kind} \"{title}\"' in the opening block")
        elif len(found[0].select("li")) < min_items:
            problems.append(f"'{title}' lists fewer than {min_items} items")

    opening("question", "Pertanyaan", 1)
    opening("abstract", "Tujuan belajar", 2)

    exercises = [
        a
        for a in node.select("div.admonition.example")
        if _title(a).startswith("Latihan:") and len(_title(a)) > len("Latihan:")
    ]
    if not exercises:
        problems.append("no '!!! example \"Latihan: …\"' exercise")
    for ex in exercises:
        answer = ex.select_one("details.success")
        if answer is None or _title(answer) != "Jawaban":
            problems.append(f"exercise '{_title(ex)}' has no collapsible '??? success \"Jawaban\"'")
        elif len(WORD.findall(answer.get_text(" "))) < 15:
            problems.append(f"exercise '{_title(ex)}': the answer is too short to help")

    # Footnotes and the "Terakhir diperbarui" line (md-source-file) follow the page's own content.
    body = [b for b in blocks if not {"footnote", "md-source-file"} & set(b.get("class", []))]
    last = body[-1] if body else None
    if last is None or "tip" not in last.get("class", []) or _title(last) != "Poin kunci":
        problems.append("the page does not end with '!!! tip \"Poin kunci\"'")
    elif len(last.select("li")) < 2:
        problems.append("'Poin kunci' lists fewer than 2 items")
    return problems


def prose(node: Tag) -> str:
    """The readable text of the content: no code, keys, permalinks, URLs or e-mail addresses."""
    node = BeautifulSoup(str(node), "html.parser")
    for junk in node.select(NOT_PROSE):
        junk.decompose()
    text = node.get_text(" ")
    return EMAIL.sub(" ", URL.sub(" ", text))


def words(text: str) -> list[str]:
    """Words of two letters or more (hyphenated forms such as *sehari-hari* stay whole)."""
    return [w for w in WORD.findall(text) if len(w) > 1]


def hunspell_unknown(candidates: Iterable[str], dictionary: str = "id_ID") -> set[str]:
    """The subset of ``candidates`` that ``hunspell -d <dictionary>`` does not know."""
    exe = shutil.which("hunspell")
    if exe is None:
        raise RuntimeError("hunspell is not installed; run `make sysdeps`")
    unique = sorted(set(candidates))
    out = subprocess.run(
        [exe, "-d", dictionary, "-l"],
        input="\n".join(unique) + "\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


#: Particles and clitics that attach to any word (EYD V): *kariernya*, *isilah*, *apakah*,
#: *coachee-nya* (after a foreign word, with a hyphen). Not in hunspell-id's affix rules.
CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")


def misspelled(candidates: Iterable[str], allowed: set[str]) -> set[str]:
    """Words that hunspell, the word list and "known stem + clitic" all fail to account for."""
    unknown = {w for w in hunspell_unknown(set(candidates) - allowed) if w not in allowed}
    stems = {
        w: w[: -len(c)].rstrip("-")
        for w in unknown
        for c in CLITICS
        if w.endswith(c) and len(w) - len(c) > 2
    }
    unknown_stems = hunspell_unknown(stems.values()) - allowed
    return {w for w in unknown if w not in stems or stems[w] in unknown_stems}


def load_wordlist(path: Path = WORDLIST) -> list[str]:
    """Entries of the reviewed word list (comments and blank lines dropped), in file order."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.append(line)
    return entries


def accepted_by(wordlist: Iterable[str]) -> set[str]:
    """Spellings the list allows: each entry as written, and capitalised when written lower case."""
    allowed: set[str] = set()
    for entry in wordlist:
        allowed.add(entry)
        if entry.islower():
            allowed.add(entry.capitalize())
    return allowed
