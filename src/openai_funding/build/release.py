"""What makes the published site findable: in each edition's page a schema.org ``Dataset``
(JSON-LD), a ``<meta name="description">`` that data catalogues and search engines read, and
``<link rel="alternate" hreflang>`` to every edition.

The Dataset's addresses are absolute, made from one site address (:func:`site_url`: the build's
``--site-url``, else ``[project.urls] Homepage`` in ``pyproject.toml``), so a harvester that
reads the block away from the page can follow every link. Its ``citation`` is a
``CreativeWork`` made from ``CITATION.cff`` (:func:`citation_work`).
"""

from __future__ import annotations

import html
import json
import re
import tomllib
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
SUITES = "suites"


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


#: The site address when neither ``--site-url`` nor ``[project.urls] Homepage`` gives one.
DEFAULT_SITE_URL = "https://openai-funding.github.io/openai-funding/"


def site_url(root: Path, given: str | None = None) -> str:
    """The published site's address, ending in ``/``: ``given`` (the build's ``--site-url``),
    else ``[project.urls] Homepage`` in ``root/pyproject.toml``, else :data:`DEFAULT_SITE_URL`.
    Raises ``ValueError`` for an address that is not absolute ``http(s)``."""
    from urllib.parse import urlsplit

    address = given
    if address is None and (root / "pyproject.toml").is_file():
        project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
        address = project.get("project", {}).get("urls", {}).get("Homepage")
    address = address or DEFAULT_SITE_URL
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"the site address {address!r} is not an absolute http(s) URL")
    return address.rstrip("/") + "/"


def citation_work(cff: Path, site: str) -> dict[str, Any] | None:
    """The ``CreativeWork`` to cite, from ``CITATION.cff`` (None without one): its title,
    authors, version, date, licence, abstract, DOI when it has one, and the file's own address."""
    import yaml

    if not cff.is_file():
        return None
    data = yaml.safe_load(cff.read_text(encoding="utf-8")) or {}
    authors = [
        {"@type": "Organization", "name": a["name"]}
        if "name" in a
        else {
            "@type": "Person",
            "givenName": a.get("given-names"),
            "familyName": a.get("family-names"),
        }
        for a in data.get("authors", ())
    ]
    licence = data.get("license")
    work = {
        "@type": "CreativeWork",
        "name": data.get("title"),
        "author": authors,
        "version": str(data["version"]) if "version" in data else None,
        "datePublished": str(data["date-released"]) if "date-released" in data else None,
        "license": f"https://spdx.org/licenses/{licence}" if isinstance(licence, str) else None,
        "identifier": f"https://doi.org/{data['doi']}" if data.get("doi") else None,
        "url": f"{site}{cff.name}",
        "abstract": data.get("abstract"),
    }
    return {k: v for k, v in work.items() if v not in (None, [], "")}


def dataset(
    package: Package, files: list[str], site: str, citation: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The schema.org ``Dataset`` that describes the package and its downloads, every address
    absolute under ``site`` (see :func:`site_url`); ``citation`` from :func:`citation_work`."""
    raw = package.raw
    authors = [
        {"@type": "Organization", "name": c.get("title")}
        for c in raw.get("contributors", ())
        if "author" in c.get("roles", ())
    ]
    publishers = [
        {"@type": "Organization", "name": c.get("title")}
        for c in raw.get("contributors", ())
        if "publisher" in c.get("roles", ())
    ]
    out: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": raw.get("title"),
        "alternateName": raw.get("name"),
        "description": raw.get("description"),
        "url": site,
        "version": raw.get("version"),
        "keywords": list(raw.get("keywords", ())),
        "inLanguage": languages(package),
        "license": next((lic.get("path") for lic in raw.get("licenses", ())), None),
        "isAccessibleForFree": True,
        "creator": authors,
        "publisher": (publishers or authors or [None])[0],
        "temporalCoverage": temporal_coverage(package),
        "dateModified": package.as_of.isoformat() if package.as_of else None,
        "dateCreated": str(raw.get("created", ""))[:10] or None,
        "identifier": raw.get("id"),
        "citation": citation,
        "distribution": [
            {
                "@type": "DataDownload",
                "name": rel,
                "contentUrl": f"{site}{rel}",
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
    site: str,
    citation: dict[str, Any] | None = None,
    description: str | None = None,
    alternates: Sequence[tuple[str, str]] = (),
) -> str:
    """The ``<meta name="description">`` (``description``, else the descriptor's; none when
    ``description`` is empty), the ``hreflang`` links (``(language, address)`` pairs) and the
    JSON-LD ``<script>`` for a page's head."""
    text = str(package.raw.get("description", "")) if description is None else description
    data = json.dumps(dataset(package, files, site, citation), ensure_ascii=False, indent=1)
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
    site: str,
    citation: dict[str, Any] | None = None,
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
    tags = head_tags(
        package, files, site=site, citation=citation, description=description, alternates=alternates
    )
    page.write_text(text[:at] + tags + text[at:], encoding="utf-8")
