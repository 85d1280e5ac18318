"""The composition root: ``AgentRuntime`` builds and owns the agent on one seat; front ends attach to it.

``AgentRuntime`` (``device.runtime.agent``) wires config, source, pipeline, coach, metrics and the control
socket and publishes one ordered stream of runtime and coaching events; ``JsonLinesPrinter`` is the headless
front end; ``CoachStage`` is the coach on that stream. The Qt agent (``ui.agent.app``) and the demo
(``devkit.demo``) attach the same way.
"""

from device.runtime.agent import AgentRuntime, Listener, Stage
from device.runtime.coaching import CoachStage
from device.runtime.jsonlines import JsonLinesPrinter, item_to_dict, to_line

__all__ = ["AgentRuntime", "CoachStage", "JsonLinesPrinter", "Listener", "Stage", "item_to_dict", "to_line"]
