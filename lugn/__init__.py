"""The ``lugn`` command line: one entry point, subcommands in ``lugn.commands``."""

from device import __version__

__all__ = ["__version__"]
