"""The document's language: ISO 639-1, with Norwegian split into bokmål (`nb`) and
nynorsk (`nn`).

Norwegian is recognised from marker words of either written standard
(`data/language_markers.tsv`); which standard wins is decided by those markers.
langdetect (seeded, so it is deterministic) is asked only when the markers are too
few to say the text is Norwegian at all; it knows only `no` for Norwegian.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from nlp.resources import read_rows

# Norwegian needs at least this many marker words, and this share of the text's words,
# before langdetect is skipped.
MIN_MARKERS = 5
MIN_MARKER_SHARE = 0.02
SAMPLE_CHARS = 4000
MARKER_CHARS = 40000  # markers are counted in the text's first characters
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
NORWEGIAN_CODES = {"no", "nb", "nn", "da", "sv"}


@cache
def _markers() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    single: dict[str, str] = {}
    double: dict[tuple[str, str], str] = {}
    for word, language, *_ in read_rows("language_markers.tsv"):
        parts = word.casefold().split("_")
        if len(parts) == 2:
            double[(parts[0], parts[1])] = language
        else:
            single[parts[0]] = language
    return single, double


def marker_counts(text: str) -> Counter[str]:
    """How many nb and nn marker words `text` holds."""
    single, double = _markers()
    words = [w.casefold() for w in _WORD.findall(text)]
    counts: Counter[str] = Counter()
    for i, word in enumerate(words):
        language = single.get(word)
        if language:
            counts[language] += 1
        if i + 1 < len(words):
            pair = double.get((word, words[i + 1]))
            if pair:
                counts[pair] += 1
    counts["words"] = len(words)
    return counts


def norwegian_standard(counts: Counter[str]) -> str:
    """`nn` when the nynorsk markers outweigh the bokmål ones, else `nb`."""
    return "nn" if counts["nn"] > counts["nb"] else "nb"


@cache
def _langdetect():
    from langdetect import DetectorFactory, detect  # loads its language profiles: on first use only

    DetectorFactory.seed = 0
    return detect


def detect_language(text: str) -> str:
    """`nb`, `nn`, or another ISO 639-1 code (`en`, `sv` ...)."""
    counts = marker_counts(text[:MARKER_CHARS])
    markers = counts["nb"] + counts["nn"]
    if markers >= MIN_MARKERS and markers >= MIN_MARKER_SHARE * counts["words"]:
        return norwegian_standard(counts)
    sample = text[:SAMPLE_CHARS]
    if not sample.strip():
        return "nb"
    try:
        code = _langdetect()(sample)
    except Exception:  # langdetect raises on text without features (numbers only)
        return "nb"
    if code in NORWEGIAN_CODES and (markers or code == "no"):
        return norwegian_standard(counts)
    return code


def warm_up() -> None:
    _markers()
    _langdetect()("Dette er en norsk tekst om samarbeid mellom kommunen og sykehuset.")
