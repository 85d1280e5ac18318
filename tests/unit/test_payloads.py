"""Payload models, the committed JSON Schemas, and an allow-list over everything the agent can publish."""

from __future__ import annotations

import getpass
import json
import socket
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from device.coach import events as ce
from device.events import (
    AgentDelivery,
    AnalysisUnavailable,
    CallEnded,
    CallStarted,
    DeviceLost,
    DeviceRestored,
    Heartbeat,
    PauseChanged,
    Side,
    SpeechActivity,
    ToneChanged,
    ToneSample,
    ToneState,
    Trend,
)
from device.metrics.service import MetricsService
from device.metrics.settings import MetricsSettings
from device.protocol.payloads import BucketSummary, Contribution, Counts, DeviceStatus
from device.protocol.schemas import main, schema_documents

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"


def test_committed_schemas_are_fresh() -> None:
    assert main([str(SCHEMAS), "--check"]) == 0, "run: python -m device.protocol.schemas schemas"
    assert sorted(p.name for p in SCHEMAS.glob("*.schema.json")) == sorted(schema_documents())


def test_stale_schema_is_detected(tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 0
    assert main([str(tmp_path), "--check"]) == 0
    f = tmp_path / "contribution.schema.json"
    f.write_text(f.read_text().replace("Calls", "Kalls"))
    assert main([str(tmp_path), "--check"]) == 1


def test_k_cannot_be_configured_below_the_floor() -> None:
    with pytest.raises(ValidationError, match="k_min"):
        MetricsSettings(k_min=3)
    with pytest.raises(ValidationError):
        BucketSummary(bucket_start=0, bucket_s=900, suppressed=True, contributors=3)


def _every_event(t0: float) -> list[object]:
    """Every runtime and coach event kind, with identifying-looking content where a field allows it."""
    return [
        CallStarted(t0, "control"),
        SpeechActivity(t0 + 1, Side.AGENT, True),
        AgentDelivery(t0 + 2, 5.0, 4.0, 7.7, -3.3),
        ToneSample(t0 + 3, 0.9, 0.95, 0.8, 0.1, ToneState.FRUSTRATED),
        ToneChanged(t0 + 3, ToneState.FRUSTRATED, ToneState.CALM, 0.9, Trend.RISING),
        ce.TipShown(t0 + 4, ce.TipKind.ACKNOWLEDGE, 8.0, 1),
        ce.DeliveryCue(t0 + 5, ce.CueKind.PACE_FAST, 7.7, 4.0, "syl/s", 4.0),
        ce.DeliveryCue(t0 + 5, ce.CueKind.LOUD, -3.3, -12.0, "dBFS", 4.0),
        ce.TipDismissed(t0 + 6, ce.TipKind.ACKNOWLEDGE),
        Heartbeat(t0 + 7),
        ToneChanged(t0 + 40, ToneState.CALM, ToneState.FRUSTRATED, 0.2, Trend.FALLING),
        DeviceLost(t0 + 41, "mic", "unplugged Jabra Evolve2 40 of ws-4711"),
        DeviceRestored(t0 + 42, "mic"),
        AnalysisUnavailable(t0 + 43, "model missing"),
        PauseChanged(t0 + 44, True),
        PauseChanged(t0 + 45, False),
        CallEnded(t0 + 50, "control", 50.0),
        ce.CallNote(t0 + 50, 50.0, 37.0, True, (ce.TipKind.ACKNOWLEDGE,)),
        ce.BreathingOffered(
            t0 + 51, ce.BreathingReason.FRUSTRATED_SHARE, ce.BreathingPattern.PACED, 60, 4, 0, 6, 0
        ),
        ce.BreathingTaken(t0 + 52),
        ce.BreathingSnoozed(t0 + 53, t0 + 300),
        ce.BreathingSkipped(t0 + 54),
        ce.CallNoteFaded(t0 + 55),
    ]


def _keys(value: object, prefix: str = "") -> set[str]:
    if isinstance(value, dict):
        out = set()
        for k, v in value.items():
            out.add(prefix + k)
            out |= _keys(v, prefix + k + ".")
        return out
    return set()


def _schema_keys(schema: dict, node: dict | None = None, prefix: str = "") -> set[str]:
    node = node if node is not None else schema
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].split("/")[-1]]
    for alt in node.get("anyOf", []):
        if alt.get("type") != "null":
            return _schema_keys(schema, alt, prefix)
    out = set()
    for k, sub in node.get("properties", {}).items():
        out.add(prefix + k)
        out |= _schema_keys(schema, sub, prefix + k + ".")
    return out


