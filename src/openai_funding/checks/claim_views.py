"""The views of claims: every claimed cell with the claims that state it, and every claim with
what its quote's words read as (see :mod:`openai_funding.checks.written`) and what they should
state."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from openai_funding.checks import matching, written
from openai_funding.checks.frames import by_key, keys_of, locate, rows_of
from openai_funding.package.canonical import canonical

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from openai_funding.package.descriptor import Resource

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

_RANK = {"year": 1, "month": 2, "day": 3}


def claimed_cells(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> pd.DataFrame:
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
        keys = keys_of(frame, res.key)
        lines = rows_of(frame)
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


def claim_support(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> pd.DataFrame:
    """One row per claim, with what the rules compare it to: whether its record and field exist,
    the data cell in canonical form, its source's date, language
    and type, and what its ``value_as_written`` reads as (see :mod:`openai_funding.checks.written`)."""
    import pandas as pd

    claims = tables["claims"]
    sources = by_key(tables["sources"], "source_id")
    records = {
        name: by_key(tables[name], res.key[0]) if len(res.key) == 1 else None
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
    return locate(out, out["claim_id"], file=resources["claims"].path, rows=rows_of(claims))


def _support(
    claim: Any,
    field: Mapping[str, Any] | None,
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
    out["written_in_quote"] = matching.in_quote(written_text, str(claim.quote))
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


def _day(value: Any) -> date | None:
    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    try:
        return pd.Timestamp(value).date()
    except ValueError:
        return None
