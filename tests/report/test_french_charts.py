"""The French edition's charts, paid summary and table: French words (axis and legend titles,
labels, tooltips, alt text), French number and date formats in the SVG of the PDF and in the
page's charts, the same claims as in English, and labels that are never cut nor leave the frame
(in either language)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
import pytest

from openai_funding.content import figures, paid_table, payments
from openai_funding.content.data import ReportData
from openai_funding.content.evidence import EvidencePage, _asset
from openai_funding.content.language import language
from openai_funding.content.markdown import text
from openai_funding.content.network import links_frame
from openai_funding.content.theme import WIDTH, styled
from openai_funding.render import charts

SVG = "{http://www.w3.org/2000/svg}"
SPAN = re.compile(r'\]\{\.claim data-claims="([a-z0-9 -]+)"')
CHARTS: dict[str, Callable[[ReportData], alt.TopLevelMixin]] = {
    "shares": figures.investment_shares,
    "paid": figures.paid_chart,
    "round": figures.round_chart,
    "valuation": figures.valuation_history,
    "network": figures.agreement_network,
}


@pytest.fixture(scope="module")
def specs(fr: ReportData, en: ReportData) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (code, name): make(data).to_dict()
        for code, data in (("fr", fr), ("en", en))
        for name, make in CHARTS.items()
    }


@pytest.fixture(scope="module")
def drawn(specs: dict[tuple[str, str], dict[str, Any]]) -> dict[tuple[str, str], ET.Element]:
    """Each chart as vl-convert draws it for the PDF (the engine's :func:`charts.svg`)."""
    return {key: ET.fromstring(charts.svg(spec)) for key, spec in specs.items()}


def texts(root: ET.Element) -> list[str]:
    """Every text element's words, its lines (``tspan``) joined with a newline."""
    out = []
    for node in root.iter(f"{SVG}text"):
        lines = [t.text or "" for t in node.iter(f"{SVG}tspan")]
        out.append("\n".join(lines) if lines else (node.text or ""))
    return out


def nodes(spec: object) -> Iterator[dict[str, Any]]:
    """Every mapping of a spec, depth first."""
    if isinstance(spec, dict):
        yield spec
        for value in spec.values():
            yield from nodes(value)
    elif isinstance(spec, list):
        for value in spec:
            yield from nodes(value)


def tooltip_titles(spec: dict[str, Any]) -> list[str]:
    """Every tooltip title of a spec, in order."""
    return [
        t["title"]
        for node in nodes(spec)
        if isinstance(node.get("tooltip"), list)
        for t in node["tooltip"]
        if "title" in t
    ]


def titles(spec: dict[str, Any]) -> set[str]:
    """Every axis and legend title of a spec."""
    return {
        encoding["title"]
        for node in nodes(spec)
        for channel in ("x", "y", "color", "shape", "strokeDash")
        if isinstance(encoding := node.get(channel), dict) and encoding.get("title")
    }


# French words ---------------------------------------------------------------------------------


def test_axis_and_legend_titles_are_french(specs: dict[tuple[str, str], dict[str, Any]]) -> None:
    assert titles(specs["fr", "shares"]) == {"Engagement (milliards de dollars)"}
    assert titles(specs["fr", "paid"]) == {"Milliards de dollars"}
    assert titles(specs["fr", "round"]) == set()  # no axis: the amounts are written on the bar
    assert titles(specs["fr", "valuation"]) == {
        "Date",
        "Valorisation post-money (milliards de dollars)",
    }
    assert titles(specs["fr", "network"]) == {"Lien"}  # the one legend left
    assert titles(specs["en", "paid"]) == {"US$ billions"}
    # the day the standings are read at titles the charts of money paid
    assert specs["fr", "paid"]["title"]["text"] == "Au 5 décembre 2026"
    assert specs["fr", "round"]["title"]["text"] == "Au 5 décembre 2026"
    assert specs["en", "paid"]["title"]["text"] == "As of 5 December 2026"


def test_tooltip_titles_are_french(specs: dict[tuple[str, str], dict[str, Any]]) -> None:
    assert tooltip_titles(specs["fr", "shares"]) == [
        "Investisseur",
        "Tranche",
        "Type",
        "Md$",
        "Part du tour de table",
        "Sources",
    ]
    assert tooltip_titles(specs["fr", "paid"]) == [
        "Tranche",
        "Au 5 décembre 2026",
        "Md$",
        "Sources",
    ]
    assert tooltip_titles(specs["fr", "round"]) == [
        "Au 5 décembre 2026",
        "Md$",
        "Tranche",
        "Sources",
    ]
    assert tooltip_titles(specs["fr", "valuation"]) == [
        "Opération",
        "Date",
        "Valorisation, Md$",
        "Montant, Md$",
        "Sources",
    ]
    assert tooltip_titles(specs["fr", "network"]) == ["Liens", "Sources"]
    assert tooltip_titles(specs["en", "network"]) == ["Ties", "Sources"]


def test_the_alt_texts_are_french(specs: dict[tuple[str, str], dict[str, Any]]) -> None:
    shares = specs["fr", "shares"]["description"]
    assert shares.startswith(
        "Graphique en barres du tour de table de 110\u00a0milliards de dollars"
    )
    assert "Amazon 50\u00a0milliards de dollars (45,5\u00a0%)" in shares
    paid = specs["fr", "paid"]["description"]
    assert (
        "au 5 décembre 2026\u00a0: 80\u00a0milliards de dollars (versé, confirmé ou relayé)" in paid
    )
    whole = specs["fr", "round"]["description"]
    assert whole.startswith("Diagramme en barres du tour entier de 110\u00a0milliards de dollars")
    assert "30\u00a0milliards de dollars (versé selon la presse, non confirmé)" in whole
    valuation = specs["fr", "valuation"]["description"]
    assert "840\u00a0milliards de dollars (févr. 2026, primaire)" in valuation
    assert "500\u00a0milliards de dollars (oct. 2025, secondaire)" in valuation
    network = specs["fr", "network"]["description"]
    assert network.startswith("Schéma des liens entre OpenAI et ses partenaires au 27 février")
    azure = (
        "Microsoft Azure\u00a0: hébergement de l’API en exclusivité\u00a0; hébergement des produits"
    )
    assert azure in network


def test_the_drawn_charts_hold_no_english_words(drawn: dict[tuple[str, str], ET.Element]) -> None:
    english = re.compile(
        r"\b(paid|known|on conditions|upfront|scheduled|instalment|Commitment|billions?|"
        r"valuation|Sale|primary|secondary|Tie|invests|letter|exclusive|spend|hosting|IP licence)\b"
        r"|US\$|\$\d|\d(bn|%)|\b(Jan|Feb|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}"
    )
    for (code, name), root in drawn.items():
        words = [t for t in texts(root) if english.search(t)]
        if code == "fr":
            assert not words, f"English words in the French {name} chart: {words}"
        else:
            assert words, f"the pattern finds the English {name} chart's words"  # a live check


def test_the_legends_and_labels_are_french(drawn: dict[tuple[str, str], ET.Element]) -> None:
    # each kind written under its part of the bar; SoftBank's three instalments share one label
    assert {"immédiate", "sous conditions", "échéance programmée × 3"} <= set(
        texts(drawn["fr", "shares"])
    )
    states = {"versé, confirmé ou relayé", "versé selon la presse, non confirmé"}
    assert {
        "50\u00a0Md$ (versé, confirmé ou relayé)",
        "30\u00a0Md$ (versé selon la presse, non confirmé)",
    } <= set(texts(drawn["fr", "paid"]))
    assert states | {"Au 5 décembre 2026", "80\u00a0Md$", "30\u00a0Md$"} <= set(
        texts(drawn["fr", "round"])
    )
    assert "secondaire (cession d’actions)" in texts(drawn["fr", "valuation"])


# French formats -------------------------------------------------------------------------------


def test_the_pdf_charts_write_french_numbers_and_dates(
    drawn: dict[tuple[str, str], ET.Element],
) -> None:
    valuation = texts(drawn["fr", "valuation"])
    assert "avr. 2026" in valuation  # the axis's "%b %Y" in French months
    assert "840\u00a0Md$" in valuation
    assert "50\u00a0Md$ (45,5\u00a0%)" in texts(drawn["fr", "shares"])
    assert "Apr 2026" in texts(drawn["en", "valuation"])
    assert "$50bn (45.5%)" in texts(drawn["en", "shares"])


@pytest.mark.parametrize(
    ("code", "percent", "month"), [("fr", "13,1\u00a0%", "avr. 2026"), ("en", "13.1%", "Apr 2026")]
)
def test_vega_formats_follow_the_edition(code: str, percent: str, month: str) -> None:
    """Numbers and dates that Vega itself formats (``.1%``, ``%b %Y``) are the edition's."""
    frame = pd.DataFrame({"day": ["2026-04-15"], "share": [0.131]})
    chart = (
        alt.Chart(frame)
        .mark_point()
        .encode(
            x=alt.X("day:T", axis=alt.Axis(format="%b %Y", values=["2026-04-15"])),
            y=alt.Y("share:Q", axis=alt.Axis(format=".1%", values=[0.131])),
        )
    )
    drawn = texts(ET.fromstring(charts.svg(styled(chart, "x", language(code)).to_dict())))
    assert percent in drawn
    assert month in drawn


def test_only_a_french_chart_carries_its_formats(
    specs: dict[tuple[str, str], dict[str, Any]],
) -> None:
    for (code, _name), spec in specs.items():
        options = spec.get("usermeta", {}).get("embedOptions", {})
        if code == "en":
            # the English spec is as it was: no formats (the diagram's usermeta has only its
            # narrowest width in the page)
            assert options == {}
            assert charts.locale_options(spec) == {}
            continue
        assert options["formatLocale"]["decimal"] == ","
        assert options["formatLocale"]["percent"] == "\u00a0%"  # as the prose writes it
        assert options["timeFormatLocale"]["shortMonths"][3] == "avr."
        assert set(charts.locale_options(spec)) == {"format_locale", "time_format_locale"}


# Claims ---------------------------------------------------------------------------------------


def spans(markdown: str) -> Counter[str]:
    return Counter(c for ids in SPAN.findall(markdown) for c in ids.split())


def test_the_paid_summary_keeps_its_claims_in_french(fr: ReportData, en: ReportData) -> None:
    french, english = payments.paid_facts(fr), payments.paid_facts(en)
    summary = french.summary
    assert summary.startswith(
        "Au 5 décembre 2026, les sources font état du versement de 110\u00a0milliards de dollars "
        "sur les 110\u00a0milliards de dollars engagés\u00a0: la tranche 1 d’Amazon "  # elided
        "(15\u00a0milliards de dollars) au plus tard le 31 mars 2026, la tranche 2 d’Amazon "
        "(35\u00a0milliards de dollars) au plus tard le 31 juillet 2026, les 30\u00a0milliards "
        "de dollars de Nvidia au plus tard le 2 octobre 2026"
    )
    assert "on ignore" not in summary  # every tranche is reported paid
    assert "\\" not in summary  # plain text: md() escapes it once
    markdown = summary.markdown  # type: ignore[attr-defined]
    assert spans(markdown) == spans(english.summary.markdown)  # type: ignore[attr-defined]
    assert 'data-how="somme des versements au 5 décembre 2026\u00a0: 15\u00a0milliards' in markdown


def test_the_paid_table_keeps_its_claims_in_french(fr: ReportData, en: ReportData) -> None:
    french, english = paid_table.paid_table(fr), paid_table.paid_table(en)
    assert french.columns[0] == "Investisseur"
    assert french.records == english.records  # the data, not the words
    french_cells = " ".join(cell for row in french.rows for cell in row)
    english_cells = " ".join(cell for row in english.rows for cell in row)
    assert spans(french_cells) == spans(english_cells)
    rows = {r["commitment_id"]: row for r, row in zip(french.records, french.rows, strict=True)}
    assert rows["2026-02-softbank-1"][1] == "1 sur 3"
    amount = text("10\u00a0milliards de dollars")
    assert rows["2026-02-softbank-1"][4] == (
        f'versement de [{amount}]{{.claim data-claims="c098"}} '
        'le [1er avril 2026]{.claim data-claims="c097 c133 c134"} '
        + text("(déclaration de la partie, relayée)")
    )
    nvidia = text("30\u00a0milliards de dollars")
    assert rows["2026-02-nvidia-1"][4] == (
        f'versement de [{nvidia}]{{.claim data-claims="c120"}} '
        'au plus tard le [2 octobre 2026]{.claim data-claims="c119"} '
        + text("(rapporté, non confirmé)")
    )
    # paid in two parts: the sum, and each part's claims
    amazon = text("35\u00a0milliards de dollars")
    assert rows["2026-02-amazon-2"][4].startswith(
        f'versement de [{amazon}]{{.claim data-claims="c302 c307 c304 c306" .derived '
        'data-how="somme des versements\u00a0: 13,7\u00a0milliards de dollars + '
        '21,3\u00a0milliards de dollars"}'
    )


def test_the_chart_data_are_the_same_in_both_editions(fr: ReportData, en: ReportData) -> None:
    french, english = figures.tranches_frame(fr), figures.tranches_frame(en)
    assert list(french["amount_bn"]) == list(english["amount_bn"])

    # the words quoted and the claims stay as written; the status and the punctuation around
    # them are the edition's
    def quoted(line: str) -> list[tuple[str, str]]:
        return re.findall(r"[“«]\u00a0?(.*?)\u00a0?[”»] \((c\d+)\)", line)

    assert [quoted(t) for t in french["sources"]] == [quoted(t) for t in english["sources"]]
    assert all(quoted(t) for t in english["sources"])
    assert any("SECONDAIRE\u00a0: «\u00a0" in t for t in french["sources"])
    assert not any("SECONDARY" in t for t in french["sources"])
    assert set(french["kind"]) == {
        "immédiate",
        "sous conditions",
        "échéance programmée",
        "calendrier non communiqué",
    }
    assert list(links_frame(fr)["style"]) == list(links_frame(en)["style"])  # keys, not words


def test_the_evidence_cards_speak_french(fr: ReportData, en: ReportData) -> None:
    page = EvidencePage(fr)._repr_html_()
    words = re.search(r'id="of-evidence-words">(.*?)</script>', page)
    assert words is not None
    assert json.loads(words.group(1)) == {
        "computed": "Calcul\u00a0: {how}",
        "from": "À partir de\u00a0:",
        "source": "source",
        "claim": "citation {id}",
    }
    assert 'id="of-evidence-words"' not in EvidencePage(en)._repr_html_()  # evidence.js's own words


# Labels never cut -----------------------------------------------------------------------------


def frame_of(root: ET.Element) -> tuple[str, str]:
    """The root group's offset and the view's background path."""
    group = root.find(f"{SVG}g")
    background = root.find(f".//{SVG}path[@class='background']")
    assert group is not None
    assert background is not None
    return group.get("transform", ""), background.get("d", "")


def test_a_label_that_leaves_the_frame_is_seen() -> None:
    """The check below finds a label that sticks out of the view: Vega narrows the view."""
    frame = pd.DataFrame({"x": [0.98], "y": [0.5], "t": ["a label far too long to fit " * 2]})
    chart = (
        alt.Chart(frame)
        .mark_text(align="left")
        .encode(
            x=alt.X("x:Q", scale=alt.Scale(domain=[0, 1]), axis=None),
            y=alt.Y("y:Q", axis=None),
            text="t:N",
        )
        .properties(height=100)
    )
    root = ET.fromstring(charts.svg(styled(chart, "x").to_dict()))
    assert frame_of(root)[1] != f"M0,0h{WIDTH - 10}v100h-{WIDTH - 10}Z"


@pytest.mark.parametrize("code", ["fr", "en"])
def test_the_diagram_labels_sit_inside_its_frame(
    code: str,
    specs: dict[tuple[str, str], dict[str, Any]],
    drawn: dict[tuple[str, str], ET.Element],
) -> None:
    root = drawn[code, "network"]
    height = specs[code, "network"]["height"]
    # no label sticks out left or right: the view keeps the whole width, at the padding
    assert frame_of(root) == (
        "translate(5,5)",
        f"M0,0h{WIDTH - 10}v{height}h-{WIDTH - 10}Z",
    )
    # nor above or below: from the first line's top to the last line's bottom (lines 12 px
    # apart), each label of the diagram is inside the view's height
    labels = [n for n in root.iter(f"{SVG}text") if n.get("aria-roledescription") == "text mark"]
    rows = [r for rows in specs[code, "network"]["datasets"].values() for r in rows]
    named = {r["org_id"] for r in rows if "name" in r}
    tied = {r["org_id"] for r in rows if "ties" in r}
    assert len(labels) == len(named) + len(tied)  # every organization's name, every edge's ties
    for node in labels:
        size = float(node.get("font-size", "").removesuffix("px"))
        lines = len(list(node.iter(f"{SVG}tspan"))) or 1
        baseline = float(
            re.findall(r"translate\(([-\d.]+),([-\d.]+)\)", node.get("transform", ""))[0][1]
        )
        top, bottom = baseline - size, baseline + 12 * (lines - 1) + 0.3 * size
        assert top >= 0, (node.get("aria-label"), top)
        assert bottom <= height, (node.get("aria-label"), top, bottom)


@pytest.mark.parametrize("code", ["fr", "en"])
def test_no_label_is_cut(
    code: str,
    specs: dict[tuple[str, str], dict[str, Any]],
    drawn: dict[tuple[str, str], ET.Element],
) -> None:
    for name, spec in ((n, specs[code, n]) for n in CHARTS):
        root = drawn[code, name]
        assert int(root.get("width", "0")) == WIDTH, name  # the page's measure, every chart
        assert spec["config"]["axis"]["labelLimit"] == 0
        assert spec["config"]["legend"]["labelLimit"] == 0
        assert (name == "network") == ("role-legend" in ET.tostring(root, encoding="unicode"))
        written = texts(root)
        assert not [t for t in written if "…" in t], name
    # every label of the data is drawn whole
    network = specs[code, "network"]
    edges = next(v for v in network["datasets"].values() if v and "ties" in v[0])
    assert {e["ties"] for e in edges} <= set(texts(drawn[code, "network"]))
    shares = specs[code, "shares"]
    labels = next(v for v in shares["datasets"].values() if v and "label" in v[0])
    assert {r["label"] for r in labels} <= set(texts(drawn[code, "shares"]))


def test_the_chart_tooltips_are_not_cut_by_their_style() -> None:
    """vega-tooltip cuts a value to 300 px and 7 lines; the page's style lets it wrap whole."""
    css = _asset("evidence.css")
    rule = re.search(r"#vg-tooltip-element table tr td\.value \{([^}]*)\}", css)
    assert rule is not None
    assert "max-height: none" in rule.group(1)
    assert "overflow-wrap: anywhere" in rule.group(1)


# In a browser ---------------------------------------------------------------------------------


#: The months as a French chart's axis abbreviates them (CLDR, through Babel).
FRENCH_SHORT_MONTHS = {
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
}


@pytest.mark.slow
@pytest.mark.browser
def test_the_page_draws_french_charts_whole_tooltips_and_cards(
    fr: ReportData, tmp_path: Path
) -> None:
    from browser import visit
    from openai_funding.render.pandoc import filter_path

    specs = [figures.valuation_history(fr).to_dict(), figures.investment_shares(fr).to_dict()]
    body = "".join(charts.html_embed(f"of-chart-{n}", s) for n, s in enumerate(specs, 1))
    page = tmp_path / "fr.html"
    page.write_text(
        '<!doctype html><html lang="fr"><head><meta charset="utf-8">'
        # the page's style: a chart as wide as its column needs it to measure the column
        f"<style>{filter_path('page.css').read_text(encoding='utf-8')}</style>"
        f"{charts.bundle_script(charts.vl_version(specs[0]))}</head><body>{body}"
        '<p><a class="claim derived" href="#claim-c026" data-claims="c026" '
        'data-how="somme">110</a></p>'
        f"{EvidencePage(fr)._repr_html_()}{charts.LOADER}</body></html>",
        encoding="utf-8",
    )
    tip = """
    (() => {
      const bar = document.querySelector('#of-chart-2 svg .mark-rect path');
      const r = bar.getBoundingClientRect();
      for (const kind of ['pointermove', 'mousemove']) {
        const at = {bubbles: true, clientX: r.x + 3, clientY: r.y + 3};
        bar.dispatchEvent(new MouseEvent(kind, at));
      }
      const cells = document.querySelectorAll('#vg-tooltip-element td');
      return Array.from(cells).map((td) =>
        [td.textContent, td.scrollWidth <= td.clientWidth + 1
                         && td.scrollHeight <= td.clientHeight + 1]);
    })()
    """
    card = """
    (() => {
      const a = document.querySelector('a.claim');
      a.focus();
      const box = document.getElementById(a.getAttribute('aria-describedby') || '');
      return box ? Array.from(box.querySelectorAll('.of-how, .of-inputs, a')).map(
        (n) => n.textContent) : null;
    })()
    """
    seen = visit(
        page,
        {
            "card": card,
            "texts": "Array.from(document.querySelectorAll('div.of-chart svg text'))"
            ".map(t => t.textContent)",
            "tip": tip,
        },
    )
    assert seen.charts_drawn
    assert seen.console_errors == []
    # the time axis's ticks (how many depends on the chart's width) are French months
    months = [t for t in seen.values["texts"] if re.fullmatch(r"\S+ 20\d\d", t)]
    assert months
    assert all(m.split()[0] in FRENCH_SHORT_MONTHS for m in months), months
    assert "50\u00a0Md$ (45,5\u00a0%)" in seen.values["texts"]
    shown = seen.values["tip"]
    cells = {shown[i][0]: shown[i + 1][0] for i in range(0, len(shown) - 1, 2)}
    assert cells["Part du tour de table"] == "13,6\u00a0%"
    assert all(whole for _text, whole in seen.values["tip"]), seen.values["tip"]
    assert seen.values["card"] == [
        "Calcul\u00a0: somme",
        "À partir de\u00a0:",
        "source",
        "citation c026",
    ]
