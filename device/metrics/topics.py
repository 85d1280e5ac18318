"""Every MQTT topic Lugn uses, in one place (see docs/mqtt.md for the table).

lugn/v1/<site>/<team>/contrib          device -> aggregator   QoS 1, not retained, no identifier
lugn/v1/<site>/<team>/summary          aggregator -> anyone   QoS 1, retained, k-anonymous
lugn/v1/<site>/devices/<asset>/status  device -> IT           QoS 1, retained, last will "offline"
"""

from __future__ import annotations

import re

ROOT = "lugn/v1"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")

CONTRIB_FILTER = f"{ROOT}/+/+/contrib"
SUMMARY_FILTER = f"{ROOT}/+/+/summary"
STATUS_FILTER = f"{ROOT}/+/devices/+/status"


def _check(kind: str, value: str) -> str:
    if not _ID_RE.match(value) or value == "devices":
        raise ValueError(f"invalid {kind} {value!r}: use 1-32 of a-z 0-9 _ - (and not 'devices')")
    return value


def contrib_topic(site: str, team: str) -> str:
    return f"{ROOT}/{_check('site', site)}/{_check('team', team)}/contrib"


def summary_topic(site: str, team: str) -> str:
    return f"{ROOT}/{_check('site', site)}/{_check('team', team)}/summary"


def status_topic(site: str, asset: str) -> str:
    return f"{ROOT}/{_check('site', site)}/devices/{_check('asset', asset)}/status"


def contrib_filter(site: str = "+", team: str = "+") -> str:
    """Subscription filter for contributions; one per team gives a shard its own teams only."""
    return f"{ROOT}/{site}/{team}/contrib"


def parse_team_topic(topic: str, leaf: str) -> tuple[str, str] | None:
    """``(site, team)`` from ``lugn/v1/<site>/<team>/<leaf>``, or None when the topic is not one of ours."""
    parts = topic.split("/")
    if len(parts) != 5 or "/".join(parts[:2]) != ROOT or parts[4] != leaf:
        return None
    site, team = parts[2], parts[3]
    if not _ID_RE.match(site) or not _ID_RE.match(team) or team == "devices":
        return None
    return site, team
