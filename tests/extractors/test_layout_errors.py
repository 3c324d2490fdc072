"""Bad input raises typed errors with stable codes; each bad file is made in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import (
    ERROR_CODES,
    CorruptPdfError,
    EmptyPdfError,
    EncryptedPdfError,
    LayoutError,
    NoTextLayerError,
    NotPdfError,
    TruncatedPdfError,
    UnreadableFileError,
    read_layout,
)
from tests.support.pdfs import (
    SAMPLES,
    body,
    encrypted_pdf,
    image_only_pdf,
    text_file_named_pdf,
    truncated_copy,
    write_pdf,
    zero_page_pdf,
)

REAL_PDF = SAMPLES / "ous-styresak-19-2021-helsefellesskap.pdf"


def test_text_file_renamed_pdf(tmp_path: Path) -> None:
    with pytest.raises(NotPdfError) as caught:
        read_layout(text_file_named_pdf(tmp_path / "referat.pdf"))
    assert caught.value.code == "not_pdf"


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "tom.pdf"
    path.write_bytes(b"")
    with pytest.raises(NotPdfError):
        read_layout(path)


@pytest.mark.parametrize("share", [0.2, 0.5, 0.9, 0.999])
def test_truncated_copy_of_a_real_pdf(tmp_path: Path, share: float) -> None:
    with pytest.raises(TruncatedPdfError) as caught:
        read_layout(truncated_copy(REAL_PDF, tmp_path / "avbrutt.pdf", share))
    assert caught.value.code == "truncated"


def test_corrupt_pdf_with_header_and_eof(tmp_path: Path) -> None:
    path = tmp_path / "skadet.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    with pytest.raises(CorruptPdfError) as caught:
        read_layout(path)
    assert caught.value.code == "corrupt"


def test_encrypted_pdf(tmp_path: Path) -> None:
    with pytest.raises(EncryptedPdfError) as caught:
        read_layout(encrypted_pdf(tmp_path / "kryptert.pdf"))
    assert caught.value.code == "encrypted"


def test_image_only_pdf_has_no_text_layer(tmp_path: Path) -> None:
    """Pictures of bars, not of letters: OCR reads both pages and finds nothing; a clear error."""
    with pytest.raises(NoTextLayerError) as caught:
        read_layout(image_only_pdf(tmp_path / "skannet.pdf"))
    assert caught.value.code == "no_text"
    assert "OCR tried 2 of them and found no text" in caught.value.message


def test_image_only_pdf_with_ocr_off(tmp_path: Path) -> None:
    from extractors.ocr import OCR_OFF

    with pytest.raises(NoTextLayerError) as caught:
        read_layout(image_only_pdf(tmp_path / "skannet.pdf"), OCR_OFF)
    assert "OCR is off" in caught.value.message


def test_zero_page_pdf(tmp_path: Path) -> None:
    with pytest.raises(EmptyPdfError) as caught:
        read_layout(zero_page_pdf(tmp_path / "ingen-sider.pdf"))
    assert caught.value.code == "empty"


def test_zero_page_pdf_after_an_encrypted_one(tmp_path: Path) -> None:
    """pdfium keeps its last error code; an empty file must not be reported as encrypted."""
    with pytest.raises(EncryptedPdfError):
        read_layout(encrypted_pdf(tmp_path / "kryptert.pdf"))
    with pytest.raises(EmptyPdfError):
        read_layout(zero_page_pdf(tmp_path / "ingen-sider.pdf"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        read_layout(tmp_path / "finnes-ikke.pdf")
    assert caught.value.code == "unreadable"


def test_owner_password_only_is_readable(tmp_path: Path) -> None:
    """Encryption without a user password restricts editing, not reading."""
    doc = read_layout(encrypted_pdf(tmp_path / "begrenset.pdf", user_password=""))
    assert doc.text() == "Referat fra Strategisk samarbeidsutvalg"


def test_codes_are_stable_and_distinct() -> None:
    assert ERROR_CODES == (
        "unreadable",
        "not_pdf",
        "encrypted",
        "truncated",
        "corrupt",
        "empty",
        "no_text",
        "timeout",
        "worker_crashed",
    )
    assert all(issubclass(cls, LayoutError) for cls in (NotPdfError, EmptyPdfError, NoTextLayerError))


def test_a_good_pdf_next_to_bad_ones_still_reads(tmp_path: Path) -> None:
    with pytest.raises(NotPdfError):
        read_layout(text_file_named_pdf(tmp_path / "a.pdf"))
    doc = read_layout(write_pdf(tmp_path / "b.pdf", [body(["Vedtak: SSU tar saken til orientering."])]))
    assert doc.text() == "Vedtak: SSU tar saken til orientering."
