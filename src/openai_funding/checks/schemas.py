"""Schema validation of the whole package with frictionless: descriptor, Table Schemas, types,
constraints, primary and foreign keys, and the sha256 hashes and byte sizes of the files."""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path
from typing import Any

from openai_funding.package.descriptor import AS_OF, Package, as_of_problem
from openai_funding.package.problems import Problem

HINTS = {
    "hash-count": "the file changed since its hash was recorded: if the edit is intended, run "
    "`openai-funding hash` to refresh hashes and sizes in datapackage.json",
    "byte-count": "the file size differs from the one recorded: if the edit is intended, run "
    "`openai-funding hash` to refresh hashes and sizes in datapackage.json",
}


def check_schemas(package: Package) -> list[Problem]:
    """Validate the package with frictionless and return its errors as :class:`Problem` s."""
    from frictionless import FrictionlessException, system
    from frictionless import Package as FrictionlessPackage

    descriptor = package.to_dict()
    name = package.path.name
    base = package.base
    paths = {r.get("name"): r.get("path") for r in descriptor["resources"] if isinstance(r, dict)}
    outside = _leaving_paths(descriptor, base, name)
    if outside:  # never read a file outside the package, not even to validate it
        return outside
    try:
        # frictionless prints nothing itself, but libraries below it may warn on odd bytes.
        with contextlib.redirect_stderr(io.StringIO()), system.use_context(trusted=False):
            checked = FrictionlessPackage(_comma_separated(descriptor), basepath=str(base))
            report = checked.validate()
    except FrictionlessException as exc:
        return [Problem(name, None, None, exc.error.type, _clean(exc.error.message))]
    problems: list[Problem] = [
        Problem(name, None, None, e.type, _clean(e.message)) for e in report.errors
    ]
    for task in report.tasks:
        file = str(paths.get(task.name) or task.place or task.name)
        for error in task.errors:
            problem = _problem(file, error)
            if problem.check == "encoding-error":
                problem = _locate_encoding_error(base / file, problem)
            problems.append(problem)
    for file in paths.values():
        if isinstance(file, str):
            problems.extend(_format_problems(base / file, file))
    if reason := as_of_problem(descriptor):
        problems.append(Problem(name, None, AS_OF, "descriptor-error", reason, _found(descriptor)))
    return problems


def _found(descriptor: dict[str, Any]) -> str | None:
    value = descriptor.get(AS_OF)
    return None if value is None else str(value)


def _leaving_paths(descriptor: dict[str, Any], base: Path, name: str) -> list[Problem]:
    """A resource whose path, once links are followed, is not inside the package's folder."""
    problems = []
    root = base.resolve()
    for res in descriptor["resources"]:
        rel = res.get("path") if isinstance(res, dict) else None
        if not isinstance(rel, str):
            continue
        if Path(rel).is_absolute() or ".." in Path(rel).parts:
            problems.append(
                Problem(
                    name,
                    None,
                    "path",
                    "path-error",
                    f"resource {res.get('name')!r}: path "
                    "leaves the package (absolute, or through '..')",
                    rel,
                )
            )
        elif not (base / rel).resolve().is_relative_to(root):
            problems.append(
                Problem(
                    rel,
                    None,
                    None,
                    "path-error",
                    "the file is a link to a file outside the package: put the data itself here",
                    str((base / rel).resolve()),
                )
            )
    return problems


def _comma_separated(descriptor: dict[str, Any]) -> dict[str, Any]:
    """The descriptor (a copy of its own) with a comma as every CSV's delimiter unless it names
    a dialect: without one, frictionless guesses the delimiter, and a file saved with semicolons
    would pass here and fail in every reader that expects commas (ours included)."""
    out = descriptor
    for res in out["resources"]:
        if isinstance(res, dict) and "dialect" not in res:
            res["dialect"] = {"delimiter": ","}
    return out


def _format_problems(path: Path, file: str) -> list[Problem]:
    """UTF-8 without a byte order mark and LF line endings, as the package promises."""
    try:
        data = path.read_bytes()
    except OSError:
        return []  # frictionless has said why
    problems = []
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(
            Problem(
                file,
                1,
                None,
                "format-error",
                "the file starts with a byte order mark: save it as UTF-8 without BOM",
            )
        )
    if b"\r" in data:
        row = data.count(b"\n", 0, data.index(b"\r")) + 1
        problems.append(
            Problem(
                file,
                row,
                None,
                "format-error",
                "carriage return (CR or CR LF line endings): save the file with LF line endings",
            )
        )
    return problems


def _problem(file: str, error: Any) -> Problem:
    code = error.type
    row = getattr(error, "row_number", None)
    field = getattr(error, "field_name", None)
    found: str | None = getattr(error, "cell", None)
    if field is None and getattr(error, "field_names", None):
        field = ",".join(error.field_names)
    if found is None and getattr(error, "cells", None):
        found = ",".join(str(c) for c in error.cells)
    if code in {
        "extra-label",
        "missing-label",
        "blank-label",
        "duplicate-label",
        "incorrect-label",
    }:
        field = field or getattr(error, "label", None)
        row = 1
    message = HINTS.get(code) or _clean(error.note or error.message)
    if code in HINTS:
        found = _clean(error.note)
    elif code == "type-error":
        kind, _, fmt = str(error.note).removeprefix('type is "').rstrip('"').partition("/")
        message = f"not a valid {kind}" + (" (expected YYYY-MM-DD)" if kind == "date" else "")
        if fmt not in ("", "default"):
            message += f" in format {fmt}"
    elif code == "source-error" and "empty" in str(error.note):
        row, message = 1, "the file is empty: expected a header row and data"
    return Problem(file, row, field, code, f"{error.title.lower()}: {message}", found)


def _locate_encoding_error(path: Path, problem: Problem) -> Problem:
    """Name the line and column of the first byte that is not UTF-8."""
    try:
        data = path.read_bytes()
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        row = data.count(b"\n", 0, exc.start) + 1
        header = next(csv.reader([data.split(b"\n", 1)[0].decode("utf-8", "replace")]), [])
        prefix = data[line_start : exc.start].decode("utf-8", "replace")
        column = len(next(csv.reader([prefix]), [""])) - 1
        field = header[column] if 0 <= column < len(header) else None
        bad = data[exc.start : exc.end]
        return Problem(
            problem.file,
            row,
            field,
            "encoding-error",
            "encoding error: bytes that are not UTF-8 (save the file as UTF-8)",
            bad.hex(" "),
        )
    except OSError:
        return problem
    return problem


def _clean(text: str) -> str:
    return " ".join(str(text).split())
