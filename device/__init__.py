"""Lugn edge runtime: audio in, customer tone and coaching events out. Never imports Qt.

Importing this package switches off onnxruntime's own telemetry for the whole process (``device.telemetry``):
from 1.2x, onnxruntime's PyPI builds queue usage events with a persistent device id for upload to Microsoft on
Linux too, and "nothing but the team counts leaves the workstation" must hold for the libraries Lugn loads.
It has to happen before onnxruntime is first imported, and every front end imports ``device`` first.
"""

from device.telemetry import disable_library_telemetry

disable_library_telemetry()

__version__ = "0.1.0"
__all__ = ["__version__"]
