"""The Node-RED and Telegraf recipes in docs/ read what the aggregator really publishes: topic and fields
match the payload model, and the Node-RED function node's code (run with Node.js) turns real summaries into
one message per new period, with no figures for a suppressed one."""

from __future__ import annotations

import json
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from device.protocol.payloads import BucketSummary, Counts, Summary
from device.protocol.topics import SUMMARY_FILTER

ROOT = Path(__file__).resolve().parents[2]
RECIPES = ROOT / "docs" / "recipes"


def _summary(starts: list[int], suppressed: set[int]) -> Summary:
    buckets = []
    for s in starts:
        if s in suppressed:
            buckets.append(BucketSummary(bucket_start=s, bucket_s=900, suppressed=True))
        else:
            c = Counts(
                calls=20,
                calls_frustrated=5,
                frustrated_s=200,
                deescalations=2,
                tips_shown=6,
                tips_dismissed=1,
                breathing_offered=3,
                breathing_taken=2,
            )
            buckets.append(
                BucketSummary(
                    bucket_start=s,
                    bucket_s=900,
                    suppressed=False,
                    contributors=6,
                    counts=c,
                    frustrated_call_share=0.25,
                    deescalation_rate=0.4,
                )
            )
    return Summary(site="north", team="blue", k=5, generated_at=starts[-1] + 900, buckets=buckets)


def _flow() -> list[dict]:
    return json.loads((RECIPES / "node-red-lugn-flow.json").read_text(encoding="utf-8"))


def test_node_red_flow_subscribes_to_the_summary_topic() -> None:
    nodes = {n["type"]: n for n in _flow()}
    mqtt_in = nodes["mqtt in"]
    assert mqtt_in["topic"] == SUMMARY_FILTER and mqtt_in["qos"] == "1" and mqtt_in["datatype"] == "json"
    assert nodes["mqtt-broker"]["usetls"] is True and nodes["mqtt-broker"]["port"] == "8884"
    assert mqtt_in["wires"] == [[nodes["function"]["id"]]]


def test_node_red_function_on_real_summaries() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js not installed")
    code = next(n for n in _flow() if n["type"] == "function")["func"]
    t = 1_795_440_000
    first = _summary([t, t + 900, t + 1800], suppressed={t + 900})
    again = first  # the retained copy after a reconnect
    later = _summary([t + 900, t + 1800, t + 2700], suppressed={t + 900})
    payloads = json.dumps([json.loads(s.model_dump_json(by_alias=True)) for s in (first, again, later)])
    harness = f"""
const ctx = new Map();
const context = {{ get: k => ctx.get(k), set: (k, v) => ctx.set(k, v) }};
const node = {{ warn: m => console.error(m) }};
function run(msg) {{ {code} }}
const results = [];
for (const payload of {payloads}) {{
  const r = run({{ topic: 'lugn/v1/north/blue/summary', payload }});
  results.push(r === null ? null : r[0].map(m => m.payload));
}}
results.push(run({{ topic: 'x', payload: 'garbage' }}));
console.log(JSON.stringify(results));
"""
    out = subprocess.run([node, "-e", harness], capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    res = json.loads(out.stdout)
    assert [p["figures"] for p in res[0]] == ["shown", "hidden", "shown"]
    hidden = res[0][1]
    assert (
        "calls" not in hidden
        and "agents" not in hidden
        and hidden["note"] == "fewer than 5 agents: no figures"
    )
    assert res[0][0]["calls"] == 20 and res[0][0]["frustrated_share"] == 0.25 and res[0][0]["agents"] == 6
    assert res[1] == [], "the retained copy again: nothing new"
    assert [p["bucket_start"] for p in res[2]] == [
        "2026-11-23T14:05:00.000Z"
    ]  # only the new period (t + 2700)
    assert res[3] is None and "not a Lugn summary" in out.stderr


def test_telegraf_recipe_matches_the_payload_model() -> None:
    conf = tomllib.loads((RECIPES / "telegraf-lugn.conf").read_text(encoding="utf-8"))
    mqtt = conf["inputs"]["mqtt_consumer"][0]
    assert mqtt["topics"] == [SUMMARY_FILTER] and mqtt["qos"] == 1 and mqtt["data_format"] == "json_v2"
    assert mqtt["topic_parsing"][0]["topic"] == SUMMARY_FILTER
    obj = mqtt["json_v2"][0]["object"][0]
    assert (
        obj["path"] == "buckets"
        and obj["timestamp_key"] == "bucket_start"
        and obj["timestamp_format"] == "unix"
    )
    bucket_fields = set(BucketSummary.model_fields)
    count_fields = {f"counts_{f}" for f in Counts.model_fields}
    for key in obj["included_keys"]:
        assert key in bucket_fields or key in count_fields, key
