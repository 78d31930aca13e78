"""The descriptor is a Data Package v2, checked offline against the v2 JSON Schemas (the copies
shipped by dplib-py, the v2 reference library), read by a v2 reader, and still valid for
frictionless-py 5.x; the polymorphic links it describes can be followed."""

from __future__ import annotations

import csv
import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from jsonschema.validators import Draft7Validator

ROOT = Path(__file__).resolve().parents[1]
DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in DESCRIPTOR["resources"]}
V2 = "https://datapackage.org/profiles/2.0/"


def profile(name: str) -> dict[str, Any]:
    """A v2 profile as dplib-py ships it (no download)."""
    return json.loads((files("dplib") / "profiles" / "2.0" / name).read_text(encoding="utf-8"))


def errors(schema: dict[str, Any], instance: Any) -> list[str]:
    Draft7Validator.check_schema(schema)
    found = Draft7Validator(schema).iter_errors(instance)
    return [f"{e.json_path}: {e.message}" for e in found]


def rows(name: str) -> list[dict[str, str]]:
    with (ROOT / RESOURCES[name]["path"]).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_descriptor_declares_v2() -> None:
    assert DESCRIPTOR["$schema"] == V2 + "datapackage.json"
    assert "profile" not in DESCRIPTOR
    assert DESCRIPTOR["asOf"] == "2026-12-05"
    assert DESCRIPTOR["id"]
    assert all("roles" in c and "role" not in c for c in DESCRIPTOR["contributors"])


def test_descriptor_is_valid_against_the_v2_package_profile() -> None:
    assert errors(profile("datapackage.json"), DESCRIPTOR) == []


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_resource_and_schema_are_valid_v2(name: str) -> None:
    res = RESOURCES[name]
    assert res["type"] == "table"
    assert "profile" not in res
    assert errors(profile("dataresource.json"), res) == []
    schema = res["schema"]
    assert schema["$schema"] == V2 + "tableschema.json"
    assert errors(profile("tableschema.json"), schema) == []
    assert isinstance(schema["primaryKey"], list)
    for fk in schema.get("foreignKeys", []):
        assert isinstance(fk["fields"], list)
        assert isinstance(fk["reference"]["fields"], list)
        # a self-reference names no resource (v2); never the v1 empty string
        assert fk["reference"].get("resource") != ""


# dplib's models name a field "schema", which pydantic warns about when it imports them
@pytest.mark.filterwarnings('ignore:Field name "schema":UserWarning')
def test_a_v2_reader_reads_it_as_v2() -> None:
    # (dplib's check_package would download the profile: its builtin lookup misses the v2 URL;
    # the profile checks above use its copies instead)
    from dplib.models import Package

    package = Package.from_path(str(ROOT / "datapackage.json"))
    rounds = package.get_resource(name="rounds")
    assert rounds is not None
    assert rounds.type == "table"
    assert rounds.schema is not None
    assert not isinstance(rounds.schema, str)
    assert rounds.schema.primaryKey == ["round_id"]


def test_frictionless_checks_a_self_reference_without_resource(tmp_path: Path) -> None:
    """v2 self-references still reach frictionless-py 5.x: a broken one is refused."""
    from frictionless import Package

    descriptor = json.loads(json.dumps(DESCRIPTOR))
    (tmp_path / "data").mkdir()
    for res in descriptor["resources"]:
        res.pop("hash"), res.pop("bytes")
        with (ROOT / res["path"]).open(encoding="utf-8", newline="") as fh:
            table = list(csv.reader(fh))
        if res["name"] == "agreements":
            table[1][table[0].index("amends_agreement_id")] = "nowhere"
        with (tmp_path / res["path"]).open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(table)
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert [e[0] for e in report.flatten(["type"])] == ["foreign-key"]


POLYMORPHIC = [
    (name, link)
    for name, res in RESOURCES.items()
    for link in res["schema"].get("polymorphicForeignKeys", [])
]


def test_the_polymorphic_links_are_described() -> None:
    assert sorted(name for name, _ in POLYMORPHIC) == [
        "claims",
        "questions",
        "reports",
        "translations",
    ]


@pytest.mark.parametrize(("name", "link"), POLYMORPHIC, ids=[n for n, _ in POLYMORPHIC])
def test_a_reader_can_follow_the_polymorphic_links(name: str, link: dict[str, Any]) -> None:
    """Follow each described link with nothing but the descriptor: the table named by the row,
    its primary key, and (for claims) the column."""
    schema = RESOURCES[name]["schema"]
    fields = {f["name"]: f for f in schema["fields"]}
    ref = link["reference"]
    assert ref["fields"] == "primaryKey"
    assert link["description"]
    table_field = ref["resourceField"]
    targets = fields[table_field]["constraints"]["enum"]
    keys = {}
    for target in targets:
        pk = RESOURCES[target]["schema"]["primaryKey"]
        keys[target] = {tuple(r[k] for k in pk) for r in rows(target)}
    for row in rows(name):
        target = row[table_field]
        assert tuple(row[f] for f in link["fields"]) in keys[target], row
        if "fieldField" in ref:
            columns = {f["name"] for f in RESOURCES[target]["schema"]["fields"]}
            assert row[ref["fieldField"]] in columns, row
