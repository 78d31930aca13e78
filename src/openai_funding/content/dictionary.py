"""The descriptor's texts that the report shows: the title and description of each resource and
the description of each field (the data dictionary, and the list of downloads), with where each
comes from in ``datapackage.json``.

Their French texts are in the gettext catalog ``locale/fr/dictionary.po``, keyed by the English
text (``msgid``): a changed English text finds no French one and shows as untranslated, which a
test and the rule ``described_texts/every-description-translated`` refuse. ``nox -s messages``
writes their template (``.build/dictionary.pot``) with :func:`main`; then ``pybabel update -l fr
-i .build/dictionary.pot -o src/openai_funding/content/locale/fr/dictionary.po --no-wrap`` adds
the new texts to the catalog and marks the changed ones.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The resources' properties the report shows (the data dictionary's first table, the list of
#: downloads); each field's ``description`` is shown as well.
RESOURCE_TEXTS = ("title", "description")


@dataclass(frozen=True)
class DescriptorText:
    """One text of the descriptor: its resource, its field (None for the resource's own), the
    property that holds it (``title``, ``description``) and the English text."""

    resource: str
    field: str | None
    property: str
    text: str

    @property
    def where(self) -> str:
        """``resource 'outcomes', field 'grade': description`` (how a problem names it)."""
        field = "" if self.field is None else f", field {self.field!r}"
        return f"resource {self.resource!r}{field}: {self.property}"


def shown_texts(descriptor: Mapping[str, Any]) -> list[DescriptorText]:
    """Every non-empty title and description of a resource, and description of a field, in the
    order of ``datapackage.json``."""
    out = []
    for res in descriptor.get("resources", ()):
        name = str(res.get("name"))
        for prop in RESOURCE_TEXTS:
            if res.get(prop):
                out.append(DescriptorText(name, None, prop, str(res[prop])))
        for field in (res.get("schema") or {}).get("fields", ()):
            if field.get("description"):
                out.append(
                    DescriptorText(name, str(field["name"]), "description", field["description"])
                )
    return out


def untranslated(descriptor: Mapping[str, Any], catalog: Mapping[str, str]) -> list[DescriptorText]:
    """The texts of :func:`shown_texts` that ``catalog`` (English → translation, as
    :func:`~openai_funding.content.language.dictionary_catalog` reads it) does not translate."""
    return [t for t in shown_texts(descriptor) if not catalog.get(t.text)]


def template(descriptor: Mapping[str, Any]) -> Any:
    """The gettext template of :func:`shown_texts` (a Babel ``Catalog``): one message per
    distinct English text, with where each is used as a comment for the translator."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(project="openai-funding", domain="dictionary", fuzzy=False)
    uses: dict[str, list[str]] = {}
    for t in shown_texts(descriptor):
        uses.setdefault(t.text, []).append(
            t.resource + ("" if t.field is None else f".{t.field}") + f" ({t.property})"
        )
    for text, where in uses.items():
        catalog.add(text, auto_comments=[f"datapackage.json: {', '.join(where)}"])
    return catalog


def main(argv: Sequence[str] | None = None) -> None:
    """Write the template of the descriptor's texts: ``python -m
    openai_funding.content.dictionary [--descriptor datapackage.json] OUT.pot``."""
    from babel.messages.pofile import write_po

    parser = argparse.ArgumentParser(prog="python -m openai_funding.content.dictionary")
    parser.add_argument("out", type=Path, help="the .pot file to write")
    parser.add_argument("--descriptor", type=Path, default=Path("datapackage.json"))
    args = parser.parse_args(argv)
    descriptor = json.loads(args.descriptor.read_text(encoding="utf-8"))
    with args.out.open("wb") as fh:
        write_po(fh, template(descriptor), omit_header=True, sort_output=False, width=100)


if __name__ == "__main__":  # pragma: no cover
    main()
