"""The engines and output formats the render engine knows: the one list of each."""

from __future__ import annotations

#: ``auto`` picks Quarto when ``quarto`` is on PATH, else the offline backend.
ENGINES = ("auto", "quarto", "offline")
TARGETS = ("html", "pdf")
