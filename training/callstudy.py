"""Labelled calls the scoring model has not heard, to measure the indicator's turn and smoothing logic.

The pilot kit (``lugn eval CALLS``) measures what an agent would have seen on labelled calls. Calls built
from EmoDB and scored by the *shipped* model are in-sample (it trained on every EmoDB speaker), so they say
little about timing on a caller the model does not know. This module makes that measurement out-of-fold:

- ``models OUT``: the recipe's cross-validation model (``training/cv/tone_cv_int8.onnx``, outputs stacked
  over the five speaker folds) cut into five single-fold models, each a models folder the pipeline loads
  like the shipped one (``tone.onnx`` + manifest, and the shipped ``silero_vad``): ``OUT/fold0`` … ``fold4``;
- ``calls CORPUS OUT``: labelled stereo calls (customer right, agent left; an Audacity label file of the
  customer's angry stretches beside each), a folder per fold for EmoDB (``OUT/fold0`` holds the calls whose
  customer fold 0's model never heard), or one folder for an evaluation-only corpus (tess, urdu: scored by
  the shipped model, which never heard them either; write those to /tmp, never into the repository);
- ``pool A.json B.json …``: the pooled figures of several ``lugn eval CALLS --json`` outputs (one per fold);
- ``grid OUT``: the candidate turn and smoothing settings on those calls (see the model card, "Turn ends
  and escalation").

So, for the EmoDB out-of-fold figures::

    python -m training.callstudy models /tmp/oof/models
    python -m training.callstudy calls emodb /tmp/oof/calls
    for k in 0 1 2 3 4; do lugn eval /tmp/oof/calls/fold$k --model /tmp/oof/models/fold$k --json \
        > /tmp/oof/fold$k.json; done
    python -m training.callstudy pool /tmp/oof/fold*.json

A call is a script of turns. Customer turns are runs of sentences (clips); an angry sentence is labelled, and
consecutive angry sentences of one turn form one stretch, as a QA labeller marks "from the first frustrated
word to the last". Gaps are drawn at random (seeded): within a turn 0.15–0.45 s, with a hesitation of
0.7–1.3 s one time in five; between turns 0.3–1.2 s, so a turn end and a hesitation look alike to a pause
rule, as on a real line.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

RATE = 16_000
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CV_DIR = Path(__file__).resolve().parent / "cv"
CODES = {"N": "neutral", "W": "angry", "F": "happy", "L": "boredom", "T": "sad"}
SPEECH_DBFS, NOISE_DBFS = -24.0, -58.0
CALM = "NNNNNNNNLLTF"  # the calm sentences' mix (the pilot kit's demo set uses the same)
AGENTS = ("emodb-03", "emodb-11")  # agents' voices (EmoDB neutral clips; the agent side is never scored)


# -- per-fold models -----------------------------------------------------------------------------------------


def fold_models(out: Path, cv_dir: Path = CV_DIR) -> list[Path]:
    """The CV model's outputs ``[batch, fold, …]`` cut to one fold each: ``out/fold{k}`` models folders."""
    import onnx
    from onnx import helper, numpy_helper

    from device.inference.models import default_models_dir, read_manifest

    manifest = json.loads((cv_dir / "tone_cv_int8.manifest.json").read_text(encoding="utf-8"))
    folds = sorted(set(json.loads((cv_dir / "cv.json").read_text(encoding="utf-8"))["folds"].values()))
    dirs = []
    for k in folds:
        model = onnx.load(str(cv_dir / manifest["file"]))
        graph = model.graph
        graph.initializer.append(numpy_helper.from_array(np.array(k, dtype=np.int64), f"fold_index_{k}"))
        new_outputs = []
        for out_info in list(graph.output):
            name = out_info.name
            stacked = f"{name}_all_folds"
            for node in graph.node:
                node.output[:] = [stacked if o == name else o for o in node.output]
                node.input[:] = [stacked if i == name else i for i in node.input]
            graph.node.append(helper.make_node("Gather", [stacked, f"fold_index_{k}"], [name], axis=1))
            dims = [d.dim_param or d.dim_value for d in out_info.type.tensor_type.shape.dim]
            del dims[1]
            new_outputs.append(helper.make_tensor_value_info(name, out_info.type.tensor_type.elem_type, dims))
        del graph.output[:]
        graph.output.extend(new_outputs)
        folder = out / f"fold{k}"
        folder.mkdir(parents=True, exist_ok=True)
        onnx.save(model, str(folder / "tone.onnx"))
        data = (folder / "tone.onnx").read_bytes()
        m = dict(manifest, name="tone", file="tone.onnx", sha256=hashlib.sha256(data).hexdigest())
        m["version"] = f"{manifest['version']}-cv-fold{k}"
        m["metadata"] = dict(m["metadata"], note=f"fold {k} of the speaker-CV model (out-of-fold scoring)")
        (folder / "tone.manifest.json").write_text(json.dumps(m, indent=1), encoding="utf-8")
        shipped = default_models_dir()
        vad = read_manifest(shipped / "silero_vad.manifest.json")
        shutil.copy(shipped / "silero_vad.manifest.json", folder)
        shutil.copy(shipped / vad.file, folder)
        dirs.append(folder)
    return dirs


