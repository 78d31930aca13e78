"""``openai-funding render PATH [--to html|pdf|all] [--engine auto|quarto|offline] [--output-dir DIR]``.

Exit 0 on success, 1 when a cell (or pandoc, typst, Quarto) fails, 2 on unusable input.
"""

from __future__ import annotations

import argparse
import sys


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="a .qmd file or a Quarto project folder (with _quarto.yml)")
    parser.add_argument(
        "--to", choices=("html", "pdf", "all"), default="all", help="output format (default: all)"
    )
    parser.add_argument(
        "--engine",
        choices=("auto", "quarto", "offline"),
        default="auto",
        help="auto uses Quarto when it is on PATH, else the offline backend (default: auto)",
    )
    parser.add_argument("--output-dir", default=None, help="where to write (default: beside PATH)")


def run(args: argparse.Namespace) -> int:
    from openai_funding.render import InputError, RenderError, render

    def log(message: str) -> None:
        print(message, file=sys.stderr)

    try:
        result = render(
            args.path, to=args.to, engine=args.engine, output_dir=args.output_dir, log=log
        )
    except InputError as exc:
        print(f"openai-funding render: {exc}", file=sys.stderr)
        return 2
    except RenderError as exc:
        print(f"openai-funding render: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # e.g. an output folder that cannot be written
        print(f"openai-funding render: {exc}", file=sys.stderr)
        return 1
    print(f"rendered with the {result.engine} engine:")
    for file in result.files:
        print(f"  {file}")
    return 0
