"""The stand-ins for modules Great Expectations imports but the rules never use."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

DESCRIPTOR = Path(__file__).resolve().parents[2] / "datapackage.json"


def run_python(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return result.stdout.strip()


def test_rules_never_load_the_deferred_modules() -> None:
    out = run_python(
        f"""
        import sys
        from pathlib import Path
        from openai_funding.checks.rules import run_rules
        from openai_funding.package.descriptor import read_package
        checks = run_rules(read_package({str(DESCRIPTOR)!r}))
        assert checks and all(c.success for c in checks)
        print(type(sys.modules["scipy.stats"]).__name__, type(sys.modules["altair"]).__name__)
        """
    )
    assert out == "DeferredModule DeferredModule"


def test_a_deferred_module_loads_on_first_use() -> None:
    out = run_python(
        """
        import sys
        from openai_funding.checks.rules.deferred import defer
        defer()
        import altair as alt
        from scipy import stats
        assert type(sys.modules["scipy.stats"]).__name__ == "DeferredModule"
        print(round(float(stats.entropy([0.5, 0.5], [0.5, 0.5])), 3), alt.Chart.__name__)
        print(type(sys.modules["scipy.stats"]).__name__, type(sys.modules["altair"]).__name__)
        from scipy.stats import norm
        print(norm.__class__.__name__)
        """
    )
    assert out.splitlines() == ["0.0 Chart", "module module", "norm_gen"]