# -- clips and calls -----------------------------------------------------------------------------------------


def _trim(x: np.ndarray, floor_db: float = 35.0) -> np.ndarray:
    """The clip's speech (frames within ``floor_db`` of its loudest) and 50 ms either side."""
    hop = 320
    n = len(x) // hop
    db = 10 * np.log10(np.array([np.mean(x[i * hop : (i + 1) * hop] ** 2) + 1e-12 for i in range(n)]))
    keep = np.flatnonzero(db > db.max() - floor_db)
    return x[max(0, keep[0] * hop - 800) : min(len(x), (keep[-1] + 1) * hop + 800)]


class Pool:
    """A corpus's clips by speaker and label, trimmed, one gain per speaker (all its clips at -24 dBFS)."""

    def __init__(self, folder: Path, use: str | None = None) -> None:
        self.folder = folder
        self.rows: dict[tuple[str, str], list[Path]] = {}
        self.gender: dict[str, str] = {}
        with (folder / "manifest.csv").open(newline="") as fh:
            for row in csv.DictReader(fh):
                if use is None or row["use"] == use:
                    self.rows.setdefault((row["speaker"], row["label"]), []).append(folder / row["file"])
                    self.gender[row["speaker"]] = row["gender"]
        for paths in self.rows.values():
            paths.sort()
        self._cache: dict[Path, np.ndarray] = {}
        self._gain: dict[str, float] = {}

    def clip(self, path: Path) -> np.ndarray:
        if path not in self._cache:
            import soundfile as sf

            audio, rate = sf.read(path, dtype="float32")
            if rate != RATE:
                raise ValueError(f"{path}: {rate} Hz, expected {RATE}")
            self._cache[path] = _trim(audio if audio.ndim == 1 else audio.mean(axis=1))
        return self._cache[path]

    def clips(self, speaker: str, label: str) -> list[Path]:
        """The speaker's clips of ``label``; for a calm label the speaker lacks, neutral ones, else any calm
        ones (urdu's speakers mostly have one emotion each)."""
        if self.rows.get((speaker, label)) or label == "angry":
            return self.rows.get((speaker, label), [])
        for other in ("neutral", *sorted(lab for s, lab in self.rows if s == speaker)):
            if other != "angry" and self.rows.get((speaker, other)):
                return self.rows[(speaker, other)]
        return []

    def gain(self, speaker: str) -> float:
        if speaker not in self._gain:
            paths = [p for (s, _), ps in self.rows.items() if s == speaker for p in ps]
            ms = np.mean([np.mean(self.clip(p) ** 2) for p in paths])
            self._gain[speaker] = float(10 ** (SPEECH_DBFS / 20) / np.sqrt(ms))
        return self._gain[speaker]


@dataclass(frozen=True)
class Voice:
    """Who speaks a side: calm sentences from ``calm``, angry ones from ``angry`` (the same speaker, except
    in urdu, where no speaker has both)."""

    pool: Pool
    calm: str
    angry: str

    def speaker(self, code: str) -> str:
        return self.angry if code == "W" else self.calm


Turn = tuple[str, str]  # side ("c" customer / "a" agent), sentence codes


