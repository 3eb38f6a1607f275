"""SMART checks for coaching goals written the way Indonesian civil servants write them.

Pure functions: text in, verdicts out. :func:`check_goal` judges one free-text goal;
:func:`check_draft` judges a structured :class:`Draft` (goal, indicator, target, deadline,
support, link); :func:`goal_statement` turns a draft into one clean sentence.

How the text is read (in this order, each step hides what it recognised from the next):

1. *References* are never targets or deadlines: ``Pasal 5``, ``PermenPANRB 6/2022``,
   ``Nomor 6 Tahun 2022``, ``SKP 2026``, ``Renstra 2025-2029``, ``IKU 2``, ``ke-3``,
   ``pukul 09.00``.
2. *Deadlines*: ``31 Desember 2026``, ``31/12/2026``, ``akhir Juni 2027``, ``triwulan III 2026``,
   ``semester I``, ``akhir tahun 2026``, ``TA 2026``, ``dalam 3 bulan``, ``bulan depan``.
   *Frequencies* (``setiap minggu``, ``2 kali sebulan``) are not deadlines; *vague times*
   (``segera``, ``ke depan``) are not either.
3. *Measures*: what is left of the numbers (``3 dokumen``, ``90%``, ``dari 5 menjadi 3 hari
   kerja``, ``minimal 80``), number words before a unit (``tiga laporan``), zero targets
   (``tanpa temuan``) and service times (``dalam 3 hari kerja sejak berkas lengkap``).

Achievable and Relevant can rarely be judged from a sentence: a free-text goal gets the honest
verdict ``tidak dapat dinilai`` unless it names its link to SKP/IKU/renstra/sasaran unit. A draft is
judged on its fields (support needed, link to the unit or SKP).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

# ── vocabulary ──────────────────────────────────────────────────────────────────────────────────

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3,
    "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nopember": 11, "nov": 11, "desember": 12, "des": 12,
}  # fmt: skip
MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "pertama": 1,
          "kedua": 2, "ketiga": 3, "keempat": 4, "ganjil": 1, "genap": 2}  # fmt: skip

_NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12, "lima belas": 15,
    "dua puluh": 20, "tiga puluh": 30, "lima puluh": 50, "seratus": 100, "seribu": 1000,
}  # fmt: skip
_NUMWORD = "(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"

#: Nouns that make a number word a quantity (``tiga laporan``); digits need no unit.
UNITS = (
    "dokumen", "laporan", "berkas", "surat", "naskah", "arsip", "kegiatan", "orang", "pegawai",
    "peserta", "asn", "staf", "hari", "jam", "menit", "minggu", "bulan", "kali", "persen", "poin",
    "sop", "modul", "draf", "konsep", "rekomendasi", "temuan", "keluhan", "aduan", "pengaduan",
    "permohonan", "usulan", "layanan", "sesi", "pertemuan", "topik", "kelas", "angkatan", "desa",
    "sekolah", "unit", "instansi", "satker", "paket", "data", "entri", "rekaman", "halaman",
    "lembar", "video", "materi", "kajian", "inovasi", "kasus", "perkara", "pelatihan", "tindak",
    "lanjut", "dokumen", "produk", "aplikasi", "fitur", "nota", "telaah",
)  # fmt: skip

_HEDGES = (
    r"berusaha|mengusahakan|diusahakan|berupaya|mengupayakan|diupayakan|upaya|mencoba|dicoba|"
    r"semoga|diharapkan|harapannya|ingin|sebisa\s+mungkin|semampunya|sebisanya"
)
_UNOBSERVABLE = (
    r"memahami|dipahami|paham|mengetahui|mengerti|menyadari|mengenal|menghayati|menguasai|"
    r"menginternalisasi|meresapi|mempelajari|belajar"
)
_INCREASE = r"meningkatkan|menaikkan|menambah|memperbanyak"
_DECREASE = r"menurunkan|mengurangi|menekan|mempercepat|mempersingkat|memangkas"
_GENERIC_CHANGE = (
    _INCREASE + "|" + _DECREASE + "|"
    r"memperbaiki|mengoptimalkan|memaksimalkan|mengembangkan|memperkuat|menguatkan|membenahi|"
    r"menyempurnakan|memantapkan|mengefektifkan|mengintensifkan|membangun"
)
#: Nouns too general to make a goal specific on their own (``kinerja``, ``kualitas layanan``).
GENERIC_WORDS = frozenset(
    (
        "kinerja", "kualitas", "mutu", "kemampuan", "kompetensi", "kapasitas", "keterampilan",
        "pelayanan", "layanan", "pemahaman", "pengetahuan", "wawasan", "kedisiplinan", "disiplin",
        "produktivitas", "efektivitas", "efisiensi", "profesionalisme", "profesionalitas",
        "motivasi", "semangat", "etos", "kerja", "pegawai", "diri", "saya", "kami", "tim", "unit",
        "organisasi", "instansi", "kantor", "sdm", "asn", "aparatur", "sumber", "daya", "manusia",
        "umum", "keseluruhan", "baik", "optimal", "maksimal", "integritas", "karakter", "budaya",
        "hasil", "capaian", "tugas", "pekerjaan", "komunikasi", "kecepatan", "ketepatan",
        "ketelitian", "kerapian", "akurasi", "publik", "masyarakat", "tata", "kelola", "sistem",
        "proses", "kegiatan", "program", "kerja", "sama", "kerjasama", "koordinasi", "bidang",
        "bagian", "seksi", "subbagian", "lingkungan", "internal", "eksternal", "hal", "terkait",
        "berbagai", "aspek", "tertentu", "efektif", "efisien", "cepat", "tepat", "teliti",
        "kreativitas", "inovasi", "kepemimpinan", "manajemen", "administrasi", "lebih", "sangat",
        "signifikan", "kompetensinya", "kinerjanya", "kemampuannya", "pelayanannya",
        "pengelolaan", "penyelenggaraan", "pelaksanaan", "peningkatan", "pengembangan", "penguatan",
        "perbaikan", "optimalisasi", "pembinaan", "berakhlak", "nilai-nilai",
    )
)  # fmt: skip
STOPWORDS = frozenset(
    (
        "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "dalam", "pada", "oleh", "atau",
        "serta", "agar", "sehingga", "bagi", "tentang", "terhadap", "para", "setiap", "tiap",
        "seluruh", "semua", "sebuah", "suatu", "itu", "ini", "akan", "sudah", "telah", "dapat",
        "bisa", "harus", "sangat", "secara", "menjadi", "hingga", "sampai", "paling", "lambat",
        "sebelum", "sesudah", "setelah", "kami", "kita", "ia", "nya", "adalah", "ialah", "yaitu",
        "sebagai", "juga", "tidak", "belum", "ada", "minimal", "maksimal", "sebanyak", "sejumlah",
        "kurang", "tahun", "bulan", "minggu", "pekan", "hari", "akhir", "awal", "tanggal", "sejak",
        "mampu", "melalui", "antara", "masing", "per", "atas", "bawah", "lain", "sendiri", "baru",
        "s", "d", "sd", "sehari-hari", "hari-hari", "selalu", "senantiasa",
    )
)  # fmt: skip
_VAGUE_MEASURE = (
    r"dengan\s+baik|lebih\s+baik|sebaik-baiknya|secara\s+optimal|seoptimal\s+mungkin|optimal|"
    r"semaksimal\s+mungkin|secara\s+maksimal|secara\s+signifikan|signifikan|lebih\s+efektif|"
    r"lebih\s+efisien|lebih\s+cepat|lebih\s+tertib|lebih\s+rapi|meningkat|tepat\s+waktu"
)
_LINK_WORDS = (
    r"mendukung|menunjang|sesuai(?:\s+dengan)?|sejalan\s+dengan|selaras\s+dengan|mengacu\s+pada|"
    r"berdasarkan|dalam\s+rangka|untuk\s+mencapai|guna\s+mencapai|demi\s+tercapainya|"
    r"berkontribusi(?:\s+pada|\s+terhadap)?|terkait|bagian\s+dari|sebagaimana|turunan\s+dari|"
    r"menjabarkan|memenuhi|mewujudkan|untuk\s+memenuhi|kaitan(?:nya)?\s+dengan|keterkaitan"
)
_REF_TERMS = (
    r"skp|iku|ikk|iki|ikd|rhk|rencana\s+hasil\s+kerja|renstra|rencana\s+strategis|renja|"
    r"rencana\s+kerja(?:\s+tahunan)?|rkt|perjanjian\s+kinerja|pk|rpjmd|rpjmn|spm|dipa|rka(?:-?kl)?|"
    r"standar\s+pelayanan(?:\s+minimal)?|maklumat\s+pelayanan|"
    r"sasaran\s+(?:unit|kinerja|strategis|organisasi|program|kegiatan|bidang|bagian|seksi|"
    r"subbagian|tim|instansi|dinas|kantor|biro|direktorat)|"
    r"target\s+(?:unit|organisasi|kinerja|instansi|bidang|bagian|tim|dinas|kantor)|"
    r"tujuan\s+(?:unit|organisasi|instansi|dinas|kantor|strategis)|indikator\s+kinerja|"
    r"program\s+prioritas|prioritas\s+(?:nasional|daerah|pimpinan|organisasi)|"
    r"reformasi\s+birokrasi|zona\s+integritas|wbk|wbbm|ekspektasi\s+(?:pimpinan|atasan)|"
    r"arahan\s+pimpinan|proyek\s+perubahan|visi(?:\s+dan\s+misi)?|misi|berakhlak"
)

# ── text helpers ────────────────────────────────────────────────────────────────────────────────


def normalise(text: str | None) -> str:
    """Unicode-normalised text with single spaces (comparison signs kept)."""
    t = unicodedata.normalize("NFKC", text or "")
    t = t.replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", t).strip()


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


class _Text:
    """A text whose recognised spans are blanked out step by step (positions stay the same)."""

    def __init__(self, text: str) -> None:
        self.original = text
        self.work = text

    def take(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        found = list(pattern.finditer(self.work))
        for m in found:
            self.blank(m.start(), m.end())
        return found

    def blank(self, start: int, end: int) -> None:
        self.work = self.work[:start] + " " * (end - start) + self.work[end:]

    def quote(self, m: re.Match[str]) -> str:
        return self.original[m.start() : m.end()].strip(" ,.;")


# ── 1. references: numbers that are neither targets nor deadlines ──────────────────────────────

_REGULATION = (
    r"\b(?:uu|undang-undang|pp|perpres|keppres|inpres|permen\w*(?:\s*pan\s*-?\s*rb)?|perka\w*|"
    r"perban\w*|perlem\w*|kepmen\w*|perda|pergub|perbup|perwal|sema|perma|se(?:\s*men\w*)?|"
    r"surat\s+edaran|peraturan(?:\s+[a-z]+){0,4})"
)
_REFERENCES = [
    _rx(r"\b(?:nomor|no\.)\s*[\w./-]*\d[\w./-]*(?:\s+tahun\s+\d{4})?"),
    _rx(_REGULATION + r"\s*(?:no\.?\s*|nomor\s*)?\d+\s*(?:/|\s+tahun\s+)\s*\d{2,4}\b"),
    _rx(r"\b(?:pasal|ayat|huruf|butir|bab|lampiran|bagian|paragraf)\s*\(?\d+[a-z]?\)?"),
    _rx(
        r"\b(?:skp|iku|ikk|iki|ikd|rhk|renstra|renja|rkt|rka|rkpd|rpjmd|rpjmn|rpjpn|lakip|lkjip|"
        r"lkj|dipa|pk|perjanjian\s+kinerja|rencana\s+strategis|rencana\s+kerja|spip|sakip)"
        r"\s*(?:periode\s+|tahun\s+)?\d{4}(?:\s*-\s*\d{4})?\b"
    ),
    _rx(
        r"\b(?:iku|ikk|iki|ikd|rhk|sasaran|indikator|program|kegiatan|output|kro|ro|misi|"
        r"tujuan|prioritas|modul|sesi|pertemuan|tahap|fase|angkatan|gelombang|eselon|golongan|"
        r"gol\.|lantai|ruang|versi|iso|tim|kelompok|loket|jilid|edisi|kelas)"
        r"\s*(?:ke-?\s*)?\d+(?:[.:/]\d+)*(?:\s*[/-]\s*[a-e]\b)?"
        r"(?!\s*(?:x|kali|%|persen|" + "|".join(UNITS) + r")\b)"
    ),
    _rx(r"\bke-\s?\d+\b"),
    _rx(r"\b(?:pukul|jam)\s*\d{1,2}[.:]\d{2}\b|\b\d{1,2}[.:]\d{2}\s*(?:wib|wita|wit)\b"),
    _rx(r"(?<![\w/])\d{1,4}/\d{4}\b(?!/)"),  # 6/2022 after a regulation name was dropped
]

#: Years left over once deadlines are read (``laporan tahunan 2026``, ``arsip 2019-2022``).
_BARE_YEAR = _rx(
    r"(?<![\w/.,-])(?:19[5-9]\d|20\d\d)(?:\s*-\s*(?:19[5-9]\d|20\d\d))?\b"
    r"(?!\s*(?:%|persen|" + "|".join(UNITS) + r")\b)"
)

# ── 2. deadlines, frequencies, vague times ─────────────────────────────────────────────────────

_YEAR = r"(?:tahun\s+)?(\d{4})"
_DATE_LONG = _rx(r"\b(\d{1,2})\s+(" + _MONTH + r")\s+(\d{4})\b")
_DATE_NUM = _rx(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b")
_DATE_ISO = _rx(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DATE_NO_YEAR = _rx(r"\b(\d{1,2})\s+(" + _MONTH + r")(?!\s*\d)")
_MONTH_YEAR = _rx(
    r"\b(?:(akhir|awal|pertengahan|medio|minggu\s+(?:pertama|kedua|ketiga|keempat|terakhir))"
    r"\s+)?(?:bulan\s+)?(" + _MONTH + r")\s+" + _YEAR + r"\b"
)
_MONTH_ONLY = _rx(
    r"\b(?:(akhir|awal|pertengahan|medio)\s+(?:bulan\s+)?|(?:paling\s+lambat|sebelum|hingga|"
    r"sampai(?:\s+dengan)?|s\.?\s?d\.?|pada|per)\s+(?:bulan\s+)?|bulan\s+)(" + _MONTH + r")\b"
)
_QUARTER = _rx(
    r"\b(?:triwulan|tw|kuartal|q)\s*(?:ke-?\s*)?(iv|iii|ii|i|[1-4]|pertama|kedua|ketiga|keempat)"
    r"\b(?:\s+(?:tahun\s+)?(\d{4}))?"
)
_SEMESTER = _rx(
    r"\bsemester\s*(?:ke-?\s*)?(ii|i|[12]|pertama|kedua|ganjil|genap)\b(?:\s+(?:tahun\s+)?(\d{4}))?"
)
_YEAR_END = _rx(r"\bakhir\s+(?:tahun\s+(?:anggaran\s+)?)?(\d{4})\b")
_YEAR_PERIOD = _rx(
    r"\b(?:tahun\s+anggaran|ta\.?|sepanjang|selama|pada|dalam|hingga|sampai(?:\s+dengan)?|"
    r"s\.?\s?d\.?|sebelum|paling\s+lambat|tahun|periode)\s+(?:tahun\s+)?(\d{4})\b"
)
_RELATIVE_WORDS = _rx(
    r"\b(?:akhir\s+)?(?:minggu|pekan|bulan|tahun|triwulan|semester)\s+(?:ini|depan)\b|"
    r"\bakhir\s+(?:tahun|bulan|triwulan|semester)(?:\s+anggaran)?\b"
)
_DURATION = _rx(
    r"\b(dalam(?:\s+(?:waktu|jangka\s+waktu))?|selama|paling\s+lambat|maksimal|"
    r"sebelum|kurang\s+dari)\s+(\d+|" + _NUMWORD + r")\s+(hari\s+kerja|hari\s+kalender|hari|"
    r"minggu|pekan|bulan|tahun|triwulan|semester|jam|menit)"
    r"(\s+(?:ke\s+depan|mendatang|berikutnya|sejak|setelah|terhitung|sesudah)\b)?"
)
_AHEAD = _rx(
    r"\b(\d+|" + _NUMWORD + r")\s+(minggu|pekan|bulan|tahun|triwulan|semester)\s+"
    r"(?:ke\s+depan|mendatang|berikutnya)\b"
)
_RECURRING_DATE = _rx(
    r"\b(?:paling\s+lambat\s+|sebelum\s+)?tanggal\s+\d{1,2}\s+(?:setiap|tiap)\s+bulan(?:nya)?\b"
)
_FREQ_COUNTED = _rx(
    r"\b(?:\d+|" + _NUMWORD + r")\s*(?:x|kali)\s*(?:(?:dalam\s+)?(?:se|per|tiap|setiap|"
    r"dalam\s+satu)\s*)?(?:hari|minggu|pekan|bulan|triwulan|semester|tahun)\b|"
    r"\b(?:sehari|seminggu|sepekan|sebulan|setahun)\s+(?:\d+|" + _NUMWORD + r")\s*(?:x|kali)\b"
)
_FREQ = _rx(
    r"\b(?:setiap|tiap|tiap-tiap|per)\s+(?:\d+\s+|dua\s+|tiga\s+)?(?:hari(?:\s+kerja)?|minggu|"
    r"pekan|bulan|triwulan|semester|tahun|senin|selasa|rabu|kamis|jumat|jum'at|sabtu|sesi|"
    r"pertemuan)\b|\b(?:seminggu|sebulan|sepekan|setahun|sehari)\s+sekali\b|"
    r"\bsecara\s+(?:berkala|rutin|periodik|mingguan|bulanan|harian|triwulanan)\b|"
    r"\b(?:rutin|berkala)\s+(?:setiap|tiap)\b|\b(?:mingguan|bulanan)\s+secara\s+rutin\b"
)
_VAGUE_TIME = _rx(
    r"\b(?:segera|secepatnya|secepat\s+mungkin|sesegera\s+mungkin|dalam\s+waktu\s+dekat|"
    r"ke\s+depan(?:nya)?|suatu\s+saat|nanti|secara\s+bertahap|bertahap|pada\s+waktunya|"
    r"sewaktu-waktu|kapan-kapan|jangka\s+panjang)\b"
)
_DEADLINE_KEYWORD = _rx(r"\b(?:paling\s+lambat|selambat-lambatnya|tenggat|batas\s+waktu)\b")

# ── 3. measures ─────────────────────────────────────────────────────────────────────────────────

_NUM = r"\d+(?:[.,]\d+)*"
_CHANGE = _rx(
    r"\bdari\s+(?:sekitar\s+|rata-rata\s+)?("
    + _NUM
    + r"|"
    + _NUMWORD
    + r")\s*(%|persen)?(?:\s+[a-z]+){0,3}?"
    r"\s+(?:menjadi|ke|hingga|sampai(?:\s+dengan)?)\s+(?:minimal\s+|maksimal\s+)?("
    + _NUM
    + r"|"
    + _NUMWORD
    + r")\s*(%|persen)?"
)
_NUMBER = _rx(r"(?<![\w/\-.,])(" + _NUM + r")(?![\w/]|[.,]\d)\s*(%|persen)?")
_NUMBER_WORD_UNIT = _rx(
    r"(?<!salah\s)\b(" + _NUMWORD + r")\s+(?:(?:buah|orang|kali)\s+)?(" + "|".join(UNITS) + r")\b"
)
_ZERO = _rx(
    r"\b(?:menjadi|hingga|sampai)\s+(?:nol|nihil)\b|\b(?:nihil|nol|tanpa|zero|tidak\s+ada(?:\s+lagi)?)\s+(?:temuan|kesalahan|keluhan|"
    r"pengaduan|keberatan|tunggakan|keterlambatan|kecelakaan|revisi|catatan|sisa|berkas\s+"
    r"tertunda|kesalahan\s+input)\b"
)
_MONEY = _rx(r"\brp\.?\s*\d")
#: Grades and categories that are targets without a number (``predikat memuaskan``, ``opini WTP``).
_GRADE = _rx(
    r"\b(?:predikat|opini|akreditasi|kategori|peringkat|nilai|status)\s+(?:sangat\s+)?"
    r"(?:memuaskan|baik|wtp|wajar\s+tanpa\s+pengecualian|[ab]|unggul|wbk|wbbm|istimewa|"
    r"paripurna|utama|madya|lulus)\b"
)


# ── results ─────────────────────────────────────────────────────────────────────────────────────


class Status(StrEnum):
    """A criterion's verdict."""

    LULUS = "lulus"
    BELUM = "belum"
    TIDAK_DAPAT_DINILAI = "tidak-dapat-dinilai"


