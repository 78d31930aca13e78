"""Render Quarto documents with real Quarto or an offline backend (placeholder, see issue 4)."""
