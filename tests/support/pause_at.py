"""`python tests/support/pause_at.py STAGE SAMSOK-ARGS...`: the samsok command line with a
listener on the progress sink that stops the run at a stage's checkpoint.

The stages report checkpoints (`download`: the first chunk of a PDF written to the raw
store's temp file; `extract`: a record committed, before the next one; `index`: a batch
sent to the backend, before the catalog marks it indexed). When STAGE's is reached this
prints `samsok: paused at STAGE` on stderr and sleeps (SAMSOK_TEST_PAUSE_SECONDS, default
one hour), so a test can SIGKILL the process there and check what the next run repairs.
"""

from __future__ import annotations

import os
import sys
import time

from flows import progress
from samsok_app.cli import main

STAGES = ("download", "extract", "index")


def pause_at(stage: str) -> progress.Listener:
    def listener(point: str) -> None:
        if point == stage:
            print(f"samsok: paused at {stage}", file=sys.stderr, flush=True)
            time.sleep(float(os.environ.get("SAMSOK_TEST_PAUSE_SECONDS", "3600")))

    return listener


if __name__ == "__main__":
    stage, *argv = sys.argv[1:]
    if stage not in STAGES:
        sys.exit(f"pause_at: STAGE is one of {', '.join(STAGES)}, not {stage!r}")
    progress.listen(pause_at(stage))
    sys.exit(main(argv))