#: Mark shown beside each verdict.
MARKS = {Status.LULUS: "✓", Status.BELUM: "✗", Status.TIDAK_DAPAT_DINILAI: "?"}

#: The five criteria: key, Indonesian name, English name.
CRITERIA = (
    ("S", "Spesifik", "Specific"),
    ("M", "Terukur", "Measurable"),
    ("A", "Dapat dicapai", "Achievable"),
    ("R", "Relevan", "Relevant"),
    ("T", "Berbatas waktu", "Time-bound"),
)
_NAMES = {key: name for key, name, _ in CRITERIA}


@dataclass(frozen=True)
class CriterionResult:
    """One criterion's verdict with an Indonesian message (what is missing, an example fix)."""

    key: str
    status: Status
    message: str

    @property
    def name(self) -> str:
        """Indonesian name, e.g. ``Terukur``."""
        return _NAMES[self.key]

    @property
    def passed(self) -> bool:
        """True only for a clear pass."""
        return self.status is Status.LULUS

    @property
    def mark(self) -> str:
        """``✓``, ``✗`` or ``?``."""
        return MARKS[self.status]


@dataclass(frozen=True)
class Deadline:
    """A recognised deadline: the words used, its kind, and the last day it allows when known."""

    text: str
    kind: str  # "tanggal", "periode", "relatif", "tanpa-tahun"
    end: date | None = None
    valid: bool = True


