"""A data user's install: ``pip install openai-funding`` gets the data and only what ``load()``,
``diff``, ``due`` and ``hash`` need; the other commands say which extra they need.

The wheel is built from this checkout with the project's backend (hatchling) and run in an
environment of exactly the distributions its base requirements install (:mod:`pyenv`, from the
test environment, no network). ``nox -s bench`` measures the same install from the index.
"""

from __future__ import annotations

import importlib.metadata as md
import json
from pathlib import Path

import pytest

import pyenv
from openai_funding.package.descriptor import read_package
from support import ROOT
from wheel import base_requirements, build_wheel, unpack

#: The targets of a data user's install.
MAX_PACKAGES, MAX_MB = 15, 150


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unpack(build_wheel(tmp_path_factory.mktemp("dist")), tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="module")
def base_env(installed: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The import path of a fresh ``pip install openai-funding``."""
    deps = pyenv.closure(base_requirements(installed))
    return [installed, pyenv.restricted(deps, tmp_path_factory.mktemp("site-packages"))]


def test_base_install_is_small(installed: Path) -> None:
    deps = pyenv.closure(base_requirements(installed))
    assert "pandas" in deps
    assert not deps & {"pyarrow", "frictionless", "great-expectations", "altair", "typst"}
    assert len(deps) + 1 <= MAX_PACKAGES, sorted(deps)
    size = sum(f.size or 0 for name in deps for f in md.distribution(name).files or () if f.size)
    size += sum(p.stat().st_size for p in installed.rglob("*") if p.is_file())
    assert size / 1e6 <= MAX_MB, f"{size / 1e6:.0f} MB"


def test_wheel_carries_the_package_as_the_descriptor_lists_it(installed: Path) -> None:
    dataset = installed / "openai_funding" / "dataset"
    package = read_package(ROOT / "datapackage.json")
    found = sorted(p.relative_to(dataset).as_posix() for p in dataset.rglob("*") if p.is_file())
    assert found == sorted(["datapackage.json", *(str(r.path) for r in package.resources)])
    for rel in found:
        assert (dataset / rel).read_bytes() == (ROOT / rel).read_bytes(), rel


def test_load_works_from_any_folder(base_env: list[Path], tmp_path: Path) -> None:
    program = (
        "import openai_funding\n"
        "tables = openai_funding.load()\n"
        "print(tables.as_of, len(tables['rounds']), str(tables['rounds'].announced_on.dtype))\n"
    )
    done = pyenv.python(program, tmp_path, base_env)
    assert done.returncode == 0, done.stderr
    as_of = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["asOf"]
    assert done.stdout.split()[0] == as_of
    assert done.stdout.split()[2] == "datetime64[us]"


def test_diff_due_and_hash_run_in_the_base_install(
    base_env: list[Path], tmp_path: Path, package_copy: Path
) -> None:
    cli = "import sys\nfrom openai_funding.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    old, new = ROOT / "releases" / "0.2.0", ROOT / "datapackage.json"
    commands = [(["diff", str(old), str(new)], 1), (["due", str(new)], 0)]
    for args, code in [*commands, (["hash", str(package_copy)], 0)]:
        program = f"import sys\nsys.argv = ['openai-funding', *{args!r}]\n{cli}"
        done = pyenv.python(program, tmp_path, base_env)
        assert done.returncode == code, done.stderr
        assert done.stdout.strip(), args


@pytest.mark.parametrize(
    ("command", "extra"),
    [("validate", "check"), ("build", "report"), ("render", "report"), ("preview", "preview")],
)
def test_a_command_that_needs_an_extra_says_which(
    base_env: list[Path], tmp_path: Path, command: str, extra: str
) -> None:
    args = [command, "report"] if command == "render" else [command]
    program = f"import sys\nfrom openai_funding.cli import main\nsys.exit(main({args!r}))\n"
    done = pyenv.python(program, tmp_path, base_env)
    assert done.returncode == 2
    assert f"pip install 'openai-funding[{extra}]'" in done.stderr
    assert "Traceback" not in done.stderr
