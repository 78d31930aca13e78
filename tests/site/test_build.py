"""`openai-funding build`: the published site, its contents, and how it is replaced."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser import visit
from openai_funding.build import site
from openai_funding.cli import main
from openai_funding.package.hashing import refresh_file
from support import tree_digest

pytestmark = pytest.mark.slow

EPOCH = "1772150400"  # 2026-02-27: the build date comes from the commit or this, never the clock
SECTIONS = [
    "The round at a glance",
    "Who put in what",
    "Money paid and money to come, as of",
    "Valuation history",
    "The agreements",
    "Money in, money out",
    "What happened afterwards, and the open questions",
    "Data quality",
    "Data dictionary",
    "Sources",
]
KEY_NUMBERS = [
    "$110bn",
    "$730bn",
    "$840bn",
    "13.1%",
    "€93.21bn",
    "1.1801",
    "$15bn",
    "$35bn",
    "$122bn",
    "$852bn",
    "$50bn",  # Amazon's commitment, paid by the "as of" date in three parts
    "5 December 2026",  # the "as of" date
]


#: The report's editions: the page (under _site/), its language and what a reader sees in it
#: that the engine writes in that language (the table of contents' title in the HTML, the title
#: block's date, the names of figures and tables), whatever the content's own words.
EDITIONS = {
    "index.html": {
        "lang": "en",
        "pdf": "openai-funding.pdf",
        "other": "fr/index.html",
        "toc": "Table of contents",
        "date": "Data as of 5 December 2026",
        "html": ["Figure\u00a01:", "Table\u00a01:"],
        "pdf words": ["Contents", "Data as of 5 December 2026", "Figure 5", "Table 10"],
    },
    "fr/index.html": {
        "lang": "fr",
        "pdf": "fr/openai-funding.pdf",
        "other": "index.html",
        "toc": "Table des matières",
        "date": "Données à jour au 5 décembre 2026",
        "html": ["Figure\u00a01:", "Tableau\u00a01:"],
        "pdf words": [
            "Table des matières",
            "Données à jour au 5 décembre 2026",
            "Figure 5",
            "Tableau 10",
        ],
    },
}
each_edition = pytest.mark.parametrize("page", list(EDITIONS))


def quiet(_: str) -> None:
    """A build log that prints nothing."""


@pytest.fixture(autouse=True)
def _build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every build of this module dates itself from SOURCE_DATE_EPOCH, as the shared one did."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


@pytest.fixture
def built(built_site: Path) -> Path:
    """The site built once per run from the real package (tests/conftest.py); read only."""
    return built_site


def pdf_text(pdf: Path) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.fail("pdftotext is missing: apt-get install poppler-utils")
    return subprocess.run(
        [exe, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_site_holds_the_report_the_package_and_the_checks(built: Path) -> None:
    out = built / "_site"
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert files == sorted(
        ["index.html", "openai-funding.pdf", "datapackage.json", "validation.json"]
        + ["fr/index.html", "fr/openai-funding.pdf"]
        + ["openai-funding.sqlite", "openai-funding.xlsx", "LICENSE", "CITATION.cff", "README.md"]
        + ["openai-funding-0.4.0.zip", "openai-funding-0.4.0.zip.sha256"]
        + ["views/datapackage.json"]
        + [r["path"] for r in descriptor["resources"]]
        + [f"parquet/{r['name']}.parquet" for r in descriptor["resources"]]
        + [f"suites/{p.name}" for p in (built / "validation").glob("*.json")]
        + [f"recipes/{name}" for name in ("load_pandas.py", "load_polars.py")]
        + [f"recipes/{name}" for name in ("load_duckdb.sql", "load_readr.R")]
        + [
            f"views/{json.loads(p.read_text(encoding='utf-8'))['meta']['openai_funding']['frame']}.parquet"
            for p in (built / "validation").glob("*.json")
        ]
    )
    for res in descriptor["resources"]:  # the published CSVs are the validated ones
        assert (out / res["path"]).read_bytes() == (built / res["path"]).read_bytes()
    report = json.loads((out / "validation.json").read_text(encoding="utf-8"))
    assert report["valid"] is True
    assert report["checks_run"] == len(report["checks"]) > 20
    assert report["descriptor"] == "datapackage.json"
    assert not list((built / ".build").glob("stage-*"))


def test_html_has_every_section_and_key_number(built: Path) -> None:
    soup = BeautifulSoup(
        (built / "_site" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    headings = [" ".join(h.get_text(" ").split()) for h in soup.find_all("h1")]
    for section in SECTIONS:
        assert any(section in h for h in headings), section
    text = soup.get_text(" ")
    for number in KEY_NUMBERS:
        assert number in text, number
    assert len(soup.select("div.of-chart")) == 8
    assert all(fig.find("figcaption") for fig in soup.select("figure"))


@each_edition
def test_html_references_nothing_outside_itself(built: Path, page: str) -> None:
    soup = BeautifulSoup((built / "_site" / page).read_text(encoding="utf-8"), "html.parser")
    for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
        for node in soup.find_all(tag):
            value = node.get(attr)
            if tag == "link" and node.get("rel") == ["alternate"]:
                continue  # a link to the other edition, not a resource (see the test below)
            assert value is None or value.startswith("data:"), (tag, value)


@each_edition
def test_html_is_in_its_editions_language(built: Path, page: str) -> None:
    edition = EDITIONS[page]
    html = (built / "_site" / page).read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == edition["lang"]
    toc = soup.select_one("#toc-title")
    assert (toc.get_text() if toc else None) == edition["toc"]
    assert " ".join(soup.select_one("p.date").get_text().split()) == edition["date"]
    captions = [f.get_text(" ", strip=True) for f in soup.select("figcaption, caption")]
    for word in edition["html"]:
        assert any(c.startswith(word) for c in captions), (word, captions[:3])


@each_edition
def test_editions_link_each_other_inside_the_site(built: Path, page: str) -> None:
    """Both pages name both editions (``hreflang``, itself included, and ``x-default``: the
    English one), and the prose links the other edition and its PDF; every relative address of
    the page (the downloads too) resolves to a file of ``_site/``."""
    out = (built / "_site").resolve()
    here = (out / page).parent
    edition = EDITIONS[page]
    other = EDITIONS[edition["other"]]
    soup = BeautifulSoup((out / page).read_text(encoding="utf-8"), "html.parser")
    alternates = {
        link["hreflang"]: (here / link["href"]).resolve()
        for link in soup.head.find_all("link", rel="alternate")
    }
    assert alternates == {
        "en": out / "index.html",
        "fr": out / "fr" / "index.html",
        "x-default": out / "index.html",
    }
    linked = {
        (here / a["href"].split("#")[0]).resolve()
        for a in soup.find_all("a", href=True)
        if not a["href"].startswith(("#", "http:", "https:", "mailto:", "data:"))
    }
    assert out / edition["other"] in linked
    assert out / other["pdf"] in linked
    for target in sorted({*alternates.values(), *linked}):
        assert target.is_relative_to(out), target
        assert target.is_file(), target


@each_edition
def test_page_describes_the_dataset_for_catalogues(built: Path, page: str) -> None:
    """schema.org Dataset (JSON-LD) and a meta description: what search engines and data
    catalogues read; every download it lists is in the site, from the page, with its format.
    The French page's description is in French (its title and subtitle)."""
    out = built / "_site"
    soup = BeautifulSoup((out / page).read_text(encoding="utf-8"), "html.parser")
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    (meta,) = soup.head.find_all("meta", attrs={"name": "description"})
    if EDITIONS[page]["lang"] == "en":
        assert meta["content"] == descriptor["description"]
    else:
        assert meta["content"] == (
            "La levée de fonds de 110 milliards de dollars d’OpenAI. "
            "Investisseurs, tranches, accords et les sources de chaque chiffre."
        )
    (script,) = soup.head.find_all("script", attrs={"type": "application/ld+json"})
    dataset = json.loads(script.string)
    assert dataset["@type"] == "Dataset"
    assert dataset["name"] == descriptor["title"]
    assert dataset["description"] == descriptor["description"]
    assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert dataset["creator"] == [{"@type": "Organization", "name": "openai-funding contributors"}]
    assert dataset["temporalCoverage"] == "2024-10-02/2026-12-05"
    assert dataset["dateModified"] == descriptor["asOf"]
    assert dataset["identifier"] == descriptor["id"]
    assert dataset["inLanguage"] == ["en", "fr", "ja", "ko", "zh"]  # text and quotes
    site_url = "https://openai-funding.github.io/openai-funding/"  # pyproject's Homepage
    assert dataset["url"] == site_url
    assert dataset["version"] == descriptor["version"]
    assert dataset["publisher"] == {"@type": "Organization", "name": "openai-funding contributors"}
    assert dataset["citation"]["@type"] == "CreativeWork"
    assert dataset["citation"]["url"] == f"{site_url}CITATION.cff"
    assert all(d["contentUrl"].startswith(site_url) for d in dataset["distribution"])
    formats = {
        d["contentUrl"].removeprefix(site_url): d["encodingFormat"] for d in dataset["distribution"]
    }
    for rel in formats:
        assert (out / rel).is_file(), rel
    assert formats["fr/openai-funding.pdf"] == formats["openai-funding.pdf"] == "application/pdf"
    assert formats["openai-funding-0.4.0.zip"] == "application/zip"
    assert formats["openai-funding.sqlite"] == "application/vnd.sqlite3"
    assert formats["parquet/rounds.parquet"] == "application/vnd.apache.parquet"
    assert formats["data/rounds.csv"] == "text/csv"
    assert "openai-funding.xlsx" in formats
    assert "datapackage.json" in formats


