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
from openai_funding.checks.grade_views import graded, supported_ranks, supporting

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
    claims = supporting(claim_support(tables, resources), "purchase_commitments")
    out = graded(out, "purchase_id", supported_ranks(claims, tables["sources"], sides))
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
    claims = supporting(claim_support(tables, resources), "stakes")
    out = graded(out, "stake_id", supported_ranks(claims, tables["sources"], sides))
    return locate(out, out["stake_id"], file=resources["stakes"].path, rows=rows_of(stakes))


def build_all(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> dict[str, Callable[[], pd.DataFrame]]:
    """View name → a function that builds it (lazily), as :func:`views.build_all` does."""
    views = {"purchase_links": purchase_links, "stake_evidence": stake_evidence}
    return {name: bind(fn, tables, resources) for name, fn in views.items()}
