"""The corpus of broken packages: each case is an edit of a fresh copy of the real package and
the outcome it must give (see ``test_broken_corpus.py``).

``where`` is how the message must start (``file:line`` for a problem in a row, ``file`` for a
problem with a whole file), ``field`` the column it must name (``None`` when there is none), and
``code`` the exit code: 1 for invalid data, 2 for input that is not a data package at all.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hardening_helpers import (
    add_row,
    csv_path,
    edit_descriptor,
    rehash,
    replace,
    resource_of,
    rewrite,
    set_cell,
)

Edit = Callable[[Path], None]

#: The checkout's folder (the corpus is built from its package).
ROOT = Path(__file__).resolve().parents[2]


def appended(path: str) -> int:
    """The line that a record appended to the package's file ``path`` takes."""
    with (ROOT / path).open(encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.reader(fh)) + 1


ORG, RND, INV, COM = (
    "data/organizations.csv",
    "data/rounds.csv",
    "data/investments.csv",
    "data/commitments.csv",
)
PTY, QST, SRC, CLM = (
    "data/agreement_parties.csv",
    "data/questions.csv",
    "data/sources.csv",
    "data/claims.csv",
)
DESC = "datapackage.json"


@dataclass(frozen=True)
class Case:
    """A broken copy: its category, the edit, and what validation must say."""

    category: str
    edit: Edit
    code: int
    where: str
    field: str | None = None
    words: str = ""
    rehash: bool = True

    def apply(self, folder: Path) -> None:
        self.edit(folder)
        if self.rehash:
            rehash(folder)


def unlink(resource: str) -> Edit:
    return lambda folder: csv_path(folder, resource).unlink()


def as_folder(resource: str) -> Edit:
    def edit(folder: Path) -> None:
        csv_path(folder, resource).unlink()
        csv_path(folder, resource).mkdir()

    return edit


def symlink_outside(resource: str) -> Edit:
    """The resource's file becomes a link to a file outside the package."""

    def edit(folder: Path) -> None:
        outside = folder.parent / f"{folder.name}-outside.csv"
        outside.write_bytes(csv_path(folder, resource).read_bytes())
        csv_path(folder, resource).unlink()
        csv_path(folder, resource).symlink_to(outside)

    return edit


def path_to(resource: str, path: str) -> Edit:
    """The descriptor points a resource at ``path`` (a file is put there when it is relative)."""

    def edit(folder: Path) -> None:
        if not Path(path).is_absolute():
            target = (folder / path).resolve()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(csv_path(folder, resource).read_bytes())
        edit_descriptor(lambda d: resource_of(d, resource).__setitem__("path", path))(folder)

    return edit


def drop_resource(name: str) -> Edit:
    def change(data: dict[str, Any]) -> None:
        data["resources"] = [r for r in data["resources"] if r.get("name") != name]

    return edit_descriptor(change)


def write_descriptor(raw: bytes) -> Edit:
    return lambda folder: (folder / "datapackage.json").write_bytes(raw)


def descriptor_json(data: Any) -> Edit:
    return write_descriptor(json.dumps(data).encode())


def crlf(raw: bytes) -> bytes:
    return raw.replace(b"\n", b"\r\n")


def semicolons(raw: bytes) -> bytes:
    return raw.replace(b",", b";")


def utf16(raw: bytes) -> bytes:
    return raw.decode("utf-8").encode("utf-16")


def bom(raw: bytes) -> bytes:
    return b"\xef\xbb\xbf" + raw


def truncated_utf8(raw: bytes) -> bytes:
    """Cut the file in the middle of its last multi-byte character."""
    last = max(raw.rfind(ch.encode()) for ch in "“”’é")
    return raw[: last + 1]


