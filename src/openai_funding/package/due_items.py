"""The items of the worklist (``openai-funding due``): what an item points to (:class:`Look`),
one item (:class:`Item`), the claims and reports on each record (:class:`Looks`) and how dates and amounts
are written."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


@dataclass(frozen=True)
class Look:
    """Something to look at: a claim (``kind`` ``claim``, with its source, publisher and
    address) or a report (``kind`` ``report``, ``publisher`` its ``reported_by``)."""

    kind: str
    id: str
    source_id: str | None = None
    publisher: str | None = None
    url: str | None = None

    def short(self) -> str:
        return f"{self.id} ({self.source_id})" if self.kind == "claim" else f"report {self.id}"


@dataclass(frozen=True)
class Item:
    """One line of the worklist: the record (``resource``, ``key``), why it is listed, what to
    look at, and its dates (ISO strings): the worklist's date ``on``, ``status_as_of``,
    ``due_by`` (a tranche's scheduled date), ``expires_on`` and ``age_days`` (``on`` minus
    ``status_as_of``)."""

    section: str
    resource: str
    key: str
    why: str
    look_at: tuple[Look, ...]
    on: str
    status_as_of: str | None = None
    due_by: str | None = None
    expires_on: str | None = None
    age_days: int | None = None


def iso(value: object) -> str | None:
    import pandas as pd

    return None if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()


def money(value: object) -> str:
    import pandas as pd

    if pd.isna(value):
        return "amount not known"
    amount = int(value)  # type: ignore[call-overload]
    return f"${amount / 1e9:g}bn" if amount >= 10**9 else f"${amount:,}"


class Looks:
    """What an item points to: the claims on each record (resource, key), with their fields and
    sources, and the reports (made by ``on``) on each record."""

    def __init__(self, tables: Mapping[str, pd.DataFrame], on: date) -> None:
        import pandas as pd

        sources = tables["sources"].drop_duplicates("source_id").set_index("source_id")
        self.claims: dict[tuple[str, str], list[tuple[str, Look]]] = {}
        for c in tables["claims"].sort_values("claim_id", kind="stable").itertuples(index=False):
            src = sources.loc[c.source_id] if c.source_id in sources.index else None
            look = Look(
                "claim",
                str(c.claim_id),
                str(c.source_id),
                None if src is None or missing(src["publisher"]) else str(src["publisher"]),
                None if src is None or missing(src["url"]) else str(src["url"]),
            )
            self.claims.setdefault((str(c.resource), str(c.record_id)), []).append((c.field, look))
        reports = tables["reports"]
        reports = reports[~(reports["reported_on"] > pd.Timestamp(on))]
        self.reports: dict[tuple[str, str], list[Look]] = {}
        for r in reports.sort_values("report_id", kind="stable").itertuples(index=False):
            look = Look("report", str(r.report_id), publisher=str(r.reported_by))
            self.reports.setdefault((str(r.subject_resource), str(r.subject_id)), []).append(look)

    def on(self, resource: str, key: str, fields: tuple[str, ...] = ()) -> list[Look]:
        """The claims on the record, on ``fields`` only when given."""
        return [
            look for f, look in self.claims.get((resource, key), []) if not fields or f in fields
        ]

    def reports_on(self, resource: str, key: str) -> list[Look]:
        """The reports whose subject is the record."""
        return list(self.reports.get((resource, key), []))


def missing(value: object) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))
