"""Reproducible: two clean builds from the same inputs, in different folders and on different
days, give byte-identical files; the date the report shows comes from the inputs, not the clock."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.dates import format_date

from buildrepo import EPOCH, cli, make_repo, run
from support import tree_digest

pytestmark = pytest.mark.slow


def faketime(day: str) -> list[str]:
    exe = shutil.which("faketime")
    if exe is None:
        pytest.fail("faketime is missing: apt-get install faketime (it fakes the clock of a build)")
    return [exe, "-f", f"@{day} 12:00:00"]


@pytest.fixture(scope="module")
def clean_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two clean builds of the same inputs, with neither git nor ``SOURCE_DATE_EPOCH``, in
    folders of other names and on days ten years apart (the second on 2036-12-24)."""
    tmp_path = tmp_path_factory.mktemp("clean")
    first = make_repo(tmp_path / "monday" / "openai-funding")
    second = make_repo(tmp_path / "elsewhere" / "copy")
    for repo, day in ((first, "2026-03-02"), (second, "2036-12-24")):
        done = run([*faketime(day), *cli("build")], repo)
        assert done.returncode == 0, done.stdout + done.stderr
    return first, second


def test_clean_builds_on_different_days_and_folders_match(
    clean_builds: tuple[Path, Path],
) -> None:
    first, second = clean_builds
    digest = tree_digest(first / "_site")
    assert {"fr/index.html", "fr/openai-funding.pdf"} <= set(digest)  # both editions compared
    assert digest == tree_digest(second / "_site")


def test_the_build_date_comes_from_the_inputs(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    done = run([*faketime("2036-12-24"), *cli("build")], repo, SOURCE_DATE_EPOCH=EPOCH)
    assert done.returncode == 0, done.stdout + done.stderr
    shown = datetime.fromtimestamp(int(EPOCH), tz=UTC)
    french = format_date(shown, "d MMMM y", locale="fr")
    for pdf, said in (
        (repo / "_site" / "openai-funding.pdf", f"dated {shown.day} {shown:%B %Y}"),
        (repo / "_site" / "fr" / "openai-funding.pdf", f"daté du {french}"),
    ):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert said in " ".join(text.split()), pdf
        assert "2036" not in text
        info = subprocess.run(
            ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
        ).stdout
        assert "2036" not in info


def test_without_git_or_epoch_the_date_is_the_packages(clean_builds: tuple[Path, Path]) -> None:
    _first, repo = clean_builds  # built on 2036-12-24
    assert not (repo / ".git").exists()
    html = (repo / "_site" / "index.html").read_text(encoding="utf-8")
    created = json.loads((repo / "datapackage.json").read_text(encoding="utf-8"))["created"]
    day = dt.date.fromisoformat(created[:10])
    expected = f"dated {day.day} {day:%B %Y}"  # datapackage.json's `created`, never the clock
    assert expected in " ".join(html.split())
