"""``openai-funding preview``: serve the report on loopback, and validate and render it again
whenever its inputs change.

Two long-lived workers do the work, so each edit costs only what it affects: a validation
worker (``validator.py``: Great Expectations imported once) and a warm Jupyter kernel
(``render.session.WarmRender``, started once). A change of

- ``data/`` or ``datapackage.json``: validates, then runs the report's cells again;
- ``validation/``: validates, then runs the cells again (the data-quality section);
- a ``.qmd`` of ``report/``: renders again; the cells run only if their code changed, else only
  the inline expressions that are new (a changed sentence runs nothing);
- another file of ``report/`` (``report.yml``, read by the cells): runs the cells again;
- the package's own code: restarts both workers, then all of the above.

The HTML is rendered and served first, the PDF afterwards (skipped while more changes wait).
Invalid input never replaces the page: the last good report stays, under an overlay naming each
problem as ``validate`` does; a stale hash is a warning here only. Everything lives in one
temporary folder, removed on exit; ``_site/`` is never written. One edition is previewed at a
time (``edition``: ``en``, ``report/index.qmd``, by default; ``fr``, ``report/fr/index.qmd``);
``build`` publishes both. Nothing here prints: ``log`` and ``ready`` are the command line's.
"""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from openai_funding.build.dates import build_epoch
from openai_funding.build.input_hash import PACKAGE_DIR
from openai_funding.build.swap import terminate_as_interrupt
from openai_funding.preview.server import HOST, State, start_server, stop_server
from openai_funding.preview.validator import Validator, WorkerError

if TYPE_CHECKING:  # pragma: no cover
    from openai_funding.package.descriptor import Package
    from openai_funding.render.api import RenderResult
    from openai_funding.render.session import WarmRender

Log = Callable[[str], None]

#: Clears the report's cache of the data in the kernel before its cells run again.
RESET = "from openai_funding.content.data import clear_cache\nclear_cache()"
#: What a change can affect, by where it is: the package's code, the data, the rules, a
#: ``.qmd`` of the report, or another file of ``report/`` that the cells read (``report.yml``).
CODE, DATA, RULES, REPORT, SETTINGS = "code", "data", "rules", "report", "settings"
#: The document of each edition the preview can render and serve, under ``report/``.
EDITIONS = {"en": "index.qmd", "fr": "fr/index.qmd"}
#: The first round: the workers are fresh, so no code change to restart them for.
FIRST = frozenset({DATA, RULES, REPORT})


def classify(paths: Iterable[Path], root: Path) -> set[str]:
    """What the changed ``paths`` can affect."""
    kinds = set()
    for path in paths:
        if path.is_relative_to(PACKAGE_DIR):
            kinds.add(CODE)
        elif path == root / "datapackage.json" or path.is_relative_to(root / "data"):
            kinds.add(DATA)
        elif path.is_relative_to(root / "validation"):
            kinds.add(RULES)
        elif path.is_relative_to(root / "report"):
            kinds.add(REPORT if path.suffix == ".qmd" else SETTINGS)
    return kinds


def watched(root: Path) -> list[Path]:
    """The inputs of the report: the data, the rules, the report and the package's code."""
    paths = [root / "data", root / "datapackage.json", root / "validation", root / "report"]
    return [p for p in paths if p.exists()] + [PACKAGE_DIR]


def _watch(root: Path, changes: queue.Queue[set[str]], stop: threading.Event) -> None:
    from watchfiles import DefaultFilter, watch

    for batch in watch(
        *watched(root),
        watch_filter=DefaultFilter(),
        debounce=400,
        step=30,
        stop_event=stop,
        rust_timeout=500,
        yield_on_timeout=False,
        raise_interrupt=False,
    ):
        kinds = classify((Path(p).resolve() for _change, p in batch), root)
        if kinds:
            changes.put(kinds)


def _silent(_message: str) -> None:
    """The default log: the command line passes one that prints."""


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


