"""The build needs no network: validate and report pass in a network namespace with no
interface up (``unshare -n``), with the environment already installed. Making the namespace takes
root: the tests run as root (CI here) or, as a user, use ``sudo -n`` for the namespace alone and
run the build as that user again (GitHub's runners)."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from buildrepo import EPOCH, cli, make_repo, run

pytestmark = pytest.mark.slow


def offline(*argv: str) -> list[str]:
    """``argv`` run inside a new network namespace (no interface up, not even loopback)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.fail("util-linux's `unshare` is missing: apt-get install util-linux")
    if os.geteuid() == 0:
        return [unshare, "--net", "--", *argv]
    sudo = shutil.which("sudo")
    if (
        sudo is None
        or subprocess.run([sudo, "-n", "true"], capture_output=True, check=False).returncode != 0
    ):
        pytest.fail("this guarantee needs root, or sudo without a password, for `unshare -n`")
    # root makes the namespace; setpriv turns back into this user; sudo's PATH and HOME are undone
    user = [f"--reuid={os.getuid()}", f"--regid={os.getgid()}", "--init-groups"]
    home = f"HOME={Path.home()}"
    again = ["setpriv", *user, "--", "env", f"PATH={os.environ['PATH']}", home]
    return [sudo, "-n", "--preserve-env", unshare, "--net", "--", *again, *argv]


def test_the_namespace_really_has_no_network(tmp_path: Path) -> None:
    probe = "import socket, sys\ntry:\n socket.create_connection(('127.0.0.1', 9), timeout=2)\nexcept OSError as e:\n sys.exit(e.errno)\n"
    done = run(offline(sys.executable, "-c", probe), tmp_path)
    assert done.returncode == errno.ENETUNREACH, done.stderr


def test_validate_and_build_pass_without_network(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    validated = run(offline(*cli("validate", "--report", ".build/validation.json")), repo)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    built = run(offline(*cli("build")), repo, SOURCE_DATE_EPOCH=EPOCH)
    assert built.returncode == 0, built.stdout + built.stderr
    for edition in ("", "fr"):  # the English report and the French one
        assert (repo / "_site" / edition / "index.html").stat().st_size > 100_000
        assert (repo / "_site" / edition / "openai-funding.pdf").read_bytes().startswith(b"%PDF")