@dataclass(frozen=True)
class Findings:
    """What the reader recognised in a text."""

    measures: tuple[str, ...] = ()
    change: tuple[float, float] | None = None  # (from, to) of "dari X menjadi Y"
    deadlines: tuple[Deadline, ...] = ()
    frequencies: tuple[str, ...] = ()
    vague_times: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    unobservable: tuple[str, ...] = ()
    vague_measures: tuple[str, ...] = ()
    over_hundred: tuple[str, ...] = ()
    deadline_keyword: bool = False
    words: tuple[str, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class SmartResult:
    """The five verdicts, in S-M-A-R-T order, plus what was recognised."""

    results: tuple[CriterionResult, ...]
    findings: Findings

    def __getitem__(self, key: str) -> CriterionResult:
        for r in self.results:
            if r.key == key:
                return r
        raise KeyError(key)

    def __iter__(self):
        return iter(self.results)

    @property
    def all_passed(self) -> bool:
        """True when every criterion passes."""
        return all(r.passed for r in self.results)

    def summary(self) -> str:
        """Short Indonesian summary, e.g. ``S ✓ · M ✗ · A ? · R ✓ · T ✓``."""
        return " · ".join(f"{r.key} {r.mark}" for r in self.results)

    def missing(self) -> list[str]:
        """Names of the criteria that did not pass clearly."""
        return [r.name for r in self.results if not r.passed]

    def to_dict(self) -> dict[str, dict[str, str]]:
        """Plain data for the store and reports: ``{key: {"status", "pesan"}}``."""
        return {r.key: {"status": r.status.value, "pesan": r.message} for r in self.results}


# ── reading a text ──────────────────────────────────────────────────────────────────────────────


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _read_deadlines(t: _Text) -> list[Deadline]:
    found: list[Deadline] = []
    for m in t.take(_DATE_LONG):
        d = _safe_date(int(m[3]), _month_number(m[2]), int(m[1]))
        found.append(Deadline(t.quote(m), "tanggal", d, d is not None))
    for m in t.take(_DATE_NUM):
        d = _safe_date(int(m[4]), int(m[3]), int(m[1]))
        found.append(Deadline(t.quote(m), "tanggal", d, d is not None))
    for m in t.take(_DATE_ISO):
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        found.append(Deadline(t.quote(m), "tanggal", d, d is not None))
    for m in t.take(_MONTH_YEAR):
        year, month = int(m[3]), _month_number(m[2])
        day = {"awal": 10, "pertengahan": 15, "medio": 15}.get((m[1] or "").lower())
        end = date(year, month, day) if day else _last_day(year, month)
        found.append(Deadline(t.quote(m), "periode", end))
    for m in t.take(_DATE_NO_YEAR):
        ok = _safe_date(2024, _month_number(m[2]), int(m[1])) is not None  # 2024: leap year
        found.append(Deadline(t.quote(m), "tanpa-tahun", None, ok))
    for m in t.take(_MONTH_ONLY):
        found.append(Deadline(t.quote(m), "tanpa-tahun"))
    for m in t.take(_QUARTER):
        q = _ROMAN[m[1].lower()]
        end = _last_day(int(m[2]), 3 * q) if m[2] else None
        found.append(Deadline(t.quote(m), "periode" if m[2] else "tanpa-tahun", end))
    for m in t.take(_SEMESTER):
        s = _ROMAN[m[1].lower()]
        end = _last_day(int(m[2]), 6 * s) if m[2] else None
        found.append(Deadline(t.quote(m), "periode" if m[2] else "tanpa-tahun", end))
    for pattern in (_YEAR_END, _YEAR_PERIOD):
        for m in t.take(pattern):
            found.append(Deadline(t.quote(m), "periode", date(int(m[1]), 12, 31)))
    for m in list(_DURATION.finditer(t.work)):
        unit, after = m[3].lower(), (m[4] or "").strip().lower()
        service_time = unit in {"hari kerja", "jam", "menit"} or (
            unit in {"hari", "hari kalender"}
            and (
                after in {"sejak", "setelah", "terhitung", "sesudah"} or m[1].lower() == "maksimal"
            )
        )
        if service_time:
            continue  # a service standard ("dalam 3 hari kerja sejak ...") is a measure
        t.blank(m.start(), m.end())
        found.append(Deadline(t.quote(m), "relatif"))
    for pattern in (_AHEAD, _RELATIVE_WORDS):
        for m in t.take(pattern):
            found.append(Deadline(t.quote(m), "relatif"))
    return found


_HEDGE_RX = _rx(r"\b(?:" + _HEDGES + r")\b")
_UNOBSERVABLE_RX = _rx(r"\b(?:" + _UNOBSERVABLE + r")\b")
_VERB_LIKE = _rx(r"^(?:me[mnlrwy]|memper|diper)[a-z]{3,}$|^(?:" + _GENERIC_CHANGE + r")$")
_LINK_RX = _rx(
    r"(?:\b(?:" + _LINK_WORDS + r")\b(?:\W+\w+){0,6}?\W+\b(?:" + _REF_TERMS + r")\b)|"
    r"[(\[]\s*(?:" + _REF_TERMS + r")\b[^)\]]*[)\]]"
)
_REF_RX = _rx(r"\b(?:" + _REF_TERMS + r")\b")


def _content_words(text: str) -> list[str]:
    """Lower-case words that carry meaning (no stop words, month names or hedges)."""
    words = re.findall(r"[a-z][a-z'-]*", text.lower())
    return [
        w
        for w in words
        if w not in STOPWORDS and w not in MONTHS and len(w) > 1 and not _HEDGE_RX.fullmatch(w)
    ]


def specific_words(text: str) -> list[str]:
    """Words that say *what* a goal is about: not verbs, not general nouns, not link phrases.

    ``Menyusun laporan realisasi anggaran`` gives ``laporan, realisasi, anggaran``;
    ``Meningkatkan kinerja pegawai sesuai SKP`` gives nothing.
    """
    text = _LINK_RX.sub(" ", normalise(text))
    return [
        w
        for w in _content_words(text)
        if w not in GENERIC_WORDS and not _VERB_LIKE.match(w) and not _UNOBSERVABLE_RX.fullmatch(w)
    ]


def read(text: str | None) -> Findings:
    """Recognise references, deadlines, frequencies, measures and links in one text."""
    t = _Text(normalise(text))
    low = t.original.lower()
    links = [normalise(m.group(0)) for m in _LINK_RX.finditer(t.original)]
    references = [t.quote(m) for p in _REFERENCES for m in t.take(p)]
    recurring = t.take(_RECURRING_DATE)
    deadlines = _read_deadlines(t)
    references += [t.quote(m) for m in t.take(_BARE_YEAR)]
    counted = t.take(_FREQ_COUNTED)
    frequencies = [t.quote(m) for m in recurring + counted + t.take(_FREQ)]
    vague_times = [t.quote(m) for m in t.take(_VAGUE_TIME)]

    measures: list[str] = [t.quote(m) for m in recurring + counted]
    change = None
    for m in t.take(_CHANGE):
        measures.append(t.quote(m))
        try:
            change = (_to_number(m[1]), _to_number(m[3]))
        except ValueError:  # pragma: no cover - the pattern only lets numbers through
            change = None
    over = []
    for pattern in (_ZERO, _GRADE, _NUMBER_WORD_UNIT, _MONEY):
        measures += [t.quote(m) for m in t.take(pattern)]
    for m in t.take(_NUMBER):
        unit = re.match(r"\s*([A-Za-z][\w-]*)", t.original[m.end() :])
        measures.append(t.quote(m) + (f" {unit[1]}" if unit and not m[2] else ""))
    for m in _rx(r"menjadi\s+(?:minimal\s+)?(" + _NUM + r")\s*(?:%|persen)").finditer(t.original):
        if _to_number(m[1]) > 100:
            over.append(t.quote(m))
    words = tuple(_content_words(t.work))
    return Findings(
        measures=tuple(measures),
        change=change,
        deadlines=tuple(deadlines),
        frequencies=tuple(frequencies),
        vague_times=tuple(vague_times),
        references=tuple(references),
        links=tuple(links),
        hedges=tuple(m.group(0) for m in _HEDGE_RX.finditer(low)),
        unobservable=tuple(m.group(0) for m in _UNOBSERVABLE_RX.finditer(low)),
        vague_measures=tuple(
            m.group(0) for m in _rx(r"\b(?:" + _VAGUE_MEASURE + r")\b").finditer(low)
        ),
        over_hundred=tuple(over),
        deadline_keyword=bool(_DEADLINE_KEYWORD.search(low)),
        words=words,
    )


def _to_number(token: str) -> float:
    token = token.strip().lower()
    if token in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[token])
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):  # 1.500 = one thousand five hundred
        return float(token.replace(".", ""))
    return float(token.replace(".", "").replace(",", ".")) if "," in token else float(token)


