"""`samsok ingest` as a subprocess: SIGKILL during download, extraction and indexing, then a
new run repairs everything; the command's summary, its JSON, and `samsok status`.

Subprocesses use the session's Prefect test harness (PREFECT_API_URL), so none of them
pays for creating a Prefect database.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from flowhelpers import FaultServer, Route, indexed_doc_ids, samsok_cmd

from samsok.catalog import Catalog
from samsok.config import Settings
from tests.support.processes import PAUSE_AT

WAIT_S = 180  # an upper bound for a stage to be reached, not a timing expectation


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def env_for(home: Path, api: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    for key in ("SAMSOK_BACKEND", "PREFECT_HOME"):
        env.pop(key, None)
    env.update(SAMSOK_HOME=str(home), PREFECT_API_URL=api, **extra)
    return env


def ingest(home: Path, api: str, *sources: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*samsok_cmd(), "ingest", *sources, "--json", "--workers", "1"],
                          env=env_for(home, api, **extra), capture_output=True, text=True, timeout=600)


class Killable:
    """`samsok ingest` in its own process group, paused at a stage's checkpoint by the test
    listener (tests/support/pause_at.py); waits for a line on stderr, then SIGKILLs."""

    def __init__(self, home: Path, api: str, sources: list[str], pause_at: str) -> None:
        command = [sys.executable, str(PAUSE_AT), pause_at, "ingest", *sources, "--workers", "1"]
        self.proc = subprocess.Popen(command,
                                     env=env_for(home, api), stderr=subprocess.PIPE, text=True,
                                     stdout=subprocess.DEVNULL, start_new_session=True)
        self.lines: list[str] = []
        self.seen = threading.Event()
        self.marker = ""
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line)
            if self.marker and self.marker in line:
                self.seen.set()

    def wait_for(self, marker: str) -> None:
        self.marker = marker
        deadline = time.monotonic() + WAIT_S
        while not self.seen.wait(0.2):
            if any(marker in line for line in self.lines):
                return
            assert self.proc.poll() is None, f"ingest ended before {marker!r}:\n{''.join(self.lines)}"
            assert time.monotonic() < deadline, f"{marker!r} not reached:\n{''.join(self.lines)}"

    def kill(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()


def site(web: FaultServer, pdfs: dict[str, Path], names: list[str]) -> dict[str, bytes]:
    bodies = {name: pdfs[name].read_bytes() for name in names}
    for name, body in bodies.items():
        web.routes[f"/{name}.pdf"] = Route(body)
    web.page("/moter", [(f"/{name}.pdf", name) for name in names])
    return bodies


def assert_exactly_once(home: Path, bodies: dict[str, bytes]) -> None:
    settings = Settings.load(home, "embedded")
    expected = sorted(sha(b) for b in bodies.values())
    assert indexed_doc_ids(settings.embedded_index_dir) == expected  # each once, no duplicate
    with Catalog(settings.catalog_path) as catalog:
        for doc in expected:
            info = catalog.document_info(doc)
            assert (info["status"], info["extractions"]) == ("extracted", 1)
        assert catalog.pending_index("embedded") == []
        assert catalog.recent_runs(2)[1]["status"] == "interrupted"
    stored = sorted(p.name for p in settings.raw_dir.rglob("*") if p.is_file())
    assert stored == sorted(f"{doc}.pdf" for doc in expected)  # nothing half-written, no temp left


def test_kill_during_download(web: FaultServer, pdfs, home: Path, prefect_api: str) -> None:
    bodies = site(web, pdfs, ["referat-2024-03", "arsrapport-2023"])
    stalled = web.routes["/arsrapport-2023.pdf"]
    stalled.stall_after = len(bodies["arsrapport-2023"]) // 2
    run = Killable(home, prefect_api, [web.url("/moter")], pause_at="download")
    run.wait_for("paused at download")
    partial = list((home / "raw" / "tmp").glob("*.part"))
    assert partial and all(p.stat().st_size > 0 for p in partial)
    run.kill()
    stalled.stall_after = None
    done = ingest(home, prefect_api, web.url("/moter"))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["failed"] == 0
    assert_exactly_once(home, bodies)


@pytest.mark.parametrize("stage", ["extract", "index"])
def test_kill_during_extraction_or_indexing(stage: str, web: FaultServer, pdfs, home: Path,
                                            prefect_api: str) -> None:
    bodies = site(web, pdfs, ["referat-2024-03", "referat-2024-06", "innkalling-2024-09"])
    run = Killable(home, prefect_api, [web.url("/moter")], pause_at=stage)
    run.wait_for(f"paused at {stage}")
    run.kill()
    done = ingest(home, prefect_api, web.url("/moter"))
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["unchanged"], summary["failed"]) == (3, 0)  # the downloads survived the kill
    assert_exactly_once(home, bodies)


def test_cli_rerun_says_nothing_changed_and_status(web: FaultServer, pdfs, home: Path, prefect_api: str,
                                                   tmp_path: Path) -> None:
    folder = tmp_path / "mappe"
    folder.mkdir()
    (folder / "arsrapport.pdf").write_bytes(pdfs["arsrapport-2023"].read_bytes())
    web.routes["/referat.pdf"] = Route(pdfs["referat-2024-03"].read_bytes())
    sources = [str(folder), web.url("/referat.pdf"), web.url("/mangler.pdf"), "file:///etc/hostname"]
    first = ingest(home, prefect_api, *sources)
    assert first.returncode == 3, first.stderr  # some sources failed
    summary = json.loads(first.stdout)
    assert {k: summary[k] for k in ("new", "updated", "unchanged", "failed")} == {
        "new": 2, "updated": 0, "unchanged": 0, "failed": 2}
    assert set(summary) >= {"new", "updated", "unchanged", "failed", "pages", "seconds"}
    assert summary["pages"] == 4
    again = ingest(home, prefect_api, str(folder), web.url("/referat.pdf"))
    assert again.returncode == 0, again.stderr
    assert "nothing changed: 2 unchanged" in again.stderr
    assert json.loads(again.stdout)["unchanged"] == 2
    status = subprocess.run([*samsok_cmd(), "status", "--json"], env=env_for(home, prefect_api),
                            capture_output=True, text=True, timeout=120)
    data = json.loads(status.stdout)
    assert data["stats"]["indexable"] == 2
    assert [r["summary"]["unchanged"] for r in data["runs"]] == [2, 0]
    codes = {f["url"]: f["code"] for f in data["failures"]}
    assert codes == {web.url("/mangler.pdf"): "http_404", "file:///etc/hostname": "scheme_refused"}
    text = subprocess.run([*samsok_cmd(), "status"], env=env_for(home, prefect_api),
                          capture_output=True, text=True, timeout=120).stdout
    assert "http_404" in text and "scheme_refused" in text
