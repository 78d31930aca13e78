"""``render()``: find the documents, pick the engine, render, publish atomically."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from openai_funding.render import offline, quarto
from openai_funding.render.engines import ENGINES, TARGETS
from openai_funding.render.errors import InputError
from openai_funding.render.execute import execute_project
from openai_funding.render.publish import interrupts_held, publish, staging
from openai_funding.render.qmd import Document, find_project, parse, project_config


@dataclass(frozen=True)
class RenderResult:
    """The files written (in order), the engine that wrote them and the time of each stage."""

    files: tuple[Path, ...]
    engine: str
    timings: dict[str, float] = field(default_factory=dict)


def normalise_targets(to: str | Iterable[str]) -> tuple[str, ...]:
    wanted = [to] if isinstance(to, str) else list(to)
    if "all" in wanted:
        wanted = list(TARGETS)
    bad = [t for t in wanted if t not in TARGETS]
    if bad or not wanted:
        raise InputError(Path("--to"), f"unknown format {bad or wanted}: use html, pdf or all")
    return tuple(t for t in TARGETS if t in wanted)


def choose_engine(engine: str) -> str:
    if engine not in ENGINES:
        raise InputError(Path("--engine"), f"unknown engine {engine!r}: use {', '.join(ENGINES)}")
    if engine == "auto":
        return "quarto" if shutil.which("quarto") else "offline"
    if engine == "quarto" and not shutil.which("quarto"):
        raise InputError(
            Path("quarto"),
            "--engine quarto, but no `quarto` on PATH: install Quarto (quarto.org), "
            "or use --engine offline, which needs no download",
        )
    return engine


def _project_files(root: Path, config: dict[str, object]) -> list[Path]:
    project = config.get("project") if isinstance(config.get("project"), dict) else {}
    listed = project.get("render") if isinstance(project, dict) else None
    if listed:
        found: list[Path] = []
        for entry in listed:  # type: ignore[union-attr]
            matches = sorted(root.glob(str(entry))) if any(c in str(entry) for c in "*?[") else []
            found += matches or [root / str(entry)]
        return found
    found = []
    for path in sorted(root.rglob("*.qmd")):
        rel = path.relative_to(root).parts
        if not any(part.startswith(("_", ".")) for part in rel):
            found.append(path)
    return found


def discover(path: Path) -> tuple[Path, list[Path], Path | None, dict[str, object]]:
    """Return (base folder, documents, project root, project config) for a file or a project."""
    if path.is_dir():
        if not (path / "_quarto.yml").is_file():
            raise InputError(path, "a folder to render must hold a _quarto.yml")
        config = project_config(path)
        docs = _project_files(path, config)
        if not docs:
            raise InputError(path, "the project has no .qmd documents")
        return path, docs, path, config
    if not path.is_file():
        raise InputError(path, "no such file")
    if path.suffix != ".qmd":
        raise InputError(path, "not a .qmd file")
    root = find_project(path.parent)
    return path.parent, [path], root, project_config(root)


def default_output_dir(base: Path, root: Path | None, config: dict[str, object]) -> Path:
    project = config.get("project")
    if root is not None and isinstance(project, dict) and project.get("output-dir"):
        return root / str(project["output-dir"])
    return base


def render(
    path: str | Path,
    *,
    to: str | Iterable[str] = TARGETS,
    engine: str = "auto",
    output_dir: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    metadata: Mapping[str, str] | None = None,
    log: Callable[[str], object] = print,
) -> RenderResult:
    """Render a ``.qmd`` file or a Quarto project folder to ``DIR/<name>.html`` and ``.pdf``.

    ``engine`` is ``"quarto"``, ``"offline"`` or ``"auto"`` (Quarto when on PATH). ``env`` is
    added to the kernel's environment; ``metadata`` overrides document metadata (Quarto's
    ``--metadata KEY:VALUE``), e.g. a ``date`` that comes from the data. Nothing is written unless every document renders.
    Raises :class:`InputError` for unusable input and :class:`RenderError` for a failed render.
    """
    started = time.perf_counter()
    path = Path(path)
    targets = normalise_targets(to)
    used = choose_engine(engine)
    base, files, root, config = discover(path)
    out_dir = Path(output_dir) if output_dir is not None else default_output_dir(base, root, config)
    rels = [f.relative_to(base).with_suffix("") for f in files]
    if used == "quarto":
        result_files, timings = quarto.render_with_quarto(
            path, files, rels, targets, out_dir, env=env, metadata=metadata, log=log, root=root
        )
        timings["total"] = time.perf_counter() - started
        return RenderResult(tuple(result_files), used, timings)

    docs: list[Document] = [parse(f, config, root) for f in files]
    for doc in docs:
        doc.metadata.update(metadata or {})
    timings: dict[str, float] = {}
    with staging(out_dir) as stage, ThreadPoolExecutor(max_workers=2) as pages:
        # One kernel runs the documents in turn; each document's pages are made (pandoc,
        # typst) in a thread as soon as its cells ran, while the kernel runs the next one.
        made: list[tuple[Future[tuple[dict[str, Path], dict[str, float]]], Path]] = []
        try:
            for i, (doc, executed) in enumerate(execute_project(docs, env, log)):
                stage_i = stage / f"doc-{i}"
                with interrupts_held():  # so the pool knows of every thread it started
                    job = pages.submit(
                        offline.render_document, doc, targets, stage_i, env, log, executed=executed
                    )
                made.append((job, rels[i]))
        except BaseException:
            for job, _rel in made:
                job.cancel()
            raise
        moves: dict[Path, Path] = {}
        for job, rel in made:
            staged, doc_times = job.result()
            for key, value in doc_times.items():
                timings[key] = timings.get(key, 0.0) + value
            for target, file in staged.items():
                moves[file] = out_dir / rel.with_suffix(f".{target}")
        written = publish(moves)
    timings["total"] = time.perf_counter() - started
    return RenderResult(tuple(written), used, timings)
