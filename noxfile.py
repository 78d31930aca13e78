"""Sessions of openai-funding: `nox -l` lists them; a bare `nox` runs the main job."""

from __future__ import annotations

from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = True

LOCK = "requirements/lock.txt"


def install(session: nox.Session) -> None:
    """The pinned, hashed dependencies, then the project itself without resolving again.

    `session.install` is skipped by `nox -R` / `--no-install` on a warm environment.
    """
    session.install("-r", LOCK)
    session.install("--no-deps", "-e", ".")


REPORT = ".build/validation.json"


@nox.session
def validate(session: nox.Session) -> None:
    """Validate the data package: schemas, keys, hashes and rules."""
    install(session)
    # The JSON report is kept for the site; it is reused while no input changed.
    session.run("openai-funding", "validate", "--report", REPORT, "--reuse", *session.posargs)


@nox.session(requires=["validate"])
def report(session: nox.Session) -> None:
    """Build the report (HTML and PDF) and publish _site/; skipped when nothing changed."""
    install(session)
    session.run("openai-funding", "build", *session.posargs)


@nox.session(default=False)
def tests(session: nox.Session) -> None:
    """Run the test suite (pytest); extra arguments go to pytest."""
    install(session)
    session.run("pytest", *session.posargs)


@nox.session(default=False)
def lint(session: nox.Session) -> None:
    """Lint and check formatting with ruff."""
    install(session)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Print the speed figures: validation and rendering."""
    install(session)
    for script in sorted(Path("benchmarks").glob("bench_*.py")):
        session.run("python", str(script), *session.posargs)


@nox.session(default=False, venv_backend="none")
def lock(session: nox.Session) -> None:
    """Re-pin requirements/lock.txt from pyproject.toml (versions, hashes, no URLs); `-- -U` upgrades."""
    session.run(
        "uv",
        "pip",
        "compile",
        "pyproject.toml",
        "--group",
        "test",
        "--group",
        "lint",
        "--universal",
        "--python-version",
        "3.11",
        "--generate-hashes",
        "--no-header",
        "-o",
        LOCK,
        *session.posargs,
        external=True,
    )
