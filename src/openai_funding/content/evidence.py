"""Values that carry their evidence: each number, date or term the report prints from a claimed
cell is written as a pandoc span naming its claims, ``[$110bn]{.claim data-claims="c014 c015"}``;
a derived value (a share, a sum, a rate) also says how it was computed (``data-how``) and names
the claims of its inputs.

``report/claims.lua`` makes each span a link to its first claim's row in the Sources section
(``#claim-<id>``); in HTML, :func:`evidence_page` adds the claims as JSON data and a small inline
script that shows the quotes on hover and focus. Everything from the data is text: the JSON is
read with ``JSON.parse`` and put on the page with ``textContent``, never as markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

import pandas as pd

from openai_funding.content.data import ReportData
from openai_funding.content.fragments import with_fragment
from openai_funding.content.language import N_, Language
from openai_funding.content.marked import _ID, Marked, derived, join

__all__ = ["Marked", "claimed", "claims_of", "derived", "evidence_page", "join", "tooltip"]
_INDEX: dict[int, tuple[ReportData, dict[tuple[str, str, str], list[str]]]] = {}


def index(data: ReportData) -> dict[tuple[str, str, str], list[str]]:
    """(resource, record id, field) → the ids of the claims of that cell."""
    cached = _INDEX.get(id(data))
    if cached is not None and cached[0] is data:
        return cached[1]
    out: dict[tuple[str, str, str], list[str]] = {}
    for c in data["claims"].itertuples(index=False):
        out.setdefault((c.resource, c.record_id, c.field), []).append(c.claim_id)
    _INDEX[id(data)] = (data, out)
    return out


def claims_of(data: ReportData, resource: str, record: object, *fields: str) -> list[str]:
    """The claims of ``fields`` of one record (all of its fields when none is named)."""
    found: list[str] = []
    for (res, rec, field), ids in index(data).items():
        if res == resource and rec == str(record) and (not fields or field in fields):
            found.extend(ids)
    return list(dict.fromkeys(found))


def claimed(data: ReportData, plain: object, resource: str, record: object, *fields: str) -> str:
    """``plain`` carrying the claims of ``fields`` of one record (plain text when it has none)."""
    ids = claims_of(data, resource, record, *fields)
    return Marked(str(plain), ids) if ids else str(plain)


#: The curation statuses of ``claims.status`` in words.
CLAIM_STATUSES = {
    "PRIMARY": N_("PRIMARY"),
    "SECONDARY": N_("SECONDARY"),
    "IDENTIFIER": N_("IDENTIFIER"),
}


def claim_status(status: object, lang: Language) -> str:
    """A claim's curation status in the edition's words (as stored when unknown)."""
    word = CLAIM_STATUSES.get(_str(status))
    return lang._(word) if word else _str(status)


def tooltip(data: ReportData, ids: Iterable[str]) -> str:
    """A chart tooltip's line for claims: each source, its date and status, and the words that
    state the value (``Boursorama, 2026-02-27, PRIMARY: “110 milliards de dollars”``)."""
    claims = data["claims"].set_index("claim_id")
    sources = data["sources"].set_index("source_id")
    parts = []
    for claim_id in dict.fromkeys(ids):
        if claim_id not in claims.index:
            continue
        c = claims.loc[claim_id]
        src = sources.loc[c["source_id"]] if c["source_id"] in sources.index else None
        where = "" if src is None else _str(src["publisher"])
        if src is not None and _str(src["published_on"]):
            where += f", {pd.Timestamp(src['published_on']).date().isoformat()}"
        words = _str(c["value_as_written"]) or _str(c["quote"])[:80]
        status = claim_status(c["status"], data.lang)
        parts.append(
            data.lang._(
                "{where}, {status}: “{words}” ({id})",
                where=where,
                status=status,
                words=words,
                id=claim_id,
            )
        )
    return data.lang._("; ").join(parts)


def _http(url: object) -> str:
    value = _str(url)
    return value if re.match(r"^https?://[^\s]+$", value) else ""


def claims_json(data: ReportData) -> str:
    """Every claim with its quote and source, as JSON safe inside a ``<script>`` element."""
    sources = data["sources"].set_index("source_id")
    out: dict[str, dict[str, Any]] = {}
    for c in data["claims"].itertuples(index=False):
        if not _ID.match(str(c.claim_id)):
            continue
        src = sources.loc[c.source_id] if c.source_id in sources.index else None
        published = "" if src is None or pd.isna(src["published_on"]) else src["published_on"]
        out[c.claim_id] = {
            "quote": _str(c.quote),
            "words": _str(c.value_as_written),
            "status": claim_status(c.status, data.lang),
            "source": "" if src is None else _str(src["publisher"]),
            "title": "" if src is None else _str(src["title"]),
            "date": "" if published == "" else pd.Timestamp(published).date().isoformat(),
            "url": "" if src is None else with_fragment(_http(src["url"]), _str(c.quote)),
            "cell": f"{c.resource}/{c.record_id} · {c.field}",
        }
    raw = json.dumps(out, ensure_ascii=False, sort_keys=True)
    # nothing in the data can close the element or open a comment: <, > and & as \u escapes
    return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


#: The words of the evidence cards (``assets/evidence.js``, which holds the English ones): how a
#: derived value was computed, its inputs, and the links to the source and to the claim's row.
CARD_WORDS = {
    "computed": N_("Computed: {how}"),
    "from": N_("From:"),
    "source": N_("source"),
    "claim": N_("claim {id}"),
}


def card_words_json(lang: Language) -> str:
    """:data:`CARD_WORDS` in ``lang``, as JSON safe inside a ``<script>`` element; the script
    fills ``{how}`` and ``{id}``."""
    raw = json.dumps({k: lang._(v) for k, v in CARD_WORDS.items()}, ensure_ascii=False)
    return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _str(value: object) -> str:
    return "" if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)) else str(value)


def _asset(name: str) -> str:
    return (resources.files("openai_funding.content") / "assets" / name).read_text("utf-8")


class EvidencePage:
    """The claims and the script that shows them: HTML only (nothing in the PDF, whose numbers
    are links to the claims' rows)."""

    def __init__(self, data: ReportData) -> None:
        self.data = data

    def _repr_html_(self) -> str:
        lang = self.data.lang
        words = (
            ""
            if lang.code == "en"  # evidence.js holds the English words
            else f'<script type="application/json" id="of-evidence-words">'
            f"{card_words_json(lang)}</script>\n"
        )
        return (
            f'<script type="application/json" id="of-claims">{claims_json(self.data)}</script>\n'
            f"{words}"
            f"<style>\n{_asset('evidence.css')}</style>\n"
            f"<script>\n{_asset('evidence.js')}</script>\n"
            f"<script>\n{_asset('sources.js')}</script>\n"
            f"<script>\n{_asset('fold.js')}</script>\n"
            f"<script>\n{_asset('regions.js')}</script>\n"
        )

    def _repr_markdown_(self) -> str:
        return ""


def evidence_page(data: ReportData) -> EvidencePage:
    """The HTML page's evidence popovers (a cell of the report calls it once)."""
    return EvidencePage(data)