# ── the five criteria ───────────────────────────────────────────────────────────────────────────


def _q(text: str) -> str:
    return f"“{text}”"


def _generic_object(text: str) -> tuple[str, list[str]] | None:
    """The first generic change verb and the specific words of the phrase that follows it."""
    m = _rx(r"\b(" + _GENERIC_CHANGE + r")\b(.*)").search(normalise(text))
    if not m:
        return None
    rest = re.split(
        r"[,;]|\b(?:dengan|melalui|agar|sehingga|untuk|paling|sebelum|pada|dari|sesuai|dalam|"
        r"hingga|sampai|menjadi|sebesar|minimal|mendukung)\b",
        m[2],
        maxsplit=1,
        flags=re.IGNORECASE,
    )[0]
    return m[1].lower(), specific_words(rest)


def _specific_problem(text: str, f: Findings, has_measure: bool) -> tuple[str, str] | None:
    """Why a goal is not specific (reason code, Indonesian message), or None when it is."""
    if not _content_words(normalise(text)):
        return "kosong", (
            "Tujuan masih kosong. Tulis apa yang akan dicapai dengan kata kerja yang dapat "
            "diamati, misalnya “Menyusun 3 SOP layanan arsip”."
        )
    if f.hedges:
        return "harapan", (
            f"Kata {_q(f.hedges[0])} menyatakan usaha atau harapan, bukan hasil. Tulis hasil yang "
            "akan dicapai, misalnya “Menyelesaikan verifikasi 120 berkas pensiun” alih-alih "
            "“Berusaha menyelesaikan verifikasi berkas”."
        )
    if f.unobservable and not has_measure:
        return "tak-teramati", (
            f"Kata {_q(f.unobservable[0])} tidak dapat diamati langsung. Sebutkan perilaku atau "
            "hasil yang menunjukkannya, misalnya “Menyusun telaah PermenPANRB 6/2022 dan "
            "memperoleh nilai tes minimal 80”."
        )
    generic = _generic_object(text)
    if generic is not None and len(generic[1]) < 2 and not has_measure:
        return "umum", (
            f"{_q(generic[0].capitalize())} belum menyebut dengan jelas apa yang diubah dan "
            "seberapa. Sebutkan sasarannya dan ukurannya, misalnya “Meningkatkan persentase surat "
            "masuk yang dijawab dalam 3 hari kerja dari 60% menjadi 90%”."
        )
    if len(specific_words(text)) < 2:
        return "umum", (
            "Tujuan masih terlalu umum: belum jelas pekerjaan, dokumen, atau layanan mana yang "
            "dimaksud. Sebutkan objeknya, misalnya “laporan realisasi anggaran bulanan” atau "
            "“layanan izin praktik bidan”."
        )
    return None


