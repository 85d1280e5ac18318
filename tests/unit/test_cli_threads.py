"""The CLI caps numpy's BLAS at one thread before numpy loads (the runtime's CPU budget is a few % of one
core; OpenBLAS's extra worker spun for ~1 % of a core after each larger matrix product)."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = (
    "import lugn.cli, numpy, threadpoolctl\n"
    "print(sum(p['num_threads'] for p in threadpoolctl.threadpool_info() if p['user_api'] == 'blas'))\n"
)


def test_cli_import_leaves_numpy_with_one_blas_thread() -> None:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "1"
