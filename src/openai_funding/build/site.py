"""``openai-funding build``: validate, render the report, and publish ``_site/`` atomically.

``_site/`` holds the report's editions (:data:`EDITIONS`): in English ``index.html``
(self-contained) and ``openai-funding.pdf``, in French ``fr/index.html`` and
``fr/openai-funding.pdf``; then ``datapackage.json``
with ``data/*.csv``, ``validation.json``, the typed exports (``parquet/*.parquet``,
``openai-funding.sqlite``, ``openai-funding.xlsx``: :mod:`openai_funding.exports`), and what
makes it citable (:mod:`~openai_funding.build.archive`): ``LICENSE``, ``CITATION.cff``,
``suites/*.json`` with the frames they run on (``views/*.parquet``: :mod:`~.views`),
loading recipes generated from the schemas (``recipes/``: :mod:`~openai_funding.package.recipes`),
a short data ``README.md``, ``openai-funding-<version>.zip`` (all of the package, its
descriptor at the root: :mod:`~.archive`) and its ``.sha256``. Each page carries a schema.org
``Dataset`` (its addresses absolute under the site's address, ``--site-url``), a meta description (the
descriptor's in English; in French, the French document's title and subtitle) and
``hreflang`` links to every edition. The build

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

import os
import posixpath
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from openai_funding.build.archive import write_archive, write_package_files
from openai_funding.build.dates import build_epoch
from openai_funding.build.input_hash import read_record, site_hash, validation_hash
from openai_funding.build.release import citation_work, downloads, make_findable, site_url
from openai_funding.build.stored import published, read_stored, store_fresh
from openai_funding.build.swap import (
    Log,
    build_lock,
    clear_leftovers,
    exchange,
    terminate_as_interrupt,
)
from openai_funding.checks.results import Report
from openai_funding.package.descriptor import Package, read_package
from openai_funding.package.hashing import file_digest, write_json_atomic
from openai_funding.render.publish import interrupts_held

SITE_FILES = ("index.html", "openai-funding.pdf", "datapackage.json", "validation.json")
#: The report's editions: (language, folder in ``_site/`` and in ``report/``), the main one first.
#: Each is ``report/<folder>/index.qmd``, published as ``<folder>/index.html`` and
#: ``<folder>/openai-funding.pdf``; ``_quarto.yml`` lists the same documents.
EDITIONS = (("en", ""), ("fr", "fr"))


class BuildError(Exception):
    """The build cannot publish; the message says why. ``exit_code`` is the command's."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class InvalidPackageError(BuildError):
    """The data package failed validation: ``report`` says how (stored at ``where``)."""

    def __init__(self, report: Report, where: Path) -> None:
        super().__init__("the data package is invalid: the report is not built from invalid data")
        self.report, self.where = report, where


def _silent(message: str) -> None:
    """The default log: the command line passes one that prints."""


def validate_for_site(package: Package, stage: Path, work: Path, log: Log) -> Path:
    """Reuse ``.build/validation.json`` when its inputs are unchanged, else validate now; refuse
    invalid data. Returns the report's path inside the stage."""
    cached = work / "validation.json"
    inputs = validation_hash(package, rules=True)
    report = read_stored(cached, inputs)
    if report is None:
        log("validating the data package")
        report = store_fresh(package, cached, inputs, rules=True)
    if not report.valid:
        raise InvalidPackageError(report, cached)
    out = stage / "validation.json"
    out.write_text(published(report), encoding="utf-8")
    return out


