"""One red-team run: set the stage, attack one bucket with every attack at once, wait until it is final,
let the differencing attacker act on the published bucket, judge, then revoke a stolen workstation. And the
report: readable text, or one JSON object."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from devkit.mqttcli import shell_line
from devkit.redteam.access import NOT_RUN, Scope, SilentLoss, Takeover, revocation
from devkit.redteam.counting import Differencing, ForgedTokens, Inflation, Scenario, when
from devkit.redteam.stage import Attack, Stage


@dataclass
class Report:
    bucket_s: int
    grace_s: int
    setup: list[str] = field(default_factory=list)
    attacks: list[Attack] = field(default_factory=list)
    problem: str = ""  # why the run is inconclusive (not an attack that succeeded)
    elapsed_s: float = 0.0

    @property
    def broken(self) -> list[Attack]:
        return [a for a in self.attacks if a.run and not a.held]

    def exit_code(self) -> int:
        """1 when an attack succeeded, 2 when the run could not tell, 0 when every attack run held."""
        return 1 if self.broken and not self.problem else 2 if self.problem else 0

    def as_json(self) -> str:
        return json.dumps(
            {
                "bucket_s": self.bucket_s,
                "grace_s": self.grace_s,
                "setup": self.setup,
                "attacks": [a.as_dict() for a in self.attacks],
                "broken": [a.number for a in self.broken],
                "problem": self.problem,
                "elapsed_s": round(self.elapsed_s, 1),
                "exit_code": self.exit_code(),
            },
            indent=1,
        )

    def text(self) -> str:
        out = [
            "Lugn red team: the attacks of issue #11 against the shipped broker configuration and "
            "lugn aggregate",
            *self.setup,
            "",
        ]
        for a in self.attacks:
            out.append(f"== Attack {a.number}: {a.title} ==")
            out.append(f"before the fix (issue #11): {a.before}")
            if a.attacker:
                out.append(f"attacker: {a.attacker}")
            for s in a.steps:
                times = f" ({s.times} runs; the first shown)" if s.times > 1 else ""
                out.append(f"  # {s.note}{times}" if s.note else "  #")
                out.append(f"  $ {s.command}")
                out.append(f"    -> {s.result}")
            for line in a.saw:
                out.append(f"  saw: {line}")
            out.append(a.verdict)
            out.append("")
        if self.problem:
            out.append(f"INCONCLUSIVE: {self.problem}")
        broken = ", ".join(a.number for a in self.broken) or "none"
        held = sum(a.held for a in self.attacks)
        out.append(
            f"{held} attacks held, broken: {broken}; {len(NOT_RUN)} pointed to their tests; "
            f"{self.elapsed_s:.0f} s"
        )
        return "\n".join(out)


def run(workdir: Path, bucket_s: int = 20, grace_s: int = 2) -> Report:
    t0 = time.monotonic()
    st = Stage(workdir, bucket_s, grace_s)
    report = Report(bucket_s, grace_s)
    scenarios: list[Scenario] = [
        ForgedTokens(),
        Differencing(),
        Inflation(),
        Takeover(),
        Scope(),
        SilentLoss(),
    ]
    try:
        st.start()
        assert st.recorder is not None
        b = st.broker
        report.setup += [
            f"broker: the trial broker (deploy/mosquitto template, TLS, ACLs, lugn_guard; devkit/broker.py = "
            f"lugn broker) on localhost:{b.device_port} (devices), :{b.mtls_port} (devices, mutual TLS), "
            f":{b.backend_port} (backend)",
            f"aggregator: $ {shell_line(st.aggregator.cmd)}",
            f"  (k = 5; buckets of {bucket_s} s, each published once {grace_s} s after it ends; the "
            "product's are 900 s, so the counts below are what a seat can count in one short bucket)",
            f"supervisor, recording every summary ever published: $ {st.recorder.shown}",
            "attacker: each attack uses ONE device account's password (shown shortened), as any seat's own "
            "app holds it; other accounts only play honest seats",
        ]
        bucket = st.current_bucket(min_left_s=max(8.0, 0.6 * bucket_s))
        report.setup.append(
            f"bucket under attack: {when(bucket)} + {bucket_s} s (every attack at once, each on its own team)"
        )
        with ThreadPoolExecutor(len(scenarios)) as pool:
            for f in [pool.submit(s.send, st, bucket) for s in scenarios]:
                f.result()
        late_by = time.time() - (bucket + bucket_s)
        if late_by > 0:
            report.problem = (
                f"the attacks took until {late_by:.1f} s after the bucket ended (machine too slow?): "
                "some were counted elsewhere; run again with a longer --bucket-s"
            )
        if not st.wait_final(bucket):
            report.problem = report.problem or f"no final summary for the bucket; see {st.aggregator.log}"
        else:
            for s in scenarios:
                s.after_final(st, bucket)
            st.seen_health = st.health(lambda h: h.received == st.acked)
            for s in scenarios:
                s.judge(st, bucket)
        for s in scenarios:
            s.attack.verdict = s.attack.verdict or "not judged (see INCONCLUSIVE below)"
        report.attacks = [s.attack for s in scenarios]
        report.attacks.insert(6, NOT_RUN[0])
        report.attacks += [revocation(st), NOT_RUN[1]]
    finally:
        st.stop()
        report.elapsed_s = time.monotonic() - t0
    return report
