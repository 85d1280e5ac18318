"""The metrics path for ``lugn demo``, with nothing else running.

``start_demo_metrics()`` starts the trial broker (``devkit.broker``: the shipped template, TLS and the
generated ACLs) when Mosquitto is installed, the aggregator beside it, and this workstation's
``MetricsService`` with its own device account. Feed it every runtime and coach event with ``sink(event)``;
``finish()`` closes the open bucket, waits for delivery, lets the aggregator's clock run on to the end of the
bucket plus its grace period (a demo is shorter than a bucket; each bucket is published once, only when
final), waits for the team summary, stops everything and says what happened. Without Mosquitto, contributions
stay in the outbox, and it says so.

With one demo seat the team summary is *suppressed* (fewer than k = 5 devices): the privacy rule at work.
"""

from __future__ import annotations

import logging
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from device.metrics.service import MetricsService
from device.metrics.settings import MetricsSettings
from device.protocol.payloads import Summary
from device.protocol.topics import summary_topic
from device.protocol.transport import BrokerParams, PahoTransport
from devkit.broker import AGGREGATOR, SUPERVISOR, BrokerUnavailable, TrialBroker, backend_accounts
from fleet.aggregator import Aggregator
from fleet.brokerconf import Account
from fleet.service import AggregatorService

log = logging.getLogger(__name__)
SEAT = "demo-seat"


@dataclass(frozen=True)
class DemoMetricsReport:
    mode: str  # "broker" or "outbox"
    contributions: int  # contributions this demo produced
    delivered: int  # acknowledged by the broker
    pending: int  # still in the outbox
    summary: Summary | None  # the retained team summary the aggregator published, if any
    message: str


