"""No coaching content and no delivery-cue data reaches the metrics or the MQTT payloads.

The demo call runs through the real pipeline (real models, real DeliveryMeter on the agent channel), the
real coach turns it into coaching events, and everything (runtime events, tips, delivery cues with tell-tale
values, the private call note) goes into the real metrics path. Tip and breathing COUNTS may leave; nothing
else about coaching may. Proven three ways: the bytes of every payload, a differential run without any
delivery or cue events (identical counts), and a real Mosquitto subscriber that sees everything published.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from device.coach import Coach, CoachEvent, CueKind, DeliveryCue, TipKind, TipShown
from device.coach.events import COUNTABLE_COACH_EVENTS, CallNote, CallNoteFaded
from device.config import LugnConfig
from device.events import AgentDelivery, Event
from device.metrics.outbox import Outbox
from device.metrics.service import MetricsService
from device.metrics.settings import MetricsSettings
from device.protocol.payloads import Contribution, Counts

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "device" / "assets" / "demo_call.flac"
T0 = 1_800_000_000.0  # a fixed wall clock inside one 15-minute bucket
TELLTALE = 123.456  # a cue value that must never show up anywhere
FORBIDDEN = [
    *(c.value for c in CueKind),
    *(t.value for t in TipKind),
    "cue",
    "delivery",
    "syllable",
    "dbfs",
    "level",
    "note",
    "123.456",
    "eased",
]

Item = Event | CoachEvent


@pytest.fixture(scope="module")
def demo_stream() -> list[Item]:
    """Runtime events of the demo call through the real pipeline, interleaved with the coach's events, plus
    delivery cues and a second call note carrying tell-tale values."""
    from device.audio.source import ReplaySource
    from device.notice import told_elsewhere
    from device.pipeline import Pipeline

    runtime: list[Event] = []
    told = told_elsewhere(LugnConfig(), "the demo call")  # the notice gate: tests/integration/test_notice.py
    Pipeline(ReplaySource(DEMO, realtime=False), told, runtime.append).run_until_end()
    coach = Coach()
    out: list[Item] = []
    for ev in runtime:
        out.append(ev)
        out += coach.process(ev)
    t = out[-1].t_s
    out += [
        DeliveryCue(t_s=t, cue=k, value=TELLTALE, reference=TELLTALE, unit="s", display_s=6.0)
        for k in CueKind
    ]
    out += [AgentDelivery(t_s=t, window_s=10.0, speech_s=8.0, syllables_per_s=TELLTALE, level_dbfs=-TELLTALE)]
    out += [
        CallNote(t_s=t, call_s=TELLTALE, frustrated_s=TELLTALE, eased=False, tips_shown=tuple(TipKind)),
        CallNoteFaded(t_s=t),
    ]
    out += coach.dismiss(TipKind.ACKNOWLEDGE, t)  # nothing: the tip is gone with its call
    out += coach.request_breathing(t) + coach.breathing_result("taken", t)
    return out


def _contributions(items: Sequence[Item], tmp: Path) -> list[bytes]:
    settings = MetricsSettings(site="s1", team="t1", bucket_min=15, outbox_path=str(tmp / "outbox.sqlite3"))
    svc = MetricsService(settings, clock=lambda: T0)
    for item in items:
        svc.process(item)
    svc.stop(flush=True)
    box = Outbox(tmp / "outbox.sqlite3")
    rows = box.pending(limit=100)
    box.close()
    return [r.payload for r in rows]


def _counts(payloads: list[bytes]) -> list[dict[str, int]]:
    return [Contribution.model_validate_json(p).counts.model_dump() for p in payloads]


def test_the_demo_stream_has_what_we_guard_against(demo_stream: list[Item]) -> None:
    kinds = {type(i).__name__ for i in demo_stream}
    assert {
        "TipShown",
        "DeliveryCue",
        "AgentDelivery",
        "CallNote",
        "BreathingOffered",
        "BreathingTaken",
    } <= kinds
    assert any(isinstance(i, AgentDelivery) and i.syllables_per_s != TELLTALE for i in demo_stream)


def test_payload_bytes_carry_counts_only(demo_stream: list[Item], tmp_path: Path) -> None:
    payloads = _contributions(demo_stream, tmp_path)
    assert len(payloads) == 1
    (counts,) = _counts(payloads)
    assert counts["tips_shown"] == sum(isinstance(i, TipShown) for i in demo_stream) >= 1
    assert counts["breathing_offered"] >= 1 and counts["breathing_taken"] == 1
    text = payloads[0].decode().lower()
    leaked = [w for w in FORBIDDEN if w in text]
    assert leaked == [], f"coaching content in a metrics payload: {leaked}: {text}"


def test_delivery_and_cue_events_change_nothing(demo_stream: list[Item], tmp_path: Path) -> None:
    private = (DeliveryCue, AgentDelivery, CallNote, CallNoteFaded)
    without = [i for i in demo_stream if not isinstance(i, private)]
    assert len(without) < len(demo_stream)
    a = _counts(_contributions(demo_stream, tmp_path / "a"))
    b = _counts(_contributions(without, tmp_path / "b"))
    assert a == b
    # and the only coaching trace is the allowed counts: drop every coach event and only those move
    no_coach = [i for i in demo_stream if not isinstance(i, CoachEvent)]
    c = _counts(_contributions(no_coach, tmp_path / "c"))
    moved = {k for k in a[0] if a[0][k] != c[0][k]}
    assert moved and moved <= {"tips_shown", "tips_dismissed", "breathing_offered", "breathing_taken"}


def test_payload_schemas_have_no_place_for_coaching_content() -> None:
    fields = set(Counts.model_fields)
    assert not {f for f in fields for w in FORBIDDEN if w in f.lower()}
    names = {c.__name__ for c in COUNTABLE_COACH_EVENTS}
    assert "DeliveryCue" not in names and "CallNote" not in names
    props: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            props.update(k.lower() for k in node.get("properties", {}))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(Contribution.model_json_schema())
    assert "tips_shown" in props
    assert [p for p in props for w in FORBIDDEN if w in p] == []


@pytest.fixture(scope="module")
def mosquitto(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from devkit.broker import TrialBroker, backend_accounts, find_mosquitto
    from fleet.brokerconf import Account

    if find_mosquitto() is None:
        pytest.skip("mosquitto not installed (apt-get install mosquitto)")
    accounts = [*backend_accounts(), Account("device", "seat-1", "s1", "t1")]
    b = TrialBroker(tmp_path_factory.mktemp("mosquitto-privacy"), accounts=accounts)
    b.setup()
    b.start()
    yield b
    b.stop()


@pytest.mark.broker
def test_nothing_private_on_the_wire(demo_stream: list[Item], mosquitto, tmp_path: Path) -> None:
    import paho.mqtt.client as mqtt

    from device.protocol.transport import BrokerParams, make_client

    seen: list[tuple[str, bytes]] = []
    listeners = []
    for user, topic in (
        ("lugn-aggregator", "lugn/v1/+/+/contrib/+"),
        ("it-monitor", "lugn/v1/+/devices/+/status"),
    ):
        params = BrokerParams.from_url(
            mosquitto.backend_url(),
            ca_file=mosquitto.ca_file,
            username=user,
            password=mosquitto.passwords[user],
            client_id=user,
        )
        client = make_client(params)
        subscribed: list[int] = []
        client.on_subscribe = lambda _c, _u, mid, _rc, _p, s=subscribed: s.append(mid)
        client.on_message = lambda _c, _u, m: seen.append((m.topic, bytes(m.payload)))
        client.connect(params.host, params.port, 30)
        client.loop_start()
        _rc, mid = client.subscribe(topic, qos=1)
        deadline = time.monotonic() + 10
        while mid not in subscribed and time.monotonic() < deadline:
            time.sleep(0.02)
        assert mid in subscribed
        listeners.append(client)
    try:
        settings = MetricsSettings(
            enabled=True,
            broker_url=mosquitto.device_url(),
            site="s1",
            team="t1",
            asset_id="seat-1",
            username="seat-1",
            password=mosquitto.passwords["seat-1"],
            credentials="policy",
            ca_file=mosquitto.ca_file,
            outbox_path=str(tmp_path / "outbox.sqlite3"),
        )
        # the call's counts go to the durable outbox; the next start sends them (as after a restart)
        svc = MetricsService(settings)
        for item in demo_stream:
            svc.process(item)
        svc.stop(flush=True)
        svc = MetricsService(settings)
        svc.start()
        deadline = time.monotonic() + 15
        while not any("/contrib/" in t for t, _ in seen) and time.monotonic() < deadline:
            time.sleep(0.05)
        svc.stop(flush=False)
    finally:
        for client in listeners:
            client.disconnect()
            client.loop_stop()
    assert any(t == "lugn/v1/s1/t1/contrib/seat-1" for t, _ in seen), seen
    assert any(t.endswith("/status") for t, _ in seen), seen
    for topic, payload in seen:
        # the seat's account ("seat-1") is in its own topics by design: the broker binds it to them and only
        # the aggregator (contributions) and IT (status) may read them; the words checked here never appear
        text = (topic + " " + payload.decode(errors="replace")).lower()
        leaked = [w for w in FORBIDDEN if w in text]
        assert leaked == [], f"{topic}: {leaked}: {text}"
    _ = mqtt  # the real paho client is what listened


def test_demo_call_gets_a_tip_in_the_call_and_a_breathing_offer_after_it(demo_stream: list[Item]) -> None:
    from device.coach import BreathingOffered
    from device.events import CallEnded, CallStarted

    start = next(i.t_s for i in demo_stream if isinstance(i, CallStarted))
    end = next(i.t_s for i in demo_stream if isinstance(i, CallEnded))
    tips = [i for i in demo_stream if isinstance(i, TipShown)]
    assert tips and all(start < t.t_s < end for t in tips)
    assert tips[0].tip is TipKind.ACKNOWLEDGE
    offers = [i for i in demo_stream if isinstance(i, BreathingOffered)]
    assert offers[0].t_s == end and offers[0].reason.value == "frustrated_share"
