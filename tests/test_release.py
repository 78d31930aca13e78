"""The release checklist's first step cannot be half done: every place that states the version
states the same one (pyproject.toml, datapackage.json, CITATION.cff, the package's
``__version__``, the README's citation), and the README states the package's "as of" date."""

from __future__ import annotations

import json
import re
import tomllib

import pytest
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
    import openai_funding

    assert openai_funding.__version__ == version
    assert cited == [version]
    assert f"Data as of {descriptor['asOf']}" in readme
    assert f"data as of {descriptor['asOf']}" in readme  # in the citation too


def test_changelog_lists_every_change_since_the_previous_release(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from openai_funding.package.diff import diff_packages, to_markdown

    monkeypatch.chdir(ROOT)
    old, new = "releases/0.3.0/datapackage.json", "datapackage.json"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    begin = f"<!-- generated: openai-funding diff {old} {new} -->\n"
    end = "<!-- end of generated diff -->"
    assert begin in changelog
    block = changelog.split(begin, 1)[1].split(end, 1)[0]
    assert block == to_markdown(diff_packages(old, new), level=4)
