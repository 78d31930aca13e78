"""The report's words for stored codes: yes/no cells, round types, parties' roles, and dates to
their precision, in the edition's language (:class:`~.language.Language`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from openai_funding.content.language import N_, Language

#: A yes/no cell as the tables keep it in their records (the same in every edition), and how
#: the report says it.
ANSWERS = {"yes": N_("yes"), "no": N_("no"), "not stated": N_("not stated")}
#: The values of ``rounds.round_type`` and ``agreement_parties.role`` in words.
ROUND_TYPES = {"primary": N_("primary"), "secondary": N_("secondary")}
ROLES = {
    "provider": N_("provider"),
    "customer": N_("customer"),
    "investor": N_("investor"),
    "investee": N_("investee"),
    "licensor": N_("licensor"),
    "licensee": N_("licensee"),
    "party": N_("party"),
}


def say(lang: Language, words: Mapping[str, str], value: object) -> str:
    """An enumerated value in the edition's words (as stored when the list does not name it)."""
    return lang._(words[value]) if isinstance(value, str) and value in words else str(value)


def answer(value: Any) -> str:
    """``yes``, ``no`` or ``not stated`` for a boolean cell (a missing one is not stated)."""
    if pd.isna(value):
        return "not stated"
    return {True: "yes", False: "no"}.get(value, "not stated")


def date_text(value: Any, lang: Language, precision: str = "day") -> str:
    """A date as the edition writes it, to its precision; ``""`` when missing."""
    if pd.isna(value):
        return ""
    ts = pd.Timestamp(value)
    if precision == "month":
        return lang.month_year(ts)
    if precision == "year":
        return str(ts.year)
    return lang.long_date(ts)
