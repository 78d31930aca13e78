"""One XLSX workbook, written by XlsxWriter: a README sheet, a dictionary sheet, then a sheet
per table with typed cells: dates as dates, integers and numbers as numbers, booleans as
booleans, text as text. Nothing is ever a formula: text is written as a string cell, so a cell
that starts with ``=``, ``+``, ``-`` or ``@`` stays text. The file's dates are the build's, so
the same inputs give the same bytes (XlsxWriter stamps its zip entries with a fixed date).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from openai_funding.package.descriptor import Package

#: Never turn text into formulas, links or numbers: a cell is what the schema says it is.
OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
DATE_FORMAT = "yyyy-mm-dd"


def readme_rows(package: Package) -> list[tuple[str, str]]:
    raw = package.raw
    licences = ", ".join(str(lic.get("name")) for lic in raw.get("licenses", ()))
    return [
        ("title", str(raw.get("title", ""))),
        ("name", str(raw.get("name", ""))),
        ("version", str(raw.get("version", ""))),
        ("as of", str(raw.get("asOf", ""))),
        ("description", str(raw.get("description", ""))),
        ("licence", licences),
        (
            "sheets",
            (
                "dictionary: every field of every table (type, required, key, description); "
                "then one sheet per table, one row per record, with the types of "
                "datapackage.json: dates are dates, amounts are whole numbers in the currency "
                "of the column's name, an empty cell is missing."
            ),
        ),
        ("cite", "See CITATION.cff; please cite the sources too: each claim names one."),
    ]


def write(
    package: Package, data: dict[str, dict[str, list[Any]]], path: Path, *, created: dt.datetime
) -> Path:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), OPTIONS)
    workbook.set_properties(
        {
            "title": str(package.raw.get("title", "")),
            "author": "openai-funding contributors",
            "created": created,
        }
    )
    bold = workbook.add_format({"bold": True})
    date = workbook.add_format({"num_format": DATE_FORMAT})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})

    readme = workbook.add_worksheet("README")
    readme.set_column(0, 0, 14, bold)
    readme.set_column(1, 1, 100, wrap)
    for row, (key, value) in enumerate(readme_rows(package)):
        readme.write_string(row, 0, key)
        readme.write_string(row, 1, value)

    dictionary = workbook.add_worksheet("dictionary")
    header = ["table", "field", "type", "required", "key", "constraints", "description"]
    for col, title in enumerate(header):
        dictionary.write_string(0, col, title, bold)
    row = 1
    for name, resource in package.tabular.items():
        for field_name, field in resource.fields.items():
            constraints = {k: v for k, v in field.get("constraints", {}).items() if k != "required"}
            dictionary.write_string(row, 0, name)
            dictionary.write_string(row, 1, field_name)
            dictionary.write_string(row, 2, field.get("type", "string"))
            dictionary.write_boolean(row, 3, bool(field.get("constraints", {}).get("required")))
            dictionary.write_boolean(row, 4, field_name in resource.key)
            dictionary.write_string(row, 5, json.dumps(constraints, ensure_ascii=False))
            dictionary.write_string(row, 6, field.get("description", ""))
            row += 1
    dictionary.freeze_panes(1, 0)
    dictionary.autofilter(0, 0, row - 1, len(header) - 1)

    for name, resource in package.tabular.items():
        sheet = workbook.add_worksheet(name)
        columns = data[name]
        for col, (field_name, field) in enumerate(resource.fields.items()):
            kind = field.get("type", "string")
            sheet.write_string(0, col, field_name, bold)
            sheet.set_column(col, col, 12 if kind in ("date", "boolean") else 18)
            for offset, value in enumerate(columns[field_name], start=1):
                if value is None:
                    continue
                if kind == "date":
                    sheet.write_datetime(offset, col, value, date)
                elif kind == "boolean":
                    sheet.write_boolean(offset, col, value)
                elif kind in ("integer", "number"):
                    sheet.write_number(offset, col, value)
                else:
                    sheet.write_string(offset, col, value)
        rows = len(next(iter(columns.values()), []))
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, rows, len(columns) - 1)
    workbook.close()
    return path
