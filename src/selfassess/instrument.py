"""Questionnaires as data: load and validate the YAML instruments in ``selfassess/instruments/``.

An instrument file holds its id, title, instructions, answer scale, dimensions, items and bands
(the schema is documented in CONTRIBUTING.md, "Instrument files"). Loading checks everything; a
broken file raises :class:`~selfassess.errors.UserError` naming the file, the line, the YAML path
(such as ``items[3].dimension``) and what is wrong, so that a trainer can fix it without reading
Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import UserError
from .guide import page_url

#: Folder of the instruments shipped with the package.
INSTRUMENT_DIR = Path(__file__).resolve().parent / "instruments"

#: Item types: scored on a scale, multiple choice with an answer key, open text.
ITEM_TYPES = ("skala", "pilihan", "teks")

DEFAULT_MIN_SHARE = 0.8

_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$")
_PAGE = re.compile(r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\.md(#[A-Za-z0-9_-]+)?$")
_MAX_POINTS = 21


# ── the data model ──────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Text:
    """Indonesian text with its English version beside it when the file gives one."""

    id: str
    en: str | None = None

    def __str__(self) -> str:
        return self.id

    @property
    def plain(self) -> str:
        """The Indonesian text without Markdown emphasis (``*coaching*`` → ``coaching``)."""
        return plain(self.id)


@dataclass(frozen=True)
class Scale:
    """Integer answer points from ``min`` to ``max``; some or all points have labels."""

    min: int
    max: int
    labels: dict[int, Text] = field(default_factory=dict)

    @property
    def points(self) -> range:
        """Every allowed answer."""
        return range(self.min, self.max + 1)

    def label(self, point: int) -> str:
        """The Indonesian label of a point, or the number itself when it has none."""
        text = self.labels.get(point)
        return f"{point} – {text.id}" if text else str(point)


@dataclass(frozen=True)
class Action:
    """A recommended action, optionally with the guide page that explains it."""

    text: Text
    page: str | None = None

    @property
    def url(self) -> str | None:
        """Address of the guide page (see :func:`selfassess.guide.page_url`)."""
        return page_url(self.page) if self.page else None


@dataclass(frozen=True)
class Dimension:
    """A group of items that is scored together."""

    id: str
    name: Text
    description: Text | None
    page: str
    actions: tuple[Action, ...] = ()
    strategy: Text | None = None

    @property
    def url(self) -> str:
        """Address of the guide page that helps with this dimension."""
        return page_url(self.page)


@dataclass(frozen=True)
class Option:
    """One answer of a multiple-choice item."""

    id: str
    text: Text


@dataclass(frozen=True)
class Item:
    """One question. ``scale`` is the item's own scale or the instrument's (``skala`` only)."""

    id: str
    text: Text
    type: str = "skala"
    dimension: str | None = None
    reverse: bool = False
    scale: Scale | None = None
    options: tuple[Option, ...] = ()
    kunci: str | None = None
    required: bool = True

    @property
    def scored(self) -> bool:
        """True for items answered on a scale."""
        return self.type == "skala"


@dataclass(frozen=True)
class Band:
    """A score range ``[min, max)`` (the last band includes its max) with its meaning."""

    min: float
    max: float
    label: Text
    interpretation: Text
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True)
class Instrument:
    """A validated instrument."""

    id: str
    version: int
    title: Text
    instructions: Text
    scale: Scale | None
    dimensions: tuple[Dimension, ...]
    items: tuple[Item, ...]
    bands: tuple[Band, ...]
    min_share: float = DEFAULT_MIN_SHARE
    higher_is_better: bool = True
    page: str | None = None
    audience: Text | None = None
    source: str = ""

    def item(self, item_id: str) -> Item:
        """The item with this id (KeyError when absent)."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def dimension(self, dimension_id: str) -> Dimension:
        """The dimension with this id (KeyError when absent)."""
        for dim in self.dimensions:
            if dim.id == dimension_id:
                return dim
        raise KeyError(dimension_id)

    def items_of(self, dimension_id: str) -> tuple[Item, ...]:
        """The items of one dimension, in file order."""
        return tuple(i for i in self.items if i.dimension == dimension_id)

    @property
    def scored_items(self) -> tuple[Item, ...]:
        """Items answered on a scale (type ``skala``)."""
        return tuple(i for i in self.items if i.scored)

    def band(self, score: float | None) -> Band | None:
        """The band a score falls in (None for an empty score)."""
        if score is None or score != score:  # NaN
            return None
        for band in self.bands:
            if band.min <= score < band.max:
                return band
        last = self.bands[-1]
        return last if score == last.max else None

    @property
    def url(self) -> str | None:
        """Address of the tool's guide page."""
        return page_url(self.page) if self.page else None


