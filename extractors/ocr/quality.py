"""Is a page's text layer worth keeping? A pure test on the page's text (no PDF access).

A text layer fails when
- characters outside the alphabet (control characters, private-use code points, letters of
  other scripts) make up more than `MAX_FOREIGN_SHARE` of its characters, or
- fewer than `MIN_WORD_SHARE` of its words are Norwegian words by the hunspell word lists
  (`wordlist`), and a language detector does not say, with confidence, that the page is
  Norwegian (or a neighbouring Scandinavian language, which it confuses with Norwegian) or
  English.

`9DOJSURWRNROO…` (a font whose codes are shifted, where the page shows `Valgprotokoll…`)
fails both. The language detector is asked only for pages that fail the word test, so the
test costs a few set look-ups per word on born-digital pages.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from extractors.ocr.wordlist import inflection_endings, norwegian_words

# Letters of the Norwegian alphabet and the accented letters Norwegian text uses.
ALPHABET = frozenset("abcdefghijklmnopqrstuvwxyzæøåéèêóòôüäöáàçñ")
MAX_FOREIGN_SHARE = 0.05
MIN_WORD_SHARE = 0.5
MIN_WORDS = 5  # fewer words than this: nothing to judge by words
WORDS_CHECKED = 400  # at most this many words per page are looked up
LANGUAGES_TRUSTED = frozenset({"no", "nb", "nn", "da", "sv", "en"})
MIN_LANGUAGE_CONFIDENCE = 0.9
MIN_COMPOUND_PART = 3
COMPOUND_LINKS = ("", "s", "e")
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class TextQuality:
    letters: int
    words: int
    known_share: float  # share of the words checked that are Norwegian words
    foreign_share: float  # share of non-space characters outside the alphabet
    language: str | None = None  # the detector's answer, when it was asked
    confidence: float = 0.0
    reason: str | None = None  # why the layer fails; None when it passes

    @property
    def ok(self) -> bool:
        return self.reason is None


def is_foreign(char: str) -> bool:
    """A character no Norwegian text layer should hold (digits and punctuation are fine)."""
    if char.isalpha():
        return char.lower() not in ALPHABET
    category = unicodedata.category(char)
    return category in {"Cc", "Co", "Cs", "Cn"} and char not in "\t\r\n"


def is_known_word(word: str, words: Collection[str]) -> bool:
    """In the word list as it is, less an inflection ending, or as a compound of two known words."""
    if word in words:
        return True
    for ending in inflection_endings():
        if len(word) > len(ending) + 2 and word.endswith(ending) and word[: -len(ending)] in words:
            return True
    return _is_compound(word, words)


def _is_compound(word: str, words: Collection[str]) -> bool:
    for cut in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
        head, tail = word[:cut], word[cut:]
        if not _is_stem_or_inflected(tail, words):
            continue
        for link in COMPOUND_LINKS:
            if head.endswith(link) and len(head) - len(link) >= MIN_COMPOUND_PART and (
                head[: len(head) - len(link)] in words
            ):
                return True
    return False


def _is_stem_or_inflected(word: str, words: Collection[str]) -> bool:
    if word in words:
        return True
    return any(
        len(word) > len(ending) + 2 and word.endswith(ending) and word[: -len(ending)] in words
        for ending in inflection_endings()
    )


def detect_language(text: str) -> tuple[str | None, float]:
    """langdetect's best answer and its probability (seeded: deterministic)."""
    try:
        answers = _detector()(text[:4000])
    except Exception:  # langdetect raises on text without features
        return None, 0.0
    if not answers:
        return None, 0.0
    return answers[0].lang, float(answers[0].prob)


@cache
def _detector():  # type: ignore[no-untyped-def]
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    return detect_langs


def text_quality(text: str, words: Collection[str] | None = None) -> TextQuality:
    """Judge one page's text layer; `words` defaults to the hunspell word lists."""
    chars = [c for c in text if not c.isspace()]
    letters = sum(1 for c in chars if c.isalpha())
    foreign = sum(1 for c in chars if is_foreign(c))
    foreign_share = foreign / len(chars) if chars else 0.0
    tokens = [t.lower() for t in _WORD.findall(text)]
    checked = tokens[:WORDS_CHECKED]
    lexicon = norwegian_words() if words is None else words
    known = sum(1 for t in checked if is_known_word(t, lexicon)) if lexicon else len(checked)
    known_share = known / len(checked) if checked else 1.0
    base = dict(letters=letters, words=len(tokens), known_share=round(known_share, 3),
                foreign_share=round(foreign_share, 3))
    if foreign_share > MAX_FOREIGN_SHARE:
        return TextQuality(**base, reason="characters outside the alphabet")
    if len(checked) < MIN_WORDS or known_share >= MIN_WORD_SHARE:
        return TextQuality(**base)
    language, confidence = detect_language(text)
    if language in LANGUAGES_TRUSTED and confidence >= MIN_LANGUAGE_CONFIDENCE:
        return TextQuality(**base, language=language, confidence=round(confidence, 3))
    return TextQuality(**base, language=language, confidence=round(confidence, 3),
                       reason="few Norwegian words")
