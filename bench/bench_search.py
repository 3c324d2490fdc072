"""Search benchmark (not a test): indexing rate, query latency, growth, decompounder cost.

Usage: .venv/bin/python bench/bench_search.py [--opensearch URL] [--sizes 1000,10000,50000]
       [--queries 300]

The corpus repeats the five sample records (tests/search/corpus_records.py) with
varied doc ids, years, areas and organs until it has the wanted number of sections.
Prints one JSON object with the numbers.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from opensearchpy import helpers  # noqa: E402

from contract.record import Record  # noqa: E402
from samsok.config import OpenSearchSettings  # noqa: E402
from samsok.search import opensearch_query as dsl  # noqa: E402
from samsok.search import query as ast  # noqa: E402
from samsok.search.analysis import Decompounder, load_analysis  # noqa: E402
from samsok.search.base import SearchQuery, clamp_page  # noqa: E402
from samsok.search.embedded import EmbeddedBackend  # noqa: E402
from samsok.search.opensearch import OpenSearchBackend, prepare_actions  # noqa: E402
from tests.search.corpus_records import corpus_items  # noqa: E402

AREAS = ["Ahus", "OUS", "Lovisenberg", "Diakonhjemmet", "Sunnaas", "Vestre Viken"]
ORGANS = ["Strategisk samarbeidsutvalg", "Lokalt samarbeidsutvalg", "Samarbeidsforum", "Styret", "Partnerskapsmøtet"]
WORDS = ["rehabilitering", "FACT", "kommune", "tilskudd", "team", "SSU", "Ahus", "pasientforløp", "legevakt",
         "psykisk helse", "digitalisering", "samhandling", "rehab", "LDS", "hjemmesykehus", "kompetanse"]
QUERIES = [*WORDS, '"strategisk samarbeidsutvalg"', "FACT OR ACT", "kommune -Ahus", "33/24", "sak 19/2021", "(rehabilitering OR rehab) AND kommune", "tilskudd NOT FACT", ""]


def make_corpus(sections: int, seed: int = 7) -> list[tuple[str, Record]]:
    rng = random.Random(seed)
    base = corpus_items()
    items: list[tuple[str, Record]] = []
    count = 0
    n = 0
    while count < sections:
        doc_id, record = base[n % len(base)]
        rec = copy.deepcopy(record)
        rec.year = rng.randint(2015, 2025)
        rec.sykehusomrader = rng.sample(AREAS, rng.randint(1, 2))
        rec.organ = rng.choice(ORGANS)
        items.append((f"{doc_id[:48]}{n:016d}", rec))
        count += max(1, len(rec.sections))
        n += 1
    return items


def n_sections(items: list[tuple[str, Record]]) -> int:
    return sum(max(1, len(r.sections)) for _, r in items)


def query_mix(count: int, seed: int = 11) -> list[SearchQuery]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        q = SearchQuery(text=rng.choice(QUERIES), what=rng.choice(["documents", "documents", "saker"]), limit=20)
        roll = rng.random()
        if roll < 0.3:
            first = rng.randint(2015, 2023)
            q.year_from, q.year_to = first, first + rng.randint(0, 3)
        elif roll < 0.5:
            q.omrader = [rng.choice(AREAS)]
        elif roll < 0.6:
            q.doc_types = [rng.choice(["arsrapport", "referat"])]
        out.append(q)
    return out


def percentiles(samples: list[float]) -> dict[str, float]:
    s = sorted(samples)
    return {
        "p50_ms": round(statistics.median(s) * 1000, 2),
        "p95_ms": round(s[int(len(s) * 0.95) - 1] * 1000, 2),
        "max_ms": round(s[-1] * 1000, 2),
    }


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def bench_embedded(items: list[tuple[str, Record]], queries: list[SearchQuery],
                   decompound: bool = True) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="samsok-bench-"))
    try:
        analysis = load_analysis()
        if not decompound:
            analysis = replace(analysis, decompounder=Decompounder(frozenset()))
        backend = EmbeddedBackend(tmp / "index", analysis)
        started = time.perf_counter()
        backend.index_records(items)
        seconds = time.perf_counter() - started
        backend.search(SearchQuery(text="warmup"))
        times = []
        for q in queries:
            t = time.perf_counter()
            backend.search(q)
            times.append(time.perf_counter() - t)
        return {
            "decompounder": decompound,
            "index_seconds": round(seconds, 2),
            "sections_per_s": round(n_sections(items) / seconds),
            "index_bytes": dir_size(tmp / "index"),
            "query": percentiles(times),
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _os_body(backend: OpenSearchBackend, q: SearchQuery) -> tuple[str, dict[str, Any]]:
    tree = ast.parse(q.text, backend.synonyms)
    offset, limit = clamp_page(q)
    if q.what == "saker":
        return backend.aliases["saker"], dsl.saker_body(q, tree, offset, limit)
    return backend.aliases["sections"], dsl.documents_body(q, tree, offset, limit)


def bench_opensearch(url: str, items: list[tuple[str, Record]], queries: list[SearchQuery],
                     decompound: bool = True) -> dict[str, Any]:
    prefix = f"samsok-bench-{int(time.time())}"
    settings = OpenSearchSettings(url=url, index_prefix=prefix)
    backend = OpenSearchBackend(settings)
    client = backend.client
    try:
        if not decompound:
            _drop_decompounder(backend)
        # 1. through samsok
        started = time.perf_counter()
        backend.index_records(items)
        samsok_s = time.perf_counter() - started
        # 2. bare helpers.bulk of the same prepared actions into a twin index pair
        raw_aliases = {k: f"{prefix}-raw-{k}" for k in ("sections", "saker")}
        for kind, name in raw_aliases.items():
            client.indices.create(index=name, body=_twin_body(kind, decompound))
        actions = prepare_actions(items, raw_aliases)
        started = time.perf_counter()
        helpers.bulk(client, actions, chunk_size=500, request_timeout=120)
        client.indices.refresh(index=",".join(raw_aliases.values()))
        raw_s = time.perf_counter() - started
        stats = client.indices.stats(index=backend.indices_behind("sections")[0], metric="store")
        store = stats["_all"]["primaries"]["store"]["size_in_bytes"]
        # 3. queries through samsok vs the same bodies sent raw
        backend.search(SearchQuery(text="warmup"))
        samsok_t, raw_t = [], []
        for q in queries:
            index, body = _os_body(backend, q)
            t = time.perf_counter()
            client.search(index=index, body=body)
            raw_t.append(time.perf_counter() - t)
            t = time.perf_counter()
            backend.search(q)
            samsok_t.append(time.perf_counter() - t)
        s, r = percentiles(samsok_t), percentiles(raw_t)
        return {
            "decompounder": decompound,
            "index_seconds_samsok": round(samsok_s, 2),
            "index_seconds_bare_bulk": round(raw_s, 2),
            "index_ratio": round(samsok_s / raw_s, 2),
            "sections_per_s": round(n_sections(items) / samsok_s),
            "sections_index_bytes": store,
            "query_samsok": s,
            "query_raw": r,
            "p95_ratio": round(s["p95_ms"] / r["p95_ms"], 2),
        }
    finally:
        client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
        backend.close()


def _twin_body(kind: str, decompound: bool) -> dict[str, Any]:
    import index_mappings

    body = index_mappings.load_index(kind)
    if not decompound:
        _strip_decompound(body)
    return body


def _strip_decompound(body: dict[str, Any]) -> None:
    analyzer = body["settings"]["analysis"]["analyzer"]["no_parts"]
    analyzer["filter"] = [f for f in analyzer["filter"] if f != "no_decompound"]


def _drop_decompounder(backend: OpenSearchBackend) -> None:
    """Recreate the pair of indices without the decompounder (for the cost comparison)."""
    import index_mappings

    client = backend.client
    for kind in ("sections", "saker"):
        for name in backend.indices_behind(kind):
            client.indices.delete(index=name)
        body = index_mappings.load_index(kind)
        _strip_decompound(body)
        name = backend.index_name(kind)
        client.indices.create(index=name, body=body)
        client.indices.put_alias(index=name, name=backend.aliases[kind])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opensearch", default=None, help="OpenSearch URL (skip OpenSearch when absent)")
    parser.add_argument("--sizes", default="1000,10000,50000", help="corpus sizes in sections")
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    queries = query_mix(args.queries)
    out: dict[str, Any] = {"queries": len(queries), "growth": {}}
    sizes = [int(s) for s in args.sizes.split(",")]
    for size in sizes:
        items = make_corpus(size)
        row: dict[str, Any] = {"documents": len(items), "sections": n_sections(items)}
        row["embedded"] = bench_embedded(items, queries)
        if args.opensearch:
            row["opensearch"] = bench_opensearch(args.opensearch, items, queries)
        out["growth"][str(size)] = row
        print(json.dumps({str(size): row}), file=sys.stderr)
    mid = make_corpus(10_000 if 10_000 in sizes else sizes[0])
    out["without_decompounder"] = {"embedded": bench_embedded(mid, queries, decompound=False)}
    if args.opensearch:
        out["without_decompounder"]["opensearch"] = bench_opensearch(args.opensearch, mid, queries, decompound=False)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
