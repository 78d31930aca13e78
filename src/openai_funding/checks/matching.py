"""Whether words occur in a quote, as whole words: the test behind every claim's
``value_as_written`` (:mod:`~openai_funding.checks.claim_views`), after the same Unicode
normalisation that the parser of written values (:mod:`~openai_funding.checks.written`) reads with."""

from __future__ import annotations

import re
import unicodedata

#: A letter or digit of a script that separates words with spaces: ``in_quote`` will not match
#: words that continue into one ("10" in "110"). Japanese and Chinese write no spaces, so a
#: character of theirs next to the words does not stop a match ("4月1日" in "実行は4月1日(予定)");
#: nor does a Korean syllable, since Korean attaches its particles ("100억달러" in "100억달러를").
_SPACED_WORD = (
    r"[^\W\u1100-\u11ff\u3000-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    r"\uac00-\ud7af\uff00-\uffef]"
)
_SPACED = re.compile(_SPACED_WORD)


def in_quote(written: str, quote: str) -> bool:
    """Whether ``written`` occurs in ``quote`` as whole words (after Unicode normalisation)."""
    needle, haystack = normalise(written), normalise(quote)
    if not needle:
        return False
    # What ``(?<!W)needle(?!W)`` would find, W a letter or digit of a spaced script, without
    # compiling a pattern per claim (a regex per needle cost most of the claim views' time).
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        if not (start and _SPACED.match(haystack, start - 1)) and not _SPACED.match(haystack, end):
            return True
        start = haystack.find(needle, start + 1)
    return False


def normalise(text: str) -> str:
    """``text`` in NFC, its no-break spaces and runs of white space as one space, ``’`` as ``'``."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.replace("’", "'").split())
