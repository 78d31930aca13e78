"""The HTML page references nothing outside itself."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from render_helpers import Rendered

_EXTERNAL = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
_IMPORT = re.compile(r"@import\s+(url\()?", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*(https?:)?//", re.IGNORECASE)


def external_references(soup: BeautifulSoup) -> list[str]:
    found = []
    for tag in soup.find_all(["script", "link", "img", "iframe", "source", "video", "audio"]):
        for attr in ("src", "href", "srcset", "data"):
            value = tag.get(attr)
            if value and _EXTERNAL.match(str(value)):
                found.append(f"<{tag.name} {attr}={value}>")
    for style in soup.find_all("style"):
        css = style.get_text()
        if _IMPORT.search(css):
            found.append("@import in <style>")
        found += [f"url() in <style>: {m.group(0)}" for m in _CSS_URL.finditer(css)]
    for tag in soup.find_all(style=True):
        if _CSS_URL.search(tag["style"]):
            found.append(f"url() in style attribute of <{tag.name}>")
    return found


def test_feature_tour_is_self_contained(features: Rendered) -> None:
    soup = features.soup
    assert external_references(soup) == []
    assert soup.find_all("script", src=True) == []
    assert soup.find_all("link", href=True) == []
    assert all(img["src"].startswith("data:") for img in soup.find_all("img"))
    page = features.html.read_text(encoding="utf-8")
    assert "mathjax" not in page.lower()
    assert "fonts.googleapis" not in page


def test_scan_catches_external_references() -> None:
    soup = BeautifulSoup(
        '<script src="https://cdn.example/x.js"></script><link href="//cdn.example/a.css">'
        "<style>@import url(a.css); body { background: url('http://x/y.png') }</style>",
        "html.parser",
    )
    assert len(external_references(soup)) == 4
