"""One shape for every problem found in the package, whoever found it (schema or rule)."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A problem in the package, located as precisely as the check allows.

    ``file`` is the path as the descriptor names it (or the descriptor itself), ``row`` the 1-based
    line of the CSV file counting the header as line 1 (``None`` for whole-file problems),
    ``field`` the column, ``check`` a short stable code (``type-error``, ``rule:...``), ``message``
    what is wrong in words and ``found`` the offending value as read. ``key`` is the record's
    key when the check names records (rules on views), else ``None``.
    """

    file: str
    row: int | None
    field: str | None
    check: str
    message: str
    found: str | None = None
    key: str | None = None

    def line(self) -> str:
        """One human-readable line: ``file:row [key]: field: message (found: ...)``."""
        where = self.file if self.row is None else f"{self.file}:{self.row}"
        if self.key is not None:
            where += f" [{self.key}]"
        field = f" field {self.field!r}:" if self.field else ""
        # A rule's found value names several columns (``a=1, b=2``): give it more room.
        limit = 160 if self.check.startswith("rule:") else 80
        found = "" if self.found is None else f" (found: {_clip(self.found, limit)!r})"
        return f"{where}:{field} {self.message} [{self.check}]{found}"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


class UnusableInputError(Exception):
    """The input cannot be read as a data package at all (exit code 2)."""

    exit_code = 2


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
