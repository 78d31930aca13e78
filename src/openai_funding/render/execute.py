"""Run a document's cells in one Jupyter kernel with nbclient, stopping at the first error."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openai_funding.render.errors import InputError, RenderError
from openai_funding.render.preamble import INLINE_MIME, PREAMBLE
from openai_funding.render.qmd import INLINE, Cell, Document, Markdown

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


@dataclass
class Executed:
    """What the kernel produced: outputs per cell number, inline values per expression."""

    outputs: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    inline: dict[tuple[int, int], str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)


def kernel_name(doc: Document) -> str:
    spec = doc.metadata.get("jupyter", "python3")
    if isinstance(spec, dict):
        spec = (spec.get("kernelspec") or {}).get("name", "python3")
    return str(spec)


def needs_kernel(doc: Document) -> bool:
    """Whether anything must run: an evaluated cell or an inline expression."""
    if any(doc.cell_options(c)["eval"] for c in doc.cells):
        return True
    return any(isinstance(c, Markdown) and INLINE.search(c.text) for c in doc.chunks)


def execute(
    doc: Document,
    env: Mapping[str, str] | None = None,
    log: Callable[[str], object] = print,
) -> Executed:
    """Execute ``doc`` in one kernel started in the document's folder.

    Raises :class:`RenderError` naming the failing cell (or inline expression) at the first
    error, unless the cell has ``error: true``.
    """
    result = Executed()
    for c in doc.cells:
        if c.language != "python":
            raise InputError(doc.path, f"cell {c.number} is `{{{c.language}}}`: only python runs")
    if not needs_kernel(doc):
        return result

    nb, plan = notebook(doc, PREAMBLE)
    kernel_env = {**os.environ, **(env or {})}
    t0 = time.perf_counter()
    with contextlib.ExitStack() as stack:
        kernel_log = stack.enter_context(tempfile.TemporaryFile())
        client = start_kernel(stack, doc, nb, kernel_env, kernel_log)
        _run_plan(doc, client, nb, plan, result, kernel_log, t0)
    log(f"executed {len(doc.cells)} cell(s) of {doc.path.name} with kernel {kernel_name(doc)}")
    return result


def notebook(doc: Document, first: str) -> tuple[Any, list[tuple[str, Any]]]:
    """The notebook that runs ``doc``: ``first`` (the preamble), its evaluated cells, then its
    inline expressions; and what each notebook cell stands for."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    plan: list[tuple[str, Any]] = []
    nb.cells.append(nbformat.v4.new_code_cell(first))
    plan.append(("preamble", None))
    for chunk in doc.chunks:
        if isinstance(chunk, Markdown):
            continue
        opts = doc.cell_options(chunk)
        if not opts["eval"]:
            continue
        nb_cell = nbformat.v4.new_code_cell(chunk.source)
        if opts["error"]:
            nb_cell.metadata["tags"] = ["raises-exception"]
        nb.cells.append(nb_cell)
        plan.append(("cell", chunk))
    # Inline expressions are evaluated after the last cell, in the kernel's final state.
    for index, chunk in enumerate(doc.chunks):
        if isinstance(chunk, Markdown):
            for k, m in enumerate(INLINE.finditer(chunk.text)):
                expr = m.group("expr")
                nb.cells.append(nbformat.v4.new_code_cell(f"__openai_funding_inline({expr})"))
                plan.append(("inline", (index, k, expr)))
    return nb, plan


def _switch(folder: Path) -> str:
    """Kernel code that readies a used kernel for the next document: an empty namespace
    (IPython's ``%reset -f``), the document's folder as working folder, then the preamble."""
    return (
        'get_ipython().run_line_magic("reset", "-f")\n'
        f"__import__('os').chdir({str(folder)!r})\n{PREAMBLE}"
    )


