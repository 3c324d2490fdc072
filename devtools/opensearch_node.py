"""A real single-node OpenSearch for development and tests, started by samsok itself.

OpenSearch is neither in Debian nor runnable in Docker here, so samsok fetches the
distribution from Maven Central:

* ``org.opensearch.distribution.integ-test-zip:opensearch:<version>:zip`` (core with the
  transport module only), and
* ``org.opensearch.plugin:analysis-common:<version>`` (the ``norwegian`` analyzer, the
  ``stemmer``, ``synonym_graph`` and decompounder filters),

with ``mvn -q dependency:copy`` into ``~/.cache/samsok/opensearch/<version>/``, unpacks the
zip once, installs analysis-common as a module (its own folder under ``modules/`` with the
jar and a ``plugin-descriptor.properties`` written here), and starts one node on 127.0.0.1
with the system JDK, a free HTTP port, a 512 MB heap and a temporary data path.

Each start gets a fresh run directory (the distribution hard-linked, config copied,
data and logs inside); ``stop`` kills the node and removes that directory. OpenSearch
refuses to run as root, so when samsok runs as root the node runs as ``nobody``.

Failures raise :class:`NodeError` naming the step (download, unpack, start, health)
with the tail of the node's log.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

DEFAULT_VERSION = "2.19.3"
DISTRIBUTION = "org.opensearch.distribution.integ-test-zip:opensearch:{v}:zip"
ANALYSIS_COMMON = "org.opensearch.plugin:analysis-common:{v}"
HEAP = "512m"
UNPRIVILEGED_USER = "nobody"

ANALYSIS_COMMON_DESCRIPTOR = """\
description=Adds "built in" analyzers to OpenSearch (installed as a module by samsok).
version={v}
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisPlugin
java.version=11
opensearch.version={v}
custom.foldername=
extended.plugins=
has.native.controller=false
"""


class NodeError(RuntimeError):
    """A step of bringing up OpenSearch failed."""

    def __init__(self, step: str, message: str, log_tail: str = "") -> None:
        self.step = step
        self.log_tail = log_tail
        super().__init__(f"OpenSearch {step} failed: {message}")

    def describe(self) -> str:
        text = str(self)
        if self.log_tail:
            text += "\n--- log tail ---\n" + self.log_tail.rstrip()
        return text


@dataclass
class NodeInfo:
    pid: int
    url: str
    run_dir: str
    version: str
    user: str | None = None


def cache_root() -> Path:
    base = os.environ.get("SAMSOK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "samsok"
    )
    return Path(base) / "opensearch"


def state_file() -> Path:
    return cache_root() / "node.json"


def java_home() -> str:
    """The system JDK: JAVA_HOME if set, else the directory above the `java` on PATH."""
    configured = os.environ.get("OPENSEARCH_JAVA_HOME") or os.environ.get("JAVA_HOME")
    if configured:
        return configured
    java = shutil.which("java")
    if not java:
        raise NodeError("start", "no JDK found: install a JDK 17 or set JAVA_HOME")
    return str(Path(os.path.realpath(java)).parent.parent)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ---------------------------------------------------------------- download / unpack


def ensure_distribution(version: str = DEFAULT_VERSION, log=print) -> Path:
    """Download (first time only) and unpack OpenSearch with analysis-common; return its home."""
    vdir = cache_root() / version
    home = vdir / f"opensearch-{version}"
    marker = home / ".samsok-ready"
    if marker.exists():
        return home
    vdir.mkdir(parents=True, exist_ok=True)
    zip_path = vdir / f"opensearch-{version}.zip"
    jar_path = vdir / f"analysis-common-{version}.jar"
    for artifact, target in (
        (DISTRIBUTION.format(v=version), zip_path),
        (ANALYSIS_COMMON.format(v=version), jar_path),
    ):
        if target.exists() and target.stat().st_size > 0:
            continue
        log(f"downloading {artifact} from Maven Central ...")
        _maven_copy(artifact, vdir)
        if not target.exists():
            raise NodeError("download", f"mvn did not produce {target.name}")
    try:
        staging = Path(tempfile.mkdtemp(prefix="unpack-", dir=vdir))
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(staging)
        unpacked = staging / f"opensearch-{version}"
        if not (unpacked / "bin" / "opensearch").exists():
            raise NodeError("unpack", f"{zip_path.name} has no opensearch-{version}/bin/opensearch")
        for script in (unpacked / "bin").iterdir():
            script.chmod(0o755)
        module_dir = unpacked / "modules" / "analysis-common"
        module_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy2(jar_path, module_dir / jar_path.name)
        (module_dir / "plugin-descriptor.properties").write_text(
            ANALYSIS_COMMON_DESCRIPTOR.format(v=version), encoding="utf-8"
        )
        if home.exists():
            shutil.rmtree(home)
        unpacked.rename(home)
        shutil.rmtree(staging, ignore_errors=True)
        marker.write_text(version, encoding="utf-8")
    except zipfile.BadZipFile as exc:
        zip_path.unlink(missing_ok=True)
        raise NodeError("unpack", f"{zip_path} is not a valid zip ({exc}); it was removed, retry") from exc
    except OSError as exc:
        raise NodeError("unpack", str(exc)) from exc
    return home


def _maven_copy(artifact: str, output_dir: Path) -> None:
    mvn = shutil.which("mvn")
    if not mvn:
        raise NodeError("download", "Maven (mvn) is not on PATH")
    cmd = [mvn, "-q", "-B", "dependency:copy", f"-Dartifact={artifact}", f"-DoutputDirectory={output_dir}"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-30:])
        raise NodeError("download", f"`{' '.join(cmd)}` exited {proc.returncode}", tail)


# ---------------------------------------------------------------- start / stop


def _run_as_unprivileged() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _link_tree(src: Path, dst: Path) -> None:
    """Hard-link a directory tree (falls back to copying across file systems)."""
    try:
        shutil.copytree(src, dst, copy_function=os.link, symlinks=True)
    except OSError:
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(src, dst, symlinks=True)


def _chown_tree(path: Path, uid: int, gid: int) -> None:
    """Give the node's user its run directory; hard-linked distribution files (shared with
    the cache, world-readable) keep their owner."""
    os.chown(path, uid, gid)
    for root, dirs, files in os.walk(path):
        for name in dirs:
            os.chown(os.path.join(root, name), uid, gid, follow_symlinks=False)
        for name in files:
            full = os.path.join(root, name)
            if os.lstat(full).st_nlink == 1:
                os.chown(full, uid, gid, follow_symlinks=False)


def start(
    version: str = DEFAULT_VERSION, port: int | None = None, timeout: float = 180.0, log=print
) -> NodeInfo:
    """Start a node (or return the running one recorded in the state file)."""
    current = status()
    if current is not None:
        return current
    home = ensure_distribution(version, log=log)
    run_dir = Path(tempfile.mkdtemp(prefix="samsok-opensearch-"))
    os.chmod(run_dir, 0o755)
    node_home = run_dir / "opensearch"
    _link_tree(home, node_home)
    conf = node_home / "config"
    data = run_dir / "data"
    logs = run_dir / "logs"
    tmp = run_dir / "tmp"
    for d in (data, logs, tmp):
        d.mkdir()
    http_port = port or free_port()
    transport_port = free_port()
    # Replace the hard-linked config with private copies we can edit.
    for item in conf.iterdir():
        if item.is_file():
            content = item.read_bytes()
            item.unlink()
            item.write_bytes(content)
    (conf / "opensearch.yml").write_text(
        "\n".join(
            [
                "cluster.name: samsok-dev",
                "node.name: samsok-node-1",
                "discovery.type: single-node",
                "network.host: 127.0.0.1",
                f"http.port: {http_port}",
                f"transport.port: {transport_port}",
                f"path.data: {data}",
                f"path.logs: {logs}",
                "action.auto_create_index: true",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "",
            ]
        ),
        encoding="utf-8",
    )
    env = dict(os.environ)
    env.update(
        OPENSEARCH_JAVA_HOME=java_home(),
        OPENSEARCH_JAVA_OPTS=f"-Xms{HEAP} -Xmx{HEAP}",
        OPENSEARCH_PATH_CONF=str(conf),
        OPENSEARCH_TMPDIR=str(tmp),
    )
    env.pop("JAVA_TOOL_OPTIONS", None)
    user = None
    popen_kwargs: dict = {}
    if _run_as_unprivileged():
        import pwd  # POSIX only, and only when running as root

        entry = pwd.getpwnam(UNPRIVILEGED_USER)
        _chown_tree(run_dir, entry.pw_uid, entry.pw_gid)
        popen_kwargs = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        env["HOME"] = str(run_dir)
        user = UNPRIVILEGED_USER
    console = open(run_dir / "console.log", "wb")  # noqa: SIM115 - handed to the child process
    try:
        proc = subprocess.Popen(
            [str(node_home / "bin" / "opensearch")],
            cwd=run_dir,
            env=env,
            stdout=console,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            **popen_kwargs,
        )
    except OSError as exc:
        raise NodeError("start", str(exc), _log_tail(run_dir)) from exc
    finally:
        console.close()
    info = NodeInfo(
        pid=proc.pid, url=f"http://127.0.0.1:{http_port}", run_dir=str(run_dir), version=version, user=user
    )
    state_file().parent.mkdir(parents=True, exist_ok=True)
    state_file().write_text(json.dumps(asdict(info)), encoding="utf-8")
    try:
        _wait_for_health(info, proc, timeout)
    except NodeError:
        stop(quiet=True)
        raise
    return info


def _wait_for_health(info: NodeInfo, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last_error = "no answer"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise NodeError(
                "start", f"the node exited with status {proc.returncode}", _log_tail(Path(info.run_dir))
            )
        try:
            with urllib.request.urlopen(
                f"{info.url}/_cluster/health?wait_for_status=yellow&timeout=5s", timeout=10
            ) as resp:
                body = json.loads(resp.read())
                if body.get("status") in ("yellow", "green"):
                    return
                last_error = f"status {body.get('status')}"
        except (urllib.error.URLError, OSError, ValueError) as exc:
            last_error = str(exc)
        time.sleep(1.0)
    raise NodeError(
        "health",
        f"cluster health not yellow after {timeout:.0f}s ({last_error})",
        _log_tail(Path(info.run_dir)),
    )


def _log_tail(run_dir: Path, lines: int = 40) -> str:
    chunks = []
    for name in ("console.log", "logs/samsok-dev.log"):
        path = run_dir / name
        if path.exists():
            text = path.read_text(encoding="utf-8", errors="replace").splitlines()
            chunks.append(f"[{name}]\n" + "\n".join(text[-lines:]))
    return "\n".join(chunks)


def _load_state() -> NodeInfo | None:
    try:
        return NodeInfo(**json.loads(state_file().read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def status() -> NodeInfo | None:
    """The running node from the state file, or None (a stale state file is cleaned up)."""
    info = _load_state()
    if info is None:
        return None
    if not _alive(info.pid):
        _cleanup(info)
        return None
    return info


def health(url: str) -> dict | None:
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=5) as resp:
            return json.loads(resp.read())
    except (urllib.error.URLError, OSError, ValueError):
        return None


def stop(quiet: bool = False) -> bool:
    """Stop the node and remove its run directory (data included). True if one was running."""
    info = _load_state()
    if info is None:
        return False
    was_running = _alive(info.pid)
    if was_running:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(info.pid, signal.SIGTERM)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and _alive(info.pid):
            _reap(info.pid)
            time.sleep(0.2)
        if _alive(info.pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(info.pid, signal.SIGKILL)
            time.sleep(0.5)
            _reap(info.pid)
    _cleanup(info)
    return was_running


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)


def _cleanup(info: NodeInfo) -> None:
    run_dir = Path(info.run_dir)
    if run_dir.name.startswith("samsok-opensearch-"):
        shutil.rmtree(run_dir, ignore_errors=True)
    state_file().unlink(missing_ok=True)