def write_call(
    out: Path, name: str, turns: Sequence[Turn], customer: Voice, agent: Voice, rng: np.random.Generator
) -> dict[str, Any]:
    """``out/name.wav`` (stereo: agent left, customer right) and ``out/name.txt`` (the angry stretches)."""
    import soundfile as sf

    used: dict[tuple[str, str], int] = {}
    start_index = int(rng.integers(0, 1000))
    pieces: list[tuple[int, int, np.ndarray]] = []
    stretches: list[tuple[float, float]] = []
    t = 0.5
    for side, codes in turns:
        voice = customer if side == "c" else agent
        run: list[float] | None = None
        for k, code in enumerate(codes):
            speaker = voice.speaker(code)
            paths = voice.pool.clips(speaker, CODES[code])
            if not paths:
                raise ValueError(f"{speaker}: no {CODES[code]} clips")
            key = (speaker, code)
            path = paths[(used.get(key, 0) + start_index) % len(paths)]
            used[key] = used.get(key, 0) + 1
            audio = voice.pool.clip(path) * voice.pool.gain(speaker)
            start = round(t * RATE)
            pieces.append((0 if side == "a" else 1, start, audio))
            end = (start + len(audio)) / RATE
            if side == "c" and code == "W":
                run = [start / RATE, end] if run is None else [run[0], end]
            elif run is not None:
                stretches.append((run[0], run[1]))
                run = None
            t = end
            if k < len(codes) - 1:
                hesitate = rng.random() < 0.2
                t += float(rng.uniform(0.7, 1.3) if hesitate else rng.uniform(0.15, 0.45))
        if run is not None:
            stretches.append((run[0], run[1]))
        t += float(rng.uniform(0.3, 1.2))
    n = round((t + 1.0) * RATE)
    stereo = rng.standard_normal((n, 2)).astype(np.float32) * 10 ** (NOISE_DBFS / 20)
    for channel, start, audio in pieces:
        stereo[start : start + len(audio), channel] += audio
    np.clip(stereo, -1.0, 1.0, out=stereo)
    out.mkdir(parents=True, exist_ok=True)
    sf.write(out / f"{name}.wav", stereo, RATE, subtype="PCM_16")
    (out / f"{name}.txt").write_text(
        "".join(f"{a:.6f}\t{b:.6f}\tfrustrated\n" for a, b in stretches), encoding="utf-8"
    )
    return {"name": name, "duration_s": round(n / RATE, 2), "stretches": len(stretches)}


def scripts(rng: np.random.Generator) -> dict[str, list[Turn]]:
    """Four calls for one customer: calm; one-sentence outbursts; an escalation; a cheerful caller."""

    def calm(lo: int = 1, hi: int = 4, mix: str = CALM) -> str:
        return "".join(rng.choice(list(mix)) for _ in range(int(rng.integers(lo, hi + 1))))

    def reply() -> Turn:
        return ("a", "N" * int(rng.integers(1, 3)))

    def calm_turns(n: int, mix: str = CALM) -> list[Turn]:
        out: list[Turn] = []
        for _ in range(n):
            out += [("c", calm(mix=mix)), reply()]
        return out

    return {
        "calm": calm_turns(10),
        # a lone angry sentence as its own turn, and one at the end of a calm turn (its last sentence)
        "outburst": [
            *calm_turns(3),
            ("c", "W"),
            reply(),
            *calm_turns(4),
            ("c", calm(1, 2) + "W"),
            reply(),
            *calm_turns(3),
        ],
        # a longer angry turn, calm again, a short angry turn
        "escalation": [
            *calm_turns(3),
            ("c", "W" * int(rng.integers(2, 5))),
            reply(),
            *calm_turns(4),
            ("c", "WW"),
            reply(),
            *calm_turns(2),
        ],
        # a cheerful caller (happy sentences drive false alarms) with one two-sentence outburst
        "cheerful": [*calm_turns(4, "NNFF"), ("c", "WW"), reply(), *calm_turns(4, "NNFF")],
    }


def plan(corpus: str, data: Path = DATA) -> list[tuple[str, Voice]]:
    """The customers of ``corpus``: (subfolder, voice). EmoDB: each speaker in the folder of the CV fold
    whose model never heard it."""
    if corpus == "emodb":
        pool = Pool(data / "emodb", use="train")
        folds = json.loads((CV_DIR / "cv.json").read_text(encoding="utf-8"))["folds"]
        return [(f"fold{k}", Voice(pool, s, s)) for s, k in sorted(folds.items(), key=lambda kv: kv[1])]
    if corpus == "tess":
        pool = Pool(data / "tess")
        return [("", Voice(pool, s, s)) for s in ("tess-OAF", "tess-YAF")]
    if corpus == "urdu":
        # no urdu speaker has both angry and calm clips: a calm male voice and an angry male one per caller
        pool = Pool(data / "urdu")
        pairs = [("urdu-SM5", "urdu-SM4"), ("urdu-SM20", "urdu-SM1"), ("urdu-SM3", "urdu-SM2")]
        return [("", Voice(pool, c, a)) for c, a in pairs]
    raise SystemExit(f"callstudy: unknown corpus {corpus!r} (emodb, tess, urdu)")


