"""Benchmark of `/api/search` against the backend's own search, in the same run.

    .venv/bin/python bench/bench_api.py [--sections 10000] [--seconds 30] [--clients 8]
                                        [--backend embedded|opensearch] [--home DIR]

Builds (or reuses) a corpus of about `--sections` sections in a home, indexes it with
`samsok reindex`, then measures, for the same mix of queries and filters:

1. the backend's `search()` called by `--clients` threads in this process;
2. `/api/search` of a real `samsok serve` subprocess, called by `--clients` threads
   over keep-alive HTTP connections.

Prints requests per second, p50/p95/p99 latency and the API's p95 overhead (target
<= 25 %), and writes the numbers as JSON to bench/out/bench_api.json. Not a test.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from samsok.config import Settings  # noqa: E402
from samsok.record import Attendee, Attendees, Record, Sak, Section, Source  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
OMRADER = ["Ahus", "OUS", "Lovisenberg", "Diakonhjemmet", "Vestre Viken", "Innlandet"]
ORGANS = ["Strategisk samarbeidsutvalg", "Samarbeidsforum", "LSU", "Fagråd psykisk helse og rus", "Styret"]
DOC_TYPES = ["referat", "arsrapport", "saksframlegg", "protokoll", "innkalling", "presentasjon"]
TERMS = ["samhandling", "FACT", "rehabilitering", "psykisk helse", "legevakt", "utskrivningsklare",
         "kompetanse", "digital hjemmeoppfølging", "barn og unge", "rus", "tilskudd", "fastlege"]  # fmt: skip
SECTIONS_PER_DOC = 20


# -- corpus ---------------------------------------------------------------------------


def _sentences() -> list[str]:
    text = " ".join(p.read_text(errors="replace") for p in sorted(CORPUS.glob("*.txt")))
    text = re.sub(r"\s+", " ", text)
    parts = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text)]
    return [s for s in parts if 30 <= len(s) <= 400] or ["Samhandling mellom sykehus og kommuner."]


def make_records(n_sections: int, seed: int = 7) -> list[Record]:
    rng = random.Random(seed)
    sentences = _sentences()
    records: list[Record] = []
    n_docs = max(1, n_sections // SECTIONS_PER_DOC)
    for i in range(n_docs):
        year = rng.randint(2015, 2025)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        sections = [
            Section(
                number=f"{s + 1}",
                title=" ".join(rng.choice(sentences).split()[:6]),
                level=1,
                page=1 + s // 3,
                text=" ".join(rng.choice(sentences) for _ in range(rng.randint(3, 9))),
            )
            for s in range(SECTIONS_PER_DOC)
        ]
        saker = [
            Sak(
                saksnummer=f"{k + 1}/{year}",
                raw=f"Sak {k + 1}/{str(year)[2:]}",
                title=" ".join(rng.choice(sentences).split()[:8]),
                kind=rng.choice(["vedtakssak", "orienteringssak", "temasak"]),
                vedtak=rng.choice(sentences),
                page=1 + k,
            )
            for k in range(rng.randint(2, 6))
        ]
        body = json.dumps([s.text for s in sections]).encode()
        sha = hashlib.sha256(b"bench-%d-" % i + body).hexdigest()
        records.append(
            Record(
                source=Source(path=f"bench/{i}.pdf", sha256=sha, pages=1 + SECTIONS_PER_DOC // 3,
                              url=f"https://bench.example.org/{i}.pdf"),
                doc_type=rng.choice(DOC_TYPES),
                title=f"Bench {i}: " + " ".join(rng.choice(sentences).split()[:5]),
                year=year,
                date=date,
                organ=rng.choice(ORGANS),
                sykehusomrader=rng.sample(OMRADER, rng.randint(1, 2)),
                sections=sections,
                saker=saker,
                attendees=Attendees(present=[Attendee(name="Kari Nordmann", role="leder", org="OUS")]),
            )
        )
    return records


def build_corpus(home: Path, n_sections: int, backend: str) -> None:
    """Write the records into the home's catalog, then rebuild the backend's index from it."""
    from samsok.catalog import Catalog
    from samsok.search import open_backend

    settings = Settings.load(home, backend)
    settings.raw_dir.mkdir(parents=True, exist_ok=True)
    with Catalog(settings.catalog_path) as catalog:
        for record in make_records(n_sections):
            sha = record.source.sha256
            raw = settings.raw_dir / f"{sha}.pdf"
            raw.write_bytes(b"%PDF-1.4 bench placeholder\n")
            catalog.record_url(
                record.source.url or sha, kind="pdf", source="bench", status="ok", sha256=sha,
                stored=(raw.stat().st_size, raw), sykehusomrader=record.sykehusomrader, organ=record.organ,
            )
            catalog.save_extraction(sha, record, "bench")
        search_backend = open_backend(settings, backend)
        try:
            search_backend.rebuild(catalog.iter_records())
        finally:
            search_backend.close()


def _samsok() -> list[str]:
    script = Path(sys.executable).with_name("samsok")
    return [str(script)] if script.exists() else [sys.executable, "-m", "samsok.cli"]


# -- load -----------------------------------------------------------------------------


def query_mix(seed: int = 11) -> list[dict[str, object]]:
    """The same queries for both sides: term, sometimes a year range, områder, type, saker."""
    rng = random.Random(seed)
    mix: list[dict[str, object]] = []
    for _ in range(200):
        params: dict[str, object] = {"q": rng.choice(TERMS)}
        if rng.random() < 0.4:
            first = rng.randint(2015, 2023)
            params["year"] = f"{first}..{first + rng.randint(0, 3)}"
        if rng.random() < 0.4:
            params["omrade"] = rng.sample(OMRADER, rng.randint(1, 2))
        if rng.random() < 0.2:
            params["type"] = [rng.choice(DOC_TYPES)]
        if rng.random() < 0.3:
            params["what"] = "saker"
        mix.append(params)
    return mix


def to_search_query(params: dict[str, object]):  # -> SearchQuery
    from samsok.web.filters import build_filters

    return build_filters(
        q=str(params["q"]),
        year=params.get("year"),  # type: ignore[arg-type]
        omrade=list(params.get("omrade", [])),  # type: ignore[call-overload]
        doc_type=list(params.get("type", [])),  # type: ignore[call-overload]
        what=params.get("what", "documents"),  # type: ignore[arg-type]
    ).to_search_query()


def run_load(call: Callable[[dict[str, object]], None], clients: int, seconds: float) -> dict[str, float]:
    mix = query_mix()
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    stop = time.monotonic() + seconds

    def worker(n: int) -> None:
        i = n * 17
        while time.monotonic() < stop:
            params = mix[i % len(mix)]
            i += 1
            t0 = time.perf_counter()
            try:
                call(params)
            except Exception:
                errors[n] += 1
                continue
            latencies[n].append(time.perf_counter() - t0)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    flat = sorted(x for lst in latencies for x in lst)
    if not flat:
        raise SystemExit(f"no successful requests ({sum(errors)} errors)")

    def pct(p: float) -> float:
        return flat[min(len(flat) - 1, int(p * len(flat)))] * 1000

    return {
        "requests": len(flat),
        "errors": sum(errors),
        "rps": round(len(flat) / elapsed, 1),
        "p50_ms": round(pct(0.50), 2),
        "p95_ms": round(pct(0.95), 2),
        "p99_ms": round(pct(0.99), 2),
        "mean_ms": round(statistics.fmean(flat) * 1000, 2),
    }


def bench_backend(settings: Settings, backend: str, clients: int, seconds: float) -> dict[str, float]:
    from samsok.search import open_backend

    be = open_backend(settings, backend)
    queries = {json.dumps(p, sort_keys=True): to_search_query(p) for p in query_mix()}
    try:
        return run_load(lambda p: be.search(queries[json.dumps(p, sort_keys=True)]), clients, seconds)
    finally:
        be.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_api(home: Path, backend: str, clients: int, seconds: float) -> dict[str, float]:
    port = _free_port()
    log = (REPO / "bench" / "out" / "serve.log").open("w")
    proc = subprocess.Popen(
        [*_samsok(), "serve", "--home", str(home), "--port", str(port), "--backend", backend],
        stdout=log, stderr=subprocess.STDOUT, cwd=REPO,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/static/style.css", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        local = threading.local()
        paths = {json.dumps(p, sort_keys=True): "/api/search?" + urlencode(p, doseq=True) for p in query_mix()}

        def call(params: dict[str, object]) -> None:
            # A light keep-alive client per thread, so the client's own cost stays small.
            conn = getattr(local, "conn", None)
            if conn is None:
                conn = local.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", paths[json.dumps(params, sort_keys=True)])
            response = conn.getresponse()
            body = response.read()
            if response.status != 200 or not body:
                raise RuntimeError(f"HTTP {response.status}")

        for params in query_mix()[:20]:  # warm up the server and its backend
            call(params)
        return run_load(call, clients, seconds)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sections", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--backend", choices=["embedded", "opensearch"], default="embedded")
    parser.add_argument("--home", type=Path, default=REPO / "bench" / "out" / f"home-api-{10_000}")
    args = parser.parse_args()
    (REPO / "bench" / "out").mkdir(parents=True, exist_ok=True)
    home = args.home.resolve()
    if args.sections != 10_000 and args.home == parser.get_default("home"):
        home = home.with_name(f"home-api-{args.sections}")
    marker = home / f".bench-{args.backend}-{args.sections}"
    if not marker.exists():
        print(f"building a {args.sections}-section corpus in {home} ...", file=sys.stderr)
        t0 = time.monotonic()
        build_corpus(home, args.sections, args.backend)
        marker.write_text(str(time.time()))
        print(f"  built and indexed in {time.monotonic() - t0:.1f} s", file=sys.stderr)
    settings = Settings.load(home, args.backend)
    os.environ["SAMSOK_HOME"] = str(home)

    print(f"backend search(): {args.clients} threads, {args.seconds:.0f} s ...", file=sys.stderr)
    direct = bench_backend(settings, args.backend, args.clients, args.seconds)
    print(f"/api/search over HTTP: {args.clients} clients, {args.seconds:.0f} s ...", file=sys.stderr)
    api = bench_api(home, args.backend, args.clients, args.seconds)
    overhead = (api["p95_ms"] / direct["p95_ms"] - 1) * 100 if direct["p95_ms"] else float("nan")
    result = {
        "sections": args.sections,
        "backend": args.backend,
        "clients": args.clients,
        "seconds": args.seconds,
        "cpus": os.cpu_count(),
        "backend_search": direct,
        "api_search": api,
        "p95_overhead_pct": round(overhead, 1),
        "target_met": overhead <= 25,
    }
    (REPO / "bench" / "out" / "bench_api.json").write_text(json.dumps(result, indent=2))
    print(f"{'':22}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for name, row in (("backend search()", direct), ("/api/search (HTTP)", api)):
        print(f"{name:22}{row['rps']:>9}{row['p50_ms']:>9}{row['p95_ms']:>9}{row['p99_ms']:>9}{row['errors']:>8}")
    print(f"API p95 overhead: {overhead:+.1f} % (target <= 25 %): {'met' if overhead <= 25 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
