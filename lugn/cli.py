"""``lugn`` entry point. Each module in ``lugn.commands`` is one subcommand.

A command module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``. Heavy imports
(Qt, torch, onnxruntime) go inside ``run`` so that ``lugn --help`` stays fast and headless.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

# Before numpy is imported anywhere: one BLAS thread. The runtime's budget is ~2 % of ONE core, and numpy's
# OpenBLAS otherwise starts a worker per core that spins after each larger matrix product (the live source's
# 48 -> 16 kHz decimation: measured ~1 % of a core on a thread of its own). onnxruntime has its own setting.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from device import __version__  # noqa: E402
from lugn import commands  # noqa: E402


def _command_modules() -> list:
    mods = []
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        mods.append(importlib.import_module(f"{commands.__name__}.{info.name}"))
    return mods


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lugn", description="Lugn: on-device tone-of-voice assistant")
    parser.add_argument("--version", action="version", version=f"lugn {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in _command_modules():
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=mod.HELP)
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
