"""``selfassess instruments [ID]``: list the instruments, or show one with its items."""

from __future__ import annotations

import argparse

from ..instrument import Instrument, list_instruments, load, number


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``instruments`` subcommand."""
    parser = sub.add_parser(
        "instruments",
        help="daftar instrumen, atau rincian satu instrumen",
        description="Tanpa ID: daftar semua instrumen. Dengan ID: skala, dimensi, dan butirnya.",
    )
    parser.add_argument("id", nargs="?", metavar="ID", help="pengenal instrumen atau berkas YAML")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the list or one instrument."""
    if args.id:
        print(describe(load(args.id)))
        return 0
    found = list_instruments()
    width = max(len(i.id) for i in found)
    for inst in found:
        print(
            f"{inst.id:<{width}}  {len(inst.items):>3} butir  {len(inst.dimensions)} dimensi  "
            f"{inst.title.id}"
        )
    print(f"\nRincian satu instrumen: selfassess instruments ID (misalnya {found[0].id}).")
    return 0


def describe(inst: Instrument) -> str:
    """Plain-text description of an instrument: scale, dimensions and their items."""
    lines = [f"{inst.id} — {inst.title.id}", "", inst.instructions.id, ""]
    if inst.scale is not None:
        labels = ", ".join(f"{p} = {t.id}" for p, t in inst.scale.labels.items())
        lines.append(
            f"Skala: {inst.scale.min}-{inst.scale.max}" + (f" ({labels})" if labels else "")
        )
    lines.append(f"Porsi minimum butir terjawab per dimensi: {number(inst.min_share * 100)}%")
    if inst.bands:
        bands = "; ".join(f"{b.label.id} {number(b.min)}–{number(b.max)}" for b in inst.bands)
        lines.append(f"Pita skor: {bands}")
    if not inst.higher_is_better:
        lines.append("Skor tinggi berarti kendala makin terasa.")
    for dim in inst.dimensions:
        lines += ["", f"[{dim.id}] {dim.name.plain}"]
        if dim.strategy:
            lines.append(f"  Strategi: {dim.strategy.plain}")
        lines += [_item_line(i) for i in inst.items_of(dim.id)]
    loose = [i for i in inst.items if i.dimension is None]
    if loose:
        lines += ["", "[tanpa dimensi]"] + [_item_line(i) for i in loose]
    return "\n".join(lines)


def _item_line(item) -> str:  # type: ignore[no-untyped-def]
    marks = []
    if item.reverse:
        marks.append("dibalik")
    if item.type != "skala":
        marks.append(item.type)
    elif item.scale is not None and item.scale.max - item.scale.min != 4:
        marks.append(f"skala {item.scale.min}-{item.scale.max}")
    mark = f" ({', '.join(marks)})" if marks else ""
    return f"  {item.id:<7} {item.text.plain}{mark}"
