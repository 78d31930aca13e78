"""Money paid and money to come, as of the package's date: derived from the schedules
(``commitments``) and their dated outcomes (``outcomes``), never typed.

A tranche's state as of the "as of" date is one of:

- ``paid``: sources report it paid in full (``part-paid`` when for less than its amount);
- ``conditional``: not reported paid, and due only when conditions are met;
- ``scheduled``: not reported paid, and scheduled after the "as of" date;
- ``not-known``: not reported paid although its scheduled date has passed, or its timing was
  never disclosed: whether it was paid is not known as of that date.

A paid tranche also has a ``grade``, how its payment is known (:data:`GRADES`, strongest
first): the strongest grade of the outcomes that report it paid. "Paid so far" is given per grade
(:func:`paid_by_grade`), and the round's money as one of the :data:`STANDINGS` (paid and confirmed
or relayed, reported paid, not known, scheduled, on conditions) by :func:`round_standing`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from datetime import date

    import pandas as pd

#: The states of a tranche, in the order a reader meets them (and charts stack them).
STATES = ("paid", "part-paid", "not-known", "scheduled", "conditional")

#: How an outcome is known (``outcomes.grade``), strongest first: read in the party's own release
#: or filing; a named outlet reports the party's own statement; an outlet reports it, unconfirmed;
#: no source found (as of a date).
GRADES = ("confirmed", "relayed", "reported", "not-known")

#: Where each dollar of a round stands as of the "as of" date, in the order charts stack them:
#: paid and known from the party (confirmed or relayed), reported paid, not known, scheduled
#: after the date, due only on conditions.
STANDINGS = ("paid", "reported-paid", "not-known", "scheduled", "conditional")


def grade_rank(grade: object) -> int:
    """3 for ``confirmed`` down to 0 for ``not-known`` (0 too for a missing or unknown grade)."""
    return len(GRADES) - 1 - GRADES.index(grade) if grade in GRADES else 0


def tranche_parties(tables: Mapping[str, pd.DataFrame]) -> dict[str, frozenset[str]]:
    """Per tranche (``commitment_id``): the organizations whose own statement can confirm or
    relay its outcome: the investor, the company invested in, and their units (``parent_org_id``)."""
    com = tables["commitments"]
    inv = tables["investments"].drop_duplicates("investment_id").set_index("investment_id")
    rounds = tables["rounds"].drop_duplicates("round_id").set_index("round_id")
    orgs = tables["organizations"]
    units: dict[str, set[str]] = {}
    for org, parent in zip(orgs["org_id"], orgs["parent_org_id"], strict=True):
        if isinstance(parent, str):
            units.setdefault(parent, set()).add(str(org))
    out = {}
    for commitment, investment in zip(com["commitment_id"], com["investment_id"], strict=True):
        parties: set[str] = set()
        if investment in inv.index:
            row = inv.loc[investment]
            parties.add(str(row["investor_org_id"]))
            if row["round_id"] in rounds.index:
                parties.add(str(rounds.loc[row["round_id"], "investee_org_id"]))
        for org in list(parties):
            parties |= units.get(org, set())
        out[str(commitment)] = frozenset(parties)
    return out


def as_of_timestamp(tables: Mapping[str, pd.DataFrame]) -> pd.Timestamp:
    """The package's "as of" date (``load()``'s ``as_of``) as a Timestamp, ``NaT`` if none."""
    import pandas as pd

    value: date | None = getattr(tables, "as_of", None)
    return pd.Timestamp(value) if value is not None else pd.NaT


def scheduled_by(commitments: pd.DataFrame) -> pd.Series:
    """The date by which each tranche is scheduled: the end of its window, else its start
    (``NaT`` when the timing is unspecified). For a month window, the window's last day."""
    end = commitments["timing_end"].where(
        commitments["timing_end"].notna(), commitments["timing_start"]
    )
    by_month = commitments["timing_precision"].eq("month").fillna(False).to_numpy(dtype=bool)
    month_end = end.dt.to_period("M").dt.to_timestamp(how="end").dt.normalize()
    return end.where(~by_month, month_end)