def test_archive_holds_the_whole_package_with_its_checksum(built: Path) -> None:
    """The archive is the package: every file of the site but the report's pages, the
    descriptor at its root (the layout frictionless reads: test_archive.py runs it)."""
    import hashlib
    import zipfile

    out = built / "_site"
    archive = out / "openai-funding-0.4.0.zip"
    digest, name = (out / "openai-funding-0.4.0.zip.sha256").read_text().split()
    assert (digest, name) == (hashlib.sha256(archive.read_bytes()).hexdigest(), archive.name)
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert zf.testzip() is None
        for member in names:
            assert zf.read(member) == (out / member).read_bytes(), member
    published = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    report = {"index.html", "fr/index.html", "openai-funding.pdf", "fr/openai-funding.pdf"}
    assert names == [n for n in published if n not in report and not n.startswith(archive.name)]
    for member in ("datapackage.json", "parquet/rounds.parquet", "openai-funding.sqlite"):
        assert member in names


def test_pdf_has_every_section_and_key_number(built: Path) -> None:
    text = " ".join(pdf_text(built / "_site" / "openai-funding.pdf").split())
    for section in SECTIONS:
        assert section in text, section
    for number in KEY_NUMBERS:
        assert number in text, number


@each_edition
def test_pdf_is_in_its_editions_language(built: Path, page: str) -> None:
    edition = EDITIONS[page]
    pdf = built / "_site" / edition["pdf"]
    catalog = re.search(rb"/Type/Catalog[^>]*?/Lang\(([^)]*)\)", pdf.read_bytes())
    assert catalog, "no /Lang in the PDF's catalog"
    assert catalog.group(1).decode() == {"en": "en-US", "fr": "fr-FR"}[edition["lang"]]
    text = " ".join(pdf_text(pdf).split())
    for words in edition["pdf words"]:
        assert words in text, words
    if edition["lang"] == "fr":  # the engine's words, not typst's own French ones
        assert "Fig. " not in text
        assert "Chapitre" not in text


