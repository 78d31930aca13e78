"""The wheel carries the data: the descriptor and every file it names, read from
``datapackage.json`` (the one registry of paths), as ``openai_funding/dataset/``, so that
``openai_funding.load()`` works from any folder after ``pip install openai-funding``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

#: Where the data go inside the installed package (``openai_funding.package.bundled``).
DATASET = "openai_funding/dataset"


class DataHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the checkout's own datapackage.json
        root = Path(self.root)
        descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
        paths = ["datapackage.json"]
        paths += [r["path"] for r in descriptor["resources"] if isinstance(r.get("path"), str)]
        for rel in paths:
            build_data["force_include"][str(root / rel)] = f"{DATASET}/{rel}"
