"""The rule suites: Great Expectations ExpectationSuite JSON files in ``validation/``.

Each file is a suite as Great Expectations 1.x serialises it (``suite.to_json_dict()``), so a
Great Expectations user can load it with ``gx.ExpectationSuite(**json.load(f))``. Two entries of
``meta`` are ours: the suite's ``meta.openai_funding.frame`` names the resource or view it runs
on, and each expectation's ``meta.rule`` names the rule (unique within the suite).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openai_funding.package.problems import UnusableInputError

#: The suites of a source checkout: ``<repo>/validation`` (this file is in
#: src/openai_funding/checks/rules/).
CHECKOUT_SUITES = Path(__file__).resolve().parents[4] / "validation"


@dataclass(frozen=True)
class SuiteFile:
    """A suite as read from disk: its name, the frame it runs on and its JSON."""

    name: str
    frame: str
    path: Path
    data: dict[str, Any]


def suites_dir(descriptor_path: Path) -> Path:
    """``validation/`` beside the descriptor if there is one, else the checkout's own."""
    local = descriptor_path.parent / "validation"
    if local.is_dir() and any(local.glob("*.json")):
        return local
    if CHECKOUT_SUITES.is_dir():
        return CHECKOUT_SUITES
    raise UnusableInputError(f"no rule suites: neither {local} nor {CHECKOUT_SUITES} exists")


def load_suites(folder: Path) -> list[SuiteFile]:
    """Every ``*.json`` suite of ``folder``, sorted by file name; raise if one is malformed."""
    out = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            frame = data["meta"]["openai_funding"]["frame"]
            rules = [e["meta"]["rule"] for e in data["expectations"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise UnusableInputError(f"{path}: not a rule suite: {exc}") from None
        if len(set(rules)) != len(rules):
            raise UnusableInputError(f"{path}: rule names are not unique")
        out.append(SuiteFile(str(data["name"]), str(frame), path, data))
    return out
