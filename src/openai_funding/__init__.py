"""openai-funding: a validated data package and report on OpenAI's 2026-02-27 funding round.

The public API is small and loads nothing at import time:

- :func:`load` returns one typed pandas DataFrame per resource of the package; without a path,
  the data that came with the install (they are inside the wheel).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["load"]
__version__ = "0.4.0"

if TYPE_CHECKING:  # pragma: no cover
    from openai_funding.package.loading import load


def __getattr__(name: str) -> object:
    # Lazy: importing the package must stay cheap (no pandas, no frictionless).
    if name == "load":
        from openai_funding.package.loading import load

        return load
    raise AttributeError(name)
