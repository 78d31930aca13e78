"""Write outputs atomically: stage in a temporary folder beside the target, then ``os.replace``."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def staging(output_dir: Path) -> Iterator[Path]:
    """A temporary folder beside ``output_dir`` (same file system), removed on exit."""
    parent = output_dir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}.render-", dir=parent))
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def publish(files: dict[Path, Path]) -> list[Path]:
    """Move each staged file (key) onto its target (value), file by file with ``os.replace``."""
    written = []
    for staged, target in files.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        staged.replace(target)  # os.replace: atomic on one file system
        written.append(target)
    return written
