"""What each command needs beyond the base install (``pip install openai-funding``: enough
for ``load()``, ``diff``, ``due`` and ``hash``), and the message that says so when it is missing:
the checks, the report's toolchain and the preview are extras (``[check]``, ``[report]``,
``[preview]``, ``[all]`` in ``pyproject.toml``)."""

from __future__ import annotations

#: The extra that each command needs beyond the base install, and modules that show it is there.
NEEDS = {
    "validate": ("check", ("frictionless", "great_expectations")),
    "build": ("report", ("frictionless", "great_expectations", "pyarrow", "nbclient", "typst")),
    "render": ("report", ("nbclient", "pypandoc", "typst", "altair", "babel")),
    "preview": ("preview", ("watchfiles", "nbclient", "typst")),
}


def missing_extra(command: str) -> str | None:
    """Why ``command`` cannot run in this install (an extra not installed), or None."""
    from importlib.util import find_spec

    extra, modules = NEEDS.get(command, ("", ()))
    absent = [m for m in modules if find_spec(m) is None]
    if not absent:
        return None
    return (
        f"openai-funding {command}: needs the '{extra}' extra, not installed here "
        f"(no module {', '.join(absent)}); install it with: "
        f"python -m pip install 'openai-funding[{extra}]'"
    )
