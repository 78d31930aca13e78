"""The canonical text of a typed cell, as claims write values: integers as digits, numbers
without a trailing ``.0``, dates as ISO 8601, booleans as ``true``/``false``, text as is."""

from __future__ import annotations

from typing import Any


def canonical(value: Any) -> str | None:
    """The canonical text of one cell, or ``None`` for an empty cell."""
    import numpy as np
    import pandas as pd

    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, float | np.floating):
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    if isinstance(value, int | np.integer):
        return str(int(value))
    return str(value)
