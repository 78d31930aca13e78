"""Headless Chromium for tests, driven through the DevTools protocol.

Chromium runs with ``--remote-debugging-pipe`` (JSON messages separated by NUL bytes on file
descriptors 3 and 4), so no port is opened and no extra package is needed. :func:`visit` loads a
page and reports what a reader's browser saw: console errors, every request the page made,
dialogs that opened, and the value of JavaScript expressions evaluated once charts have drawn.
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHARTS_DRAWN = """
(() => {
  const charts = Array.from(document.querySelectorAll("div.of-chart"));
  return charts.length > 0 && charts.every((c) => c.querySelector("svg, canvas") !== null);
})()
"""

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
        self._replies: dict[int, dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []

    def _post(self, method: str, params: dict[str, Any] | None, session: str | None) -> int:
        """Write a command; return its id (its reply is collected by :meth:`_next`)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        return self._next_id

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        wanted = self._post(method, params, session)
        while wanted not in self._replies:
            self._next(timeout=30)
        reply = self._replies.pop(wanted)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def new_tab(self, *domains: str) -> str:
        """Open a blank tab, attach to it and enable ``domains`` (``Page``, ``Runtime``...);
        return its session id, for :meth:`send`."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in domains:
            self.send(f"{domain}.enable", session=session)
        return session

    def _next(self, timeout: float) -> None:
        """Read one message: a reply is kept by id, an event appended to :attr:`events`. A
        dialog the page opens (``alert``, ``confirm``…) is recorded and dismissed at once, so
        it cannot block the page."""
        message = self._read(timeout)
        if "id" in message:
            self._replies[message["id"]] = message
            return
        self.events.append(message)
        if message.get("method") == "Page.javascriptDialogOpening":
            self._post("Page.handleJavaScriptDialog", {"accept": False}, message.get("sessionId"))

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
            self._next(timeout=deadline - time.monotonic())
            event = self.events[-1] if self.events else {}
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


#: How long charts still have to draw once a script threw: the page's loader draws the charts
#: in turn, so an exception stops it; those already started finish well within this.
SETTLE_AFTER_EXCEPTION = 3.0


def _stopped(browser: Browser, loaded: float) -> float:
    """When to stop waiting for charts: a while after the load if a script threw, else never."""
    threw = any(e.get("method") == "Runtime.exceptionThrown" for e in browser.events)
    return loaded + SETTLE_AFTER_EXCEPTION if threw else float("inf")


@dataclass
class Visit:
    """What loading a page did."""

    charts_drawn: bool
    console_errors: list[str]
    requests: list[str]
    dialogs: list[str]
    values: dict[str, Any] = field(default_factory=dict)


def chromium() -> str:
    """The Chromium executable, or a failure that says how to install it."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("headless Chromium is missing: apt-get install chromium")
    return executable


def visit(
    page: Path,
    expressions: dict[str, str] | None = None,
    *,
    wait_for_charts: bool = True,
    viewport: tuple[int, int] | None = None,
) -> Visit:
    """Load ``page``; wait until every chart drew (20 s at most, 3 s when a script threw);
    evaluate ``expressions`` (an expression that gives a promise is awaited).
    ``viewport`` (width, height in CSS pixels) emulates that screen: a phone's when it is
    narrower than 600 px."""
    with tempfile.TemporaryDirectory(prefix="of-chromium-") as profile:
        browser = Browser(chromium(), Path(profile))
        try:
            session = browser.new_tab("Page", "Runtime", "Log", "Network")
            if viewport is not None:
                width, height = viewport
                metrics = {"width": width, "height": height, "deviceScaleFactor": 1}
                metrics["mobile"] = width < 600
                browser.send("Emulation.setDeviceMetricsOverride", metrics, session=session)
            browser.send("Page.navigate", {"url": page.as_uri()}, session=session)
            browser.wait_for("Page.loadEventFired")
            drawn = False
            loaded = time.monotonic()
            deadline = loaded + (20 if wait_for_charts else 0)
            while True:
                result = browser.send(
                    "Runtime.evaluate",
                    {"expression": CHARTS_DRAWN, "returnByValue": True},
                    session=session,
                )
                drawn = result["result"].get("value") is True
                if drawn or time.monotonic() >= min(deadline, _stopped(browser, loaded)):
                    break
                time.sleep(0.1)
            values = {
                name: browser.send(
                    "Runtime.evaluate",
                    {"expression": expr, "returnByValue": True, "awaitPromise": True},
                    session=session,
                )["result"].get("value")
                for name, expr in (expressions or {}).items()
            }
        finally:
            browser.close()
    events = browser.events
    requests = [
        e["params"]["request"]["url"]
        for e in events
        if e.get("method") == "Network.requestWillBeSent"
    ]
    dialogs = [
        e["params"].get("message", "")
        for e in events
        if e.get("method") == "Page.javascriptDialogOpening"
    ]
    return Visit(drawn, console_errors(events), requests, dialogs, values)
