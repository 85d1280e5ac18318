"""The pilot evaluation kit: a site's own labelled calls through the real pipeline (``lugn eval CALLS``).

Runs where the site's recordings are, with the runtime's own parts only (no torch, no training code): label
files and recordings in (:mod:`~lugn.evalkit.corpus`, :mod:`~lugn.evalkit.labels`), one pipeline pass per call
(:mod:`~lugn.evalkit.trace`), call-level figures (:mod:`~lugn.evalkit.figures`), the threshold sweep and its
recommendation (:mod:`~lugn.evalkit.sweep`), the policy snippet (:mod:`~lugn.evalkit.policyfile`) and the
report (:mod:`~lugn.evalkit.report`). See docs/pilot.md.
"""

from lugn.evalkit.corpus import CallCorpusError, CallSpec, discover_calls
from lugn.evalkit.labels import LabelError, Stretch, format_labels, read_labels

__all__ = [
    "CallCorpusError",
    "CallSpec",
    "LabelError",
    "Stretch",
    "discover_calls",
    "format_labels",
    "read_labels",
]
