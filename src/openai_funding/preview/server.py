"""The preview's web server, on loopback only: the last good report, its downloads, and a
reload channel (server-sent events) for the open pages.

Only the page served here carries the reload script and the overlay that names problems: they
are added to the HTML as it is sent, never to a file. Standard library only (``http.server``).
"""

from __future__ import annotations

import contextlib
import errno
import html
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

HOST = "127.0.0.1"
EVENTS = "/__preview/events"
#: How often an open reload channel says it is alive (and notices that the preview stops).
HEARTBEAT = 0.5

#: Files the site publishes beside the page (see ``build/site.py``); the PDF and the validation
#: report come from the preview's own folder, the data from the package as it is now.
SITE_FILES = {"/openai-funding.pdf": "openai-funding.pdf", "/validation.json": "validation.json"}
TYPES = {".pdf": "application/pdf", ".json": "application/json", ".csv": "text/csv"}

RELOAD = """<script id="of-preview-reload">
(() => {
  const shown = %(version)s;
  const key = "of-preview-scroll";
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener("load", () => window.scrollTo(0, Number(saved)));
  }
  const events = new EventSource("%(events)s");
  events.onmessage = (event) => {
    if (Number(event.data) !== shown) {
      sessionStorage.setItem(key, String(window.scrollY));
      events.close();
      location.reload();
    }
  };
})();
</script>
"""

OVERLAY_STYLE = """<style id="of-preview-style">
#of-preview-overlay { position: fixed; left: 1rem; right: 1rem; bottom: 1rem; z-index: 2147483647;
  max-height: 45vh; overflow: auto; padding: 0.8rem 1rem; border-radius: 6px; font: 13px/1.4
  ui-monospace, monospace; box-shadow: 0 2px 12px rgba(0,0,0,.35); }
#of-preview-overlay.of-problems { background: #fff0f0; color: #5a0000; border: 2px solid #b00020; }
#of-preview-overlay.of-warnings { background: #fffbe6; color: #4d3b00; border: 2px solid #b58900; }
#of-preview-overlay h2 { font: bold 14px/1.4 sans-serif; margin: 0 0 .4rem; }
#of-preview-overlay ul { margin: 0; padding-left: 1.2rem; }
#of-preview-overlay li { white-space: pre-wrap; }
</style>
"""

PLACEHOLDER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>openai-funding preview</title></head>
<body><h1>openai-funding preview</h1><p>%(status)s</p></body></html>
"""


@dataclass
class Shown:
    """What the open pages should show: a version that changes on every update, the problems
    that keep the page from updating (the last good report stays) and warnings."""

    version: int = 0
    status: str = "validating and rendering the report…"
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class State:
    """The shared state between the preview's loop and the server's threads."""

    def __init__(self, site: Path, package_root: Path) -> None:
        self.site = site
        self.package_root = package_root.resolve()
        self.stopping = threading.Event()
        self._changed = threading.Condition()
        self._shown = Shown()

    @property
    def shown(self) -> Shown:
        with self._changed:
            return self._shown

    def update(self, *, status: str, problems: list[str], warnings: list[str]) -> int:
        """Publish a new state; every open page reloads. Returns the new version."""
        with self._changed:
            version = self._shown.version + 1
            self._shown = Shown(version, status, list(problems), list(warnings))
            self._changed.notify_all()
            return version

    def wait_version(self, seen: int, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self._shown.version != seen, timeout=timeout)
            return self._shown.version

    def stop(self) -> None:
        self.stopping.set()
        with self._changed:
            self._changed.notify_all()


def overlay(shown: Shown) -> str:
    """The overlay naming each problem (or warning), HTML-escaped."""
    if shown.problems:
        kind, title = (
            "of-problems",
            "The report below is the last good one; the input has problems:",
        )
        lines = shown.problems + shown.warnings
    elif shown.warnings:
        kind, title = "of-warnings", "Warning (preview only: validate and build refuse this):"
        lines = shown.warnings
    else:
        return ""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return (
        f'<div id="of-preview-overlay" class="{kind}" role="alert"><h2>{html.escape(title)}</h2>'
        f"<ul>{items}</ul></div>\n"
    )


def served_page(page: str, shown: Shown) -> str:
    """``page`` with the overlay and the reload script added before ``</body>``."""
    extra = OVERLAY_STYLE + overlay(shown) + RELOAD % {"version": shown.version, "events": EVENTS}
    at = page.rfind("</body>")
    return page + extra if at < 0 else page[:at] + extra + page[at:]


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the preview's own lines say what happens."""

    def do_GET(self) -> None:
        state = self.server.state
        path = unquote(urlsplit(self.path).path)
        if path == EVENTS:
            self._events(state)
        elif path in ("/", "/index.html"):
            self._page(state)
        elif path in SITE_FILES:
            self._file(state.site / SITE_FILES[path])
        elif path == "/datapackage.json" or (path.startswith("/data/") and path.endswith(".csv")):
            target = (state.package_root / path.lstrip("/")).resolve()
            if target.is_relative_to(state.package_root):
                self._file(target)
            else:
                self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain")
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain")

    def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _page(self, state: State) -> None:
        shown = state.shown
        page_file = state.site / "index.html"
        try:
            page = page_file.read_text(encoding="utf-8")
        except OSError:
            page = PLACEHOLDER % {"status": html.escape(shown.status)}
        body = served_page(page, shown).encode("utf-8")
        self._send(HTTPStatus.OK, body, "text/html; charset=utf-8")

    def _file(self, path: Path) -> None:
        try:
            body = path.read_bytes()
        except OSError:
            self._send(HTTPStatus.NOT_FOUND, b"not there yet\n", "text/plain")
            return
        self._send(HTTPStatus.OK, body, TYPES.get(path.suffix, "application/octet-stream"))

    def _events(self, state: State) -> None:
        """Server-sent events: the current version now, then each new one; a comment line on
        every heartbeat, which ends the stream once the preview stops."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        seen = -1
        with contextlib.suppress(OSError):
            while not state.stopping.is_set():
                version = state.wait_version(seen, HEARTBEAT)
                if version != seen:
                    self.wfile.write(f"data: {version}\n\n".encode())
                    seen = version
                else:
                    self.wfile.write(b": alive\n\n")
                self.wfile.flush()


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, state: State, port: int) -> None:
        self.state = state
        super().__init__((HOST, port), Handler)


def start_server(state: State, port: int, *, tries: int = 20) -> PreviewServer:
    """Listen on 127.0.0.1:``port``, or the next free port when it is busy (``0``: any free
    port); serve in a background thread."""
    last: OSError | None = None
    for candidate in [port + k for k in range(tries)] if port else [0]:
        try:
            server = PreviewServer(state, candidate)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            last = exc
            continue
        threading.Thread(target=server.serve_forever, name="preview-server", daemon=True).start()
        return server
    raise OSError(errno.EADDRINUSE, f"no free port in {port}..{port + tries - 1}") from last


def stop_server(server: PreviewServer) -> None:
    """Stop serving, end the reload channels and close the socket."""
    server.state.stop()
    server.shutdown()
    server.server_close()
