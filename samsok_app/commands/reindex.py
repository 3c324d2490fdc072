"""`samsok reindex [--backend ...]`: rebuild the search index from the catalog.

A new index generation is filled from `Catalog.iter_records()` and switched in
atomically (OpenSearch: alias swap; embedded: CURRENT file), then the old one is
removed. `--synonyms` only pushes index_mappings/synonyms.txt to OpenSearch (no
reindex needed; the embedded backend reads the file on every open).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator

from contract.record import Record
from samsok.catalog import Catalog
from samsok.config import Settings
from samsok.lock import run_lock
from samsok.search import open_backend
from samsok.search.base import BackendUnavailable
from samsok_app.commands._search_common import add_backend_option, unavailable

HELP = "rebuild the search index from the catalog (new generation, atomic switch)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_backend_option(parser)
    parser.add_argument("--synonyms", action="store_true",
                        help="only push index_mappings/synonyms.txt to the live OpenSearch indices")


def run(args: argparse.Namespace) -> int:
    settings = Settings.load(args.home, args.backend)
    with run_lock(settings.home):  # no ingest or nightly run changes the index meanwhile
        return _reindex(args, settings)


def _reindex(args: argparse.Namespace, settings: Settings) -> int:
    started = time.monotonic()
    try:
        backend = open_backend(settings, args.backend)
    except BackendUnavailable as exc:
        return unavailable("reindex", exc)
    try:
        if args.synonyms:
            update = getattr(backend, "update_synonyms", None)
            if update is None:
                print("samsok reindex: the embedded backend reads synonyms.txt on every open; nothing to do",
                      file=sys.stderr)
                return 0
            names = update()
            print(f"samsok reindex: synonyms updated in {', '.join(names)}", file=sys.stderr)
            return 0
        seen: list[str] = []
        with Catalog(settings.catalog_path) as catalog:

            def items() -> Iterator[tuple[str, Record]]:
                for doc_id, record in catalog.iter_records():
                    seen.append(doc_id)
                    yield doc_id, record

            backend.rebuild(items())
            catalog.forget_index(backend.name)
            catalog.mark_indexed(seen, backend.name)
    except BackendUnavailable as exc:
        return unavailable("reindex", exc)
    finally:
        backend.close()
    print(
        f"samsok reindex: {len(seen)} documents into {backend.name} in {time.monotonic() - started:.1f} s",
        file=sys.stderr,
    )
    return 0
