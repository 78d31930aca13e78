"""A warm render of one document, for a preview: one Jupyter kernel kept from render to render.

:class:`WarmRender` starts the kernel once and re-executes only what it must:

- the cells, when their code changed or :meth:`WarmRender.invalidate` said that something they
  read (the data) changed; ``reset`` code runs first (e.g. to clear a cache of the data);
- otherwise only the inline expressions it has not evaluated yet (a changed sentence needs no
  cell), the cells' outputs are reused.

:meth:`WarmRender.restart` starts a fresh kernel (when the code the cells import changed).
Like the rest of the engine it imports nothing else of ours and prints nothing.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from openai_funding.render import offline
from openai_funding.render.api import RenderResult, discover, normalise_targets
from openai_funding.render.errors import InputError
from openai_funding.render.execute import (
    Executed,
    _run_plan,
    kernel_name,
    needs_kernel,
    start_kernel,
)
from openai_funding.render.preamble import PREAMBLE
from openai_funding.render.publish import publish, staging
from openai_funding.render.qmd import INLINE, Cell, Document, Markdown, parse


def _silent(_message: str) -> object:
    return None


class WarmRender:
    """Render the document (or one-document project) at ``path`` again and again, offline, with
    one kernel. ``env`` is added to the kernel's environment, ``metadata`` overrides the
    document's; call :meth:`close` to stop the kernel."""

    def __init__(
        self,
        path: str | Path,
        *,
        env: Mapping[str, str] | None = None,
        metadata: Mapping[str, str] | None = None,
        reset: str = "",
        log: Callable[[str], object] = _silent,
    ) -> None:
        self.path = Path(path)
        self.env = dict(env or {})
        self.metadata = dict(metadata or {})
        self.reset = reset
        self.log = log
        self._stack: contextlib.ExitStack | None = None
        self._client: Any = None
        self._kernel_log: Any = None
        self._cells: tuple[Any, ...] | None = None  # the cells whose run the kernel holds
        self._outputs: dict[int, list[dict[str, Any]]] = {}
        self._inline: dict[str, str] = {}
        #: What the last render did: ``"cells"`` (all cells ran), ``"inline"`` or ``"nothing"``.
        self.last_run = "nothing"

    def invalidate(self) -> None:
        """Something the cells read changed: the next render runs every cell again."""
        self._cells = None

    def restart(self) -> None:
        """Stop the kernel; the next render starts a fresh one."""
        self.close()

    @property
    def running(self) -> bool:
        return self._client is not None

    def close(self) -> None:
        """Stop the kernel and remove its sockets' folder."""
        stack, self._stack = self._stack, None
        self._client = None
        self._cells = None
        self._inline.clear()
        if stack is not None:
            stack.close()

    def warm(self) -> None:
        """Start the kernel now and run ``reset`` (its imports), while the caller waits on
        something else: the first render then finds them done."""
        import nbformat

        _base, files, root, config = discover(self.path)
        doc = parse(files[0], config, root)
        if self._client is None:
            self._start(doc)
        if self.reset:
            nb = nbformat.v4.new_notebook()
            nb.cells.append(nbformat.v4.new_code_cell(self.reset))
            self._client.nb = nb
            _run_plan(
                doc, self._client, nb, [("preamble", None)], Executed(), self._kernel_log, 0.0
            )

    def render(self, to: str | Iterable[str], output_dir: str | Path) -> RenderResult:
        """Render to ``output_dir/<name>.<format>``, atomically per file."""
        started = time.perf_counter()
        targets = normalise_targets(to)
        base, files, root, config = discover(self.path)
        if len(files) != 1:
            raise InputError(self.path, "a warm render takes one document")
        doc = parse(files[0], config, root)
        doc.metadata.update(self.metadata)
        rel = files[0].relative_to(base).with_suffix("")
        out_dir = Path(output_dir)
        executed = self.execute(doc)
        with staging(out_dir) as stage:
            staged, timings = offline.render_document(
                doc, targets, stage / "doc-0", self.env, self.log, executed=executed
            )
            written = publish({f: out_dir / rel.with_suffix(f".{t}") for t, f in staged.items()})
        timings = {**executed.timings, **timings, "total": time.perf_counter() - started}
        return RenderResult(tuple(written), "offline", timings)

    def execute(self, doc: Document) -> Executed:
        """What the cells and inline expressions of ``doc`` give, running only what must run."""
        import nbformat

        for c in doc.cells:
            if c.language != "python":
                raise InputError(
                    doc.path, f"cell {c.number} is `{{{c.language}}}`: only python runs"
                )
        result = Executed()
        self.last_run = "nothing"
        if not needs_kernel(doc):
            return result
        t0 = time.perf_counter()
        if self._client is None:
            self._start(doc)
        started = time.perf_counter() - t0
        cells = [c for c in doc.chunks if isinstance(c, Cell) and doc.cell_options(c)["eval"]]
        key = tuple((c.number, c.source, doc.cell_options(c)["error"]) for c in cells)
        plan: list[tuple[str, Any]] = []
        nb = nbformat.v4.new_notebook()
        if key != self._cells:
            self._cells, self._outputs = None, {}
            self._inline.clear()
            if self.reset:
                plan.append(("preamble", None))
                nb.cells.append(nbformat.v4.new_code_cell(self.reset))
            for cell in cells:
                nb_cell = nbformat.v4.new_code_cell(cell.source)
                if doc.cell_options(cell)["error"]:
                    nb_cell.metadata["tags"] = ["raises-exception"]
                nb.cells.append(nb_cell)
                plan.append(("cell", cell))
        wanted: dict[tuple[int, int], str] = {}
        for index, chunk in enumerate(doc.chunks):
            if isinstance(chunk, Markdown):
                for k, m in enumerate(INLINE.finditer(chunk.text)):
                    expr = m.group("expr")
                    wanted[(index, k)] = expr
                    if expr not in self._inline:
                        plan.append(("inline", (index, k, expr)))
                        nb.cells.append(
                            nbformat.v4.new_code_cell(f"__openai_funding_inline({expr})")
                        )
        self._client.nb = nb
        try:
            _run_plan(doc, self._client, nb, plan, result, self._kernel_log, time.perf_counter())
        except BaseException:
            self._cells = None  # the kernel's state is partial: run every cell next time
            if not self._alive():
                self.close()
            raise
        result.timings["kernel start"] = started
        if any(kind == "cell" for kind, _ in plan):
            self._outputs = dict(result.outputs)
            self.last_run = "cells"
        elif plan:
            self.last_run = "inline"
        self._cells = key
        result.outputs = dict(self._outputs)
        for (index, k), expr in wanted.items():
            if (index, k) in result.inline:
                self._inline[expr] = result.inline[(index, k)]
            result.inline[(index, k)] = self._inline[expr]
        return result

    def _alive(self) -> bool:
        km = getattr(self._client, "km", None)
        try:
            return bool(km is not None and km.is_alive())
        except (RuntimeError, OSError):  # a kernel that cannot answer is as good as dead
            return False

    def _start(self, doc: Document) -> None:
        """Start the kernel in the document's folder (Unix sockets, no port) and run the
        preamble."""
        import nbformat

        stack = contextlib.ExitStack()
        try:
            self._kernel_log = stack.enter_context(tempfile.TemporaryFile())  # noqa: SIM115
            nb = nbformat.v4.new_notebook()
            nb.cells.append(nbformat.v4.new_code_cell(PREAMBLE))
            env = {**os.environ, **self.env}
            client = start_kernel(stack, doc, nb, env, self._kernel_log)
            _run_plan(doc, client, nb, [("preamble", None)], Executed(), self._kernel_log, 0.0)
        except BaseException:
            stack.close()
            raise
        self._stack, self._client = stack, client
        self.log(f"started kernel {kernel_name(doc)} for {doc.path.name}")
