"""The Prefect flows themselves, in the session's one test harness."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from flowhelpers import FaultServer, Route, indexed_doc_ids

from samsok.catalog import Catalog
from samsok.config import Settings
from samsok.harvest import load_config
from samsok.harvest.config import SourceConfig, source_to_dict
from tests.support.paths import REPO


def test_ingest_flow_and_nightly_flow(web: FaultServer, pdfs, settings: Settings, prefect_api: str,
                                      tmp_path: Path) -> None:
    from flows.ingest import ingest_flow, nightly_flow

    a = pdfs["referat-2024-03"].read_bytes()
    web.routes["/a.pdf"] = Route(a)
    web.page("/moter", [("/a.pdf", "Referat")])
    source = SourceConfig(name="hf", listing_urls=(web.url("/moter"),))
    summary = ingest_flow(home=str(settings.home), backend="embedded", sources=[source_to_dict(source)],
                          workers=1)
    assert (summary["new"], summary["failed"], summary["indexed"]) == (1, 0, 1)

    b = pdfs["innkalling-2024-09"].read_bytes()
    web.routes["/b.pdf"] = Route(b)
    web.page("/moter", [("/a.pdf", "Referat"), ("/b.pdf", "Innkalling")])
    config = tmp_path / "sources.toml"
    config.write_text(
        f'schedule = "15 3 * * *"\n[http]\nretries = 1\nbackoff_s = 0.01\n'
        f'[[source]]\nname = "hf"\nlisting_urls = ["{web.url("/moter")}"]\n'
        f'organ = "Samarbeidsforum"\nsykehusomrader = ["Vestre Viken"]\n',
        encoding="utf-8",
    )
    nightly = nightly_flow(config=str(config), home=str(settings.home), backend="embedded")
    assert (nightly["new"], nightly["unchanged"], nightly["indexed"]) == (1, 1, 1)
    assert indexed_doc_ids(settings.embedded_index_dir) == sorted(hashlib.sha256(x).hexdigest() for x in (a, b))
    with Catalog(settings.catalog_path) as catalog:
        runs = catalog.recent_runs(5)
        assert [r["status"] for r in runs] == ["finished", "finished"]
        doc = hashlib.sha256(b).hexdigest()
        extracted = json.loads(catalog.db.execute("SELECT record_json FROM documents WHERE doc_id = ?",
                                                  (doc,)).fetchone()[0])
        record = catalog.get_record(doc)
        # the record's own values win; the source's defaults fill what it lacks
        assert record.organ == (extracted["organ"] or "Samarbeidsforum")
        assert record.sykehusomrader == (extracted["sykehusomrader"] or ["Vestre Viken"])


def test_example_sources_file_is_valid() -> None:
    from samsok_app.commands.nightly import schedules

    config = load_config(REPO / "sources.example.toml")
    assert [s.name for s in config.sources] == ["nordland-ssu", "more-og-romsdal-sekretariat", "arsrapporter"]
    assert schedules(config) == {"30 2 * * *": ["nordland-ssu", "arsrapporter"],
                                 "0 4 * * 1": ["more-og-romsdal-sekretariat"]}
    assert config.http.max_pdf_bytes == 200 * 1024 * 1024


def test_nightly_serve_registers_its_cron_deployment_and_runs_it(
    web: FaultServer, pdfs, settings: Settings, prefect_api: str, tmp_path: Path
) -> None:
    """`samsok nightly --serve` as a real process: the deployment appears in the Prefect
    API with the config's cron schedule, and a run of it (picked up by the serving
    process) harvests, extracts and indexes the source."""
    import asyncio
    import os
    import signal
    import subprocess
    import sys
    import time

    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment

    a = pdfs["referat-2024-06"].read_bytes()
    web.routes["/a.pdf"] = Route(a)
    web.page("/moter", [("/a.pdf", "Referat")])
    config = tmp_path / "sources.toml"
    config.write_text(
        f'schedule = "45 1 * * *"\n[http]\nretries = 1\nbackoff_s = 0.01\n'
        f'[[source]]\nname = "hf"\nlisting_urls = ["{web.url("/moter")}"]\n',
        encoding="utf-8",
    )
    env = dict(os.environ, PREFECT_API_URL=prefect_api, PREFECT_RUNNER_POLL_FREQUENCY="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "samsok_app.cli", "nightly", "--home", str(settings.home), "--config", str(config),
         "--serve", "--name", "nightly-test"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )

    async def deployment():
        async with get_client() as client:
            return await client.read_deployment_by_name("samsok-nightly/nightly-test")

    try:
        found = None
        deadline = time.monotonic() + 120
        while found is None and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stdout.read().decode(errors="replace")[-3000:]
            try:
                found = asyncio.run(deployment())
            except Exception:  # not registered yet
                time.sleep(1)
        assert found is not None, "the deployment was never registered"
        crons = [s.schedule.cron for s in found.schedules]
        assert crons == ["45 1 * * *"]
        run = run_deployment("samsok-nightly/nightly-test", timeout=180)
        assert run.state.is_completed(), run.state
        assert indexed_doc_ids(settings.embedded_index_dir) == [hashlib.sha256(a).hexdigest()]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
