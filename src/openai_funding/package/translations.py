"""The package's tables in another language: each displayed label replaced by its text from the
``translations`` resource.

The package is written in English. The fields marked ``"translated": true`` in their schema are
the labels a report shows in its own words (a round's name, an agreement's title, a condition, a
press report's statement...); ``translations`` holds their text in other languages, one row per
cell and language (``resource``, ``record_id``, ``field``, ``lang``, ``text``), and a rule refuses
a label without one (``validation/translated_cells.json``). Quotes and the sources' titles are
never translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from openai_funding.checks.frames import keys_of

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from openai_funding.package.descriptor import Resource

#: The language the package's own cells are written in.
SOURCE_LANGUAGE = "en"

#: The resource that holds the texts of the displayed labels in other languages.
TRANSLATIONS = "translations"


def translated(
    tables: Mapping[str, pd.DataFrame], resources: Mapping[str, Resource], lang: str
) -> dict[str, pd.DataFrame]:
    """``tables`` with every cell of a translated field replaced by its text in ``lang`` (new
    frames for the tables that change; the others as they are). ``lang`` ``en`` gives the
    tables unchanged. A cell with no text in ``lang`` keeps its English text: validation refuses
    such a package (rule ``translated_cells/every-label-translated``)."""
    out = dict(tables)
    if lang == SOURCE_LANGUAGE or TRANSLATIONS not in tables:
        return out
    texts = tables[TRANSLATIONS]
    texts = texts[texts["lang"] == lang]
    lookup = {
        (str(r), str(k), str(f)): t
        for r, k, f, t in zip(
            texts["resource"], texts["record_id"], texts["field"], texts["text"], strict=True
        )
    }
    for name, res in resources.items():
        if name not in tables or not res.translated:
            continue
        frame = tables[name].copy()
        keys = [str(k) for k in keys_of(frame, res.key)]
        for field in res.translated:
            column = frame[field]
            frame[field] = [
                lookup.get((name, key, field), cell) for key, cell in zip(keys, column, strict=True)
            ]
            frame[field] = frame[field].astype(column.dtype)
        out[name] = frame
    return out
