"""`samsok serve`: the web UI and JSON API (read-only) on 127.0.0.1 unless --host says otherwise."""

from __future__ import annotations

import argparse
import sys

from samsok.config import Settings

HELP = "web UI and JSON API (default http://127.0.0.1:8000)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="TCP port (default 8000)")
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, this machine only)"
    )
    parser.add_argument(
        "--backend", choices=["embedded", "opensearch"], default=None,
        help="search backend (default $SAMSOK_BACKEND or embedded)",
    )


def run(args: argparse.Namespace) -> int:
    # the web stack is loaded by `serve` only, not by every command's start-up
    import uvicorn

    from samsok_app.web.app import create_app

    settings = Settings.load(args.home, args.backend)
    app = create_app(settings, settings.backend)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(
        f"samsok serve: http://{shown}:{args.port}/ (backend {settings.backend}, home {settings.home})",
        file=sys.stderr,
    )
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        log_level="info" if getattr(args, "verbose", False) else "warning",
        access_log=bool(getattr(args, "verbose", False)),
        server_header=False,
        proxy_headers=False,
    )
    server = uvicorn.Server(config)
    server.run()
    return 0 if server.started else 1