def execute_project(
    docs: list[Document],
    env: Mapping[str, str] | None = None,
    log: Callable[[str], object] = print,
) -> Iterator[tuple[Document, Executed]]:
    """Execute the documents of a project one after another in one kernel, yielding each with
    what it gave as soon as its last cell ran (the caller turns it into pages meanwhile).

    Each document starts from an empty namespace in its own folder, with the preamble run
    again: only what Python caches itself (imported modules, and what they cache) is shared,
    so the second document does not pay for starting a kernel and importing the libraries
    again. Documents that need no kernel, or ask for another kernel than the first, run as
    :func:`execute` runs them.
    """
    shared = [d for d in docs if _runs_python(d) and kernel_name(d) == kernel_name(docs[0])]
    kernel_env = {**os.environ, **(env or {})}
    with contextlib.ExitStack() as stack:
        client: Any = None
        kernel_log: Any = None
        for doc in docs:
            if doc not in shared:
                yield doc, execute(doc, env=env, log=log)
                continue
            t0 = time.perf_counter()
            result = Executed()
            if client is None:
                nb, plan = notebook(doc, PREAMBLE)
                kernel_log = stack.enter_context(tempfile.TemporaryFile())
                client = start_kernel(stack, doc, nb, kernel_env, kernel_log)
            else:
                nb, plan = notebook(doc, _switch(doc.execute_dir().resolve()))
                client.nb = nb
            _run_plan(doc, client, nb, plan, result, kernel_log, t0)
            log(
                f"executed {len(doc.cells)} cell(s) of {doc.path.name} with kernel {kernel_name(doc)}"
            )
            yield doc, result


def _runs_python(doc: Document) -> bool:
    """Whether ``doc`` needs a kernel; raises :class:`InputError` for a cell that is not
    python, as :func:`execute` does."""
    for c in doc.cells:
        if c.language != "python":
            raise InputError(doc.path, f"cell {c.number} is `{{{c.language}}}`: only python runs")
    return needs_kernel(doc)


def start_kernel(
    stack: contextlib.ExitStack[Any],
    doc: Document,
    nb: Any,
    env: Mapping[str, str],
    kernel_log: Any,
) -> Any:
    """A notebook client on ``nb`` whose kernel runs in the document's folder, kept alive by
    ``stack``. The kernel talks over Unix sockets in a private temporary folder, not TCP: no port
    is opened, and rendering works where the network (even loopback) is down. The kernel's own
    log goes to ``kernel_log``, shown if the kernel dies."""
    from jupyter_client.kernelspec import NoSuchKernel
    from nbclient import NotebookClient
    from traitlets.config import Config

    sockets = stack.enter_context(tempfile.TemporaryDirectory(prefix="of-kernel-"))
    cwd = str(doc.execute_dir())
    ipc = Config({"KernelManager": {"transport": "ipc", "ip": str(Path(sockets) / "k")}})
    client = NotebookClient(
        nb,
        config=ipc,
        kernel_name=kernel_name(doc),
        timeout=None,
        allow_errors=False,
        resources={"metadata": {"path": cwd}},
    )
    try:
        stack.enter_context(client.setup_kernel(env=dict(env), cwd=cwd, stderr=kernel_log))
    except NoSuchKernel:
        raise InputError(
            doc.path,
            f"no Jupyter kernel named {kernel_name(doc)!r}: the python3 kernel comes with "
            "the ipykernel package (`pip install ipykernel`, or `nox` installs it)",
        ) from None
    return client


def _run_plan(
    doc: Document,
    client: Any,
    nb: Any,
    plan: list[tuple[str, Any]],
    result: Executed,
    kernel_log: Any,
    t0: float,
) -> None:
    """Execute the notebook cells of ``plan`` in order, stopping at the first error."""
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    result.timings["kernel start"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    for i, (kind, what) in enumerate(plan):
        try:
            client.execute_cell(nb.cells[i], i)
        except CellExecutionError as exc:
            raise _cell_error(doc, kind, what, exc) from None
        except DeadKernelError:
            kernel_log.seek(0)
            tail = kernel_log.read().decode(errors="replace").strip().splitlines()[-5:]
            raise _cell_error(
                doc, kind, what, "the kernel died" + "".join(f"; {t}" for t in tail)
            ) from None
        if kind == "cell":
            result.outputs[what.number] = list(nb.cells[i].outputs)
        elif kind == "inline":
            index, k, _expr = what
            result.inline[(index, k)] = _inline_text(nb.cells[i].outputs)
    result.timings["execute"] = time.perf_counter() - t1


def _inline_text(outputs: list[dict[str, Any]]) -> str:
    for out in outputs:
        data = out.get("data") or {}
        if INLINE_MIME in data:
            return str(data[INLINE_MIME])
    return ""


def _cell_error(doc: Document, kind: str, what: Any, exc: Any) -> RenderError:
    if isinstance(exc, str):
        text = exc
    elif getattr(exc, "ename", None):
        text = f"{exc.ename}: {exc.evalue}"
    else:
        text = strip_ansi(str(exc))
    if kind == "cell":
        cell: Cell = what
        return RenderError(doc.path, text, cell=cell.number, first_line=cell.first_line)
    if kind == "inline":
        return RenderError(doc.path, text, first_line=f"{{python}} {what[2]}")
    return RenderError(doc.path, text, stage="kernel preamble")
