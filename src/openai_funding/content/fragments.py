"""Source links that open at the quote: a URL text fragment (``#:~:text=``, the WHATWG syntax that
Chromium, Edge and Safari follow; other browsers ignore it and open the page's top) built from
the first words of the quote, so that a browser scrolls to them and highlights them."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote as percent

#: At most this many words (space-separated scripts) or characters (Chinese, Japanese) of the
#: quote: enough to be found, short enough to stay within one sentence of the page.
WORDS = 8
CHARACTERS = 16
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")
#: What stays unencoded in the words; '-' and ',' delimit a text directive's parts and '&' its
#: directives, so they are always percent-encoded, and so are quotes and parentheses, which the
#: address's attribute in the page need not hold as they are.
_SAFE = "!*~._"


def fragment_text(quote: str) -> str:
    """The words a text fragment looks for: the opening words of the quote's first passage (up to
    an omission, "…"), without the punctuation that would end a sentence; ``""`` when none."""
    pieces = [p for p in unicodedata.normalize("NFC", quote).split("…") if p.strip(' "“”')]
    text = pieces[0] if pieces else ""
    # markup around a quote taken from Markdown (a table's pipes, a list's dash) is not on the page
    text = " ".join(text.replace("\u00a0", " ").replace("|", " ").split())
    text = text.lstrip(" -*#>").strip(" \"'“”«»‘’()[]")
    if not text:
        return ""
    if _CJK.search(text[:CHARACTERS]) and len(text.split()) <= 2:
        words = text[:CHARACTERS]
    else:
        words = " ".join(text.split()[:WORDS])
    return words.rstrip(" .,;:!?\"'“”»)").strip()


def with_fragment(url: str, quote: str) -> str:
    """``url`` with a text fragment for ``quote`` (``url`` unchanged when the quote has no words
    to look for, or the address already carries a text directive)."""
    words = fragment_text(quote)
    if not url or not words or ":~:" in url:
        return url
    directive = ":~:text=" + percent(words, safe=_SAFE).replace("-", "%2D")
    return url + directive if "#" in url else url + "#" + directive
