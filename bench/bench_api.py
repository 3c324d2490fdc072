"""Benchmark of `/api/search` against the backend's own search, in the same run.

    .venv/bin/python bench/bench_api.py [--sections 10000] [--seconds 30] [--clients 8]
                                        [--backend embedded|opensearch] [--home DIR]

Builds (or reuses) a corpus of about `--sections` sections in a home with the corpus
builder and query mix of bench/bench_search.py, then measures, for the same queries:

1. the backend's `search()` called by `--clients` threads in this process;
2. `/api/search` of a real `samsok serve` subprocess, called by `--clients` threads
   over keep-alive HTTP connections.

Prints requests per second, p50/p95/p99 latency and the API's p95 overhead (target
<= 25 %), and writes the numbers as JSON to bench/out/bench_api.json. Not a test.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
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
from samsok.search.base import SearchQuery  # noqa: E402

sys.path.insert(0, str(REPO / "bench"))
# The search benchmark's corpus (the five sample records, varied to the wanted size) and
# query mix, so both benchmarks measure the same thing.
from bench_search import make_corpus, n_sections  # noqa: E402
from bench_search import query_mix as search_query_mix  # noqa: E402

N_QUERIES = 200


def build_corpus(home: Path, sections: int, backend: str) -> int:
    """Index about `sections` sections into the home's backend; the number indexed."""
    from samsok.search import open_backend

    items = make_corpus(sections)
    search_backend = open_backend(Settings.load(home, backend), backend)
    try:
        search_backend.rebuild(items)
    finally:
        search_backend.close()
    return n_sections(items)


def _samsok() -> list[str]:
    script = Path(sys.executable).with_name("samsok")
    return [str(script)] if script.exists() else [sys.executable, "-m", "samsok_app.cli"]


def query_mix() -> list[SearchQuery]:
    return search_query_mix(N_QUERIES)


def to_params(q: SearchQuery) -> list[tuple[str, str]]:
    """The same query as `/api/search` parameters."""
    params = [("q", q.text), ("what", q.what), ("limit", str(q.limit)), ("offset", str(q.offset))]
    if q.year_from is not None:
        params.append(("year_from", str(q.year_from)))
    if q.year_to is not None:
        params.append(("year_to", str(q.year_to)))
    params += [("omrade", v) for v in q.omrader]
    params += [("type", v) for v in q.doc_types]
    params += [("organ", v) for v in q.organs]
    return params


def run_load(call: Callable[[int], None], clients: int, seconds: float) -> dict[str, float]:
    """`clients` threads call `call(i)` (i = index into the query mix) until time is up."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    stop = time.monotonic() + seconds

    def worker(n: int) -> None:
        i = n * 17
        while time.monotonic() < stop:
            which = i % N_QUERIES
            i += 1
            t0 = time.perf_counter()
            try:
                call(which)
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
    queries = query_mix()
    try:
        for q in queries[:20]:  # warm up, as for the API
            be.search(q)
        return run_load(lambda i: be.search(queries[i]), clients, seconds)
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
        paths = ["/api/search?" + urlencode(to_params(q)) for q in query_mix()]

        def call(i: int) -> None:
            # A light keep-alive client per thread, so the client's own cost stays small.
            conn = getattr(local, "conn", None)
            if conn is None:
                conn = local.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", paths[i])
            response = conn.getresponse()
            body = response.read()
            if response.status != 200 or not body:
                raise RuntimeError(f"HTTP {response.status}")

        for i in range(20):  # warm up the server and its backend
            call(i)
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
        indexed = build_corpus(home, args.sections, args.backend)
        marker.write_text(str(indexed))
        print(f"  {indexed} sections indexed in {time.monotonic() - t0:.1f} s", file=sys.stderr)
    settings = Settings.load(home, args.backend)
    os.environ["SAMSOK_HOME"] = str(home)

    print(f"backend search(): {args.clients} threads, {args.seconds:.0f} s ...", file=sys.stderr)
    direct = bench_backend(settings, args.backend, args.clients, args.seconds)
    print(f"/api/search over HTTP: {args.clients} clients, {args.seconds:.0f} s ...", file=sys.stderr)
    api = bench_api(home, args.backend, args.clients, args.seconds)
    overhead = (api["p95_ms"] / direct["p95_ms"] - 1) * 100 if direct["p95_ms"] else float("nan")
    result = {
        "sections": int(marker.read_text()),
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
