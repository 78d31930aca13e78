"""Write outputs atomically: stage in a temporary folder beside the target, then ``os.replace``."""

from __future__ import annotations

import contextlib
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType


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
    """Hold SIGINT and SIGTERM until the block ends, then let them act as they would have
    (a KeyboardInterrupt, or whatever handler was in place).

    Around ``ThreadPoolExecutor.submit``: an interrupt raised while it starts a thread would
    leave that thread running a job the executor does not know of, so nothing would wait for it
    before its staging folder is removed. A signal that arrives meanwhile is only noted, by a
    Python handler, and raised again when the block ends. (A thread signal mask would not do:
    the operating system then hands the signal to another thread, the Jupyter client's, and
    Python still runs its handler in the main thread, inside the block.) Python raises such
    interrupts in the main thread only, so elsewhere there is nothing to hold.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def note(signum: int, frame: FrameType | None) -> None:  # noqa: ARG001
        caught.append(signum)

    held = (signal.SIGINT, signal.SIGTERM)
    previous = {signum: signal.signal(signum, note) for signum in held}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        for signum in dict.fromkeys(caught):
            signal.raise_signal(signum)
