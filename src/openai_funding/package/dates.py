"""The build date as the environment gives it: ``SOURCE_DATE_EPOCH`` (reproducible-builds.org),
read here and only here (the render engine, which imports nothing of ours, reads its own)."""

from __future__ import annotations

import datetime as dt
import os


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as seconds, or ``None`` when it is unset or not a whole number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else None


def created_day(created: str | None) -> dt.date:
    """The day of a descriptor's ``created`` timestamp (1970-01-01 when it has none)."""
    return dt.datetime.fromisoformat(created or "1970-01-01T00:00:00Z").date()
