"""``openai_funding.load()``: the package as typed pandas DataFrames, following its Table Schemas."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openai_funding.package.descriptor import Package, Resource, read_package

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: pandas dtype for each Table Schema type the package uses.
DTYPES = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
}


#: The dtype of every date column: days, as timestamps at midnight, in one unit.
DATE_DTYPE = "datetime64[us]"


class LoadError(ValueError):
    """A cell that does not convert to its field's type; names the file, row and field."""

    def __init__(self, file: str, row: int | None, field: str | None, detail: str) -> None:
        self.file, self.row, self.field, self.detail = file, row, field, detail
        where = file if row is None else f"{file}:{row}"
        super().__init__(f"{where}: field {field!r}: {detail}" if field else f"{where}: {detail}")


class Tables(dict[str, "pd.DataFrame"]):
    """The package's tables by resource name (a plain ``dict``), and ``as_of``: the date up to
    which the sources were checked (the descriptor's ``asOf``). Nothing in the tables is known
    to have happened after it; what they leave open is open as of that date."""

    def __init__(self, frames: dict[str, pd.DataFrame], as_of: date | None) -> None:
        super().__init__(frames)
        self.as_of = as_of

    def __repr__(self) -> str:
        return f"Tables(as_of={self.as_of}, resources={list(self)})"


def load(package: Package | str | Path | None = None) -> Tables:
    """Read every resource of the package as a typed DataFrame, keyed by resource name.

    The result is a ``dict`` whose ``as_of`` attribute is the package's "as of" date
    (:class:`datetime.date`): the latest date up to which its sources were checked.

    Strings become pandas ``string``, integers nullable ``Int64``, numbers ``Float64``,
    booleans nullable ``boolean`` and dates ``datetime64[us]`` (every one, empty or not); an empty cell is missing (``<NA>``
    or ``NaT``). Column order follows the schema. The data are not validated here: run
    ``openai-funding validate`` for that. ``package`` is a :class:`Package` already read, or the
    path of its descriptor (or of a folder holding one); without it, the data that came with
    this install (:func:`~openai_funding.package.bundled.bundled_descriptor`: inside the wheel,
    or a source checkout's own ``datapackage.json``), so ``load()`` works from any folder.
    """
    if package is None:
        from openai_funding.package.bundled import bundled_descriptor

        package = bundled_descriptor()
    if not isinstance(package, Package):
        package = read_package(package)
    frames = {name: read_resource(res, package.base) for name, res in package.tabular.items()}
    return Tables(frames, package.as_of)


def read_resource(resource: Resource, base: Path) -> pd.DataFrame:
    """One resource as a typed DataFrame (see :func:`load`)."""
    import pandas as pd

    rel = str(resource.path)
    schema = resource.schema or {}
    try:
        frame = pd.read_csv(
            base / rel,
            dtype=str,
            keep_default_na=False,
            na_values=list(schema.get("missingValues", [""])),
            encoding="utf-8",
        )
    except ValueError as exc:  # pandas' ParserError and UnicodeDecodeError are ValueErrors
        raise LoadError(rel, None, None, f"not readable as comma-separated UTF-8: {exc}") from None
    out = {}
    for name, field in resource.fields.items():
        if name not in frame.columns:
            raise LoadError(rel, 1, name, "column missing")
        out[name] = _convert(frame[name], field, rel)
    return pd.DataFrame(out)


def _convert(column: pd.Series, field: Mapping[str, Any], rel: str) -> pd.Series:
    import pandas as pd

    kind = field.get("type", "string")
    try:
        if kind == "date":  # one unit for all (pandas 3 gives an all-empty column another)
            return pd.to_datetime(column, format="%Y-%m-%d").astype(DATE_DTYPE)
        if kind == "boolean":
            mapping = dict.fromkeys(field.get("trueValues", ("true",)), True)
            mapping |= dict.fromkeys(field.get("falseValues", ("false",)), False)
            bad = column.notna() & ~column.isin(list(mapping))
            if bad.any():
                raise ValueError(f"not a boolean: {column[bad].iloc[0]!r}")
            return column.map(mapping).astype("boolean")
        if kind in ("integer", "number"):
            return pd.to_numeric(column).astype(DTYPES[kind])
        return column.astype("string")
    except (ValueError, TypeError, OverflowError) as exc:
        bad_row = _first_bad_row(column, kind)
        detail = "beyond the range of a 64-bit integer" if isinstance(exc, OverflowError) else exc
        raise LoadError(rel, bad_row, field["name"], str(detail)) from None


#: The range of a 64-bit integer column (``Int64``).
INT64 = range(-(2**63), 2**63)


def _first_bad_row(column: pd.Series, kind: str) -> int | None:
    import pandas as pd

    for position, value in enumerate(column, start=2):
        if pd.isna(value):
            continue
        try:
            if kind == "date":
                pd.to_datetime(value, format="%Y-%m-%d")
            elif kind == "integer":
                if int(value) not in INT64:
                    return position
            elif kind == "number":
                float(value)
        except (ValueError, TypeError):
            return position
    return None
