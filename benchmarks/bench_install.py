"""Size of a data user's install: ``pip install openai-funding`` against ``openai-funding[all]``.

Run by ``nox -s bench``; prints figures, asserts nothing. Builds the wheel from this checkout
with hatchling (the project's build backend), then for each of the two installs makes a fresh
environment (``uv venv``), installs the wheel into it with ``uv pip install`` (from the package
index, or uv's cache) and counts the distributions installed and the environment's size on disk.
The base install then runs ``openai_funding.load()`` from an empty folder, to show the data come
with it. The targets are at most 15 packages and 150 MB; ``[all]`` (the checks, the report's
toolchain and the preview) is what every install got before they became extras.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_PACKAGES, TARGET_MB = 15, 150


def size_mb(folder: Path) -> float:
    return (
        sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def measure(wheel: Path, extra: str, work: Path) -> tuple[int, float, Path]:
    """Distributions and megabytes of a fresh environment with the wheel (and ``extra``)."""
    venv = work / f"venv{extra or '-base'}"
    uv = shutil.which("uv")
    if uv is None:
        sys.exit("bench_install: needs uv on PATH (python3 -m pip install uv)")
    subprocess.run([uv, "venv", "-q", str(venv)], check=True)
    target = f"openai-funding{extra} @ {wheel.as_uri()}"
    subprocess.run([uv, "pip", "install", "-q", "-p", str(venv), target], check=True)
    listed = subprocess.run(
        [uv, "pip", "list", "-p", str(venv), "--format", "json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return len(json.loads(listed.stdout)), size_mb(venv), venv


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-install-") as tmp:
        work = Path(tmp)
        subprocess.run(
            [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(work)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        (wheel,) = work.glob("*.whl")
        print(
            f"install size (fresh uv venv, wheel {wheel.name}, {wheel.stat().st_size / 1e6:.1f} MB)"
        )
        for extra, label in (
            ("", "openai-funding (base: load, diff, due, hash)"),
            ("[all]", "openai-funding[all]"),
        ):
            count, mb, venv = measure(wheel, extra, work)
            print(f"  {label}: {count} packages, {mb:.0f} MB")
            if not extra:
                print(f"    target: <= {TARGET_PACKAGES} packages, <= {TARGET_MB} MB")
                empty = work / "empty"
                empty.mkdir()
                done = subprocess.run(
                    [
                        str(venv / "bin" / "python"),
                        "-c",
                        "import openai_funding; print(openai_funding.load().as_of)",
                    ],
                    cwd=empty,
                    check=True,
                    capture_output=True,
                    text=True,
                )
                print(
                    f"    openai_funding.load().as_of from an empty folder: {done.stdout.strip()}"
                )
            shutil.rmtree(venv)


if __name__ == "__main__":
    main()
