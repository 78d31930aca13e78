"""What the site benchmarks copy: the inputs of a build, into a scratch folder (no git history,
so the build date is the data's). Imported by ``bench_site.py`` and ``bench_preview.py``."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INPUTS = (
    "data",
    "report",
    "validation",
    "requirements",
    "datapackage.json",
    "pyproject.toml",
    "LICENSE",
    "CITATION.cff",
)


def copy_inputs(repo: Path) -> Path:
    """Copy the build's inputs from the checkout into ``repo``; return ``repo``."""
    for name in INPUTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name)
        else:
            shutil.copy2(src, repo / name)
    return repo
