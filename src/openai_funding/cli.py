"""The ``openai-funding`` command line: one sub-command per job.

Every sub-command returns an exit code instead of raising: 0 success, 1 invalid data or a failed
build, 2 unusable input (no such file, a descriptor that is not JSON, bad arguments).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    from openai_funding.render import cli as render_cli

    parser = argparse.ArgumentParser(
        prog="openai-funding",
        description="Validate, hash and render the openai-funding data package.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="validate the whole data package (schemas and rules)")
    p.add_argument("path", nargs="?", default="datapackage.json", help="descriptor (default: %(default)s)")
    p.add_argument("--json", action="store_true", help="print a machine-readable report")
    p.add_argument("--schema-only", action="store_true", help="skip the Great Expectations rules")
    p.set_defaults(handler=_validate)

    p = sub.add_parser("hash", help="refresh the sha256 hashes and byte sizes in the descriptor")
    p.add_argument("path", nargs="?", default="datapackage.json", help="descriptor (default: %(default)s)")
    p.set_defaults(handler=_hash)

    p = sub.add_parser("render", help="render a Quarto document or project to HTML and PDF")
    render_cli.configure_parser(p)
    p.set_defaults(handler=render_cli.run)
    return parser


def _validate(args: argparse.Namespace) -> int:
    from openai_funding.validate_cmd import run

    return run(args.path, as_json=args.json, rules=not args.schema_only)


def _hash(args: argparse.Namespace) -> int:
    from openai_funding.hashing import run

    return run(args.path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("openai-funding: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
