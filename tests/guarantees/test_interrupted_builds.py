"""Interrupted and concurrent builds are safe: a build killed at any stage leaves the previous
``_site/`` intact and no stray temporary folders; two builds started together do not corrupt it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from buildrepo import EPOCH, child_env, cli, make_repo, run
from support import tree_digest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = make_repo(tmp_path_factory.mktemp("interrupted"))
    done = run(cli("build"), folder, SOURCE_DATE_EPOCH=EPOCH)
    assert done.returncode == 0, done.stdout + done.stderr
    return folder


def leftovers(repo: Path) -> list[Path]:
    return [
        *repo.joinpath(".build").glob("stage-*"),
        *repo.joinpath("_site").parent.glob("_site?*"),
    ]


def start_build(repo: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        cli("build", "--force"),
        cwd=repo,
        env=child_env(SOURCE_DATE_EPOCH=EPOCH),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def kill_when(proc: subprocess.Popen[str], line_start: str, sig: int) -> list[str]:
    """Read the build's log until a line starts with ``line_start``, then send ``sig``."""
    assert proc.stdout is not None
    seen = []
    for line in proc.stdout:
        seen.append(line)
        if line.startswith(line_start):
            if sig == signal.SIGKILL:
                os.killpg(proc.pid, sig)  # the whole group: the kernel dies too
            else:
                proc.send_signal(sig)
            break
    proc.communicate(timeout=120)
    return seen


# The build's stages, by the line it prints when it enters them.
STAGES = {
    "validation": "validating the data package",
    "execution done, pandoc and typst running": "executed ",
}


@pytest.mark.parametrize(
    "sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=["TERM", "INT", "KILL"]
)
@pytest.mark.parametrize("stage", sorted(STAGES))
def test_killed_build_leaves_the_site_intact(repo: Path, stage: str, sig: int) -> None:
    before = tree_digest(repo / "_site")
    if stage == "validation":  # the build validates again (else it reuses the stored report)
        (repo / ".build" / "validation.json").unlink(missing_ok=True)
    proc = start_build(repo)
    seen = kill_when(proc, STAGES[stage], sig)
    assert any(line.startswith(STAGES[stage]) for line in seen), seen
    assert proc.returncode != 0
    assert tree_digest(repo / "_site") == before
    if sig != signal.SIGKILL:
        assert leftovers(repo) == []  # it cleaned up after itself
    # the next build clears whatever a SIGKILL left, and finds nothing to do
    done = run(cli("build"), repo, SOURCE_DATE_EPOCH=EPOCH)
    assert done.returncode == 0, done.stdout + done.stderr
    assert leftovers(repo) == []
    assert tree_digest(repo / "_site") == before


def test_killed_after_a_random_delay(repo: Path) -> None:
    before = tree_digest(repo / "_site")
    for delay in (0.3, 1.7, 3.1):
        proc = start_build(repo)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
        assert tree_digest(repo / "_site") == before
    assert run(cli("build"), repo, SOURCE_DATE_EPOCH=EPOCH).returncode == 0
    assert leftovers(repo) == []


def test_two_builds_started_together_do_not_corrupt_the_site(repo: Path) -> None:
    expected = tree_digest(repo / "_site")
    first, second = start_build(repo), start_build(repo)
    out1, _ = first.communicate(timeout=300)
    out2, _ = second.communicate(timeout=300)
    assert (first.returncode, second.returncode) == (0, 0), out1 + out2
    assert "waiting" in out1 + out2  # one saw the other's lock and waited
    assert tree_digest(repo / "_site") == expected
    assert json.loads((repo / "_site" / "validation.json").read_text(encoding="utf-8"))["valid"]
    assert leftovers(repo) == []
