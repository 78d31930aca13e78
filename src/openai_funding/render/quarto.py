"""The real engine: ``quarto render`` when Quarto is on PATH, outputs mapped to our layout.

Our ``pdf`` is Quarto's ``typst`` format (its PDF route through typst, not LaTeX), and HTML is
rendered with ``embed-resources`` so the page is one self-contained file, as offline.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from openai_funding.render.errors import RenderError
from openai_funding.render.publish import publish, staging

QUARTO_FORMAT = {"html": "html", "pdf": "typst"}
EXTRA_ARGS = {"html": ["--metadata", "embed-resources:true"], "pdf": []}


def command(
    path: Path, target: str, out: Path, metadata: Mapping[str, str] | None = None
) -> list[str]:
    """The ``quarto render`` command line for one target."""
    quarto = shutil.which("quarto") or "quarto"
    return [
        quarto,
        "render",
        str(path),
        "--to",
        QUARTO_FORMAT[target],
        *EXTRA_ARGS[target],
        *(
            arg
            for key, value in (metadata or {}).items()
            for arg in ("--metadata", f"{key}:{value}")
        ),
        "--output-dir",
        str(out),
    ]


def _produced(dest: Path, rel: Path, target: str, document: Path, root: Path | None = None) -> Path:
    """Where Quarto put the output of ``document`` (``rel`` is its path, without suffix, under
    what was rendered). Rendering a project, Quarto writes each document at its path relative to
    the project root (``fr/index.qmd`` gives ``fr/index.html``); rendering one file of a project,
    also at its project-relative path, so ``rel`` (``index``) is then looked for there
    (``fr/index.html``), and, failing both, by name when only one file has it."""
    suffix = f".{target}"
    candidates = [dest / rel.with_suffix(suffix)]
    if root is not None and document.is_relative_to(root):
        candidates.append(dest / document.relative_to(root).with_suffix(suffix))
    for produced in candidates:
        if produced.is_file():
            return produced
    found = sorted(dest.rglob(candidates[0].name))
    if len(found) == 1:
        return found[0]
    raise RenderError(document, f"quarto did not write {candidates[-1].name}", stage="quarto")


def render_with_quarto(
    path: Path,
    files: list[Path],
    rels: list[Path],
    targets: tuple[str, ...],
    out_dir: Path,
    *,
    env: Mapping[str, str] | None,
    log: Callable[[str], object],
    metadata: Mapping[str, str] | None = None,
    root: Path | None = None,
) -> tuple[list[Path], dict[str, float]]:
    """Run Quarto once per target into a staging folder, then publish the expected files:
    ``files[i]`` at ``out_dir/rels[i].<target>`` (``root`` is the project root, if any)."""
    timings: dict[str, float] = {}
    with staging(out_dir) as stage:
        moves: dict[Path, Path] = {}
        for target in targets:
            t = time.perf_counter()
            dest = stage / target
            argv = command(path, target, dest, metadata)
            log(f"running {' '.join(argv)}")
            proc = subprocess.run(
                argv,
                capture_output=True,
                text=True,
                check=False,
                cwd=path if path.is_dir() else path.parent,
                env={**os.environ, **(env or {})},
            )
            if proc.returncode != 0:
                tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-20:])
                raise RenderError(
                    files[0], tail or f"quarto exited {proc.returncode}", stage="quarto"
                )
            for file, rel in zip(files, rels, strict=True):
                produced = _produced(dest, rel, target, file, root)
                moves[produced] = out_dir / rel.with_suffix(f".{target}")
            timings[f"quarto {target}"] = time.perf_counter() - t
        written = publish(moves)
    return written, timings
