"""How strong the claims of a record are, against the grade the record states: the check shared by
every graded table (outcomes, purchase commitments, stakes).

A PRIMARY claim supports ``confirmed``; a claim from a source that relays the statement of one of
the record's parties (``sources.relays_org_id``) supports ``relayed``; any other supporting claim
``reported``; no supporting claim, only ``not-known``. A supporting claim's words are in its quote
and state the record's value (the columns of :func:`~.claim_views.claim_support`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from openai_funding.package import paid

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def supporting(support: pd.DataFrame, resource: str) -> pd.DataFrame:
    """The claims of ``resource`` (rows of :func:`~.claim_views.claim_support`) that support the
    value of their cell."""
    return support[
        (support["resource"] == resource)
        & support["target_exists"]
        & support["written_in_quote"].astype(bool)
        & support["written_supports_value"].astype(bool)
        & (support["value"] == support["cell_value"])
    ]


def supported_ranks(
    claims: pd.DataFrame, sources: pd.DataFrame, parties: Mapping[str, frozenset[str] | set[str]]
) -> dict[str, int]:
    """Record key → the rank of the strongest grade its supporting ``claims`` allow
    (:func:`openai_funding.package.paid.grade_rank`); ``parties`` gives each record's parties."""
    relays = sources.set_index("source_id")["relays_org_id"]
    out: dict[str, int] = {}
    for claim in claims.itertuples(index=False):
        record = str(claim.record_id)
        if str(claim.status) == "PRIMARY":
            rank = paid.grade_rank("confirmed")
        elif relays.get(claim.source_id) in parties.get(record, ()):
            rank = paid.grade_rank("relayed")
        else:
            rank = paid.grade_rank("reported")
        out[record] = max(out.get(record, 0), rank)
    return out


def graded(out: pd.DataFrame, key: str, ranks: Mapping[str, int]) -> pd.DataFrame:
    """``out`` with ``grade_rank`` (its ``grade``), ``supported_rank`` and ``supported_grade``
    (the strongest grade its claims allow, from ``ranks`` by the ``key`` column)."""
    grades = paid.GRADES
    out["grade_rank"] = [paid.grade_rank(g) for g in out["grade"]]
    out["supported_rank"] = [ranks.get(str(k), 0) for k in out[key]]
    for column in ("grade_rank", "supported_rank"):
        out[column] = out[column].astype("int64")
    out["supported_grade"] = [grades[len(grades) - 1 - r] for r in out["supported_rank"]]
    out["supported_grade"] = out["supported_grade"].astype("string")
    return out
