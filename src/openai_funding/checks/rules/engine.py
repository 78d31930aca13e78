"""Running suites with Great Expectations: one ephemeral context per run, no usage statistics,
no progress bars, nothing written to disk. Each frame is validated as a whole-DataFrame batch
through a ValidationDefinition.

Great Expectations gives the same outcomes for the same suite on the same frame, so each
process keeps the outcomes of the suites it ran, by the content of the suite and of its frame
(:func:`_content_key`): a suite runs again only when one of them changed. After an edit in the
preview, or on a copy of the package broken in one place, only the suites whose frame the edit
reaches run. The checks are still made from the frame at hand, so they name its files and rows.
"""

from __future__ import annotations

import os
import warnings
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from openai_funding.checks.rules.deferred import defer
from openai_funding.checks.rules.outcomes import Outcome, to_checks

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from openai_funding.checks.results import Check
    from openai_funding.checks.rules.suites import SuiteFile

#: The first pass only asks whether each expectation holds: about half the cost of COMPLETE.
FIRST_PASS = {"result_format": "BOOLEAN_ONLY"}

#: The result format of a second pass on a suite that failed: every failing row, named by its
#: position in the frame.
RESULT_FORMAT = {
    "result_format": "COMPLETE",
    "unexpected_index_column_names": ["_id"],
    "return_unexpected_index_query": False,
    "partial_unexpected_count": 0,
}


#: The outcomes of the suites run in this process, by :func:`_content_key`; the oldest go first.
_OUTCOMES: OrderedDict[str, list[Outcome]] = OrderedDict()
#: How many suite runs are kept (a package's suites, many times over).
KEPT = 1024


class Engine:
    """One Great Expectations context, reused for every suite of a run (and the outcomes of
    this process's runs: see the module's docstring)."""

    def __init__(self) -> None:
        # Must be set before Great Expectations is first imported.
        os.environ["GX_ANALYTICS_ENABLED"] = "false"
        defer()
        with warnings.catch_warnings():
            # Libraries below Great Expectations import deprecated modules (sre_constants):
            # their warnings are theirs to fix, not our users' to read.
            warnings.simplefilter("ignore", DeprecationWarning)
            import great_expectations as gx
            from great_expectations.data_context.types.base import (
                DataContextConfig,
                InMemoryStoreBackendDefaults,
                ProgressBarsConfig,
            )

        self._gx = gx
        config = DataContextConfig(
            store_backend_defaults=InMemoryStoreBackendDefaults(),
            analytics_enabled=False,
            progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
        )
        self.context = gx.get_context(project_config=config, mode="ephemeral")
        asset = self.context.data_sources.add_pandas("openai_funding").add_dataframe_asset("frame")
        self._batch = asset.add_batch_definition_whole_dataframe("whole frame")

    def run(
        self,
        suites: list[SuiteFile],
        frames: dict[str, Callable[[], pd.DataFrame]],
        descriptor: str = "datapackage.json",
    ) -> list[Check]:
        """Run each suite on its frame (built once, on first use); one Check per expectation.
        A frame that is missing or cannot be built fails its suite, naming ``descriptor``."""
        built: dict[str, pd.DataFrame] = {}
        checks: list[Check] = []
        for suite_file in suites:
            if suite_file.frame not in frames:
                checks.extend(to_checks(suite_file, None, [], missing_frame=True, file=descriptor))
                continue
            if suite_file.frame not in built:
                try:
                    built[suite_file.frame] = frames[suite_file.frame]()
                except (KeyError, TypeError, ValueError, AttributeError) as exc:
                    # The descriptor lacks a resource or field the view reads, or types it
                    # otherwise: the rule fails and says so, validation goes on.
                    reason = f"{type(exc).__name__}: {exc}"
                    checks.extend(
                        to_checks(
                            suite_file, None, [], missing_frame=True, reason=reason, file=descriptor
                        )
                    )
                    continue
            frame = built[suite_file.frame]
            checks.extend(to_checks(suite_file, frame, self.outcomes(suite_file, frame)))
        return checks

    def outcomes(self, suite_file: SuiteFile, frame: pd.DataFrame) -> list[Outcome]:
        """The outcome of each expectation of one suite on ``frame``: kept from an earlier run
        on the same suite and frame, else :meth:`validate`."""
        key = _content_key(suite_file, frame)
        if key is not None and key in _OUTCOMES:
            _OUTCOMES.move_to_end(key)
            return _OUTCOMES[key]
        found = self.validate(suite_file, frame)
        if key is not None:
            _OUTCOMES[key] = found
            while len(_OUTCOMES) > KEPT:
                _OUTCOMES.popitem(last=False)
        return found

    def validate(self, suite_file: SuiteFile, frame: pd.DataFrame) -> list[Outcome]:
        """Validate ``frame`` against one suite; the outcome of each expectation, in suite order."""
        gx = self._gx
        # add_or_update: an engine may validate the same suite on several frames.
        suite = self.context.suites.add_or_update(
            gx.ExpectationSuite(**_without_id(suite_file.data))
        )
        definition = self.context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=suite_file.name, data=self._batch, suite=suite)
        )
        parameters = {"dataframe": frame}
        result = definition.run(batch_parameters=parameters, result_format=dict(FIRST_PASS))
        if not result.success:
            result = definition.run(batch_parameters=parameters, result_format=dict(RESULT_FORMAT))
        by_rule = {r.expectation_config.meta["rule"]: r for r in result.results}
        outcomes = []
        for expectation in suite_file.data["expectations"]:
            rule = expectation["meta"]["rule"]
            outcomes.append(_outcome(expectation, by_rule.get(rule)))
        return outcomes


def _outcome(expectation: dict[str, Any], result: Any) -> Outcome:
    if result is None:
        return Outcome(expectation, False, [], None, "the expectation did not run")
    info = result.exception_info or {}
    if info.get("raised_exception"):
        return Outcome(expectation, False, [], None, str(info.get("exception_message")))
    details = result.result or {}
    ids = [int(row["_id"]) for row in details.get("unexpected_index_list") or []]
    return Outcome(expectation, bool(result.success), ids, details.get("observed_value"), None)


def _content_key(suite_file: SuiteFile, frame: pd.DataFrame) -> str | None:
    """A hash of the suite and of the frame's columns, types, index and values (``None`` when
    the frame holds values pandas cannot hash: the suite then always runs)."""
    import hashlib
    import json

    import pandas as pd

    digest = hashlib.sha256(json.dumps(suite_file.data, sort_keys=True, default=str).encode())
    digest.update(repr((list(frame.columns), [str(t) for t in frame.dtypes])).encode())
    try:
        digest.update(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes())
    except (TypeError, ValueError):
        return None
    return digest.hexdigest()


def _without_id(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "id"}
