"""A throwaway repository to build in, and a way to run the CLI in a child process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from support import ROOT

EPOCH = "1772150400"
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


def make_repo(folder: Path) -> Path:
    """Copy the inputs of a build into ``folder`` (no git history: the date is the data's)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in INPUTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, folder / name, ignore=shutil.ignore_patterns(".quarto"))
        else:
            shutil.copy2(src, folder / name)
    return folder


def cli(*args: str) -> list[str]:
    """The command line of ``openai-funding ARGS`` run by this interpreter."""
    return [sys.executable, "-m", "openai_funding.cli", *args]


def child_env(**extra: str) -> dict[str, str]:
    """This environment without a SOURCE_DATE_EPOCH of its own, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return {**env, "PYTHONUNBUFFERED": "1", **extra}


def run(args: list[str], cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        cwd=cwd,
        env=child_env(**extra),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
