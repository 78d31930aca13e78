"""The README's "Using the data" runs as written: every code block, on the published files
(``_site/`` without the report's pages) and on the unpacked release archive, each in an
environment holding only what the words before it install.

The words before a block name its environment: `` `pip install X Y` `` (a Python or DuckDB block
runs with exactly the distributions that command installs: X, Y and what they require, linked
from the test environment, :mod:`pyenv`; ``openai-funding`` is the wheel built from this
checkout), or `` `apt-get install P` `` (a shell or R block runs with that Debian package's
programs). A block that cannot run here says so ("Not run by the tests:") and why.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import pyenv
from openai_funding.build.archive import write_archive, write_package_files
from openai_funding.package.descriptor import read_package
from support import ROOT
from wheel import base_requirements, build_wheel, unpack

EPOCH = 1772150400
NOT_RUN = "Not run by the tests:"


@dataclass(frozen=True)
class Block:
    line: int
    lang: str
    code: str
    before: str  # the words between the previous block and this one

    @property
    def pip(self) -> list[str]:
        found = re.findall(r"`(pip install [^`]+)`", self.before)
        return pyenv.pip_names(found[-1]) if found else []

    @property
    def apt(self) -> list[str]:
        found = re.findall(r"`apt-get install ([^`]+)`", self.before)
        return found[-1].split() if found else []


def using_the_data() -> list[Block]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("\n## Using the data\n")
    end = text.index("\n## ", start + 1)
    blocks, previous = [], start
    for match in re.finditer(r"^```(\w+)\n(.*?)^```$", text[:end], re.MULTILINE | re.DOTALL):
        if match.start() < start:
            continue
        line = text.count("\n", 0, match.start()) + 1
        blocks.append(Block(line, match[1], match[2], text[previous : match.start()]))
        previous = match.end()
    return blocks


BLOCKS = using_the_data()


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The published files of the package, and the release archive unpacked elsewhere."""
    site = tmp_path_factory.mktemp("site")
    package = read_package(ROOT / "datapackage.json")
    write_package_files(ROOT, package, site, EPOCH)
    archive = write_archive(package, site, EPOCH)
    unpacked = tmp_path_factory.mktemp("archive")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(unpacked)
    return {"site": site, "archive": unpacked}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``pip install openai-funding``'s own files: the wheel of this checkout, unpacked."""
    return unpack(build_wheel(tmp_path_factory.mktemp("dist")), tmp_path_factory.mktemp("wheel"))


def python_env(block: Block, installed: Path, folder: Path) -> list[Path]:
    """The import path of the block's environment: the distributions its `pip install` names."""
    wanted = block.pip
    assert wanted, f"README.md:{block.line}: say which `pip install ...` this block needs"
    paths = []
    if "openai-funding" in wanted:
        wanted = [w for w in wanted if w != "openai-funding"] + base_requirements(installed)
        paths.append(installed)
    return [*paths, pyenv.restricted(pyenv.closure(wanted), folder)]


def test_every_block_says_what_it_needs() -> None:
    assert len(BLOCKS) >= 9
    for block in BLOCKS:
        if NOT_RUN in block.before:
            assert block.before.split(NOT_RUN, 1)[1].strip(), block.line  # and why
        elif block.lang in ("python", "sql"):
            assert block.pip, f"README.md:{block.line}: no `pip install ...` before the block"
        else:
            assert block.apt, f"README.md:{block.line}: no `apt-get install ...` before it"


@pytest.mark.slow
@pytest.mark.parametrize("place", ["site", "archive"])
@pytest.mark.parametrize("block", BLOCKS, ids=[f"line{b.line}-{b.lang}" for b in BLOCKS])
def test_block_runs_as_written(
    block: Block, place: str, places: dict[str, Path], installed: Path, tmp_path: Path
) -> None:
    if NOT_RUN in block.before:
        return  # says why, checked above
    cwd = places[place]
    if block.lang == "python":
        done = pyenv.python(block.code, cwd, python_env(block, installed, tmp_path / "env"))
    elif block.lang == "sql":
        program = f"import duckdb\nrows = duckdb.sql({block.code!r}).fetchall()\nprint(rows)\n"
        program += "assert rows, 'no row'\n"
        done = pyenv.python(program, cwd, python_env(block, installed, tmp_path / "env"))
    elif block.lang == "sh":
        assert block.code.split()[0] in block.apt, "the block runs what it installs"
        done = subprocess.run(
            ["bash", "-e", "-c", block.code], cwd=cwd, capture_output=True, text=True, check=False
        )
    elif block.lang == "r":
        assert "r-cran-readr" in block.apt
        exe = shutil.which("Rscript")
        if exe is None:
            pytest.fail("R is missing: apt-get install r-cran-readr")
        done = subprocess.run(
            [exe, "-e", block.code], cwd=cwd, capture_output=True, text=True, check=False
        )
    else:
        pytest.fail(f"README.md:{block.line}: no way to run a {block.lang} block")
    assert done.returncode == 0, f"README.md:{block.line} in {place}:\n{done.stdout}\n{done.stderr}"


@pytest.mark.slow
def test_an_environment_holds_only_what_its_command_installs(
    places: dict[str, Path], tmp_path: Path
) -> None:
    """The harness itself: with Great Expectations and pandas but not pyarrow (what the README
    once said was enough to rerun the rules), reading a view fails as in a fresh environment."""
    paths = [pyenv.restricted(pyenv.closure(["great-expectations", "pandas"]), tmp_path)]
    program = (
        "import great_expectations, pandas\npandas.read_parquet('views/round_totals.parquet')\n"
    )
    done = pyenv.python(program, places["site"], paths)
    assert done.returncode != 0
    assert "Unable to find a usable engine" in done.stderr, done.stderr


@pytest.mark.slow
def test_the_faults_the_readme_works_around_are_still_there(
    places: dict[str, Path], tmp_path: Path
) -> None:
    """frictionless' to_pandas leaves a boolean column with blanks as object, its export to
    SQLite fails on an empty optional cell with a pattern, and pandas reads the workbook's
    booleans with blanks as floats: when one is fixed upstream, the README's note goes."""
    import pandas as pd
    import sqlalchemy.exc
    from frictionless import Package

    package = Package(str(places["archive"] / "datapackage.json"))
    frame = package.get_resource("agreements").to_pandas()
    assert frame["exclusive"].dtype == object
    with pytest.raises(sqlalchemy.exc.OperationalError, match="user-defined function raised"):
        package.publish(f"sqlite:///{tmp_path / 'out.sqlite'}")
    sheet = pd.read_excel(places["site"] / "openai-funding.xlsx", sheet_name="agreements")
    assert sheet["exclusive"].dtype == "float64"
