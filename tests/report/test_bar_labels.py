"""Direct labels of a bar's parts (:mod:`openai_funding.content.bar_labels`): one line each,
anchored where the part is, running inward so that they stay inside the chart."""

from __future__ import annotations

import pandas as pd
import pytest

from openai_funding.content.bar_labels import TOP, band, bar_offset, part_rows


def written(label: str, count: int, amount: float) -> str:
    return f"{label} ×{count} {amount:g}"


def test_each_part_gets_a_line_of_its_own_and_neighbours_with_one_label_share_it() -> None:
    parts = pd.DataFrame(
        {
            "investor": ["A", "A", "B", "B", "B", "B"],
            "label": ["upfront", "on conditions", "due", "due", "due", "other"],
            "amount_bn": [15.0, 35.0, 10.0, 10.0, 10.0, 5.0],
        }
    )
    rows = part_rows(parts, "investor", written, domain_end=90)
    assert rows.to_dict("records") == [
        {"investor": "A", "text": "upfront ×1 15", "at": 0.0, "align": "left", "line": 0},
        {"investor": "A", "text": "on conditions ×1 35", "at": 15.0, "align": "left", "line": 1},
        {"investor": "B", "text": "due ×3 30", "at": 0.0, "align": "left", "line": 0},
        {"investor": "B", "text": "other ×1 5", "at": 30.0, "align": "left", "line": 1},
    ]


def test_a_part_that_starts_past_the_middle_is_labelled_from_its_end_leftwards() -> None:
    parts = pd.DataFrame(
        {"bar": ["round"] * 2, "label": ["paid", "reported"], "amount_bn": [80, 30]}
    )
    rows = part_rows(parts, "bar", lambda label, _n, _a: label, domain_end=110)
    assert list(zip(rows["at"], rows["align"], strict=True)) == [(0, "left"), (110, "right")]


@pytest.mark.parametrize(("bar", "lines"), [(24, 1), (24, 3), (44, 2)])
def test_the_bar_sits_at_the_top_of_its_band_with_room_for_its_labels(bar: int, lines: int) -> None:
    middle = band(bar, lines) / 2 + bar_offset(bar, lines)  # where the bar's middle is drawn
    assert middle - bar / 2 == TOP
    assert band(bar, lines + 1) > band(bar, lines)
