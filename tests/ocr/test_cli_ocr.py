"""`samsok extract` with the OCR switches, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.ocr.test_real_scans import DOVRE


def extract(*argv: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("samsok")
    return subprocess.run([str(script), "extract", *argv], capture_output=True, text=True, timeout=600)


def test_no_ocr_gives_the_no_text_error() -> None:
    proc = extract("--no-ocr", str(DOVRE))
    assert proc.returncode == 3
    record = json.loads(proc.stdout)
    assert record["error"]["code"] == "no_text" and "OCR is off" in record["error"]["message"]


def test_page_limit_flag_is_a_warning_on_stderr_and_in_the_record() -> None:
    proc = extract("--ocr-max-pages", "1", str(DOVRE))
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["source"]["ocr_pages"] == [1]
    assert record["warnings"][0]["code"] == "ocr_page_limit"
    assert "warning: ocr_page_limit: OCR page limit of 1 reached; page(s) 2–26 were not OCR'd" in proc.stderr
