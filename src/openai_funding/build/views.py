"""The frames the rule suites run on, published as tables: ``views/<frame>.parquet``, one per
frame (each resource as the rules see it, and each cross-table view: round totals, investment
totals, claim support...), so that every suite in ``suites/`` can be rerun with plain Great
Expectations on published files. Each suite names its table in ``meta.openai_funding.table``.

A frame keeps its locator columns (``_id``, ``_key``, ``_file``, ``_row``: where each row comes
from) and its pandas types; the Parquet file records them (pyarrow), so ``pandas.read_parquet``
gives back the frame the rules ran on. ``views/datapackage.json`` describes every view as a
resource with its own Table Schema (field types from the frame, the suite's description).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openai_funding.checks import as_of_views, purchase_views, translation_views, views
from openai_funding.checks.rules.suites import load_suites
from openai_funding.package.descriptor import Package
from openai_funding.package.loading import load

VIEWS = "views"

#: Table Schema type of each pandas dtype kind a view uses (the dates are days, stored as
#: timestamps at midnight).
FIELD_TYPES = {"i": "integer", "u": "integer", "f": "number", "b": "boolean", "M": "date"}


def table_of(frame: str) -> str:
    """The published file a suite on ``frame`` runs on, relative to the site."""
    return f"{VIEWS}/{frame}.parquet"


def write_views(package: Package, suites: Path, site: Path) -> list[Path]:
    """Write the frame of every suite in ``suites`` to ``site/views/``; rewrite the suites
    copied to ``site/suites/`` so each names its table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = load(package)
    frames = {
        **views.build_all(tables, package.tabular),
        **as_of_views.build_all(tables, package.tabular),
        **purchase_views.build_all(tables, package.tabular),
        **translation_views.build_all(tables, package.tabular),
    }
    (site / VIEWS).mkdir(exist_ok=True)
    written: list[Path] = []
    done: set[str] = set()
    resources: list[dict[str, object]] = []
    for suite in load_suites(suites):
        if suite.frame not in done:
            frame = frames[suite.frame]()
            table = pa.Table.from_pandas(frame, preserve_index=False)
            meta = dict(table.schema.metadata or {})
            meta[b"description"] = str(
                suite.data["meta"]["openai_funding"].get("description", "")
            ).encode()
            path = site / table_of(suite.frame)
            pq.write_table(table.replace_schema_metadata(meta), path, compression="zstd")
            written.append(path)
            done.add(suite.frame)
            resources.append(_resource(suite.frame, frame, meta[b"description"].decode()))
        data = json.loads(json.dumps(suite.data))
        data["meta"]["openai_funding"]["table"] = table_of(suite.frame)
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        (site / "suites" / suite.path.name).write_text(text, encoding="utf-8")
    descriptor = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": f"{package.raw.get('name', 'openai-funding')}-views",
        "title": "The tables the rule suites run on",
        "description": "Each resource and each cross-table view as the rules in suites/ see it; "
        "every suite names its table in meta.openai_funding.table.",
        "resources": resources,
    }
    index = site / VIEWS / "datapackage.json"
    index.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    written.append(index)
    return written


def _resource(name: str, frame: Any, description: str) -> dict[str, object]:
    """A view as a Data Package resource: its Parquet file and a Table Schema of its columns."""
    fields = [
        {"name": str(column), "type": FIELD_TYPES.get(frame[column].dtype.kind, "string")}
        for column in frame.columns
    ]
    return {
        "name": name.replace("_", "-"),
        "type": "table",
        "path": f"{name}.parquet",
        "format": "parquet",
        "mediatype": "application/vnd.apache.parquet",
        "description": description,
        "schema": {"fields": fields},
    }
