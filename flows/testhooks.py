"""The one test hook of the pipeline: SAMSOK_TEST_PAUSE_AT=download|extract|index.

When the variable names a stage, that stage stops at its critical point, prints
`samsok: paused at <stage>` on stderr and sleeps (SAMSOK_TEST_PAUSE_SECONDS, default one
hour), so a test can SIGKILL the process there and check what the next run repairs:

- download: after the first chunk of a PDF is written to the raw store's temp file;
- extract: after the first document's record is committed, before the next one;
- index: after the first batch went to the backend, before the catalog marks it indexed.

Unset (always, outside tests) it costs one dictionary lookup.
"""

from __future__ import annotations

import os
import sys
import time

ENV = "SAMSOK_TEST_PAUSE_AT"
STAGES = ("download", "extract", "index")


def pause_point(stage: str) -> None:
    if os.environ.get(ENV) != stage:
        return
    print(f"samsok: paused at {stage}", file=sys.stderr, flush=True)
    time.sleep(float(os.environ.get("SAMSOK_TEST_PAUSE_SECONDS", "3600")))
