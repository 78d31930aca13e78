"""What changed since the previous release, from ``openai-funding diff``: per table, the records
added, removed and changed (by primary key) and the fields added."""

from __future__ import annotations

from openai_funding.content.data import ReportData
from openai_funding.content.language import N_
from openai_funding.content.markdown import Table, text
from openai_funding.content.package_tables import count_text
from openai_funding.content.words import say
from openai_funding.package.diff import PackageDiff, diff_packages

#: A table's status since the previous release, in words (``same`` is not shown).
STATUSES = {"added": N_("new table"), "removed": N_("removed"), "changed": N_("changed")}


def previous_release_diff(data: ReportData) -> PackageDiff | None:
    """The package compared with the previous release named in the report's settings, or
    ``None`` when no previous release is stored beside the package."""
    rel = data.settings.previous_release
    if not rel:
        return None
    old = data.path.parent / rel
    if not old.is_file():
        return None
    return diff_packages(old, data.path)


def changes_summary(data: ReportData) -> str:
    """One sentence: which version the package is compared with, and how to see every cell."""
    lang = data.lang
    diff = previous_release_diff(data)
    if diff is None:
        return lang._("No previous release is stored beside this copy of the package.")
    versions = {c.field: c for c in diff.properties}
    how = lang._(
        "The command openai-funding diff lists every changed cell, old and new; the CHANGELOG "
        "says why."
    )
    if "version" not in versions:
        return lang._(
            "Compared with the previous release, record by record (by primary key). {how}",
            how=how,
        )
    return lang._(
        "Compared with version {version}, record by record (by primary key). {how}",
        version=versions["version"].old,
        how=how,
    )


def changes_table(data: ReportData) -> Table:
    """Per table: its status and the records added, removed and changed since the previous
    release, and the fields added."""
    lang = data.lang
    diff = previous_release_diff(data)
    rows, records = [], []
    for res in diff.resources if diff else ():
        if res.status == "same":
            continue
        count = len(res.added or res.removed) if res.status in ("added", "removed") else None
        added = len(res.added) if count is None else (count if res.status == "added" else 0)
        removed = len(res.removed) if count is None else (count if res.status == "removed" else 0)
        records.append(
            {
                "resource": res.name,
                "status": res.status,
                "added": added,
                "removed": removed,
                "changed": len(res.changed),
            }
        )
        rows.append(
            [
                text(res.name),
                text(say(lang, STATUSES, res.status)),
                text(count_text(added, lang)),
                text(count_text(removed, lang)),
                text(count_text(len(res.changed), lang)),
                text(", ".join(res.fields_added)),
            ]
        )
    return Table(
        [
            lang._("Table"),
            lang._("Status"),
            lang._("Records added"),
            lang._("Removed"),
            lang._("Changed"),
            lang._("New fields"),
        ],
        rows,
        records,
        widths=[4, 3, 2, 2, 2, 5],
    )
