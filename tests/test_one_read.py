"""The descriptor is parsed once per command: every stage gets the package object instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from buildrepo import EPOCH, make_repo
from openai_funding.build import site
from openai_funding.cli import main
from openai_funding.content import data as report_module
from openai_funding.package import descriptor


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every parse of a descriptor (:func:`~openai_funding.package.descriptor.read_descriptor`,
    the one function that parses it) during the test."""
    seen: list[Path] = []
    real = descriptor.read_descriptor

    def counting(path: str | Path) -> dict[str, object]:
        seen.append(Path(path))
        return real(path)

    monkeypatch.setattr(descriptor, "read_descriptor", counting)
    return seen


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["validate", "--schema-only", "--json"],
        ["validate", "--report", "{tmp}/validation.json"],
        ["validate", "--report", "{tmp}/validation.json", "--reuse"],
        ["hash"],
        ["due", "--json"],
    ],
    ids=" ".join,
)
def test_each_command_parses_the_descriptor_once(
    args: list[str], package_copy: Path, tmp_path: Path, parses: list[Path]
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "--reuse" in argv:  # a stored report to reuse
        assert main([*argv[:-1], str(package_copy)]) == 0
        parses.clear()
    assert main([*argv, str(package_copy)]) == 0
    assert parses == [package_copy]


def test_a_build_parses_the_descriptor_once(
    tmp_path: Path, parses: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build reads the package once, and hands it to the hashes, the validation and the
    copy of the data; the report's kernel (another process) reads it once more, for itself."""
    repo = make_repo(tmp_path / "repo")

    def render(path: Path, *, output_dir: Path, **kwargs: object) -> None:  # noqa: ARG001
        for _lang, folder in site.EDITIONS:  # what the engine writes: each edition's page and PDF
            (output_dir / folder).mkdir(parents=True, exist_ok=True)
            for name in ("index.html", "index.pdf"):
                (output_dir / folder / name).write_text("rendered", encoding="utf-8")

    monkeypatch.setattr("openai_funding.render.render", render)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert main(["build", "--root", str(repo), "--engine", "offline"]) == 0
    assert parses == [repo / "datapackage.json"]
    parses.clear()
    report_module.report_data.__wrapped__(str(repo / "datapackage.json"))
    assert parses == [repo / "datapackage.json"]
