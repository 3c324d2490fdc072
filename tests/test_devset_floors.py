"""Quality floors on the real devset (`../shared/devset/`): the scorer run on `samsok extract`.

Each floor sits just below the level the extraction reached when it was set, so a later
change cannot lose a metric quietly. Raise a floor when the extraction improves; never
lower one to make a change pass. The targets of issue 10 are higher still (see README).
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import in_ci
from tests.support.paths import REPO, SHARED

DEVSET = SHARED / "devset"
SCORER = DEVSET / "evaluate.py"

# metric (as the scorer's `score:` line names it) -> floor
FLOORS = {
    "saksnr_f1": 0.92,
    "title_acc": 0.65,
    "vedtak_acc": 0.27,
    "attendees_f1": 0.69,
    "meta_acc": 0.79,
}


def _scores() -> dict[str, float]:
    samsok = REPO / ".venv" / "bin" / "samsok"
    command = str(samsok) if samsok.exists() else f"{sys.executable} -m samsok_app.cli"
    result = subprocess.run(
        [sys.executable, str(SCORER), "--cmd", f"{command} extract --no-ocr"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("score:")), None)
    assert line is not None, f"the scorer printed no score line:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    return {key: float(value) for key, value in re.findall(r"(\w+)=([0-9.]+)", line) if key in FLOORS}


def test_devset_scores_stay_above_their_floors():
    if not SCORER.exists():
        if in_ci():
            pytest.fail(f"the devset scorer is missing at {SCORER}")
        pytest.skip(f"no devset at {DEVSET}")
    scores = _scores()
    assert set(scores) == set(FLOORS), f"the scorer's score line lacks {set(FLOORS) - set(scores)}"
    below = {key: (scores[key], floor) for key, floor in FLOORS.items() if scores[key] < floor}
    assert not below, f"devset metrics below their floors (score, floor): {below}"
