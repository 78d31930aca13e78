"""Direct labels of the parts of a bar: each part named in words under its bar, at its own place,
instead of a legend the reader would look back and forth to (the round at a glance, the
commitments by tranche, the money paid by investor).

Each part's label sits on a line of its own under the bar, so that no two labels collide
whatever the parts' widths: at the part's start and running right when the part starts in the
left half of the scale, at the part's end and running left otherwise, so that it stays inside
the chart at a phone's width. Neighbouring parts of one bar that share a label (the three
scheduled instalments of one investor) share one label.
"""

from __future__ import annotations

from collections.abc import Callable

import altair as alt
import pandas as pd

from openai_funding.content.theme import SMALLEST_TYPE

#: A band's layout in pixels: the space above its bar, the gap between the bar and its first
#: label, the height of a label's line and the space under the last one.
TOP, GAP, LINE, BOTTOM = 4, 4, 15, 10


def band(bar: float, lines: int) -> float:
    """The height of a band whose bar is ``bar`` pixels high, with ``lines`` labels under it."""
    return TOP + bar + GAP + lines * LINE + BOTTOM


def bar_offset(bar: float, lines: int) -> float:
    """How far a bar (and its investor's name, and any text beside it) moves up from the middle
    of its band to the band's top, in pixels (a mark's ``yOffset``, an axis's ``labelOffset``)."""
    return TOP + bar / 2 - band(bar, lines) / 2


def part_rows(
    parts: pd.DataFrame, group: str, text: Callable[[str, int, float], str], domain_end: float
) -> pd.DataFrame:
    """The labels of stacked bars' parts: ``parts`` has one row per part with the columns
    ``group`` (the bar), ``label`` (what the part is) and ``amount_bn``, in each bar's stacking
    order. Neighbouring parts with one label merge; ``text(label, count, amount)`` writes the
    label of ``count`` merged parts of ``amount`` billions. Returns one row per label: ``group``,
    ``text``, ``at`` (where the label is anchored on the scale), ``align`` (``left`` or
    ``right``) and ``line`` (its line under the bar, from 0)."""
    rows = []
    for key, mine in parts.groupby(group, sort=False):
        start, merged = 0.0, []
        for label, amount in zip(mine["label"], mine["amount_bn"].astype(float), strict=True):
            if merged and merged[-1]["label"] == label:
                merged[-1]["count"] += 1
                merged[-1]["amount"] += amount
            else:
                merged.append({"label": label, "count": 1, "amount": amount, "start": start})
            start += amount
        for line, m in enumerate(merged):
            left = m["start"] <= domain_end / 2
            rows.append(
                {
                    group: key,
                    "text": text(m["label"], m["count"], m["amount"]),
                    "at": m["start"] if left else m["start"] + m["amount"],
                    "align": "left" if left else "right",
                    "line": line,
                }
            )
    return pd.DataFrame(rows)


def part_text(
    rows: pd.DataFrame, x: alt.X, y: alt.Y, bar: float, size: int = SMALLEST_TYPE
) -> alt.Chart:
    """The labels of :func:`part_rows` under bars ``bar`` pixels high on the band scale ``y``;
    ``x`` is the bars' own ``x`` (its title and axis), so that the layers share one axis."""
    rows = rows.assign(dy=[TOP + bar + GAP + LINE * line for line in rows["line"]])
    shared = {k: v for k, v in x.to_dict().items() if k in ("title", "scale", "axis")}
    return (
        alt.Chart(rows)
        .mark_text(align=alt.ExprRef("datum.align"), baseline="top", fontSize=size, color="#222")
        .encode(
            y=y,
            yOffset=alt.YOffset("dy:Q", scale=None),
            x=alt.X("at:Q", **shared),
            text="text:N",
        )
    )
