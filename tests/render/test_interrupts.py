"""``interrupts_held``: a Ctrl-C or SIGTERM that arrives while a pool starts a thread is raised
once the pool knows of that thread, never in the middle (tests/guarantees/test_interrupted_builds.py
shows what that protects: no staging folder left behind)."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time

import pytest

from openai_funding.build.swap import terminate_as_interrupt
from openai_funding.render.publish import interrupts_held


@pytest.mark.parametrize(
    ("signum", "handlers"),
    [(signal.SIGINT, contextlib.nullcontext), (signal.SIGTERM, terminate_as_interrupt)],
    ids=["INT", "TERM under build"],
)
def test_a_signal_in_the_block_is_raised_after_it(signum: int, handlers) -> None:
    # Sent from a thread that was started before the block, as the Jupyter client's are: the
    # operating system may hand it that thread, and Python runs the handler in the main thread.
    inside = threading.Event()
    sender = threading.Thread(target=lambda: (inside.wait(5), os.kill(os.getpid(), signum)))
    sender.start()
    finished: list[bool] = []

    def held_block() -> None:
        with interrupts_held():
            inside.set()
            sender.join()
            time.sleep(0.05)  # time enough for the handler to run, were it not held
            finished.append(True)

    with handlers(), pytest.raises(KeyboardInterrupt):
        held_block()
    assert finished == [True]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_nothing_is_held_outside_the_main_thread() -> None:
    seen: list[object] = []

    def run() -> None:
        with interrupts_held():
            seen.append(signal.getsignal(signal.SIGINT))

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    assert seen == [signal.default_int_handler]
