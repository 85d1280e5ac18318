"""What held before the fix and must keep holding, tried with the real ``mosquitto_pub``/``mosquitto_sub``:
devices read nothing; backend accounts cannot publish device data or summaries (only the aggregator its own);
anonymous, plaintext, wrong-listener and untrusted-certificate clients are refused. (Malformed payloads and
kill -9 of seat, broker and aggregator: tests/integration/test_mqtt_hostile.py, test_mqtt_pipeline.py and
test_attack_loss.py.)"""

from __future__ import annotations

import subprocess

import pytest

from tests.attacks.conftest import SITE, pub, seat

pytestmark = pytest.mark.broker


def _run(*args: str, timeout_s: float = 20) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=timeout_s)


def test_devices_read_nothing(broker) -> None:
    dev = seat("scope", 3)
    cmd = ["mosquitto_sub", "-h", "localhost", "-p", str(broker.device_port), "--cafile", broker.ca_file]
    cmd += [
        "-V",
        "mqttv5",
        "-u",
        dev,
        "-P",
        broker.passwords[dev],
        "-t",
        "#",
        "-t",
        "$SYS/#",
        "-v",
        "-W",
        "2",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    other = seat("scope", 4)
    pub(broker, other, f"lugn/v1/{SITE}/devices/{other}/status", "-r", "-m", '{"schema":1,"state":"online"}')
    pub(broker, other, f"lugn/v1/{SITE}/scope/contrib/{other}", "-m", "{}")
    out, _err = proc.communicate(timeout=20)
    assert out == ""


def test_backend_accounts_cannot_publish_device_data_or_summaries(broker) -> None:
    for user in ("supervisor", "it-monitor"):
        for topic in (
            f"lugn/v1/{SITE}/scope/contrib/{seat('scope', 0)}",
            f"lugn/v1/{SITE}/scope/summary",
            f"lugn/v1/{SITE}/devices/{seat('scope', 0)}/status",
            "lugn/v1/_sys/aggregator/agg-scope/health",
        ):
            assert "Not authorized" in pub(broker, user, topic, "-m", "{}", backend=True), (user, topic)
    assert "Not authorized" in pub(
        broker, "agg-scope", f"lugn/v1/{SITE}/scope/contrib/x", "-m", "{}", backend=True
    )
    assert "Not authorized" in pub(
        broker, "agg-scope", "lugn/v1/_sys/aggregator/agg-solo/health", "-m", "{}", backend=True
    )


def test_anonymous_plaintext_wrong_listener_and_untrusted_certificates_are_refused(broker, tmp_path) -> None:
    base = ["mosquitto_pub", "-h", "localhost", "-V", "mqttv5", "-q", "1", "-t", "x", "-m", "x"]
    tls = ["--cafile", broker.ca_file]
    anon = _run(*base, "-p", str(broker.device_port), *tls)
    assert anon.returncode != 0 and "not authori" in anon.stderr.lower()
    plain = _run(
        *base, "-p", str(broker.device_port), "-u", seat("scope", 0), "-P", broker.passwords[seat("scope", 0)]
    )
    assert plain.returncode != 0  # no TLS: the listener speaks only TLS
    dev = seat("scope", 0)
    wrong = _run(*base, "-p", str(broker.backend_port), *tls, "-u", dev, "-P", broker.passwords[dev])
    assert wrong.returncode != 0 and "not authori" in wrong.stderr.lower()  # device account on the backend
    staff = _run(
        *base, "-p", str(broker.device_port), *tls, "-u", "supervisor", "-P", broker.passwords["supervisor"]
    )
    assert staff.returncode != 0
    other = tmp_path / "other-ca"
    from fleet.brokerconf import DEPLOY_DIR

    _run("bash", str(DEPLOY_DIR / "make-test-certs.sh"), str(other), timeout_s=60)
    forged = _run(
        "bash", "-c", f"CLIENTS=ws-forged ONLY_CLIENTS=1 bash {DEPLOY_DIR}/make-test-certs.sh {other}"
    )
    assert forged.returncode == 0
    cert, key = other / "client-ws-forged.crt", other / "client-ws-forged.key"
    untrusted = _run(*base, "-p", str(broker.mtls_port), *tls, "--cert", str(cert), "--key", str(key))
    assert untrusted.returncode != 0  # a client certificate from another CA
    spoofed_server = _run(
        *base, "-p", str(broker.device_port), "--cafile", str(other / "ca.crt"), "-u", dev, "-P", "x"
    )
    assert spoofed_server.returncode != 0  # the client does not trust a broker outside its CA either
