"""The HTML page in headless Chromium: every chart draws and the console shows no error.

Chromium is driven through the DevTools protocol over ``--remote-debugging-pipe`` (messages are
JSON separated by NUL bytes on file descriptors 3 and 4), so no port and no extra package.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from render_helpers import Rendered

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
]
_LAUNCH = (
    "import os, sys; os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4); "
    "os.execv(sys.argv[3], sys.argv[3:])"
)
BARS = "document.querySelectorAll('div.of-chart svg .mark-rect path').length"
CHARTS_DRAWN = """
(() => {
  const charts = Array.from(document.querySelectorAll("div.of-chart"));
  return charts.length > 0 && charts.every((c) => c.querySelector("svg, canvas") !== null);
})()
"""


def _above_nine(fd: int) -> int:
    import fcntl

    high = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return high


class Browser:
    """A headless Chromium and a minimal DevTools client over its pipe."""

    def __init__(self, executable: str, profile: Path) -> None:
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        # move the child's ends above 9, so that the redirections below cannot clobber each other
        to_child_r = _above_nine(to_child_r)
        from_child_w = _above_nine(from_child_w)
        self._log = (profile / "chromium.log").open("wb")
        # Chromium reads commands on fd 3 and writes replies on fd 4: a tiny launcher moves them
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                _LAUNCH,
                str(to_child_r),
                str(from_child_w),
                executable,
                *FLAGS,
                f"--user-data-dir={profile}",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
            pass_fds=(to_child_r, from_child_w),
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read(timeout=30)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def _read(self, timeout: float) -> dict[str, Any]:
        import select

        deadline = time.monotonic() + timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_child], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("no message from Chromium")
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def wait_for(self, method: str, timeout: float = 30) -> dict[str, Any]:
        for event in self.events:
            if event.get("method") == method:
                return event
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            event = self._read(timeout=deadline - time.monotonic())
            self.events.append(event)
            if event.get("method") == method:
                return event
        raise TimeoutError(method)

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.send("Browser.close")
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_child)
        os.close(self._from_child)
        self._log.close()


def console_errors(events: list[dict[str, Any]]) -> list[str]:
    errors = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(json.dumps(params.get("args")))
        elif method == "Runtime.exceptionThrown":
            errors.append(json.dumps(params.get("exceptionDetails")))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            errors.append(json.dumps(params["entry"]))
    return errors


def open_page(page: Path) -> tuple[bool, int, list[str]]:
    """Load ``page``; return whether every chart drew, the bar marks drawn, console errors."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("headless Chromium is missing: apt-get install chromium")
    with tempfile.TemporaryDirectory(prefix="of-chromium-") as profile:
        browser = Browser(executable, Path(profile))
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
                "sessionId"
            ]
            for domain in ("Page", "Runtime", "Log"):
                browser.send(f"{domain}.enable", session=session)
            browser.send("Page.navigate", {"url": page.as_uri()}, session=session)
            browser.wait_for("Page.loadEventFired")
            drawn = False
            deadline = time.monotonic() + 20
            while not drawn and time.monotonic() < deadline:
                result = browser.send(
                    "Runtime.evaluate",
                    {"expression": CHARTS_DRAWN, "returnByValue": True},
                    session=session,
                )
                drawn = result["result"].get("value") is True
                if not drawn:
                    time.sleep(0.1)
            marks = browser.send(
                "Runtime.evaluate",
                {"expression": BARS, "returnByValue": True},
                session=session,
            )["result"]["value"]
        finally:
            browser.close()
    return drawn, marks, console_errors(browser.events)


def test_chart_draws_without_console_errors(features: Rendered) -> None:
    drawn, bars, errors = open_page(features.html)
    assert drawn, "the chart did not draw an <svg> or <canvas>"
    assert bars == 3  # one bar per investor
    assert errors == []


def test_three_charts_draw_on_one_page(three_charts: Path) -> None:
    soup = BeautifulSoup(three_charts.read_text(encoding="utf-8"), "html.parser")
    assert len(soup.select("script#of-vega-bundle")) == 1
    assert [d["id"] for d in soup.select("div.of-chart")] == [f"of-chart-{n}" for n in (1, 2, 3)]
    drawn, bars, errors = open_page(three_charts)
    assert drawn, "not every chart drew an <svg> or <canvas>"
    assert bars == 3 * 8
    assert errors == []
