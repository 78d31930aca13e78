"""A Python environment with only some distributions, made from the test environment without the
network: what a user gets from ``pip install X Y`` in a fresh virtual environment.

:func:`closure` finds the distributions ``pip install X Y`` would install (X, Y and what they
require, their markers evaluated here); :func:`restricted` links exactly their files into a
folder, and :func:`python` runs a program with that folder (and the standard library) as its only
``site-packages`` (``python -S``): any other import fails as it would in the fresh environment.
"""

from __future__ import annotations

import importlib.metadata as md
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


def closure(requirements: Iterable[str]) -> set[str]:
    """The canonical names of the distributions ``pip install REQUIREMENTS`` installs here."""
    found: set[str] = set()
    todo = [(Requirement(r), "") for r in requirements]
    while todo:
        req, extra = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(req.name)
        todo += [(Requirement(r), e) for e in req.extras for r in _requires(name)]
        if name in found:
            continue
        found.add(name)
        todo += [(Requirement(r), "") for r in _requires(name)]
    return found


def _requires(name: str) -> list[str]:
    try:
        return md.distribution(name).requires or []
    except md.PackageNotFoundError:
        raise AssertionError(f"{name} is not installed in the test environment") from None


def restricted(names: Iterable[str], folder: Path) -> Path:
    """``folder`` holding links to every file of the distributions ``names`` (their top-level
    packages, modules and ``.dist-info``), and nothing else."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in sorted(names):
        dist = md.distribution(name)
        tops = {Path(str(f)).parts[0] for f in dist.files or ()}
        for top in sorted(tops):
            if top == ".." or top.endswith(".pth") or top == "__pycache__":
                continue  # scripts (../../bin) and path hooks (editable installs) stay out
            source = Path(str(dist.locate_file(top)))
            if source.exists() and not (folder / top).exists():
                (folder / top).symlink_to(source)
    return folder


def python(
    program: str, cwd: Path, paths: Iterable[Path], timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """Run ``program`` (Python source) in ``cwd`` with only the standard library and ``paths``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in paths)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run(
        [sys.executable, "-S", "-c", program],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def pip_names(command: str) -> list[str]:
    """The requirements of a ``pip install ...`` command line (quotes removed, options left out)."""
    words = re.sub(r"[\"']", "", command).split()
    assert words[:2] == ["pip", "install"], command
    return [w for w in words[2:] if not w.startswith("-")]
