"""``build --force`` now and on the previous release, in one run, and the ratio between them.

Run by ``nox -s bench``; prints figures, asserts nothing. The previous release is the commit that
set ``pyproject.toml``'s version to the one it has now (the release commit: the repository has no
tags), found with ``git log -S``. It is checked out with ``git worktree add --detach`` into a
temporary folder, given its own environment from its own lock (``uv venv`` then
``uv pip install -r requirements/lock.txt`` and the project, from uv's cache), and builds its own
checkout (its data and report), twice: as its noxfile runs it, and with the bytecode cache that
this checkout's noxfile gives where ``PYTHONDONTWRITEBYTECODE`` is set (``PYTHONPYCACHEPREFIX``),
so that gain is told from the code's. The current code builds a copy of this checkout's inputs.
Each first builds once (to write ``.build/validation.json``, so the timed builds reuse it, and to
warm the caches), then the three commands run in turn, ``--repeat`` times each, and the medians
are compared. The worktree is removed at the end.
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


def release_commit(version: str | None = None) -> tuple[str, str]:
    """``version`` (by default the one in ``pyproject.toml``) and the oldest commit whose
    ``pyproject.toml`` has it."""
    version = (
        version
        or tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
            "version"
        ]
    )
    found = git(
        "log", "--reverse", "--format=%H", "-S", f'version = "{version}"', "--", "pyproject.toml"
    )
    if not found:
        raise SystemExit(f"no commit sets version {version} in pyproject.toml")
    return version, found.splitlines()[0]


def release_env(checkout: Path, venv: Path) -> Path:
    """An environment for the release in ``checkout``, from its own lock; its command's path."""
    uv = shutil.which("uv")
    if uv is None:
        raise SystemExit("the benchmark of the previous release needs uv on PATH")
    python = ["--python", str(venv / "bin" / "python")]
    lock = checkout / "requirements" / "lock.txt"
    for argv in (
        [uv, "venv", "--python", sys.executable, str(venv)],
        [uv, "pip", "install", *python, "-r", str(lock)],
        [uv, "pip", "install", *python, "--no-deps", str(checkout)],
    ):
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return venv / "bin" / "openai-funding"


def timed(argv: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        argv, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(prog="nox -s bench -- (bench_build)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--against", metavar="VERSION", help="another release (default: the version in pyproject)"
    )
    args, _ = parser.parse_known_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1772150400")
    version, commit = release_commit(args.against)
    now = str(Path(sys.executable).with_name("openai-funding"))
    with tempfile.TemporaryDirectory(prefix="of-bench-build-") as tmp:
        checkout = Path(tmp) / f"release-{version}"
        git("worktree", "add", "--detach", str(checkout), commit)
        try:
            before = [str(release_env(checkout, Path(tmp) / "venv")), "build", "--force"]
            current = copy_inputs(Path(tmp) / "current")
            # the release as its noxfile runs it (bytecode never written where
            # PYTHONDONTWRITEBYTECODE is set), and with the bytecode cache this noxfile gives
            no_cache = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
            no_cache.pop("PYTHONPYCACHEPREFIX", None)
            cache = {
                **no_cache,
                "PYTHONDONTWRITEBYTECODE": "",
                "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache"),
            }
            runs: dict[str, tuple[list[str], Path, dict[str, str]]] = {
                f"release {version}": (before, checkout, no_cache),
                f"release {version}, bytecode kept": (before, checkout, cache),
                "this checkout": ([now, "build", "--force"], current, dict(os.environ)),
            }
            for argv, cwd, env in runs.values():
                timed(argv, cwd, env)  # validates once, warms the caches
            times: dict[str, list[float]] = {label: [] for label in runs}
            for _ in range(args.repeat):  # in turn, so all see the same machine
                for label, (argv, cwd, env) in runs.items():
                    times[label].append(timed(argv, cwd, env))
        finally:
            git("worktree", "remove", "--force", str(checkout))
    print(f"build --force, validation reused (median of {args.repeat}, run in turn)")
    print(f"  previous release: git worktree of {commit} (the commit that set version {version}),")
    print("  its own lock in a fresh uv venv, building its own data and report; run as its")
    print("  noxfile runs it (PYTHONDONTWRITEBYTECODE=1, as on this project's machines: every")
    print("  process compiles what it imports), and with the bytecode kept (PYTHONPYCACHEPREFIX),")
    print("  as this checkout's noxfile runs it there; this checkout builds a copy of its inputs")
    print(
        f"  (here PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r},"
        f" PYTHONPYCACHEPREFIX={os.environ.get('PYTHONPYCACHEPREFIX', '')!r})"
    )
    medians = {label: statistics.median(t) for label, t in times.items()}
    for label, values in times.items():
        print(f"{label:<40} {medians[label]:>7.2f} s   (min {min(values):.2f} s)")
    old, old_kept, new = medians.values()
    print(f"{'ratio: this checkout / release':<40} {new / old:>7.2f}")
    print(f"{'ratio: this checkout / release, bytecode kept':<40} {new / old_kept:>7.2f}")


if __name__ == "__main__":
    main()
