"""Which output carries the call, and from which input its audio can be captured.

The customer is whatever the headset plays. So the far end is chosen as an *output* (a PulseAudio/PipeWire
sink, a WASAPI render endpoint), by rules in a fixed order, each named in the result so ``lugn devices`` and
``lugn doctor`` can say why:

1. ``audio.far_end_device`` (name or id substring): IT's override, beats everything;
2. the headset profile's ``capture.far_end.sink_regex``;
3. the headset profile's own ``match.name_regex`` (the headset's name on its output side);
4. the output on the same physical device as the microphone (PulseAudio ``device.bus_path``);
5. the default output: the only rule that follows the OS default, so a change of the default mid-call is
   acted on (re-planned, with a ``DeviceLost``/``DeviceRestored`` pair saying so); a name rule keeps its
   output and only logs the change.

The chosen output is captured through its monitor source (PulseAudio lists it as an input) or by loopback
(WASAPI). Inventories from PortAudio know no outputs with monitors; there a monitor-like input name is used.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from device.profiles import DeviceInfo, Profile

if TYPE_CHECKING:
    from device.hwinfo import Inventory

LOOPBACK_HINTS = ("monitor", "loopback", "stereo mix", "what u hear")
LOOPBACK_APIS = ("wasapi", "soundcard")  # backends that open any output by loopback
RULE_DEFAULT = "the default output (no name rule matched)"


@dataclass(frozen=True)
class FarEndPlan:
    possible: bool
    method: str  # monitor | wasapi_loopback | stereo_channel | configured | none
    detail: str
    device: DeviceInfo | None = None  # what to open: an input, or with ``loopback`` an output
    rule: str = ""  # which selection rule picked it
    loopback: bool = False
    output: DeviceInfo | None = None  # the output whose sound is captured, when known

    @property
    def follows_default(self) -> bool:
        return self.rule.startswith(RULE_DEFAULT) or self.rule.startswith("the only output")


def _search(pattern: str, dev: DeviceInfo) -> bool:
    return bool(re.search(pattern, dev.name) or (dev.id and re.search(pattern, dev.id)))


def is_loopback_input(dev: DeviceInfo) -> bool:
    return bool(dev.monitor_of) or any(h in dev.name.lower() for h in LOOPBACK_HINTS)


def capturable_outputs(inventory: Inventory) -> list[DeviceInfo]:
    """Outputs whose sound can be captured: with a monitor input, or on a loopback-capable backend."""
    monitors = {d.monitor_of for d in inventory.inputs if d.monitor_of}
    return [
        d
        for d in inventory.devices
        if d.max_output_channels > 0
        and ((d.id is not None and d.id in monitors) or any(a in d.hostapi.lower() for a in LOOPBACK_APIS))
    ]


def output_rules(
    outputs: list[DeviceInfo], profile: Profile, mic: DeviceInfo | None
) -> list[tuple[int, str]]:
    """For each output, (priority, rule) of the best rule it satisfies; priority 9 = none. Lower wins."""
    far = profile.capture.far_end
    name_rx = None if profile.match.fallback else profile.match.name_regex
    out = []
    for dev in outputs:
        if far.sink_regex and _search(far.sink_regex, dev):
            out.append((1, f"capture.far_end.sink_regex /{far.sink_regex}/ of profile {profile.name}"))
        elif name_rx and _search(name_rx, dev):
            out.append((2, f"match.name_regex /{name_rx}/ of profile {profile.name}"))
        elif mic is not None and mic.bus and dev.bus == mic.bus:
            out.append((3, f"same device as the microphone ({dev.bus})"))
        elif dev.is_default:
            out.append((4, RULE_DEFAULT))
        else:
            out.append((9, "no rule matched"))
    return out


def choose_output(
    outputs: list[DeviceInfo], profile: Profile, mic: DeviceInfo | None
) -> tuple[DeviceInfo, str] | None:
    if not outputs:
        return None
    ranked = sorted(zip(output_rules(outputs, profile, mic), outputs, strict=True), key=lambda r: r[0][0])
    (priority, rule), dev = ranked[0]
    if priority == 9:
        rule = "the only output" if len(outputs) == 1 else f"the first of {len(outputs)} outputs (no rule)"
    return dev, rule


def _capture_of(out: DeviceInfo, inventory: Inventory) -> tuple[DeviceInfo, bool, str]:
    """What to open to hear ``out``: its monitor input, else its loopback."""
    monitor = next((d for d in inventory.inputs if d.monitor_of and d.monitor_of == out.id), None)
    if monitor is not None:
        return monitor, False, f"monitor {monitor.name!r} of output {out.name!r}"
    return out, True, f"{out.hostapi} loopback of {out.name!r}"


def _configured(configured: str, inventory: Inventory) -> FarEndPlan:
    want = configured.lower()

    def hit(d: DeviceInfo) -> bool:
        return want in d.name.lower() or (d.id is not None and want in d.id.lower())

    rule = f"audio.far_end_device {configured!r}"
    inputs = sorted((d for d in inventory.inputs if hit(d)), key=lambda d: not is_loopback_input(d))
    if inputs:
        dev = inputs[0]
        out = next((o for o in inventory.devices if o.id and o.id == dev.monitor_of), None)
        return FarEndPlan(True, "configured", f"{rule} -> {dev.name!r}", dev, rule, False, out)
    outputs = [d for d in capturable_outputs(inventory) if hit(d)]
    if outputs:
        dev, loopback, what = _capture_of(outputs[0], inventory)
        return FarEndPlan(True, "configured", f"{rule} -> {what}", dev, rule, loopback, outputs[0])
    return FarEndPlan(False, "configured", f"{rule} matches no input or capturable output", rule=rule)


def plan_far_end(
    mic: DeviceInfo,
    profile: Profile,
    inventory: Inventory,
    configured: str | None = None,
    platform: str = sys.platform,
) -> FarEndPlan:
    """Can the customer's side be captured for this mic and profile, from where, and by which rule?"""
    far = profile.capture.far_end
    method = far.windows if platform == "win32" else far.linux
    if configured:
        return _configured(configured, inventory)
    if method == "none":
        return FarEndPlan(False, "none", f"profile {profile.name} says the far end cannot be captured")
    if method == "stereo_channel":
        channel = far.channel if far.channel is not None else 1
        rule = f"capture.far_end = stereo_channel of profile {profile.name}"
        if mic.max_input_channels > channel:
            return FarEndPlan(True, method, f"channel {channel} of {mic.name!r}", mic, rule)
        return FarEndPlan(
            False,
            method,
            f"profile {profile.name} expects the far end on channel {channel} of {mic.name!r}, "
            f"but it has {mic.max_input_channels} input channel(s)",
        )
    chosen = choose_output(capturable_outputs(inventory), profile, mic)
    if chosen:
        out, rule = chosen
        dev, loopback, what = _capture_of(out, inventory)
        return FarEndPlan(True, method, what, dev, rule, loopback, out)
    loops = [d for d in inventory.inputs if is_loopback_input(d)]  # PortAudio: monitors seen as inputs
    if loops:
        hits = [d for d in loops if far.sink_regex and _search(far.sink_regex, d)]
        rule = f"capture.far_end.sink_regex /{far.sink_regex}/" if hits else "the first monitor-like input"
        pick = (hits or loops)[0]
        return FarEndPlan(True, method, f"monitor source {pick.name!r}", pick, rule)
    if method == "wasapi_loopback":
        why = "no WASAPI output endpoint to loop back (is the headset the playback device?)"
    else:
        why = (
            "no monitor/loopback input for the customer's side: no PulseAudio/PipeWire sink monitor "
            f"({inventory.source} lists no '… Monitor of <headset>' source); start PulseAudio/PipeWire for "
            "this user, or set audio.far_end_device"
        )
    return FarEndPlan(False, method, why)