def tranche_states(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per tranche: its investment, round and investor, amount and schedule, what was
    reported paid by the "as of" date (``paid_usd``, ``paid_on``: the last payment, ``paid_id``:
    its outcome record, ``paid_ids``: every payment's record, in order, ``paid_precision``: how
    precisely the last payment's date is known, ``by`` for "on or before", ``grade``: the strongest grade of the payments, ``not-known`` when none),
    what is still to come (``to_come_usd``), the latest outcome record and the derived ``state``."""
    import pandas as pd

    as_of = as_of_timestamp(tables)
    com = tables["commitments"]
    inv = tables["investments"].drop_duplicates("investment_id").set_index("investment_id")
    out = com[
        [
            "commitment_id",
            "investment_id",
            "tranche",
            "tranche_count",
            "amount_usd",
            "timing_start",
            "timing_end",
            "timing_precision",
            "conditional",
            "expires_on",
        ]
    ].copy()
    out["round_id"] = out["investment_id"].map(inv["round_id"])
    out["investor_org_id"] = out["investment_id"].map(inv["investor_org_id"])
    out["scheduled_by"] = scheduled_by(com)
    outcomes = tables["outcomes"]
    if pd.notna(as_of):
        outcomes = outcomes[~(outcomes["status_as_of"] > as_of)]
    paid = outcomes[outcomes["outcome"] == "paid"]
    by_tranche = paid.groupby("commitment_id")
    out["paid_usd"] = out["commitment_id"].map(by_tranche["amount_usd"].sum()).fillna(0)
    out["paid_usd"] = out["paid_usd"].astype("Int64")
    out["paid_on"] = _lookup(out["commitment_id"], by_tranche["occurred_on"].max())
    last_paid = (
        paid.sort_values(["occurred_on", "status_as_of", "outcome_id"], kind="stable")
        .drop_duplicates("commitment_id", keep="last")
        .set_index("commitment_id")
    )
    out["paid_id"] = _lookup(out["commitment_id"], last_paid["outcome_id"])
    out["paid_precision"] = _lookup(out["commitment_id"], last_paid["occurred_precision"])
    ordered = paid.sort_values(["occurred_on", "outcome_id"], kind="stable")
    every = ordered.groupby("commitment_id")["outcome_id"].agg(tuple)
    out["paid_ids"] = [every.get(c, ()) for c in out["commitment_id"]]
    ranks = paid.assign(rank=[grade_rank(g) for g in paid["grade"]]).groupby("commitment_id")
    best = ranks["rank"].max()
    out["grade"] = [
        GRADES[len(GRADES) - 1 - int(best[c])] if c in best.index else "not-known"
        for c in out["commitment_id"]
    ]
    out["grade"] = out["grade"].astype("string")
    out["to_come_usd"] = (out["amount_usd"] - out["paid_usd"]).clip(lower=0).astype("Int64")
    latest = (
        outcomes.sort_values(["status_as_of", "outcome_id"], kind="stable")
        .drop_duplicates("commitment_id", keep="last")
        .set_index("commitment_id")
    )
    for column, source in (
        ("outcome_id", "outcome_id"),
        ("outcome", "outcome"),
        ("outcome_as_of", "status_as_of"),
    ):
        out[column] = _lookup(out["commitment_id"], latest[source])
    out["state"] = [_state(row, as_of) for row in out.itertuples(index=False)]
    out["state"] = out["state"].astype("string")
    return out.reset_index(drop=True)


def _lookup(keys: pd.Series, values: pd.Series) -> pd.Series:
    """``values[key]`` for each key (missing where absent), keeping ``values``' dtype even when
    it is empty (``Series.map`` would cast an empty datetime mapping to float)."""
    return values.reindex(keys.to_numpy()).set_axis(keys.index)


def _state(row: object, as_of: pd.Timestamp) -> str:
    import pandas as pd

    amount, paid = row.amount_usd, row.paid_usd  # type: ignore[attr-defined]
    if pd.notna(amount) and paid >= amount:
        return "paid"
    if paid > 0:
        return "part-paid"
    conditional = row.conditional  # type: ignore[attr-defined]
    if pd.notna(conditional) and bool(conditional):
        return "conditional"
    due = row.scheduled_by  # type: ignore[attr-defined]
    if pd.notna(due) and pd.notna(as_of) and due > as_of:
        return "scheduled"
    return "not-known"


def paid_by_investment(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Per investment: ``committed_usd`` (its amount), ``paid_usd`` and ``to_come_usd`` as of
    the "as of" date, and ``last_paid_on``."""
    states = tranche_states(tables)
    inv = tables["investments"]
    by = states.groupby("investment_id")
    out = inv[["investment_id", "round_id", "investor_org_id", "amount_usd"]].rename(
        columns={"amount_usd": "committed_usd"}
    )
    out = out.reset_index(drop=True)
    out["paid_usd"] = out["investment_id"].map(by["paid_usd"].sum()).fillna(0).astype("Int64")
    out["to_come_usd"] = (out["committed_usd"] - out["paid_usd"]).clip(lower=0).astype("Int64")
    out["last_paid_on"] = _lookup(out["investment_id"], by["paid_on"].max())
    return out


def paid_by_round(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Per round record: ``amount_usd`` and what its tranches were reported paid by the "as of"
    date (``paid_usd``); a round that updates another (a close) counts the payments of the
    round it updates."""
    inv = paid_by_investment(tables)
    rounds = tables["rounds"]
    paid = inv.groupby("round_id")["paid_usd"].sum()
    out = rounds[["round_id", "amount_usd", "updates_round_id"]].copy().reset_index(drop=True)
    own = out["round_id"].map(paid)
    inherited = out["updates_round_id"].map(paid)
    out["paid_usd"] = own.fillna(inherited).fillna(0).astype("Int64")
    return out


def standing(state: str, grade: str) -> str:
    """Where a tranche's paid money stands (one of :data:`STANDINGS`): ``paid`` when the party
    confirmed or relayed it, else ``reported-paid``; its unpaid rest keeps the tranche's state
    (``not-known`` for the rest of a part-paid tranche)."""
    if state in ("paid", "part-paid"):
        return "paid" if grade in ("confirmed", "relayed") else "reported-paid"
    return state


def round_standing(tables: Mapping[str, pd.DataFrame], round_id: str) -> pd.DataFrame:
    """The money of ``round_id``'s tranches by where it stands as of the "as of" date: one row
    per tranche and part (``commitment_id``, ``investor_org_id``, ``tranche``, ``standing``, one
    of :data:`STANDINGS`; ``grade``; ``amount_usd``; ``outcome_ids``: the payments' records for
    a paid part, space-separated). The parts add up to the tranches' amounts."""
    import pandas as pd

    states = tranche_states(tables)
    states = states[states["round_id"] == round_id]
    rows = []
    for r in states.itertuples(index=False):
        if r.paid_usd > 0:
            rows.append(
                (
                    r.commitment_id,
                    r.investor_org_id,
                    r.tranche,
                    standing(r.state, r.grade),
                    r.grade,
                    int(r.paid_usd),
                    " ".join(r.paid_ids),
                )
            )
        rest = int(r.to_come_usd)
        if rest > 0:
            state = "not-known" if r.state in ("paid", "part-paid") else r.state
            rows.append(
                (r.commitment_id, r.investor_org_id, r.tranche, state, "not-known", rest, None)
            )
    columns = [
        "commitment_id",
        "investor_org_id",
        "tranche",
        "standing",
        "grade",
        "amount_usd",
        "outcome_ids",
    ]
    out = pd.DataFrame(rows, columns=columns)
    out["amount_usd"] = out["amount_usd"].astype("Int64")
    for column in ("standing", "grade", "outcome_ids"):
        out[column] = out[column].astype("string")
    return out


def paid_by_grade(tables: Mapping[str, pd.DataFrame], round_id: str | None = None) -> pd.DataFrame:
    """Paid so far, per grade: one row per grade of :data:`GRADES` but ``not-known``
    (``grade``, ``paid_usd``, ``tranches``: how many tranches), over every tranche or only
    ``round_id``'s. Derived from the outcomes, never typed."""
    import pandas as pd

    states = tranche_states(tables)
    if round_id is not None:
        states = states[states["round_id"] == round_id]
    states = states[states["paid_usd"] > 0]
    by = states.groupby("grade")
    grades = list(GRADES[:-1])
    out = pd.DataFrame({"grade": grades})
    out["paid_usd"] = out["grade"].map(by["paid_usd"].sum()).fillna(0).astype("Int64")
    out["tranches"] = out["grade"].map(by.size()).fillna(0).astype("int64")
    out["grade"] = out["grade"].astype("string")
    return out