# ── YAML reading with line numbers and duplicate-key checks ──────────────────────────────────────


class _Map(dict):
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 0
    lines: dict[Any, int]


class _Seq(list):
    """A YAML sequence that remembers its line."""

    line: int = 0


class _Duplicate(Exception):
    def __init__(self, key: object, line: int) -> None:
        super().__init__(key)
        self.key, self.line = key, line


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    result = _Map()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise _Duplicate(key, key_node.start_mark.line + 1)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> _Seq:
    result = _Seq(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class _Node:
    """A value in the file with its YAML path and line, for precise error messages."""

    def __init__(self, value: Any, path: str, line: int, file: str) -> None:
        self.value, self.path, self.line, self.file = value, path, line, file

    def fail(self, message: str, hint: str | None = None) -> UserError:
        where = self.path or "(akar berkas)"
        return UserError(f"bagian {where}: {message}", file=self.file, row=self.line, hint=hint)

    def _child(self, key: str | int, value: Any) -> _Node:
        if isinstance(key, int):
            path = f"{self.path}[{key}]"
        else:
            path = f"{self.path}.{key}" if self.path else str(key)
        line = getattr(value, "line", 0) or self._line_of(key)
        return _Node(value, path, line, self.file)

    def _line_of(self, key: str | int) -> int:
        lines = getattr(self.value, "lines", None)
        if isinstance(key, str) and lines and key in lines:
            return lines[key]
        return self.line

    # shape checks
    def mapping(self, allowed: Iterable[str]) -> _Node:
        if not isinstance(self.value, dict):
            raise self.fail(f"harus berupa pemetaan (kunci: nilai), bukan {_kind(self.value)}.")
        allowed = tuple(allowed)
        for key in self.value:
            if key not in allowed:
                raise self._child(str(key), self.value[key]).fail(
                    f'kunci "{key}" tidak dikenal.',
                    hint=f"Kunci yang boleh dipakai: {', '.join(allowed)}.",
                )
        return self

    def get(self, key: str) -> _Node | None:
        if key not in self.value or self.value[key] is None:
            return None
        return self._child(key, self.value[key])

    def need(self, key: str, what: str) -> _Node:
        node = self.get(key)
        if node is None:
            path = f"{self.path}.{key}" if self.path else key
            raise _Node(None, path, self.line, self.file).fail(f"{what} wajib diisi.")
        return node

    def sequence(self, *, min_len: int = 1) -> Iterator[_Node]:
        if not isinstance(self.value, list):
            raise self.fail(f"harus berupa daftar (baris diawali '-'), bukan {_kind(self.value)}.")
        if len(self.value) < min_len:
            raise self.fail(f"daftar ini harus berisi paling sedikit {min_len} unsur.")
        return (self._child(i, v) for i, v in enumerate(self.value))

    def string(self) -> str:
        if isinstance(self.value, bool) or not isinstance(self.value, str | int | float):
            raise self.fail(f"harus berupa teks, bukan {_kind(self.value)}.")
        text = str(self.value).strip()
        if not text:
            raise self.fail("teks tidak boleh kosong.")
        return text

    def ident(self) -> str:
        if not isinstance(self.value, str):
            raise self.fail(
                f"pengenal harus berupa teks, bukan {_kind(self.value)}.",
                hint="Tulis dalam tanda kutip bila berupa angka, misalnya '1'.",
            )
        if not _ID.match(self.value):
            raise self.fail(
                f'pengenal "{self.value}" tidak sah.',
                hint="Pakai 1-40 huruf, angka, titik, tanda hubung, atau garis bawah, "
                "diawali huruf (misalnya K01 atau umpan-balik).",
            )
        return self.value

    def integer(self) -> int:
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise self.fail(f"harus berupa bilangan bulat, bukan {_kind(self.value)}.")
        return int(self.value)

    def number(self) -> float:
        if isinstance(self.value, bool) or not isinstance(self.value, int | float):
            raise self.fail(f"harus berupa angka, bukan {_kind(self.value)}.")
        return float(self.value)

    def boolean(self) -> bool:
        if not isinstance(self.value, bool):
            raise self.fail(f"harus bernilai true atau false, bukan {_kind(self.value)}.")
        return self.value

    def text(self) -> Text:
        if isinstance(self.value, dict):
            self.mapping(("id", "en"))
            idn = self.need("id", "teks bahasa Indonesia (id)").string()
            en = self.get("en")
            return Text(idn, en.string() if en else None)
        return Text(self.string())

    def page(self) -> str:
        value = self.string()
        if not _PAGE.match(value):
            raise self.fail(
                f'alamat halaman "{value}" tidak sah.',
                hint="Tulis jalur berkas panduan di bawah docs/, misalnya praktik/umpan-balik.md.",
            )
        return value


def _kind(value: Any) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return "nilai benar/salah"
    if isinstance(value, int | float):
        return f"angka ({value})"
    if isinstance(value, str):
        return f'teks ("{value}")'
    if isinstance(value, list):
        return "daftar"
    if isinstance(value, dict):
        return "pemetaan"
    return type(value).__name__  # pragma: no cover


# ── validation ──────────────────────────────────────────────────────────────────────────────────

_TOP = (
    "id",
    "version",
    "title",
    "instructions",
    "audience",
    "page",
    "higher_is_better",
    "scale",
    "min_share",
    "dimensions",
    "items",
    "bands",
)
_SCALE = ("min", "max", "labels")
_DIMENSION = ("id", "name", "description", "page", "actions", "strategy")
_ACTION = ("text", "page")
_ITEM = ("id", "text", "type", "dimension", "reverse", "scale", "options", "kunci", "required")
_OPTION = ("id", "text")
_BAND = ("min", "max", "label", "interpretation", "actions")


def _scale(node: _Node) -> Scale:
    node.mapping(_SCALE)
    low = node.need("min", "nilai terendah skala (min)").integer()
    high = node.need("max", "nilai tertinggi skala (max)").integer()
    if high <= low:
        raise node.fail(f"max ({high}) harus lebih besar daripada min ({low}).")
    if high - low + 1 > _MAX_POINTS:
        raise node.fail(f"skala terlalu panjang ({high - low + 1} titik; paling banyak 21).")
    labels: dict[int, Text] = {}
    labels_node = node.get("labels")
    if labels_node is not None:
        if not isinstance(labels_node.value, dict):
            raise labels_node.fail(
                f"harus berupa pemetaan titik: label, bukan {_kind(labels_node.value)}."
            )
        seen: dict[str, int] = {}
        for key in labels_node.value:
            child = labels_node._child(str(key), labels_node.value[key])
            if isinstance(key, bool) or not isinstance(key, int):
                raise child.fail(f'kunci label "{key}" harus berupa bilangan bulat dari skala.')
            if not low <= key <= high:
                raise child.fail(f"titik {key} berada di luar skala {low}-{high}.")
            text = child.text()
            norm = normalise_label(text.id)
            if norm in seen:
                raise child.fail(f'label "{text.id}" sudah dipakai untuk titik {seen[norm]}.')
            seen[norm] = key
            labels[key] = text
    return Scale(low, high, dict(sorted(labels.items())))


def _actions(node: _Node | None) -> tuple[Action, ...]:
    if node is None:
        return ()
    result = []
    for child in node.sequence():
        if isinstance(child.value, dict) and "text" in child.value:
            child.mapping(_ACTION)
            page = child.get("page")
            result.append(Action(child.need("text", "teks").text(), page.page() if page else None))
        else:
            result.append(Action(child.text()))
    return tuple(result)


def _dimension(node: _Node) -> Dimension:
    node.mapping(_DIMENSION)
    description = node.get("description")
    strategy = node.get("strategy")
    return Dimension(
        id=node.need("id", "pengenal dimensi").ident(),
        name=node.need("name", "nama dimensi").text(),
        description=description.text() if description else None,
        page=node.need("page", "halaman panduan dimensi").page(),
        actions=_actions(node.get("actions")),
        strategy=strategy.text() if strategy else None,
    )


def _item(node: _Node, default_scale: Scale | None, dimension_ids: set[str]) -> Item:
    node.mapping(_ITEM)
    item_id = node.need("id", "pengenal butir").ident()
    text = node.need("text", "teks butir").text()
    type_node = node.get("type")
    kind = type_node.string() if type_node else "skala"
    if kind not in ITEM_TYPES:
        raise type_node.fail(  # type: ignore[union-attr]
            f'jenis butir "{kind}" tidak dikenal.', hint="Pilih skala, pilihan, atau teks."
        )
    dim_node = node.get("dimension")
    dimension = None
    if dim_node is not None:
        dimension = dim_node.ident()
        if kind == "teks":
            raise dim_node.fail("butir teks tidak dinilai, jadi tidak boleh masuk dimensi.")
        if dimension not in dimension_ids:
            raise dim_node.fail(
                f'dimensi "{dimension}" tidak ada di daftar dimensions.',
                hint=f"Dimensi yang ada: {', '.join(sorted(dimension_ids)) or '(belum ada)'}.",
            )
    reverse_node = node.get("reverse")
    reverse = reverse_node.boolean() if reverse_node else False
    if reverse and kind != "skala":
        raise reverse_node.fail("hanya butir berjenis skala yang dapat dibalik.")  # type: ignore[union-attr]
    scale_node = node.get("scale")
    if scale_node is not None and kind != "skala":
        raise scale_node.fail("hanya butir berjenis skala yang boleh punya skala sendiri.")
    scale = _scale(scale_node) if scale_node is not None else default_scale
    if kind == "skala" and scale is None:
        raise node.fail(
            "butir berjenis skala membutuhkan skala.",
            hint="Isi scale pada instrumen (skala bawaan) atau pada butir ini.",
        )
    options: list[Option] = []
    kunci = None
    options_node = node.get("options")
    kunci_node = node.get("kunci")
    if kind == "pilihan":
        options_node = node.need("options", "daftar pilihan jawaban (options)")
        seen: set[str] = set()
        seen_text: set[str] = set()
        for child in options_node.sequence(min_len=2):
            child.mapping(_OPTION)
            option = Option(
                child.need("id", "pengenal pilihan").ident(), child.need("text", "teks").text()
            )
            if option.id.casefold() in seen:
                raise child.fail(f'pengenal pilihan "{option.id}" dipakai dua kali.')
            if normalise_label(option.text.id) in seen_text:
                raise child.fail(f'teks pilihan "{option.text.id}" dipakai dua kali.')
            seen.add(option.id.casefold())
            seen_text.add(normalise_label(option.text.id))
            options.append(option)
        if kunci_node is not None:
            kunci = kunci_node.string()
            if kunci not in {o.id for o in options}:
                raise kunci_node.fail(
                    f'kunci jawaban "{kunci}" bukan salah satu pengenal pilihan.',
                    hint=f"Pilihan yang ada: {', '.join(o.id for o in options)}.",
                )
    else:
        if options_node is not None:
            raise options_node.fail("daftar pilihan hanya untuk butir berjenis pilihan.")
        if kunci_node is not None:
            raise kunci_node.fail("kunci jawaban hanya untuk butir berjenis pilihan.")
    required_node = node.get("required")
    required = required_node.boolean() if required_node else kind != "teks"
    return Item(
        id=item_id,
        text=text,
        type=kind,
        dimension=dimension,
        reverse=reverse,
        scale=scale if kind == "skala" else None,
        options=tuple(options),
        kunci=kunci,
        required=required,
    )


def _bands(node: _Node, scale: Scale) -> tuple[Band, ...]:
    bands: list[Band] = []
    for child in node.sequence():
        child.mapping(_BAND)
        low_node = child.need("min", "batas bawah pita (min)")
        high_node = child.need("max", "batas atas pita (max)")
        low, high = low_node.number(), high_node.number()
        if high <= low:
            raise high_node.fail(f"max ({high:g}) harus lebih besar daripada min ({low:g}).")
        expected = scale.min if not bands else bands[-1].max
        if low != expected:
            what = "nilai terendah skala" if not bands else "batas atas pita sebelumnya"
            raise low_node.fail(
                f"pita harus bersambung: min seharusnya {expected:g} ({what}), bukan {low:g}."
            )
        bands.append(
            Band(
                low,
                high,
                child.need("label", "label pita").text(),
                child.need("interpretation", "tafsiran pita (interpretation)").text(),
                _actions(child.get("actions")),
            )
        )
    if bands[-1].max != scale.max:
        last = node._child(len(bands) - 1, node.value[-1])
        raise last.fail(
            f"pita terakhir harus berakhir di nilai tertinggi skala ({scale.max}), "
            f"bukan {bands[-1].max:g}."
        )
    return tuple(bands)


def _instrument(root: _Node, expected_id: str | None) -> Instrument:
    root.mapping(_TOP)
    inst_id = root.need("id", "pengenal instrumen").ident()
    if expected_id is not None and inst_id != expected_id:
        raise root.get("id").fail(  # type: ignore[union-attr]
            f'pengenal "{inst_id}" harus sama dengan nama berkas "{expected_id}".',
            hint="Samakan nama berkas dan pengenalnya.",
        )
    version_node = root.get("version")
    version = version_node.integer() if version_node else 1
    scale_node = root.get("scale")
    scale = _scale(scale_node) if scale_node is not None else None
    share_node = root.get("min_share")
    min_share = share_node.number() if share_node else DEFAULT_MIN_SHARE
    if share_node is not None and not 0 < min_share <= 1:
        raise share_node.fail(f"harus lebih dari 0 dan paling besar 1, bukan {min_share:g}.")
    dims: list[Dimension] = []
    dims_node = root.get("dimensions")
    if dims_node is not None:
        for child in dims_node.sequence():
            dim = _dimension(child)
            if dim.id in {d.id for d in dims}:
                raise child.fail(f'pengenal dimensi "{dim.id}" dipakai dua kali.')
            dims.append(dim)
    dim_ids = {d.id for d in dims}
    items: list[Item] = []
    ids: dict[str, int] = {}
    texts: dict[str, int] = {}
    dim_first: dict[str, Item] = {}
    for index, child in enumerate(root.need("items", "daftar butir (items)").sequence()):
        item = _item(child, scale, dim_ids)
        key = item.id.casefold()
        if key in ids:
            raise child.fail(f'pengenal butir "{item.id}" sudah dipakai oleh items[{ids[key]}].')
        norm = normalise_header(item.text.id)
        if norm in texts:
            raise child.fail(f"teks butir ini sama dengan teks items[{texts[norm]}].")
        if item.dimension is not None:
            first = dim_first.setdefault(item.dimension, item)
            if first.type != item.type:
                raise child.fail(
                    f'butir dalam dimensi "{item.dimension}" harus sejenis: butir pertamanya '
                    f"berjenis {first.type}, butir ini {item.type}."
                )
            if first.scale and item.scale and first.scale != item.scale:
                raise child.fail(
                    f'butir dalam dimensi "{item.dimension}" harus memakai skala yang sama '
                    f"({first.scale.min}-{first.scale.max} dengan label yang sama).",
                )
        ids[key], texts[norm] = index, index
        items.append(item)
    for index, dim in enumerate(dims):
        if dim.id not in dim_first:
            raise dims_node._child(index, dims_node.value[index]).fail(  # type: ignore[union-attr]
                f'dimensi "{dim.id}" belum punya butir.'
            )
    bands_node = root.get("bands")
    bands: tuple[Band, ...] = ()
    if bands_node is not None:
        if scale is None:
            raise bands_node.fail("pita skor membutuhkan skala bawaan instrumen (scale).")
        bands = _bands(bands_node, scale)
    elif any(i.scored and i.scale == scale for i in items):
        raise root.need("bands", "daftar pita skor (bands)")
    for index, dim in enumerate(dims):
        first = dim_first[dim.id]
        if first.scored and first.scale != scale:
            raise dims_node._child(index, dims_node.value[index]).fail(  # type: ignore[union-attr]
                f'butir dimensi "{dim.id}" memakai skala lain daripada skala bawaan instrumen, '
                "padahal skor dimensi dan pitanya memakai skala bawaan.",
                hint="Hapus scale dari butir-butir itu, atau keluarkan butirnya dari dimensi.",
            )
    hib = root.get("higher_is_better")
    page = root.get("page")
    audience = root.get("audience")
    return Instrument(
        id=inst_id,
        version=version,
        title=root.need("title", "judul instrumen").text(),
        instructions=root.need("instructions", "petunjuk pengisian").text(),
        scale=scale,
        dimensions=tuple(dims),
        items=tuple(items),
        bands=bands,
        min_share=min_share,
        higher_is_better=hib.boolean() if hib else True,
        page=page.page() if page else None,
        audience=audience.text() if audience else None,
        source=root.file,
    )


# ── public API ──────────────────────────────────────────────────────────────────────────────────


def plain(text: str) -> str:
    """Text without Markdown emphasis marks: ``(*coaching*)`` → ``(coaching)``."""
    return re.sub(r"\*([^*]+)\*", r"\1", text)


def number(value: float, digits: int = 2) -> str:
    """A number as Indonesian readers write it: decimal comma, no trailing zeros (``3,25``)."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def normalise_label(text: str) -> str:
    """Case-, space- and end-punctuation-insensitive form of a label or answer."""
    return re.sub(r"\s+", " ", text).strip().strip(".:;,!?").strip().casefold()


def normalise_header(text: str) -> str:
    """Case-, space- and punctuation-insensitive form of a column header or item text.

    Form tools export headers with extra spaces, changed case, a trailing ``?``/``.``/``*``, or
    a numbering prefix such as ``3.``; these all map to the same key.
    """
    text = re.sub(r"\s+", " ", str(text)).strip().casefold()
    text = re.sub(r"^\d{1,3}[.)]\s+", "", text)
    text = text.strip(" .:;,!?*\"'“”‘’")
    return re.sub(r"\s+", " ", text)


def parse(text: str, file: str = "<teks>", expected_id: str | None = None) -> Instrument:
    """Validate an instrument given as YAML text (``file`` names it in error messages)."""
    try:
        data = yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader subclass
    except _Duplicate as dup:
        raise UserError(
            f'kunci "{dup.key}" muncul dua kali dalam satu bagian.',
            file=file,
            row=dup.line,
            hint="Hapus salah satunya; YAML hanya memakai yang terakhir.",
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "susunan tidak sah"
        raise UserError(
            f"susunan YAML tidak sah ({problem}).",
            file=file,
            row=mark.line + 1 if mark else None,
            hint="Periksa indentasi (pakai spasi, bukan tab), titik dua, dan tanda kutip.",
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - other reader errors
        raise UserError(f"susunan YAML tidak sah ({exc}).", file=file) from None
    if data is None:
        raise UserError("berkas instrumen kosong.", file=file)
    return _instrument(_Node(data, "", getattr(data, "line", 1), file), expected_id)


@lru_cache(maxsize=64)
def _load_file(path: Path, mtime: float) -> Instrument:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError(
            "berkas instrumen bukan teks UTF-8.", file=path.name, hint="Simpan ulang sebagai UTF-8."
        ) from None
    return parse(text, file=path.name, expected_id=path.stem)


def _resolve(id_or_path: str | Path) -> Path:
    candidate = Path(id_or_path)
    if candidate.suffix in {".yaml", ".yml"} or candidate.is_file():
        if not candidate.is_file():
            raise UserError("berkas instrumen tidak ditemukan.", file=str(candidate))
        return candidate
    path = INSTRUMENT_DIR / f"{id_or_path}.yaml"
    if not path.is_file():
        known = ", ".join(instrument_ids()) or "(belum ada)"
        raise UserError(
            f'instrumen "{id_or_path}" tidak dikenal.',
            field="instrumen",
            hint=f"Instrumen yang tersedia: {known}.",
        )
    return path


def load(id_or_path: str | Path) -> Instrument:
    """Load a shipped instrument by id (``kompetensi-coaching``) or any file by its path."""
    path = _resolve(id_or_path)
    return _load_file(path.resolve(), path.stat().st_mtime)


def instrument_ids() -> list[str]:
    """Ids of the instruments shipped with the package, sorted."""
    return sorted(p.stem for p in INSTRUMENT_DIR.glob("*.yaml"))


def list_instruments() -> list[Instrument]:
    """Every shipped instrument, loaded and validated, sorted by id."""
    return [load(i) for i in instrument_ids()]