@pytest.mark.browser
@each_edition
def test_report_in_a_real_browser(built: Path, page: str) -> None:
    edition = EDITIONS[page]
    seen = visit(
        built / "_site" / page,
        {
            "charts": "document.querySelectorAll('div.of-chart svg').length",
            "text": "document.body.innerText",
            "lang": "document.documentElement.lang",
            "font": "getComputedStyle(document.body).fontFamily",
        },
    )
    assert seen.charts_drawn
    assert seen.values["charts"] == 8
    assert seen.console_errors == []
    assert seen.dialogs == []
    outside = [u for u in seen.requests if not u.startswith(("file://", "data:"))]
    assert outside == []
    assert seen.values["lang"] == edition["lang"]
    assert edition["date"] in " ".join(seen.values["text"].split())
    # Japanese, Chinese and Korean quotes draw with the fonts that devices ship for them
    fonts = {f.strip() for f in seen.values["font"].split(",")}
    assert {'"Hiragino Sans"', '"Noto Sans CJK JP"', '"Microsoft YaHei"'} <= fonts
    text = " ".join(seen.values["text"].split())
    assert "OpenAI: OpenAI" not in text  # an event titled with its organization's name
    if edition["lang"] == "en":
        assert "The whole amount was committed by 3 investors." in text
        for number in KEY_NUMBERS:
            assert number in seen.values["text"], number


