"""The errors a render can end with."""

from __future__ import annotations

from pathlib import Path


class RenderError(Exception):
    """A document could not be rendered.

    When a code cell failed, ``cell`` is its number among the document's code cells (1-based),
    ``first_line`` its first line of code and ``error`` the cell's own error text (for Python,
    ``ExceptionName: message``). Other failures (pandoc, typst, Quarto) leave ``cell`` as ``None``
    and put the tool's message in ``error``. ``exit_code`` is the command line's.
    """

    exit_code = 1

    def __init__(
        self,
        document: Path | str,
        error: str,
        *,
        cell: int | None = None,
        first_line: str | None = None,
        stage: str | None = None,
    ) -> None:
        self.document = Path(document)
        self.error = error.strip()
        self.cell = cell
        self.first_line = first_line
        self.stage = stage
        super().__init__(self._message())

    def _message(self) -> str:
        if self.cell is not None:
            where = f"cell {self.cell}"
            if self.first_line:
                where += f" (first line: `{self.first_line}`)"
            return f"{self.document}: {where} failed: {self.error}"
        if self.first_line:
            return f"{self.document}: inline expression `{self.first_line}` failed: {self.error}"
        stage = f" ({self.stage})" if self.stage else ""
        return f"{self.document}: render failed{stage}: {self.error}"


class InputError(RenderError):
    """The input cannot be used at all: no such file, bad YAML, an unknown option value."""

    exit_code = 2

    def _message(self) -> str:
        return f"{self.document}: {self.error}"
