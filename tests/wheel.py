"""The project's wheel, built from this checkout with its build backend (hatchling, offline), and
unpacked: what ``pip install openai-funding`` puts into ``site-packages``."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

from support import ROOT


def build_wheel(out: Path) -> Path:
    """Build the wheel into ``out``; returns its path."""
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("*.whl")
    return wheel


def unpack(wheel: Path, folder: Path) -> Path:
    """The wheel's files in ``folder`` (a ``site-packages`` of its own)."""
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(folder)
    return folder


def base_requirements(unpacked: Path) -> list[str]:
    """The wheel's ``Requires-Dist`` without an extra: what ``pip install openai-funding`` adds."""
    (metadata,) = unpacked.glob("*.dist-info/METADATA")
    message = Parser().parsestr(metadata.read_text(encoding="utf-8"))
    return [r for r in message.get_all("Requires-Dist") or () if "extra ==" not in r]
