"""Defer two heavy imports that Great Expectations makes but our rules never use.

Importing ``great_expectations`` imports every built-in expectation, and one of them
(``expect_column_kl_divergence_to_be_less_than``) imports ``scipy.stats`` and ``altair`` at module
level, for its statistics and its chart. Together they cost about 1.5 s of the ~3.5 s import, and
none of our suites uses that expectation. :func:`defer` puts a stand-in module in
``sys.modules`` for each: the first attribute looked up on it imports the real module (so any
code that does use it still works, only later), and until then nothing is loaded.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any

#: Modules imported by Great Expectations at import time and used only by expectations we do
#: not run.
DEFERRED = ("scipy.stats", "altair")


class DeferredModule(types.ModuleType):
    """A stand-in that imports the real module on first attribute access and forwards to it."""

    def __getattr__(self, attribute: str) -> Any:
        return getattr(_real(self.__name__), attribute)

    def __dir__(self) -> list[str]:
        return dir(_real(self.__name__))


def defer(names: tuple[str, ...] = DEFERRED) -> None:
    """Install a :class:`DeferredModule` for each module of ``names`` not imported yet."""
    for name in names:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None:
            continue  # not installed: Great Expectations copes, or fails as it would anyway
        stand_in = DeferredModule(name)
        stand_in.__spec__ = spec
        stand_in.__file__ = spec.origin
        if spec.submodule_search_locations is not None:
            stand_in.__path__ = list(spec.submodule_search_locations)
        sys.modules[name] = stand_in


def _real(name: str) -> types.ModuleType:
    module = sys.modules.get(name)
    if isinstance(module, DeferredModule):
        del sys.modules[name]
        module = importlib.import_module(name)
    return module  # type: ignore[return-value]
