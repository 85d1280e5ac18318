"""The committed JSON Schemas in ``schemas/``, generated from the payload models so they cannot drift.

``python -m device.protocol.schemas schemas`` writes them; ``--check`` fails (exit 1) when a committed file is
stale, which a unit test runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from device.protocol.payloads import PAYLOADS


def schema_documents() -> dict[str, str]:
    """File name -> JSON Schema text, exactly as committed under ``schemas/``."""
    docs = {}
    for name, model in PAYLOADS.items():
        schema = model.model_json_schema(by_alias=True, mode="serialization")
        version = model.model_fields["schema_version"].default
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://lugn.example/schemas/v{version}/{name}.schema.json"
        docs[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write or check the committed JSON Schemas")
    parser.add_argument("folder", nargs="?", default="schemas")
    parser.add_argument("--check", action="store_true", help="fail when a committed schema is stale")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    stale = []
    for name, text in schema_documents().items():
        path = folder / name
        if args.check:
            if not path.is_file() or path.read_text() != text:
                stale.append(str(path))
        else:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    if args.check:
        extra = sorted(p.name for p in folder.glob("*.schema.json") if p.name not in schema_documents())
        stale += [str(folder / name) for name in extra]
    if stale:
        print("stale JSON Schemas (run: python -m device.protocol.schemas schemas):", *stale, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
