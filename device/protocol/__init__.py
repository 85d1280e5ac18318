"""Lugn's wire protocol: topics, payload models and the MQTT transport, in one package.

The workstation (``device.metrics``), the aggregator (``fleet``), the dashboard (``ui.supervisor``) and the
development kit (``devkit``) all import it from here, so a topic or a field cannot mean two things.
"""

from device.protocol.limits import Limits
from device.protocol.payloads import (
    COUNT_FIELDS,
    MAX_COUNT,
    MAX_PAYLOAD_BYTES,
    AggregatorHealth,
    BucketSummary,
    Contribution,
    Counts,
    DeviceStatus,
    LateRelease,
    Summary,
)
from device.protocol.topics import (
    contrib_filter,
    contrib_topic,
    health_topic,
    parse_contrib_topic,
    parse_team_topic,
    status_topic,
    summary_topic,
)

__all__ = [
    "COUNT_FIELDS",
    "MAX_COUNT",
    "MAX_PAYLOAD_BYTES",
    "AggregatorHealth",
    "BucketSummary",
    "Contribution",
    "Counts",
    "DeviceStatus",
    "LateRelease",
    "Limits",
    "Summary",
    "contrib_filter",
    "contrib_topic",
    "health_topic",
    "parse_contrib_topic",
    "parse_team_topic",
    "status_topic",
    "summary_topic",
]
