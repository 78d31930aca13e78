"""The ``openai-funding`` command line: one sub-command per job.

Every sub-command returns an exit code instead of raising: 0 success, 1 invalid data or a failed
build, 2 unusable input (no such file, a descriptor that is not JSON, bad arguments).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="openai-funding",
        description="Validate, hash and render the openai-funding data package.",
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

    p = sub.add_parser("build", help="validate, render the report and publish _site/ atomically")
    p.add_argument("--root", default=".", help="the repository (default: %(default)s)")
    p.add_argument("--output", default=None, help="the site folder (default: ROOT/_site)")
    p.add_argument("--engine", choices=["auto", "quarto", "offline"], default="auto")
    p.add_argument("--force", action="store_true", help="rebuild even if no input changed")
    p.set_defaults(handler=_build)

    # The render engine's modules are heavy: they are imported only when `render` runs.
    p = sub.add_parser("render", help="render a Quarto document or project to HTML and PDF")
    p.add_argument("path", help="a .qmd file or a Quarto project folder (with _quarto.yml)")
    p.add_argument(
        "--to", choices=["html", "pdf", "all"], default="all", help="default: %(default)s"
    )
    p.add_argument(
        "--engine",
        choices=["auto", "quarto", "offline"],
        default="auto",
        help="auto: Quarto when `quarto` is on PATH, else the offline backend (default: %(default)s)",
    )
    p.add_argument("--output-dir", default=None, help="where to write <name>.html and <name>.pdf")
    p.set_defaults(handler=_render)
    return parser


def _build(args: argparse.Namespace) -> int:
    from openai_funding.build.site import run

    return run(args.root, args.output, engine=args.engine, force=args.force)


def _render(args: argparse.Namespace) -> int:
    from openai_funding.render.cli import run

    return run(args)


def _validate(args: argparse.Namespace) -> int:
    if args.report:
        from openai_funding.build import stored as validation_report

        return validation_report.run(
            args.path, args.report, reuse=args.reuse, rules=not args.schema_only, as_json=args.json
        )
    from openai_funding.checks.results import run

    return run(args.path, as_json=args.json, rules=not args.schema_only)


def _hash(args: argparse.Namespace) -> int:
    from openai_funding.package.hashing import run

    return run(args.path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
