"""``openai-funding render`` (placeholder until the render engine lands)."""

from __future__ import annotations

import argparse


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path")


def run(args: argparse.Namespace) -> int:  # noqa: ARG001
    return 2
