"""Harvest throughput against a local HTTP server: first download vs. a 304 re-run.

    .venv/bin/python bench/bench_harvest.py [N_PDFS]

Serves N copies (distinct bytes) of a small reportlab PDF from a listing page on
127.0.0.1 and times `harvest_stage` twice in a fresh home. No extraction, no index.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "flows"))

from flowhelpers import FaultServer, Route, make_pdf  # noqa: E402

from flows.stages import harvest_stage  # noqa: E402
from samsok.config import Settings  # noqa: E402
from samsok.harvest import HttpOptions, SourceConfig  # noqa: E402


def main(n: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="samsok-bench-"))
    base = make_pdf(tmp / "base.pdf", ["Referat fra møte"] * 20, pages=5).read_bytes()
    server = FaultServer()
    try:
        for i in range(n):
            server.routes[f"/d/{i}.pdf"] = Route(base + f"\n%{i}\n".encode())
        server.page("/moter", [(f"/d/{i}.pdf", str(i)) for i in range(n)])
        settings = Settings.load(tmp / "home")
        source = SourceConfig(name="bench", listing_urls=(server.url("/moter"),))
        for label in ("first run (200)", "re-run (304)"):
            started = time.perf_counter()
            report = harvest_stage(settings, [source], HttpOptions(concurrency=4))
            took = time.perf_counter() - started
            print(f"{label}: {len(report.items)} PDFs ({len(base) // 1024} KiB each) in {took:.2f} s "
                  f"= {len(report.items) / took:.0f} PDFs/s")
    finally:
        server.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
