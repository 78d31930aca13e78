"""The suite's speed rests on pytest-xdist's ``--dist loadgroup``: the tests of one group
(:data:`conftest.SHARED_FIXTURES`, the broken copies of tests/rules/test_breaks.py) run in one
worker, which makes their costly fixture once. pytest 9.2 with pytest-xdist 3.8 ignores the groups
without a word (pytest-dev/pytest-xdist#1386); this test fails if the pinned versions do."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

GROUPED = """
import pytest

@pytest.mark.xdist_group("first")
@pytest.mark.parametrize("i", range(6))
def test_first(i):
    pass

@pytest.mark.parametrize("i", [pytest.param(i, marks=pytest.mark.xdist_group("second")) for i in range(6)])
def test_second(i):
    pass

@pytest.mark.parametrize("i", range(6))
def test_free(i):
    pass
"""


def test_the_tests_of_a_group_run_in_one_worker(tmp_path: Path) -> None:
    (tmp_path / "test_grouped.py").write_text(GROUPED, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")  # not the project's
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-n",
            "2",
            "--dist",
            "loadgroup",
            "-v",
            "-p",
            "no:cacheprovider",
            "test_grouped.py",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    workers: dict[str, set[str]] = defaultdict(set)
    for worker, test in re.findall(
        r"^\[(gw\d)\] .*PASSED test_grouped\.py::(test_\w+)", run.stdout, re.MULTILINE
    ):
        workers[test].add(worker)
    assert set(workers) == {"test_first", "test_second", "test_free"}, run.stdout
    assert len(workers["test_first"]) == 1, run.stdout
    assert len(workers["test_second"]) == 1, run.stdout
