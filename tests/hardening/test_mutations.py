"""Random damage to the CSV bytes: whatever hypothesis does to a resource, ``openai-funding
validate`` exits 0, 1 or 2, never crashes, never writes, and says "valid" only of a package that
really is: strict UTF-8 without BOM, LF line endings, every row as long as the header, loadable
as typed tables, and valid again when validated a second time."""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from pathlib import Path

import pytest
from hardening_helpers import RESOURCES, make_copy, rehash, run_cli, snapshot
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from openai_funding import load

#: Forty random damages, each validated: the full suite's (the corpus keeps a fast witness).
pytestmark = pytest.mark.slow


@st.composite
def flip(draw: st.DrawFn, raw: bytes) -> bytes:
    """XOR one byte with a non-zero mask."""
    at = draw(st.integers(0, len(raw) - 1))
    mask = draw(st.integers(1, 255))
    return raw[:at] + bytes([raw[at] ^ mask]) + raw[at + 1 :]


@st.composite
def insert(draw: st.DrawFn, raw: bytes) -> bytes:
    """Insert a few bytes, biased towards the ones CSV readers care about."""
    at = draw(st.integers(0, len(raw)))
    special = st.sampled_from([b",", b'"', b"\n", b"\r", b"\x00", b"\xff", b"\xc3", b"=", b"<"])
    extra = draw(st.lists(st.one_of(special, st.binary(min_size=1, max_size=2)), max_size=3))
    return raw[:at] + b"".join(extra or [b","]) + raw[at:]


@st.composite
def delete(draw: st.DrawFn, raw: bytes) -> bytes:
    """Delete a run of 1 to 8 bytes."""
    at = draw(st.integers(0, len(raw) - 1))
    return raw[:at] + raw[at + draw(st.integers(1, 8)) :]


@st.composite
def swap_cells(draw: st.DrawFn, raw: bytes) -> bytes:
    """Swap two cells of one data row (rewritten as CSV, as a spreadsheet would)."""
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    if len(rows) < 2:
        return raw
    line = draw(st.integers(1, len(rows) - 1))
    if len(rows[line]) < 2:
        return raw
    cells = st.integers(0, len(rows[line]) - 1)
    a, b = draw(st.lists(cells, min_size=2, max_size=2, unique=True))
    rows[line][a], rows[line][b] = rows[line][b], rows[line][a]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


@st.composite
def duplicate_line(draw: st.DrawFn, raw: bytes) -> bytes:
    """Repeat one line (the header included) right after itself."""
    lines = raw.split(b"\n")
    at = draw(st.integers(0, len(lines) - 2))
    return b"\n".join([*lines[: at + 1], lines[at], *lines[at + 1 :]])


MUTATIONS = [flip, insert, delete, swap_cells, duplicate_line]


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One clean copy of the package; each example starts from a copy of it."""
    folder = tmp_path_factory.mktemp("original")
    make_copy(folder)
    return folder


def really_valid(folder: Path, resource: str) -> None:
    """What "valid" must mean for the mutated file, checked without the validator."""
    raw = (folder / RESOURCES[resource][0]).read_bytes()
    text = raw.decode("utf-8")  # strict: raises on any byte that is not UTF-8
    assert not text.startswith("\ufeff")
    assert "\r" not in text
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows
    assert all(len(row) == len(rows[0]) for row in rows)
    assert set(load(folder / "datapackage.json")) == set(RESOURCES)
    again, out = run_cli("validate", str(folder / "datapackage.json"))
    assert again == 0, out


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    resource=st.sampled_from(sorted(RESOURCES)),
    mutations=st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3),
    refresh=st.booleans(),
    data=st.data(),
)
def test_random_damage_is_refused_or_really_valid(
    original: Path, resource: str, mutations: list, refresh: bool, data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory(prefix="of-mutation-") as tmp:
        folder = Path(tmp) / "package"
        shutil.copytree(original, folder, symlinks=True)
        path = folder / RESOURCES[resource][0]
        raw = path.read_bytes()
        for mutation in mutations:
            if mutation is swap_cells:
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:
                    continue  # a spreadsheet would not open it either
            raw = data.draw(mutation(raw), label=mutation.__name__)
        path.write_bytes(raw)
        if refresh:
            rehash(folder)
        before = snapshot(folder)
        code, out = run_cli("validate", str(folder / "datapackage.json"))
        assert code in (0, 1, 2), out
        event(f"exit {code}")
        assert "Traceback" not in out, out
        assert "internal error" not in out, out
        assert snapshot(folder) == before
        if code == 0:
            really_valid(folder, resource)
        else:
            assert "INVALID" in out or code == 2, out
