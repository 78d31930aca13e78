"""The frames the rules run on: each resource, and cross-table views built from them.

Every function here is pure pandas: typed frames in (as :func:`openai_funding.load` returns them),
one DataFrame out. Every frame handed to the rules carries locator columns so that a failed rule
can name where it failed: ``_id`` (position, unique), ``_key`` (the record's key), and where a row
of the frame is one row of one CSV file, ``_file`` and ``_row`` (the CSV line, header = 1), and
``_field`` where each row is one cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from openai_funding import written
from openai_funding.canonical import canonical

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Claimed date fields that record when something happened (as opposed to windows and terms):
#: a source cannot report such an event before it is published.
EVENT_DATE_FIELDS = frozenset(
    {
        "announced_on",
        "closed_on",
        "stated_on",
        "raised_on",
        "occurred_on",
        "reported_on",
        "updated_on",
    }
)

#: For a claimed date field, the field of the same record that holds its precision.
PRECISION_FIELDS = {
    "stated_on": "stated_precision",
    "in_force_until": "in_force_until_precision",
    "timing_start": "timing_precision",
    "timing_end": "timing_precision",
    "occurred_on": "occurred_precision",
}

#: Resources whose every record must be referenced by another record (through a foreign key).
USAGE_TARGETS = ("organizations", "sources")

_RANK = {"year": 1, "month": 2, "day": 3}


@dataclass(frozen=True)
class Resource:
    """What the views need to know of a resource: its file, key and fields."""

    name: str
    path: str
    key: tuple[str, ...]
    fields: dict[str, dict[str, Any]]
    foreign_keys: tuple[dict[str, Any], ...]

    @property
    def claimed(self) -> list[str]:
        return [n for n, f in self.fields.items() if f.get("claimed") is True]

    @property
    def text(self) -> list[str]:
        return [n for n, f in self.fields.items() if f.get("type", "string") == "string"]


def layout(descriptor: dict[str, Any]) -> dict[str, Resource]:
    """Resource name → :class:`Resource`, for every tabular resource of the descriptor."""
    out = {}
    for res in descriptor["resources"]:
        schema = res.get("schema")
        if not isinstance(res.get("path"), str) or not isinstance(schema, dict):
            continue
        fields = {f["name"]: f for f in schema.get("fields", [])}
        # Without a primary key, records are named by their first field (the id, in this package).
        key = schema.get("primaryKey") or list(fields)[:1]
        out[res["name"]] = Resource(
            name=res["name"],
            path=res["path"],
            key=(key,) if isinstance(key, str) else tuple(key),
            fields=fields,
            foreign_keys=tuple(schema.get("foreignKeys", [])),
        )
    return out


def build_all(
    tables: dict[str, pd.DataFrame], resources: dict[str, Resource]
) -> dict[str, Callable[[], pd.DataFrame]]:
    """Frame name → a function that builds it (lazily: a suite asks only for its own frame)."""
    frames: dict[str, Callable[[], pd.DataFrame]] = {
        name: _bind(resource_frame, tables[name], resources[name])
        for name in resources
        if name in tables
    }
    views: dict[str, Callable[..., pd.DataFrame]] = {
        "round_totals": round_totals,
        "investment_totals": investment_totals,
        "commitment_windows": commitment_windows,
        "record_links": record_links,
        "usage": usage,
        "claimed_cells": claimed_cells,
        "claim_support": claim_support,
        "text_cells": text_cells,
    }
    for name, fn in views.items():
        frames[name] = _bind(fn, tables, resources)
    return frames


def resource_frame(frame: pd.DataFrame, resource: Resource) -> pd.DataFrame:
    """The resource as loaded, with its locator columns."""
    out = frame.copy()
    return _locate(out, _keys(frame, resource.key), file=resource.path, rows=_rows(frame))


def round_totals(tables: dict[str, pd.DataFrame], resources: dict[str, Resource]) -> pd.DataFrame:
    """One row per round record: its amount and valuations, what its investments and their
    tranches add up to, and the derived figures: ``pre_plus_amount`` (pre-money + amount),
    ``share_total`` (the investments' share of the amount) and ``usd_per_eur`` (the rate the
    source's own euro conversion implies)."""

    rounds = tables["rounds"]
    inv = tables["investments"]
    com = tables["commitments"].merge(
        inv[["investment_id", "round_id"]], on="investment_id", how="left"
    )
    invested = inv.groupby("round_id")["amount_usd"].sum()
    committed = com.groupby("round_id")["amount_usd"].sum()
    out = rounds[
        [
            "round_id",
            "round_type",
            "allocation",
            "amount_usd",
            "amount_eur",
            "pre_money_valuation_usd",
            "post_money_valuation_usd",
        ]
    ].copy()
    out["pre_plus_amount"] = out["pre_money_valuation_usd"] + out["amount_usd"]
    out["invested_usd"] = out["round_id"].map(invested).fillna(0).astype("Int64")
    out["committed_usd"] = out["round_id"].map(committed).fillna(0).astype("Int64")
    amount = out["amount_usd"].astype("Float64")
    out["share_total"] = out["invested_usd"].astype("Float64") / amount
    out["usd_per_eur"] = amount / out["amount_eur"].astype("Float64")
    out = out.reset_index(drop=True)
    return _locate(out, out["round_id"], file=resources["rounds"].path, rows=_rows(rounds))


def investment_totals(
    tables: dict[str, pd.DataFrame], resources: dict[str, Resource]
) -> pd.DataFrame:
    """One row per investment: its amount, the sum and number of its tranches, its share of the
    round's amount and the round's announcement date."""
    inv = tables["investments"]
    com = tables["commitments"]
    rounds = _by_key(tables["rounds"], "round_id")
    by_inv = com.groupby("investment_id")
    out = inv[["investment_id", "round_id", "amount_usd", "status_as_of"]].copy()
    out["tranche_sum"] = out["investment_id"].map(by_inv["amount_usd"].sum()).fillna(0)
    out["tranche_sum"] = out["tranche_sum"].astype("Int64")
    out["tranche_rows"] = out["investment_id"].map(by_inv.size()).fillna(0).astype("Int64")
    out["tranche_count"] = out["investment_id"].map(by_inv["tranche_count"].max()).astype("Int64")
    round_amount = out["round_id"].map(rounds["amount_usd"]).astype("Float64")
    out["share_of_round"] = out["amount_usd"].astype("Float64") / round_amount
    out["round_announced_on"] = out["round_id"].map(rounds["announced_on"])
    out = out.reset_index(drop=True)
    return _locate(out, out["investment_id"], file=resources["investments"].path, rows=_rows(inv))


def commitment_windows(
    tables: dict[str, pd.DataFrame], resources: dict[str, Resource]
) -> pd.DataFrame:
    """One row per tranche with its round's announcement date; ``earliest_window`` is that date,
    or the first day of its month when the window is known to the month only."""
    com = tables["commitments"]
    inv = _by_key(tables["investments"], "investment_id")
    rounds = _by_key(tables["rounds"], "round_id")
    out = com[
        ["commitment_id", "investment_id", "timing_start", "timing_end", "timing_precision"]
    ].copy()
    out["status_as_of"] = com["status_as_of"]
    out["round_announced_on"] = (
        out["investment_id"].map(inv["round_id"]).map(rounds["announced_on"])
    )
    by_month = out["timing_precision"].eq("month").fillna(False).to_numpy(dtype=bool)
    month_start = out["round_announced_on"].dt.to_period("M").dt.to_timestamp()
    out["earliest_window"] = out["round_announced_on"].where(~by_month, month_start)
    out = out.reset_index(drop=True)
    return _locate(out, out["commitment_id"], file=resources["commitments"].path, rows=_rows(com))


def record_links(tables: dict[str, pd.DataFrame], resources: dict[str, Resource]) -> pd.DataFrame:
    """One row per link from a record to another record of the package that the Table Schemas
    cannot check: a round that updates an earlier round, an agreement that amends an earlier
    agreement (each with both records' dates: a round's ``status_as_of``, an agreement's
    ``stated_on``), and the subject of a question or a report (a record of the resource it
    names)."""
    import pandas as pd

    parts = []
    for name, link, dated in (
        ("rounds", "updates_round_id", "status_as_of"),
        ("agreements", "amends_agreement_id", "stated_on"),
    ):
        frame = tables[name]
        res = resources[name]
        has = frame[link].notna().to_numpy(dtype=bool)
        ids = frame[res.key[0]]
        by_id = _by_key(frame, res.key[0])[dated]
        parts.append(
            pd.DataFrame(
                {
                    "_key": (name + "/" + ids[has]).to_numpy(),
                    "_file": res.path,
                    "_row": _rows(frame)[has],
                    "_field": link,
                    "link": (name + "/" + frame[link][has]).to_numpy(),
                    "target_exists": frame[link][has].isin(ids).to_numpy(dtype=bool),
                    "dated_on": frame[dated][has].to_numpy(),
                    "target_dated_on": frame[link][has].map(by_id).to_numpy(),
                }
            )
        )
    existing = {
        name: set(_keys(tables[name], resources[name].key)) for name in resources if name in tables
    }
    for name in ("questions", "reports"):  # records about a record of any table
        if name not in tables:
            continue
        frame = tables[name]
        key = resources[name].key[0]
        subject = frame["subject_resource"] + "/" + frame["subject_id"]
        parts.append(
            pd.DataFrame(
                {
                    "_key": (name + "/" + frame[key]).to_numpy(),
                    "_file": resources[name].path,
                    "_row": _rows(frame),
                    "_field": "subject_id",
                    "link": subject.to_numpy(),
                    "target_exists": [
                        sid in existing.get(str(res), set())
                        for res, sid in zip(
                            frame["subject_resource"], frame["subject_id"], strict=True
                        )
                    ],
                    "dated_on": pd.NaT,
                    "target_dated_on": pd.NaT,
                }
            )
        )
    out = pd.concat(parts, ignore_index=True)
    out["dated_on"] = pd.to_datetime(out["dated_on"])
    out["target_dated_on"] = pd.to_datetime(out["target_dated_on"])
    out["target_exists"] = out["target_exists"].astype(bool)
    out["_id"] = range(len(out))
    return out


def usage(tables: dict[str, pd.DataFrame], resources: dict[str, Resource]) -> pd.DataFrame:
    """One row per record of the resources in :data:`USAGE_TARGETS` (organizations, sources),
    with ``references``: how many foreign keys of other records point to it."""
    import numpy as np
    import pandas as pd

    parts = []
    for target in USAGE_TARGETS:
        res = resources[target]
        frame = tables[target]
        ids = frame[res.key[0]]
        counts = np.zeros(len(frame), dtype="int64")
        for source_name, source in resources.items():
            for fk in source.foreign_keys:
                ref = fk.get("reference", {})
                ref_resource = ref.get("resource") or source_name
                if ref_resource != target or source_name not in tables:
                    continue
                column = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
                hits = tables[source_name][column].dropna().value_counts()
                counts += ids.map(hits).fillna(0).to_numpy(dtype="int64")
        parts.append(
            pd.DataFrame(
                {
                    "_key": ids.to_numpy(),
                    "_file": res.path,
                    "_row": _rows(frame),
                    "resource": target,
                    "references": counts,
                }
            )
        )
    out = pd.concat(parts, ignore_index=True)
    out["_id"] = range(len(out))
    return out


def claimed_cells(tables: dict[str, pd.DataFrame], resources: dict[str, Resource]) -> pd.DataFrame:
    """One row per non-empty cell of a ``claimed`` field, with its canonical ``value`` and the
    number of ``claims`` that state exactly that value for that record and field."""
    import pandas as pd

    claims = tables["claims"]
    stated = claims.groupby(["resource", "record_id", "field", "value"]).size()
    stated_keys = {tuple(str(p) for p in k): int(v) for k, v in stated.items()}
    rows: list[dict[str, Any]] = []
    for name, res in resources.items():
        if name not in tables or not res.claimed:
            continue
        frame = tables[name]
        keys = _keys(frame, res.key)
        lines = _rows(frame)
        for field in res.claimed:
            for key, line, cell in zip(keys, lines, frame[field], strict=True):
                value = canonical(cell)
                if value is None:
                    continue
                rows.append(
                    {
                        "_key": key,
                        "_file": res.path,
                        "_row": int(line),
                        "_field": field,
                        "value": value,
                        "claims": stated_keys.get((name, key, field, value), 0),
                    }
                )
    columns = ["_key", "_file", "_row", "_field", "value", "claims"]
    out = pd.DataFrame(rows, columns=columns)
    out["claims"] = out["claims"].astype("int64")
    out["_id"] = range(len(out))
    return out


def claim_support(tables: dict[str, pd.DataFrame], resources: dict[str, Resource]) -> pd.DataFrame:
    """One row per claim, with what the rules compare it to: whether its record and field exist,
    the data cell in canonical form, its source's date, language
    and type, and what its ``value_as_written`` reads as (see :mod:`openai_funding.written`)."""
    import pandas as pd

    claims = tables["claims"]
    sources = _by_key(tables["sources"], "source_id")
    records = {
        name: _by_key(tables[name], res.key[0]) if len(res.key) == 1 else None
        for name, res in resources.items()
        if name in tables
    }
    rows = []
    for claim in claims.itertuples(index=False):
        resource = resources.get(str(claim.resource))
        frame = records.get(str(claim.resource))
        record = None
        if frame is not None and claim.record_id in frame.index:
            record = frame.loc[claim.record_id]
        field = resource.fields.get(str(claim.field)) if resource else None
        cell = None
        if record is not None and field is not None:
            cell = canonical(record[field["name"]])
        source = sources.loc[claim.source_id] if claim.source_id in sources.index else None
        published = _day(source["published_on"]) if source is not None else None
        language = str(source["language"]) if source is not None else "en"
        rows.append(
            {
                "target_exists": record is not None,
                "field_exists": field is not None,
                "cell_value": "" if cell is None else cell,
                "source_exists": source is not None,
                "source_type": None if source is None else str(source["source_type"]),
                "source_published_on": published,
                "is_publication_date": published is not None
                and str(claim.value) == published.isoformat(),
                "event_date": _day(claim.value) if str(claim.field) in EVENT_DATE_FIELDS else None,
                **_support(claim, field, record, language, published),
            }
        )
    derived = pd.DataFrame(rows, index=claims.index)
    out = pd.concat([claims, derived], axis=1).reset_index(drop=True)
    for column in ("source_published_on", "event_date"):
        out[column] = pd.to_datetime(out[column])
    for column in ("source_type", "written_reading", "written_unit", "expected_unit"):
        out[column] = out[column].astype("string")
    for column in ("written_qualifier", "term_qualifier"):
        out[column] = out[column].astype("string")
    return _locate(out, out["claim_id"], file=resources["claims"].path, rows=_rows(claims))


def text_cells(tables: dict[str, pd.DataFrame], resources: dict[str, Resource]) -> pd.DataFrame:
    """One row per non-empty cell of a text (``string``) field of any resource: ``text``."""
    import pandas as pd

    parts = []
    for name, res in resources.items():
        if name not in tables:
            continue
        frame = tables[name]
        keys = _keys(frame, res.key)
        lines = _rows(frame)
        for field in res.text:
            column = frame[field]
            has = column.notna().to_numpy(dtype=bool)
            parts.append(
                pd.DataFrame(
                    {
                        "_key": keys[has],
                        "_file": res.path,
                        "_row": lines[has],
                        "_field": field,
                        "text": column[has].to_numpy(),
                    }
                )
            )
    out = pd.concat(parts, ignore_index=True)
    out["text"] = out["text"].astype("string")
    out["_id"] = range(len(out))
    return out


def _support(
    claim: Any,
    field: dict[str, Any] | None,
    record: pd.Series | None,
    language: str,
    published: date | None,
) -> dict[str, Any]:
    """What ``value_as_written`` reads as, for the claim's field, and whether it is in the quote
    and states the claim's value."""
    import pandas as pd

    written_text = claim.value_as_written
    out: dict[str, Any] = {
        "written_in_quote": True,
        "written_supports_value": True,
        "written_reading": None,
        "written_unit": None,
        "expected_unit": None,
        "written_qualifier": None,
        "term_qualifier": None,
    }
    if pd.isna(written_text):
        return out  # an empty value_as_written has a rule of its own
    written_text = str(written_text)
    out["written_in_quote"] = written.in_quote(written_text, str(claim.quote))
    name = str(claim.field)
    kind = (field or {}).get("type", "string")
    reading: written.Reading | None
    if kind in ("integer", "number"):
        reading = written.read_quantity(written_text, language)
        out["expected_unit"] = _expected_unit(name, record)
        if str(claim.resource) == "agreement_terms" and record is not None:
            # Compared only where the words carry a qualifier ("2 gigawatts" says nothing).
            out["written_qualifier"] = reading.qualifier if reading else None
            out["term_qualifier"] = None if pd.isna(record["qualifier"]) else record["qualifier"]
    elif kind == "date":
        reading = written.read_date(written_text, published)
    elif kind == "boolean":
        reading = written.read_boolean(written_text, name)
    elif name == "country_code":
        reading = written.read_country(written_text)
    elif name in ("ric", "wikidata_qid"):
        reading = written.read_identifier(written_text)
    else:
        reading = written.read_category(written_text)
    if reading is None:
        out["written_supports_value"] = False
        out["written_reading"] = "unreadable"
        return out
    out["written_reading"] = reading.describe()
    out["written_unit"] = reading.unit
    supported = reading.supports(str(claim.value))
    if reading.kind == "date" and record is not None and name in PRECISION_FIELDS:
        needed = record[PRECISION_FIELDS[name]]
        if not pd.isna(needed) and str(needed) in _RANK:
            supported = supported and _RANK[reading.precision or "day"] >= _RANK[str(needed)]
    out["written_supports_value"] = supported
    return out


def _expected_unit(field: str, record: pd.Series | None) -> str | None:
    import pandas as pd

    if field.endswith("_usd"):
        return "USD"
    if field.endswith("_eur"):
        return "EUR"
    if record is not None and "unit" in record.index and not pd.isna(record["unit"]):
        return str(record["unit"])
    return None


def _by_key(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """``frame`` indexed by ``column``, first record per key: a duplicate key is a rule's
    business, and must not stop the views from being built."""
    return frame.drop_duplicates(subset=column).set_index(column)


def _day(value: Any) -> date | None:
    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    try:
        return pd.Timestamp(value).date()
    except ValueError:
        return None


def _keys(frame: pd.DataFrame, key: Iterable[str]) -> Any:
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


def _rows(frame: pd.DataFrame) -> Any:
    """CSV line of each row: the header is line 1, so the first record is line 2."""
    import numpy as np

    return np.arange(2, len(frame) + 2, dtype="int64")


def _locate(out: pd.DataFrame, keys: Any, *, file: str, rows: Any) -> pd.DataFrame:
    out = out.reset_index(drop=True)
    out["_key"] = list(keys) if not hasattr(keys, "to_numpy") else keys.to_numpy()
    out["_file"] = file
    out["_row"] = rows
    out["_id"] = range(len(out))
    return out


def _bind(fn: Callable[..., pd.DataFrame], *args: Any) -> Callable[[], pd.DataFrame]:
    return lambda: fn(*args)
