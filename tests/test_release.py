"""The release checklist's first step cannot be half done: every place that states the version
states the same one (pyproject.toml, datapackage.json, CITATION.cff, the README's citation), and
the README states the package's "as of" date."""

from __future__ import annotations

import json
import re
import tomllib

import yaml

from support import ROOT


def test_one_version_everywhere() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    version = pyproject["project"]["version"]
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    cited = re.findall(r"version (\d+\.\d+\.\d+)(?: \([^)]*\))?\. Data package", readme)
    assert descriptor["version"] == citation["version"] == version
    assert cited == [version]
    assert f"Data as of {descriptor['asOf']}" in readme
    assert f"data as of {descriptor['asOf']}" in readme  # in the citation too
