"""Publishing ``_site/`` safely: one build at a time (a lock), staging folders that an interrupted
build leaves are cleared, SIGTERM cleans up like Ctrl-C, and the new site replaces the old one in
one rename."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import os
import shutil
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

Log = Callable[[str], None]


@contextlib.contextmanager
def build_lock(work: Path, log: Log) -> Iterator[None]:
    """Hold ``.build/lock``; a second build waits for the first, saying so."""
    work.mkdir(parents=True, exist_ok=True)
    with (work / "lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log("another build is running in this folder: waiting for it to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Turn SIGTERM into KeyboardInterrupt, so a killed build still cleans up after itself."""

    def handler(signum: int, frame: Any) -> None:  # noqa: ARG001
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def clear_leftovers(work: Path) -> None:
    """Remove the staging folders an interrupted build left behind."""
    for stale in work.glob("stage-*"):
        shutil.rmtree(stale, ignore_errors=True)


def exchange(new: Path, current: Path) -> None:
    """Put ``new`` in place of ``current`` in one step (``renameat2(RENAME_EXCHANGE)`` on Linux);
    afterwards ``new`` holds the old site. Falls back to two renames elsewhere."""
    if not current.exists():
        new.rename(current)
        new.mkdir()
        return
    libc_name = ctypes.util.find_library("c")
    renameat2 = (
        getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None) if libc_name else None
    )
    if renameat2 is not None:
        at_fdcwd, rename_exchange = -100, 2
        if (
            renameat2(at_fdcwd, os.fsencode(new), at_fdcwd, os.fsencode(current), rename_exchange)
            == 0
        ):
            return
    aside = new.with_name(new.name + "-old")
    current.rename(aside)
    new.rename(current)
    aside.rename(new)
