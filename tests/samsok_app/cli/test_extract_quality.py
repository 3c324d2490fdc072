"""`samsok extract` on every sample PDF, compared field by field with samples/expected/.

The expected records were written by reading the documents (samples/expected/README.md);
the scorer (devtools.evaluation) applies their comparison rules. Every category must
reach precision and recall 1.0 on the samples.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from devtools.evaluation import CATEGORIES, format_table, score
from tests.conftest import SAMPLES, SHARED

PDFS = sorted(SAMPLES.glob("*.pdf"))
SCHEMA = json.loads((SHARED / "contract" / "record.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extracted() -> dict[str, dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "samsok_app.cli", "extract", *map(str, PDFS)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    assert len(lines) == len(PDFS), "one JSON line per file, nothing else on stdout"
    records = [json.loads(line) for line in lines]
    return {Path(r["source"]["path"]).stem: r for r in records}


def test_samples_exist() -> None:
    assert len(PDFS) == 5


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_record_is_schema_valid(extracted: dict[str, dict], pdf: Path) -> None:
    record = extracted[pdf.stem]
    jsonschema.validate(record, SCHEMA)
    assert record["source"]["path"] == str(pdf)
    assert "error" not in record


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_record_matches_expected(extracted: dict[str, dict], pdf: Path) -> None:
    expected = json.loads((SAMPLES / "expected" / f"{pdf.stem}.json").read_text(encoding="utf-8"))
    result = score(expected, extracted[pdf.stem], pdf.stem)
    report = format_table([result]) + "\n" + "\n".join(result.mismatches)
    assert not result.mismatches, report
    for category in CATEGORIES:
        tally = result.tallies[category]
        assert (tally.precision, tally.recall) == (1.0, 1.0), f"{category}\n{report}"
