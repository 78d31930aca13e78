"""Read a ``.qmd`` file: front matter, markdown chunks, ``{python}`` cells and their ``#|`` options.

Quarto's own split (``src/core/break-quarto-md.ts``) is mirrored: an executable cell is a fenced
block whose info string is ``{language ...}``; any other fenced block (```` ```python ````,
```` ```{=html} ````) is plain markdown and is not looked into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from openai_funding.render.errors import InputError

_OPEN_CELL = re.compile(r"^(?P<fence>`{3,})\s*\{(?P<lang>[A-Za-z][\w-]*)(?P<rest>[^}]*)\}\s*$")
_OPEN_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})")
_OPTION = re.compile(r"^#\|\s?(?P<yaml>.*)$")
INLINE = re.compile(r"`\{python\}\s+(?P<expr>[^`]+?)\s*`")

#: The execution options a cell can set, with Quarto's defaults for the jupyter engine.
EXECUTE_DEFAULTS: dict[str, Any] = {
    "echo": True,
    "eval": True,
    "output": True,
    "include": True,
    "warning": True,
    "error": False,
}


@dataclass(frozen=True)
class Markdown:
    """A stretch of markdown between code cells."""

    text: str
    line: int


@dataclass(frozen=True)
class Cell:
    """One ``{python}`` code cell."""

    number: int
    source: str
    options: dict[str, Any]
    line: int
    language: str = "python"

    @property
    def first_line(self) -> str:
        """The first non-blank line of code (the ``#|`` option lines are not code)."""
        for text in self.source.splitlines():
            if text.strip():
                return text.strip()
        return ""


@dataclass
class Document:
    """A parsed ``.qmd``: merged metadata and its chunks in order."""

    path: Path
    metadata: dict[str, Any]
    chunks: list[Markdown | Cell] = field(default_factory=list)
    project_root: Path | None = None

    @property
    def cells(self) -> list[Cell]:
        return [c for c in self.chunks if isinstance(c, Cell)]

    @property
    def name(self) -> str:
        return self.path.stem

    def execute_dir(self) -> Path:
        """Where the kernel runs: the document's folder, or the project root when
        ``project: execute-dir: project`` says so (Quarto's two choices)."""
        project = self.metadata.get("project")
        choice = project.get("execute-dir", "file") if isinstance(project, dict) else "file"
        if choice not in ("file", "project"):
            raise InputError(self.path, f"execute-dir must be file or project, not {choice!r}")
        if choice == "project" and self.project_root is not None:
            return self.project_root
        return self.path.parent

    def execute_options(self) -> dict[str, Any]:
        """Document-level execution options: Quarto's defaults under ``execute:``."""
        given = self.metadata.get("execute") or {}
        if not isinstance(given, dict):
            raise InputError(self.path, "`execute` must be a mapping of options")
        return {**EXECUTE_DEFAULTS, **{k: v for k, v in given.items() if k in EXECUTE_DEFAULTS}}

    def cell_options(self, cell: Cell) -> dict[str, Any]:
        """A cell's effective options: document options overridden by its ``#|`` lines."""
        return {**self.execute_options(), **cell.options}


def deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Merge ``over`` into a copy of ``base``, mappings recursively (Quarto's metadata merge)."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def _resolved(entries: Any, folder: Path) -> Any:
    """``filters:`` entries with each Lua file's path made absolute from ``folder``."""
    if not isinstance(entries, list):
        entries = [entries]
    out: list[Any] = []
    for entry in entries:
        path = entry.get("path") if isinstance(entry, dict) else entry
        if isinstance(path, str) and path.endswith(".lua"):
            absolute = (folder / path).resolve().as_posix()
            entry = {**entry, "path": absolute} if isinstance(entry, dict) else absolute
        out.append(entry)
    return out


def resolve_filters(config: dict[str, Any], folder: Path) -> dict[str, Any]:
    """A copy of ``config`` whose ``filters:`` (at the top and under each ``format:``) name Lua
    files by absolute path, read from ``folder``: Quarto reads the paths in ``_quarto.yml`` from
    the project root and those in a document's front matter from the document's folder."""
    out = dict(config)
    if out.get("filters"):
        out["filters"] = _resolved(out["filters"], folder)
    if isinstance(out.get("format"), dict):
        out["format"] = {
            name: {**fmt, "filters": _resolved(fmt["filters"], folder)}
            if isinstance(fmt, dict) and fmt.get("filters")
            else fmt
            for name, fmt in out["format"].items()
        }
    return out


def merge_config(
    project: dict[str, Any], project_root: Path | None, front: dict[str, Any], path: Path
) -> dict[str, Any]:
    """The document's metadata: the front matter merged over ``_quarto.yml`` (from
    ``project_root``), filter paths made absolute, and the top-level ``filters:`` of both run
    (the project's first, each once), as Quarto concatenates lists when it merges."""
    base = resolve_filters(project, project_root) if project_root is not None else project
    own = resolve_filters(front, path.parent)
    merged = deep_merge(base, own)
    if base.get("filters") and own.get("filters"):
        both = [*base["filters"], *own["filters"]]
        merged["filters"] = [f for i, f in enumerate(both) if f not in both[:i]]
    return merged


def load_yaml(text: str, where: Path, what: str) -> dict[str, Any]:
    """Parse a YAML mapping, turning a syntax error into an :class:`InputError`."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(where, f"bad YAML in {what}: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(where, f"{what} must be a YAML mapping, not {type(data).__name__}")
    return data


def find_project(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding ``_quarto.yml`` (Quarto's project root)."""
    for folder in [start, *start.parents]:
        if (folder / "_quarto.yml").is_file():
            return folder
    return None


def project_config(root: Path | None) -> dict[str, Any]:
    if root is None:
        return {}
    path = root / "_quarto.yml"
    return load_yaml(path.read_text(encoding="utf-8"), path, "_quarto.yml")


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str, int]:
    """Return the front matter, the body and the body's first line number (1-based)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return {}, text, 1
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            meta = load_yaml("".join(lines[1:i]), path, "the front matter")
            return meta, "".join(lines[i + 1 :]), i + 2
    raise InputError(path, "the front matter starting on line 1 is never closed with `---`")


def _cell_options(lines: list[str], path: Path, line: int) -> tuple[dict[str, Any], list[str]]:
    options: list[str] = []
    i = 0
    while i < len(lines) and (m := _OPTION.match(lines[i])):
        options.append(m.group("yaml"))
        i += 1
    parsed = load_yaml("\n".join(options), path, f"the `#|` options of the cell on line {line}")
    return parsed, lines[i:]


def parse(
    path: Path, project: dict[str, Any] | None = None, project_root: Path | None = None
) -> Document:
    """Parse ``path``; ``project`` is the ``_quarto.yml`` mapping (found in ``project_root``)
    merged under the front matter."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text: {exc}") from None
    front, body, first = split_front_matter(text, path)
    metadata = merge_config(project or {}, project_root, front, path)
    doc = Document(path=path, metadata=metadata, project_root=project_root)
    doc.execute_options()  # validate early
    doc.execute_dir()
    lines = body.splitlines()
    md: list[str] = []
    md_start = first
    number = 0
    i = 0
    while i < len(lines):
        text_line = lines[i]
        if m := _OPEN_CELL.match(text_line):
            fence = m.group("fence")
            start = i
            i += 1
            code: list[str] = []
            while i < len(lines) and not (
                lines[i].startswith(fence) and lines[i].strip() == "`" * len(lines[i].strip())
            ):
                code.append(lines[i])
                i += 1
            if i >= len(lines):
                raise InputError(path, f"the cell on line {first + start} is never closed")
            if md:
                doc.chunks.append(Markdown("\n".join(md) + "\n", md_start))
                md = []
            number += 1
            options, code = _cell_options(code, path, first + start)
            doc.chunks.append(
                Cell(number, "\n".join(code), options, first + start, m.group("lang").lower())
            )
            i += 1
            md_start = first + i
            continue
        if m := _OPEN_FENCE.match(text_line):
            fence = m.group("fence")
            md.append(text_line)
            i += 1
            while i < len(lines):
                md.append(lines[i])
                stripped = lines[i].strip()
                i += 1
                if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                    break
            continue
        md.append(text_line)
        i += 1
    if md:
        doc.chunks.append(Markdown("\n".join(md) + "\n", md_start))
    return doc