def test_allow_list_over_every_payload_the_agent_can_publish(tmp_path: Path) -> None:
    now = [1_800_000_000.0]
    settings = MetricsSettings(site="north", team="blue", asset_id="ws-4711", username="ws-4711")
    svc = MetricsService(
        settings, outbox_path=tmp_path / "o.sqlite3", clock=lambda: now[0], profile_version="p@1"
    )
    for ev in _every_event(0.0):
        svc.process(ev)
    now[0] += 900
    for ev in _every_event(100.0):
        svc.process(ev)
    status = svc.status().to_json()
    svc.stop(flush=True)  # the open bucket too
    from device.metrics.outbox import Outbox

    rows = Outbox(tmp_path / "o.sqlite3").pending(100)
    assert len(rows) == 2
    published = [(r.topic, r.payload, "contribution") for r in rows]
    published.append(("status", status, "device_status"))
    published.append(("will", DeviceStatus(state="offline").to_json(), "device_status"))
    identifiers = {"ws-4711", socket.gethostname(), getpass.getuser(), "jabra", "evolve"}
    for topic, payload, kind in published:
        schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text())
        doc = json.loads(payload)
        jsonschema.validate(doc, schema)
        assert _keys(doc) <= _schema_keys(schema), (kind, _keys(doc) - _schema_keys(schema))
        # The account ends the contribution topic (only the broker and the aggregator read it: the broker's
        # ACL binds the device to it); the payload itself names nobody, and other topics name nothing either.
        text = (topic.removesuffix("/ws-4711") + payload.decode()).lower()
        assert not [i for i in identifiers if i and i.lower() in text], (topic, payload)
        for bad in ("pace", "loud", "syl", "dbfs", "delivery", "agent", "user", "host", "device", "note"):
            assert bad not in payload.decode().lower(), (bad, payload)
    first = Contribution.model_validate_json(rows[0].payload)
    assert first.counts == Counts(
        calls=1,
        calls_frustrated=1,
        frustrated_s=37,
        deescalations=1,
        tips_shown=1,
        tips_dismissed=1,
        breathing_offered=1,
        breathing_taken=1,
    )
    assert rows[0].topic == "lugn/v1/north/blue/contrib/ws-4711"
    assert all("contributor" not in json.loads(r.payload) for r in rows)  # no token a seat could forge


def test_contribution_json_is_small_and_round_trips() -> None:
    from device.metrics.anonymise import Anonymiser

    c = Anonymiser("s", "t").contribution(1_800_000_000 // 900 * 900, 900, {"calls": 3})
    assert len(c.to_json()) < 400
    assert Contribution.model_validate_json(c.to_json()) == c


@pytest.mark.parametrize("lang", ["en", "sv", "nb", "fi"])
def test_works_council_sheets_list_exactly_the_contribution_fields(lang: str) -> None:
    """The information sheets for unions list every field a contribution can carry: no more, no less."""
    import re

    text = (ROOT / "docs" / "works-council" / f"info-{lang}.md").read_text()
    block = text.split("<!-- contribution-fields:begin -->")[1].split("<!-- contribution-fields:end -->")[0]
    listed = set(re.findall(r"^\| `([a-z_.]+)` \|", block, re.M))
    schema = json.loads((SCHEMAS / "contribution.schema.json").read_text())
    assert listed == _schema_keys(schema) - {"counts"}
    assert f"(schema {Contribution.model_fields['schema_version'].default})" in block
