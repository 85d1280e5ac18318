"""Running ``python -m lugn`` as a user would, on the demo call, in a folder of the test.

Shared by the runtime tests (tests/integration/test_runtime.py and test_notice.py,
tests/ui/test_runtime_frontends.py) so that every CLI run in them is isolated the same way: the policy, the
user settings, the home folder (where the UI keeps its window position), the config and state folders
(operation log, outbox default, kiosk lockout) all lie under the test's own ``home``, Qt is offscreen, and no
X display is reached."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from device.metrics.outbox import Outbox

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "device" / "assets" / "demo_call.flac"
RATE = 16_000
# callers of these recordings were told when they were recorded (the notice gate itself:
# tests/integration/test_notice.py)
NOTICE_OFF = (
    '[notice]\nmode = "off"\noff_statement = "notice_given_elsewhere"\noff_detail = "test recordings"\n'
)


def metrics_policy(path: Path, outbox: Path) -> Path:
    """A policy file with team metrics on into ``outbox`` and the notice given elsewhere."""
    path.write_text(f'[metrics]\nenabled = true\noutbox_path = "{outbox}"\n' + NOTICE_OFF)
    return path


def lugn(args: list[str], policy: Path, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "LUGN_POLICY": str(policy),
        "LUGN_USER_SETTINGS": str(home / "settings.toml"),
        "HOME": str(home),  # the UI's window position (QSettings) goes here, not to the real home
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_STATE_HOME": str(home / "state"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("DISPLAY", None)
    cmd = [sys.executable, "-m", "lugn", *args]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def outbox_counts(outbox: Path) -> list[dict[str, int]]:
    """The ``counts`` of every contribution waiting in ``outbox``, oldest first."""
    box = Outbox(outbox)
    rows = [json.loads(r.payload) for r in box.pending(100)]
    box.close()
    return [r["counts"] for r in rows]
