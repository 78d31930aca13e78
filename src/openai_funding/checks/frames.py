"""Locator columns and lookups shared by the views: every frame handed to the rules names where
each row comes from (``_id``, ``_key``, ``_file``, ``_row``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def by_key(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """``frame`` indexed by ``column``, first record per key: a duplicate key is a rule's
    business, and must not stop the views from being built."""
    return frame.drop_duplicates(subset=column).set_index(column)


def keys_of(frame: pd.DataFrame, key: Iterable[str]) -> Any:
    """The record keys of ``frame`` as a numpy array of strings (``a/b`` for compound keys)."""
    import numpy as np

    key = list(key)
    if not key:
        return np.array([str(i + 2) for i in range(len(frame))], dtype=object)
    parts = [frame[k].astype("string").fillna("").to_numpy(dtype=object) for k in key]
    if len(parts) == 1:
        return parts[0]
    joined = parts[0]
    for part in parts[1:]:
        joined = joined + "/" + part
    return joined


def rows_of(frame: pd.DataFrame) -> Any:
    """CSV line of each row: the header is line 1, so the first record is line 2."""
    import numpy as np

    return np.arange(2, len(frame) + 2, dtype="int64")


def locate(out: pd.DataFrame, keys: Any, *, file: str, rows: Any) -> pd.DataFrame:
    out = out.reset_index(drop=True)
    out["_key"] = list(keys) if not hasattr(keys, "to_numpy") else keys.to_numpy()
    out["_file"] = file
    out["_row"] = rows
    out["_id"] = range(len(out))
    return out


def bind(fn: Callable[..., pd.DataFrame], *args: Any) -> Callable[[], pd.DataFrame]:
    return lambda: fn(*args)
