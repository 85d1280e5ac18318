"""Policy precedence, locking, safe state and the file:line:field errors IT sees."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from device import policy
from device.config import LugnConfig
from device.kioskpin import hash_pin
from device.policy import LockedSettingError, check_kiosk_pin, load_effective, save_user_settings

ROOT = Path(__file__).resolve().parents[2]


def write(path: Path, text: str) -> Path:
    path.write_text(text.lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture
def paths(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "policy.toml", tmp_path / "settings.toml"


def test_no_files_gives_defaults_and_publishing_off(paths: tuple[Path, Path]) -> None:
    eff = load_effective(*paths)
    assert eff.config == LugnConfig()
    assert not eff.policy_found and not eff.safe_state and eff.problems == []
    assert not eff.config.metrics.enabled
    assert "metrics.broker_url" in eff.locked and "ui.kiosk_pin" in eff.locked
    assert "coach.tips_enabled" not in eff.locked


def test_precedence_default_policy_user_locked(paths: tuple[Path, Path]) -> None:
    pol, usr = paths
    write(
        pol,
        """
[ui]
language = "sv"
[coach]
tips_enabled = false
breathing_enabled = false
[locks]
settings = ["coach.breathing_enabled"]
""",
    )
    write(
        usr,
        """
[ui]
language = "fi"
[coach]
tips_enabled = true
breathing_enabled = true
""",
    )
    eff = load_effective(pol, usr)
    # user beats an unlocked policy value (a site default) ...
    assert eff.config.ui.language == "fi" and eff.sources["ui.language"] == "user"
    assert eff.config.coach.tips_enabled is True
    # ... but never a locked one, and the agent is told which line was ignored
    assert eff.config.coach.breathing_enabled is False and eff.sources["coach.breathing_enabled"] == "policy"
    assert any(f"{usr}:5: coach.breathing_enabled: locked" in p for p in eff.problems), eff.problems
    assert not eff.safe_state
    # untouched keys stay at the built-in default
    assert eff.sources["audio.mic_device"] == "default"


def test_section_lock_and_cues(paths: tuple[Path, Path]) -> None:
    pol, usr = paths
    write(pol, '[locks]\nsettings = ["ui"]\n[cues]\nallowed = ["tips"]\n')
    write(usr, '[ui]\nlanguage = "nb"\n[coach]\ndelivery_cues_enabled = true\n')
    eff = load_effective(pol, usr)
    assert {"ui.language", "ui.kiosk", "coach.delivery_cues_enabled", "coach.breathing_enabled"} <= eff.locked
    assert eff.config.ui.language == "auto"
    assert eff.config.coach.tips_enabled and not eff.config.coach.delivery_cues_enabled
    assert not eff.config.coach.breathing_enabled


def test_users_cannot_redirect_metrics(paths: tuple[Path, Path]) -> None:
    pol, usr = paths
    write(pol, '[metrics]\nenabled = true\nbroker_url = "mqtts://broker.corp:8883"\n')
    write(usr, '[metrics]\nbroker_url = "mqtt://evil:1883"\nenabled = false\n')
    eff = load_effective(pol, usr)
    assert eff.config.metrics.enabled and eff.config.metrics.broker_url == "mqtts://broker.corp:8883"


def test_bad_value_names_file_line_field_and_gives_safe_state(paths: tuple[Path, Path]) -> None:
    pol, usr = paths
    write(
        pol,
        """
# site policy
[metrics]
enabled = true
broker_url = "mqtts://broker:8883"
k_min = 2

