"""``openai-funding due``: the curator's worklist as of a date (the package's ``asOf`` unless told).

Four sections, each item saying why it is there and which claims, sources or reports to look at:

1. ``past_due``: tranches not paid whose schedule has passed, whose timing was never disclosed,
   or that are due only on conditions (:func:`~openai_funding.package.paid.tranche_states`);
2. ``unconfirmed``: outcomes graded ``reported`` with no stronger record of the same outcome,
   reports (stance ``report``) that no confirmation or denial answers, then, weaker priority,
   outcomes graded ``relayed`` that wait for the party's own release;
3. ``open_questions``: questions not answered after their latest update;
4. ``oldest``: the records whose ``status_as_of`` is oldest, across every table that has one.

Records dated after the date are ignored (outcomes and ``status_as_of`` by that field, reports,
questions and updates by the day they were made). Nothing here prints or reads at import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openai_funding.package.due_items import Item, Look, Looks
from openai_funding.package.due_sections import oldest, open_questions, past_due, unconfirmed
from openai_funding.package.problems import UnusableInputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: The sections, in the order they are printed, and their headings.
SECTIONS = {
    "past_due": "1. Schedules past due, outcome not settled",
    "unconfirmed": "2. Reported, waiting for confirmation",
    "open_questions": "3. Open questions",
    "oldest": "4. Oldest status_as_of",
}
#: The columns the worklist reads, per table, space-separated (an older package may lack some).
NEEDS = {
    "commitments": "commitment_id investment_id tranche tranche_count amount_usd timing_start "
    "timing_end timing_precision conditional expires_on",
    "investments": "investment_id round_id investor_org_id",
    "rounds": "round_id investee_org_id",
    "organizations": "org_id name parent_org_id",
    "outcomes": "outcome_id commitment_id outcome grade occurred_on amount_usd status_as_of",
    "reports": "report_id subject_resource subject_id topic stance reported_by attributed_to "
    "reported_on responds_to_report_id status_as_of",
    "questions": "question_id status raised_on subject_resource subject_id status_as_of",
    "question_updates": "update_id question_id updated_on status report_id",
    "claims": "claim_id resource record_id field source_id",
    "sources": "source_id publisher url",
}


@dataclass(frozen=True)
class Worklist:
    on: date
    as_of: date | None
    past_due: tuple[Item, ...]
    unconfirmed: tuple[Item, ...]
    open_questions: tuple[Item, ...]
    oldest: tuple[Item, ...]

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        return {name: [asdict(item) for item in getattr(self, name)] for name in SECTIONS}


def worklist(
    tables: Mapping[str, pd.DataFrame],
    keys: Mapping[str, tuple[str, ...]],
    on: date | None = None,
    count: int = 10,
) -> Worklist:
    """The worklist of ``tables`` (as :func:`~openai_funding.load` gives them) as of ``on``,
    the tables' ``as_of`` by default; ``keys``: each table's primary key."""
    from openai_funding.package.loading import Tables

    as_of = getattr(tables, "as_of", None)
    on = on or as_of
    if on is None:
        raise UnusableInputError("the package gives no asOf date: pass one with --on")
    for name, columns in NEEDS.items():
        lacking = [c for c in columns.split() if name not in tables or c not in tables[name]]
        if lacking:
            raise UnusableInputError(f"table {name!r} lacks {', '.join(lacking)}")
    dated = Tables(dict(tables), on)
    looks = Looks(dated, on)
    return Worklist(
        on,
        as_of,
        tuple(past_due(dated, on, looks)),
        tuple(unconfirmed(dated, on, looks)),
        tuple(open_questions(dated, on, looks)),
        tuple(oldest(dated, keys, on, looks, count)),
    )


def due(path: str | Path = "datapackage.json", on: date | None = None, count: int = 10) -> Worklist:
    """Read the package at ``path`` and give its worklist. Raises :class:`UnusableInputError`
    naming the file when the package cannot be read."""
    from openai_funding.package.descriptor import read_package
    from openai_funding.package.loading import LoadError, load

    package = read_package(path)
    try:
        tables = load(package)
    except LoadError as exc:
        first = str(exc).splitlines()[0][len(exc.file) :].split(" You might want")[0]
        raise UnusableInputError(
            f"{package.base / exc.file}{first} (`openai-funding validate` lists every problem)"
        ) from None
    except OSError as exc:
        raise UnusableInputError(
            f"{exc.filename or package.path}: cannot read: {exc.strerror}"
        ) from None
    try:
        return worklist(tables, {n: r.key for n, r in package.tabular.items()}, on, count)
    except UnusableInputError as exc:
        raise UnusableInputError(f"{package.path}: {exc}") from None


def to_text(work: Worklist) -> str:
    """The worklist for a terminal: a heading per section, one line per item, then the sources
    its claims cite, with their addresses."""
    given = (
        f" (the package's asOf: {work.as_of})" if work.as_of != work.on else " (the package's asOf)"
    )
    lines = [f"Worklist as of {work.on.isoformat()}{given}"]
    sources: dict[str, Look] = {}
    for name, heading in SECTIONS.items():
        items = getattr(work, name)
        lines += ["", f"{heading} ({len(items)})"]
        relayed = False
        for item in items:
            if item.section == "relayed" and not relayed:
                relayed = True
                lines.append("  Relayed: waiting for the party's own release (weaker priority)")
            look = ", ".join(x.short() for x in item.look_at) or "no claim on it"
            lines.append(f"  {item.resource} {item.key}: {item.why}; look at: {look}")
            sources |= {x.source_id: x for x in item.look_at if x.source_id}
        if not items:
            lines.append("  (none)")
    if sources:
        lines += ["", "Sources cited above"]
        for sid in sorted(sources):
            lines.append(
                f"  {sid}: {sources[sid].publisher or '?'}, {sources[sid].url or 'no address'}"
            )
    return "\n".join(lines)
