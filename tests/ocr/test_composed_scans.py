"""Composed PDFs with scanned pages: OCR per page, text pages keep their layer, the document whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import NoTextLayerError, read_layout
from extractors.ocr import OcrOptions
from samsok.extraction import extract_file
from tests.ocr.scans import BlankScan, ScanPage, TextPage, build_pdf

MINUTES_START = TextPage(
    heading="Protokoll fra møte i samarbeidsutvalget",
    lines=[
        "Møtet ble holdt på Rådhuset 14. mars 2024.",
        "Til stede: Kari Nordmann, Ola Hansen og Per Olsen.",
        "Sak 11/24 Godkjenning av innkalling og saksliste",
        "Vedtak: Innkalling og saksliste godkjennes.",
    ],
)
SCANNED_MIDDLE = ScanPage(
    heading="Sak 12/24 Budsjett for legevakten",
    lines=[
        "Kommunene har drøftet fordelingen av utgiftene til legevakten.",
        "Vedtak: Samarbeidsutvalget godkjenner budsjettet for legevakten.",
        "Protokollen ble underskrevet av begge parter.",
    ],
)
MINUTES_END = TextPage(
    heading="Sak 13/24 Eventuelt",
    lines=["Det ble ikke meldt noen saker under eventuelt.", "Neste møte holdes i juni."],
)


def test_scanned_page_between_text_pages(tmp_path: Path) -> None:
    pdf = build_pdf(tmp_path / "blandet.pdf", [MINUTES_START, SCANNED_MIDDLE, MINUTES_END])
    layout = read_layout(pdf, OcrOptions())
    assert layout.ocr_pages == [2]
    assert "Vedtak: Innkalling og saksliste godkjennes." in layout.page_text(1)
    assert "Samarbeidsutvalget godkjenner budsjettet for legevakten" in layout.page_text(2)
    assert "Neste møte holdes i juni." in layout.page_text(3)
    record = extract_file(pdf, ocr=OcrOptions())
    assert record.error is None and record.source.ocr_pages == [2]
    saker = {s.saksnummer: s for s in record.saker}
    assert {"11/2024", "12/2024", "13/2024"} <= set(saker)
    assert saker["12/2024"].page == 2
    assert "godkjenner budsjettet for legevakten" in (saker["12/2024"].vedtak or "")
    by_page = {s.page: s for s in record.sections}
    assert by_page[2].ocr and not by_page[3].ocr
    assert record.to_dict()["source"]["ocr_pages"] == [2]


def test_heading_on_a_scan_is_found_by_its_size(tmp_path: Path) -> None:
    pdf = build_pdf(tmp_path / "skann.pdf", [SCANNED_MIDDLE])
    layout = read_layout(pdf, OcrOptions())
    heading = next(line for line in layout.lines if line.text.startswith("Sak 12/24"))
    body = next(line for line in layout.lines if line.text.startswith("Kommunene"))
    assert heading.size > body.size * 1.2  # 16 pt bold against 11 pt body
    assert [s.title for s in layout.sections][:1] == ["Sak 12/24 Budsjett for legevakten"]


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_rotated_scan_is_read_upright(tmp_path: Path, turn: int) -> None:
    pdf = build_pdf(tmp_path / "snudd.pdf", [MINUTES_START, ScanPage(SCANNED_MIDDLE.lines, turn=turn)])
    layout = read_layout(pdf, OcrOptions())
    assert layout.ocr_pages == [2]
    assert layout.page_text(2).splitlines() == list(SCANNED_MIDDLE.lines)  # upright, lines in order


def test_blank_scanned_page_gives_no_text_and_keeps_the_rest(tmp_path: Path) -> None:
    pdf = build_pdf(tmp_path / "blank.pdf", [MINUTES_START, BlankScan(), MINUTES_END])
    layout = read_layout(pdf, OcrOptions())
    assert layout.ocr_pages == [2]
    assert layout.page_text(2) == ""
    assert "Neste møte holdes i juni." in layout.page_text(3)


def test_only_blank_scans_is_a_clear_error(tmp_path: Path) -> None:
    pdf = build_pdf(tmp_path / "blanke.pdf", [BlankScan(), BlankScan()])
    with pytest.raises(NoTextLayerError) as caught:
        read_layout(pdf, OcrOptions())
    assert "OCR tried 2 of them and found no text" in caught.value.message
    record = extract_file(pdf, ocr=OcrOptions())
    assert record.error is not None and record.error.code == "no_text"


def test_scan_at_150_dpi(tmp_path: Path) -> None:
    pdf = build_pdf(tmp_path / "lavopploselig.pdf", [ScanPage(SCANNED_MIDDLE.lines, dpi=150)])
    layout = read_layout(pdf, OcrOptions())
    assert layout.ocr_pages == [1]
    text = layout.page_text(1)
    assert "Samarbeidsutvalget godkjenner budsjettet for legevakten." in text
    assert "Protokollen ble underskrevet av begge parter." in text


def test_page_limit_is_a_warning_in_the_record(tmp_path: Path) -> None:
    pdf = build_pdf(tmp_path / "to-skann.pdf", [SCANNED_MIDDLE, ScanPage(MINUTES_END.lines)])
    record = extract_file(pdf, ocr=OcrOptions(max_pages=1))
    assert record.error is None and record.source.ocr_pages == [1]
    [warning] = [w for w in record.to_dict()["warnings"]]
    assert warning["code"] == "ocr_page_limit" and "page(s) 2 were not OCR'd" in warning["message"]


def test_page_time_limit_is_a_warning_or_a_clear_error(tmp_path: Path) -> None:
    mixed = build_pdf(tmp_path / "blandet.pdf", [MINUTES_START, SCANNED_MIDDLE])
    record = extract_file(mixed, ocr=OcrOptions(page_timeout_s=0.001))
    assert record.error is None and record.source.ocr_pages == []
    assert [w.code for w in record.warnings] == ["ocr_timeout"]
    assert "page(s) 2" in record.warnings[0].message
    scan = build_pdf(tmp_path / "skann.pdf", [SCANNED_MIDDLE])
    record = extract_file(scan, ocr=OcrOptions(page_timeout_s=0.001))
    assert record.error is not None and record.error.code == "no_text"
    assert "OCR took longer than 0.001 s on page(s) 1" in record.error.message


def test_good_text_pages_are_not_ocrd(tmp_path: Path) -> None:
    pdf = build_pdf(tmp_path / "tekst.pdf", [MINUTES_START, MINUTES_END])
    layout = read_layout(pdf, OcrOptions())
    assert layout.ocr_pages == [] and layout.warnings == []
