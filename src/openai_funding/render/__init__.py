"""Render Quarto documents to self-contained HTML and PDF, with real Quarto or offline.

``render(path, to=("html", "pdf"), engine="auto")`` writes ``DIR/<name>.html`` and
``DIR/<name>.pdf``; see :func:`openai_funding.render.api.render`.
"""

from __future__ import annotations

from openai_funding.render.api import RenderResult, render
from openai_funding.render.errors import InputError, RenderError

__all__ = ["InputError", "RenderError", "RenderResult", "render"]
