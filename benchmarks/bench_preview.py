"""Speed of ``openai-funding preview``: from an edit to the reloaded page, against ``build --force``.

Run by ``nox -s bench``; prints figures, asserts nothing. In a copy of the repository it times
``build --force`` (the render of a fresh build), then starts ``preview`` on a free loopback port,
listens to its reload channel as an open page does, and times, for each edit, from the write to
the moment the page served again carries the edit (the reload event, then the page fetched):

- a changed value in a CSV (validation in the warm worker, the cells again in the warm kernel);
- a changed sentence in ``report/index.qmd`` (no validation, no cell: pandoc only).

Each figure is the median of ``--repeat`` edits; the ratios to ``build --force`` are printed.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchrepo import copy_inputs

#: A value the report shows (the questions table) and no rule constrains, and a sentence.
CSV = ("data/questions.csv", "What are the conditions for Amazon's further $35bn?")
QMD = ("report/index.qmd", "Reports are recorded as reports")


class Page:
    """An open page: the reload channel of a preview, and the page fetched after each event."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.events = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.events.request("GET", "/__preview/events")
        self.stream = self.events.getresponse()
        self.version = self._next_version()

    def _next_version(self) -> int:
        while True:
            line = self.stream.readline()
            if not line:
                raise RuntimeError("the preview closed its reload channel")
            if line.startswith(b"data: "):
                return int(line[6:])

    def fetch(self) -> str:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        conn.request("GET", "/")
        body = conn.getresponse().read().decode("utf-8")
        conn.close()
        return body

    def wait_for(self, text: str, deadline: float) -> None:
        """Follow reload events until the page holds ``text``."""
        while time.monotonic() < deadline:
            self.version = self._next_version()
            if text in self.fetch():
                return
        raise TimeoutError(text)

    def close(self) -> None:
        self.events.close()


def start_preview(exe: str, repo: Path) -> tuple[subprocess.Popen[str], int]:
    proc = subprocess.Popen(
        [exe, "preview", "--no-open", "--port", "0"],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        proc.kill()
        raise RuntimeError(f"preview did not say where it serves: {line!r}")
    return proc, int(match.group(1))


def edit_times(page: Page, file: Path, old: str, repeat: int) -> list[float]:
    """Replace ``old`` in ``file`` by a new text each time; time until the page shows it."""
    times = []
    current = old
    for k in range(repeat):
        token = f"edited{k + 1}x"
        new = f"{old[:-1]} {token}{old[-1]}"
        text = file.read_text(encoding="utf-8")
        start = time.perf_counter()
        file.write_text(text.replace(current, new, 1), encoding="utf-8")
        page.wait_for(token, time.monotonic() + 120)
        times.append(time.perf_counter() - start)
        current = new
        time.sleep(4.0)  # let the PDF that follows the page finish, as a curator reading would
    return times


def main() -> None:
    parser = argparse.ArgumentParser(prog="nox -s bench -- (bench_preview)")
    parser.add_argument("--repeat", type=int, default=3)
    args, _ = parser.parse_known_args()
    exe = str(Path(sys.executable).with_name("openai-funding"))
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1772150400")
    with tempfile.TemporaryDirectory(prefix="of-bench-preview-") as tmp:
        repo = copy_inputs(Path(tmp))
        force = [exe, "build", "--force"]
        subprocess.run(force, cwd=repo, check=True, stdout=subprocess.DEVNULL)  # warm caches
        builds = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run(force, cwd=repo, check=True, stdout=subprocess.DEVNULL)
            builds.append(time.perf_counter() - start)
        build = statistics.median(builds)
        start = time.perf_counter()
        proc, port = start_preview(exe, repo)
        try:
            page = Page(port)
            while "of-chart" not in page.fetch():  # the first page: workers started, rendered
                page.version = page._next_version()
            first = time.perf_counter() - start
            time.sleep(3.0)  # the first PDF
            csv = statistics.median(edit_times(page, repo / CSV[0], CSV[1], args.repeat))
            qmd = statistics.median(edit_times(page, repo / QMD[0], QMD[1], args.repeat))
            page.close()
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(timeout=60)
        print(
            f"{'preview (medians of ' + str(args.repeat) + ')':<52} {'s':>7} {'/ build --force':>16}"
        )
        print(
            f"{'build --force (validation reused; HTML, PDF, exports)':<52} {build:>7.2f} {1:>16.2f}"
        )
        print(f"{'preview start to the first page':<52} {first:>7.2f} {first / build:>16.2f}")
        print(f"{'a CSV value changed -> page reloaded':<52} {csv:>7.2f} {csv / build:>16.2f}")
        print(f"{'a .qmd sentence changed -> page reloaded':<52} {qmd:>7.2f} {qmd / build:>16.2f}")
        print("(targets: CSV at most 3 s and at most 0.25 of build --force; .qmd at most 2 s)")


if __name__ == "__main__":
    main()
