"""The views of translations: every displayed label with the texts it has in each language, and
every translation with whether it points to such a label.

A field marked ``"translated": true`` in its schema is shown to readers in the report's own words
(a record's name, an agreement's title, a press report's statement...): the French edition shows
its text from the ``translations`` resource, so each non-empty cell needs one row there per
language that the resource's ``lang`` field allows. Quotes and titles of sources are never marked:
they stay in their source's language.

The descriptor's own texts that the report shows (each resource's title and description, each
field's description: its data dictionary) are translated in the gettext catalog
``openai_funding/content/locale/<lang>/dictionary.po``, keyed by the English text; the view
``described_texts`` gives each with whether that catalog has a text for it in each language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from openai_funding.checks.frames import bind, keys_of, locate, rows_of

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from openai_funding.package.descriptor import Resource

#: The resource that holds the texts of the displayed labels in other languages.
TRANSLATIONS = "translations"


def languages(resources: Mapping[str, Resource]) -> list[str]:
    """The languages every displayed label needs a text in: the ``enum`` of the ``lang`` field
    of the ``translations`` resource (none when the package has no such resource)."""
    res = resources.get(TRANSLATIONS)
    if res is None or "lang" not in res.fields:
        return []
    return [str(v) for v in res.fields["lang"].get("constraints", {}).get("enum", ())]


def translated_cells(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> pd.DataFrame:
    """One row per non-empty cell of a translated field and per language, with the number of
    ``translations`` of that cell in that language (``texts``)."""
    import pandas as pd

    given: dict[tuple[str, str, str, str], int] = {}
    if TRANSLATIONS in tables:
        texts = tables[TRANSLATIONS].dropna(subset=["text"])
        counts = texts.groupby(["resource", "record_id", "field", "lang"]).size()
        given = {tuple(str(p) for p in k): int(v) for k, v in counts.items()}
    langs = languages(resources)
    rows: list[dict[str, Any]] = []
    for name, res in resources.items():
        if name not in tables or not res.translated:
            continue
        frame = tables[name]
        for field in res.translated:
            for key, line, cell in zip(
                keys_of(frame, res.key), rows_of(frame), frame[field], strict=True
            ):
                if pd.isna(cell):
                    continue
                for lang in langs:
                    rows.append(
                        {
                            "_key": key,
                            "_file": res.path,
                            "_row": int(line),
                            "_field": field,
                            "lang": lang,
                            "value": str(cell),
                            "texts": given.get((name, str(key), field, lang), 0),
                        }
                    )
    columns = ["_key", "_file", "_row", "_field", "lang", "value", "texts"]
    out = pd.DataFrame(rows, columns=columns)
    out["texts"] = out["texts"].astype("int64")
    out["_id"] = range(len(out))
    return out


def translation_targets(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> pd.DataFrame:
    """One row per translation, with whether its record exists (``target_exists``) and whether
    its field is a translated field of that resource that holds a text (``label_exists``)."""
    import pandas as pd

    if TRANSLATIONS not in tables:
        return pd.DataFrame(columns=["_key", "_file", "_row", "_id"])
    translations = tables[TRANSLATIONS]
    res = resources[TRANSLATIONS]
    cells: dict[str, dict[str, Any]] = {}
    for name, target in resources.items():
        if name in tables and target.translated:
            frame = tables[name]
            cells[name] = dict(
                zip(keys_of(frame, target.key), frame.to_dict("records"), strict=True)
            )
    target_exists, label_exists = [], []
    for t in translations.itertuples(index=False):
        record = cells.get(str(t.resource), {}).get(str(t.record_id))
        target_exists.append(record is not None)
        field = str(t.field)
        label_exists.append(
            record is not None
            and field in resources[str(t.resource)].translated
            and not pd.isna(record.get(field))
        )
    out = translations.copy()
    out["target_exists"] = target_exists
    out["label_exists"] = label_exists
    return locate(out, keys_of(translations, res.key), file=res.path, rows=rows_of(translations))


def described_texts(
    _tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> pd.DataFrame:
    """One row per text of the descriptor that the report shows (see
    :func:`~openai_funding.content.dictionary.shown_texts`) and per language, with the number of
    texts for it in that language's ``dictionary.po`` (``texts``: 0 or 1). ``_key`` is the
    resource (``resource/field`` for a field's description), ``_field`` the property."""
    import pandas as pd

    from openai_funding.content.dictionary import shown_texts
    from openai_funding.content.language import dictionary_catalog

    descriptor = {"resources": [dict(res.raw) for res in resources.values()]}
    catalogs = {lang: dictionary_catalog(lang) for lang in languages(resources)}
    rows = [
        {
            "_key": t.resource if t.field is None else f"{t.resource}/{t.field}",
            "_file": "datapackage.json",
            "_field": t.property,
            "lang": lang,
            "text": t.text,
            "texts": int(bool(catalog.get(t.text))),
        }
        for t in shown_texts(descriptor)
        for lang, catalog in catalogs.items()
    ]
    out = pd.DataFrame(rows, columns=["_key", "_file", "_field", "lang", "text", "texts"])
    out["texts"] = out["texts"].astype("int64")
    out["_id"] = range(len(out))
    return out


def build_all(
    tables: dict[str, pd.DataFrame], resources: Mapping[str, Resource]
) -> dict[str, Callable[[], pd.DataFrame]]:
    """View name → a function that builds it (lazily), as :func:`views.build_all` does."""
    views = {
        "translated_cells": translated_cells,
        "translation_targets": translation_targets,
        "described_texts": described_texts,
    }
    return {name: bind(fn, tables, resources) for name, fn in views.items()}
