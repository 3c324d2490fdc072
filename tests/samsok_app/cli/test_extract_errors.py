"""Bad input to `samsok extract`: a clear error record per file, the other files go on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

from tests.conftest import SHARED
from tests.support import pdfs

MINUTES = pdfs.SAMPLES / "helsefellesskap-oslo-ssu-referat-2024-12-05.pdf"
SCHEMA = json.loads((SHARED / "contract" / "record.schema.json").read_text(encoding="utf-8"))


def _extract(*paths: Path, extra: tuple[str, ...] = ()) -> tuple[int, list[dict], str]:
    proc = subprocess.run(
        [sys.executable, "-m", "samsok_app.cli", "extract", *extra, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return proc.returncode, [json.loads(line) for line in proc.stdout.splitlines()], proc.stderr


def test_each_bad_file_gets_its_own_error_code_and_good_files_go_on(tmp_path: Path) -> None:
    cases = {
        "not_pdf": pdfs.text_file_named_pdf(tmp_path / "side.pdf"),
        "truncated": pdfs.truncated_copy(MINUTES, tmp_path / "avbrutt.pdf", share=0.5),
        "encrypted": pdfs.encrypted_pdf(tmp_path / "kryptert.pdf"),
        "no_text": pdfs.image_only_pdf(tmp_path / "skannet.pdf", pages=1),
        "empty": pdfs.zero_page_pdf(tmp_path / "tom.pdf"),
    }
    good = MINUTES
    order = [cases["not_pdf"], good, cases["truncated"], cases["encrypted"], cases["no_text"], cases["empty"]]
    code, records, stderr = _extract(*order)
    assert code == 3
    assert [r["source"]["path"] for r in records] == [str(p) for p in order], "one line per file, in order"
    by_path = {r["source"]["path"]: r for r in records}
    assert "error" not in by_path[str(good)]
    assert by_path[str(good)]["saker"], "the good file was fully processed"
    for expected_code, path in cases.items():
        record = by_path[str(path)]
        jsonschema.validate(record, SCHEMA)
        assert record["error"]["code"] == expected_code, record["error"]
        assert record["error"]["message"]
        assert str(path) in stderr, "each failure is reported on stderr"


def test_missing_file_is_an_error_record(tmp_path: Path) -> None:
    code, records, _ = _extract(tmp_path / "finnes-ikke.pdf")
    assert code == 3
    assert records[0]["error"]["code"] == "unreadable"


def test_all_good_files_exit_zero_and_logs_stay_off_stdout() -> None:
    code, records, _ = _extract(MINUTES)
    assert code == 0
    assert len(records) == 1
    assert records[0]["schema"] == "samsok.record/1"
