"""Great Expectations rules: the checks that make the numbers mean what they say.

:func:`run_rules` loads the package's typed frames, builds the views the suites in
``validation/`` ask for (see :mod:`openai_funding.views`), runs every suite in one ephemeral Great
Expectations context and returns one :class:`~openai_funding.validate_cmd.Check` per expectation.
Great Expectations is imported only here, inside :func:`run_rules`: it costs seconds.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from openai_funding.validate_cmd import Check

__all__ = ["run_rules"]


def run_rules(descriptor_path: Path) -> list[Check]:
    """Run every rule suite on the package at ``descriptor_path``; one Check per expectation."""
    from openai_funding import as_of_views, views
    from openai_funding.descriptor import read_descriptor, resolve
    from openai_funding.loading import load
    from openai_funding.rules.engine import Engine
    from openai_funding.rules.suites import load_suites, suites_dir

    target = resolve(descriptor_path)
    descriptor = read_descriptor(target)
    tables = load(target)
    resources = views.layout(descriptor)
    frames = {**views.build_all(tables, resources), **as_of_views.build_all(tables, resources)}
    suites = load_suites(suites_dir(target))
    return Engine().run(suites, frames, descriptor=target.name)