_S_PASS = "Tujuan menyebut tindakan dan sasarannya dengan cukup jelas."


def _judge_specific(text: str, f: Findings, has_measure: bool) -> CriterionResult:
    problem = _specific_problem(text, f, has_measure)
    if problem is None:
        return CriterionResult("S", Status.LULUS, _S_PASS)
    return CriterionResult("S", Status.BELUM, problem[1])


_M_EXAMPLE = (
    "Tambahkan angka target, misalnya “dari 12 menjadi 5 hari kerja”, “minimal 90% berkas” "
    "atau “3 dokumen SOP”."
)


def _judge_measurable(f: Findings, verb_text: str) -> CriterionResult:
    if not f.measures:
        parts = ["Belum ada ukuran keberhasilan (angka, persentase, atau “dari X menjadi Y”)."]
        if f.references:
            refs = ", ".join(_q(r) for r in f.references[:3])
            parts.append(f"Angka pada {refs} adalah rujukan, bukan target.")
        if f.vague_measures:
            parts.append(f"Ungkapan {_q(f.vague_measures[0])} tidak dapat diukur.")
        parts.append(_M_EXAMPLE)
        return CriterionResult("M", Status.BELUM, " ".join(parts))
    if f.change is not None:
        start, end = f.change
        up = _rx(r"\b(?:" + _INCREASE + r")\b").search(verb_text)
        down = _rx(r"\b(?:" + _DECREASE + r")\b").search(verb_text)
        if (up and end <= start) or (down and end >= start):
            verb = (up or down).group(0).lower()  # type: ignore[union-attr]
            return CriterionResult(
                "M",
                Status.BELUM,
                f"Arah target tidak sesuai dengan kata {_q(verb)}: nilainya berubah dari "
                f"{start:g} menjadi {end:g}. Periksa kembali kondisi awal dan targetnya.",
            )
    return CriterionResult(
        "M", Status.LULUS, f"Ukuran keberhasilan ditemukan: {_q(f.measures[0])}."
    )


