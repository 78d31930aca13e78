"""What CI here proves is what runs on the host: the GitHub workflow runs the README's commands
on every supported Python, with actions pinned to commits and least privilege; the locks are
pinned and hashed and name no index. (`nox -s lint` also runs actionlint and zizmor on it.)"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from support import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LOCKS = sorted((ROOT / "requirements").glob("*.txt"))


def load(workflow: Path) -> dict[str, Any]:
    return yaml.safe_load(workflow.read_text(encoding="utf-8"))


def jobs() -> list[tuple[str, dict[str, Any]]]:
    return [(name, job) for w in WORKFLOWS for name, job in load(w)["jobs"].items()]


def readme_commands() -> set[str]:
    """The commands of the README's quick start (its first `sh` block), without comments."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"```sh\n(.*?)```", readme, re.DOTALL)
    assert found, "the README has no quick start"
    return {line.split("#")[0].strip() for line in found.group(1).splitlines() if line.strip()}


def test_the_workflows_run_the_readme_commands_and_nothing_else() -> None:
    assert WORKFLOWS
    runs = {step["run"].strip() for _, job in jobs() for step in job["steps"] if "run" in step}
    assert runs <= readme_commands() | {"nox -s lint"}
    assert readme_commands() <= runs


def test_the_host_tests_every_supported_python() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    prefix = "Programming Language :: Python :: 3."
    supported = [c.rsplit(" ", 1)[-1] for c in project["classifiers"] if c.startswith(prefix)]
    assert supported == ["3.11", "3.12", "3.13"]
    matrices = [job["strategy"]["matrix"]["python"] for _, job in jobs() if "strategy" in job]
    assert matrices == [supported]


def test_actions_are_pinned_to_a_commit_with_its_version() -> None:
    lines = [line for w in WORKFLOWS for line in w.read_text(encoding="utf-8").splitlines()]
    uses = [line.strip().removeprefix("- ") for line in lines if "uses:" in line]
    assert uses
    for line in uses:
        assert re.fullmatch(
            r"uses: [\w.-]+/[\w.-]+(?:/[\w.-]+)*@[0-9a-f]{40} # v\d+\.\d+\.\d+", line
        ), line


def test_least_privilege() -> None:
    for workflow in WORKFLOWS:
        assert load(workflow)["permissions"] == {}
    for name, job in jobs():
        writes = {k for k, v in job["permissions"].items() if v == "write"}
        assert writes == ({"pages", "id-token"} if name == "deploy" else set()), name
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name


@pytest.mark.parametrize("lock", LOCKS, ids=lambda p: p.name)
def test_locks_are_pinned_hashed_and_name_no_index(lock: Path) -> None:
    text = lock.read_text(encoding="utf-8")
    assert "://" not in text
    assert not re.search(
        r"^\s*(-i|--index-url|--extra-index-url|--find-links|-f)\b", text, re.MULTILINE
    )
    entries = re.split(r"\n(?=\S)", text.strip())
    assert len(entries) > 2
    for entry in entries:
        requirement = entry.split(" \\")[0]
        assert re.fullmatch(r"[a-z0-9._-]+==[^ ;]+( ; .+)?", requirement), requirement
        assert "--hash=sha256:" in entry, requirement


def test_a_package_has_one_pin_across_locks() -> None:
    pins: dict[tuple[str, str], set[str]] = {}
    for lock in LOCKS:
        for line in lock.read_text(encoding="utf-8").splitlines():
            if line[:1].isalnum():
                name, rest = line.split(" \\")[0].split("==", 1)
                version, _, marker = rest.partition(" ; ")
                pins.setdefault((name, marker), set()).add(version)
    assert {key: found for key, found in pins.items() if len(found) > 1} == {}