#: Focus every number that carries claims; report what its evidence card shows.
WALK_CLAIMS = """
(() => Array.from(document.querySelectorAll('a.claim')).map((a) => {
  a.focus();
  const box = document.getElementById(a.getAttribute('aria-describedby') || '');
  const all = (sel) => (box ? Array.from(box.querySelectorAll(sel)) : []);
  return {
    text: a.textContent,
    ids: (a.getAttribute('data-claims') || '').split(' ').filter(Boolean),
    href: a.getAttribute('href'),
    shown: box !== null && box.getBoundingClientRect().height > 0,
    claims: all('.of-claim').length,
    marks: all('.of-claim mark').length,
    how: all('.of-how').map((n) => n.textContent).join(''),
    rows: all('a[href^="#claim-"]').map((n) => n.getAttribute('href')),
    sources: all('a[href^="http"]').length,
  };
}))()
"""


#: What each edition shows of its numbers: some claimed numbers as written, the derived ones
#: among them, and how a derived number's card begins.
NUMBERS = {
    "index.html": {
        "numbers": ["$110bn", "$730bn", "$840bn", "13.1%", "1.1801", "$50bn", "$35bn"],
        "derived": ["13.1%", "100%", "1.1801"],
        "how": "Computed: ",
    },
    "fr/index.html": {
        "numbers": [
            "110\u00a0milliards de dollars",
            "730\u00a0milliards de dollars",
            "840\u00a0milliards de dollars",
            "13,1\u00a0%",
            "1,1801",
            "50\u00a0milliards de dollars",
            "35\u00a0milliards de dollars",
        ],
        "derived": ["13,1\u00a0%", "100\u00a0%", "1,1801"],
        "how": "Calcul\u00a0: ",
    },
}


