"""The package as files other tools read, and the release archive that is the package.

:func:`write_package_files` writes into a site folder everything a data user downloads: the
descriptor and its CSV files, the typed copies (Parquet, SQLite, XLSX), the licence and the
citation, the rule suites with the frames they run on (``views/``, described by
``views/datapackage.json``), the loading recipes and a short data README (``README.md``).

:func:`write_archive` packs the same files into ``openai-funding-<version>.zip`` with
``datapackage.json`` at the archive's root, the layout frictionless and datahub read
(``frictionless validate openai-funding-<version>.zip`` checks every table), and writes its
``.sha256`` beside it. Its entries are sorted and stamped with the build date, so the same inputs
give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import zipfile
from pathlib import Path

from openai_funding.package.descriptor import Package

#: Files copied from the repository into the site as they are.
COPIED = ("LICENSE", "CITATION.cff")
SUITES = "suites"
DATA_README = "README.md"
#: Files of the site that are the report, not the data package: not in the archive.
REPORT_FILES = ("index.html", "openai-funding.pdf")


def archive_name(package: Package) -> str:
    return f"openai-funding-{package.raw.get('version', '0')}.zip"


def write_package_files(root: Path, package: Package, site: Path, epoch: int) -> None:
    """Everything of the package a data user downloads, into ``site`` (see the module's text);
    ``root`` holds ``LICENSE``, ``CITATION.cff`` and the descriptor's files."""
    from openai_funding.build.views import write_views
    from openai_funding.checks.rules.suites import suites_dir
    from openai_funding.exports import write_all
    from openai_funding.package.recipes import recipes

    (site / "data").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(package.path, site / "datapackage.json")
    for res in package.resources:
        shutil.copyfile(root / str(res.path), site / str(res.path))
    write_all(package, site, epoch)
    copy_release_files(root, suites_dir(package.path), site)
    write_views(package, suites_dir(package.path), site)
    (site / "recipes").mkdir(exist_ok=True)
    for name, text in recipes(package).items():
        (site / "recipes" / name).write_text(text, encoding="utf-8")
    (site / DATA_README).write_text(data_readme(package), encoding="utf-8")


def copy_release_files(root: Path, suites: Path, site: Path) -> None:
    """LICENSE, CITATION.cff and the rule suites (``suites/*.json``) into the site."""
    for name in COPIED:
        if (root / name).is_file():
            shutil.copyfile(root / name, site / name)
    (site / SUITES).mkdir(exist_ok=True)
    for suite in sorted(suites.glob("*.json")):
        shutil.copyfile(suite, site / SUITES / suite.name)


def data_readme(package: Package) -> str:
    """The archive's short README: what it is, as of when, what each file is, how to cite it."""
    raw = package.raw
    licence = next(iter(raw.get("licenses", ())), {})
    tables = "\n".join(
        f"- `{res.path}`: {res.raw.get('title', res.name)}" for res in package.resources if res.path
    )
    return f"""# {raw.get("title", raw.get("name", ""))}

Version {raw.get("version", "")}, data as of {raw.get("asOf", "")} (`asOf` in
`datapackage.json`: the sources were checked up to that date).

{raw.get("description", "")}

## Files

- `datapackage.json`: the Data Package (v2) descriptor: every table, field, type, key and
  licence (`frictionless validate datapackage.json` checks the data against it).
{tables}
- `parquet/<table>.parquet`, `openai-funding.sqlite`, `openai-funding.xlsx`: the same tables
  typed for DuckDB, pandas, polars, SQLite clients and spreadsheets.
- `recipes/`: loading code generated from the schemas (pandas, polars, DuckDB with keys, R).
- `suites/*.json`: the rules (Great Expectations 1.x), each naming the table it runs on in
  `views/` (`views/datapackage.json` describes them); `validation.json`: every check and its
  outcome.
- `CITATION.cff`: how to cite the package; please cite the sources each claim names too
  (`data/sources.csv`). The data are under {licence.get("title", licence.get("name", ""))}
  ({licence.get("path", "")}); `LICENSE` is the licence of the code that built them.

Every value has a claim in `data/claims.csv`: its source, the verbatim quote behind it and the
words of the quote that state it.
"""


def write_archive(package: Package, site: Path, epoch: int) -> Path:
    """``openai-funding-<version>.zip``: every file of the package in ``site`` (not the report's
    pages), ``datapackage.json`` at its root; and ``<name>.sha256`` beside it
    (``sha256sum -c`` reads it)."""
    name = archive_name(package)
    members = sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file()
        and p.name not in REPORT_FILES
        and not p.name.startswith(name)  # the archive itself and its checksum
    )
    stamp = dt.datetime.fromtimestamp(max(epoch, 315532800), tz=dt.UTC).timetuple()[:6]
    path = site / name
    with zipfile.ZipFile(path, "w") as archive:
        for member in members:
            info = zipfile.ZipInfo(member, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever the machine that builds
            archive.writestr(info, (site / member).read_bytes(), compresslevel=9)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    (site / f"{name}.sha256").write_text(f"{digest}  {name}\n", encoding="utf-8")
    return path
