"""Bad data never gets through and never crashes: every broken copy of ``corpus.CASES`` is refused
by ``openai-funding validate`` (and a representative subset by ``openai-funding build``) with
the expected exit code, a message naming the file (and the row and field where the problem is in
a row), no traceback, and no change to ``data/``, ``datapackage.json`` or ``_site/``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from broken_corpus import CASES, Case
from hardening_helpers import make_copy, run_cli, snapshot

from support import tiered

#: One or more cases of every category and every exit code, for the (slower) build.
BUILD_SUBSET = [
    "descriptor missing",
    "descriptor resource that is not an object",
    "resource path leaves the package",
    "data file links outside the package",
    "semicolons for commas",
    "integer too large for 64 bits",
    "duplicate composite key",
    "truncated UTF-8",
    "post-money does not follow",
    "value changed, claim left as it was",
    "formula in a name",
    "javascript URL in sources",
]


#: The fast tier validates the first case of each category and builds one case per exit code.
FAST_CASES = {
    min(n for n in CASES if CASES[n].category == c) for c in {c.category for c in CASES.values()}
}
FAST_BUILDS = {"descriptor missing", "post-money does not follow"}


@pytest.fixture
def broken(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Case, Path]:
    """A fresh copy of the package broken by the case named by the test's parameter."""
    case = CASES[request.param]
    folder = tmp_path / "package"
    folder.mkdir()
    make_copy(folder)
    case.apply(folder)
    return case, folder


def assert_refused(case: Case, code: int, out: str) -> None:
    """The exit code, and a message line at the right place naming the field; never a crash."""
    assert code == case.code, out
    assert "Traceback" not in out, out
    assert "internal error" not in out, out
    lines = [line.strip() for line in out.splitlines()]
    if case.code == 2:
        at_place = [line for line in lines if f"{case.where}:" in line]
    else:
        at_place = [line for line in lines if line.startswith(case.where)]
    assert at_place, out
    named = [
        line
        for line in at_place
        if (case.field is None or f"field {case.field!r}" in line) and case.words in line
    ]
    assert named, out


def test_the_corpus_covers_every_category() -> None:
    categories = Counter(case.category for case in CASES.values())
    assert len(CASES) >= 40
    assert set(categories) == {
        "structure",
        "types",
        "keys",
        "encodings",
        "rules",
        "provenance",
        "injection",
    }
    assert min(categories.values()) >= 4, categories
    assert {case.code for case in CASES.values()} == {1, 2}


@pytest.mark.parametrize("broken", tiered(sorted(CASES), FAST_CASES), indirect=True)
def test_validate_refuses_the_broken_copy(broken: tuple[Case, Path]) -> None:
    case, folder = broken
    before = snapshot(folder)
    code, out = run_cli("validate", str(folder / "datapackage.json"))
    assert_refused(case, code, out)
    assert snapshot(folder) == before


@pytest.mark.parametrize("broken", tiered(BUILD_SUBSET, FAST_BUILDS), indirect=True)
def test_build_refuses_before_rendering_and_keeps_the_site(
    broken: tuple[Case, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    case, folder = broken
    rendered: list[object] = []

    def render(*args: object, **kwargs: object) -> None:
        rendered.append((args, kwargs))

    monkeypatch.setattr("openai_funding.render.render", render)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772150400")
    before = snapshot(folder)
    code, out = run_cli("build", "--root", str(folder), "--engine", "offline")
    assert code == case.code, out
    assert "Traceback" not in out, out
    assert "internal error" not in out, out
    if case.code == 1:
        assert "invalid" in out, out
        assert any(line.strip().startswith(case.where) for line in out.splitlines()), out
    assert rendered == []
    assert snapshot(folder) == before
    assert not list((folder / ".build").glob("stage-*"))
