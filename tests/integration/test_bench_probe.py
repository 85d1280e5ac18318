"""``lugn bench``'s start-up probe replays the demo call told of the notice: it times a real first tone.

Since the caller-notice gate (default [notice] mode ``agent``) a replay without a notice never scores the
customer: the probe then waited out the whole call in real time and the table failed on a missing figure.
"""

from __future__ import annotations

from devkit import demo_call
from lugn.commands.bench import bench_first_state


def test_the_first_state_probe_sees_the_first_tone_window() -> None:
    out = bench_first_state(demo_call())
    assert out["listening_stream_s"] < out["first_tone_stream_s"] < 10.0
    assert out["listening_s"] < out["first_tone_s"]
