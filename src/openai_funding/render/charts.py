"""Altair / Vega-Lite charts: the inlined vega bundle for HTML and SVG for the PDF, via vl-convert.

Building the bundle takes about 1.5 s, so it is cached on disk under
``$XDG_CACHE_HOME/openai-funding`` (default ``~/.cache/openai-funding``), keyed by the vl-convert
and Vega-Lite versions, and written atomically.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

#: The chart font for the PDF: bundled with the typst compiler, so SVG text never falls back.
CHART_FONT = "Libertinus Serif"

_SCHEMA_VERSION = re.compile(r"/v(\d+)\.(\d+)(?:\.\d+)?\.json$")

LOADER = """<script>
document.querySelectorAll("div.of-chart").forEach(function (el) {
  var spec = JSON.parse(document.getElementById(el.id + "-spec").textContent);
  vegaEmbed(el, spec, {actions: false, renderer: "svg"}).catch(function (err) {
    console.error(err);
  });
});
</script>
"""


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "openai-funding"


def vl_version(spec: dict[str, Any]) -> str | None:
    """The ``X.Y`` Vega-Lite version a spec's ``$schema`` names, if vl-convert has it."""
    import vl_convert

    m = _SCHEMA_VERSION.search(str(spec.get("$schema", "")))
    if not m:
        return None
    wanted = f"{m.group(1)}.{m.group(2)}"
    return wanted if wanted in vl_convert.get_vegalite_versions() else None


def javascript_bundle(version: str | None) -> str:
    """vl-convert's Vega + Vega-Lite + vega-embed bundle, from the disk cache when present."""
    import vl_convert

    key = f"vega-bundle-vlc{vl_convert.__version__}-vl{version or 'latest'}.js"
    path = cache_dir() / key
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    bundle = vl_convert.javascript_bundle(vl_version=version)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".bundle-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(bundle)
        Path(tmp).replace(path)
    except OSError:
        pass  # a read-only cache only costs time
    return bundle


def bundle_script(version: str | None) -> str:
    """The bundle as one inline ``<script>`` element, safe against an early ``</script>``."""
    code = javascript_bundle(version).replace("</script", "<\\/script")
    return f'<script id="of-vega-bundle">\n{code}\n</script>\n'


def html_embed(chart_id: str, spec: dict[str, Any]) -> str:
    """A container div and the spec as inert JSON; :data:`LOADER` draws it once the page loads."""
    data = json.dumps(spec, sort_keys=True, ensure_ascii=False).replace("<", "\\u003c")
    cid = html.escape(chart_id)
    return (
        f'<div id="{cid}" class="of-chart"></div>\n'
        f'<script type="application/json" id="{cid}-spec">{data}</script>\n'
    )


def locale_options(spec: dict[str, Any]) -> dict[str, Any]:
    """The number and date formats a spec carries for vega-embed (``usermeta.embedOptions``'s
    ``formatLocale`` and ``timeFormatLocale``), as vl-convert's arguments: the PDF's chart
    writes ``13,1 %`` and ``avr. 2026`` as the page's does."""
    usermeta = spec.get("usermeta")
    options = usermeta.get("embedOptions") if isinstance(usermeta, dict) else None
    if not isinstance(options, dict):
        return {}
    names = {"formatLocale": "format_locale", "timeFormatLocale": "time_format_locale"}
    return {arg: options[key] for key, arg in names.items() if options.get(key)}


#: The width a chart that takes its container's width (``"width": "container"``) is drawn at
#: where there is no container: the PDF's charts, at the page's measure.
STATIC_WIDTH = 680


def svg(spec: dict[str, Any]) -> str:
    """The chart as SVG with text in :data:`CHART_FONT`, in the number and date formats it
    carries (:func:`locale_options`). A chart as wide as its container in the page is drawn
    :data:`STATIC_WIDTH` wide."""
    import vl_convert

    if spec.get("width") == "container":
        spec = {**spec, "width": STATIC_WIDTH}
    return vl_convert.vegalite_to_svg(
        spec, vl_version=vl_version(spec), config={"font": CHART_FONT}, **locale_options(spec)
    )
