"""Time the offline render of a document with three charts and three tables, both formats.

Run ``python benchmarks/bench_render.py`` (``nox -s bench`` calls :func:`main`). The document is
generated into a temporary folder and rendered ``--repeat`` times (the first run also fills the
vega bundle cache); the stage times of each run are printed.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

STAGES = ("kernel start", "execute", "pandoc html", "pandoc typst", "typst compile", "total")

DOCUMENT = """\
---
title: Benchmark
author: Bench
date: today
toc: true
number-sections: true
execute:
  echo: false
---

# Data

```{{python}}
import altair as alt
import pandas as pd

frames = [
    pd.DataFrame({{"investor": [f"I{{k}}" for k in range(8)], "amount": [(k + 1) * (i + 2) for k in range(8)]}})
    for i in range(3)
]
```

{sections}
"""

SECTION = """\
# Part {n}

See @fig-chart{n} and @tbl-table{n}.

```{{python}}
#| label: fig-chart{n}
#| fig-cap: Chart {n}
alt.Chart(frames[{i}]).mark_bar().encode(x="investor", y="amount")
```

```{{python}}
#| label: tbl-table{n}
#| tbl-cap: Table {n}
frames[{i}]
```

::: {{.callout-note}}
Note {n}.
:::
"""


def write_document(folder: Path) -> Path:
    """Write the three-charts, three-tables document into ``folder``."""
    sections = "\n".join(SECTION.format(n=i + 1, i=i) for i in range(3))
    path = folder / "bench.qmd"
    path.write_text(DOCUMENT.format(sections=sections), encoding="utf-8")
    return path


def run_once(path: Path, out: Path) -> dict[str, float]:
    from openai_funding.render import render

    result = render(path, to=("html", "pdf"), engine="offline", output_dir=out, log=lambda _m: None)
    return result.timings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_render", description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="renders to time (default: 3)")
    args, _ = parser.parse_known_args(argv)  # nox passes the same arguments to every bench
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    t = time.perf_counter()
    import openai_funding.render  # noqa: F401 - import time is not render time

    print(f"{'import':>14}: {time.perf_counter() - t:6.3f} s")
    with tempfile.TemporaryDirectory(prefix="bench-render-") as tmp:
        path = write_document(Path(tmp))
        for run in range(1, args.repeat + 1):
            timings = run_once(path, Path(tmp) / "out")
            label = "cold" if run == 1 else "warm"
            print(f"run {run} ({label}):")
            for stage in STAGES:
                print(f"{stage:>14}: {timings.get(stage, 0.0):6.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
