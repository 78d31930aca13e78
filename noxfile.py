# /// script
# dependencies = ["nox>=2025.2.9"]
# ///
"""Sessions of openai-funding: `nox -l` lists them; a bare `nox` runs the main job."""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
#: The supported Pythons, from the classifiers: one `tests-X.Y` session each.
PYTHONS = nox.project.python_versions(PYPROJECT)

#: Pinned, hashed, universal locks made by `nox -s lock`, one per set of dependencies. The first
#: is what the main job runs (the build hashes it as an input): the project with all its extras
#: (checks, report, preview); each group's lock is compiled under it, so a package shared with
#: the project has the same pin in both. A data user's `pip install openai-funding` gets only
#: the base dependencies (`nox -s bench` measures that install).
LOCK = "requirements/lock.txt"
GROUP_LOCKS = {"test": "requirements/test.txt", "lint": "requirements/lint.txt"}

#: Debian packages of the programs the tests drive, each with the commands they need from it
#: (a tuple: any one of them will do).
SYSTEM_PACKAGES = {
    "chromium": [("chromium", "chromium-browser")],
    "poppler-utils": [("pdftotext",), ("pdfimages",), ("pdffonts",)],
    "faketime": [("faketime",)],
    "sqlite3": [("sqlite3",)],
    "r-cran-readr": [("Rscript",)],
    "npm": [("npm",), ("node", "nodejs")],  # installs axe-core, which the tests run in Chromium
}


def install(session: nox.Session, lock: str, *, project: bool = True) -> None:
    """Install a lock (pins and hashes), then the project itself without resolving again.

    The lock is checked on every run (a no-op for uv when nothing changed: about 0.2 s). The
    editable install of the project is redone only when `pyproject.toml` changed since the
    environment got it (its hash is kept in the environment): rebuilding the editable wheel
    was about 1.2 s of each session, and the code itself needs no reinstall. `session.install`
    is skipped by `nox -R` / `--no-install` on a warm environment.
    """
    keep_bytecode(session)
    session.install("-r", lock)
    if not project:
        return
    stamp = Path(session.virtualenv.location) / "openai-funding.pyproject.sha256"
    digest = hashlib.sha256(Path("pyproject.toml").read_bytes()).hexdigest()
    installed = any(
        Path(session.virtualenv.location).glob("lib/python*/site-packages/openai_funding-*")
    )
    if installed and stamp.is_file() and stamp.read_text() == digest:
        return
    session.install("--no-deps", "-e", ".")
    stamp.write_text(digest)


def keep_bytecode(session: nox.Session) -> None:
    """Where Python may not write bytecode (``PYTHONDONTWRITEBYTECODE`` is set, as on this
    project's machines), every process compiled every module it imports from source again:
    pandas, Altair and Great Expectations took about 3 s more to import in each process (the
    build, its kernel, each command a test runs). Let the session's processes keep the bytecode
    they compile in the environment's own folder (``PYTHONPYCACHEPREFIX``), never beside the
    sources: a module is compiled once, when first imported."""
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        session.env["PYTHONDONTWRITEBYTECODE"] = ""
        session.env["PYTHONPYCACHEPREFIX"] = str(Path(session.virtualenv.location) / "pycache")


def missing_packages() -> list[str]:
    """The Debian packages whose commands are not on PATH."""
    return [
        package
        for package, commands in SYSTEM_PACKAGES.items()
        if not all(any(shutil.which(c) for c in choice) for choice in commands)
    ]


def as_root() -> list[str] | None:
    """The prefix that runs a command as root here: none as root, `sudo -n` where sudo works
    without a password (GitHub's runners), or None when neither."""
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo"):
        asked = subprocess.run(["sudo", "-n", "true"], capture_output=True, check=False)
        if asked.returncode == 0:
            return ["sudo", "-n"]
    return None


def system_tools(session: nox.Session) -> None:
    """Chromium, poppler-utils, faketime, sqlite3, R with readr and npm: install the missing ones with apt-get as root (or
    sudo without a password), else stop before any test with the command that installs them."""
    missing = missing_packages()
    if not missing:
        return
    apt = ["apt-get", "install", "-qq", "-y", "--no-install-recommends", *missing]
    prefix = as_root() if shutil.which("apt-get") else None
    if prefix is not None:
        env = ["env", "DEBIAN_FRONTEND=noninteractive"]
        session.log(f"the tests need {', '.join(missing)}: installing with apt-get")
        session.run_install(*prefix, *env, "apt-get", "update", "-qq", external=True, silent=True)
        session.run_install(*prefix, *env, *apt, external=True, silent=True)
        missing = missing_packages()  # still missing under `nox -R`, which skips installs
        if not missing:
            return
    command = shlex.join(["apt-get", "install", "-y", "--no-install-recommends", *missing])
    if not shutil.which("apt-get"):
        hint = f"with your system's package manager (on Debian: {command})"
    elif os.geteuid() == 0:
        hint = f"with: apt-get update && {command}"
    elif shutil.which("sudo"):
        hint = f"with: sudo apt-get update && sudo {command}"
    else:
        hint = f"as root: apt-get update && {command}"
    session.error(f"the tests need {', '.join(missing)}; install them {hint}")