_T_EXAMPLE = (
    "Contoh tenggat: “paling lambat 31 Desember 2026”, “31/12/2026”, “akhir Juni 2027” atau "
    "“triwulan III 2026”."
)


def _judge_time(f: Findings, today: date | None) -> CriterionResult:
    invalid = [d for d in f.deadlines if not d.valid]
    if invalid:
        return CriterionResult(
            "T",
            Status.BELUM,
            f"{_q(invalid[0].text)} bukan tanggal yang ada di kalender. Periksa hari dan "
            f"bulannya. {_T_EXAMPLE}",
        )
    if f.deadlines:
        d = max(f.deadlines, key=lambda x: (x.end is not None, x.end or date.min))
        if today is not None and d.end is not None and d.end < today:
            return CriterionResult(
                "T",
                Status.BELUM,
                f"Tenggat {_q(d.text)} sudah lewat. Tetapkan tenggat baru yang masih dapat "
                "dicapai, misalnya akhir triwulan berikutnya.",
            )
        if d.kind == "relatif":
            return CriterionResult(
                "T",
                Status.LULUS,
                f"Tenggat relatif {_q(d.text)} dikenali. Tuliskan juga tanggalnya agar mudah "
                "dipantau, misalnya “dalam 3 bulan (paling lambat 30 September 2026)”.",
            )
        if d.kind == "tanpa-tahun":
            return CriterionResult(
                "T",
                Status.LULUS,
                f"Tenggat {_q(d.text)} dikenali. Tambahkan tahunnya agar tidak ragu, misalnya "
                f"{_q(d.text + ' 2026')}.",
            )
        return CriterionResult("T", Status.LULUS, f"Tenggat dikenali: {_q(d.text)}.")
    if f.frequencies:
        return CriterionResult(
            "T",
            Status.BELUM,
            f"{_q(f.frequencies[0])} adalah frekuensi, bukan tenggat. Tambahkan kapan tujuan "
            f"harus tercapai, misalnya “{f.frequencies[0]} sampai 31 Desember 2026”.",
        )
    if f.vague_times:
        return CriterionResult(
            "T",
            Status.BELUM,
            f"{_q(f.vague_times[0])} tidak dapat dipantau sebagai tenggat. {_T_EXAMPLE}",
        )
    if f.deadline_keyword:
        return CriterionResult(
            "T",
            Status.BELUM,
            f"Ada kata “paling lambat”, tetapi tanggalnya tidak dikenali. {_T_EXAMPLE}",
        )
    return CriterionResult("T", Status.BELUM, f"Belum ada tenggat waktu. {_T_EXAMPLE}")


