"""The tone network: a small MLP over the front end's statistics (the part that is quantised to INT8)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

import torch
from torch import nn

from training.frontend import LogMel, Pitch, StatsFeatures
from training.prosody import ProsodyStats
from training.voice import VoiceStats

N_NET_FEATURES = StatsFeatures.n_features + Pitch.n_features  # log-mel and pitch statistics
N_MEMBER_FEATURES = ProsodyStats.n_features  # the statistics block (appended after them): the member's input
N_FEATURES = N_NET_FEATURES + N_MEMBER_FEATURES  # what the MLP/linear head ensemble sees (since 1.2.0)
N_VOICE_FEATURES = VoiceStats.n_features  # the voice-quality/contour block, appended last (1.3.0)

OUTPUTS = ("probs", "frustration", "arousal", "valence")


def head_width(heads_see_statistics: bool, voice: bool = False) -> int:
    """How many leading features feed the head ensemble (1.1.0: the log-mel/pitch statistics only; 1.3.0:
    all, the voice block included)."""
    if not heads_see_statistics:
        return N_NET_FEATURES
    return N_FEATURES + (N_VOICE_FEATURES if voice else 0)


def member_width(voice: bool = False) -> int:
    """How many features, from ``N_NET_FEATURES`` on, feed the statistics member."""
    return N_MEMBER_FEATURES + (N_VOICE_FEATURES if voice else 0)


class Frontend(nn.Module):
    """Waveform [B, N] -> statistics features [B, F]. Exported and kept in FP32. ``voice``: append the
    voice-quality/contour block; ``octave_check``: the pitch track without the octave pull above ~160 Hz
    (both 1.3.0)."""

    def __init__(self, voice: bool = False, octave_check: bool = False) -> None:
        super().__init__()
        self.logmel = LogMel()
        self.stats = StatsFeatures()
        self.pitch = Pitch(octave_check)
        self.prosody = ProsodyStats()
        self.voice = VoiceStats() if voice else None

    @property
    def n_features(self) -> int:
        return N_FEATURES + (N_VOICE_FEATURES if self.voice is not None else 0)

    def forward(self, wave: torch.Tensor) -> torch.Tensor:
        power = self.logmel.spectrum(wave)
        melp = power @ self.logmel.mel
        logmel, frame_pow = self.logmel.from_mel(melp)
        track = self.pitch.track(wave)
        blocks = [
            self.stats(logmel, frame_pow),
            Pitch.stats(*track),
            self.prosody(power, melp, logmel, frame_pow, track),
        ]
        if self.voice is not None:
            blocks.append(self.voice(power, frame_pow, track))
        return torch.cat(blocks, dim=1)


class ToneHead(nn.Module):
    """Features [B, F] -> probs [B, 4], frustration [B], arousal [B], valence [B], all in [0, 1]."""

    mu: torch.Tensor
    sigma: torch.Tensor

    def __init__(self, n_features: int = N_NET_FEATURES, hidden: int = 64, dropout: float = 0.3) -> None:
        super().__init__()
        self.register_buffer("mu", torch.zeros(n_features))
        self.register_buffer("sigma", torch.ones(n_features))
        # hidden == 0: a linear (logistic-regression) head, which generalises differently from the MLP
        self.body = (
            nn.Sequential(nn.Dropout(0.1), nn.Linear(n_features, hidden), nn.ReLU(), nn.Dropout(dropout))
            if hidden
            else nn.Sequential(nn.Dropout(0.1))
        )
        self.out = nn.Linear(hidden or n_features, 4 + 3)

    def set_normaliser(self, feats: torch.Tensor) -> None:
        self.mu.copy_(feats.mean(dim=0))
        self.sigma.copy_(feats.std(dim=0) + 1e-3)

    def logits(self, feats: torch.Tensor) -> torch.Tensor:
        return self.out(self.body((feats - self.mu) / self.sigma))

    def forward(self, feats: torch.Tensor) -> tuple[torch.Tensor, ...]:
        z = self.logits(feats)
        probs = torch.softmax(z[:, :4], dim=1)
        side = torch.sigmoid(z[:, 4:])
        return probs, side[:, 0], side[:, 1], side[:, 2]


class HeadEnsemble(nn.Module):
    """The average of several heads (bagged over seeds); this is the graph that is quantised."""

    def __init__(self, heads: list[ToneHead]) -> None:
        super().__init__()
        self.heads = nn.ModuleList(heads)

    def forward(self, feats: torch.Tensor) -> tuple[torch.Tensor, ...]:
        # the same average of each head's outputs, with one softmax/sigmoid over all heads' logits stacked
        # (fewer graph nodes: each costs time per window in onnxruntime)
        z = torch.stack([cast(ToneHead, h).logits(feats) for h in self.heads], dim=1)  # [B, heads, 7]
        probs = torch.softmax(z[:, :, :4], dim=2).mean(dim=1)
        side = torch.sigmoid(z[:, :, 4:]).mean(dim=1)
        return probs, side[:, 0], side[:, 1], side[:, 2]


class StatsMember(nn.Module):
    """The regularised linear member: standardised statistics -> multinomial LR (4 classes) + binary LR
    (frustrated). It reproduces the plain acoustic baseline inside the graph and stays FP32."""

    mu: torch.Tensor
    sigma: torch.Tensor

    def __init__(self, n_features: int = N_MEMBER_FEATURES) -> None:
        super().__init__()
        self.register_buffer("mu", torch.zeros(n_features))
        self.register_buffer("sigma", torch.ones(n_features))
        self.cls = nn.Linear(n_features, 4)
        self.frus = nn.Linear(n_features, 1)

    def forward(self, feats: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        z = (feats - self.mu) / self.sigma
        return torch.softmax(self.cls(z), dim=1), torch.sigmoid(self.frus(z))[:, 0]


class BlendedHeads(nn.Module):
    """All features [B, N_FEATURES] -> the weighted average of the head ensemble (all features) and the
    statistics member (statistics block): probabilities and frustration averaged; arousal/valence from the
    ensemble."""

    def __init__(
        self,
        ensemble: HeadEnsemble,
        member: StatsMember,
        weight: float,
        head_features: int = N_FEATURES,
        member_features: int = N_MEMBER_FEATURES,
    ) -> None:
        super().__init__()
        self.ensemble = ensemble
        self.member = member
        self.weight = float(weight)
        self.head_features = int(head_features)  # the first n features feed the heads (1.1.0: 130, now all)
        self.member_features = int(member_features)  # the member's, from N_NET_FEATURES on

    def forward(self, feats: torch.Tensor) -> tuple[torch.Tensor, ...]:
        probs, frustration, arousal, valence = self.ensemble(feats[:, : self.head_features])
        m_probs, m_frustration = self.member(feats[:, N_NET_FEATURES : N_NET_FEATURES + self.member_features])
        a = self.weight
        return (1 - a) * probs + a * m_probs, (1 - a) * frustration + a * m_frustration, arousal, valence


class ToneNet(nn.Module):
    """The whole model as PyTorch sees it (front end + heads); the ONNX graph must match it."""

    def __init__(self, frontend: Frontend, ensemble: nn.Module) -> None:
        super().__init__()
        self.frontend = frontend
        self.ensemble = ensemble

    def forward(self, wave: torch.Tensor) -> tuple[torch.Tensor, ...]:
        return self.ensemble(self.frontend(wave))


def load_shipped_pytorch(cv_dir: Path) -> ToneNet:
    """Rebuild the PyTorch model of a recipe run from ``cv.json`` (its config) and ``tone_heads.pt``."""
    cfg = json.loads((cv_dir / "cv.json").read_text(encoding="utf-8"))["config"]
    voice = bool(cfg.get("voice_features", False))
    octave = bool(cfg.get("pitch_octave_check", False))
    nf = head_width(cfg.get("heads_see_statistics", False), voice)
    nm = member_width(voice and bool(cfg.get("member_voice", False)))
    heads = [ToneHead(nf, hidden=cfg["hidden"], dropout=cfg["dropout"]) for _ in range(cfg["seeds"])]
    heads += [ToneHead(nf, hidden=0) for _ in range(cfg.get("linear_heads", 0))]
    blended = BlendedHeads(HeadEnsemble(heads), StatsMember(nm), cfg["member_weight"], nf, nm)
    net = ToneNet(Frontend(voice=voice, octave_check=octave), blended).eval()
    net.ensemble.load_state_dict(torch.load(cv_dir / "tone_heads.pt", weights_only=True))
    return net
