"""Broken and hostile copies of the package, made in a temporary folder from the real one.

A copy holds ``datapackage.json``, ``data/`` and a ``_site/`` with a few files in it, so a test
can prove that a command left all three byte-identical (:func:`snapshot`). Edits work on bytes
(:func:`replace`) or on cells (:func:`set_cell`), and :func:`rehash` refreshes the descriptor's
hashes so that the edit, not a stale hash, is what validation sees.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

from openai_funding.cli import main
from openai_funding.package import hashing
from support import DESCRIPTOR, ROOT, tree_digest

#: The files a command must never touch.
WATCHED = ("data", "datapackage.json", "_site")

#: Every resource of the package: name -> (path, text fields with no pattern or enum).
RESOURCES: dict[str, tuple[str, list[str]]] = {
    res["name"]: (
        res["path"],
        [
            f["name"]
            for f in res["schema"]["fields"]
            if f.get("type") == "string" and not {"enum", "pattern"} & set(f.get("constraints", {}))
        ],
    )
    for res in json.loads(DESCRIPTOR.read_text(encoding="utf-8"))["resources"]
}


def make_copy(folder: Path) -> Path:
    """A copy of the package in ``folder`` with a published-looking ``_site/``; its descriptor."""
    shutil.copytree(ROOT / "data", folder / "data")
    shutil.copy2(DESCRIPTOR, folder / "datapackage.json")
    site = folder / "_site"
    (site / "data").mkdir(parents=True)
    (site / "index.html").write_text("<p>the last good report</p>\n", encoding="utf-8")
    (site / "data" / "rounds.csv").write_bytes((ROOT / "data" / "rounds.csv").read_bytes())
    return folder / "datapackage.json"


def snapshot(folder: Path) -> dict[str, dict[str, bytes]]:
    """The bytes of every watched file of a copy (a missing file or folder is an empty dict)."""
    out = {}
    for name in WATCHED:
        path = folder / name
        if path.is_dir():
            out[name] = tree_digest(path)
        elif path.is_file():
            out[name] = {name: path.read_bytes()}
        else:
            out[name] = {}
    return out


def run_cli(*argv: str) -> tuple[int, str]:
    """``openai-funding ARGV`` in this process: exit code and everything it printed."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue() + err.getvalue()


def csv_path(folder: Path, resource: str) -> Path:
    return folder / RESOURCES[resource][0]


def rehash(folder: Path) -> None:
    """Refresh the hashes and sizes in the copy's descriptor (as a contributor would)."""
    hashing.refresh_file(folder / "datapackage.json")


def replace(resource: str, old: bytes, new: bytes, *, count: int = 1) -> Callable[[Path], None]:
    """An edit replacing bytes in a resource's file (``count=-1``: every occurrence)."""

    def edit(folder: Path) -> None:
        path = csv_path(folder, resource)
        raw = path.read_bytes()
        assert old in raw, f"{old!r} not in {resource}"
        path.write_bytes(raw.replace(old, new, count))

    return edit


def rewrite(resource: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    """An edit rewriting the whole file of a resource."""

    def edit(folder: Path) -> None:
        path = csv_path(folder, resource)
        path.write_bytes(change(path.read_bytes()))

    return edit


def read_rows(folder: Path, resource: str) -> list[list[str]]:
    with csv_path(folder, resource).open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write_rows(folder: Path, resource: str, rows: list[list[str]]) -> None:
    with csv_path(folder, resource).open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def set_cell(resource: str, line: int, field: str, value: str) -> Callable[[Path], None]:
    """An edit setting one cell; ``line`` counts the header as line 1, as messages do."""

    def edit(folder: Path) -> None:
        rows = read_rows(folder, resource)
        rows[line - 1][rows[0].index(field)] = value
        write_rows(folder, resource, rows)

    return edit


def add_row(resource: str, **cells: str) -> Callable[[Path], None]:
    """An edit appending a record (fields not given are empty)."""

    def edit(folder: Path) -> None:
        rows = read_rows(folder, resource)
        assert set(cells) <= set(rows[0]), set(cells) - set(rows[0])
        rows.append([cells.get(name, "") for name in rows[0]])
        write_rows(folder, resource, rows)

    return edit


def edit_descriptor(change: Callable[[dict[str, Any]], Any]) -> Callable[[Path], None]:
    """An edit of the parsed descriptor (written back as two-space JSON)."""

    def edit(folder: Path) -> None:
        path = folder / "datapackage.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    return edit


def resource_of(data: dict[str, Any], name: str) -> dict[str, Any]:
    (res,) = [r for r in data["resources"] if r.get("name") == name]
    return res
