"""Write outputs atomically: stage in a temporary folder beside the target, then ``os.replace``."""

from __future__ import annotations

import contextlib
import shutil
import signal
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


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends, then let them act (a KeyboardInterrupt).

    Around ``ThreadPoolExecutor.submit``: an interrupt raised while it starts a thread would
    leave that thread running a job the executor does not know of, so nothing would wait for it
    before its staging folder is removed. Threads started meanwhile inherit the mask: the main
    thread gets the signals.
    """
    if not hasattr(signal, "pthread_sigmask"):  # not POSIX: nothing to hold
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