@dataclass
class Preview:
    """One preview of the package at ``root``; :meth:`run` serves until interrupted."""

    root: Path
    port: int = 8000
    log: Log = _silent
    ready: Callable[[str], None] = _silent
    #: The edition served (a key of :data:`EDITIONS`).
    edition: str = "en"
    #: The problems that keep the page from updating, and the warnings, of the last validation.
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def run(self) -> None:
        """Serve until Ctrl-C or SIGTERM, then stop the workers, the server and the watcher and
        remove the temporary folder."""
        from openai_funding.package.descriptor import read_package
        from openai_funding.render.session import WarmRender

        root = self.root.resolve()
        descriptor = root / "datapackage.json"
        work = Path(tempfile.mkdtemp(prefix="openai-funding-preview-"))
        site = work / "site"
        site.mkdir()
        changes: queue.Queue[set[str]] = queue.Queue()
        state = State(site, root)
        validator = Validator()
        watcher: threading.Thread | None = None
        server = None
        env = {
            "OPENAI_FUNDING_PACKAGE": str(descriptor),
            # the report the cells read: the last validation of valid data (see update)
            "OPENAI_FUNDING_VALIDATION": str(work / "validation.json"),
        }
        document = root / "report" / EDITIONS[self.edition]
        renderer = WarmRender(document, env=env, reset=RESET, log=self.log)
        try:
            with terminate_as_interrupt():
                validator.start()  # Great Expectations imports while the server starts
                server = start_server(state, self.port)
                self.ready(f"http://{HOST}:{server.server_address[1]}/")
                watcher = threading.Thread(
                    target=_watch, args=(root, changes, state.stopping), daemon=True
                )
                watcher.start()
                self.settle(renderer, read_package)
                pending: set[str] = set(FIRST)
                while True:
                    while True:  # take every change that waits, at once
                        try:
                            pending |= changes.get_nowait()
                        except queue.Empty:
                            break
                    if not pending:
                        with contextlib.suppress(queue.Empty):
                            pending = changes.get(timeout=0.5)
                        continue
                    kinds, pending = pending, set()
                    if self.update(kinds, renderer, validator, state, work) and changes.empty():
                        self.pdf(renderer, state, work)
        except KeyboardInterrupt:
            self.log("stopping the preview")
        finally:
            if server is not None:
                stop_server(server)
            state.stop()
            if watcher is not None:
                watcher.join(timeout=10)
            renderer.close()
            validator.close()
            shutil.rmtree(work, ignore_errors=True)

    def settle(self, renderer: WarmRender, read_package: Callable[[Path], Package]) -> None:
        """The build date and the title block's date, as ``build`` sets them (read once)."""
        from openai_funding.package.problems import UnusableInputError

        root = self.root.resolve()
        try:
            package = read_package(root / "datapackage.json")
        except UnusableInputError:  # shown by the first validation
            return
        epoch = build_epoch(root, package)
        renderer.env["SOURCE_DATE_EPOCH"] = epoch
        os.environ["SOURCE_DATE_EPOCH"] = epoch  # the engine's clock in this process (the PDF)
        if package.as_of is not None:
            renderer.metadata["date"] = package.as_of.isoformat()

    def update(
        self,
        kinds: set[str],
        renderer: WarmRender,
        validator: Validator,
        state: State,
        work: Path,
    ) -> bool:
        """Validate (if the change can affect the data's validity) and render the HTML; show it,
        or the problems over the last good page. Returns whether a new page is served."""
        from openai_funding.render import RenderError

        root = self.root.resolve()
        self.log(f"changed: {', '.join(sorted(kinds))}")
        if CODE in kinds:
            validator.close()
            renderer.restart()
        if SETTINGS in kinds:
            renderer.invalidate()
        checked, used = work / "checked.json", work / "validation.json"
        early: RenderResult | Exception | None = None
        if kinds & {CODE, DATA, RULES}:
            started = time.perf_counter()
            try:
                validator.send(root / "datapackage.json", checked)
            except WorkerError as exc:
                return self._show(state, [str(exc)])
            renderer.invalidate()
            if used.is_file() and not self.problems:
                # While the worker validates (another process, another core), run the cells on
                # the data as they are now; kept only if the data prove valid and the report the
                # cells read (the data-quality section) is unchanged.
                try:
                    early = renderer.render("html", work / "out")
                except (RenderError, OSError) as exc:
                    early = exc
            elif not renderer.running:
                with contextlib.suppress(RenderError, OSError):  # the render will say it again
                    renderer.warm()
            try:
                outcome = validator.receive()
            except WorkerError as exc:
                return self._show(state, [str(exc)])
            self.log(f"validated in {time.perf_counter() - started:.2f} s")
            stale = [
                f"{file}: the hash and size recorded in datapackage.json are stale (preview only: "
                "`openai-funding hash` refreshes them; validate and build refuse them)"
                for file in outcome.stale
            ]
            if outcome.report is None:
                self.problems, self.warnings = [outcome.error or "unusable input"], []
            else:
                self.problems, self.warnings = outcome.report.problem_lines(), stale
            if not self.problems and not _same_bytes(checked, used):
                shutil.copyfile(checked, used)
                renderer.invalidate()
                early = None
        if self.problems:
            return self._show(state, self.problems)
        if isinstance(early, Exception):
            return self._show(state, [str(early)])
        if early is None:
            try:
                early = renderer.render("html", work / "out")
            except (RenderError, OSError) as exc:
                return self._show(state, [str(exc)])
        (work / "out" / "index.html").replace(state.site / "index.html")
        shutil.copyfile(used, state.site / "validation.json")
        state.update(status="up to date", problems=[], warnings=self.warnings)
        stages = ", ".join(f"{k} {v:.2f} s" for k, v in early.timings.items())
        self.log(f"served the new page ({stages})")
        return True

    def pdf(self, renderer: WarmRender, state: State, work: Path) -> None:
        """Render the PDF from the same run of the cells; a failure is logged, not shown."""
        from openai_funding.render import RenderError

        try:
            renderer.render("pdf", work / "out")
        except (RenderError, OSError) as exc:
            self.log(f"the PDF failed: {exc}")
            return
        (work / "out" / "index.pdf").replace(state.site / "openai-funding.pdf")
        self.log("rendered the PDF")

    def _show(self, state: State, problems: list[str]) -> bool:
        for line in problems:
            self.log(f"problem: {line}")
        state.update(status="the input has problems", problems=problems, warnings=self.warnings)
        return False
