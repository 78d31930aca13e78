"""Speed of the main job: validation, a full site build, and a rebuild with nothing changed.

Run by ``nox -s bench``; prints figures, asserts nothing. Each figure is the median of
``--repeat`` runs of the real command (interpreter start included), in a copy of the repository
so the working tree is never touched.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchrepo import copy_inputs


def timed(argv: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(prog="nox -s bench -- (bench_site)")
    parser.add_argument("--repeat", type=int, default=3)
    args, _ = parser.parse_known_args()
    exe = str(Path(sys.executable).with_name("openai-funding"))
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1772150400")
    with tempfile.TemporaryDirectory(prefix="of-bench-site-") as tmp:
        repo = copy_inputs(Path(tmp))
        report = ".build/validation.json"
        rows = {
            "validate (schemas + rules)": [exe, "validate"],
            "validate --reuse, nothing changed": [exe, "validate", "--report", report, "--reuse"],
            "build --force (validation reused, render HTML + PDF)": [exe, "build", "--force"],
            "build, nothing changed (skipped)": [exe, "build"],
        }
        timed([exe, "validate", "--report", report], repo)  # warm caches, write the report
        timed([exe, "build", "--force"], repo)
        print(f"{'main job stage':<56} {'median s':>9} {'min s':>7}")
        results = {}
        for label, argv in rows.items():
            runs = [timed(argv, repo) for _ in range(args.repeat)]
            results[label] = statistics.median(runs)
            print(f"{label:<56} {results[label]:>9.2f} {min(runs):>7.2f}")
        warm = (
            results["validate (schemas + rules)"]
            + results["build --force (validation reused, render HTML + PDF)"]
        )
        again = (
            results["validate --reuse, nothing changed"]
            + results["build, nothing changed (skipped)"]
        )
        print(f"{'warm main job, inputs changed (validate + build)':<56} {warm:>9.2f}")
        print(f"{'warm main job, nothing changed':<56} {again:>9.2f}")
        print(
            "(nox adds about 0.35 s to start and 0.2 s per session: uv checking the lock, a no-op)"
        )


if __name__ == "__main__":
    main()
