"""The views of the rules that keep the package true as of its date (``asOf``): schedules
that have passed have an outcome, nothing is dated after the "as of" date, payments never
exceed commitments, and every outcome that states something has claims that support it.

Like :mod:`openai_funding.checks.views`: typed frames in (``load()``'s result, whose ``as_of`` is the
package's date), one DataFrame out, with locator columns (``_id``, ``_key``, ``_file``, ``_row``,
``_field``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from openai_funding.checks.claim_views import claim_support
from openai_funding.checks.frames import bind, keys_of, locate, rows_of
from openai_funding.checks.grade_views import graded, supported_ranks, supporting
from openai_funding.package import paid

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from openai_funding.package.descriptor import Resource

#: Fields that say what was known when: bounded by the package's "as of" date.
STATUS_DATE_FIELDS = ("status_as_of", "occurred_on", "updated_on", "reported_on")


def schedule_outcomes(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> pd.DataFrame:
    """One row per tranche: ``scheduled_by`` (the end of its window or its date), the package's
    ``as_of``, how many ``outcomes`` record what became of it, and ``due_has_outcome``: false
    when it was scheduled before the "as of" date and nothing says what became of it."""
    com = tables["commitments"]
    counts = tables["outcomes"].groupby("commitment_id").size()
    out = com[["commitment_id", "timing_start", "timing_end", "timing_precision"]].copy()
    out["scheduled_by"] = paid.scheduled_by(com)
    out["as_of"] = paid.as_of_timestamp(tables)
    out["outcomes"] = out["commitment_id"].map(counts).fillna(0).astype("int64")
    due = (out["scheduled_by"] < out["as_of"]).fillna(False).astype(bool)
    out["due_has_outcome"] = ~due | (out["outcomes"] > 0)
    return locate(out, out["commitment_id"], file=resources["commitments"].path, rows=rows_of(com))


def as_of_bounds(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> pd.DataFrame:
    """One row per non-empty date cell that says what was known when (``kind`` ``status``: the
    fields of :data:`STATUS_DATE_FIELDS`) or when a source was published (``kind``
    ``publication``: ``sources.published_on``), with the package's ``as_of``."""
    import pandas as pd

    as_of = paid.as_of_timestamp(tables)
    parts = []
    for name, res in resources.items():
        if name not in tables:
            continue
        frame = tables[name]
        for field in res.fields:
            if field in STATUS_DATE_FIELDS:
                kind = "status"
            elif name == "sources" and field == "published_on":
                kind = "publication"
            else:
                continue
            has = frame[field].notna().to_numpy(dtype=bool)
            parts.append(
                pd.DataFrame(
                    {
                        "_key": keys_of(frame, res.key)[has],
                        "_file": res.path,
                        "_row": rows_of(frame)[has],
                        "_field": field,
                        "kind": kind,
                        "dated_on": frame[field][has].to_numpy(),
                    }
                )
            )
    columns = ["_key", "_file", "_row", "_field", "kind", "dated_on"]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    out["dated_on"] = pd.to_datetime(out["dated_on"])
    out["as_of"] = as_of
    out["as_of"] = pd.to_datetime(out["as_of"])
    out["kind"] = out["kind"].astype("string")
    out["_id"] = range(len(out))
    return out


def paid_totals(tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]) -> pd.DataFrame:
    """One row per tranche, investment and round (``level``), with what was committed
    (``committed_usd``) and what sources report paid by the "as of" date (``paid_usd``)."""
    import pandas as pd

    levels = (
        ("tranche", "commitments", paid.tranche_states(tables), "commitment_id", "amount_usd"),
        (
            "investment",
            "investments",
            paid.paid_by_investment(tables),
            "investment_id",
            "committed_usd",
        ),
        ("round", "rounds", paid.paid_by_round(tables), "round_id", "amount_usd"),
    )
    parts = [
        pd.DataFrame(
            {
                "_key": frame[key].to_numpy(),
                "_file": resources[name].path,
                "_row": rows_of(tables[name]),
                "level": level,
                "committed_usd": frame[committed].to_numpy(),
                "paid_usd": frame["paid_usd"].to_numpy(),
            }
        )
        for level, name, frame, key, committed in levels
    ]
    out = pd.concat(parts, ignore_index=True)
    for column in ("committed_usd", "paid_usd"):
        out[column] = out[column].astype("Int64")
    out["level"] = out["level"].astype("string")
    out["_id"] = range(len(out))
    return out


def outcome_evidence(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> pd.DataFrame:
    """One row per outcome: ``outcome``, ``grade``, and ``supported_claims``: how many claims on
    its claimed fields (when, how much) have a quote whose words state the outcome's value.

    ``grade_rank`` ranks the outcome's grade (:data:`~openai_funding.package.paid.GRADES`,
    strongest first) and ``supported_rank`` the strongest grade those claims support: a PRIMARY
    claim supports ``confirmed``; a claim from a source that relays the statement of a party to
    the tranche (``sources.relays_org_id``: the investor, OpenAI, or a unit of either)
    ``relayed``; any supporting claim ``reported``; none, only ``not-known``
    (``supported_grade`` names it)."""
    good = supporting(claim_support(tables, resources), "outcomes")
    counts = good.groupby("record_id").size()
    outcomes = tables["outcomes"]
    out = outcomes[["outcome_id", "commitment_id", "outcome", "grade"]].copy()
    out["supported_claims"] = out["outcome_id"].map(counts).fillna(0).astype("int64")
    tranche = paid.tranche_parties(tables)
    parties = {
        str(o): tranche.get(str(c), frozenset())
        for o, c in zip(outcomes["outcome_id"], outcomes["commitment_id"], strict=True)
    }
    out = graded(out, "outcome_id", supported_ranks(good, tables["sources"], parties))
    return locate(out, out["outcome_id"], file=resources["outcomes"].path, rows=rows_of(outcomes))


def build_all(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> dict[str, Callable[[], pd.DataFrame]]:
    """View name → a function that builds it (lazily), as :func:`views.build_all` does."""
    views = {
        "schedule_outcomes": schedule_outcomes,
        "as_of_bounds": as_of_bounds,
        "paid_totals": paid_totals,
        "outcome_evidence": outcome_evidence,
    }
    return {name: bind(fn, tables, resources) for name, fn in views.items()}
