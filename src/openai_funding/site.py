"""``openai-funding build``: validate, render the report, and publish ``_site/`` atomically.

``_site/`` holds ``index.html`` (self-contained), ``openai-funding.pdf``, ``datapackage.json``
with ``data/*.csv`` and ``validation.json``. The build

- refuses to publish from invalid data, and says why (exit 1);
- skips everything when no input changed (content hashes of the data, the report sources, the
  package's code and the locked versions, and the build date);
- stages the new site in ``.build/`` and swaps it with the old one in one ``rename``: a failed or
  interrupted build leaves the last good ``_site/`` in place, and the next build clears its
  leftovers;
- takes a lock, so a second build started meanwhile waits for the first;
- gives the same bytes for the same inputs: the build date is the last commit's date (or
  ``SOURCE_DATE_EPOCH`` when set), never the clock.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from openai_funding.descriptor import as_of, read_descriptor
from openai_funding.hashing import file_digest, write_json_atomic
from openai_funding.inputs import content_hash, files_under, validation_inputs
from openai_funding.problems import UnusableInputError

SITE_FILES = ("index.html", "openai-funding.pdf", "datapackage.json", "validation.json")
Log = Callable[[str], None]


class BuildError(Exception):
    """The build cannot publish; the message says why. ``code`` is the exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def build_epoch(root: Path) -> str:
    """``SOURCE_DATE_EPOCH`` if set, else the date of the last commit, else the package's
    ``created`` date: never the clock, so two builds of one commit match."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return os.environ["SOURCE_DATE_EPOCH"]
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        done = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        if done.returncode == 0 and done.stdout.strip().isdigit():
            return done.stdout.strip()
    from datetime import datetime

    created = read_descriptor(root / "datapackage.json").get("created", "1970-01-01T00:00:00Z")
    return str(int(datetime.fromisoformat(created).timestamp()))


def site_inputs(root: Path, engine: str, epoch: str) -> str:
    """Content hash of everything the published site depends on."""
    descriptor = root / "datapackage.json"
    files = [*validation_inputs(descriptor), *files_under(root / "report")]
    for extra in ("pyproject.toml", "requirements/lock.txt"):
        if (root / extra).is_file():
            files.append(root / extra)
    return content_hash(files, root, extra=[f"engine={engine}", f"epoch={epoch}"])


@contextlib.contextmanager
def build_lock(work: Path, log: Log) -> Iterator[None]:
    """Hold ``.build/lock``; a second build waits for the first, saying so."""
    work.mkdir(parents=True, exist_ok=True)
    with (work / "lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log("another build is running in this folder: waiting for it to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Turn SIGTERM into KeyboardInterrupt, so a killed build still cleans up after itself."""

    def handler(signum: int, frame: Any) -> None:  # noqa: ARG001
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def clear_leftovers(work: Path) -> None:
    """Remove the staging folders an interrupted build left behind."""
    for stale in work.glob("stage-*"):
        shutil.rmtree(stale, ignore_errors=True)


def exchange(new: Path, current: Path) -> None:
    """Put ``new`` in place of ``current`` in one step (``renameat2(RENAME_EXCHANGE)`` on Linux);
    afterwards ``new`` holds the old site. Falls back to two renames elsewhere."""
    if not current.exists():
        new.rename(current)
        new.mkdir()
        return
    libc_name = ctypes.util.find_library("c")
    renameat2 = (
        getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None) if libc_name else None
    )
    if renameat2 is not None:
        at_fdcwd, rename_exchange = -100, 2
        if (
            renameat2(at_fdcwd, os.fsencode(new), at_fdcwd, os.fsencode(current), rename_exchange)
            == 0
        ):
            return
    aside = new.with_name(new.name + "-old")
    current.rename(aside)
    new.rename(current)
    aside.rename(new)


