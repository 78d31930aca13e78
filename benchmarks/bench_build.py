"""``build --force`` now and on the previous release, in one run, and the ratio between them.

Run by ``nox -s bench``; prints figures, asserts nothing. The previous release is the commit that
set ``pyproject.toml``'s version to the one it has now (the release commit: the repository has no
tags), found with ``git log -S``. It is checked out with ``git worktree add --detach`` into a
temporary folder, given its own environment from its own lock (``uv venv`` then
``uv pip install -r requirements/lock.txt`` and the project, from uv's cache), and a second one
with the libraries' bytecode compiled (as this checkout's noxfile does where
``PYTHONDONTWRITEBYTECODE`` is set: then that gain is told from the code's). It builds its own
checkout (its data and report); the current code builds a copy of this checkout's inputs. Each
first builds once (to write ``.build/validation.json``, so the timed builds reuse it, and to warm
the caches), then the three commands run in turn, ``--repeat`` times each, and the medians are
compared. The worktree is removed at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from benchrepo import ROOT, copy_inputs


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


def release_commit() -> tuple[str, str]:
    """The version in ``pyproject.toml`` and the oldest commit whose ``pyproject.toml`` has it."""
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    found = git(
        "log", "--reverse", "--format=%H", "-S", f'version = "{version}"', "--", "pyproject.toml"
    )
    if not found:
        raise SystemExit(f"no commit sets version {version} in pyproject.toml")
    return version, found.splitlines()[0]


def release_env(checkout: Path, venv: Path, *, compiled: bool) -> Path:
    """An environment for the release in ``checkout``, from its own lock, its libraries'
    bytecode ``compiled`` or not; its command's path."""
    uv = shutil.which("uv")
    if uv is None:
        raise SystemExit("the benchmark of the previous release needs uv on PATH")
    python = ["--python", str(venv / "bin" / "python")]
    lock = checkout / "requirements" / "lock.txt"
    for argv in (
        [uv, "venv", "--python", sys.executable, str(venv)],
        [uv, "pip", "install", *python, "-r", str(lock)],
        [uv, "pip", "install", *python, "--no-deps", str(checkout)],
        *(
            [[str(venv / "bin" / "python"), "-m", "compileall", "-q", "-j", "0", str(venv / "lib")]]
            if compiled
            else []
        ),
    ):
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return venv / "bin" / "openai-funding"


def timed(argv: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(prog="nox -s bench -- (bench_build)")
    parser.add_argument("--repeat", type=int, default=3)
    args, _ = parser.parse_known_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1772150400")
    dont_write = bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))
    version, commit = release_commit()
    now = str(Path(sys.executable).with_name("openai-funding"))
    with tempfile.TemporaryDirectory(prefix="of-bench-build-") as tmp:
        checkout = Path(tmp) / f"release-{version}"
        git("worktree", "add", "--detach", str(checkout), commit)
        try:
            plain = release_env(checkout, Path(tmp) / "venv", compiled=False)
            compiled = release_env(checkout, Path(tmp) / "venv-compiled", compiled=True)
            current = copy_inputs(Path(tmp) / "current")
            runs: dict[str, tuple[list[str], Path]] = {
                f"release {version}": ([str(plain), "build", "--force"], checkout),
                f"release {version}, bytecode compiled": (
                    [str(compiled), "build", "--force"],
                    checkout,
                ),
                "this checkout": ([now, "build", "--force"], current),
            }
            for argv, cwd in runs.values():
                timed(argv, cwd)  # validates once, warms the caches
            times: dict[str, list[float]] = {label: [] for label in runs}
            for _ in range(args.repeat):  # in turn, so both see the same machine
                for label, (argv, cwd) in runs.items():
                    times[label].append(timed(argv, cwd))
        finally:
            git("worktree", "remove", "--force", str(checkout))
    print(f"build --force, validation reused (median of {args.repeat}, run in turn)")
    print(f"  previous release: git worktree of {commit} (the commit that set version {version}),")
    print("  its own lock in a fresh uv venv (as its noxfile makes it; and once more with its")
    print("  libraries' bytecode compiled, as this checkout's noxfile does where")
    print(f"  PYTHONDONTWRITEBYTECODE is set: here {'set' if dont_write else 'not set'}),")
    print("  building its own data and report; this checkout builds a copy of its inputs")
    medians = {label: statistics.median(t) for label, t in times.items()}
    for label, values in times.items():
        print(f"{label:<40} {medians[label]:>7.2f} s   (min {min(values):.2f} s)")
    old, old_compiled, new = medians.values()
    print(f"{'ratio: this checkout / release':<40} {new / old:>7.2f}")
    print(f"{'ratio: this checkout / release compiled':<40} {new / old_compiled:>7.2f}")


if __name__ == "__main__":
    main()
