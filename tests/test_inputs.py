"""Content hashes decide what to skip: same inputs, same hash, wherever and however named."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from buildrepo import make_repo
from openai_funding.build.input_hash import site_hash, validation_hash, validation_inputs
from openai_funding.checks.rules.suites import CHECKOUT_SUITES
from openai_funding.package.descriptor import read_package
from support import Edit


def inputs_of(path: Path, *, rules: bool) -> str:
    return validation_hash(read_package(path), rules=rules)


def test_hash_ignores_how_the_path_is_spelt(
    package_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(package_copy.parent)
    assert inputs_of(Path("datapackage.json"), rules=True) == inputs_of(
        package_copy.resolve(), rules=True
    )


def test_hash_ignores_the_folder_and_the_clock(package_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    shutil.copytree(package_copy.parent, other, ignore=shutil.ignore_patterns("elsewhere"))
    os.utime(other / "data" / "rounds.csv", (0, 0))
    assert inputs_of(other / "datapackage.json", rules=True) == inputs_of(package_copy, rules=True)


def test_hash_changes_with_one_byte_of_data(package_copy: Path, edit_csv: Edit) -> None:
    before = inputs_of(package_copy, rules=True)
    edit_csv("rounds", "6600000000", "6600000001", rehash=False)
    assert inputs_of(package_copy, rules=True) != before


def test_hash_depends_on_whether_rules_ran(package_copy: Path) -> None:
    assert inputs_of(package_copy, rules=True) != inputs_of(package_copy, rules=False)


def test_hash_covers_the_suites_actually_run(package_copy: Path) -> None:
    """Without suites beside it, a package is checked with the checkout's: those are hashed,
    so a stored report is not reused after they change; with its own, those are."""
    package = read_package(package_copy)
    checkout = sorted(CHECKOUT_SUITES.glob("*.json"))
    assert set(checkout) <= set(validation_inputs(package))
    local = package_copy.parent / "validation"
    shutil.copytree(CHECKOUT_SUITES, local)
    before = validation_hash(package, rules=True)
    suite = min(local.glob("*.json"))
    suite.write_text(suite.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert validation_hash(package, rules=True) != before
    assert not set(checkout) & set(validation_inputs(package))


@pytest.mark.parametrize("edited", ["index.qmd", "fr/index.qmd", "_quarto.yml"])
def test_site_hash_covers_every_edition_of_the_report(tmp_path: Path, edited: str) -> None:
    """A change to either edition of the report (English, or French in ``report/fr/``) or to
    the project's settings makes the next build render again."""
    repo = make_repo(tmp_path / "repo")
    package = read_package(repo / "datapackage.json")

    def current() -> str:
        return site_hash(package, repo, engine="offline", epoch="0")

    before = current()
    with (repo / "report" / edited).open("a", encoding="utf-8") as fh:
        fh.write("\n")
    assert current() != before
