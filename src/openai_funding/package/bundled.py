"""Where the package's own copy of the data is: what ``openai_funding.load()`` reads when it is
given no path.

An installed wheel carries the descriptor and its files in ``openai_funding/dataset/`` (the
build hook ``hatch_build.py`` puts them there); a source checkout (or an editable install of it)
reads its own ``datapackage.json``.
"""

from __future__ import annotations

from pathlib import Path

from openai_funding.package.problems import UnusableInputError

PACKAGE_DIR = Path(__file__).resolve().parents[1]
#: The copy inside an installed wheel.
WHEEL_COPY = PACKAGE_DIR / "dataset" / "datapackage.json"
#: The descriptor of a source checkout (``src/openai_funding`` → the repository).
CHECKOUT_COPY = PACKAGE_DIR.parents[1] / "datapackage.json"


def bundled_descriptor() -> Path:
    """The descriptor of the data that came with this install (see the module's text)."""
    for path in (WHEEL_COPY, CHECKOUT_COPY):
        if path.is_file():
            return path
    raise UnusableInputError(
        f"{WHEEL_COPY}: this install of openai-funding carries no data; "
        "pass the path of a datapackage.json (for example of an unpacked release archive)"
    )