[ui]
language = "sv"
""",
    )
    eff = load_effective(pol, usr)
    assert eff.safe_state
    assert not eff.config.metrics.enabled  # publishing off ...
    assert eff.config.ui.language == "sv"  # ... the rest of the policy still applies
    assert eff.config.metrics.k_min == 5  # bad key dropped back to the default
    msg = f"{pol}:5: metrics.k_min: Input should be greater than or equal to 5"
    assert any(p.startswith(msg) for p in eff.problems), eff.problems


def test_unknown_key_and_bad_lock_are_named(paths: tuple[Path, Path]) -> None:
    pol, usr = paths
    write(pol, '[coach]\ntips_enabeld = false\n\n[locks]\nsettings = ["coach.nope"]\n')
    eff = load_effective(pol, usr)
    assert eff.safe_state
    assert any(f"{pol}:2: coach.tips_enabeld: Extra inputs are not permitted" in p for p in eff.problems)
    assert any(f"{pol}:5: locks.settings: no such setting 'coach.nope'" in p for p in eff.problems)


def test_unparseable_policy_locks_everything(paths: tuple[Path, Path]) -> None:
    pol, usr = paths
    write(pol, '[metrics]\nenabled = true\nbroker_url = "mqtts://x\n')
    write(usr, '[ui]\nlanguage = "sv"\n')
    eff = load_effective(pol, usr)
    assert eff.safe_state and not eff.config.metrics.enabled
    assert eff.problems[0].startswith(f"{pol}:3: not valid TOML")
    assert set(policy.leaf_paths()) == set(eff.locked)
    assert eff.config.ui.language == "auto"


def test_bad_user_settings_do_not_cause_safe_state(paths: tuple[Path, Path]) -> None:
    pol, usr = paths
    write(usr, '[ui]\nlanguage = "sv"\n[coach]\ntips_enabled = 3.5\n')
    eff = load_effective(pol, usr)
    assert not eff.safe_state
    assert eff.config.ui.language == "sv"
    assert any(p.startswith(f"{usr}:4: coach.tips_enabled") for p in eff.problems)


def test_env_overrides(paths: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    pol, usr = paths
    write(pol, '[ui]\nlanguage = "nb"\n')
    monkeypatch.setenv("LUGN_POLICY", str(pol))
    monkeypatch.setenv("LUGN_USER_SETTINGS", str(usr))
    eff = load_effective()
    assert eff.policy_path == pol and eff.user_path == usr and eff.config.ui.language == "nb"


def test_save_user_settings_refuses_locked_and_round_trips(paths: tuple[Path, Path]) -> None:
    pol, usr = paths
    write(pol, '[locks]\nsettings = ["coach.tips_enabled"]\n')
    with pytest.raises(LockedSettingError, match=r"coach\.tips_enabled"):
        save_user_settings({"coach.tips_enabled": False}, usr, policy_path=pol)
    assert not usr.exists()  # nothing written
    with pytest.raises(LockedSettingError):
        save_user_settings({"metrics": {"broker_url": "mqtt://x"}}, usr, policy_path=pol)
    with pytest.raises(ValueError, match="unknown setting"):
        save_user_settings({"coach.tipz": False}, usr, policy_path=pol)
    save_user_settings({"ui": {"language": "fi"}, "coach.breathing_enabled": False}, usr, policy_path=pol)
    save_user_settings({"audio.mic_device": 'Jabra "Evolve2"'}, usr, policy_path=pol)
    eff = load_effective(pol, usr)
    assert eff.config.ui.language == "fi" and not eff.config.coach.breathing_enabled
    assert eff.config.audio.mic_device == 'Jabra "Evolve2"'
    save_user_settings({"ui.language": None}, usr, policy_path=pol)
    assert load_effective(pol, usr).config.ui.language == "auto"


def test_save_keeps_a_broken_user_file(paths: tuple[Path, Path]) -> None:
    pol, usr = paths
    write(usr, "[ui\nlanguage=")
    save_user_settings({"ui.language": "sv"}, usr, policy_path=pol)
    assert usr.with_name("settings.toml.broken").read_text() == "[ui\nlanguage="
    assert load_effective(pol, usr).config.ui.language == "sv"


def test_kiosk_pin_only_as_scrypt_in_a_file_only_it_and_agents_read(paths: tuple[Path, Path]) -> None:
    """Attack 9: the PIN hash sat in the world-readable policy (a 4-digit PIN fell in minutes)."""
    pol, usr = paths
    stored = hash_pin("471100", log_n=14)
    write(pol, f'[ui]\nkiosk = true\nkiosk_pin = "{stored}"\n')
    os.chmod(pol, 0o644)  # world-readable, as a policy is: the inline hash is refused
    eff = load_effective(pol, usr)
    assert (
        eff.config.ui.kiosk and eff.config.ui.kiosk_pin is None and not check_kiosk_pin(eff.config, "471100")
    )
    assert any("world-readable policy" in p and "kiosk_pin_file" in p for p in eff.problems)
    os.chmod(pol, 0o640)  # a policy only IT and the agents' group can read may hold it
    eff = load_effective(pol, usr)
    assert check_kiosk_pin(eff.config, "471100") and not check_kiosk_pin(eff.config, "471101")
    assert not eff.problems
    pin_file = pol.with_name("kiosk-pin")
    pin_file.write_text(hash_pin("246813", log_n=14) + "\n")
    write(pol, f'[ui]\nkiosk = true\nkiosk_pin_file = "{pin_file}"\n')
    os.chmod(pol, 0o644)
    for mode, ok in ((0o644, False), (0o660, False), (0o640, True), (0o600, True)):
        os.chmod(pin_file, mode)
        eff = load_effective(pol, usr)
        assert check_kiosk_pin(eff.config, "246813") is ok, oct(mode)
        assert bool(eff.problems) is not ok, (oct(mode), eff.problems)
    for bad, why in (
        ("1234", "plain-text PIN"),
        ("pbkdf2-sha256$200000$c2FsdA==$aGFzaA==", "old PBKDF2"),
        (hash_pin("123456", log_n=10), "too cheap"),
        (hash_pin("1234", min_length=4, log_n=14), "at least 6"),
        ("scrypt$ln=15$x$y", "malformed"),
    ):
        pin_file.write_text(bad)
        eff = load_effective(pol, usr)
        assert eff.config.ui.kiosk_pin is None and any(why in p for p in eff.problems), (bad, eff.problems)
    assert not check_kiosk_pin(LugnConfig(), "123456")  # no PIN: no exit
    with pytest.raises(ValueError, match="at least 6"):
        hash_pin("4711")


def test_secret_in_world_readable_policy_is_flagged(paths: tuple[Path, Path]) -> None:
    pol, usr = paths
    write(pol, '[metrics]\nusername = "a"\npassword = "hunter2"\n')
    os.chmod(pol, 0o644)
    eff = load_effective(pol, usr)
    assert any(f"{pol}:3: metrics.password: a secret in a world-readable policy" in p for p in eff.problems)
    os.chmod(pol, 0o640)
    assert not load_effective(pol, usr).problems


def test_example_policy_is_valid(tmp_path: Path) -> None:
    eff = load_effective(ROOT / "deploy" / "policy.example.toml", tmp_path / "none.toml")
    assert eff.problems == [] and not eff.safe_state
    assert eff.config.metrics.enabled and eff.config.metrics.ca_file


def test_it_helpers_check_schema_hash_pin(
    paths: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import json
    import tomllib

    import jsonschema

    example = ROOT / "deploy" / "policy.example.toml"
    assert policy.main(["check", str(example)]) == 0
    assert "OK (" in capsys.readouterr().out
    pol, _ = paths
    write(pol, "[coach]\ntips_enabled = 2\n")
    assert policy.main(["check", str(pol)]) == 1
    assert f"{pol}:2: coach.tips_enabled" in capsys.readouterr().out
    assert policy.main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.validate(tomllib.loads(example.read_text()), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"locks": {"settingz": []}}, schema)
    monkeypatch.setattr("sys.stdin", io.StringIO("246813\n"))
    assert policy.main(["hash-pin"]) == 0
    line = capsys.readouterr().out.strip()
    stored = line.split('"')[1]
    assert line.startswith('kiosk_pin = "scrypt$ln=15,r=8,p=1,len=6$')
    assert check_kiosk_pin(LugnConfig.model_validate({"ui": {"kiosk_pin": stored}}), "246813")
    monkeypatch.setattr("sys.stdin", io.StringIO("246813\n"))
    assert policy.main(["hash-pin", str(pol.with_name("kiosk-pin"))]) == 0
    assert pol.with_name("kiosk-pin").stat().st_mode & 0o777 == 0o640
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n"))
    assert policy.main(["hash-pin"]) == 1  # too short
    assert policy.main([]) == 2


def test_notice_off_needs_a_statement(paths: tuple[Path, Path]) -> None:
    """``[notice] mode = "off"`` without a statement is refused, named, and the seat asks (agent mode)."""
    pol, usr = paths
    write(pol, '[notice]\nmode = "off"\n')
    eff = load_effective(pol, usr)
    assert eff.safe_state and eff.config.notice.mode == "agent"
    assert any(f"{pol}" in p and "off_statement" in p for p in eff.problems), eff.problems
    write(pol, '[notice]\nmode = "agent"\noff_statement = "outside_eu"\n')
    assert load_effective(pol, usr).safe_state  # a statement that does not apply is a mistake too
    write(
        pol,
        '[notice]\nmode = "off"\noff_statement = "outside_eu"\noff_detail = "Oslo office, no EU callers"\n',
    )
    eff = load_effective(pol, usr)
    assert not eff.problems and eff.config.notice.mode == "off"
    # the agent can neither switch the notice off nor lift it from their own settings
    write(usr, '[notice]\nmode = "off"\noff_statement = "outside_eu"\n')
    write(pol, '[notice]\nmode = "ivr"\n')
    eff = load_effective(pol, usr)
    assert eff.config.notice.mode == "ivr" and "notice.mode" in eff.locked
    with pytest.raises(LockedSettingError):
        save_user_settings({"notice.mode": "off"}, usr, policy_path=pol)
    pol.unlink()
    assert load_effective(pol, usr).config.notice.mode == "agent"  # no policy: the seat still asks


def test_tone_analysis_off_by_policy(paths: tuple[Path, Path]) -> None:
    """IT switches tone analysis off per site; the agent cannot switch it back on. The pipeline then does not
    load the tone model, and every call says ``tone_off`` (the UI test: tests/ui/test_notice_prompt.py)."""
    import numpy as np

    from device.audio.source import ReplaySource
    from device.events import NoticeChanged, ToneSample
    from device.pipeline import Pipeline

    pol, usr = paths
    write(pol, "[tone]\nenabled = false\n")
    write(usr, "[tone]\nenabled = true\n")
    eff = load_effective(pol, usr)
    assert eff.config.tone.enabled is False and "tone.enabled" in eff.locked
    assert any("tone.enabled: locked by the policy" in p for p in eff.problems)
    events: list[object] = []
    noise = np.random.default_rng(1).normal(0, 0.1, 16_000 * 3).astype(np.float32)
    pipeline = Pipeline(ReplaySource.from_arrays(noise, noise), eff.config, events.append)
    assert pipeline._scorer is None and pipeline.status()["tone_enabled"] is False
    pipeline.call_start()
    pipeline.notice_given()
    pipeline.run_until_end()
    assert [e.state for e in events if isinstance(e, NoticeChanged)] == ["tone_off"]
    assert not [e for e in events if isinstance(e, ToneSample)]
    assert not [e for e in events if type(e).__name__ == "AnalysisUnavailable"]  # off by choice, not broken
