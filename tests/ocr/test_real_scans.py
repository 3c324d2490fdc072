"""Real files from ../shared/realpdfs/: the Dovre scan and the Harstad garbled text layer.

Only the first pages are OCR'd (`max_pages`), which carry the words asked for; the rest of
each document keeps what it has, with the page-limit warning in the record.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contract.record import Record
from extractors.ocr import OcrOptions
from samsok.extraction import GuardedExtractor, extract_file
from tests.support.paths import SHARED

REALPDFS = SHARED / "realpdfs"
DOVRE = REALPDFS / "elections-no__elections-no.github.io__Dovre_kommune_Innlandet_fylke_-_kommunestyrevalget.pdf"
HARSTAD = REALPDFS / (
    "elections-no__elections-no.github.io__Harstad_kommune_Troms_og_Finnmark_fylke_-_kommunestyrevalget.pdf"
)
FIRST_PAGES = OcrOptions(max_pages=2)


def record_text(record: Record) -> str:
    return "\n".join([record.title or "", *(f"{s.title}\n{s.text}" for s in record.sections)])


@pytest.fixture(scope="module")
def dovre() -> Record:
    if not DOVRE.is_file():
        pytest.fail(f"missing real file {DOVRE}")
    return extract_file(DOVRE, ocr=FIRST_PAGES)


@pytest.fixture(scope="module")
def harstad() -> Record:
    if not HARSTAD.is_file():
        pytest.fail(f"missing real file {HARSTAD}")
    return extract_file(HARSTAD, ocr=FIRST_PAGES)


@pytest.mark.parametrize("name", ["dovre", "harstad"])
def test_scan_and_garbled_layer_give_their_words(name: str, request: pytest.FixtureRequest) -> None:
    record: Record = request.getfixturevalue(name)
    assert record.error is None
    assert record.source.ocr_pages == [1, 2]
    text = record_text(record)
    for word in ("Valgprotokoll", "stemmeberettigede", name.capitalize()):
        assert word in text, word
    assert record.year == 2019
    assert record.language in {"nb", "nn"}
    assert all(s.ocr for s in record.sections if s.page <= 2)


def test_harstad_garbled_layer_is_gone_from_the_ocrd_pages(harstad: Record) -> None:
    ocr_sections = [s for s in harstad.sections if s.page <= 2]
    assert ocr_sections and not any("9DOJSURWRNROO" in s.title + s.text for s in ocr_sections)
    assert "Antall stemmeberettigede 19611" in record_text(harstad)  # as page 2 prints it


def test_page_limit_warning_names_the_pages_left(dovre: Record, harstad: Record) -> None:
    assert [w.code for w in dovre.warnings] == ["ocr_page_limit"]
    assert "page(s) 3–26 were not OCR'd" in dovre.warnings[0].message
    assert [w.code for w in harstad.warnings] == ["ocr_page_limit"]


def test_dovre_without_ocr_is_the_no_text_error() -> None:
    record = extract_file(DOVRE, ocr=OcrOptions(enabled=False))
    assert record.error is not None and record.error.code == "no_text"
    assert "OCR is off" in record.error.message


def test_ocr_in_the_worker_pool_gets_time_per_ocr_page(tmp_path: Path) -> None:
    """The per-file limit (0.5 s) is far below two OCR'd pages: each OCR'd page adds its own
    limit, so the scan completes, and the text file beside it in the pool is read too."""
    from tests.ocr.scans import ScanPage, TextPage, build_pdf

    scan = build_pdf(tmp_path / "skann.pdf", [
        ScanPage(["Kommunestyret behandlet budsjettet."], heading="Protokoll fra kommunestyret"),
        ScanPage(["Saken ble vedtatt enstemmig."], heading="Sak 5/24 Budsjett"),
    ])
    text = build_pdf(tmp_path / "tekst.pdf", [TextPage(["Protokoll fra møtet i formannskapet i dag."])])
    with GuardedExtractor(workers=2, timeout_s=0.5, ocr=OcrOptions()) as pool:
        scanned, typed = pool.map([(scan, None), (text, None)])
    assert scanned.error is None and scanned.source.ocr_pages == [1, 2]
    assert "vedtatt enstemmig" in record_text(scanned)
    assert typed.error is None and typed.source.ocr_pages == []
