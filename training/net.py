"""The tone network: a small MLP over the front end's statistics (the part that is quantised to INT8)."""

from __future__ import annotations

import json
from pathlib import Path

import torch
from torch import nn

from training.frontend import LogMel, Pitch, StatsFeatures

N_FEATURES = StatsFeatures.n_features + Pitch.n_features

OUTPUTS = ("probs", "frustration", "arousal", "valence")


class Frontend(nn.Module):
    """Waveform [B, N] -> statistics features [B, F]. Exported and kept in FP32."""

    def __init__(self) -> None:
        super().__init__()
        self.logmel = LogMel()
        self.stats = StatsFeatures()
        self.pitch = Pitch()

    def forward(self, wave: torch.Tensor) -> torch.Tensor:
        logmel, frame_pow = self.logmel(wave)
        return torch.cat([self.stats(logmel, frame_pow), self.pitch(wave)], dim=1)


class ToneHead(nn.Module):
    """Features [B, F] -> probs [B, 4], frustration [B], arousal [B], valence [B], all in [0, 1]."""

    mu: torch.Tensor
    sigma: torch.Tensor

    def __init__(self, n_features: int = N_FEATURES, hidden: int = 64, dropout: float = 0.3) -> None:
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
        outs = [h(feats) for h in self.heads]
        return tuple(torch.stack([o[i] for o in outs]).mean(dim=0) for i in range(len(OUTPUTS)))


class ToneNet(nn.Module):
    """The whole model as PyTorch sees it (front end + heads); the ONNX graph must match it."""

    def __init__(self, frontend: Frontend, ensemble: HeadEnsemble) -> None:
        super().__init__()
        self.frontend = frontend
        self.ensemble = ensemble

    def forward(self, wave: torch.Tensor) -> tuple[torch.Tensor, ...]:
        return self.ensemble(self.frontend(wave))


def load_shipped_pytorch(cv_dir: Path) -> ToneNet:
    """Rebuild the PyTorch model of a recipe run from ``cv.json`` (its config) and ``tone_heads.pt``."""
    cfg = json.loads((cv_dir / "cv.json").read_text(encoding="utf-8"))["config"]
    heads = [ToneHead(hidden=cfg["hidden"], dropout=cfg["dropout"]) for _ in range(cfg["seeds"])]
    heads += [ToneHead(hidden=0) for _ in range(cfg.get("linear_heads", 0))]
    net = ToneNet(Frontend(), HeadEnsemble(heads)).eval()
    net.ensemble.load_state_dict(torch.load(cv_dir / "tone_heads.pt", weights_only=True))
    return net
