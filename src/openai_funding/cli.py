"""The ``openai-funding`` command line: one sub-command per job.

This is the only module that prints or chooses an exit code. Every sub-command returns one
instead of raising: 0 success, 1 invalid data or a failed build, 2 unusable input (no such
file, a descriptor that is not JSON, bad arguments); each error type carries its own
(``exit_code``), and 130 means interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from openai_funding.extras import missing_extra
from openai_funding.render.engines import ENGINES, TARGETS

if TYPE_CHECKING:  # pragma: no cover
    from openai_funding.checks.results import Report


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="openai-funding",
        description="Validate, hash, compare and render the openai-funding data package.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="validate the whole data package (schemas and rules)")
    p.add_argument(
        "path", nargs="?", default="datapackage.json", help="descriptor (default: %(default)s)"
    )
    p.add_argument("--json", action="store_true", help="print a machine-readable report")
    p.add_argument("--schema-only", action="store_true", help="skip the Great Expectations rules")
    p.add_argument("--report", metavar="FILE", help="also write the JSON report to FILE")
    p.add_argument(
        "--reuse",
        action="store_true",
        help="with --report: reuse FILE when nothing it depends on changed (content hashes)",
    )
    p.set_defaults(handler=_validate)

    p = sub.add_parser("hash", help="refresh the sha256 hashes and byte sizes in the descriptor")
    p.add_argument(
        "path", nargs="?", default="datapackage.json", help="descriptor (default: %(default)s)"
    )
    p.set_defaults(handler=_hash)

    p = sub.add_parser(
        "diff", help="what changed between two copies of the package, record by record"
    )
    p.add_argument("old", help="the old descriptor (or a folder holding datapackage.json)")
    p.add_argument("new", help="the new descriptor (or a folder holding datapackage.json)")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--json", action="store_true", help="print the differences as JSON")
    how.add_argument("--markdown", action="store_true", help="print them as Markdown")
    p.set_defaults(handler=_diff)

    p = sub.add_parser("due", help="the curator's worklist: past due, unconfirmed, open, oldest")
    p.add_argument(
        "path", nargs="?", default="datapackage.json", help="descriptor (default: %(default)s)"
    )
    p.add_argument("--on", metavar="DATE", type=date.fromisoformat, help="default: the asOf date")
    p.add_argument("--oldest", metavar="N", type=int, default=10, help="default: %(default)s")
    p.add_argument("--json", action="store_true", help="print the worklist as JSON")
    p.set_defaults(handler=_due)

    p = sub.add_parser("build", help="validate, render the report and publish _site/ atomically")
    p.add_argument("--root", default=".", help="the repository (default: %(default)s)")
    p.add_argument("--output", default=None, help="the site folder (default: ROOT/_site)")
    p.add_argument("--engine", choices=list(ENGINES), default="auto")
    p.add_argument("--force", action="store_true", help="rebuild even if no input changed")
    url_help = "the site's address, for the Dataset's links (default: pyproject's Homepage)"
    p.add_argument("--site-url", metavar="URL", help=url_help)
    p.set_defaults(handler=_build)

    p = sub.add_parser(
        "preview",
        help="serve the report on 127.0.0.1 and render it again on every change (Ctrl-C stops)",
    )
    p.add_argument("--root", default=".", help="the repository (default: %(default)s)")
    p.add_argument(
        "--port",
        type=int,
        default=8000,
        help="the port, or the next free one if busy; 0: any free port (default: %(default)s)",
    )
    p.add_argument("--no-open", action="store_true", help="do not open the page in a browser")
    p.add_argument(
        "--edition",
        choices=["en", "fr"],
        default="en",
        help="the edition to serve: en (report/index.qmd) or fr (report/fr/index.qmd)",
    )
    p.set_defaults(handler=_preview)

    # The render engine's modules are heavy: they are imported only when `render` runs.
    p = sub.add_parser("render", help="render a Quarto document or project to HTML and PDF")
    p.add_argument("path", help="a .qmd file or a Quarto project folder (with _quarto.yml)")
    p.add_argument("--to", choices=[*TARGETS, "all"], default="all", help="default: %(default)s")
    p.add_argument(
        "--engine",
        choices=list(ENGINES),
        default="auto",
        help="auto: Quarto when `quarto` is on PATH, else the offline backend (default: %(default)s)",
    )
    p.add_argument("--output-dir", default=None, help="where to write <name>.html and <name>.pdf")
    p.set_defaults(handler=_render)
    return parser


def print_report(report: Report, *, stored: Path | None = None, reused: bool = False) -> None:
    """Print a validation report, fresh or stored (:meth:`~.results.Report.text_lines`)."""
    print("\n".join(report.text_lines(stored=stored, reused=reused)))


def _error(command: str, exc: Exception) -> int:
    print(f"openai-funding {command}: {exc}", file=sys.stderr)
    return int(getattr(exc, "exit_code", 1))


def _validate(args: argparse.Namespace) -> int:
    from openai_funding.build.stored import validate_stored
    from openai_funding.checks import validate
    from openai_funding.package.descriptor import read_package
    from openai_funding.package.problems import UnusableInputError

    rules = not args.schema_only
    try:
        package = read_package(args.path)
        if args.report:
            report_file = Path(args.report)
            report, reused = validate_stored(package, report_file, reuse=args.reuse, rules=rules)
        else:
            report = validate(package, rules=rules)
    except UnusableInputError as exc:
        if args.json and not args.report:
            print(json.dumps({"descriptor": str(args.path), "valid": False, "error": str(exc)}))
        return _error("validate", exc)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    elif args.report:
        print_report(report, stored=report_file, reused=reused)
    else:
        print_report(report)
    return 0 if report.valid else 1


def _hash(args: argparse.Namespace) -> int:
    from openai_funding.package.descriptor import resolve
    from openai_funding.package.hashing import refresh_file
    from openai_funding.package.problems import UnusableInputError

    target = resolve(args.path)
    try:
        changed = refresh_file(target)
    except UnusableInputError as exc:
        return _error("hash", exc)
    if changed:
        print(f"{target}: refreshed hash and size of {', '.join(changed)}")
    else:
        print(f"{target}: hashes and sizes already up to date")
    return 0


def _diff(args: argparse.Namespace) -> int:
    """Exit 0 when the two packages hold the same, 1 when they differ, 2 when either cannot
    be read."""
    from openai_funding.package.diff import diff_packages, to_markdown, to_text
    from openai_funding.package.problems import UnusableInputError

    try:
        diff = diff_packages(args.old, args.new)
    except UnusableInputError as exc:
        if args.json:
            print(json.dumps({"error": str(exc)}))
        return _error("diff", exc)
    if args.json:
        print(json.dumps(diff.to_dict(), indent=2, ensure_ascii=False))
    elif args.markdown:
        print(to_markdown(diff), end="")
    else:
        print(to_text(diff))
    return 0 if diff.same else 1


def _due(args: argparse.Namespace) -> int:
    """Exit 0 whenever the package can be read (a worklist is not a failure), 2 when not."""
    from openai_funding.package.due import due, to_text
    from openai_funding.package.problems import UnusableInputError

    try:
        work = due(args.path, args.on, args.oldest)
    except UnusableInputError as exc:
        if args.json:
            print(json.dumps({"error": str(exc)}))
        return _error("due", exc)
    print(json.dumps(work.to_dict(), indent=2, ensure_ascii=False) if args.json else to_text(work))
    return 0


def _build(args: argparse.Namespace) -> int:
    from openai_funding.build.site import BuildError, InvalidPackageError, build
    from openai_funding.package.problems import UnusableInputError

    output = Path(args.output) if args.output else None
    try:
        how = {"engine": args.engine, "force": args.force, "address": args.site_url}
        build(Path(args.root), output, **how, log=print)
    except InvalidPackageError as exc:
        print_report(exc.report, stored=exc.where)
        return _error("build", exc)
    except (UnusableInputError, BuildError) as exc:
        return _error("build", exc)
    except KeyboardInterrupt:
        print("openai-funding build: interrupted; the previous _site is untouched", file=sys.stderr)
        return 130
    return 0


def _preview(args: argparse.Namespace) -> int:
    from openai_funding.preview import Preview

    def log(message: str) -> None:
        print(f"preview: {message}", file=sys.stderr, flush=True)

    def ready(url: str) -> None:
        print(f"Serving the report at {url} (Ctrl-C stops)", flush=True)
        if not args.no_open:
            import webbrowser

            webbrowser.open(url)

    root = Path(args.root)
    if not (root / "datapackage.json").is_file() or not (root / "report").is_dir():
        print(
            f"openai-funding preview: {root.resolve()} holds no datapackage.json and report/",
            file=sys.stderr,
        )
        return 2
    try:
        Preview(root, port=args.port, log=log, ready=ready, edition=args.edition).run()
    except OSError as exc:  # e.g. no free port
        return _error("preview", exc)
    print("openai-funding preview: stopped", file=sys.stderr)
    return 0


def _render(args: argparse.Namespace) -> int:
    from openai_funding.render import RenderError, render

    def log(message: str) -> None:
        print(message, file=sys.stderr)

    try:
        result = render(
            args.path, to=args.to, engine=args.engine, output_dir=args.output_dir, log=log
        )
    except (RenderError, OSError) as exc:  # OSError: e.g. an output folder that cannot be written
        return _error("render", exc)
    print(f"rendered with the {result.engine} engine:")
    for file in result.files:
        print(f"  {file}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    why = missing_extra(args.command)
    if why is not None:
        print(why, file=sys.stderr)
        return 2
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("openai-funding: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: a message, never a traceback
        if os.environ.get("OPENAI_FUNDING_DEBUG"):
            raise
        print(
            f"openai-funding {args.command}: internal error: {type(exc).__name__}: {exc} "
            "(set OPENAI_FUNDING_DEBUG=1 for the traceback, and please report it)",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
