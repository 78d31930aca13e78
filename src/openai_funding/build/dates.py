"""The build date policy: the date a build states, from its inputs, never from the clock."""

from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from openai_funding.package.dates import source_date_epoch

if TYPE_CHECKING:  # pragma: no cover
    from openai_funding.package.descriptor import Package


def build_epoch(root: Path, package: Package) -> str:
    """The build date policy: ``SOURCE_DATE_EPOCH`` if set, else the date of the last commit,
    else the package's ``created`` date: never the clock, so two builds of one commit match."""
    epoch = source_date_epoch()
    if epoch is not None:
        return str(epoch)
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        done = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        if done.returncode == 0 and done.stdout.strip().isdigit():
            return done.stdout.strip()
    from datetime import datetime

    created = package.created or "1970-01-01T00:00:00Z"
    return str(int(datetime.fromisoformat(created).timestamp()))
