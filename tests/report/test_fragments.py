"""Source links that open at the quote: a text fragment (``#:~:text=``) built from the quote's
first words, encoded so that a browser finds them."""

from __future__ import annotations

import json
from urllib.parse import unquote

from openai_funding.content.data import ReportData
from openai_funding.content.evidence import claims_json
from openai_funding.content.fragments import fragment_text, with_fragment


def test_the_fragment_is_the_quote_s_first_words() -> None:
    quote = "OpenAI a annoncé vendredi une levée de fonds de 110 milliards de dollars"
    assert fragment_text(quote) == "OpenAI a annoncé vendredi une levée de fonds"
    url = with_fragment("https://www.boursorama.com/x", quote)
    assert url == (
        "https://www.boursorama.com/x#:~:text="
        "OpenAI%20a%20annonc%C3%A9%20vendredi%20une%20lev%C3%A9e%20de%20fonds"
    )


def test_dashes_commas_and_ampersands_are_encoded() -> None:
    url = with_fragment("https://a.example/p", "AI & Tech, the 2026-10-01 digest")
    directive = url.split("#:~:text=", 1)[1]
    assert not {"-", ",", "&"} & set(directive)
    assert unquote(directive) == "AI & Tech, the 2026-10-01 digest"


def test_an_omission_ends_the_words_and_markup_is_dropped() -> None:
    assert fragment_text("on March 31, 2025 (U.S. time), it entered … to make") == (
        "on March 31, 2025 (U.S. time), it entered"
    )
    assert fragment_text("| 2026-09-29 | talks |") == "2026-09-29 talks"
    assert (
        fragment_text("… Amazon's actual 8-K (CIK 1018724)") == "Amazon's actual 8-K (CIK 1018724"
    )
    assert fragment_text("“…”") == ""
    assert with_fragment("https://a.example/p", "“…”") == "https://a.example/p"


def test_an_existing_fragment_or_no_address_is_kept() -> None:
    assert with_fragment("https://a.example/p#top", "Some words").endswith(
        "#top:~:text=Some%20words"
    )
    assert with_fragment("https://a.example/p#:~:text=x", "Some words") == (
        "https://a.example/p#:~:text=x"
    )
    assert with_fragment("", "Some words") == ""


def test_every_source_link_of_the_evidence_opens_at_its_quote(en: ReportData) -> None:
    claims = json.loads(claims_json(en))
    linked = {cid: c for cid, c in claims.items() if c["url"]}
    assert len(linked) > 100
    for cid, claim in linked.items():
        words = unquote(claim["url"].split("#:~:text=", 1)[1])
        assert words in " ".join(claim["quote"].replace("|", " ").split()), cid
