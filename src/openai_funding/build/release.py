"""What makes the published site findable and citable: the licence, ``CITATION.cff``, the rule
suites, one archive of the whole package with its sha256, and in each edition's page a
schema.org ``Dataset`` (JSON-LD), a ``<meta name="description">`` that data catalogues and
search engines read, and ``<link rel="alternate" hreflang>`` to every edition.

The archive's entries are sorted and stamped with the build date, so the same inputs give the
same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
import shutil
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openai_funding.package.descriptor import Package

#: Media types of the files a reader can download from the site.
MEDIA_TYPES = {
    ".json": "application/json",
    ".csv": "text/csv",
    ".parquet": "application/vnd.apache.parquet",
    ".sqlite": "application/vnd.sqlite3",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".zip": "application/zip",
    ".pdf": "application/pdf",
}
#: Files copied from the repository into the site as they are.
COPIED = ("LICENSE", "CITATION.cff")
SUITES = "suites"


def archive_name(package: Package) -> str:
    return f"openai-funding-{package.raw.get('version', '0')}.zip"


def copy_release_files(root: Path, suites: Path, site: Path) -> None:
    """LICENSE, CITATION.cff and the rule suites (``suites/*.json``) into the site."""
    for name in COPIED:
        if (root / name).is_file():
            shutil.copyfile(root / name, site / name)
    (site / SUITES).mkdir(exist_ok=True)
    for suite in sorted(suites.glob("*.json")):
        shutil.copyfile(suite, site / SUITES / suite.name)


def write_archive(package: Package, site: Path, epoch: int) -> Path:
    """``openai-funding-<version>.zip``: the descriptor, the data, the suites and the frames
    they run on, the loading recipes, the licence and the citation, under one folder; and ``<name>.sha256`` beside it (``sha256sum -c`` reads it)."""
    name = archive_name(package)
    folder = name.removesuffix(".zip")
    members = ["datapackage.json", *(str(r.path) for r in package.resources if r.path)]
    members += [n for n in COPIED if (site / n).is_file()]
    members += [f"{SUITES}/{p.name}" for p in sorted((site / SUITES).glob("*.json"))]
    members += [f"views/{p.name}" for p in sorted((site / "views").glob("*.parquet"))]
    members += [f"recipes/{p.name}" for p in sorted((site / "recipes").glob("*"))]
    stamp = dt.datetime.fromtimestamp(max(epoch, 315532800), tz=dt.UTC).timetuple()[:6]
    path = site / name
    with zipfile.ZipFile(path, "w") as archive:
        for member in sorted(members):
            info = zipfile.ZipInfo(f"{folder}/{member}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever the machine that builds
            archive.writestr(info, (site / member).read_bytes(), compresslevel=9)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    (site / f"{name}.sha256").write_text(f"{digest}  {name}\n", encoding="utf-8")
    return path


def downloads(site: Path) -> list[str]:
    """The site's downloadable files (relative paths), in a stable order: the archive, the
    descriptor, the exports, the PDF, then the CSV files."""
    found = [
        p.relative_to(site).as_posix()
        for p in sorted(site.rglob("*"))
        if p.is_file()
        and p.suffix in MEDIA_TYPES
        and p.name != "validation.json"
        and not p.relative_to(site).as_posix().startswith(f"{SUITES}/")
    ]
    order = [".zip", ".json", ".sqlite", ".xlsx", ".parquet", ".pdf", ".csv"]
    return sorted(found, key=lambda p: (order.index(Path(p).suffix), p))


def temporal_coverage(package: Package) -> str | None:
    """``first/last``: the earliest date the data hold to the package's "as of" date."""
    from openai_funding.exports import columns

    dates = [
        value
        for res in package.tabular.values()
        for name, values in columns(res, package.base).items()
        if res.fields[name].get("type") == "date"
        for value in values
        if value is not None
    ]
    if not dates or package.as_of is None:
        return None
    return f"{min(dates).isoformat()}/{package.as_of.isoformat()}"


def languages(package: Package) -> list[str]:
    """The languages of the package's text: English (the descriptor, the tables' own text),
    then those of its sources (``sources.csv`` ``language``), whose quotes it holds verbatim."""
    from openai_funding.exports import columns

    found: set[str] = set()
    res = package.tabular.get("sources")
    if res is not None and "language" in res.fields:
        found = {str(v) for v in columns(res, package.base)["language"] if v}
    return ["en", *sorted(found - {"en"})]


def dataset(package: Package, files: list[str], base: str = "") -> dict[str, Any]:
    """The schema.org ``Dataset`` that describes the package and its downloads; without a
    ``homepage`` in the descriptor, download addresses are relative, prefixed with ``base``
    (``../`` for a page one folder down)."""
    raw = package.raw
    homepage = raw.get("homepage")

    def url(rel: str) -> str:
        return f"{str(homepage).rstrip('/')}/{rel}" if homepage else f"{base}{rel}"

    out: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": raw.get("title"),
        "alternateName": raw.get("name"),
        "description": raw.get("description"),
        "version": raw.get("version"),
        "keywords": list(raw.get("keywords", ())),
        "inLanguage": languages(package),
        "license": next((lic.get("path") for lic in raw.get("licenses", ())), None),
        "isAccessibleForFree": True,
        "creator": [
            {"@type": "Organization", "name": c.get("title")}
            for c in raw.get("contributors", ())
            if "author" in c.get("roles", ())
        ],
        "temporalCoverage": temporal_coverage(package),
        "dateModified": package.as_of.isoformat() if package.as_of else None,
        "dateCreated": str(raw.get("created", ""))[:10] or None,
        "identifier": raw.get("id"),
        "url": homepage,
        "citation": "See CITATION.cff; please cite the sources each claim names too.",
        "distribution": [
            {
                "@type": "DataDownload",
                "name": rel,
                "contentUrl": url(rel),
                "encodingFormat": MEDIA_TYPES[Path(rel).suffix],
            }
            for rel in files
        ],
    }
    return {k: v for k, v in out.items() if v not in (None, [], "")}


def head_tags(
    package: Package,
    files: list[str],
    *,
    base: str = "",
    description: str | None = None,
    alternates: Sequence[tuple[str, str]] = (),
) -> str:
    """The ``<meta name="description">`` (``description``, else the descriptor's; none when
    ``description`` is empty), the ``hreflang`` links (``(language, address)`` pairs) and the
    JSON-LD ``<script>`` for a page's head."""
    text = str(package.raw.get("description", "")) if description is None else description
    data = json.dumps(dataset(package, files, base), ensure_ascii=False, indent=1)
    data = data.replace("</", "<\\/")  # nothing in the data can close the script element
    out = f'<meta name="description" content="{html.escape(text, quote=True)}" />\n' if text else ""
    for lang, href in alternates:
        out += (
            f'<link rel="alternate" hreflang="{html.escape(lang, quote=True)}" '
            f'href="{html.escape(href, quote=True)}" />\n'
        )
    return out + f'<script type="application/ld+json">\n{data}\n</script>\n'


def make_findable(
    page: Path,
    package: Package,
    files: list[str],
    *,
    base: str = "",
    description: str | None = None,
    alternates: Sequence[tuple[str, str]] = (),
) -> None:
    """Add the description, the ``hreflang`` links and the Dataset (see :func:`head_tags`) at
    the start of the page's ``<head>`` (the first ``<head>`` of the file: later ones are inside
    the embedded scripts' strings), or at the start of a page without one (where a browser puts
    them in the head it implies). A page whose head already has a meta description (from its
    document's ``description:``) keeps it and gets no second one."""
    text = page.read_text(encoding="utf-8")
    match = re.search(r"<head[^>]*>\n?", text)
    at = match.end() if match else 0
    head = text[at : text.find("</head>", at)] if match and "</head>" in text[at:] else ""
    if re.search(r"<meta\s+name=\"description\"", head):
        description = ""
    tags = head_tags(package, files, base=base, description=description, alternates=alternates)
    page.write_text(text[:at] + tags + text[at:], encoding="utf-8")
