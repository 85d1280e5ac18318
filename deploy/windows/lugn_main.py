"""Entry point of the PyInstaller bundle (``lugn`` / ``lugnw.exe``): the same CLI as ``python -m lugn``."""

import multiprocessing
import sys

from lugn.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