def build(corpus: str, out: Path, data: Path = DATA, rounds: int = 3) -> list[dict[str, Any]]:
    """Every call of ``corpus`` into ``out`` (EmoDB: a folder per CV fold, named by the fold's model):
    ``rounds`` times the four scripts for each customer voice."""
    agents = Pool(data / "emodb", use="train")
    rows = []
    for i, (sub, customer) in enumerate(plan(corpus, data)):
        agent_id = AGENTS[1] if customer.calm == AGENTS[0] else AGENTS[0]
        agent = Voice(agents, agent_id, agent_id)
        rng = np.random.default_rng(1000 + i)
        for r in range(rounds):
            for kind, turns in scripts(rng).items():
                name = f"{customer.calm.split('-', 1)[1]}_{kind}{r + 1}"
                rows.append(write_call(out / sub, name, turns, customer, agent, rng) | {"folder": sub})
    return rows


# -- pooling several ``lugn eval --json`` outputs ------------------------------------------------------------


def pool_results(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The kit's overall figures over several runs (e.g. one per fold): sums first, then ratios."""
    calls = [c for r in results for c in r["calls"]]
    latencies = [s["time_to_frustrated_s"] for c in calls for s in c["stretches"] if s["caught"]]
    episodes = sum(c["episodes"] for c in calls)
    caught = sum(c["caught"] for c in calls)
    false = sum(c["false_alarms"] for c in calls)
    hours = sum(c["unlabelled_speech_h"] for c in calls)
    return {
        "calls": len(calls),
        "episodes": episodes,
        "caught": caught,
        "episode_recall": round(caught / episodes, 4) if episodes else None,
        "median_time_to_frustrated_s": round(float(np.median(latencies)), 3) if latencies else None,
        "p90_time_to_frustrated_s": round(float(np.percentile(latencies, 90)), 3) if latencies else None,
        "false_alarms": false,
        "late_false_alarms": sum(c["late_false_alarms"] for c in calls),
        "unlabelled_speech_h": round(hours, 4),
        "false_per_hour": round(false / hours, 2) if hours else None,
        "calls_with_false_alarm": round(sum(c["false_alarms"] > 0 for c in calls) / len(calls), 4),
        "windows": sum(c["windows"] for c in calls),
    }


COLUMNS = (
    ("episodes", "episodes", "{}"),
    ("caught", "caught", "{}"),
    ("episode_recall", "recall", "{:.3f}"),
    ("median_time_to_frustrated_s", "median s", "{:.2f}"),
    ("p90_time_to_frustrated_s", "p90 s", "{:.2f}"),
    ("false_alarms", "false", "{}"),
    ("false_per_hour", "false/h", "{:.1f}"),
    ("calls_with_false_alarm", "calls w/ false", "{:.3f}"),
    ("late_false_alarms", "late", "{}"),
    ("windows", "windows", "{}"),
)


def table(rows: Sequence[tuple[str, dict[str, Any]]]) -> str:
    width = max(12, *(len(name) for name, _ in rows))
    head = f"{'':<{width}}" + "".join(f"{h:>15}" for _, h, _ in COLUMNS)
    lines = [head, "-" * len(head)]
    for name, fig in rows:
        cells = "".join(f"{('-' if fig.get(k) is None else f.format(fig[k])):>15}" for k, _, f in COLUMNS)
        lines.append(f"{name:<{width}}{cells}")
    return "\n".join(lines)


# -- the candidate grid --------------------------------------------------------------------------------------

# (end of turn s, least unscored tail s, forget after s): the pipeline's turn logic until 7 Dec first
TURNS = ((10.0, 0.5, 10.0), (0.6, 0.5, 10.0), (1.0, 0.5, 10.0), (0.6, 0.25, 10.0), (1.0, 0.25, 10.0),
         (0.6, 0.1, 10.0), (1.0, 0.1, 10.0))  # fmt: skip
# how an escalation waits for the minimum dwell (5 s since the last change)
ESCALATION = {
    "dwell": "every change waits the dwell (until 7 Dec)",
    "after-up": "an escalation right after an escalation waits only for patience",
    "always": "every escalation waits only for patience",
}


def _escalation_patch(rule: str) -> Any:
    """Context: the smoother's dwell as ``rule`` has it, for the pipeline's smoother and the kit's replay
    alike (both build theirs through ``SmoothingParams.for_threshold``)."""
    import dataclasses
    from contextlib import ExitStack
    from unittest import mock

    from device.inference.smoothing import SmoothingParams, ToneSmoother

    base = SmoothingParams.for_threshold.__func__  # type: ignore[attr-defined]
    esc = 5.0 if rule == "dwell" else 0.0

    def for_threshold(cls: type[SmoothingParams], threshold: float) -> SmoothingParams:
        return dataclasses.replace(base(cls, threshold), min_dwell_s=5.0, escalation_dwell_s=esc)

    stack = ExitStack()
    stack.enter_context(mock.patch.object(SmoothingParams, "for_threshold", classmethod(for_threshold)))
    if rule == "after-up":  # the escalation's dwell applies only after a step up: note each step's sign
        process, dwell = ToneSmoother.process, ToneSmoother.dwell

        def noting(self: Any, *args: Any, **kw: Any) -> Any:
            sample, changed = process(self, *args, **kw)
            if changed is not None:
                up = ["calm", "uneasy", "frustrated"]
                self.study_last = 1 if up.index(changed.state) > up.index(changed.previous) else -1
            return sample, changed

        def after_up(self: Any, sign: int) -> float:
            if sign > 0 and getattr(self, "study_last", 0) > 0:
                return float(dwell(self, sign))
            return float(self.params.min_dwell_s)

        stack.enter_context(mock.patch.object(ToneSmoother, "process", noting))
        stack.enter_context(mock.patch.object(ToneSmoother, "dwell", after_up))
    return stack


def run_grid(calls_root: Path, models_root: Path, folds: Sequence[str]) -> list[dict[str, Any]]:
    """Every turn setting through the pipeline (per fold, that fold's model), every escalation rule on the
    recorded window scores; pooled figures at the shipped threshold."""
    from unittest import mock

    import device.inference.tone as tone
    from lugn.evalkit.corpus import discover_calls
    from lugn.evalkit.figures import call_figures, summary, timeline
    from lugn.evalkit.policyfile import load_config
    from lugn.evalkit.trace import run_call

    config, _ = load_config(None)
    rows = []
    for eot, tail, forget in TURNS:
        patches: dict[str, Any] = {"END_OF_TURN_S": eot, "MIN_TAIL_S": tail, "FORGET_AFTER_S": forget}
        traces = []
        with mock.patch.multiple(tone, **patches), _escalation_patch("dwell"):
            for fold in folds:
                models = models_root / fold if (models_root / fold).is_dir() else None
                calls = discover_calls([calls_root / fold], [])
                traces += [run_call(spec, config, models) for spec in calls]
        for rule in ESCALATION:
            with _escalation_patch(rule):
                figs = [call_figures(t, timeline(t, t.threshold)) for t in traces]
            fig = summary(figs) | {"windows": sum(t.windows for t in traces)}
            row: dict[str, Any] = {"end_of_turn_s": eot, "min_tail_s": tail, "forget_after_s": forget}
            rows.append(row | {"escalation": rule, **fig})
            print(
                f"  {eot:g} s / {tail:g} s / {rule}: recall {fig['episode_recall']}, "
                f"false/h {fig['false_per_hour']}",
                file=sys.stderr,
            )
    return rows


SHIFTS = (0, 37, 101, 173, 256, 331, 419, 503, 600, 777, 901, 1024, 1500, 2048, 3000, 4000)
Setting = tuple[tuple[float, float, float], str]  # (end of turn s, least tail s, forget after s), escalation


def demo_delays(out: Path, shifts: Sequence[int] = SHIFTS, setting: Setting | None = None) -> list[float]:
    """Seconds from the bundled demo call's anger onset to "frustrated", with the recording shifted by each
    of ``shifts`` samples (low noise in front). Which window of the 0.5 s grid first holds enough anger is a
    matter of phase, and one recording shows one phase. ``setting`` None: the pipeline as shipped."""
    from contextlib import ExitStack
    from unittest import mock

    import soundfile as sf

    import device.inference.tone as tone
    from device.audio.source import ReplaySource
    from device.config import LugnConfig
    from device.events import Event, ToneChanged, ToneState
    from device.notice import told_elsewhere
    from device.pipeline import Pipeline

    assets = Path(__file__).resolve().parents[1] / "device" / "assets"
    onset = json.loads((assets / "demo_call.timeline.json").read_text())["angry_speech_start_s"]
    audio, rate = sf.read(assets / "demo_call.flac", dtype="float32")
    config = told_elsewhere(LugnConfig(), "the demo call")
    out.mkdir(parents=True, exist_ok=True)
    delays = []
    for d in shifts:
        path = out / f"demo_shift{d}.wav"
        if not path.exists():
            noise = np.random.default_rng(d).standard_normal((d, 2)).astype(np.float32)
            sf.write(path, np.concatenate([noise * 10 ** (NOISE_DBFS / 20), audio]), rate, subtype="FLOAT")
        events: list[Event] = []
        with ExitStack() as stack:
            if setting is not None:
                (eot, tail, forget), rule = setting
                turn: dict[str, Any] = {"END_OF_TURN_S": eot, "MIN_TAIL_S": tail, "FORGET_AFTER_S": forget}
                stack.enter_context(mock.patch.multiple(tone, **turn))
                stack.enter_context(_escalation_patch(rule))
            Pipeline(ReplaySource(path, realtime=False), config, events.append).run_until_end()
        first = next(e.t_s for e in events if isinstance(e, ToneChanged) and e.state is ToneState.FRUSTRATED)
        delays.append(round(first - (onset + d / rate), 3))
    return delays


def demo_table(out: Path, settings: Sequence[tuple[str, Setting | None]]) -> str:
    lines = [f"{'setting':<28}" + "".join(f"{d:>6}" for d in SHIFTS) + "   median  (s; shift in samples)"]
    for name, setting in settings:
        delays = demo_delays(out, SHIFTS, setting)
        lines.append(f"{name:<28}" + "".join(f"{x:6.2f}" for x in delays) + f"   {np.median(delays):6.2f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m training.callstudy", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("models", help="the speaker-CV model cut into one models folder per fold")
    m.add_argument("out", type=Path)
    c = sub.add_parser("calls", help="labelled calls of a corpus (emodb: a folder per fold)")
    c.add_argument("corpus", choices=("emodb", "tess", "urdu"))
    c.add_argument("out", type=Path)
    c.add_argument("--data", type=Path, default=DATA)
    c.add_argument("--rounds", type=int, default=3, help="the four scripts this many times per customer")
    po = sub.add_parser("pool", help="pooled figures of several `lugn eval CALLS --json` outputs")
    po.add_argument("json", type=Path, nargs="+")
    g = sub.add_parser("grid", help="the candidate turn/escalation settings on calls (pooled figures)")
    g.add_argument("calls", type=Path, help="calls folder (with fold0..4 subfolders for emodb)")
    g.add_argument("--models", type=Path, default=None, help="per-fold models folders (fold0..4)")
    g.add_argument("--json", type=Path, default=None, help="also write the rows here")
    d = sub.add_parser("demo", help="the demo call's time to 'frustrated' over shifts of its recording")
    d.add_argument("out", type=Path, help="a scratch folder for the shifted recordings")
    args = p.parse_args(argv)
    if args.cmd == "models":
        for folder in fold_models(args.out):
            print(folder)
    elif args.cmd == "calls":
        if args.out.exists() and any(args.out.iterdir()):
            print(f"callstudy: {args.out} is not empty", file=sys.stderr)
            return 2
        rows = build(args.corpus, args.out, args.data, args.rounds)
        print(
            f"{len(rows)} calls, {sum(r['stretches'] for r in rows)} labelled stretches, "
            f"{sum(r['duration_s'] for r in rows) / 60:.1f} min of audio -> {args.out}"
        )
    elif args.cmd == "demo":
        before: Setting = (TURNS[0], "dwell")
        print(demo_table(args.out, [("before (10/0.5, dwell)", before), ("as shipped", None)]))
    elif args.cmd == "pool":
        results = [json.loads(path.read_text(encoding="utf-8")) for path in args.json]
        print(table([("pooled", pool_results(results))]))
    else:
        folds = sorted(d.name for d in args.calls.iterdir() if d.is_dir() and d.name.startswith("fold"))
        rows = run_grid(args.calls, args.models or Path("/nonexistent"), folds or [""])
        if args.json:
            args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
        print(table([(_label(r), r) for r in rows]))
    return 0


def _label(row: dict[str, Any]) -> str:
    return f"{row['end_of_turn_s']:g}/{row['min_tail_s']:g}/{row['forget_after_s']:g} {row['escalation']}"


if __name__ == "__main__":
    raise SystemExit(main())
