"""`openai-funding validate` and `hash` on the real package and on broken copies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from openai_funding.cli import main
from support import DESCRIPTOR, Edit, tree_digest


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out + err


def test_real_package_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    before = tree_digest(DESCRIPTOR.parent / "data")
    code, out = run(capsys, "validate", str(DESCRIPTOR))
    assert code == 0, out
    assert "valid" in out
    assert tree_digest(DESCRIPTOR.parent / "data") == before


def test_json_report_lists_every_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "validate", "--json", "--schema-only", str(DESCRIPTOR))
    report = json.loads(out)
    assert code == 0
    assert report["valid"] is True
    files = {c["check"] for c in report["checks"] if c["suite"] == "schema"}
    assert "data/claims.csv" in files
    assert "datapackage.json" in files


# name: (csv, old, new, expected location "file:row", field, words in the message)
BREAKS = {
    "duplicate key": (
        "organizations",
        "nvidia,Nvidia",
        "amazon,Nvidia",
        "data/organizations.csv:5",
        None,
        "primary",
    ),
    "foreign key to nowhere": (
        "investments",
        "2026-02-round,nvidia,",
        "2026-02-round,nvidia-corp,",
        "data/investments.csv:3",
        "investor_org_id",
        "not found",
    ),
    "wrong type": (
        "investments",
        ",30000000000,",
        ",30bn,",
        "data/investments.csv:2",
        "amount_usd",
        "not a valid integer",
    ),
    "negative amount": (
        "investments",
        ",30000000000,",
        ",-30000000000,",
        "data/investments.csv:2",
        "amount_usd",
        "minimum",
    ),
    "date in another format": (
        "rounds",
        ",2025-10-02,2025-10-02,",
        ",02/10/2025,2025-10-02,",
        "data/rounds.csv:4",
        "announced_on",
        "YYYY-MM-DD",
    ),
    "unknown enum value": (
        "organizations",
        ",business-unit,amazon,",
        ",division,amazon,",
        "data/organizations.csv:6",
        "kind",
        "enum",
    ),
    "bad country code": (
        "organizations",
        ",JP,",
        ",Japan,",
        "data/organizations.csv:3",
        "country_code",
        "pattern",
    ),
    "unknown column": (
        "investments",
        "amount_usd,status_as_of\n",
        "amount_usd,status_as_of,note\n",
        "data/investments.csv:1",
        "note",
        "extra label",
    ),
    "missing required column": (
        "questions",
        ",notes\n",
        "\n",
        "data/questions.csv:1",
        "notes",
        "missing label",
    ),
    "bytes that are not UTF-8": (
        "claims",
        "é".encode(),
        "é".encode("latin-1"),
        "data/claims.csv:",
        "quote",
        "not UTF-8",
    ),
    "boolean spelled otherwise": (
        "commitments",
        ",unspecified,true,",
        ",unspecified,yes,",
        "data/commitments.csv:3",
        "conditional",
        "boolean",
    ),
}


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_broken_copy_is_refused_with_file_row_and_field(
    case: str, edit_csv: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    name, old, new, where, field, words = BREAKS[case]
    descriptor = edit_csv(name, old, new)
    before = tree_digest(descriptor.parent)
    code, out = run(capsys, "validate", str(descriptor))
    assert code == 1, out
    lines = [line for line in out.splitlines() if line.startswith(where)]
    assert lines, out
    assert any((field is None or f"field {field!r}" in line) and words in line for line in lines), (
        out
    )
    assert "Traceback" not in out
    assert tree_digest(descriptor.parent) == before


def test_stale_hash_names_the_hash_command(
    edit_csv: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    descriptor = edit_csv("rounds", "6600000000", "6700000000", rehash=False)
    code, out = run(capsys, "validate", str(descriptor))
    assert code == 1
    assert "data/rounds.csv" in out
    assert "openai-funding hash" in out
    assert run(capsys, "hash", str(descriptor))[0] == 0
    assert run(capsys, "validate", "--schema-only", str(descriptor))[0] == 0


def test_empty_file_is_refused(package_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (package_copy.parent / "data" / "questions.csv").write_bytes(b"")
    main(["hash", str(package_copy)])
    code, out = run(capsys, "validate", str(package_copy))
    assert code == 1
    assert "data/questions.csv:1" in out
    assert "empty" in out


def test_descriptor_that_is_not_json_is_unusable(
    package_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package_copy.write_text('{"name": "openai-funding", ', encoding="utf-8")
    code, out = run(capsys, "validate", str(package_copy))
    assert code == 2
    assert "not valid JSON" in out
    assert "Traceback" not in out


def test_missing_descriptor_is_unusable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "validate", str(tmp_path / "nope.json"))
    assert code == 2
    assert "no such file" in out


def test_hash_is_a_no_op_on_an_up_to_date_package(
    package_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = package_copy.read_bytes()
    code, out = run(capsys, "hash", str(package_copy))
    assert code == 0
    assert "already up to date" in out
    assert package_copy.read_bytes() == before


def test_hash_refreshes_only_hash_and_bytes(edit_csv: Edit) -> None:
    descriptor = edit_csv("rounds", "6600000000", "6700000000", rehash=False)
    old = json.loads(descriptor.read_text(encoding="utf-8"))
    assert main(["hash", str(descriptor)]) == 0
    new = json.loads(descriptor.read_text(encoding="utf-8"))
    changed = [
        (a["name"], k)
        for a, b in zip(old["resources"], new["resources"], strict=True)
        for k in a
        if a[k] != b[k]
    ]
    assert changed == [("rounds", "hash")]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (None, "no 'asOf' property"),
        ("27 November 2026", "not a date"),
        ("2026-13-01", "not a date"),
    ],
)
def test_package_without_a_usable_as_of_date_is_refused(
    package_copy: Path, capsys: pytest.CaptureFixture[str], value: str | None, words: str
) -> None:
    descriptor = json.loads(package_copy.read_text(encoding="utf-8"))
    if value is None:
        del descriptor["asOf"]
    else:
        descriptor["asOf"] = value
    package_copy.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    code, out = run(capsys, "validate", "--schema-only", str(package_copy))
    assert code == 1, out
    (line,) = [line for line in out.splitlines() if "field 'asOf'" in line]
    assert line.startswith("datapackage.json:")
    assert words in line
    assert "Traceback" not in out