class DemoMetrics:
    def __init__(
        self, workdir: Path, site: str, team: str, bucket_min: int, echo: Callable[[str], None]
    ) -> None:
        self.workdir = workdir
        self.site, self.team = site, team
        self._echo = echo
        self._summary: Summary | None = None
        self._got_summary = threading.Event()
        self._offset_s = 0.0  # the demo aggregator's clock runs ahead by this much at finish()
        self.broker: TrialBroker | None = None
        self._agg: AggregatorService | None = None
        self._listener: PahoTransport | None = None
        self.mode = "outbox"
        try:
            accounts = [*backend_accounts(), Account("device", SEAT, site, team)]
            self.broker = TrialBroker(
                workdir / "broker", accounts=accounts, bucket_s=bucket_min * 60, grace_s=5
            )
            self.broker.setup()
            self.broker.start()
            self.mode = "broker"
        except (BrokerUnavailable, OSError, subprocess.SubprocessError) as exc:
            self.broker = None
            self.message = f"metrics: no local broker ({exc}); contributions are kept in the outbox"
        settings = MetricsSettings(
            enabled=self.broker is not None,
            site=site,
            team=team,
            bucket_min=bucket_min,
            asset_id=SEAT,
            broker_url=self.broker.device_url() if self.broker else None,
            password=self.broker.passwords[SEAT] if self.broker else None,
            ca_file=self.broker.ca_file if self.broker else None,
            status_interval_s=30,
        )
        self.service = MetricsService(
            settings, outbox_path=workdir / "outbox.sqlite3", profile_version="demo"
        )
        if self.broker is not None:
            self._start_backend()
            self.message = (
                f"metrics: trial Mosquitto {self.broker.device_url()} (TLS, ACL), aggregator running; "
                f"team summary on {summary_topic(site, team)}"
            )
        self.service.start()
        echo(self.message)

    def _params(self, user: str) -> BrokerParams:
        assert self.broker is not None
        b = self.broker
        return BrokerParams.from_url(
            b.backend_url(), ca_file=b.ca_file, username=user, password=b.passwords[user], client_id=user
        )

    def _start_backend(self) -> None:
        assert self.broker is not None
        aggregator = Aggregator(
            str(self.workdir / "aggregator.sqlite3"),
            self.broker.policy(),
            clock=lambda: time.time() + self._offset_s,
        )
        self._agg = AggregatorService(
            self._params(AGGREGATOR), aggregator, summary_interval_s=0.2, settle_s=0
        )
        self._agg.start()
        self._listener = PahoTransport(
            self._params(SUPERVISOR),
            name="lugn-demo-summary",
            on_message=self._on_summary,
            subscriptions=(summary_topic(self.site, self.team),),
        )
        self._listener.start()
        deadline = (
            time.monotonic() + 20
        )  # contributions sent before its first subscription would not reach it
        while time.monotonic() < deadline and not (
            self._agg.transport.connected and self._listener.connected
        ):
            time.sleep(0.05)

    def _on_summary(self, msg: object) -> None:
        try:
            self._summary = Summary.model_validate_json(getattr(msg, "payload", b""))
            self._got_summary.set()
        except ValueError:
            pass

    def sink(self, event: object) -> None:
        """Feed every runtime and coach event here (any thread); only counts are kept."""
        self.service.process(event)

    def finish(self, timeout_s: float = 15.0) -> DemoMetricsReport:
        """Close the open bucket (a demo is shorter than a bucket), deliver it, wait for the summary, stop."""
        svc = self.service
        with svc._lock:
            bucket_end = svc.window.bucket_start + svc.settings.bucket_min * 60
            contributions = svc.window.flush()
            svc._submit(contributions)
        delivered = 0
        if svc.publisher is not None:
            svc.publisher.wait_idle(timeout_s)
            delivered = svc.publisher.acked
            if delivered and self._agg is not None:
                deadline = time.monotonic() + timeout_s
                while self._agg.aggregator.stats["received"] < delivered and time.monotonic() < deadline:
                    time.sleep(0.05)
                grace = self._agg.aggregator.policy.grace_s
                self._offset_s = max(
                    0.0, bucket_end + grace - time.time()
                )  # fast-forward to the bucket's end
                self._got_summary.wait(timeout_s)
        pending = svc.outbox.pending_count()
        svc.stop(flush=False)
        self._stop_backend()
        if self.mode == "broker":
            if self._summary and self._summary.buckets and self._summary.buckets[-1].suppressed:
                state = f"team summary suppressed: fewer than {self._summary.k} devices (the privacy floor)"
            elif self._summary:
                state = "team summary published"
            else:
                state = "no team summary received"
            msg = (
                f"metrics: {len(contributions)} contribution(s), {delivered} delivered, {pending} pending; "
                + state
            )
        else:
            msg = f"metrics: {len(contributions)} contribution(s) kept in the outbox ({pending} pending)"
        self._echo(msg)
        return DemoMetricsReport(self.mode, len(contributions), delivered, pending, self._summary, msg)

    def _stop_backend(self) -> None:
        if self._listener is not None:
            self._listener.stop()
        if self._agg is not None:
            self._agg.stop()
        if self.broker is not None:
            self.broker.stop()


def start_demo_metrics(
    workdir: str | Path | None = None,
    *,
    site: str = "demo",
    team: str = "demo-team",
    bucket_min: int = 15,
    echo: Callable[[str], None] = print,
) -> DemoMetrics:
    """Start the demo metrics path; see the module docstring. Never raises for a missing broker."""
    path = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="lugn-demo-metrics-"))
    path.mkdir(parents=True, exist_ok=True)
    return DemoMetrics(path, site, team, bucket_min, echo)


if __name__ == "__main__":  # python -m devkit.metricsdemo: a scripted call through the metrics path
    from device.events import CallEnded, CallStarted, ToneChanged, ToneState, Trend

    dm = start_demo_metrics()
    for ev in (
        CallStarted(0.0, "control"),
        ToneChanged(4.0, ToneState.FRUSTRATED, ToneState.CALM, 0.8, Trend.RISING),
        ToneChanged(20.0, ToneState.CALM, ToneState.FRUSTRATED, 0.2, Trend.FALLING),
        CallEnded(30.0, "control", 30.0),
    ):
        dm.sink(ev)
    time.sleep(0.5)
    report = dm.finish()
    print(report.summary.to_json().decode() if report.summary else "(no summary)")
