"""Great Expectations rules: the checks that make the numbers mean what they say.

:func:`run_rules` loads the package's typed frames, builds the views the suites in
``validation/`` ask for (see :mod:`openai_funding.checks.views`), runs every suite in one ephemeral
Great Expectations context and returns one :class:`~openai_funding.checks.results.Check` per
expectation. Great Expectations is imported only here, inside :func:`run_rules`: it costs seconds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from openai_funding.checks.results import Check
    from openai_funding.checks.rules.engine import Engine
    from openai_funding.package.descriptor import Package

__all__ = ["run_rules"]


def run_rules(package: Package, engine: Engine | None = None) -> list[Check]:
    """Run every rule suite on ``package``; one Check per expectation. ``engine`` is a
    Great Expectations engine to reuse (by default a fresh one)."""
    from openai_funding.checks import as_of_views, purchase_views, translation_views, views
    from openai_funding.checks.rules.engine import Engine
    from openai_funding.checks.rules.suites import load_suites, suites_dir
    from openai_funding.package.loading import load

    tables = load(package)
    frames = {
        **views.build_all(tables, package.tabular),
        **as_of_views.build_all(tables, package.tabular),
        **purchase_views.build_all(tables, package.tabular),
        **translation_views.build_all(tables, package.tabular),
    }
    suites = load_suites(suites_dir(package.path))
    return (engine or Engine()).run(suites, frames, descriptor=package.path.name)
