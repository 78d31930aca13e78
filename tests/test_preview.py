"""``openai-funding preview``: a page that follows the edits, keeps the last good report under
an overlay naming the problems, recovers by itself, and a server that leaves nothing behind."""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from browser import Browser, chromium
from buildrepo import child_env, cli, make_repo

QUESTION = "What are the conditions for Amazon's further $35bn?"
SENTENCE = "Reports are recorded as reports"
BAD_DATE = ("amazon-35bn-conditions,What", "2026-02-27,open,2026-02-27,Officially")
OVERLAY = "(document.getElementById('of-preview-overlay') || {}).innerText || ''"
OVERLAY_KIND = "(document.getElementById('of-preview-overlay') || {}).className || ''"
BODY = "document.body ? document.body.innerText : ''"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


class Page:
    """One tab of headless Chromium on the preview's page."""

    def __init__(self, browser: Browser, url: str) -> None:
        self.browser = browser
        self.session = browser.new_tab("Runtime", "Page")
        browser.send("Page.navigate", {"url": url}, session=self.session)

    def evaluate(self, expression: str) -> object:
        try:
            reply = self.browser.send(
                "Runtime.evaluate",
                {"expression": expression, "returnByValue": True},
                session=self.session,
            )
        except RuntimeError:  # the page is reloading
            return None
        return reply.get("result", {}).get("value")

    def wait(self, what: str, condition: object, timeout: float) -> None:
        """Wait (bounded) until ``condition(body, overlay, overlay_kind)`` holds."""
        deadline = time.monotonic() + timeout
        seen: tuple[object, ...] = ()
        while time.monotonic() < deadline:
            seen = (self.evaluate(BODY), self.evaluate(OVERLAY), self.evaluate(OVERLAY_KIND))
            if all(isinstance(v, str) for v in seen) and condition(*seen):  # type: ignore[operator]
                return
            time.sleep(0.2)
        _body, overlay, kind = (str(v) for v in seen) if seen else ("", "", "")
        pytest.fail(f"the page never showed {what} (overlay {kind!r}: {overlay[:500]!r})")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class Served:
    """A running preview open in a browser tab; ``err`` is its stderr once it stopped."""

    proc: subprocess.Popen[str]
    page: Page
    port: int
    err: str = ""


@contextlib.contextmanager
def served(repo: Path, profile: Path, *args: str, **env: str) -> Iterator[Served]:
    """``openai-funding preview --no-open ARGS`` in ``repo``, open in headless Chromium (its
    profile in ``profile``); on exit the browser closes and the preview gets Ctrl-C."""
    port = free_port()
    proc = subprocess.Popen(
        cli("preview", "--no-open", "--port", str(port), *args),
        cwd=repo,
        env=child_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    browser = None
    run = None
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in first, first
        profile.mkdir()
        browser = Browser(chromium(), profile)
        run = Served(proc, Page(browser, f"http://127.0.0.1:{port}/"), port)
        yield run
    finally:
        if browser is not None:
            browser.close()
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
            _out, err = proc.communicate()
        if run is not None:
            run.err = err


@pytest.mark.browser
def test_preview_follows_edits_shows_problems_recovers_and_leaves_nothing(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    temp = tmp_path / "tmp"
    temp.mkdir()
    workers: set[int] = set()
    with served(repo, tmp_path / "chromium", TMPDIR=str(temp)) as run:
        page = run.page
        page.wait("the first report", lambda body, *_: "Valuation history" in body, 240)
        workers = descendants(run.proc.pid)
        assert workers, "the validation worker and the kernel run as child processes"
        # a value in a CSV: the page reloads with it; the hash is stale, a warning here only
        data = repo / "data" / "questions.csv"
        replace(data, QUESTION, QUESTION.replace("conditions", "stated conditions"))
        page.wait(
            "the edited value and the stale-hash warning",
            lambda body, overlay, kind: (
                "stated conditions" in body and "of-warnings" in kind and "stale" in overlay
            ),
            60,
        )
        # a sentence of the report
        report = repo / "report" / "index.qmd"
        replace(report, SENTENCE, SENTENCE.replace("recorded as reports", "kept as reports"))
        page.wait("the edited sentence", lambda body, *_: "kept as reports" in body, 60)

        # a broken date: the last good report stays, the overlay names file, row and field
        replace(data, BAD_DATE[1], BAD_DATE[1].replace("2026-02-27,open", "2026-02-31,open", 1))
        page.wait(
            "the problem over the last good report",
            lambda body, overlay, kind: (
                "of-problems" in kind
                and "data/questions.csv:3" in overlay
                and "raised_on" in overlay
                and "kept as reports" in body
                and "stated conditions" in body
            ),
            60,
        )
        # fixed: the page recovers by itself
        replace(data, "2026-02-31,open", "2026-02-27,open")
        page.wait(
            "the report again, without the problem",
            lambda body, _overlay, kind: "of-problems" not in kind and "stated conditions" in body,
            60,
        )
    assert run.proc.returncode == 0, run.err
    # nothing left: no child process, no socket, no temporary folder, no _site/
    assert not [pid for pid in workers if alive(pid)], run.err
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", run.port)) != 0
    assert list(temp.iterdir()) == []
    assert not (repo / "_site").exists()
    # the published files never carry the preview's script: only the served page does
    assert not list(repo.rglob("index.html"))


@pytest.mark.slow
def test_sigterm_stops_the_preview_and_leaves_nothing(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    temp = tmp_path / "tmp"
    temp.mkdir()
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    taken = busy.getsockname()[1]
    proc = subprocess.Popen(
        cli("preview", "--no-open", "--port", str(taken)),
        cwd=repo,
        env=child_env(TMPDIR=str(temp)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        port = int(first.split("127.0.0.1:")[1].split("/")[0])
        assert port != taken, "a busy port is skipped"
        assert proc.stderr is not None
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:  # the first page is served, both workers run
            line = proc.stderr.readline()
            if "served the new page" in line or not line:
                break
        workers = descendants(proc.pid)
        assert workers
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    finally:
        busy.close()
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
    assert proc.returncode == 0
    assert not [pid for pid in workers if alive(pid)]
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0
    assert list(temp.iterdir()) == []


@pytest.mark.browser
def test_preview_serves_the_french_edition_and_follows_its_edits(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    with served(repo, tmp_path / "chromium", "--edition", "fr") as run:
        page = run.page
        page.wait("the French report", lambda body, *_: "Historique des valorisations" in body, 240)
        assert page.evaluate("document.documentElement.lang") == "fr"
        sentence = "sont enregistrées comme telles"
        replace(repo / "report" / "fr" / "index.qmd", sentence, "sont conservées comme telles")
        page.wait("the edited sentence", lambda body, *_: "conservées comme telles" in body, 60)
    assert run.proc.returncode == 0, run.err
