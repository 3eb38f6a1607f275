"""Errors meant for people: Indonesian messages that say where the problem is and what to do."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix. ``str(err)`` is a complete Indonesian message.

    The location parts (file, row, column, field) are kept as attributes so that a widget can show
    the message beside the right field and tests can check where the problem was found.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.row = row
        self.column = column
        self.field = field
        self.hint = hint
        super().__init__(self.__str__())

    def where(self) -> str:
        """The location as Indonesian text, e.g. ``berkas data.csv, baris 3, kolom "B2"``."""
        parts = []
        if self.file:
            parts.append(f"berkas {self.file}")
        if self.row is not None:
            parts.append(f"baris {self.row}")
        if self.column:
            parts.append(f'kolom "{self.column}"')
        if self.field:
            parts.append(f'isian "{self.field}"')
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        text = f"{where[:1].upper()}{where[1:]}: {self.message}" if where else self.message
        if self.hint:
            text = f"{text} {self.hint}"
        return text
