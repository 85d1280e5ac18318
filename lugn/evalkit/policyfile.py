"""The policy a call evaluation runs under, and the ``[tone] threshold`` snippet it can write.

Without ``--policy`` the evaluation runs on the shipped defaults (the model's own threshold), not on this
machine's policy or anyone's user settings: a figure must not depend on where it was computed. With
``--policy FILE`` it runs under that file alone, as ``python -m device.policy check`` reads it, and a file
with problems is refused (the agent would run it in the safe state, which is not what the site meant).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from device.config import LugnConfig


class PolicyFileError(ValueError):
    """A policy to evaluate with, or to write, that cannot be used."""


def load_config(policy: Path | None) -> tuple[LugnConfig, str]:
    """-> (config, where its threshold comes from)."""
    if policy is None:
        return LugnConfig(), "shipped defaults"
    from device.policy import load_effective

    if not policy.is_file():
        raise PolicyFileError(f"{policy}: policy file not found")
    with tempfile.TemporaryDirectory() as empty:
        eff = load_effective(policy, Path(empty) / "settings.toml")
    if eff.problems:
        raise PolicyFileError("\n".join(eff.problems))
    if not eff.config.tone.enabled:  # every call would come out "never frustrated": refuse, not mislead
        raise PolicyFileError(
            f"{policy}: [tone] enabled = false switches customer-tone analysis off, so there is nothing to "
            "evaluate (evaluate without --policy, or with a copy that leaves tone on)"
        )
    return eff.config, str(policy)


def snippet(rec: dict[str, Any], run: dict[str, Any], today: dt.date | None = None) -> str:
    """A policy file holding only ``[tone] threshold``, with where the number came from."""
    f = rec["figures"]
    b = rec["bootstrap"]
    date = (today or dt.date.today()).isoformat()

    def iv(pair: list[float] | None, fmt: str) -> str:
        return f"{format(pair[0], fmt)}-{format(pair[1], fmt)}" if pair else "n/a"

    def num(x: float | None, fmt: str, unit: str = "") -> str:
        return "n/a" if x is None else f"{format(x, fmt)}{unit}"

    lines = [
        f"# Lugn [tone] threshold calibrated by `lugn eval` on {date} from this site's own labelled calls.",
        f"# {f['calls']} calls, {run['customer_speech_h']:.2f} h of customer speech, {f['episodes']} "
        f"labelled frustrated episodes; model {run['model']}; evaluated under {run['policy']}.",
        f"# Rule: {rec['rule']}.",
        f"# At {rec['threshold']:.2f}: episode recall {num(f['episode_recall'], '.2f')} (95 % bootstrap over "
        f"calls {iv(b['episode_recall_95'], '.2f')}), median time to frustrated "
        f"{num(f['median_time_to_frustrated_s'], '.1f', ' s')} "
        f"(p90 {num(f['p90_time_to_frustrated_s'], '.1f', ' s')}),",
        f"# precision by time {num(f['precision_by_time'], '.2f')}, {num(f['false_per_hour'], '.2f')} false "
        f"alarms per hour of unlabelled customer speech (bootstrap {iv(b['false_per_hour_95'], '.2f')}, "
        f"Poisson {iv(rec['false_per_hour_poisson_95'], '.2f')}; within budget in "
        f"{b['within_budget_share']:.0%} of resamples),",
        f"# {num(f['calls_with_false_alarm'], '.0%')} of calls with a false alarm. The rule picks "
        f"{iv(b['threshold_95'], '.2f')} on 95 % of resamples.",
        *(f"# Caution: {note}." for note in rec["notes"]),
        "# The labels are the judgement of whoever marked them; see docs/pilot.md before rolling this out.",
        "# Merge the [tone] table into the site policy; check it with `lugn doctor --policy FILE`.",
        "schema_version = 1",
        "",
        "[tone]",
        f"threshold = {rec['threshold']:.2f}",
    ]
    return "\n".join(lines) + "\n"


def write_snippet(path: Path, text: str) -> None:
    """Write a new file only: pointed at a live policy by mistake, it must not replace it."""
    if path.exists():
        raise PolicyFileError(
            f"{path}: already exists; not overwritten (write the snippet to a new file and merge its [tone] "
            "table into the policy by hand)"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as fh:  # exclusive: fails if someone created it meanwhile
            fh.write(text)
    except FileExistsError:
        raise PolicyFileError(f"{path}: appeared while writing; not overwritten") from None