@nox.session
def validate(session: nox.Session) -> None:
    """Validate the data package: schemas, keys, hashes and rules."""
    install(session, LOCK)
    # The JSON report is kept for the site; it is reused while no input changed.
    session.run(
        "openai-funding",
        "validate",
        "--report",
        ".build/validation.json",
        "--reuse",
        *session.posargs,
    )


@nox.session(requires=["validate"])
def report(session: nox.Session) -> None:
    """Build the report (HTML and PDF) and publish _site/; skipped when nothing changed."""
    install(session, LOCK)
    session.run("openai-funding", "build", *session.posargs)


@nox.session(default=False)
def preview(session: nox.Session) -> None:
    """Serve the report on 127.0.0.1, rendered again on every edit (`-- --port N --no-open`)."""
    install(session, LOCK)
    session.run("openai-funding", "preview", *session.posargs)


@nox.session(default=False)
def messages(session: nox.Session) -> None:
    """Write the report's messages to translate as gettext templates, for Poedit and the like:
    the code's (`.build/messages.pot`) and the descriptor's texts the report shows
    (`.build/dictionary.pot`); each edition's catalogs are in src/openai_funding/content/locale."""
    install(session, LOCK)
    Path(".build").mkdir(exist_ok=True)
    session.run(
        "pybabel",
        "extract",
        "--no-location",
        "--omit-header",
        "--sort-output",
        "-k",
        "_",
        "-k",
        "N_",
        "-k",
        "p_:1c,2",
        "-o",
        ".build/messages.pot",
        "src/openai_funding/content",
    )
    session.run("python", "-m", "openai_funding.content.dictionary", ".build/dictionary.pot")


def javascript(session: nox.Session) -> None:
    """The JavaScript the tests run in Chromium (axe-core), from `package-lock.json` (exact
    versions and integrity hashes, no registry address) with `npm ci`; redone only when the lock
    changed since (its hash is kept in node_modules/)."""
    stamp = Path("node_modules") / ".openai-funding.lock.sha256"
    digest = hashlib.sha256(Path("package-lock.json").read_bytes()).hexdigest()
    if stamp.is_file() and stamp.read_text() == digest:
        return
    session.run_install("npm", "ci", "--no-audit", "--no-fund", external=True, silent=True)
    if Path("node_modules").is_dir():  # not under `nox -R`, which skips installs
        stamp.write_text(digest)


def run_tests(session: nox.Session) -> None:
    """Run the test suite on this Python, on every core (pytest-xdist: `-n auto`, the tests that
    share a costly fixture in one worker: `--dist loadgroup`; `-- -n 0` runs it in one process);
    extra arguments go to pytest."""
    system_tools(session)
    install(session, GROUP_LOCKS["test"])
    javascript(session)
    session.run("pytest", "-n", "auto", "--dist", "loadgroup", *session.posargs)


@nox.session(default=False)
def tests(session: nox.Session) -> None:
    """Run the test suite on the Python running nox; extra arguments go to pytest."""
    run_tests(session)


for _python in PYTHONS:
    nox.session(run_tests, name=f"tests-{_python}", python=_python, default=False)


@nox.session(default=False)
def quarto(session: nox.Session) -> None:
    """Compare the report that real Quarto rendered in _site/ (`nox` with `quarto` on PATH) with
    the offline engine's: the same claimed values, amounts and dates, sections, figures, tables
    and charts that draw (tests/same_report.py; CI's Quarto job)."""
    if not shutil.which("quarto"):
        session.error("no `quarto` on PATH: install Quarto (quarto.org), run `nox`, then this")
    if not Path("_site/index.html").is_file():
        session.error("no _site/: run `nox` first (with Quarto on PATH, it renders with Quarto)")
    system_tools(session)  # Chromium draws the charts
    install(session, GROUP_LOCKS["test"])
    offline = Path(session.create_tmp()).resolve() / "offline-site"
    session.run(
        "openai-funding", "build", "--engine", "offline", "--force", "--output", str(offline)
    )
    session.run("python", "tests/same_report.py", "_site", str(offline))


@nox.session(default=False)
def lint(session: nox.Session) -> None:
    """Lint: ruff on the code, actionlint and zizmor (offline) on the GitHub workflows."""
    install(session, GROUP_LOCKS["lint"], project=False)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("actionlint")
    session.run("zizmor", "--offline", "--no-progress", ".github/workflows")


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Print the figures: speed of validation and rendering, size of a data user's install
    (a fresh `uv venv` with the wheel: needs uv and the package index or uv's cache)."""
    install(session, GROUP_LOCKS["test"])
    for script in sorted(Path("benchmarks").glob("bench_*.py")):
        session.run("python", str(script), *session.posargs)


@nox.session(default=False, venv_backend="none")
def lock(session: nox.Session) -> None:
    """Re-pin requirements/*.txt from pyproject.toml (versions, hashes, no URLs); `-- -U` upgrades."""
    oldest = PYTHONS[0]
    compile_ = ["uv", "pip", "compile", "--universal", "--python-version", oldest]
    options = ["--generate-hashes", "--no-header", *session.posargs]
    project = ["pyproject.toml", "--all-extras"]
    session.run(*compile_, *project, *options, "-o", LOCK, external=True)
    for group, path in GROUP_LOCKS.items():
        # the linters alone; the tests with the project they test
        sources = ["--group", group] if group == "lint" else [*project, "--group", group]
        session.run(*compile_, *sources, "-c", LOCK, *options, "-o", path, external=True)
