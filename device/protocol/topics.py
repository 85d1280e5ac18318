"""Every MQTT topic Lugn uses, in one place (see docs/mqtt.md for the table).

lugn/v1/<site>/<team>/contrib/<account>   device -> aggregator  QoS 1, never retained
lugn/v1/<site>/<team>/summary             aggregator -> staff   QoS 1, retained, k-anonymous, final buckets
lugn/v1/<site>/devices/<account>/status   device -> IT          QoS 1, retained, last will "offline"
lugn/v1/_sys/aggregator/<account>/health  aggregator -> IT      QoS 1, retained, last will "offline"

Why the account is in the contribution topic: the broker's ACL lets each device account write only the topic
that ends in its own name (and only in its own site, and team where IT binds one), so the aggregator counts
contributors as *authenticated devices*, not as tokens a seat can make up. Only the broker and the aggregator
(both run by IT) ever see that topic: no staff account may read it.
"""

from __future__ import annotations

import re

ROOT = "lugn/v1"
SYS = f"{ROOT}/_sys"  # "_" cannot start a site id, so system topics never collide with a site
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,31}$"
ACCOUNT_PATTERN = r"^[a-z0-9][a-z0-9_.-]{0,63}$"
_ID_RE = re.compile(ID_PATTERN)
_ACCOUNT_RE = re.compile(ACCOUNT_PATTERN)
RESERVED_TEAMS = frozenset({"devices"})
CONTRIB_LEAF = "contrib"

SUMMARY_FILTER = f"{ROOT}/+/+/summary"
STATUS_FILTER = f"{ROOT}/+/devices/+/status"
HEALTH_FILTER = f"{SYS}/aggregator/+/health"


def is_id(value: str) -> bool:
    return bool(_ID_RE.match(value))


def is_account(value: str) -> bool:
    return bool(_ACCOUNT_RE.match(value))


def check_id(kind: str, value: str) -> str:
    if not is_id(value) or (kind == "team" and value in RESERVED_TEAMS):
        raise ValueError(
            f"invalid {kind} {value!r}: use 1-32 of a-z 0-9 _ - (and a team may not be 'devices')"
        )
    return value


def check_account(value: str) -> str:
    """Broker account names become topic levels and ACL entries: no wildcards, no slashes, no spaces."""
    if not is_account(value):
        raise ValueError(f"invalid account {value!r}: use 1-64 of a-z 0-9 _ . - (starting with a-z 0-9)")
    return value


def contrib_topic(site: str, team: str, account: str) -> str:
    return f"{ROOT}/{check_id('site', site)}/{check_id('team', team)}/contrib/{check_account(account)}"


def summary_topic(site: str, team: str) -> str:
    return f"{ROOT}/{check_id('site', site)}/{check_id('team', team)}/summary"


def status_topic(site: str, account: str) -> str:
    return f"{ROOT}/{check_id('site', site)}/devices/{check_account(account)}/status"


def health_topic(account: str) -> str:
    return f"{SYS}/aggregator/{check_account(account)}/health"


def contrib_filter(site: str, team: str) -> str:
    """Subscription filter for one team's contributions (every device account of that team)."""
    return f"{ROOT}/{check_id('site', site)}/{check_id('team', team)}/contrib/+"


def parse_contrib_topic(topic: str) -> tuple[str, str, str] | None:
    """``(site, team, account)`` from ``lugn/v1/<site>/<team>/contrib/<account>``, or None."""
    parts = topic.split("/")
    if len(parts) != 6 or "/".join(parts[:2]) != ROOT or parts[4] != "contrib":
        return None
    site, team, account = parts[2], parts[3], parts[5]
    if not is_id(site) or not is_id(team) or team in RESERVED_TEAMS or not is_account(account):
        return None
    return site, team, account


def parse_team_topic(topic: str, leaf: str) -> tuple[str, str] | None:
    """``(site, team)`` from ``lugn/v1/<site>/<team>/<leaf>``, or None when the topic is not one of ours."""
    parts = topic.split("/")
    if len(parts) != 5 or "/".join(parts[:2]) != ROOT or parts[4] != leaf:
        return None
    site, team = parts[2], parts[3]
    if not is_id(site) or not is_id(team) or team in RESERVED_TEAMS:
        return None
    return site, team
