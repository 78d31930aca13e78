"""The frames the rules run on: each resource, and cross-table views built from them.

Every function here is pure pandas: typed frames in (as :func:`openai_funding.load` returns them),
one DataFrame out. Every frame handed to the rules carries locator columns so that a failed rule
can name where it failed: ``_id`` (position, unique), ``_key`` (the record's key), and where a row
of the frame is one row of one CSV file, ``_file`` and ``_row`` (the CSV line, header = 1), and
``_field`` where each row is one cell.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from openai_funding.checks.claim_views import claim_support, claimed_cells
from openai_funding.checks.frames import bind, by_key, keys_of, locate, rows_of

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from openai_funding.package.descriptor import Resource

#: Resources whose every record must be referenced by another record (through a foreign key).
USAGE_TARGETS = ("organizations", "sources")


def build_all(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> dict[str, Callable[[], pd.DataFrame]]:
    """Frame name → a function that builds it (lazily: a suite asks only for its own frame)."""
    frames: dict[str, Callable[[], pd.DataFrame]] = {
        name: bind(resource_frame, tables[name], resources[name])
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
        frames[name] = bind(fn, tables, resources)
    return frames


def resource_frame(frame: pd.DataFrame, resource: Resource) -> pd.DataFrame:
    """The resource as loaded, with its locator columns."""
    out = frame.copy()
    return locate(out, keys_of(frame, resource.key), file=resource.path, rows=rows_of(frame))


def round_totals(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> pd.DataFrame:
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
    return locate(out, out["round_id"], file=resources["rounds"].path, rows=rows_of(rounds))


def investment_totals(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> pd.DataFrame:
    """One row per investment: its amount, the sum and number of its tranches, its share of the
    round's amount and the round's announcement date."""
    inv = tables["investments"]
    com = tables["commitments"]
    rounds = by_key(tables["rounds"], "round_id")
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
    return locate(out, out["investment_id"], file=resources["investments"].path, rows=rows_of(inv))


def commitment_windows(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> pd.DataFrame:
    """One row per tranche with its round's announcement date; ``earliest_window`` is that date,
    or the first day of its month when the window is known to the month only."""
    com = tables["commitments"]
    inv = by_key(tables["investments"], "investment_id")
    rounds = by_key(tables["rounds"], "round_id")
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
    return locate(out, out["commitment_id"], file=resources["commitments"].path, rows=rows_of(com))


def record_links(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> pd.DataFrame:
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
        by_id = by_key(frame, res.key[0])[dated]
        parts.append(
            pd.DataFrame(
                {
                    "_key": (name + "/" + ids[has]).to_numpy(),
                    "_file": res.path,
                    "_row": rows_of(frame)[has],
                    "_field": link,
                    "link": (name + "/" + frame[link][has]).to_numpy(),
                    "target_exists": frame[link][has].isin(ids).to_numpy(dtype=bool),
                    "dated_on": frame[dated][has].to_numpy(),
                    "target_dated_on": frame[link][has].map(by_id).to_numpy(),
                }
            )
        )
    existing = {
        name: set(keys_of(tables[name], resources[name].key))
        for name in resources
        if name in tables
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
                    "_row": rows_of(frame),
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


def usage(tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]) -> pd.DataFrame:
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
                    "_row": rows_of(frame),
                    "resource": target,
                    "references": counts,
                }
            )
        )
    out = pd.concat(parts, ignore_index=True)
    out["_id"] = range(len(out))
    return out


def text_cells(tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]) -> pd.DataFrame:
    """One row per non-empty cell of a text (``string``) field of any resource: ``text``."""
    import pandas as pd

    parts = []
    for name, res in resources.items():
        if name not in tables:
            continue
        frame = tables[name]
        keys = keys_of(frame, res.key)
        lines = rows_of(frame)
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
