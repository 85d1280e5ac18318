"""The red-team demonstrator (``python -m devkit.redteam``) end to end, so its printed verdicts cannot rot;
and its verdict rules fed broken outcomes, so a "held" cannot come from a rule that never says anything
else."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from device.protocol.payloads import BucketSummary, Counts, LateRelease, Summary
from devkit.broker import find_mosquitto
from devkit.redteam.counting import (
    LATE_VICTIM,
    judge_differencing,
    judge_forged,
    judge_inflation,
)
from devkit.redteam.run import Report
from devkit.redteam.stage import Attack

pytestmark = pytest.mark.broker
ROOT = Path(__file__).resolve().parents[2]


def test_the_demonstrator_runs_every_attack_and_each_holds(tmp_path: Path) -> None:
    if find_mosquitto() is None:
        pytest.skip("mosquitto not installed (apt-get install mosquitto)")
    for bucket_s in (20, 60):
        # a loaded CI machine may overrun a 20 s bucket: the run then says it cannot tell (exit 2, never
        # "held"); once more with room to spare, since slowness is not what this test is about
        work = tmp_path / f"redteam{bucket_s}"
        cmd = [
            sys.executable,
            "-m",
            "devkit.redteam",
            "--workdir",
            str(work),
            "--json",
            "--bucket-s",
            str(bucket_s),
        ]
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=60 + 5 * bucket_s)
        report = json.loads(proc.stdout)
        if not (proc.returncode == 2 and "machine too slow" in (report["problem"] or "")):
            break
    verdicts = {a["number"]: a["verdict"] for a in report["attacks"]}
    assert proc.returncode == 0 and report["broken"] == [] and not report["problem"], verdicts
    run = [a for a in report["attacks"] if a["run"]]
    assert [a["number"] for a in run] == ["1", "2", "3", "4", "5", "6", "8"]
    assert {a["number"] for a in report["attacks"] if not a["run"]} == {"7", "9"}
    for a in run:
        assert a["held"] and a["verdict"].startswith("held: "), a
        assert a["before"] and a["saw"], a["number"]
        assert any(s["command"].startswith("mosquitto_pub ") for s in a["steps"]), a["number"]
    by = {a["number"]: a for a in run}
    # what the supervisor saw, as printed: attack 1 suppressed, the others with their counted figures
    assert '"suppressed":true' in by["1"]["saw"][0]
    assert '"contributors":5,"counts":{"calls":10}' in " ".join(by["4"]["saw"])
    assert "refused by the broker: Not authorized" in {s["result"] for s in by["1"]["steps"]}
    assert "all 20 refused by the broker" in {s["result"] for s in by["5"]["steps"]}
    # passwords are shortened in everything printed, never shown whole
    printed = proc.stdout
    for pw in (work / "broker" / "credentials").glob("*.pw"):
        assert pw.read_text().strip() not in printed, pw.name
    assert report["elapsed_s"] < 60 + 3 * bucket_s


def _bucket(contributors: int | None, **counts: int) -> BucketSummary:
    if contributors is None:
        return BucketSummary(bucket_start=1_800_000_000, bucket_s=20, suppressed=True)
    return BucketSummary(
        bucket_start=1_800_000_000,
        bucket_s=20,
        suppressed=False,
        contributors=contributors,
        counts=Counts(**counts),
    )


def _attack() -> Attack:
    return Attack("x", "t", "b")


def test_the_verdict_rules_say_broken_when_the_attack_succeeds() -> None:
    a = _attack()
    judge_forged(a, _bucket(5, calls=7, calls_frustrated=3, frustrated_s=20), topics_refused=True)
    assert a.verdict.startswith("BROKEN: the supervisor saw contributors: 5")
    a = _attack()
    judge_forged(a, _bucket(None), topics_refused=False)
    assert not a.held
    a = _attack()
    judge_forged(a, _bucket(None), topics_refused=True)
    assert a.held

    a = _attack()
    judge_inflation(a, _bucket(6, calls=5_005), {"calls": 5}, 20)
    assert a.verdict.startswith("BROKEN: the attacker added") and "5000" in a.verdict

    # differencing: the bucket republished with the late agent merged in -> the difference is the agent
    base = dict(calls=7, calls_frustrated=3, frustrated_s=20)
    merged = {k: base.get(k, 0) + LATE_VICTIM.get(k, 0) for k in set(base) | set(LATE_VICTIM)}

    def summary(b: BucketSummary, late: list[LateRelease] | None = None) -> Summary:
        return Summary(site="s", team="t", k=5, generated_at=1, buckets=[b], late=late or [])

    a = _attack()
    judge_differencing(a, [summary(_bucket(5, **base)), summary(_bucket(6, **merged))], 0, 1)
    assert a.verdict.startswith("BROKEN: a difference of published figures is the late agent's")
    a = _attack()
    judge_differencing(a, [summary(_bucket(5, **base))], while_open=3, after_victim=0)
    assert a.verdict.startswith("BROKEN: summaries were republished")
    release = LateRelease(
        released_at=1, first_bucket_start=1, last_bucket_end=2, contributors=5, counts=Counts(calls=6)
    )
    a = _attack()
    judge_differencing(a, [summary(_bucket(5, **base)), summary(_bucket(5, **base), [release])], 0, 0)
    assert a.held


def test_exit_code_says_which_attack_broke() -> None:
    held, broken = _attack(), _attack()
    held.verdict, broken.verdict = "held: fine", "BROKEN: no"
    not_run = Attack("7", "t", "b", verdict="not run here", run=False)
    assert Report(20, 2, attacks=[held, not_run]).exit_code() == 0
    r = Report(20, 2, attacks=[held, broken, not_run])
    assert r.exit_code() == 1 and "broken: x" in r.text()
    assert Report(20, 2, attacks=[held], problem="too slow").exit_code() == 2
