"""The release archive is the package: ``datapackage.json`` at its root with every file the
README's one-step table uses, read by the tools themselves (frictionless' command line and its
``Package``), and the same bytes for the same inputs."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from openai_funding.build.archive import write_archive, write_package_files
from openai_funding.package.descriptor import read_package
from support import ROOT

EPOCH = 1772150400
PACKAGE = read_package(ROOT / "datapackage.json")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    write_package_files(ROOT, PACKAGE, site, EPOCH)
    return write_archive(PACKAGE, site, EPOCH)


def test_archive_holds_what_the_readme_uses(archive: Path) -> None:
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
        views = json.loads(zf.read("views/datapackage.json"))
        readme = zf.read("README.md").decode("utf-8")
    expected = {"datapackage.json", "README.md", "LICENSE", "CITATION.cff"}
    expected |= {"openai-funding.sqlite", "openai-funding.xlsx", "views/datapackage.json"}
    expected |= {str(r.path) for r in PACKAGE.resources}
    expected |= {f"parquet/{name}.parquet" for name in PACKAGE.tabular}
    expected |= {f"suites/{p.name}" for p in (ROOT / "validation").glob("*.json")}
    expected |= {f"recipes/{name}" for name in ("load_pandas.py", "load_polars.py")}
    expected |= {"recipes/load_duckdb.sql", "recipes/load_readr.R"}
    expected |= {f"views/{r['path']}" for r in views["resources"]}
    assert names == expected
    assert not [n for n in names if n.endswith((".html", ".pdf"))]
    raw = PACKAGE.raw
    assert f"Version {raw['version']}, data as of {raw['asOf']}" in readme
    assert all(f"`{r.path}`" in readme for r in PACKAGE.resources)


def test_frictionless_validates_every_table_of_the_archive(archive: Path) -> None:
    exe = Path(sys.executable).with_name("frictionless")
    done = subprocess.run(
        [str(exe), "validate", "--json", archive.name],
        cwd=archive.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(done.stdout)
    assert done.returncode == 0, done.stdout[-2000:]
    assert report["valid"]
    checked = sorted(task["name"] for task in report["tasks"])
    assert checked == sorted(PACKAGE.tabular)
    assert all(task["stats"]["rows"] > 0 for task in report["tasks"])


def test_frictionless_package_loads_the_archive(archive: Path) -> None:
    from frictionless import Package

    package = Package(str(archive))
    assert package.name == PACKAGE.raw["name"]
    assert sorted(r.name for r in package.resources) == sorted(PACKAGE.tabular)
    rows = package.get_resource("rounds").read_rows()
    assert len(rows) == len((ROOT / "data" / "rounds.csv").read_text().splitlines()) - 1


def test_same_inputs_same_archive(archive: Path, tmp_path: Path) -> None:
    write_package_files(ROOT, PACKAGE, tmp_path, EPOCH)
    again = write_archive(PACKAGE, tmp_path, EPOCH)
    assert again.read_bytes() == archive.read_bytes()
    assert (tmp_path / f"{again.name}.sha256").read_text() == (
        archive.parent / f"{archive.name}.sha256"
    ).read_text()
