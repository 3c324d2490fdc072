"""Fixtures for the harvest / catalog / flow tests: a fault-injecting HTTP server on
127.0.0.1, PDFs, a fresh home, and ONE Prefect test harness for the whole session
(Prefect's first start creates its database; only the end-to-end tests pay for it)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Prefect reads these when first imported: keep its state out of the user's ~/.prefect.
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="samsok-test-prefect-"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from flowhelpers import FaultServer, make_pdf

from samsok.config import Settings


@pytest.fixture
def web() -> Iterator[FaultServer]:
    server = FaultServer()
    yield server
    server.close()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "home"
    monkeypatch.setenv("SAMSOK_HOME", str(path))
    monkeypatch.delenv("SAMSOK_BACKEND", raising=False)
    return path


@pytest.fixture
def settings(home: Path) -> Settings:
    return Settings.load(home, "embedded")


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A few distinct text PDFs (Norwegian minutes-like), made once per session."""
    base = tmp_path_factory.mktemp("pdfs")
    texts = {
        "referat-2024-03": ["Referat fra møte i Strategisk samarbeidsutvalg 12.03.2024",
                            "Sak 12/24 Samhandlingstilskudd", "Vedtak: Saken tas til orientering."],
        "referat-2024-06": ["Referat fra møte i Strategisk samarbeidsutvalg 04.06.2024",
                            "Sak 20/24 Rehabilitering", "Vedtak: Utvalget slutter seg til forslaget."],
        "arsrapport-2023": ["Årsrapport 2023 for helsefellesskapet",
                            "Helsefellesskapet har hatt fire møter i 2023."],
        "innkalling-2024-09": ["Innkalling til møte i Samarbeidsforum 10.09.2024",
                               "Sak 30/24 Felles handlingsplan"],
    }
    return {name: make_pdf(base / f"{name}.pdf", lines, pages=2) for name, lines in texts.items()}


@pytest.fixture(scope="session")
def prefect_api() -> Iterator[str]:
    """ONE Prefect test harness for the session; its API URL for subprocesses too."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield str(PREFECT_API_URL.value())