#: The corpus: at least 40 breaks, by category.
CASES: dict[str, Case] = {
    # --- structure --------------------------------------------------------------------------
    "missing data file": Case("structure", unlink("questions"), 1, QST, rehash=False),
    "data file is a folder": Case("structure", as_folder("questions"), 1, QST, rehash=False),
    "resource path leaves the package": Case(
        "structure",
        path_to("questions", "../questions.csv"),
        1,
        DESC,
        "path",
        "leaves the package",
        rehash=False,
    ),
    "resource path is absolute": Case(
        "structure",
        path_to("questions", "/etc/hostname"),
        1,
        DESC,
        "path",
        "leaves the package",
        rehash=False,
    ),
    "data file links outside the package": Case(
        "structure", symlink_outside("questions"), 1, QST, words="outside", rehash=False
    ),
    "resource removed from the descriptor": Case(
        "structure", drop_resource("sources"), 1, CLM, words='"sources" does not exist'
    ),
    "resource removed that nothing names in a key": Case(
        "structure", drop_resource("question_updates"), 1, DESC, words="no frame"
    ),
    "semicolons for commas": Case("structure", rewrite("rounds", semicolons), 1, f"{RND}:1"),
    "CRLF line endings": Case("structure", rewrite("rounds", crlf), 1, f"{RND}:1", words="LF"),
    "row with an extra cell": Case(
        "structure", replace("investments", b",2026-02-27\n", b",2026-02-27,x\n"), 1, f"{INV}:2"
    ),
    "row with a cell missing": Case(
        "structure",
        replace("investments", b",30000000000,2026-02-27\n", b",30000000000\n"),
        1,
        f"{INV}:2",
    ),
    "quote left open": Case("structure", replace("organizations", b"Nvidia,", b'"Nvidia,'), 1, ORG),
    "header row missing": Case(
        "structure", rewrite("investments", lambda raw: raw.split(b"\n", 1)[1]), 1, f"{INV}:1"
    ),
    "duplicate column name": Case(
        "structure", replace("questions", b",notes\n", b",question\n"), 1, f"{QST}:1"
    ),
    "descriptor is a JSON list": Case("structure", descriptor_json([]), 2, DESC, rehash=False),
    "descriptor resources not a list": Case(
        "structure", descriptor_json({"resources": {}}), 2, DESC, rehash=False
    ),
    "descriptor resource that is not an object": Case(
        "structure", edit_descriptor(lambda d: d["resources"].append(42)), 2, DESC, rehash=False
    ),
    "descriptor not UTF-8": Case(
        "structure",
        lambda folder: (folder / DESC).write_bytes(
            (folder / DESC).read_bytes().replace(b"\xc3\xa9", b"\xe9", 1)
            if b"\xc3\xa9" in (folder / DESC).read_bytes()
            else b"\xff" + (folder / DESC).read_bytes()
        ),
        2,
        DESC,
        rehash=False,
    ),
    "descriptor missing": Case(
        "structure", lambda folder: (folder / DESC).unlink(), 2, DESC, rehash=False
    ),
    "size recorded as text": Case(
        "structure",
        edit_descriptor(lambda d: resource_of(d, "rounds").__setitem__("bytes", "967")),
        1,
        DESC,
        rehash=False,
    ),
    # --- types ------------------------------------------------------------------------------
    "integer with a decimal point": Case(
        "types",
        replace("investments", b",30000000000,", b",30000000000.0,"),
        1,
        f"{INV}:2",
        "amount_usd",
    ),
    "day that does not exist": Case(
        "types",
        set_cell("rounds", 5, "status_as_of", "2026-02-30"),
        1,
        f"{RND}:5",
        "status_as_of",
    ),
    "number that is not a number": Case(
        "types",
        replace("agreement_terms", b",10,GW,", b",NaN,GW,"),
        1,
        "data/agreement_terms.csv:3",
        "quantity",
    ),
    "infinite quantity": Case(
        "types",
        replace("agreement_terms", b",10,GW,", b",inf,GW,"),
        1,
        "data/agreement_terms.csv:3",
        "quantity",
    ),
    "integer too large for 64 bits": Case(
        "types",
        set_cell("rounds", 5, "amount_usd", "1" + "0" * 30),
        1,
        f"{RND}:5",
        "amount_usd",
    ),
    "required cell empty": Case(
        "types", set_cell("rounds", 4, "announced_on", ""), 1, f"{RND}:4", "announced_on"
    ),
    # --- keys -------------------------------------------------------------------------------
    "duplicate composite key": Case(
        "keys",
        replace(
            "agreement_parties",
            b"nvidia-loi-2025-09,openai,investee",
            b"nvidia-loi-2025-09,nvidia,party",
        ),
        1,
        f"{PTY}:3",
    ),
    "dangling self-reference": Case(
        "keys",
        set_cell("organizations", 6, "parent_org_id", "amazon-inc"),
        1,
        f"{ORG}:6",
        "parent_org_id",
    ),
    "claim to a source that does not exist": Case(
        "keys", set_cell("claims", 2, "source_id", "nowhere"), 1, f"{CLM}:2", "source_id"
    ),
    "tranche of an investment that does not exist": Case(
        "keys",
        set_cell("commitments", 7, "investment_id", "2026-02-nvidia-x"),
        1,
        f"{COM}:7",
        "investment_id",
    ),
    "empty primary key": Case(
        "keys", set_cell("organizations", 7, "org_id", ""), 1, f"{ORG}:7", "org_id"
    ),
    # --- encodings --------------------------------------------------------------------------
    "latin-1 byte in a name": Case(
        "encodings",
        replace("organizations", b"Microsoft Azure", b"Microsoft Az\xfcre"),
        1,
        f"{ORG}:8",
        "name",
    ),
    "UTF-16": Case("encodings", rewrite("questions", utf16), 1, QST),
    "byte order mark": Case("encodings", rewrite("rounds", bom), 1, f"{RND}:1", words="BOM"),
    "NUL byte in a cell": Case(
        "encodings",
        replace("organizations", b"Nvidia,", b"Nvi\x00dia,"),
        1,
        f"{ORG}:4",
        "name",
    ),
    "truncated UTF-8": Case("encodings", rewrite("claims", truncated_utf8), 1, CLM),
    # --- rules ------------------------------------------------------------------------------
    "tranches do not add up": Case(
        "rules",
        set_cell("commitments", 3, "amount_usd", "34000000000"),
        1,
        f"{INV}:4",
        words="tranches-add-up",
    ),
    "post-money does not follow": Case(
        "rules",
        set_cell("rounds", 5, "pre_money_valuation_usd", "720000000000"),
        1,
        f"{RND}:5",
        words="post-money-follows",
    ),
    "tranche window before the announcement": Case(
        "rules",
        set_cell("commitments", 4, "timing_start", "2026-01-01"),
        1,
        f"{COM}:4",
        words="window-starts-after-announcement",
    ),
    "closed before announced": Case(
        "rules",
        set_cell("rounds", 6, "closed_on", "2026-02-01"),
        1,
        f"{RND}:6",
        words="closed-on-or-after-announced",
    ),
    # --- provenance -------------------------------------------------------------------------
    "claim to a record that does not exist": Case(
        "provenance",
        set_cell("claims", 2, "record_id", "openai-inc"),
        1,
        f"{CLM}:2",
        words="claim-targets-existing-record",
    ),
    "quote does not support the value": Case(
        "provenance",
        set_cell("claims", 40, "value_as_written", "40 milliards de dollars"),
        1,
        f"{CLM}:40",
        words="written-words-in-quote",
    ),
    "source nobody quotes": Case(
        "provenance",
        add_row(
            "sources",
            source_id="blog-x",
            publisher="Some blog",
            language="en",
            url="https://blog.example/x",
            source_type="secondary-report",
        ),
        1,
        f"{SRC}:{appended(SRC)}",
        words="every-source-used",
    ),
    "value changed, claim left as it was": Case(
        "provenance",
        set_cell("investments", 3, "amount_usd", "35000000000"),
        1,
        f"{CLM}:39",
        words="claim-value-equals-cell",
    ),
    "claim marked UNVERIFIED": Case(
        "provenance", set_cell("claims", 9, "status", "UNVERIFIED"), 1, f"{CLM}:9", "status", "enum"
    ),
    "identifier added without a claim": Case(
        "provenance",
        set_cell("organizations", 2, "ric", "OPENAI.O"),
        1,
        f"{ORG}:2",
        "ric",
        "every-value-has-a-claim",
    ),
    "new investor without a claim": Case(
        "provenance",
        add_row(
            "investments",
            investment_id="2026-02-microsoft",
            round_id="2026-03-close",
            investor_org_id="microsoft",
            amount_usd="1000000000",
            status_as_of="2026-03-31",
        ),
        1,
        f"{INV}:5",
        words="every-value-has-a-claim",
    ),
    # --- injection --------------------------------------------------------------------------
    "formula in a name": Case(
        "injection",
        set_cell("organizations", 7, "name", '=HYPERLINK("https://evil.example","Microsoft")'),
        1,
        f"{ORG}:7",
        "name",
        "no-formula-prefix",
    ),
    "formula after a plus sign": Case(
        "injection",
        set_cell("questions", 2, "notes", "+cmd|' /C calc'!A0"),
        1,
        f"{QST}:2",
        "notes",
        "no-formula-prefix",
    ),
    "formula after an at sign": Case(
        "injection",
        set_cell("commitments", 3, "condition", "@SUM(1+1)*cmd|' /C calc'!A0"),
        1,
        f"{COM}:3",
        "condition",
        "no-formula-prefix",
    ),
    "formula after a tab": Case(
        "injection",
        set_cell("sources", 3, "notes", "\t=1+1"),
        1,
        f"{SRC}:3",
        "notes",
        "no-control-characters",
    ),
    "script element in a question": Case(
        "injection",
        set_cell("questions", 3, "question", "Why? <script>alert(1)</script>"),
        1,
        f"{QST}:3",
        "question",
        "no-html",
    ),
    "image with onerror in a description": Case(
        "injection",
        set_cell("agreements", 3, "description", 'See <img src=x onerror="alert(1)">'),
        1,
        "data/agreements.csv:3",
        "description",
        "no-html",
    ),
    "javascript URL in sources": Case(
        "injection",
        set_cell("sources", 4, "url", "javascript:alert(document.domain)"),
        1,
        f"{SRC}:4",
        "url",
        "pattern",
    ),
    "escape sequence in a quote": Case(
        "injection",
        set_cell("claims", 3, "quote", "\x1b]8;;https://evil.example\x07Japanese\x1b]8;;\x07"),
        1,
        f"{CLM}:3",
        "quote",
        "no-control-characters",
    ),
    "right-to-left override in a title": Case(
        "injection",
        set_cell("agreements", 5, "title", "Trainium \u202ecapacity"),
        1,
        "data/agreements.csv:5",
        "title",
        "no-control-characters",
    ),
}
