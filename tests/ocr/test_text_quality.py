"""The text-layer quality test and its hunspell word list, on real text layers."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from extractors.ocr.quality import is_foreign, is_known_word, text_quality
from extractors.ocr.wordlist import dictionary_encoding, norwegian_words, read_stems
from tests.ocr.test_real_scans import HARSTAD, REALPDFS
from tests.support.paths import SAMPLES

TINGVOLL = REALPDFS / "elections-no__elections-no.github.io__Tingvoll_kommune_kommunestyrevalet.pdf"


def layer_text(path: Path, page: int) -> str:
    document = pdfium.PdfDocument(path)
    try:
        textpage = document[page - 1].get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        document.close()


def test_stems_are_read_without_their_affix_flags(tmp_path: Path) -> None:
    (tmp_path / "x.aff").write_bytes(b"SET ISO8859-1\nTRY abc\n")
    (tmp_path / "x.dic").write_bytes("3\nmøte/AEG\nVedtak/B\nsak\n".encode("iso8859-1"))
    assert dictionary_encoding(tmp_path / "x.aff") == "iso8859-1"
    assert read_stems(tmp_path / "x.dic", "iso8859-1") == {"møte", "vedtak", "sak"}


def test_debian_word_lists_hold_bokmal_and_nynorsk() -> None:
    words = norwegian_words()
    assert {"møte", "kommune", "vedtak", "ikkje", "kyrkje"} <= words  # nb and nn stems
    assert is_known_word("møtene", words)  # stem + ending
    assert is_known_word("stemmeberettigede", words)  # a compound: stemme + berettiget + e
    assert is_known_word("samarbeidsutvalget", words)  # linking s, definite ending
    assert not is_known_word("dojsurwrnrool", words)


def test_harstad_garbled_layer_fails() -> None:
    for page in (1, 2, 3):
        quality = text_quality(layer_text(HARSTAD, page))
        assert not quality.ok, page
        assert quality.known_share < 0.2


def test_born_digital_and_others_ocr_layers_pass() -> None:
    sample = next(SAMPLES.glob("*.pdf"))
    assert text_quality(layer_text(sample, 1)).ok
    quality = text_quality(layer_text(TINGVOLL, 1))  # the publisher's own OCR layer: good enough
    assert quality.ok and quality.known_share > 0.7


def test_english_page_passes_by_the_language_detector() -> None:
    text = ("The board discussed the annual report and the budget for the coming year. "
            "The members agreed that the hospital and the municipalities should continue "
            "their cooperation on emergency care and report back at the next meeting.")
    quality = text_quality(text)
    assert quality.known_share < 0.5 and quality.ok and quality.language == "en"


def test_characters_outside_the_alphabet_fail() -> None:
    assert is_foreign("\x15") and is_foreign("Ж") and not is_foreign("ø") and not is_foreign("§")
    quality = text_quality("Møte i samarbeidsutvalget \x15\x13\x14\x1c\x15\x13\x14\x1c 2019")
    assert quality.reason == "characters outside the alphabet"


def test_short_text_is_not_judged_by_words() -> None:
    assert text_quality("Side 3").ok
