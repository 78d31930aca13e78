"""The tables about the package itself: the checks run on it, its data dictionary, every claim
with its quote and source, and the files published beside the report."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claim_status
from openai_funding.content.facts import eur_bn, usd_bn
from openai_funding.content.fragments import with_fragment
from openai_funding.content.language import ENGLISH, Language
from openai_funding.content.markdown import Table, link, text
from openai_funding.package.descriptor import Resource


def count_text(n: int, lang: Language = ENGLISH) -> str:
    """A count: digits as they are in English (``1234``), grouped by thousands in the other
    editions (``1 234``)."""
    return str(n) if lang.code == "en" else lang.number(n)


def checks_table(report: Mapping[str, Any], lang: Language = ENGLISH) -> Table:
    """One row per suite: how many checks ran and how many failed, from ``validation.json``;
    in the words of ``lang`` (the edition's ``data.lang``)."""
    suites: dict[str, list[bool]] = {}
    for check in report.get("checks", []):
        suites.setdefault(check["suite"], []).append(bool(check["success"]))
    rows, records = [], []
    for suite, outcomes in sorted(suites.items()):
        failed = outcomes.count(False)
        records.append({"suite": suite, "run": len(outcomes), "failed": failed})
        rows.append(
            [
                text(suite),
                text(count_text(len(outcomes), lang)),
                text(count_text(failed, lang)),
                text(lang._("pass") if not failed else lang._("FAIL")),
            ]
        )
    return Table(
        [lang._("Suite"), lang._("Checks run"), lang._("Failed"), lang._("Outcome")],
        rows,
        records,
        widths=[6, 2, 2, 2],
    )


def resources_table(data: ReportData) -> Table:
    """One row per resource: file, rows and description, from ``datapackage.json`` (the
    description in the edition's language: :meth:`~.language.Language.d_`)."""
    lang = data.lang
    rows, records = [], []
    for res in data.descriptor["resources"]:
        count = len(data[res["name"]])
        records.append({"resource": res["name"], "rows": count})
        rows.append(
            [
                text(res["name"]),
                text(res["path"]),
                text(count_text(count, lang)),
                text(lang.d_(res.get("description", ""))),
            ]
        )
    return Table(
        [lang._("Resource"), lang._("File"), lang._("Rows"), lang._("Description")],
        rows,
        records,
        widths=[4, 5, 2, 10],
    )


def _dictionary(res: Mapping[str, Any], lang: Language) -> Table:
    keys = set(Resource(res).key)
    rows, records = [], []
    for f in res["schema"]["fields"]:
        c = f.get("constraints", {})
        rules = []
        if f["name"] in keys:
            rules.append(lang._("key"))
        if c.get("required"):
            rules.append(lang._("required"))
        if "enum" in c:
            rules.append(lang._("one of: {values}", values=", ".join(map(str, c["enum"]))))
        if "minimum" in c:
            rules.append(lang._("minimum {value}", value=c["minimum"]))
        records.append({"field": f["name"], "type": f["type"]})
        rows.append(
            [
                text(f["name"]),
                text(f["type"]),
                text(lang._("; ").join(rules)),
                text(lang.d_(f.get("description", ""))),
            ]
        )
    return Table(
        [lang._("Field"), lang._("Type"), lang._("Constraints"), lang._("Description")],
        rows,
        records,
        widths=[4, 2, 5, 10],
    )


def claims_table(data: ReportData) -> Table:
    """Every published value with its verbatim quote (in its own language) and source."""
    lang = data.lang
    sources = data["sources"].set_index("source_id")
    rows, records = [], []
    for c in data["claims"].itertuples(index=False):
        src = sources.loc[c.source_id]
        label = src["publisher"] + (
            "" if pd.isna(src["published_on"]) else f", {src['published_on'].date()}"
        )
        records.append({"claim_id": c.claim_id, "value": c.value, "source_id": c.source_id})
        rows.append(
            [
                _row_anchor(c.claim_id, f"{c.resource}/{c.record_id}"),
                text(c.field.replace("_", " ")),
                text(_readable(c.field, c.value, lang)),
                text(lang._("“{quote}”", quote=c.quote)),
                link(label, with_fragment(str(src["url"]), str(c.quote)))
                + " "
                + text(lang._("({status})", status=claim_status(c.status, lang))),
            ]
        )
    return Table(
        [
            lang.p_("table row", "Record"),
            lang._("Field"),
            lang._("Value"),
            lang._("Quote"),
            lang._("Source (status)"),
        ],
        rows,
        records,
        widths=[4, 3, 2, 10, 4],
    )


def _row_anchor(claim_id: object, label: str) -> str:
    """The first cell of a claim's row, the target of the report's numbers (``#claim-<id>``)."""
    ident = str(claim_id)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident):
        return text(label)
    return f"[{text(label)}]{{#claim-{ident}}}"


def _readable(field: str, value: str, lang: Language = ENGLISH) -> str:
    """A claimed value as a reader says it: money in billions, the rest as stored."""
    if field.endswith("_usd") and value.isdigit():
        return usd_bn(int(value), lang)
    if field.endswith("_eur") and value.isdigit():
        return eur_bn(int(value), lang)
    return value


def full_dictionary_table(data: ReportData) -> Table:
    """Every field of every resource, from ``datapackage.json``; each field's description in
    the edition's language (:meth:`~.language.Language.d_`)."""
    lang = data.lang
    rows, records = [], []
    for res in data.descriptor["resources"]:
        part = _dictionary(res, lang)
        rows += [[text(res["name"]), *row] for row in part.rows]
        records += [{"resource": res["name"], **rec} for rec in part.records]
    return Table(
        [
            lang._("Table"),
            lang._("Field"),
            lang._("Type"),
            lang._("Constraints"),
            lang._("Description"),
        ],
        rows,
        records,
        widths=[3, 4, 2, 4, 9],
    )


_DOWNLOAD = re.compile(r"^data/[a-z0-9_]+\.csv$")


def downloads_table(data: ReportData) -> Table:
    """Links to the files published beside the report. The English edition is the site's root
    page; another edition is in a folder of its own (``fr/``) with its own PDF, so its links
    to the package's files go up one folder."""
    lang = data.lang
    up = "" if lang.code == "en" else "../"
    rows, records = [], []
    files = [
        (up, "datapackage.json", lang._("descriptor: schemas, keys, hashes, licences")),
        (up, "validation.json", lang._("every check run on the data and its outcome")),
        ("", "openai-funding.pdf", lang._("this report as PDF")),
    ]
    files += [
        (up, r["path"], lang.d_(r.get("title", "")))
        for r in data.descriptor["resources"]
        if _DOWNLOAD.match(str(r.get("path")))
    ]
    for folder, path, what in files:
        records.append({"path": path})
        rows.append([f"[{text(path)}]({folder}{path})", text(what)])
    return Table([lang._("File"), lang._("What")], rows, records, widths=[5, 8])
