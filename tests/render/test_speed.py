"""The benchmark document (three charts, three tables) renders to both formats.

The speed target itself is measured by ``nox -s bench``, never asserted in a test."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_helpers import load_bench

pytestmark = pytest.mark.slow


def test_bench_document_renders_to_both_formats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    bench = load_bench()
    path = bench.write_document(tmp_path)
    bench.run_once(path, tmp_path / "out")  # warms the bundle cache and the OS caches
    timings = bench.run_once(path, tmp_path / "out")
    assert sorted((tmp_path / "out").iterdir()) == [
        tmp_path / "out" / "bench.html",
        tmp_path / "out" / "bench.pdf",
    ]
    assert set(bench.STAGES) <= set(timings)


def test_bench_main_prints_every_stage(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # main() would set it for good
    bench = load_bench()
    assert bench.main(["--repeat", "1"]) == 0
    out = capsys.readouterr().out
    for stage in bench.STAGES:
        assert f"{stage}:" in out
