"""Development and test support: what runs beside Lugn to show, measure or test it, never on a seat.

- ``devkit.demo``: the bundled demo call played into the real agent UI (``lugn demo``), with screenshots.
- ``devkit.simheadset``: a stand-in for ``sounddevice`` with one USB headset (``lugn bench``, tests).
- ``devkit.broker``: the trial broker, the SHIPPED Mosquitto config on loopback (``lugn broker``, tests).
- ``devkit.redteam``: issue #11's attacks with ``mosquitto_pub``/``mosquitto_sub``, printed for a reviewer
  (``python -m devkit.redteam``); ``devkit.mqttcli``: those clients and ``lugn aggregate``, shared with tests.
- ``devkit.metricsdemo``: the demo's metrics path (trial broker + aggregator + one seat).
- ``devkit.loadgen``: the fleet load generator (``lugn simulate``).
- ``devkit.pulse``: a private PulseAudio (null sink = headset speaker, pipe source = headset mic) for the
  real-capture tests and ``lugn bench``; never the user's sound server.

The runtime (``device``) and the aggregator (``fleet``) never import this package; ``lugn demo``,
``lugn bench``, ``lugn broker`` and ``lugn simulate`` do, so it ships in the bundle. Packaged files are found
with ``importlib.resources``, so this works from a wheel or a bundle too.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def demo_call() -> Path:
    """The bundled demo call (stereo FLAC: left = agent, right = customer), shipped as ``device`` data."""
    return Path(str(resources.files("device").joinpath("assets", "demo_call.flac")))


__all__ = ["demo_call"]
