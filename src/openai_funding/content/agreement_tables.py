"""The table of the agreements that came with the round: their parties, quantities, exclusivity,
when they were stated and whether they were in force on the day the report reads them at."""

from __future__ import annotations

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claimed, join
from openai_funding.content.facts import quantity_text
from openai_funding.content.markdown import Table, text
from openai_funding.content.words import ANSWERS, ROLES, answer, date_text, say


def _terms(data: ReportData) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    terms = data["agreement_terms"]
    for t in terms.itertuples(index=False):
        words = quantity_text(t.quantity, t.unit, t.qualifier, lang=data.lang)
        words = claimed(data, words, "agreement_terms", t.term_id, "quantity")
        out.setdefault(t.agreement_id, []).append(words)
    return {
        k: join(*[p for n, w in enumerate(v) for p in ([", "] if n else []) + [w]])
        for k, v in out.items()
    }


def agreements_table(data: ReportData) -> Table:
    """The agreements as stated, with their parties, quantities, exclusivity and status."""
    lang = data.lang
    names = data.names()
    parties = data["agreement_parties"]
    terms = _terms(data)
    rows, records = [], []
    for a in data["agreements"].sort_values(["stated_on", "agreement_id"]).itertuples(index=False):
        who = parties[parties["agreement_id"] == a.agreement_id]
        party_text = lang._("; ").join(
            lang._("{name} ({role})", name=names[p.org_id], role=say(lang, ROLES, p.role))
            for p in who.itertuples(index=False)
        )
        exclusive = answer(a.exclusive)
        in_force = bool(a.stated_on <= data.settings.as_of and a.status == "in-force")
        records.append(
            {
                "agreement_id": a.agreement_id,
                "exclusive": exclusive,
                "in_force_on_2026_02_27": in_force,
            }
        )
        rows.append(
            [
                text(a.title),
                text(party_text),
                text(terms.get(a.agreement_id, "")),
                text(
                    claimed(
                        data,
                        say(lang, ANSWERS, exclusive),
                        "agreements",
                        a.agreement_id,
                        "exclusive",
                    )
                ),
                text(
                    claimed(
                        data,
                        date_text(a.stated_on, lang, a.stated_precision),
                        "agreements",
                        a.agreement_id,
                        "stated_on",
                    )
                ),
                text(say(lang, ANSWERS, "yes" if in_force else "no")),
            ]
        )
    return Table(
        [
            lang._("Agreement"),
            lang._("Parties"),
            lang._("Quantities"),
            lang._("Exclusive"),
            lang._("Stated"),
            lang._("In force on {day}", day=lang.long_date(data.settings.as_of)),
        ],
        rows,
        records,
        widths=[6, 6, 4, 2, 3, 2],
    )
