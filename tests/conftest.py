"""Shared fixtures: the real package, copies of it to break in a temporary folder, and the site
built from it once per run for the tests that only read it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from filelock import FileLock

from buildrepo import EPOCH, make_repo
from openai_funding.package import hashing
from support import DESCRIPTOR, ROOT, Edit

#: The test modules that share a costly fixture of module or session scope (a render, a build of
#: a broken or hostile copy), by the name of what they share. With pytest-xdist
#: (``--dist loadgroup``), the tests of one group run in one worker, which makes the fixture once;
#: the other tests go to whichever worker is free. (The site built from the real package is
#: shared across workers instead: ``built_site``; the copies broken by tests/rules/test_breaks.py
#: are grouped by copy there.)
SHARED_FIXTURES = {
    "tests/render/test_features.py": "render-features",
    "tests/render/test_browser.py": "render-features",
    "tests/render/test_reproducible.py": "render-features",
    "tests/render/test_self_contained.py": "render-features",
    "tests/render/test_units.py": "render-features",
    "tests/render/test_cjk.py": "render-cjk",
    "tests/render/test_project_languages.py": "render-languages",
    "tests/hardening/test_hostile_cells.py": "hostile-report",
    "tests/hardening/test_mutations.py": "mutations",
    "tests/guarantees/test_interrupted_builds.py": "interrupted-builds",
    "tests/test_diff.py": "diff-pair",
    "tests/guarantees/test_same_bytes.py": "clean-builds",
}


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs Chromium is in the full suite only: ``slow`` too. A test of a module
    that shares a costly fixture joins its module's worker group (:data:`SHARED_FIXTURES`)."""
    for item in items:
        if item.get_closest_marker("browser") and not item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.slow)
        group = SHARED_FIXTURES.get(item.path.relative_to(ROOT).as_posix())
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of the package (descriptor and data/) in a temporary folder; returns its descriptor."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy2(DESCRIPTOR, tmp_path / "datapackage.json")
    return tmp_path / "datapackage.json"


@pytest.fixture
def edit_csv(package_copy: Path) -> Edit:
    """Replace bytes once in a CSV of the copy; by default refresh hashes so only the edit counts."""

    def edit(name: str, old: str | bytes, new: str | bytes, *, rehash: bool = True) -> Path:
        path = package_copy.parent / "data" / f"{name}.csv"
        raw = path.read_bytes()
        old_b = old.encode() if isinstance(old, str) else old
        new_b = new.encode() if isinstance(new, str) else new
        assert old_b in raw, f"{old!r} not in {name}.csv"
        path.write_bytes(raw.replace(old_b, new_b, 1))
        if rehash:
            hashing.refresh_file(package_copy)
        return package_copy

    return edit


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository of the build's inputs with its site built (``_site/``), once per run: with
    pytest-xdist every worker gets the same one, built by the first that asks while the others
    wait on a file lock in the run's shared temporary folder. Tests only read it; a test that
    changes a repository builds or copies its own (``built_copy``)."""
    return _built_once(tmp_path_factory, "built-site")


@pytest.fixture(scope="session")
def built_elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Another build of the same inputs as :func:`built_site`, in a folder of another name, once
    per run (as :func:`built_site` is): the reproducibility tests compare the two."""
    return _built_once(tmp_path_factory, "elsewhere")


def _built_once(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    from openai_funding.build import site

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    repo, done = shared / name, shared / f"{name}.done"
    with FileLock(str(shared / f"{name}.lock")):
        if not done.is_file():
            shutil.rmtree(repo, ignore_errors=True)  # what a failed attempt left
            with pytest.MonkeyPatch.context() as mp:
                mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
                site.build(make_repo(repo), log=lambda _message: None)
            done.touch()
    return repo


@pytest.fixture
def built_copy(built_site: Path, tmp_path: Path) -> Path:
    """A copy of :func:`built_site` (inputs, ``_site/`` and ``.build/``) that a test may change."""
    return Path(shutil.copytree(built_site, tmp_path / "repo", symlinks=True))