def validate_for_site(descriptor: Path, stage: Path, work: Path, log: Log) -> Path:
    """Reuse ``.build/validation.json`` when its inputs are unchanged, else validate now; refuse
    invalid data. Returns the report's path inside the stage."""
    from openai_funding import validation_report

    inputs = validation_report.inputs_of(descriptor, rules=True)
    cached = work / "validation.json"
    report = validation_report.read_cached(cached, inputs)
    if report is None:
        log("validating the data package")
        report = {**validation_report.fresh_report(descriptor, rules=True), "inputs": inputs}
        write_json_atomic(cached, report)
    if not report["valid"]:
        validation_report.print_stored(report, reused=False, where=cached)
        raise BuildError("the data package is invalid: the report is not built from invalid data")
    out = stage / "validation.json"
    published = {k: v for k, v in report.items() if k != "inputs"}
    out.write_text(json.dumps(published, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


def build(
    root: Path,
    output: Path | None = None,
    *,
    engine: str = "auto",
    force: bool = False,
    log: Log = print,
) -> Path:
    """Build and publish the site; return its folder. Raises :class:`BuildError`."""
    root = root.resolve()
    output = (output or root / "_site").resolve()
    work = root / ".build"
    descriptor = root / "datapackage.json"
    epoch = build_epoch(root)
    with build_lock(work, log), terminate_as_interrupt():
        clear_leftovers(work)
        inputs = site_inputs(root, engine, epoch)
        record = work / "site.json"
        if not force and _unchanged(record, inputs, output):
            log(f"{output}: up to date (no input changed)")
            return output
        stage = Path(tempfile.mkdtemp(prefix="stage-", dir=work))
        try:
            site = stage / "site"
            (site / "data").mkdir(parents=True)
            validation = validate_for_site(descriptor, site, work, log)
            package = read_descriptor(descriptor)
            _render(root, stage / "render", validation, epoch, engine, log, as_of(package))
            shutil.copyfile(stage / "render" / "index.html", site / "index.html")
            shutil.copyfile(stage / "render" / "index.pdf", site / "openai-funding.pdf")
            shutil.copyfile(descriptor, site / "datapackage.json")
            for res in package["resources"]:
                shutil.copyfile(root / res["path"], site / res["path"])
            exchange(site, output)
            write_json_atomic(record, {"inputs": inputs, "files": _digests(output)})
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    log(f"published {output}")
    return output


def _unchanged(record: Path, inputs: str, output: Path) -> bool:
    try:
        stored = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if stored.get("inputs") != inputs:
        return False
    return _digests(output) == stored.get("files")


def _digests(folder: Path) -> dict[str, str]:
    """Every file of the published site with its sha256."""
    return {
        p.relative_to(folder).as_posix(): file_digest(p)[0]
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _render(
    root: Path, out: Path, validation: Path, epoch: str, engine: str, log: Log, as_of: Any
) -> None:
    """Render ``report/`` into ``out``; the title block's date is the package's "as of" date."""
    from openai_funding.render import RenderError, render

    env = {
        "OPENAI_FUNDING_PACKAGE": str(root / "datapackage.json"),
        "OPENAI_FUNDING_VALIDATION": str(validation),
        "SOURCE_DATE_EPOCH": epoch,
    }
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        metadata = {"date": as_of.isoformat()} if as_of else None
        render(
            root / "report",
            to=("html", "pdf"),
            engine=engine,
            output_dir=out,
            env=env,
            metadata=metadata,
            log=log,
        )
    except RenderError as exc:
        raise BuildError(
            f"the report failed to render: {exc}\n"
            f"(its cells were reading the data package {env['OPENAI_FUNDING_PACKAGE']}, "
            "which passed validation)"
        ) from None
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def run(
    root: str | Path = ".",
    output: str | Path | None = None,
    *,
    engine: str = "auto",
    force: bool = False,
) -> int:
    """Entry point of ``openai-funding build``; returns the exit code."""
    try:
        build(Path(root), Path(output) if output else None, engine=engine, force=force)
    except UnusableInputError as exc:
        print(f"openai-funding build: {exc}", file=sys.stderr)
        return 2
    except BuildError as exc:
        print(f"openai-funding build: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("openai-funding build: interrupted; the previous _site is untouched", file=sys.stderr)
        return 130
    return 0