def _spaces(text: str) -> str:
    """Text with its line breaks and runs of spaces as one space, no-break spaces kept."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


@pytest.mark.browser
@each_edition
def test_every_number_opens_its_evidence(built: Path, page: str) -> None:
    expected = NUMBERS[page]
    seen = visit(
        built / "_site" / page,
        {"walk": WALK_CLAIMS, "rows": "document.querySelectorAll('[id^=claim-]').length"},
    )
    assert seen.console_errors == []
    assert [u for u in seen.requests if not u.startswith(("file://", "data:"))] == []
    walk = seen.values["walk"]
    assert len(walk) > 80  # prose, tables: every claimed number
    texts = {_spaces(n["text"]) for n in walk}
    for number in expected["numbers"]:
        assert number in texts, number
    for number in walk:
        assert number["shown"], number
        assert number["claims"] == len(number["ids"]) > 0, number  # every claim, each shown
        assert number["marks"] >= number["claims"], number  # the words stating it, highlighted
        assert number["rows"] == [f"#claim-{i}" for i in number["ids"]], number
        assert number["href"] == f"#claim-{number['ids'][0]}", number  # a click goes there
        if _spaces(number["text"]) in expected["derived"]:
            assert _spaces(number["how"]).startswith(expected["how"]), number
    assert seen.values["rows"] == len(json.loads(_claims_ids(built)))


#: Filter the Sources table on a word, then sort it by its first column, descending.
FILTER_AND_SORT = """
(() => {
  const input = document.querySelector('.of-sources-tools input');
  const table = document.querySelector('table [id^="claim-"]').closest('table');
  const visible = () => Array.from(table.tBodies[0].rows).filter((r) => !r.hidden);
  const all = visible().length;
  input.value = 'milliards';
  input.dispatchEvent(new Event('input'));
  const filtered = visible().map((r) => r.textContent.includes('milliards'));
  input.value = '';
  input.dispatchEvent(new Event('input'));
  table.tHead.rows[0].cells[0].querySelector('button').click();
  table.tHead.rows[0].cells[0].querySelector('button').click();
  const first = visible().map((r) => r.cells[0].textContent.trim());
  return {all, filtered, first, sort: table.tHead.rows[0].cells[0].getAttribute('aria-sort')};
})()
"""


@pytest.mark.browser
def test_the_sources_table_filters_and_sorts_in_the_page(built: Path) -> None:
    seen = visit(built / "_site" / "index.html", {"result": FILTER_AND_SORT})
    assert seen.console_errors == []
    result = seen.values["result"]
    assert result["all"] == len(json.loads(_claims_ids(built)))
    assert 0 < len(result["filtered"]) < result["all"]
    assert all(result["filtered"])
    assert result["sort"] == "descending"
    expected = sorted(result["first"], key=str.lower, reverse=True)
    assert [x.lower() for x in result["first"]][:3] == [x.lower() for x in expected][:3]


def _claims_ids(repo: Path) -> str:
    lines = (repo / "data" / "claims.csv").read_text(encoding="utf-8").splitlines()
    return json.dumps([line.split(",", 1)[0] for line in lines[1:] if line])


@each_edition
def test_pdf_numbers_link_to_their_claims(built: Path, page: str) -> None:
    exe = shutil.which("pdftohtml")
    if exe is None:
        pytest.fail("pdftohtml is missing: apt-get install poppler-utils")
    xml = subprocess.run(
        [exe, "-xml", "-i", "-stdout", str(built / "_site" / EDITIONS[page]["pdf"])],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = re.split(r'<page number="(\d+)"', xml)[1:]
    sources_page = min(
        int(number)
        for number, body in zip(pages[::2], pages[1::2], strict=True)
        if re.search(r"<b>((Appendix|Annexe) \w+\s?: )?[Ss]ources</b>", body)
    )
    inside: dict[str, list[int]] = {}
    for target, words in re.findall(r'<a href="[^"#]*#(\d+)">([^<]*)</a>', xml):
        inside.setdefault(_spaces(words), []).append(int(target))
    for number in NUMBERS[page]["numbers"][:4] + NUMBERS[page]["derived"][-1:]:
        assert number in inside, number
        assert all(p >= sources_page for p in inside[number]), (number, inside[number])


def test_second_build_with_no_change_is_skipped(built_copy: Path) -> None:
    before = tree_digest(built_copy / "_site")
    lines: list[str] = []
    site.build(built_copy, log=lines.append)
    assert any("up to date" in line for line in lines), lines
    assert tree_digest(built_copy / "_site") == before


def test_invalid_data_is_refused_and_the_site_kept(
    built_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree_digest(built_copy / "_site")
    rounds = built_copy / "data" / "rounds.csv"
    original = rounds.read_bytes()
    try:
        rounds.write_bytes(original.replace(b"730000000000", b"731000000000", 1))
        refresh_file(built_copy / "datapackage.json")
        code = main(["build", "--root", str(built_copy)])
        out = capsys.readouterr()
        assert code == 1
        assert "invalid" in out.err
        assert "rounds" in out.out
        assert tree_digest(built_copy / "_site") == before
    finally:
        rounds.write_bytes(original)
        refresh_file(built_copy / "datapackage.json")


def test_failed_render_keeps_the_last_good_site(
    built_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree_digest(built_copy / "_site")
    qmd = built_copy / "report" / "index.qmd"
    original = qmd.read_text(encoding="utf-8")
    try:
        qmd.write_text(
            original + "\n```{python}\nfigures.no_such_chart(data)\n```\n", encoding="utf-8"
        )
        code = main(["build", "--root", str(built_copy)])
        err = capsys.readouterr().err
        assert code == 1
        assert "index.qmd" in err
        assert "no_such_chart" in err
        assert tree_digest(built_copy / "_site") == before
        assert not list((built_copy / ".build").glob("stage-*"))
    finally:
        qmd.write_text(original, encoding="utf-8")


def test_same_inputs_give_the_same_bytes_in_another_folder(
    built: Path, built_elsewhere: Path
) -> None:
    assert built_elsewhere.name != built.name
    assert tree_digest(built_elsewhere / "_site") == tree_digest(built / "_site")


#: Where the opening (the sentence that says how much was paid, and the chart of the whole round)
#: sits on a screen that was just opened, nothing scrolled.
FIRST_SCREEN = """
(() => {
  const rect = (el) => (el ? el.getBoundingClientRect() : null);
  const lead = rect(document.querySelector('.of-lead'));
  const bars = Array.from(document.querySelectorAll('#fig-round .mark-rect path')).map(rect);
  // the amounts' layer comes first; the standings written under the bar come next
  const marks = document.querySelectorAll('#fig-round .mark-text.role-mark');
  const labels = marks.length ? Array.from(marks[0].querySelectorAll('text')) : [];
  const standings = marks.length > 1 ? Array.from(marks[1].querySelectorAll('text')) : [];
  const first = document.querySelector('.of-lead a.claim.derived');
  first.focus();
  const box = document.getElementById(first.getAttribute('aria-describedby') || '');
  return {
    height: window.innerHeight,
    width: window.innerWidth,
    scrolled: window.scrollY,
    lead: lead && {top: lead.top, bottom: lead.bottom},
    bars: bars.map((b) => ({top: b.top, bottom: b.bottom, left: b.left, right: b.right})),
    amounts: labels.map((t) => t.textContent),
    standings: standings.map((t) => t.textContent),
    fontSize: labels.length ? parseFloat(getComputedStyle(labels[0]).fontSize) : 0,
    scale: (() => {
      const svg = document.querySelector('#fig-round svg');
      return svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 0;
    })(),
    firstNumber: first.textContent,
    evidence: box !== null && box.getBoundingClientRect().height > 0,
  };
})()
"""
#: What the opening of each edition states: how much was paid, of what, and how it is known.
OPENING = {
    "index.html": {
        "sentence": "By 5 December 2026, $110bn had been paid, the whole of the $110bn announced:",
        "grades": ["by its own statement or filing, as relayed by others", "reported by the press"],
        "amounts": ["$80bn", "$30bn"],
        "standings": ["paid, confirmed or relayed", "reported paid, not confirmed"],
        "paid": "$110bn",
    },
    "fr/index.html": {
        "sentence": (
            "Au 5 décembre 2026, 110\u00a0milliards de dollars avaient été versés, soit la "
            "totalité des 110\u00a0milliards de dollars annoncés\u00a0:"
        ),
        "grades": ["selon sa propre déclaration ou son document officiel", "selon la presse"],
        "amounts": ["80\u00a0Md$", "30\u00a0Md$"],
        "standings": ["versé, confirmé ou relayé", "versé selon la presse, non confirmé"],
        "paid": "110\u00a0milliards de dollars",
    },
}


@pytest.mark.browser
@each_edition
@pytest.mark.parametrize("size", [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_the_first_screen_says_how_much_was_paid(
    built: Path, page: str, size: tuple[int, int]
) -> None:
    """Opened at 1280×800 or 390×844, nothing scrolled: the opening sentence and the whole
    round's bar, its amounts written on it at a readable size, and the first number's evidence
    one focus away."""
    opening = OPENING[page]
    seen = visit(
        built / "_site" / page,
        # the text first: focusing a number then opens its card inside the paragraph
        {"text": "document.querySelector('.of-lead').innerText", "first": FIRST_SCREEN},
        viewport=size,
    )
    assert seen.console_errors == []
    first = seen.values["first"]
    assert (first["width"], first["height"], first["scrolled"]) == (*size, 0)
    assert first["lead"]["top"] >= 0
    assert first["lead"]["bottom"] <= first["height"]
    assert len(first["bars"]) == 2  # paid, confirmed or relayed; reported paid
    for bar in first["bars"]:
        assert bar["left"] >= 0
        assert bar["right"] <= first["width"]
        assert bar["bottom"] <= first["height"]
    assert first["amounts"] == opening["amounts"]
    assert first["standings"] == opening["standings"]  # named on the chart, not in a legend
    assert first["fontSize"] * first["scale"] >= 11  # written, on screen, at 11 px or more
    assert _spaces(first["firstNumber"]) == opening["paid"]
    assert first["evidence"]
    text = _spaces(seen.values["text"])
    assert text.startswith(opening["sentence"])
    for words in opening["grades"]:
        assert words in text


@each_edition
def test_page_one_of_the_pdf_says_how_much_was_paid(built: Path, page: str) -> None:
    pdf = built / "_site" / EDITIONS[page]["pdf"]
    exe = shutil.which("pdftotext") or pytest.fail("pdftotext is missing")
    first = subprocess.run(
        [exe, "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(first.split()).replace("\u00a0", " ")
    opening = OPENING[page]
    assert " ".join(opening["sentence"].replace("\u00a0", " ").split()) in text
    for amount in opening["amounts"]:
        assert amount.replace("\u00a0", " ") in text  # the chart of the whole round, drawn
