"""`samsok opensearch start|stop|status|run -- CMD`: a real local OpenSearch node."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from devtools import opensearch_node as node

HELP = "start, stop or inspect a local single-node OpenSearch (fetched from Maven Central)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["start", "stop", "status", "run"])
    parser.add_argument("--version", default=node.DEFAULT_VERSION, help="OpenSearch version")
    parser.add_argument("--port", type=int, default=None, help="HTTP port (default: a free one)")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for health yellow")
    parser.add_argument("cmd", nargs=argparse.REMAINDER, help="for `run`: -- COMMAND [ARGS...]")


def _log(message: str) -> None:
    print(message, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    try:
        if args.action == "start":
            info = node.start(args.version, args.port, args.timeout, log=_log)
            print(info.url)
            return 0
        if args.action == "stop":
            stopped = node.stop()
            _log("OpenSearch stopped" if stopped else "no OpenSearch node was running")
            return 0
        if args.action == "status":
            info = node.status()
            if info is None:
                print("not running")
                return 1
            health = node.health(info.url) or {}
            print(
                f"running pid={info.pid} url={info.url} version={info.version} health={health.get('status', '?')}"
            )
            return 0
        return _run_with_node(args)
    except node.NodeError as exc:
        print(exc.describe(), file=sys.stderr)
        return 1


def _run_with_node(args: argparse.Namespace) -> int:
    cmd = list(args.cmd)
    if cmd and cmd[0] == "--":
        cmd = cmd[1:]
    if not cmd:
        print("samsok opensearch run: give a command after --", file=sys.stderr)
        return 2
    was_running = node.status() is not None
    info = node.start(args.version, args.port, args.timeout, log=_log)
    _log(f"OpenSearch {info.version} at {info.url}")
    env = dict(os.environ, SAMSOK_OPENSEARCH_URL=info.url)
    try:
        return subprocess.call(cmd, env=env)
    finally:
        if not was_running:
            node.stop(quiet=True)
            _log("OpenSearch stopped")
