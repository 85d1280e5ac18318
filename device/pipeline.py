"""The pipeline thread: 16 kHz frames -> levels -> VAD per side -> (caller-notice gate) -> tone windows on
customer speech -> smoothing -> frozen events.

Everything after the source works in fixed 512-sample frames and stream time, so a recording gives the same
event sequence at any chunk size and any replay speed. Control (pause, resume, call start/end) may come from
any thread; it is queued and applied on the pipeline thread between chunks.

The source is kept open by ``SourceKeeper`` (re-opens with backoff and jitter; a fatal failure ends the
stream, and ``failure`` says why). Audio is sanitised at the framer, and a non-finite model score never
reaches the smoother.

The tone model only ever receives the far-end (customer) channel, and only through the caller-notice gate
(``device.notice``): no customer frame is scored before the notice for the current call, and a decline drops
what the scorer and smoother hold. CTI actions at stream times (``schedule``) apply between frames.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from device.audio import SAMPLE_RATE_HZ
from device.audio.delivery import DeliveryFeed
from device.audio.framing import Framer, LevelMeter
from device.audio.keeper import SourceKeeper
from device.audio.source import AudioSource, Chunk, EndOfStream
from device.calls import CallTracker
from device.commandqueue import CommandQueue
from device.config import LugnConfig
from device.events import (
    AnalysisUnavailable,
    AudioLevels,
    Event,
    Heartbeat,
    PauseChanged,
    Side,
    SpeechActivity,
)
from device.inference.models import ModelError, load_model
from device.inference.smoothing import SmoothingParams, ToneSmoother
from device.inference.tone import ToneParts, load_tone
from device.inference.vad import FRAME_SAMPLES, GROUP_FRAMES, EnergyVad, SileroVad, SpeechGate
from device.notice import NoticeGate

log = logging.getLogger(__name__)

READ_TIMEOUT_S = 0.25  # > one live read (MIN_READ_S): one wake-up per read; commands wait at most this long


class Pipeline:
    def __init__(
        self,
        source: AudioSource,
        config: LugnConfig | None = None,
        on_event: Callable[[Event], None] | None = None,
        models_dir: Path | None = None,
        *,
        retry_initial_s: float = 0.1,
        retry_max_s: float = 1.0,
        restart_max_s: float = 30.0,
        smoother: Callable[..., ToneSmoother] | None = None,
    ) -> None:
        """``smoother``, when given, builds the tone smoother from the model's ``SmoothingParams`` in place of
        a plain ``ToneSmoother``: a tool that must see every tone window's score as the smoother gets it (the
        threshold sweep of ``lugn eval``) passes a ``ToneSmoother`` subclass that notes its ``process`` and
        ``reset`` calls. The live agent passes none."""
        self.source = source
        self.config = config or LugnConfig()
        self.on_event = on_event or (lambda event: None)
        self.scores_dropped = 0  # non-finite model scores kept away from the smoother
        audio = self.config.audio
        self._unavailable: list[str] = []
        self._vad: SileroVad | EnergyVad  # both sides in one call per group of frames: agent, customer
        try:
            self._vad = SileroVad(load_model("silero_vad", models_dir), channels=len(Side))
        except ModelError as exc:
            self._unavailable.append(f"speech detection model unavailable, using levels instead: {exc}")
            self._vad = EnergyVad()
        self._gates = {side: SpeechGate(audio.vad_threshold) for side in Side}
        self.notice = NoticeGate(self.config.notice, tone_enabled=self.config.tone.enabled)
        if self.config.tone.enabled:
            tone = load_tone(models_dir, self.config.tone.threshold)
        else:  # IT switched tone analysis off for the site: the model is not even loaded
            tone = ToneParts(None, SmoothingParams(), None)
        self._scorer = tone.scorer
        if tone.unavailable:
            self._unavailable.append(tone.unavailable)
        self._smoother = ToneSmoother(tone.params)

        self._delivery = DeliveryFeed()  # agent frames -> the delivery meter, in runs of one speech state
        self._calls = CallTracker(audio.auto_call_detection, audio.call_end_silence_s)
        self._framer = Framer(FRAME_SAMPLES)
        # Frames wait here until GROUP_FRAMES are in (aligned to the stream, so any chunking gives the same
        # groups): the VAD runs once per group for both sides; events keep each frame's own stream time.
        self._group: list[tuple[np.ndarray, np.ndarray]] = []
        self._levels = {side: LevelMeter() for side in Side}
        self._agent_level, self._customer_level = self._levels[Side.AGENT], self._levels[Side.CUSTOMER]
        self._agent_gate, self._customer_gate = self._gates[Side.AGENT], self._gates[Side.CUSTOMER]
        self._frames = 0
        self._paused = False
        self._commands = CommandQueue()
        self._stop = threading.Event()
        self._keeper = SourceKeeper(
            source,
            self._emit,
            lambda: self.t_s,
            self._apply_commands,
            self._stop,
            retry_initial_s=retry_initial_s,
            retry_max_s=retry_max_s,
            restart_max_s=restart_max_s,
        )
        self._thread: threading.Thread | None = None
        self.callback_errors = 0
        self.analysis_available = self._scorer is not None
        if smoother is not None:
            self._smoother = smoother(tone.params)

    # --- public API -----------------------------------------------------------------------------------------
    @property
    def t_s(self) -> float:
        return self._frames * FRAME_SAMPLES / SAMPLE_RATE_HZ

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("pipeline already started")
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="lugn-pipeline", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 3.0) -> bool:
        """Stop and join the pipeline thread; True if it ended within ``timeout_s``."""
        self._stop.set()
        if self._thread is None:
            return True
        self._thread.join(timeout_s)
        alive = self._thread.is_alive()
        if not alive:
            self._thread = None
        return not alive

    def wait(self, timeout_s: float | None = None) -> bool:
        """Wait for the source to end (replay); True if the pipeline thread has finished."""
        if self._thread is None:
            return True
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    @property
    def failure(self) -> str | None:
        """Why the stream ended early (a fatal source error), else None."""
        return self._keeper.failure

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def run_until_end(self) -> None:
        """Run synchronously in the calling thread until the source ends or ``stop()`` is called."""
        self._stop.clear()
        self._run()

    def pause(self) -> bool:
        return self._command("pause")

    def resume(self) -> bool:
        return self._command("resume")

    def call_start(self) -> bool:
        return self._command("call_start")

    def call_end(self) -> bool:
        return self._command("call_end")

    def notice_given(self) -> bool:
        return self._command("notice_given")

    def declined(self) -> bool:
        return self._command("declined")

    def call_start_noticed(self) -> bool:
        """A call starts and the caller was already told (the IVR's ``lugn call start --notice-given``)."""
        return self._command("call_start_noticed")

    def schedule(self, actions: list[tuple[float, str]]) -> None:
        """CTI actions ``(t_s, command)`` at those stream times (``lugn replay --cti``); before start."""
        if self._thread is not None:
            raise RuntimeError("schedule CTI actions before the pipeline starts")
        self._commands.schedule(actions)

    @property
    def schedule_left(self) -> list[tuple[float, str]]:
        """Scheduled actions after the end of the stream (never applied)."""
        return self._commands.left

    @property
    def commands_dropped(self) -> int:
        return self._commands.dropped

    def status(self) -> dict[str, object]:
        return {
            "t_s": round(self.t_s, 3),
            "in_call": self._calls.in_call,
            "call_source": self._calls.source,
            "paused": self._paused,
            "tone_state": self._smoother.state.value,
            "analysis_available": self.analysis_available,
            "tone_enabled": self.config.tone.enabled,
            "notice_mode": self.notice.mode,
            "notice": self.notice.state.value,
            "overflows": int(getattr(self.source, "overflows", 0)),
            "bad_samples": self._framer.bad_samples,
            "failure": self.failure,
        }

    # --- thread body ----------------------------------------------------------------------------------------
    def _command(self, name: str) -> bool:
        return self._commands.put(name)

    def _emit(self, event: Event) -> None:
        if self._delivery.pending:  # the delivery meter's events come first: events stay in stream-time order
            self._flush_delivery()
        try:
            self.on_event(event)
        except Exception:
            self.callback_errors += 1
            log.exception("on_event raised for %s", event.kind)

    def _run(self) -> None:
        for reason in self._unavailable:
            self._emit(AnalysisUnavailable(t_s=self.t_s, reason=reason))
        try:
            if not self._keeper.open(first=True):
                self._end_calls_if_failed()
                return
            while not self._stop.is_set():
                self._apply_commands()
                try:
                    chunk = self.source.read(READ_TIMEOUT_S)
                except EndOfStream:
                    self._process_group()
                    for t, name in self._commands.due(self.t_s, self.t_s, at_end=True):
                        self._apply(name, max(t, self.t_s))
                    self._end_calls()
                    break
                except Exception as exc:  # DeviceError, or anything a broken driver/file throws
                    self._process_group()  # what arrived before the loss
                    if not self._keeper.recover(exc):
                        self._end_calls_if_failed()
                        return
                    continue
                if chunk is not None and len(chunk):
                    self._process_chunk(chunk)
        finally:
            self._keeper.close()

    def _end_calls(self) -> None:
        self._call_events(self._calls.stream_end(self.t_s))

    def _end_calls_if_failed(self) -> None:
        """A fatal source error ends the stream as the end of a recording does: the call closes."""
        if self._keeper.failure is not None:
            self._end_calls()

    def _apply_commands(self) -> None:
        for name in self._commands.drain():
            self._apply(name, self.t_s)

    def _apply(self, name: str, t: float) -> None:
        if name == "pause" and not self._paused:
            self._paused = True
            self._emit(PauseChanged(t_s=t, paused=True))
            for side in Side:
                if self._gates[side].active:
                    self._emit(SpeechActivity(t_s=t, side=side, active=False))
            self._reset_analysis()
        elif name == "resume" and self._paused:
            self._paused = False
            self._calls.resume(t)
            self._emit(PauseChanged(t_s=t, paused=False))
        elif name == "call_start":
            self._call_events(self._calls.control_start(t))
        elif name == "call_start_noticed":  # told before the call: never "waiting"
            started = self._calls.control_start(t)
            if started:
                self._call_events(started, told=True)
            else:  # a CTI start taking over a call already running
                self._notice_events(self.notice.notice_given(t, self._calls.in_call))
        elif name == "call_end":
            self._call_events(self._calls.control_end(t))
        elif name == "notice_given":
            self._notice_events(self.notice.notice_given(t, self._calls.in_call))
        elif name == "declined":
            self._notice_events(self.notice.declined(t, self._calls.in_call))

    def _notice_events(self, events: Sequence[Event]) -> None:
        for event in events:
            if getattr(event, "state", "") == "declined":
                self._drop_tone()
            self._emit(event)

    def _drop_tone(self) -> None:
        """A decline (or a new call): what the scorer buffered and the smoother remembers is dropped."""
        if self._scorer is not None:
            self._scorer.reset()
        self._smoother.reset()

    def _reset_analysis(self) -> None:
        self._vad.reset()
        for side in Side:
            self._gates[side].reset()
        if self._scorer is not None:
            self._scorer.reset()
        self._delivery.reset()

    def _call_events(self, events: list[Event], told: bool = False) -> None:
        for event in events:
            if event.kind == "CallStarted":
                self._drop_tone()
            # the agent's delivery numbers never outlive the call they were measured in
            if event.kind in ("CallStarted", "CallEnded"):
                self._flush_delivery()
                self._delivery.reset()
            self._emit(event)
            if event.kind == "CallStarted":
                self._notice_events(self.notice.call_started(event.t_s, told))
            elif event.kind == "CallEnded":
                self._notice_events(self.notice.call_ended(event.t_s))

    def _process_chunk(self, chunk: Chunk) -> None:
        for frames in self._framer.process(chunk):
            self._group.append(frames)
            if len(self._group) == GROUP_FRAMES:
                self._process_group()

    def _process_group(self) -> None:
        group, self._group = self._group, []
        if not group:
            return
        probs = None
        if not self._paused:
            block = np.empty((len(Side), len(group), FRAME_SAMPLES), dtype=np.float32)
            for i, (agent, customer) in enumerate(group):
                block[0, i], block[1, i] = agent, customer
            probs = self._vad.process_group(block).tolist()
        for i, (agent, customer) in enumerate(group):
            if self._commands.scheduled:  # CTI actions due before this frame (replay)
                end_t = (self._frames + 1) * FRAME_SAMPLES / SAMPLE_RATE_HZ
                for t, name in self._commands.due(self.t_s, end_t):
                    self._apply(name, max(t, self.t_s))
            self._frames += 1
            p = (probs[0][i], probs[1][i]) if probs is not None and not self._paused else None
            self._process_frame(agent, customer, self.t_s, p)
        self._flush_delivery()

    def _process_frame(
        self, agent: np.ndarray, customer: np.ndarray, t: float, probs: tuple[float, float] | None
    ) -> None:
        self._agent_level.process(agent)
        self._customer_level.process(customer)
        if probs is not None:
            agent_p, customer_p = probs
            agent_dec = self._agent_gate.process(agent_p)
            customer_dec = self._customer_gate.process(customer_p)
            # Far-end speech may start a call; CallStarted then comes before the activity event.
            if customer_dec.active:
                self._call_events(self._calls.far_end(t, True, onset=customer_dec.changed))
            if agent_dec.changed:
                self._emit(SpeechActivity(t_s=t, side=Side.AGENT, active=agent_dec.active))
            if customer_dec.changed:
                self._emit(SpeechActivity(t_s=t, side=Side.CUSTOMER, active=customer_dec.active))
            if self._calls.in_call:
                self._analyse(agent, agent_dec.speech, customer, customer_dec.speech, t)
            if not customer_dec.active:
                self._call_events(self._calls.far_end(t, False))
        if self._second_boundary():
            self._emit(Heartbeat(t_s=t))
            self._emit(
                AudioLevels(
                    t_s=t,
                    agent_dbfs=self._levels[Side.AGENT].level_dbfs(),
                    customer_dbfs=self._levels[Side.CUSTOMER].level_dbfs(),
                )
            )
            for meter in self._levels.values():
                meter.reset()

    def _flush_delivery(self) -> None:
        for event in self._delivery.flush():
            self._emit(event)

    def _second_boundary(self) -> bool:
        # True on the first frame that ends at or after each whole second of stream time.
        end = self._frames * FRAME_SAMPLES
        return end // SAMPLE_RATE_HZ != (end - FRAME_SAMPLES) // SAMPLE_RATE_HZ

    def _analyse(
        self, agent: np.ndarray, agent_speech: bool, customer: np.ndarray, customer_speech: bool, t: float
    ) -> None:
        for event in self._delivery.add(agent, agent_speech, t):  # the agent's frames: delivery facts only
            self._emit(event)
        if self._scorer is None or not self.notice.tone_allowed:
            return  # before the notice, after a decline, or tone off: the model hears nothing of the customer
        try:
            scores = self._scorer.process(customer, customer_speech)
        except Exception as exc:
            log.exception("tone scoring failed")
            self._scorer = None
            self.analysis_available = False
            self._emit(AnalysisUnavailable(t_s=t, reason=f"tone model failed while running: {exc}"))
            return
        for s in scores:
            if not math.isfinite(s.frustration + s.arousal + s.valence):
                self.scores_dropped += 1  # one bad window must not hold the smoother at NaN for the call
                continue
            sample, changed = self._smoother.process(t, s.frustration, s.arousal, s.valence)
            if changed is not None:
                self._emit(changed)
            self._emit(sample)
