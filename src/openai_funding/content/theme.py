"""The charts' theme: colour-blind-safe colours (Okabe-Ito), width, fonts, and the description
(alt text) every chart carries."""

from __future__ import annotations

import altair as alt
import pandas as pd

#: Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
WIDTH = 680


def styled(chart: alt.TopLevelMixin, description: str) -> alt.TopLevelMixin:
    """Apply the report's theme and the chart's description (read by screen readers)."""
    return (
        chart.properties(description=description)
        .configure(
            font="system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif"
        )
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=11, titleFontSize=12, grid=False)
        .configure_legend(labelFontSize=11, titleFontSize=12, orient="bottom")
        .configure_range(category=OKABE_ITO)
    )


def flag(value: object) -> bool | None:
    """A nullable boolean cell as ``True``, ``False`` or ``None`` (missing)."""
    return None if pd.isna(value) else bool(value)