def build(
    root: Path,
    output: Path | None = None,
    *,
    engine: str = "auto",
    force: bool = False,
    address: str | None = None,
    log: Log = _silent,
) -> Path:
    """Build and publish the site; return its folder. ``address`` is the site's public address
    (default: :func:`~openai_funding.build.release.site_url`), which the pages' Dataset links
    are absolute under. Raises :class:`BuildError` (or
    :class:`~openai_funding.package.problems.UnusableInputError` for an unreadable package)."""
    root = root.resolve()
    try:
        address = site_url(root, address)
    except ValueError as exc:
        raise BuildError(str(exc), exit_code=2) from None
    output = (output or root / "_site").resolve()
    work = root / ".build"
    with build_lock(work, log), terminate_as_interrupt():
        clear_leftovers(work)
        package = read_package(root / "datapackage.json")
        epoch = build_epoch(root, package)
        inputs = site_hash(package, root, engine=engine, epoch=epoch, site_url=address)
        record = work / "site.json"
        if not force and _unchanged(record, inputs, output):
            log(f"{output}: up to date (no input changed)")
            return output
        stage = Path(tempfile.mkdtemp(prefix="stage-", dir=work))
        try:
            site = stage / "site"
            (site / "data").mkdir(parents=True)
            validation = validate_for_site(package, site, work, log)
            # The files that do not depend on the report are written in a thread while the
            # report renders (its kernel, pandoc and typst are other processes).
            with ThreadPoolExecutor(max_workers=1) as pool:
                with interrupts_held():  # so the pool knows of the thread it starts
                    rest = pool.submit(_write_package_files, root, site, package, epoch, log)
                _render(root, stage / "render", validation, epoch, engine, log, package.as_of)
                rest.result()
            for _lang, folder in EDITIONS:
                (site / folder).mkdir(exist_ok=True)
                shutil.copyfile(
                    stage / "render" / folder / "index.html", site / folder / "index.html"
                )
                shutil.copyfile(
                    stage / "render" / folder / "index.pdf", site / folder / "openai-funding.pdf"
                )
            _make_pages_findable(root, site, package, address)
            exchange(site, output)
            write_json_atomic(record, {"inputs": inputs, "files": _digests(output)})
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    log(f"published {output}")
    return output


def _write_package_files(root: Path, site: Path, package: Package, epoch: str, log: Log) -> None:
    """Everything of the site but the report (the package's files, then the archive), written
    in a thread while the report renders."""
    log("writing the package's files (typed copies, views, recipes)")
    write_package_files(root, package, site, int(epoch))
    write_archive(package, site, int(epoch))


def edition_links(folder: str) -> list[tuple[str, str]]:
    """The ``hreflang`` links of the page in ``folder``: every edition (itself too, as search
    engines ask) by a relative address, and ``x-default``, the main edition."""
    here = folder or "."
    links = [
        (lang, posixpath.relpath(posixpath.join(other or ".", "index.html"), here))
        for lang, other in EDITIONS
    ]
    return [*links, ("x-default", links[0][1])]


def _description(root: Path, lang: str, folder: str) -> str | None:
    """The meta description of an edition: the descriptor's (``None``) for the main edition,
    whose language it is written in; for another, its document's title and subtitle."""
    if lang == EDITIONS[0][0]:
        return None
    from openai_funding.render.qmd import split_front_matter

    path = root / "report" / folder / "index.qmd"
    front, _body, _line = split_front_matter(path.read_text(encoding="utf-8"), path)
    parts = [str(front[k]).strip().rstrip(".") for k in ("title", "subtitle") if front.get(k)]
    return ". ".join(parts) + "." if parts else None


def _make_pages_findable(root: Path, site: Path, package: Package, address: str) -> None:
    """The Dataset, the meta description and the ``hreflang`` links in each edition's page."""
    files = downloads(site)
    citation = citation_work(root / "CITATION.cff", address)
    for lang, folder in EDITIONS:
        make_findable(
            site / folder / "index.html",
            package,
            files,
            site=address,
            citation=citation,
            description=_description(root, lang, folder),
            alternates=edition_links(folder),
        )


def _unchanged(record: Path, inputs: str, output: Path) -> bool:
    """Whether the site was built from these inputs and is still as it was published."""
    stored = read_record(record, inputs)
    return stored is not None and _digests(output) == stored.get("files")


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