def _over_hundred(f: Findings) -> CriterionResult | None:
    if not f.over_hundred:
        return None
    return CriterionResult(
        "A",
        Status.BELUM,
        f"Target {_q(f.over_hundred[0])} melebihi 100%, padahal persentase bagian dari keseluruhan "
        "paling tinggi 100%. Periksa kembali targetnya.",
    )


def check_goal(text: str, today: date | None = None) -> SmartResult:
    """Judge one free-text goal on the five SMART criteria.

    ``today`` (optional) lets the check notice a deadline that has already passed.
    """
    f = read(text)
    has_measure = bool(f.measures)
    achievable = _over_hundred(f) or CriterionResult(
        "A",
        Status.TIDAK_DAPAT_DINILAI,
        "Keterjangkauan tidak dapat dinilai dari kalimat saja. Catat kondisi awal dan dukungan "
        "yang dibutuhkan, lalu sepakati dengan atasan, misalnya “kondisi awal 60%; pendampingan "
        "1 jam setiap minggu oleh Kasubbag”.",
    )
    if f.links:
        relevant = CriterionResult(
            "R", Status.LULUS, f"Kaitan dengan tujuan organisasi disebut: {_q(f.links[0])}."
        )
    else:
        relevant = CriterionResult(
            "R",
            Status.TIDAK_DAPAT_DINILAI,
            "Kalimat ini tidak menyebut kaitannya dengan SKP, IKU, renstra, atau sasaran unit, "
            "sehingga relevansinya belum dapat dinilai. Tambahkan, misalnya “untuk mendukung "
            "IKU 2 Biro Umum” atau “sesuai rencana hasil kerja SKP 2026”.",
        )
    results = (
        _judge_specific(text, f, has_measure),
        _judge_measurable(f, text),
        achievable,
        relevant,
        _judge_time(f, today),
    )
    return SmartResult(results, f)


# ── drafts ──────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Draft:
    """A structured SMART draft. Payload keys and form labels are in :data:`DRAFT_FIELDS`."""

    goal: str = ""
    indicator: str = ""
    target: str = ""
    deadline: str = ""
    support: str = ""
    link: str = ""

    def to_payload(self) -> dict[str, str]:
        """Plain data with Indonesian keys (``tujuan``, ``indikator``, ...)."""
        return {key: normalise(getattr(self, attr)) for attr, key, _ in DRAFT_FIELDS}

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> Draft:
        """Build a draft from plain data with Indonesian keys; unknown keys are ignored."""
        return cls(**{attr: str(data.get(key) or "") for attr, key, _ in DRAFT_FIELDS})


#: (attribute, payload key, form label) for each draft field.
DRAFT_FIELDS = (
    ("goal", "tujuan", "Tujuan"),
    ("indicator", "indikator", "Indikator keberhasilan"),
    ("target", "target", "Target"),
    ("deadline", "tenggat", "Tenggat"),
    ("support", "dukungan", "Dukungan dan sumber daya"),
    ("link", "keterkaitan", "Keterkaitan dengan SKP/unit"),
)

_NONE_ANSWERS = _rx(
    r"^(?:-+|\?+|tidak\s+ada|tidak\s+tahu|belum\s+tahu|belum\s+ada|belum|tidak|n/?a|nihil|"
    r"kosong|tidak\s+perlu|tbd)\.?$"
)


def _is_empty_answer(text: str) -> bool:
    t = normalise(text)
    return not t or bool(_NONE_ANSWERS.match(t))


