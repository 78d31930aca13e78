"""The handle the preview holds on its validation worker (``worker.py``): a child process
that imports Great Expectations once and then validates on request.

The protocol is one JSON object per line: the preview writes ``{"descriptor": PATH, "report":
FILE}``; the worker validates the package as it is on disk, writes the report to ``FILE`` (the
one the report's cells read) and answers ``{"report": {...}, "stale": [...]}`` or ``{"error":
MESSAGE}``. Stale hashes and sizes are not problems here: the worker checks the files against
hashes refreshed in memory (it never writes the descriptor) and names the stale resources in
``"stale"``, which the preview shows as a warning; ``validate`` and ``build`` stay strict.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from openai_funding.checks.results import Report


@dataclass
class Outcome:
    """What one validation gave: the report (``None`` when the input was unusable), the error
    that made it unusable, and the resources whose recorded hash or size is stale."""

    report: Report | None
    error: str | None = None
    stale: list[str] = field(default_factory=list)


class WorkerError(Exception):
    """The worker died or answered nonsense."""


class Validator:
    """A validation worker process; :meth:`close` stops it. It is started lazily."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[str] | None = None

    def start(self) -> None:
        """Start the worker (it imports Great Expectations at once, while the caller works)."""
        if self._proc is not None and self._proc.poll() is None:
            return
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "openai_funding.preview.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            # its own session: a Ctrl-C in the terminal reaches the preview, which stops it
            start_new_session=True,
        )

    def send(self, descriptor: Path, report_file: Path) -> None:
        """Ask for a validation; :meth:`receive` gives its outcome."""
        self.start()
        assert self._proc is not None
        assert self._proc.stdin is not None
        request = {"descriptor": str(descriptor), "report": str(report_file)}
        try:
            self._proc.stdin.write(json.dumps(request) + "\n")
            self._proc.stdin.flush()
        except OSError as exc:
            self.close()
            raise WorkerError(f"the validation worker stopped: {exc}") from None

    def receive(self) -> Outcome:
        assert self._proc is not None
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()
        if not line:
            self.close()
            raise WorkerError("the validation worker stopped")
        answer = json.loads(line)
        if "error" in answer:
            return Outcome(None, answer["error"])
        return Outcome(Report.from_dict(answer["report"]), None, list(answer["stale"]))

    def validate(self, descriptor: Path, report_file: Path) -> Outcome:
        self.send(descriptor, report_file)
        return self.receive()

    def close(self) -> None:
        """Stop the worker: end of input, then a kill if it does not go."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        for stream in (proc.stdin, proc.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
