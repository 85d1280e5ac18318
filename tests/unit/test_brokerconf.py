"""The broker configuration from IT's account list: strict names, unique accounts, ACLs that bind each
device to its own topics in its own site (and team), one template rendered alike by Python and the shell."""

from __future__ import annotations

import os
import subprocess

import pytest

from fleet.brokerconf import (
    DEPLOY_DIR,
    PLACEHOLDERS,
    Account,
    AccountsError,
    backend_acl,
    device_acl,
    read_accounts,
    render_conf,
)
from fleet.brokerconf import main as brokerconf_main


def test_example_accounts_render_bound_acls(tmp_path) -> None:
    accounts = read_accounts((DEPLOY_DIR / "accounts.example.csv").read_text())
    dev = device_acl(accounts)
    assert "user ws-malmo-0042\ntopic write lugn/v1/malmo/support-1/contrib/ws-malmo-0042\n" in dev
    assert "topic write lugn/v1/malmo/+/contrib/ws-malmo-0100" in dev  # a hot desk: any team of its site
    assert "topic write lugn/v1/malmo/devices/ws-malmo-0042/status" in dev
    assert "pattern" not in dev and "#" not in dev.split("\n", 1)[1] and "read" not in dev
    back = backend_acl(accounts)
    assert "user supervisor-malmo\ntopic read lugn/v1/malmo/+/summary\n" in back
    assert "topic write lugn/v1/_sys/aggregator/lugn-aggregator/health" in back
    assert "contrib" not in back.split("user supervisor-malmo")[1]
    assert brokerconf_main(["acl", str(DEPLOY_DIR / "accounts.example.csv"), str(tmp_path)]) == 0
    assert (tmp_path / "devices.acl").read_text() == dev and (tmp_path / "backend.acl").read_text() == back


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("device,ws+1,malmo,t", "invalid account"),  # a wildcard in a name would widen the ACL
        ("device,ws/1,malmo,t", "invalid account"),
        ("device,ws 1,malmo,t", "invalid account"),
        ("device,ws-1,,t", "needs a site"),
        ("device,ws-1,Malmo,t", "invalid site"),
        ("device,ws-1,malmo,devices", "invalid team"),
        ("supervisor,anna,malmo,t", "only a device"),
        ("admin,root,,", "unknown role"),
        ("device,lugn-aggregator,malmo,t", "appears twice"),  # client ids are global across listeners
    ],
)
def test_bad_account_lines_are_refused_with_the_line(line: str, why: str) -> None:
    text = f"role,account,site,team\naggregator,lugn-aggregator,,\n{line}\n"
    with pytest.raises(AccountsError, match=why) as err:
        read_accounts(text, "accounts.csv")
    assert "accounts.csv" in str(err.value)


def test_shell_and_python_render_the_same_config(tmp_path) -> None:
    values = {
        "DIR": "/var/lib/mosquitto",
        "ACL_DIR": "/etc/mosquitto/lugn",
        "CERT_DIR": "/etc/mosquitto/certs",
        "CRL_FILE": "/etc/mosquitto/certs/crl.pem",
        "DEVICE_PORT": "8883",
        "DEVICE_MTLS_PORT": "8885",
        "BACKEND_PORT": "8884",
        "BIND": "0.0.0.0",
        "GUARD_PLUGIN": "/usr/local/lib/lugn/lugn_guard.so",
        "GUARD_RATE_PER_MIN": "60",
        "GUARD_BURST": "300",
        "EXTRA": "",
    }
    assert set(values) == set(PLACEHOLDERS)
    shell = subprocess.run(
        ["bash", str(DEPLOY_DIR / "render-conf.sh")], capture_output=True, text=True, check=True,
        env={"PATH": os.environ["PATH"]},
    ).stdout  # fmt: skip
    conf = render_conf(values)
    assert shell == conf and "@" not in conf.replace("@NAME@", "")
    for listener in conf.split("\nlistener ")[1:]:
        assert "use_username_as_clientid true" in listener  # no client picks another's session
        assert "allow_anonymous false" in listener
    assert "crlfile /etc/mosquitto/certs/crl.pem" in conf
    # the device listeners (password and mutual TLS) meter every account; the backend listener does not
    device, mtls, backend = conf.split("\nlistener ")[1:]
    for listener in (device, mtls):
        assert "plugin /usr/local/lib/lugn/lugn_guard.so\nplugin_opt_rate_per_min 60\n" in listener
        assert "plugin_opt_burst 300\nplugin_opt_max_payload 4096" in listener
    assert "plugin" not in backend
    assert "\nmax_packet_size 66560\n" in conf  # MQTT v5 properties are outside message_size_limit
    assert Account("device", "ws-1", "s", "t").team == "t"
