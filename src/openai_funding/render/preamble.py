"""Code run in the kernel before the document's first cell (not counted as a cell).

It registers an IPython display formatter for Altair charts that emits
``application/vnd.vegalite.v6+json`` (Altair 6's own ``...v6.json`` is not a valid notebook mime
type, so nbformat rejects it), deferred by name so Altair is only imported if the document uses it;
shortens warnings raised by cell code to ``Category: message`` (the cell's file name holds the
kernel's process id, which would change the output on every run); and defines the helper that
shows the value of an inline `` `{python} expr` ``.
"""

from __future__ import annotations

VEGALITE_MIME = "application/vnd.vegalite.v6+json"
INLINE_MIME = "text/x-openai-funding-inline"

PREAMBLE = f"""
def __openai_funding_setup():
    import warnings
    from IPython import get_ipython

    def vegalite_bundle(chart):
        return {{{VEGALITE_MIME!r}: chart.to_dict(), "text/plain": f"<{{type(chart).__name__}}>"}}

    formatter = get_ipython().display_formatter.mimebundle_formatter
    formatter.for_type_by_name("altair.vegalite.v6.api", "TopLevelMixin", vegalite_bundle)

    original = warnings.formatwarning

    def formatwarning(message, category, filename, lineno, line=None):
        if "ipykernel_" in str(filename):
            return f"{{category.__name__}}: {{message}}\\n"
        return original(message, category, filename, lineno, line)

    warnings.formatwarning = formatwarning


def __openai_funding_inline(value):
    from IPython.display import display

    if hasattr(value, "_repr_markdown_"):
        text = value._repr_markdown_()
    else:
        text = str(value)
    display({{{INLINE_MIME!r}: text}}, raw=True)


__openai_funding_setup()
del __openai_funding_setup
"""
