"""Is a page's text layer worth keeping? A pure test on the page's text (no PDF access).

A text layer fails when
- characters outside the alphabet (control characters, private-use code points, letters of
  other scripts) make up more than `MAX_FOREIGN_SHARE` of its characters, or
- fewer than `MIN_WORD_SHARE` of its words are Norwegian words by the hunspell word lists
  (`wordlist`), and a language detector does not say, with confidence, that the page is
  Norwegian (or a neighbouring Scandinavian language, which it confuses with Norwegian) or
  English.

`9DOJSURWRNROO…` (a font whose codes are shifted, where the page shows `Valgprotokoll…`)
fails both. The language detector is asked only for pages that fail the word test, and the word test
stops as soon as enough words are known, so on born-digital pages it costs a regular
expression over the text and a set look-up for a few hundred words (words are cached).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache

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
# Letters outside ALPHABET, control characters, private-use code points, U+FFFD.
_FOREIGN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]|(?![" + "".join(sorted(ALPHABET)) + "])[^\\W\\d_]",
    re.IGNORECASE,
)
# Characters surely fine (printable ASCII, the alphabet, common typography): deleted by
# `str.translate` before the slower `_FOREIGN` look at what is left.
_PLAIN = dict.fromkeys(
    [*range(0x20, 0x7F), *map(ord, "\t\r\n"), *map(ord, "".join(ALPHABET) + "".join(ALPHABET).upper()),
     *map(ord, "–—§«»‘’“”•·°½¼¾×")],
)
WORD_CHARS = 4000  # words are read from the page's first characters (WORDS_CHECKED words fit)


@dataclass(frozen=True)
class TextQuality:
    words: int  # words read (of the first WORD_CHARS characters)
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
    return _FOREIGN.fullmatch(char) is not None


@lru_cache(maxsize=200_000)
def _known_by_hunspell(word: str) -> bool:
    return is_known_word(word, norwegian_words())


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


def _known_share(tokens: list[str], words: Collection[str] | None) -> float:
    """Share of `tokens` that are known words; stops counting once the share passes the bar."""
    if not tokens:
        return 1.0
    known_by = _known_by_hunspell if words is None else (lambda t: is_known_word(t, words))
    if words is None and not norwegian_words():
        return 1.0  # no word list installed: judged by letters and language only
    enough = MIN_WORD_SHARE * len(tokens)
    known = 0
    for i, token in enumerate(tokens):
        if known_by(token):
            known += 1
            if known >= enough and i + 1 < len(tokens):
                # the bar is passed: the rest counted as checked so far, share of what was seen
                return known / (i + 1)
    return known / len(tokens)


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
    chars = sum(map(len, text.split()))
    rest = text.translate(_PLAIN)
    foreign = len(_FOREIGN.findall(rest)) if rest else 0
    foreign_share = foreign / chars if chars else 0.0
    tokens = _WORD.findall(text, 0, WORD_CHARS)
    checked = tokens[:WORDS_CHECKED]
    known_share = _known_share([t.lower() for t in checked], words)
    base = dict(words=len(tokens), known_share=round(known_share, 3), foreign_share=round(foreign_share, 3))
    if foreign_share > MAX_FOREIGN_SHARE:
        return TextQuality(**base, reason="characters outside the alphabet")
    if len(checked) < MIN_WORDS or known_share >= MIN_WORD_SHARE:
        return TextQuality(**base)
    language, confidence = detect_language(text)
    if language in LANGUAGES_TRUSTED and confidence >= MIN_LANGUAGE_CONFIDENCE:
        return TextQuality(**base, language=language, confidence=round(confidence, 3))
    return TextQuality(**base, language=language, confidence=round(confidence, 3),
                       reason="few Norwegian words")