def check_draft(draft: Draft | Mapping[str, Any], today: date | None = None) -> SmartResult:
    """Judge a structured draft: each criterion uses the fields that can show it."""
    if not isinstance(draft, Draft):
        draft = Draft.from_payload(draft)
    goal_f = read(draft.goal)
    measure_text = " ".join(x for x in (draft.goal, draft.indicator, draft.target) if x)
    measure_f = read(measure_text)
    problem = _specific_problem(draft.goal, goal_f, bool(measure_f.measures))
    if problem is None:
        specific = CriterionResult("S", Status.LULUS, _S_PASS)
    elif problem[0] == "umum" and len(specific_words(draft.indicator)) >= 2:
        specific = CriterionResult(
            "S",
            Status.LULUS,
            f"Tujuan menjadi spesifik berkat indikatornya ({_q(normalise(draft.indicator))}). "
            "Kalimat tujuan di bawah sudah memuatnya.",
        )
    else:
        specific = CriterionResult("S", Status.BELUM, problem[1])

    measurable = _judge_measurable(measure_f, draft.goal)

    if _is_empty_answer(draft.support):
        achievable = _over_hundred(measure_f) or CriterionResult(
            "A",
            Status.BELUM,
            "Isian dukungan dan sumber daya masih kosong. Tuliskan apa yang dibutuhkan agar "
            "tujuan tercapai, misalnya “pendampingan 1 jam setiap minggu oleh Kasubbag; akses "
            "ke aplikasi SIASN”. Bila tidak perlu dukungan khusus, tuliskan alasannya.",
        )
    else:
        achievable = _over_hundred(measure_f) or CriterionResult(
            "A",
            Status.LULUS,
            f"Dukungan yang dibutuhkan sudah dicatat ({_q(normalise(draft.support))}). Pastikan "
            "atasan langsung menyepakati bahwa target ini dapat dicapai dengan dukungan itu.",
        )

    link_f = read(draft.link)
    refs = _rx(r"\b(?:" + _REF_TERMS + r")\b").search(normalise(draft.link))
    if refs or goal_f.links:
        shown = refs.group(0) if refs else goal_f.links[0]
        relevant = CriterionResult(
            "R", Status.LULUS, f"Kaitan dengan tujuan organisasi disebut: {_q(shown)}."
        )
    elif len(link_f.words) >= 3:
        relevant = CriterionResult(
            "R",
            Status.LULUS,
            "Keterkaitan sudah dijelaskan. Sebutkan juga dokumennya bila ada, misalnya SKP, IKU, "
            "atau renstra, agar mudah ditelusuri.",
        )
    else:
        relevant = CriterionResult(
            "R",
            Status.BELUM,
            "Isian keterkaitan belum menjelaskan hubungan tujuan ini dengan SKP, IKU, renstra, "
            "atau sasaran unit. Contoh: “Mendukung IKU 2 Biro Umum: persentase surat dijawab "
            "tepat waktu”.",
        )

    deadline = normalise(draft.deadline)
    if deadline:
        # The field is a deadline by definition: a bare "Desember" or "Triwulan II" counts.
        keyword = _DEADLINE_KEYWORD.search(deadline) or _rx(r"^(?:setiap|tiap|per)\b").match(
            deadline
        )
        time_f = read(deadline if keyword else "paling lambat " + deadline)
        timely = _judge_time(time_f, today)
        if not time_f.deadlines and not time_f.frequencies and not time_f.vague_times:
            timely = CriterionResult(
                "T",
                Status.BELUM,
                f"Isian tenggat {_q(deadline)} tidak dikenali sebagai tanggal "
                f"atau periode. {_T_EXAMPLE}",
            )
    else:
        timely = _judge_time(read(" ".join((draft.goal, draft.target))), today)
    return SmartResult((specific, measurable, achievable, relevant, timely), measure_f)


# ── the goal sentence ───────────────────────────────────────────────────────────────────────────


def format_date(d: date) -> str:
    """``31 Desember 2026``."""
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def _clean(text: str) -> str:
    return normalise(text).rstrip(" .;,")


def _already_in(part: str, text: str) -> bool:
    return bool(part) and normalise(part).lower() in normalise(text).lower()


def goal_statement(draft: Draft | Mapping[str, Any]) -> str:
    """One clean goal sentence from a draft, e.g.

    ``Meningkatkan ketepatan waktu jawaban surat masuk, diukur dari persentase surat yang dijawab
    dalam 3 hari kerja dari 60% menjadi 90%, paling lambat 31 Desember 2026, untuk mendukung
    IKU 2 Biro Umum.``
    """
    if not isinstance(draft, Draft):
        draft = Draft.from_payload(draft)
    goal = _clean(draft.goal)
    if not goal:
        return ""
    parts = [goal[0].upper() + goal[1:]]
    indicator, target = _clean(draft.indicator), _clean(draft.target)
    if target and _already_in(target, goal):
        target = ""
    if indicator and not _already_in(indicator, goal):
        measure = indicator
        if target:
            joiner = (
                " "
                if _rx(r"^(?:dari|minimal|maksimal|paling|sebesar|sebanyak|≥|≤|>|<)").match(target)
                else " mencapai "
            )
            measure += joiner + target
        parts.append("diukur dari " + measure)
    elif target:
        parts.append("dengan target " + target)
    deadline = _clean(draft.deadline)
    if deadline and not _already_in(deadline, goal):
        dates = [d for d in read(deadline).deadlines if d.kind == "tanggal" and d.end]
        if len(dates) == 1 and normalise(deadline) == dates[0].text:
            deadline = format_date(dates[0].end)  # type: ignore[arg-type]
        if not _rx(
            r"^(?:paling\s+lambat|selambat-lambatnya|sebelum|pada|dalam|selama|hingga|sampai|"
            r"s\.?\s?d|akhir|awal|pertengahan|setiap|tiap)\b"
        ).match(deadline):
            deadline = "paling lambat " + deadline
        parts.append(deadline)
    link = _clean(draft.link)
    if link and not _already_in(link, goal):
        if not _rx(r"^(?:" + _LINK_WORDS + r"|untuk|guna|demi)\b").match(link):
            link = "untuk mendukung " + link
        parts.append(link[0].lower() + link[1:] if not link[:3].isupper() else link)
    return ", ".join(parts) + "."
