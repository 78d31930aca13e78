"""The views of the rules on money both ways: OpenAI's purchase commitments to its investors
(``purchase_commitments``) and the investors' stakes in OpenAI (``stakes``).

Like :mod:`openai_funding.checks.views`: typed frames in, one DataFrame out with locator columns
(``_id``, ``_key``, ``_file``, ``_row``). The rules read them: a commitment's seller takes part in
the agreement it points to, a commitment states an amount or a quantity (with its unit), and a
record's grade is no stronger than its claims support (as for outcomes).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from openai_funding.checks.claim_views import claim_support
from openai_funding.checks.frames import bind, locate, rows_of
from openai_funding.package import paid

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from openai_funding.package.descriptor import Resource


def _with_units(orgs: pd.DataFrame, parties: set[str]) -> set[str]:
    """``parties`` and their units and parents (``organizations.parent_org_id``): AWS sells for
    Amazon, Azure for Microsoft."""
    out = set(parties)
    for org, parent in zip(orgs["org_id"], orgs["parent_org_id"], strict=True):
        if isinstance(parent, str) and (org in parties or parent in parties):
            out |= {str(org), parent}
    return out


def supported_grades(
    tables: dict[str, pd.DataFrame],
    resources: Mapping[str, Resource],
    resource: str,
    parties: Mapping[str, set[str]],
) -> dict[str, int]:
    """Record key → the strongest grade rank its supporting claims allow (see
    :func:`openai_funding.checks.as_of_views.outcome_evidence`): PRIMARY → confirmed; a source
    that relays one of the record's ``parties`` → relayed; any supporting claim → reported."""
    support = claim_support(tables, resources)
    mine = support[
        (support["resource"] == resource)
        & support["target_exists"]
        & support["written_in_quote"].astype(bool)
        & support["written_supports_value"].astype(bool)
        & (support["value"] == support["cell_value"])
    ]
    relays = tables["sources"].set_index("source_id")["relays_org_id"]
    out: dict[str, int] = {}
    for claim in mine.itertuples(index=False):
        record = str(claim.record_id)
        if str(claim.status) == "PRIMARY":
            rank = paid.grade_rank("confirmed")
        elif relays.get(claim.source_id) in parties.get(record, set()):
            rank = paid.grade_rank("relayed")
        else:
            rank = paid.grade_rank("reported")
        out[record] = max(out.get(record, 0), rank)
    return out


def _graded(out: pd.DataFrame, key: str, ranks: Mapping[str, int]) -> pd.DataFrame:
    out["grade_rank"] = [paid.grade_rank(g) for g in out["grade"]]
    out["supported_rank"] = [ranks.get(str(k), 0) for k in out[key]]
    for column in ("grade_rank", "supported_rank"):
        out[column] = out[column].astype("int64")
    grades = paid.GRADES
    out["supported_grade"] = [grades[len(grades) - 1 - r] for r in out["supported_rank"]]
    out["supported_grade"] = out["supported_grade"].astype("string")
    return out


def purchase_links(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> pd.DataFrame:
    """One row per purchase commitment: ``seller_in_agreement`` (false when it points to an
    agreement the seller, or its parent or unit, takes no part in), ``states_what``
    (it states an amount or a quantity), ``quantity_has_unit``, and its grade beside the
    strongest grade its claims support."""
    com = tables["purchase_commitments"]
    orgs = tables["organizations"]
    parties = tables["agreement_parties"].groupby("agreement_id")["org_id"].agg(set)
    out = com[["purchase_id", "buyer_org_id", "seller_org_id", "agreement_id", "grade"]].copy()
    in_agreement = []
    for seller, agreement in zip(com["seller_org_id"], com["agreement_id"], strict=True):
        if not isinstance(agreement, str):
            in_agreement.append(True)
            continue
        members = _with_units(orgs, set(parties.get(agreement, set())))
        in_agreement.append(str(seller) in members)
    out["seller_in_agreement"] = in_agreement
    out["states_what"] = (com["amount_usd"].notna() | com["quantity"].notna()).to_numpy(bool)
    out["quantity_has_unit"] = (com["quantity"].isna() | com["unit"].notna()).to_numpy(bool)
    sides = {
        str(p): _with_units(orgs, {str(b), str(s)})
        for p, b, s in zip(
            com["purchase_id"], com["buyer_org_id"], com["seller_org_id"], strict=True
        )
    }
    ranks = supported_grades(tables, resources, "purchase_commitments", sides)
    out = _graded(out, "purchase_id", ranks)
    res = resources["purchase_commitments"]
    return locate(out, out["purchase_id"], file=res.path, rows=rows_of(com))


def stake_evidence(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> pd.DataFrame:
    """One row per stake record: its grade beside the strongest grade its claims support."""
    stakes = tables["stakes"]
    orgs = tables["organizations"]
    out = stakes[["stake_id", "investor_org_id", "investee_org_id", "grade"]].copy()
    sides = {
        str(k): _with_units(orgs, {str(i), str(e)})
        for k, i, e in zip(
            stakes["stake_id"], stakes["investor_org_id"], stakes["investee_org_id"], strict=True
        )
    }
    out = _graded(out, "stake_id", supported_grades(tables, resources, "stakes", sides))
    return locate(out, out["stake_id"], file=resources["stakes"].path, rows=rows_of(stakes))


def build_all(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> dict[str, Callable[[], pd.DataFrame]]:
    """View name → a function that builds it (lazily), as :func:`views.build_all` does."""
    views = {"purchase_links": purchase_links, "stake_evidence": stake_evidence}
    return {name: bind(fn, tables, resources) for name, fn in views.items()}
