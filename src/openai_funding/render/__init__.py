"""Render Quarto documents to self-contained HTML and PDF, with real Quarto or offline.

``render(path, to=("html", "pdf"), engine="auto")`` writes ``DIR/<name>.html`` and
``DIR/<name>.pdf``; see :func:`openai_funding.render.api.render`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from openai_funding.render.api import RenderResult, render
    from openai_funding.render.errors import InputError, RenderError

__all__ = ["InputError", "RenderError", "RenderResult", "render"]


def __getattr__(name: str) -> object:
    # Lazy, so that the command line can read the engine list without loading the engine.
    if name in ("RenderResult", "render"):
        from openai_funding.render import api

        return getattr(api, name)
    if name in ("InputError", "RenderError"):
        from openai_funding.render import errors

        return getattr(errors, name)
    raise AttributeError(name)
